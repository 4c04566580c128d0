import { marketOptions } from "@coop/core";
import { publicProcedure } from "../../trpc.ts";

/** What the marketplace's filters offer (categories, crops, provinces, co-ops with listed products). */
export const options = publicProcedure.query(({ ctx }) => marketOptions(ctx.db));
