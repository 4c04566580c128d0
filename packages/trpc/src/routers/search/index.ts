import { router } from "../../trpc.ts";
import { document } from "./document.ts";
import { filters } from "./filters.ts";
import { network } from "./network.ts";
import { site } from "./site.ts";

export const searchRouter = router({ network, site, document, filters });
