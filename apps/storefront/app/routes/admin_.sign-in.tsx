import { resolveLocale, translator } from "@coop/i18n";
import { data, Form, Link, redirect } from "react-router";
import { Alert, formErrors, linkClass, PasswordField, primaryButtonClass, SubmitButton, text, TextField, translateKey } from "@coop/ui";
import type { Route } from "./+types/admin_.sign-in";
import { AuthLayout } from "../components/admin/AuthLayout.tsx";
import { safeNext } from "../lib/next-path.ts";
import { adminTitle, OWN_LAYOUT, useSiteInfo } from "../lib/layout.ts";

export const handle = OWN_LAYOUT;

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("auth.signIn.title"));

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const next = safeNext(url.searchParams.get("next"));
  if (context.auth) {
    // Already signed in: straight on, unless this account has no place here (then it may switch).
    const { membership } = await context.trpc.auth.me();
    if (membership || next.startsWith("/admin/invitation")) throw redirect(next);
  }
  return {
    locale: resolveLocale(request),
    next,
    notice: url.searchParams.get("reset") === "done" ? "reset" : url.searchParams.has("signed-out") ? "signedOut" : null,
    signedInAs: context.auth?.user.email ?? null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const email = text(form, "email");
  try {
    await context.trpc.auth.signIn({ email, password: text(form, "password") });
  } catch (error) {
    return data({ errors: formErrors(error), email }, { status: 400 });
  }
  return redirect(safeNext(text(form, "next")));
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const { coopName } = useSiteInfo();
  const { locale, next, notice, signedInAs } = loaderData;
  const tr = translator(locale);
  const errors = actionData?.errors;
  const fieldError = (name: string) => (errors?.fields[name] ? translateKey(locale, errors.fields[name], errors.params) : undefined);
  return (
    <AuthLayout
      locale={locale}
      coopName={coopName}
      title={tr("auth.signIn.title")}
      lead={tr("auth.signIn.lead", { coop: coopName })}
      footer={tr("auth.signIn.staffOnly")}
    >
      {notice === "reset" ? <Alert tone="success" className="mb-5">{tr("auth.reset.done")}</Alert> : null}
      {notice === "signedOut" ? <Alert tone="success" className="mb-5">{tr("auth.signedOut")}</Alert> : null}
      {signedInAs && !errors ? (
        <Alert tone="info" className="mb-5">
          {tr("auth.signIn.otherAccount", { email: signedInAs })}
        </Alert>
      ) : null}
      {errors?.formError ? (
        <Alert tone="error" className="mb-5">
          {translateKey(locale, errors.formError, errors.params)}
        </Alert>
      ) : null}
      <Form method="post" className="space-y-5" noValidate>
        <input type="hidden" name="next" value={next} />
        <TextField
          label={tr("auth.email")}
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          defaultValue={actionData?.email ?? ""}
          error={fieldError("email")}
        />
        <div>
          <PasswordField
            locale={locale}
            label={tr("auth.password")}
            name="password"
            autoComplete="current-password"
            required
            error={fieldError("password")}
          />
          <p className="mt-2 text-right text-sm">
            <Link to="/admin/forgot-password" className={linkClass}>
              {tr("auth.forgot.link")}
            </Link>
          </p>
        </div>
        <SubmitButton className={`${primaryButtonClass} w-full`} pendingLabel={tr("auth.signIn.pending")}>
          {tr("auth.signIn.submit")}
        </SubmitButton>
      </Form>
    </AuthLayout>
  );
}
