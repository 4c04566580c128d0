import { router } from "../../trpc.ts";
import { cancel, get, list, register, registration, siteList } from "./procedures.ts";

/** Seminars for the public: the network's list and pages, registration, cancelling by link, a co-op site's list. */
export const seminarsRouter = router({ list, siteList, get, register, registration, cancel });
