import { resolveLocale, translator } from "@coop/i18n";
import { Link, redirect } from "react-router";
import { Alert, formErrors, primaryButtonClass } from "@coop/ui";
import type { Route } from "./+types/admin_.handoff";
import { AuthLayout } from "../components/admin/AuthLayout.tsx";
import { adminTitle, OWN_LAYOUT, useSiteInfo } from "../lib/layout.ts";

export const handle = OWN_LAYOUT;

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("auth.handoff.title"));

/**
 * Right after sign-up on the network the browser lands here with a one-time token: it becomes
 * a session on this co-op's own host (cookies are per host), then the back office opens.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  if (token) {
    try {
      await context.trpc.auth.consumeHandoff({ token });
      return redirect("/admin?welcome=1", { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      formErrors(error); // rethrows anything that is not a refusal
    }
  }
  return { locale: resolveLocale(request) };
}

export default function Handoff({ loaderData }: Route.ComponentProps) {
  const { coopName } = useSiteInfo();
  const tr = translator(loaderData.locale);
  return (
    <AuthLayout locale={loaderData.locale} coopName={coopName} title={tr("auth.handoff.title")}>
      <Alert tone="warning">{tr("auth.handoff.invalid")}</Alert>
      <Link to="/admin/sign-in" className={`${primaryButtonClass} mt-6 w-full`}>
        {tr("auth.signIn.submit")}
      </Link>
    </AuthLayout>
  );
}
