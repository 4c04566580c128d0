import { router } from "../../trpc.ts";
import { crops, latestForCrops, networkGet, networkList } from "./network.ts";
import { siteGet, siteList } from "./site.ts";

/** Public knowledge: a co-op's own articles on its site, and the articles shared across the network. */
export const knowledgeRouter = router({ siteList, siteGet, networkList, networkGet, latestForCrops, crops });
