import { router } from "../../trpc.ts";
import { cancel, create, csv, get, harvestAdd, harvestRemove, list, options, publish, registrants, speakers, update } from "./procedures.ts";

/** The co-op back office's seminars (เสวนา). */
export const seminarsAdminRouter = router({ list, get, options, create, update, publish, cancel, speakers, registrants, csv, harvestAdd, harvestRemove });
