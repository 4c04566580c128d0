import { resolveLocale, translator } from "@coop/i18n";
import { Link } from "react-router";
import { Alert, formErrors, primaryButtonClass } from "@coop/ui";
import type { Route } from "./+types/admin_.verify-email";
import { AuthLayout } from "../components/admin/AuthLayout.tsx";
import { adminTitle, OWN_LAYOUT, useSiteInfo } from "../lib/layout.ts";

export const handle = OWN_LAYOUT;

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("auth.verify.title"));

/** Opening the e-mailed link is the confirmation: verifying twice is harmless. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  if (!token) return { locale, verified: false };
  try {
    await context.trpc.auth.verifyEmail({ token });
    return { locale, verified: true };
  } catch (error) {
    formErrors(error); // rethrows anything that is not a refusal
    return { locale, verified: false };
  }
}

export default function VerifyEmail({ loaderData }: Route.ComponentProps) {
  const { coopName } = useSiteInfo();
  const { locale, verified } = loaderData;
  const tr = translator(locale);
  return (
    <AuthLayout locale={locale} coopName={coopName} title={tr("auth.verify.title")}>
      {verified ? (
        <Alert tone="success">{tr("auth.verify.done")}</Alert>
      ) : (
        <Alert tone="error">
          <p>{tr("auth.link_invalid")}</p>
          <p>{tr("auth.verify.invalidHint")}</p>
        </Alert>
      )}
      <Link to="/admin" className={`${primaryButtonClass} mt-6 w-full`}>
        {tr("admin.goToBackOffice")}
      </Link>
    </AuthLayout>
  );
}
