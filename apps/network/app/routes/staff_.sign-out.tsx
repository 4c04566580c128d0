import { redirect } from "react-router";
import type { Route } from "./+types/staff_.sign-out";

/** Signing out changes state, so it is a POST only; a GET just goes back. */
export function loader() {
  return redirect("/staff");
}

export async function action({ context }: Route.ActionArgs) {
  if (context.auth) await context.trpc.staff.signOut();
  return redirect("/staff/sign-in?signed-out", { headers: { "Cache-Control": "no-store" } });
}
