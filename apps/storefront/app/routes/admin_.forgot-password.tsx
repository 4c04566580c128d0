import { resolveLocale, translator } from "@coop/i18n";
import { data, Form, Link } from "react-router";
import { Alert, formErrors, linkClass, primaryButtonClass, SubmitButton, text, TextField, translateKey } from "@coop/ui";
import type { Route } from "./+types/admin_.forgot-password";
import { AuthLayout } from "../components/admin/AuthLayout.tsx";
import { adminTitle, OWN_LAYOUT, useSiteInfo } from "../lib/layout.ts";

export const handle = OWN_LAYOUT;

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("auth.forgot.title"));

export function loader({ request }: Route.LoaderArgs) {
  return { locale: resolveLocale(request) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const email = text(form, "email").trim();
  try {
    await context.trpc.auth.requestPasswordReset({ email });
  } catch (error) {
    return data({ errors: formErrors(error), email, sentTo: null }, { status: 400 });
  }
  // The same answer whether or not the address has an account.
  return { errors: null, email, sentTo: email };
}

export default function ForgotPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { coopName } = useSiteInfo();
  const { locale } = loaderData;
  const tr = translator(locale);
  const errors = actionData?.errors;
  return (
    <AuthLayout
      locale={locale}
      coopName={coopName}
      title={tr("auth.forgot.title")}
      lead={actionData?.sentTo ? undefined : tr("auth.forgot.lead")}
      footer={
        <Link to="/admin/sign-in" className={linkClass}>
          {tr("auth.backToSignIn")}
        </Link>
      }
    >
      {actionData?.sentTo ? (
        <Alert tone="success" title={tr("auth.forgot.sentTitle")}>
          <p>{tr("auth.forgot.sent", { email: actionData.sentTo })}</p>
        </Alert>
      ) : (
        <>
          {errors?.formError ? (
            <Alert tone="error" className="mb-5">
              {translateKey(locale, errors.formError, errors.params)}
            </Alert>
          ) : null}
          <Form method="post" className="space-y-5" noValidate>
            <TextField
              label={tr("auth.email")}
              name="email"
              type="email"
              autoComplete="email"
              inputMode="email"
              required
              defaultValue={actionData?.email ?? ""}
              error={errors?.fields.email ? translateKey(locale, errors.fields.email) : undefined}
            />
            <SubmitButton className={`${primaryButtonClass} w-full`} pendingLabel={tr("admin.sending")}>
              {tr("auth.forgot.submit")}
            </SubmitButton>
          </Form>
        </>
      )}
    </AuthLayout>
  );
}
