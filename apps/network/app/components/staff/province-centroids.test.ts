import { describe, expect, it } from "vitest";
// The reference list the `provinces` table is seeded from: every code there must have a position.
import { PROVINCES } from "../../../../../packages/db/src/reference/provinces.ts";
import { mapHeight, PROVINCE_CENTROIDS, placeProvinces } from "./province-centroids.ts";

describe("province positions", () => {
  it("cover exactly the 77 province codes of the provinces table, inside Thailand", () => {
    expect(Object.keys(PROVINCE_CENTROIDS).map(Number).sort()).toEqual(PROVINCES.map((p) => p.code).sort());
    expect(PROVINCES).toHaveLength(77);
    for (const [lat, lon] of Object.values(PROVINCE_CENTROIDS)) {
      expect(lat).toBeGreaterThan(5.5);
      expect(lat).toBeLessThan(20.5);
      expect(lon).toBeGreaterThan(97.3);
      expect(lon).toBeLessThan(105.7);
    }
  });

  it("places a region's provinces inside the box, north up and west left, without overlaps", () => {
    const region1 = PROVINCES.filter((p) => p.regionId === 1).map((p) => p.code);
    const placed = placeProvinces(region1, 400, 300, 20);
    expect(placed).toHaveLength(region1.length);
    for (let i = 0; i < placed.length; i++) {
      const p = placed[i]!;
      expect(p.x).toBeGreaterThanOrEqual(20);
      expect(p.x).toBeLessThanOrEqual(380);
      expect(p.y).toBeGreaterThanOrEqual(20);
      expect(p.y).toBeLessThanOrEqual(280);
      for (const q of placed.slice(i + 1)) expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan(40);
    }
    const region5 = placeProvinces([30, 33, 36], 400, 300, 20);
    const [korat, sisaket, chaiyaphum] = region5;
    expect(sisaket!.x).toBeGreaterThan(korat!.x); // Si Sa Ket lies east of Korat
    expect(chaiyaphum!.y).toBeLessThan(korat!.y); // Chaiyaphum lies north of Korat
  });

  it("centres a single province and skips unknown codes", () => {
    expect(placeProvinces([30, 999], 400, 300, 20)).toEqual([{ code: 30, x: 200, y: 150 }]);
    expect(placeProvinces([], 400, 300, 20)).toEqual([]);
  });
});

describe("map height", () => {
  it("is taller for a north–south region than for an east–west one, within bounds", () => {
    const south = PROVINCES.filter((p) => p.regionId === 19).map((p) => p.code); // Surat Thani, Ranong, Chumphon: a north–south strip
    const korat = PROVINCES.filter((p) => p.regionId === 5).map((p) => p.code);
    expect(mapHeight(south, 480, 28, 220, 440)).toBeGreaterThan(mapHeight(korat, 480, 28, 220, 440));
    expect(mapHeight(korat, 480, 28, 220, 440)).toBeGreaterThanOrEqual(220);
    expect(mapHeight([30], 480, 28, 220, 440)).toBe(220);
  });
});
