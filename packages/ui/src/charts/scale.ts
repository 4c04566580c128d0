// Pure maths behind the server-rendered SVG charts: "nice" axis ticks and linear scales.

/** The smallest 1, 2, 2.5 or 5 × 10^k step that is at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  // Float noise (0.1 * 3 = 0.30000000000000004) must not push 3 past the 2.5/5 boundary.
  const eps = 1e-9;
  const nice = fraction <= 1 + eps ? 1 : fraction <= 2 + eps ? 2 : fraction <= 2.5 + eps ? 2.5 : fraction <= 5 + eps ? 5 : 10;
  return nice * power;
}

export interface Ticks {
  /** Axis bounds: min ≤ every value ≤ max, both on a tick. */
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/**
 * Axis ticks covering [min, max] with about `count` intervals. Zero is always included (bars start
 * at zero); counts (`integer`) never get fractional steps; an all-zero series gets a 0…1 axis
 * rather than a division by zero.
 */
export function niceTicks(values: readonly number[], count = 4, integer = true): Ticks {
  const finite = values.filter((v) => Number.isFinite(v));
  let lo = Math.min(0, ...finite);
  let hi = Math.max(0, ...finite);
  if (lo === hi) hi = lo + 1;
  let step = niceStep((hi - lo) / Math.max(1, count));
  if (integer) step = Math.max(1, Math.ceil(step));
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  // Rounded to the step's precision so 0.1 + 0.2 prints as 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toFixed(digits)));
  return { min: lo, max: hi, step, ticks };
}

/** Maps [d0, d1] onto [r0, r1] linearly (an empty domain maps everything to r0). */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0;
  return (v) => (span === 0 ? r0 : r0 + ((v - d0) / span) * (r1 - r0));
}

/** Positions of `n` equal bands across [start, end], with `padding` (0…1) of each band left empty. */
export function bands(n: number, start: number, end: number, padding = 0.25): { offset: (i: number) => number; center: (i: number) => number; width: number } {
  const size = n > 0 ? (end - start) / n : 0;
  const width = size * (1 - padding);
  return { offset: (i) => start + i * size + (size - width) / 2, center: (i) => start + i * size + size / 2, width };
}

/** Compact numbers for axis labels: 1200 → "1.2k", 3500000 → "3.5M" (tables carry the exact values). */
export function compactNumber(v: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(v);
}
