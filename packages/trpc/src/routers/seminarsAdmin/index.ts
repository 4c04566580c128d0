import { router } from "../../trpc.ts";

export const seminarsAdminRouter = router({});
