import { router } from "../../trpc.ts";
import { checkSubdomain } from "./check-subdomain.ts";
import { createCoop } from "./create-coop.ts";
import { provinces } from "./provinces.ts";

export const signupRouter = router({ checkSubdomain, provinces, createCoop });
