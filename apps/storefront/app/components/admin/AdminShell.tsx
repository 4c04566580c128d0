import { type Locale, type MessageKey, translator } from "@coop/i18n";
import type { ComponentType, ReactNode, SVGProps } from "react";
import { Form, NavLink, useLocation } from "react-router";
import { LanguageSwitch, LogoMark, SkipLink } from "@coop/ui";
import { DashboardIcon, DevicesIcon, ExternalIcon, HistoryIcon, KnowledgeIcon, MailIcon, ProductsIcon, SettingsIcon, SignOutIcon, TeamIcon } from "./icons.tsx";
import { OrdersIcon } from "./orders/OrdersIcon.tsx";

export type MemberRole = "owner" | "manager" | "editor";
export type VerificationResult = "sent" | "limited" | "failed";

export interface ShellUser {
  displayName: string;
  email: string;
  emailVerified: boolean;
}

type NavLabel = Extract<MessageKey, `admin.nav.${string}`> | "admin.orders.title";

interface NavItem {
  to: string;
  label: NavLabel;
  /** The label under the icon in the phone's bottom bar. */
  short: NavLabel;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  end?: boolean;
}

/** The back office's sections; orders, settings, team and audit only for roles that may use them. */
export function navItems(permissions: readonly string[]): NavItem[] {
  return [
    { to: "/admin", label: "admin.nav.dashboard", short: "admin.nav.dashboard", icon: DashboardIcon, end: true },
    ...(permissions.includes("orders.manage")
      ? [{ to: "/admin/orders", label: "admin.orders.title", short: "admin.orders.title", icon: OrdersIcon } satisfies NavItem]
      : []),
    { to: "/admin/products", label: "admin.nav.products", short: "admin.nav.products", icon: ProductsIcon },
    ...(permissions.includes("content.edit")
      ? [{ to: "/admin/knowledge", label: "admin.nav.knowledge", short: "admin.nav.knowledgeShort", icon: KnowledgeIcon } satisfies NavItem]
      : []),
    ...(permissions.includes("settings.edit")
      ? [{ to: "/admin/settings", label: "admin.nav.settings", short: "admin.nav.settingsShort", icon: SettingsIcon } satisfies NavItem]
      : []),
    ...(permissions.includes("team.manage")
      ? [{ to: "/admin/team", label: "admin.nav.team", short: "admin.nav.team", icon: TeamIcon } satisfies NavItem]
      : []),
    ...(permissions.includes("audit.view")
      ? [{ to: "/admin/audit", label: "admin.nav.audit", short: "admin.nav.auditShort", icon: HistoryIcon } satisfies NavItem]
      : []),
  ];
}

interface AdminShellProps {
  locale: Locale;
  coopName: string;
  user: ShellUser;
  role: MemberRole;
  permissions: readonly string[];
  /** What the "send the verification e-mail again" button just did, if it was used. */
  verification?: VerificationResult | null;
  children: ReactNode;
}

/**
 * The back office's frame, phone first: a top bar (co-op, language, user menu), a bottom tab
 * bar on phones that becomes a side bar on wide screens, and the page.
 */
export function AdminShell({ locale, coopName, user, role, permissions, verification, children }: AdminShellProps) {
  const tr = translator(locale);
  const items = navItems(permissions);
  return (
    <div className="min-h-dvh bg-earth-50 pb-[calc(4.5rem+env(safe-area-inset-bottom))] lg:pb-0">
      <SkipLink locale={locale} />
      <header className="sticky top-0 z-30 bg-leaf-800 text-white shadow-sm">
        <div className="flex h-14 items-center gap-2 px-3 sm:gap-3 sm:px-4 lg:px-6">
          <a href="/admin" className="flex min-w-0 flex-1 items-center gap-2.5 rounded-md">
            <LogoMark className="size-8 shrink-0 text-leaf-600" />
            <span className="min-w-0">
              <span className="block truncate text-[0.95rem] font-semibold leading-tight">{coopName}</span>
              <span className="block truncate text-xs leading-tight text-leaf-200">{tr("admin.backOffice")}</span>
            </span>
          </a>
          <a
            href="/"
            className="hidden shrink-0 items-center gap-1.5 rounded-full px-3 py-1.5 text-sm font-medium text-leaf-50 hover:bg-leaf-700 md:inline-flex"
          >
            <ExternalIcon className="size-4" />
            {tr("admin.viewSite")}
          </a>
          <div className="hidden shrink-0 sm:block">
            <LanguageSwitch locale={locale} />
          </div>
          <UserMenu locale={locale} user={user} role={role} />
        </div>
      </header>

      {!user.emailVerified ? <VerifyEmailBanner locale={locale} email={user.email} result={verification ?? null} /> : null}

      <div className="lg:flex">
        <nav aria-label={tr("admin.nav.label")} className="hidden w-64 shrink-0 lg:block">
          <div className="sticky top-14 flex max-h-[calc(100dvh-3.5rem)] flex-col gap-1 overflow-y-auto p-4">
            {items.map(({ to, label, icon: Icon, end }) => (
              <NavLink
                key={to}
                to={to}
                end={end}
                prefetch="intent"
                className={({ isActive }) =>
                  "flex items-center gap-3 rounded-xl px-3 py-2.5 font-medium transition-colors " +
                  (isActive ? "bg-leaf-100 text-leaf-900" : "text-earth-700 hover:bg-earth-100 hover:text-earth-900")
                }
              >
                <Icon className="size-5 shrink-0" />
                {tr(label)}
              </NavLink>
            ))}
            <hr className="mx-3 my-3 border-earth-200" />
            <a
              href="/"
              className="flex items-center gap-3 rounded-xl px-3 py-2.5 font-medium text-earth-700 hover:bg-earth-100 hover:text-earth-900"
            >
              <ExternalIcon className="size-5 shrink-0" />
              {tr("admin.viewSite")}
            </a>
          </div>
        </nav>

        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-5 focus:outline-none sm:px-6 sm:py-8 lg:px-10">
          <div className="mx-auto max-w-5xl">{children}</div>
        </main>
      </div>

      <nav
        aria-label={tr("admin.nav.label")}
        className="fixed inset-x-0 bottom-0 z-30 border-t border-earth-200 bg-white/95 pb-[env(safe-area-inset-bottom)] backdrop-blur lg:hidden"
      >
        <ul className="mx-auto flex max-w-xl">
          {items.map(({ to, short, icon: Icon, end }) => (
            <li key={to} className="min-w-0 flex-1">
              <NavLink
                to={to}
                end={end}
                className={({ isActive }) =>
                  "flex h-16 flex-col items-center justify-center gap-0.5 px-1 text-xs font-medium transition-colors " +
                  (isActive ? "text-leaf-800" : "text-earth-600 hover:text-earth-900")
                }
              >
                {({ isActive }) => (
                  <>
                    <span className={"grid h-7 w-12 place-items-center rounded-full " + (isActive ? "bg-leaf-100" : "")}>
                      <Icon className="size-5" />
                    </span>
                    <span className="max-w-full truncate">{tr(short)}</span>
                  </>
                )}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

function initialOf(name: string): string {
  return Array.from(name.trim())[0]?.toUpperCase() ?? "?";
}

/** A disclosure (works without scripts); it closes by itself after each navigation. */
function UserMenu({ locale, user, role }: { locale: Locale; user: ShellUser; role: MemberRole }) {
  const tr = translator(locale);
  const location = useLocation();
  return (
    <details key={location.key} className="group relative shrink-0">
      <summary className="flex cursor-pointer list-none items-center rounded-full p-1 hover:bg-leaf-700 [&::-webkit-details-marker]:hidden">
        <span className="grid size-9 place-items-center rounded-full bg-leaf-100 font-semibold text-leaf-900 ring-2 ring-leaf-600">
          {initialOf(user.displayName || user.email)}
        </span>
        <span className="sr-only">{tr("admin.userMenu", { name: user.displayName })}</span>
      </summary>
      <div className="absolute right-0 z-40 mt-2 w-72 max-w-[calc(100vw-1.5rem)] overflow-hidden rounded-2xl border border-earth-200 bg-white text-earth-900 shadow-lg">
        <div className="border-b border-earth-100 px-4 py-3">
          <p className="truncate font-semibold">{user.displayName}</p>
          <p className="truncate text-sm text-earth-600">{user.email}</p>
          <p className="mt-1 inline-block rounded-full bg-leaf-50 px-2.5 py-0.5 text-xs font-medium text-leaf-800">
            {tr(`team.role.${role}`)}
          </p>
        </div>
        <div className="border-b border-earth-100 px-4 py-3 sm:hidden">
          <LanguageSwitch locale={locale} />
        </div>
        <ul className="py-1 text-[0.95rem]">
          <li>
            <a href="/" className="flex items-center gap-3 px-4 py-2.5 hover:bg-earth-50">
              <ExternalIcon className="size-5 text-earth-600" />
              {tr("admin.viewSite")}
            </a>
          </li>
          <li>
            <Form method="post" action="/admin/sign-out">
              <button type="submit" className="flex w-full items-center gap-3 px-4 py-2.5 text-left hover:bg-earth-50">
                <SignOutIcon className="size-5 text-earth-600" />
                {tr("auth.signOut")}
              </button>
            </Form>
          </li>
          <li>
            <Form method="post" action="/admin/sign-out">
              <input type="hidden" name="everywhere" value="1" />
              <button type="submit" className="flex w-full items-start gap-3 px-4 py-2.5 text-left hover:bg-earth-50">
                <DevicesIcon className="mt-0.5 size-5 shrink-0 text-earth-600" />
                <span>
                  {tr("auth.signOutEverywhere")}
                  <span className="block text-xs text-earth-600">{tr("auth.signOutEverywhere.hint")}</span>
                </span>
              </button>
            </Form>
          </li>
        </ul>
      </div>
    </details>
  );
}

function VerifyEmailBanner({ locale, email, result }: { locale: Locale; email: string; result: VerificationResult | null }) {
  const tr = translator(locale);
  const location = useLocation();
  return (
    <div role="status" className="border-b border-turmeric-800/15 bg-turmeric-100 text-turmeric-800">
      <div className="flex flex-col gap-2 px-4 py-2.5 text-sm sm:flex-row sm:items-center sm:gap-4 lg:px-6">
        <p className="flex min-w-0 flex-1 items-start gap-2">
          <MailIcon className="mt-0.5 size-5 shrink-0" />
          <span>
            {result === "sent"
              ? tr("auth.verify.sent", { email })
              : result === "limited"
                ? tr("auth.verify.limited")
                : result === "failed"
                  ? tr("auth.verify.failed")
                  : tr("auth.verify.banner", { email })}
          </span>
        </p>
        {result !== "sent" ? (
          <Form method="post" action="/admin/resend-verification" className="shrink-0 pl-7 sm:pl-0">
            <input type="hidden" name="next" value={location.pathname + location.search} />
            <button
              type="submit"
              className="rounded-full border border-turmeric-800/30 bg-white/70 px-3 py-1 font-semibold hover:bg-white"
            >
              {tr("auth.verify.resend")}
            </button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
