import { resolveLocale, translator } from "@coop/i18n";
import { data, Form, Link, redirect } from "react-router";
import { Alert, formErrors, linkClass, PasswordField, primaryButtonClass, SubmitButton, text, translateKey } from "@coop/ui";
import type { Route } from "./+types/admin_.reset-password";
import { AuthLayout } from "../components/admin/AuthLayout.tsx";
import { adminTitle, OWN_LAYOUT, useSiteInfo } from "../lib/layout.ts";

export const handle = OWN_LAYOUT;

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("auth.reset.title"));

export function loader({ request }: Route.LoaderArgs) {
  return { locale: resolveLocale(request), token: new URL(request.url).searchParams.get("token") ?? "" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  try {
    await context.trpc.auth.resetPassword({ token: text(form, "token"), password: text(form, "password") });
  } catch (error) {
    return data({ errors: formErrors(error) }, { status: 400 });
  }
  // Every session of the account was ended: sign in again with the new password.
  return redirect("/admin/sign-in?reset=done");
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { coopName } = useSiteInfo();
  const { locale, token } = loaderData;
  const tr = translator(locale);
  const errors = actionData?.errors;
  const linkInvalid = !token || errors?.formError === "auth.link_invalid";
  const footer = (
    <Link to="/admin/sign-in" className={linkClass}>
      {tr("auth.backToSignIn")}
    </Link>
  );
  if (linkInvalid) {
    return (
      <AuthLayout locale={locale} coopName={coopName} title={tr("auth.reset.title")} footer={footer}>
        <Alert tone="error">{tr("auth.link_invalid")}</Alert>
        <Link to="/admin/forgot-password" className={`${primaryButtonClass} mt-6 w-full`}>
          {tr("auth.reset.requestNew")}
        </Link>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout locale={locale} coopName={coopName} title={tr("auth.reset.title")} lead={tr("auth.reset.lead")} footer={footer}>
      {errors?.formError ? (
        <Alert tone="error" className="mb-5">
          {translateKey(locale, errors.formError, errors.params)}
        </Alert>
      ) : null}
      <Form method="post" className="space-y-5" noValidate>
        <input type="hidden" name="token" value={token} />
        <PasswordField
          locale={locale}
          label={tr("auth.newPassword")}
          name="password"
          autoComplete="new-password"
          minLength={10}
          required
          hint={tr("auth.password.rule")}
          error={errors?.fields.password ? translateKey(locale, errors.fields.password) : undefined}
        />
        <SubmitButton className={`${primaryButtonClass} w-full`} pendingLabel={tr("admin.saving")}>
          {tr("auth.reset.submit")}
        </SubmitButton>
      </Form>
    </AuthLayout>
  );
}
