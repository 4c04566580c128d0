import { router } from "../../trpc.ts";
import { acceptInvitation, changeRole, getInvitation, invite, list, remove, revokeInvitation } from "./procedures.ts";

export const teamRouter = router({ list, invite, changeRole, remove, revokeInvitation, getInvitation, acceptInvitation });
