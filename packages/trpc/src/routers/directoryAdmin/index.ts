import { router } from "../../trpc.ts";

export const directoryAdminRouter = router({});
