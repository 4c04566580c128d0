import { router } from "../../trpc.ts";
import { listCoops } from "./list-coops.ts";

export const networkRouter = router({ listCoops });
