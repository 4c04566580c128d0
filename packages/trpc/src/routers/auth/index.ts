import { router } from "../../trpc.ts";
import { consumeHandoff } from "./consume-handoff.ts";
import { me } from "./me.ts";
import { requestPasswordReset, resetPassword } from "./password-reset.ts";
import { signIn } from "./sign-in.ts";
import { signOut, signOutEverywhere } from "./sign-out.ts";
import { resendVerification, verifyEmail } from "./verify-email.ts";

export const authRouter = router({
  me, signIn, signOut, signOutEverywhere, requestPasswordReset, resetPassword, verifyEmail, resendVerification, consumeHandoff,
});
