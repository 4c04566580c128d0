import { type Locale, translator } from "@coop/i18n";
import { NavLink } from "react-router";

const TABS = [
  { to: "/staff/network", label: "staff.network.tabs.links", end: true },
  { to: "/staff/network/meetings", label: "staff.network.tabs.meetings", end: false },
  { to: "/staff/network/import", label: "staff.network.tabs.import", end: false },
] as const;

/** The sections of /staff/network: link decisions, joint meetings, the centre import. */
export function NetworkTabs({ locale }: { locale: Locale }) {
  const tr = translator(locale);
  return (
    <nav aria-label={tr("staff.network.tabs.label")} className="-mx-1 mt-4 flex gap-1 overflow-x-auto border-b border-earth-200 px-1">
      {TABS.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          end={tab.end}
          className={({ isActive }) =>
            `-mb-px whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-semibold ${isActive ? "border-leaf-700 text-leaf-900" : "border-transparent text-earth-700 hover:text-leaf-800"}`
          }
        >
          {tr(tab.label)}
        </NavLink>
      ))}
    </nav>
  );
}
