import { router } from "../../trpc.ts";

export const seminarsRouter = router({});
