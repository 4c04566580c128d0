import { router } from "../../trpc.ts";
import { list } from "./list.ts";
import { options } from "./options.ts";

/** The network marketplace (issue 7): browse and search every active co-op's products. */
export const marketRouter = router({ list, options });
