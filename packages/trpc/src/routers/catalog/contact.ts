import { getCoopContact } from "@coop/core";
import { coopProcedure } from "../../trpc.ts";

/** How customers reach the co-op (about page). */
export const contact = coopProcedure.query(({ ctx }) => getCoopContact(ctx.db, ctx.tenant.id));
