import { router } from "../../trpc.ts";

export const knowledgeAdminRouter = router({});
