import { AppError } from "@coop/core";
import { publicProcedure, staffProcedure } from "../../trpc.ts";

/** The console lives on the network host only; a co-op host never answers a staff call. */
export const networkProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.site.kind !== "network") throw new AppError("NOT_FOUND", "site.not_found");
  return next();
});

/** Staff (or a platform administrator) signed in on the network host; `ctx.staff` scopes every call. */
export const consoleProcedure = staffProcedure.use(({ ctx, next }) => {
  if (ctx.site.kind !== "network") throw new AppError("NOT_FOUND", "site.not_found");
  return next();
});
