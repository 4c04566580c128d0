import { resolveLocale, translator } from "@coop/i18n";
import { data, Form, Link, redirectDocument } from "react-router";
import { Alert, formErrors, optionalText, PasswordField, primaryButtonClass, secondaryButtonClass, SubmitButton, text, TextField, translateKey } from "@coop/ui";
import type { Route } from "./+types/admin_.invitation";
import { AuthLayout } from "../components/admin/AuthLayout.tsx";
import { signInPath } from "../lib/next-path.ts";
import { adminTitle, OWN_LAYOUT, useSiteInfo } from "../lib/layout.ts";

export const handle = OWN_LAYOUT;

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("team.invitation.title"));

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  if (!token) return { locale, token, invitation: null };
  try {
    return { locale, token, invitation: await context.trpc.team.getInvitation({ token }) };
  } catch (error) {
    formErrors(error); // rethrows anything that is not a refusal
    return { locale, token, invitation: null };
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const token = text(form, "token");
  const displayName = optionalText(form, "displayName");
  const password = text(form, "password");
  try {
    await context.trpc.team.acceptInvitation({ token, ...(displayName !== undefined ? { displayName } : {}), ...(password ? { password } : {}) });
  } catch (error) {
    return data({ errors: formErrors(error), displayName: displayName ?? "" }, { status: 400 });
  }
  // Someone new may be signed in now: load the back office afresh rather than patch the page.
  return redirectDocument("/admin?joined=1");
}

export default function Invitation({ loaderData, actionData }: Route.ComponentProps) {
  const { coopName } = useSiteInfo();
  const { locale, token, invitation } = loaderData;
  const tr = translator(locale);
  const errors = actionData?.errors;
  const fieldError = (name: string) => (errors?.fields[name] ? translateKey(locale, errors.fields[name], errors.params) : undefined);
  const here = `/admin/invitation?token=${encodeURIComponent(token)}`;

  if (!invitation) {
    return (
      <AuthLayout locale={locale} coopName={coopName} title={tr("team.invitation.title")}>
        <Alert tone="error">
          <p>{tr("team.invitation_invalid")}</p>
        </Alert>
        <Link to="/admin/sign-in" className={`${secondaryButtonClass} mt-6 w-full`}>
          {tr("auth.signIn.submit")}
        </Link>
      </AuthLayout>
    );
  }

  const role = tr(`team.role.${invitation.role}`);
  const lead = (
    <p>
      {tr("team.invitation.lead", { coop: invitation.coopName, role })}
      <br />
      <span className="text-sm text-earth-600">{tr("team.invitation.for", { email: invitation.email })}</span>
    </p>
  );
  const formAlert = errors?.formError ? (
    <Alert tone="error" className="mb-5">
      {translateKey(locale, errors.formError, errors.params)}
    </Alert>
  ) : null;

  if (invitation.accountExists) {
    const signedInAsInvitee = invitation.signedInAs?.toLowerCase() === invitation.email.toLowerCase();
    return (
      <AuthLayout locale={locale} coopName={invitation.coopName} title={tr("team.invitation.title")} lead={lead}>
        {formAlert}
        {signedInAsInvitee ? (
          <Form method="post">
            <input type="hidden" name="token" value={token} />
            <SubmitButton className={`${primaryButtonClass} w-full`} pendingLabel={tr("admin.saving")}>
              {tr("team.invitation.accept")}
            </SubmitButton>
          </Form>
        ) : invitation.signedInAs ? (
          <>
            <Alert tone="warning">{tr("team.invitation.wrongAccount", { current: invitation.signedInAs, email: invitation.email })}</Alert>
            <Form method="post" action="/admin/sign-out" className="mt-6">
              <input type="hidden" name="next" value={here} />
              <button type="submit" className={`${primaryButtonClass} w-full`}>
                {tr("team.invitation.switchAccount")}
              </button>
            </Form>
          </>
        ) : (
          <>
            <p className="text-earth-700">{tr("team.invitation.signInFirst", { email: invitation.email })}</p>
            <Link to={signInPath(here)} className={`${primaryButtonClass} mt-6 w-full`}>
              {tr("auth.signIn.submit")}
            </Link>
          </>
        )}
      </AuthLayout>
    );
  }

  return (
    <AuthLayout locale={locale} coopName={invitation.coopName} title={tr("team.invitation.title")} lead={lead}>
      {formAlert}
      <Form method="post" className="space-y-5" noValidate>
        <input type="hidden" name="token" value={token} />
        <TextField label={tr("auth.email")} name="email-shown" type="email" value={invitation.email} readOnly disabled autoComplete="username" />
        <TextField
          label={tr("team.invitation.displayName")}
          name="displayName"
          autoComplete="name"
          required
          defaultValue={actionData?.displayName ?? ""}
          error={fieldError("displayName")}
        />
        <PasswordField
          locale={locale}
          label={tr("auth.password.create")}
          name="password"
          autoComplete="new-password"
          minLength={10}
          required
          hint={tr("auth.password.rule")}
          error={fieldError("password")}
        />
        <SubmitButton className={`${primaryButtonClass} w-full`} pendingLabel={tr("admin.saving")}>
          {tr("team.invitation.createAndJoin")}
        </SubmitButton>
      </Form>
    </AuthLayout>
  );
}
