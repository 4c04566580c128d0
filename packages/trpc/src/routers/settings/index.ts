import { router } from "../../trpc.ts";
import { get, update } from "./procedures.ts";

export const settingsRouter = router({ get, update });
