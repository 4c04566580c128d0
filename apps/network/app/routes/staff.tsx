import { resolveLocale, translator } from "@coop/i18n";
import { localized } from "@coop/ui";
import { Form, NavLink, Outlet, redirect } from "react-router";
import type { Route } from "./+types/staff";

/** The console's sections; the audit log is for platform administrators. */
const NAV = [
  { to: "/staff/overview", label: "staff.nav.overview", adminOnly: false },
  { to: "/staff", label: "staff.nav.coops", adminOnly: false },
  { to: "/staff/network", label: "staff.nav.network", adminOnly: false },
  { to: "/staff/reports", label: "staff.nav.reports", adminOnly: false },
  { to: "/staff/audit", label: "staff.nav.audit", adminOnly: true },
] as const;

/** The console's layout: staff (or administrators) only; anyone else goes to the staff sign-in. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const me = await context.trpc.staff.me();
  if (!me) throw redirect("/staff/sign-in", { headers: { "Cache-Control": "no-store" } });
  const locale = resolveLocale(request);
  return {
    locale,
    name: me.user.displayName,
    isAdmin: me.isAdmin,
    regions: me.regions.map((r) => localized(locale, r.nameTh, r.nameEn)),
  };
}

export const headers: Route.HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export default function StaffLayout({ loaderData }: Route.ComponentProps) {
  const { locale, name, isAdmin, regions } = loaderData;
  const tr = translator(locale);
  return (
    <div className="bg-earth-50">
      <div className="border-b border-earth-200 bg-white">
        <div className="container-page flex flex-wrap items-center justify-between gap-3 py-3">
          <div className="min-w-0">
            <p className="font-semibold text-leaf-900">{tr("staff.header.title")}</p>
            <p className="truncate text-sm text-earth-600" title={regions.join(", ")}>
              {isAdmin ? tr("staff.header.admin") : tr("staff.header.regions", { regions: regions.join(", ") })}
            </p>
          </div>
          <div className="flex items-center gap-3">
            <nav aria-label={tr("staff.header.title")} className="flex flex-wrap gap-1">
              {NAV.filter((item) => isAdmin || !item.adminOnly).map((item) => (
                <NavLink
                  key={item.to}
                  to={item.to}
                  end={item.to === "/staff"}
                  className={({ isActive }) => `rounded-full px-3 py-1.5 text-sm font-medium ${isActive ? "bg-leaf-100 text-leaf-900" : "text-earth-700 hover:bg-earth-100"}`}
                >
                  {tr(item.label)}
                </NavLink>
              ))}
            </nav>
            <span className="hidden text-sm text-earth-700 sm:inline">{name}</span>
            <Form method="post" action="/staff/sign-out">
              <button type="submit" className="rounded-full border border-earth-300 px-3 py-1.5 text-sm font-medium text-earth-800 hover:bg-earth-100">
                {tr("auth.signOut")}
              </button>
            </Form>
          </div>
        </div>
      </div>
      <Outlet />
    </div>
  );
}
