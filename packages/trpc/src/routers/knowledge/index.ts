import { router } from "../../trpc.ts";

export const knowledgeRouter = router({});
