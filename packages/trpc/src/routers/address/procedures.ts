import { listDistricts, listSubdistricts } from "@coop/core";
import { z } from "zod";
import { publicProcedure } from "../../trpc.ts";

export const districts = publicProcedure
  .input(z.object({ provinceCode: z.number().int().min(10).max(96) }))
  .query(async ({ input }) => ({ items: await listDistricts(input.provinceCode) }));

export const subdistricts = publicProcedure
  .input(z.object({ districtCode: z.string().regex(/^\d{4}$/, "validation.invalid") }))
  .query(async ({ input }) => ({ items: await listSubdistricts(input.districtCode) }));
