import { router } from "../../trpc.ts";
import { add } from "./add.ts";
import { get } from "./get.ts";
import { remove } from "./remove.ts";
import { verify } from "./verify.ts";

/** The co-op's own domain for its site (back office, settings.edit): add, verify by DNS TXT, remove. */
export const domainsRouter = router({ get, add, verify, remove });
