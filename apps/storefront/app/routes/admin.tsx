import { resolveLocale, translator } from "@coop/i18n";
import { data, Form, isRouteErrorResponse, Outlet, redirect, useRouteLoaderData } from "react-router";
import { AlertIcon, primaryButtonClass, secondaryButtonClass } from "@coop/ui";
import type { Route } from "./+types/admin";
import { AdminShell, type MemberRole, type VerificationResult } from "../components/admin/AdminShell.tsx";
import { AuthLayout } from "../components/admin/AuthLayout.tsx";
import { CoopStandingBanner } from "../components/admin/CoopStandingBanner.tsx";
import { pathOf, signInPath } from "../lib/next-path.ts";
import { adminTitle, OWN_LAYOUT, useSiteInfo } from "../lib/layout.ts";

export const handle = OWN_LAYOUT;

/** Why the back office is closed to this visitor (thrown with status 403). */
interface NotMemberData {
  reason: "not-member";
  displayName: string;
  email: string;
}

function isNotMember(value: unknown): value is NotMemberData {
  return typeof value === "object" && value !== null && (value as { reason?: unknown }).reason === "not-member";
}

function verificationResult(value: string | null): VerificationResult | null {
  return value === "sent" || value === "limited" || value === "failed" ? value : null;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  // Works while the site is closed too (suspended or pending approval): the team keeps its back office.
  const { user, membership, standing } = await context.trpc.auth.me();
  if (!user) throw redirect(signInPath(pathOf(request)));
  if (!membership) {
    throw data({ reason: "not-member", displayName: user.displayName, email: user.email } satisfies NotMemberData, {
      status: 403,
      headers: { "Cache-Control": "no-store" },
    });
  }
  const locale = resolveLocale(request);
  return data(
    {
      locale,
      user,
      role: membership.role as MemberRole,
      permissions: membership.permissions as readonly string[],
      verification: verificationResult(new URL(request.url).searchParams.get("verification")),
      standing,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

/** The root's headers (Vary, Content-Language) plus this layout's no-store: back-office pages are private. */
export const headers: Route.HeadersFunction = ({ parentHeaders, loaderHeaders, errorHeaders }) => {
  const headers = new Headers(parentHeaders);
  (errorHeaders ?? loaderHeaders).forEach((value, name) => headers.set(name, value));
  return headers;
};

export const meta: Route.MetaFunction = ({ matches, error }) =>
  adminTitle(matches, (tr) =>
    isRouteErrorResponse(error) && isNotMember(error.data) ? tr("admin.notMember.title") : tr("admin.backOffice"),
  );

export default function AdminLayout({ loaderData }: Route.ComponentProps) {
  const { coopName } = useSiteInfo();
  const { locale, user, role, permissions, verification, standing } = loaderData;
  return (
    <AdminShell
      locale={locale}
      coopName={coopName}
      user={user}
      role={role}
      permissions={permissions}
      verification={verification}
    >
      <CoopStandingBanner locale={locale} standing={standing} />
      <Outlet />
    </AdminShell>
  );
}

/**
 * Errors of the layout (not a member) and of its pages (no permission, not found, failure).
 * A page's error keeps the shell around it; the layout's own error has no shell to keep.
 */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const { locale, coopName, requestId } = useSiteInfo();
  const shell = useRouteLoaderData<typeof loader>("routes/admin");
  const tr = translator(locale);

  if (isRouteErrorResponse(error) && isNotMember(error.data)) {
    return (
      <AuthLayout locale={locale} coopName={coopName} title={tr("admin.notMember.title")}>
        <p className="text-earth-700">{tr("admin.notMember.body", { coop: coopName, email: error.data.email })}</p>
        <p className="mt-3 text-earth-700">{tr("admin.notMember.hint")}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Form method="post" action="/admin/sign-out">
            <button type="submit" className={primaryButtonClass}>
              {tr("admin.notMember.switchAccount")}
            </button>
          </Form>
          <a href="/" className={secondaryButtonClass}>
            {tr("admin.viewSite")}
          </a>
        </div>
      </AuthLayout>
    );
  }

  const status = isRouteErrorResponse(error) ? error.status : 500;
  // While suspended, a refused page or action is (almost always) the read-only rule: say so.
  const refusedAsReadOnly = status === 403 || (error instanceof Error && error.message === "staff.errors.suspended_read_only");
  const readOnly = refusedAsReadOnly && shell?.standing?.status === "suspended";
  const title = readOnly
    ? tr("coopStatus.readOnly.title")
    : status === 403 ? tr("admin.error.forbidden.title") : status === 404 ? tr("error.notFound.title") : tr("error.server.title");
  const body = readOnly
    ? tr("staff.errors.suspended_read_only")
    : status === 403 ? tr("admin.error.forbidden.body") : status === 404 ? tr("error.notFound.body") : tr("error.server.body");
  const content = (
    <div className="mx-auto max-w-lg py-10 text-center">
      <div className="mx-auto grid size-16 place-items-center rounded-full bg-clay-100 text-clay-800">
        <AlertIcon className="size-8" />
      </div>
      <p className="mt-6 text-sm font-semibold tracking-widest text-earth-500">{status}</p>
      <h1 className="mt-1 text-2xl font-bold text-leaf-900">{title}</h1>
      <p className="mt-3 text-earth-700">{body}</p>
      {status >= 500 && requestId ? (
        <p className="mt-2 text-sm text-earth-500">{tr("error.server.reference", { id: requestId })}</p>
      ) : null}
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <a href="/admin" className={primaryButtonClass}>
          {tr("admin.error.backToDashboard")}
        </a>
      </div>
    </div>
  );

  if (!shell) {
    return (
      <AuthLayout locale={locale} coopName={coopName} title={title}>
        <p className="text-earth-700">{body}</p>
        <a href="/admin" className={`${primaryButtonClass} mt-6`}>
          {tr("error.server.retry")}
        </a>
      </AuthLayout>
    );
  }
  return (
    <AdminShell
      locale={shell.locale}
      coopName={coopName}
      user={shell.user}
      role={shell.role}
      permissions={shell.permissions}
    >
      <CoopStandingBanner locale={shell.locale} standing={shell.standing} />
      {content}
    </AdminShell>
  );
}
