import { formatDate, type Locale, resolveLocale, translator } from "@coop/i18n";
import { data, Form } from "react-router";
import { Alert, dangerButtonClass, formErrors, primaryButtonClass, secondaryButtonClass, SelectField, SubmitButton, text, TextField, translateKey } from "@coop/ui";
import type { Route } from "./+types/admin.team";
import { Card, PageHeader } from "../components/admin/PageHeader.tsx";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("team.title"));

const ROLES = ["owner", "manager", "editor"] as const;
type Role = (typeof ROLES)[number];
const INVITABLE_ROLES = ["editor", "manager"] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const team = await orRespond(request, context.trpc.team.list());
  return { locale: resolveLocale(request), team };
}

const INTENTS = ["invite", "changeRole", "remove", "revoke"] as const;
type Intent = (typeof INTENTS)[number];

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = text(form, "intent") as Intent;
  if (!INTENTS.includes(intent)) throw data(null, { status: 400 });
  const email = text(form, "email").trim();
  const userId = text(form, "userId");
  const role = text(form, "role");
  try {
    if (intent === "invite") await context.trpc.team.invite({ email, role: role as "manager" | "editor" });
    else if (intent === "changeRole") await context.trpc.team.changeRole({ userId, role: role as Role });
    else if (intent === "remove") await context.trpc.team.remove({ userId });
    else await context.trpc.team.revokeInvitation({ invitationId: text(form, "invitationId") });
  } catch (error) {
    return data({ intent, done: null, email, errors: formErrors(error) }, { status: 400 });
  }
  const done = { invite: "team.invited", changeRole: "team.roleChanged", remove: "team.removed", revoke: "team.revoked" } as const;
  return { intent, done: done[intent], email, errors: null };
}

export default function Team({ loaderData, actionData }: Route.ComponentProps) {
  const { locale, team } = loaderData;
  const tr = translator(locale);
  const inviteErrors = actionData?.intent === "invite" ? actionData.errors : null;
  const otherErrors = actionData?.intent !== "invite" ? actionData?.errors : null;

  return (
    <>
      <PageHeader title={tr("team.title")} description={tr("team.lead")} />

      {actionData?.done ? (
        <Alert tone="success" className="mb-5">
          {actionData.done === "team.invited" ? tr("team.invited", { email: actionData.email ?? "" }) : tr(actionData.done)}
        </Alert>
      ) : null}
      {otherErrors ? (
        <Alert tone="error" className="mb-5">
          {translateKey(locale, otherErrors.formError ?? Object.values(otherErrors.fields)[0], otherErrors.params)}
        </Alert>
      ) : null}

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)] lg:items-start">
        <div className="space-y-5">
          <Card title={tr("team.members", { count: team.members.length })}>
            <ul className="divide-y divide-earth-100">
              {team.members.map((member) => (
                <li key={member.userId} className="py-4 first:pt-0 last:pb-0">
                  <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
                    <div className="min-w-0">
                      <p className="font-semibold text-earth-900">
                        {member.displayName}
                        {member.isYou ? (
                          <span className="ml-2 rounded-full bg-leaf-50 px-2 py-0.5 text-xs font-medium text-leaf-800">{tr("team.you")}</span>
                        ) : null}
                      </p>
                      <p className="truncate text-sm text-earth-600">{member.email}</p>
                      <p className="text-sm text-earth-500">{tr("team.joined", { date: formatDate(member.joinedAt, locale) })}</p>
                    </div>
                    <span className="rounded-full bg-earth-100 px-3 py-1 text-sm font-medium text-earth-800">{tr(`team.role.${member.role}`)}</span>
                  </div>
                  {/* Your own role is changed by another owner, so nobody locks themselves out by accident. */}
                  {!member.isYou ? <MemberControls locale={locale} userId={member.userId} role={member.role} name={member.displayName} /> : null}
                </li>
              ))}
            </ul>
          </Card>

          <Card title={tr("team.pending")}>
            {team.invitations.length === 0 ? (
              <p className="text-earth-600">{tr("team.noPending")}</p>
            ) : (
              <ul className="divide-y divide-earth-100">
                {team.invitations.map((invitation) => (
                  <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0">
                    <div className="min-w-0">
                      <p className="truncate font-medium text-earth-900">{invitation.email}</p>
                      <p className="text-sm text-earth-600">
                        {tr(`team.role.${invitation.role}`)} · {tr("team.expires", { date: formatDate(invitation.expiresAt, locale) })}
                      </p>
                    </div>
                    <Form method="post">
                      <input type="hidden" name="invitationId" value={invitation.id} />
                      <SubmitButton intent="revoke" className={`${dangerButtonClass} min-h-9 py-1.5 text-sm`}>
                        {tr("team.revoke")}
                      </SubmitButton>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>

        <Card title={tr("team.invite.title")}>
          <p className="-mt-2 mb-4 text-sm text-earth-600">{tr("team.invite.lead")}</p>
          {inviteErrors?.formError && !Object.keys(inviteErrors.fields).length ? (
            <Alert tone="error" className="mb-4">
              {translateKey(locale, inviteErrors.formError, inviteErrors.params)}
            </Alert>
          ) : null}
          <Form method="post" className="space-y-5" noValidate key={actionData?.done === "team.invited" ? actionData.email : "invite"}>
            <TextField
              label={tr("auth.email")}
              name="email"
              type="email"
              inputMode="email"
              autoComplete="off"
              required
              defaultValue={inviteErrors ? (actionData?.email ?? "") : ""}
              error={inviteErrors?.fields.email ? translateKey(locale, inviteErrors.fields.email) : undefined}
            />
            <fieldset>
              <legend className="mb-2 font-medium text-earth-900">{tr("team.role.label")}</legend>
              <div className="space-y-2">
                {INVITABLE_ROLES.map((role, i) => (
                  <label key={role} className="flex cursor-pointer items-start gap-3 rounded-xl border border-earth-200 p-3 has-checked:border-leaf-600 has-checked:bg-leaf-50">
                    <input type="radio" name="role" value={role} defaultChecked={i === 0} className="mt-1 size-4 accent-leaf-700" />
                    <span>
                      <span className="block font-medium text-earth-900">{tr(`team.role.${role}`)}</span>
                      <span className="block text-sm text-earth-600">{tr(`team.role.${role}.description`)}</span>
                    </span>
                  </label>
                ))}
              </div>
              {inviteErrors?.fields.role ? <p className="mt-1.5 text-sm font-medium text-clay-800">{translateKey(locale, inviteErrors.fields.role)}</p> : null}
            </fieldset>
            <SubmitButton intent="invite" className={`${primaryButtonClass} w-full`} pendingLabel={tr("admin.sending")}>
              {tr("team.invite.submit")}
            </SubmitButton>
          </Form>
        </Card>
      </div>
    </>
  );
}

/** Change role and remove, each its own small form (removal asks once more, without scripts too). */
function MemberControls({ locale, userId, role, name }: { locale: Locale; userId: string; role: Role; name: string }) {
  const tr = translator(locale);
  return (
    <div className="mt-3 flex flex-wrap items-end gap-2">
      <Form method="post" className="flex items-end gap-2">
        <input type="hidden" name="userId" value={userId} />
        <SelectField label={<span className="sr-only">{tr("team.changeRoleFor", { name })}</span>} name="role" defaultValue={role} className="w-40">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tr(`team.role.${r}`)}
            </option>
          ))}
        </SelectField>
        <SubmitButton intent="changeRole" className={`${secondaryButtonClass} min-h-11 px-4 text-sm`}>
          {tr("team.changeRole")}
        </SubmitButton>
      </Form>
      <details className="group">
        <summary className={`${dangerButtonClass} cursor-pointer list-none text-sm [&::-webkit-details-marker]:hidden`}>{tr("team.remove")}</summary>
        <Form method="post" className="mt-2 rounded-xl border border-clay-800/20 bg-clay-100 p-3 text-sm text-clay-800">
          <input type="hidden" name="userId" value={userId} />
          <p>{tr("team.removeConfirm", { name })}</p>
          <SubmitButton intent="remove" className={`${dangerButtonClass} mt-2 min-h-9 py-1.5 text-sm`}>
            {tr("team.removeYes")}
          </SubmitButton>
        </Form>
      </details>
    </div>
  );
}
