import { resolveLocale, t, translator } from "@coop/i18n";
import { Alert, formErrors, PasswordField, primaryButtonClass, SubmitButton, text, TextField, translateKey } from "@coop/ui";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/staff_.sign-in";

// URL /staff/sign-in; the trailing underscore keeps it out of the console layout (which requires staff).

export async function loader({ request, context }: Route.LoaderArgs) {
  if (await context.trpc.staff.me()) throw redirect("/staff");
  const url = new URL(request.url);
  return { locale: resolveLocale(request), signedOut: url.searchParams.has("signed-out"), signedInAs: context.auth?.user.email ?? null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const email = text(form, "email");
  try {
    await context.trpc.staff.signIn({ email, password: text(form, "password") });
  } catch (error) {
    return data({ errors: formErrors(error), email }, { status: 400 });
  }
  return redirect("/staff", { headers: { "Cache-Control": "no-store" } });
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  const locale = loaderData?.locale ?? "th";
  return [{ title: `${t(locale, "staff.signIn.title")} | ${t(locale, "brand.network")}` }, { name: "robots", content: "noindex" }];
};

export default function StaffSignIn({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, signedOut } = loaderData;
  const tr = translator(locale);
  const errors = actionData?.errors;
  const fieldError = (name: string) => (errors?.fields[name] ? translateKey(locale, errors.fields[name], errors.params) : undefined);
  return (
    <div className="container-page py-10 sm:py-16">
      <div className="mx-auto max-w-md rounded-2xl border border-earth-200 bg-white p-6 shadow-xs sm:p-8">
        <h1 className="text-2xl font-bold text-leaf-900">{tr("staff.signIn.title")}</h1>
        <p className="mt-2 text-earth-700">{tr("staff.signIn.lead")}</p>
        <div className="mt-6 space-y-5">
          {signedOut && !errors ? <Alert tone="success">{tr("staff.signIn.signedOut")}</Alert> : null}
          {errors?.formError ? <Alert tone="error">{translateKey(locale, errors.formError, errors.params)}</Alert> : null}
          <Form method="post" className="space-y-5" noValidate>
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
            <PasswordField locale={locale} label={tr("auth.password")} name="password" autoComplete="current-password" required error={fieldError("password")} />
            <SubmitButton className={`${primaryButtonClass} w-full`} pendingLabel={tr("auth.signIn.pending")}>
              {tr("staff.signIn.submit")}
            </SubmitButton>
          </Form>
        </div>
        <p className="mt-6 text-sm text-earth-600">{tr("staff.signIn.coopHint")}</p>
      </div>
    </div>
  );
}
