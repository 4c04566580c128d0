import { publicProcedure } from "../../trpc.ts";

/** The 77 provinces with their regional centre, for the sign-up form (and whether the region's staff approve new co-ops first). */
export const provinces = publicProcedure.query(async ({ ctx }) => {
  const rows = await ctx.db
    .selectFrom("provinces as p")
    .innerJoin("regions as r", "r.id", "p.region_id")
    .select(["p.code", "p.name_th", "p.name_en", "r.id as region_id", "r.name_th as region_name_th", "r.name_en as region_name_en", "r.requires_approval"])
    .orderBy("p.name_th")
    .execute();
  return {
    items: rows.map((r) => ({
      code: r.code,
      nameTh: r.name_th,
      nameEn: r.name_en,
      regionId: r.region_id,
      regionNameTh: r.region_name_th,
      regionNameEn: r.region_name_en,
      requiresApproval: r.requires_approval,
    })),
  };
});
