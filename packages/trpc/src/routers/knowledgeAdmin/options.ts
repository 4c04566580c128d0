import { articleFormOptions } from "@coop/core";
import { memberProcedure } from "../../trpc.ts";

/** What the article form offers: crop tags, ศพก. centres and sages. */
export const options = memberProcedure("content.edit").query(({ ctx }) => articleFormOptions(ctx.db));
