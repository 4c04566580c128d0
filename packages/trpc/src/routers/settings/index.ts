import { router } from "../../trpc.ts";
import { get, testNotice, update } from "./procedures.ts";

export const settingsRouter = router({ get, update, testNotice });
