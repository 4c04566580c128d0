import { redirect } from "react-router";
import { formErrors } from "@coop/ui";
import type { Route } from "./+types/admin_.resend-verification";
import { safeNext } from "../lib/next-path.ts";

export function loader() {
  return redirect("/admin");
}

/** "Send the verification e-mail again", from the banner of any back-office page; back to that page. */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const back = new URL(safeNext(form.get("next")), request.url);
  try {
    await context.trpc.auth.resendVerification();
    back.searchParams.set("verification", "sent");
  } catch (error) {
    const { formError } = formErrors(error);
    back.searchParams.set("verification", formError === "auth.too_many_attempts" ? "limited" : "failed");
  }
  return redirect(back.pathname + back.search);
}
