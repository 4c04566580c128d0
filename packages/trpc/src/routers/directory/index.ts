import {
  AppError, centreFilterOptions, getCentre, getSage, listCentres, listCentresInput, listConfirmedCentresOfTenant, listDirectoryCrops, listSages, listSagesInput,
} from "@coop/core";
import { z } from "zod";
import { coopProcedure, publicProcedure, router } from "../../trpc.ts";

const centreId = z.object({ centreId: z.uuid() });
const sageId = z.object({ sageId: z.uuid() });

/** The public ศพก. and sage directory (network site) and a co-op site's confirmed centres. */
export const directoryRouter = router({
  centres: publicProcedure.input(listCentresInput).query(({ ctx, input }) => listCentres(ctx.db, input)),
  crops: publicProcedure.query(({ ctx }) => listDirectoryCrops(ctx.db)),
  centreFilters: publicProcedure.query(({ ctx }) => centreFilterOptions(ctx.db)),
  centre: publicProcedure.input(centreId).query(async ({ ctx, input }) => {
    const centre = await getCentre(ctx.db, input.centreId);
    if (!centre) throw new AppError("NOT_FOUND", "directory.errors.centre_not_found");
    return centre;
  }),
  sages: publicProcedure.input(listSagesInput).query(({ ctx, input }) => listSages(ctx.db, input)),
  sage: publicProcedure.input(sageId).query(async ({ ctx, input }) => {
    const sage = await getSage(ctx.db, input.sageId);
    if (!sage) throw new AppError("NOT_FOUND", "directory.errors.sage_not_found");
    return sage;
  }),
  /** The Host co-op's confirmed ศพก. links (its /centres page). */
  siteCentres: coopProcedure.query(({ ctx }) => listConfirmedCentresOfTenant(ctx.db, ctx.tenant.id)),
});
