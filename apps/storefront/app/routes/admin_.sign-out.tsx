import { redirect } from "react-router";
import type { Route } from "./+types/admin_.sign-out";
import { safeNext } from "../lib/next-path.ts";

/** Signing out changes state, so it is a POST only; a GET just goes back. */
export function loader() {
  return redirect("/admin");
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  if (context.auth) {
    if (form.get("everywhere") === "1") await context.trpc.auth.signOutEverywhere();
    else await context.trpc.auth.signOut();
  }
  // `next`: where to go after signing in again (e.g. an invitation meant for another account).
  const next = safeNext(form.get("next"));
  const target = next === "/admin" ? "/admin/sign-in?signed-out" : `/admin/sign-in?signed-out&next=${encodeURIComponent(next)}`;
  return redirect(target, { headers: { "Cache-Control": "no-store" } });
}
