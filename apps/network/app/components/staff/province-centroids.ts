// Approximate positions (the provincial seat, decimal degrees, WGS 84) of Thailand's 77 provinces,
// keyed by the province code of the `provinces` table (packages/db/src/reference/provinces.ts).
// Enough to place one marker per province on a map-like picture; not a boundary map.

export const PROVINCE_CENTROIDS: Readonly<Record<number, readonly [lat: number, lon: number]>> = {
  10: [13.75, 100.5], 11: [13.6, 100.6], 12: [13.86, 100.51], 13: [14.02, 100.53], 14: [14.35, 100.57], 15: [14.59, 100.45],
  16: [14.8, 100.65], 17: [14.89, 100.4], 18: [15.19, 100.13], 19: [14.53, 100.91],
  20: [13.36, 100.98], 21: [12.68, 101.28], 22: [12.61, 102.1], 23: [12.24, 102.52], 24: [13.69, 101.07], 25: [14.05, 101.37],
  26: [14.21, 101.21], 27: [13.82, 102.07],
  30: [14.97, 102.1], 31: [14.99, 103.1], 32: [14.88, 103.49], 33: [15.12, 104.32], 34: [15.24, 104.85], 35: [15.79, 104.15],
  36: [15.81, 102.03], 37: [15.86, 104.63], 38: [18.36, 103.65], 39: [17.2, 102.44],
  40: [16.43, 102.84], 41: [17.41, 102.79], 42: [17.49, 101.72], 43: [17.88, 102.74], 44: [16.18, 103.3], 45: [16.05, 103.65],
  46: [16.43, 103.51], 47: [17.16, 104.15], 48: [17.41, 104.78], 49: [16.54, 104.72],
  50: [18.79, 98.98], 51: [18.58, 99.01], 52: [18.29, 99.49], 53: [17.62, 100.1], 54: [18.14, 100.14], 55: [18.78, 100.78],
  56: [19.17, 99.9], 57: [19.91, 99.83], 58: [19.3, 97.97],
  60: [15.7, 100.14], 61: [15.38, 100.02], 62: [16.48, 99.52], 63: [16.88, 99.13], 64: [17.01, 99.82], 65: [16.82, 100.26],
  66: [16.44, 100.35], 67: [16.42, 101.16],
  70: [13.54, 99.81], 71: [14.0, 99.55], 72: [14.47, 100.12], 73: [13.82, 100.06], 74: [13.55, 100.27], 75: [13.41, 100.0],
  76: [13.11, 99.94], 77: [11.81, 99.8],
  80: [8.43, 99.96], 81: [8.09, 98.91], 82: [8.45, 98.53], 83: [7.88, 98.39], 84: [9.14, 99.33], 85: [9.96, 98.64], 86: [10.49, 99.18],
  90: [7.19, 100.6], 91: [6.62, 100.07], 92: [7.56, 99.61], 93: [7.62, 100.08], 94: [6.87, 101.25], 95: [6.54, 101.28], 96: [6.43, 101.82],
};

export interface PlacedProvince {
  code: number;
  x: number;
  y: number;
}

/**
 * Places the given provinces in a `width` × `height` box: an equirectangular projection
 * (longitude shrunk by the cosine of the mean latitude) scaled to fit, then nudged apart so
 * markers of radius `radius` do not overlap (neighbours around Bangkok are a few km apart).
 * Codes without a known position are left out.
 */
export function placeProvinces(codes: readonly number[], width: number, height: number, radius: number): PlacedProvince[] {
  const known = codes.filter((code) => PROVINCE_CENTROIDS[code]);
  if (known.length === 0) return [];
  const lat0 = known.reduce((sum, code) => sum + PROVINCE_CENTROIDS[code]![0], 0) / known.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const raw = known.map((code) => {
    const [lat, lon] = PROVINCE_CENTROIDS[code]!;
    return { code, x: lon * k, y: -lat };
  });
  const pad = radius * 1.6;
  const [minX, maxX] = [Math.min(...raw.map((p) => p.x)), Math.max(...raw.map((p) => p.x))];
  const [minY, maxY] = [Math.min(...raw.map((p) => p.y)), Math.max(...raw.map((p) => p.y))];
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  // Centre the picture in the box.
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  const placed = raw.map((p) => ({ code: p.code, x: known.length === 1 ? width / 2 : offX + (p.x - minX) * scale, y: known.length === 1 ? height / 2 : offY + (p.y - minY) * scale }));
  // Push overlapping markers apart, a few rounds; deterministic (same input, same picture).
  const min = radius * 2.3;
  for (let round = 0; round < 60; round++) {
    let moved = false;
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i]!;
        const b = placed[j]!;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let d = Math.hypot(dx, dy);
        if (d >= min) continue;
        if (d === 0) [dx, dy, d] = [1, 0, 1];
        const push = (min - d) / 2;
        a.x -= (dx / d) * push;
        a.y -= (dy / d) * push;
        b.x += (dx / d) * push;
        b.y += (dy / d) * push;
        moved = true;
      }
    }
    for (const p of placed) {
      p.x = Math.min(width - radius, Math.max(radius, p.x));
      p.y = Math.min(height - radius, Math.max(radius, p.y));
    }
    if (!moved) break;
  }
  return placed;
}

/** Height for a `width`-wide picture of these provinces that keeps their shape (north–south over east–west), within [min, max]. */
export function mapHeight(codes: readonly number[], width: number, radius: number, min: number, max: number): number {
  const known = codes.map((code) => PROVINCE_CENTROIDS[code]).filter((c): c is readonly [number, number] => Boolean(c));
  if (known.length < 2) return min;
  const lat0 = known.reduce((sum, [lat]) => sum + lat, 0) / known.length;
  const xs = known.map(([, lon]) => lon * Math.cos((lat0 * Math.PI) / 180));
  const ys = known.map(([lat]) => lat);
  const spanX = Math.max(...xs) - Math.min(...xs) || 0.1;
  const spanY = Math.max(...ys) - Math.min(...ys);
  const pad = radius * 3.2;
  return Math.round(Math.min(max, Math.max(min, ((width - pad) * spanY) / spanX + pad)));
}
