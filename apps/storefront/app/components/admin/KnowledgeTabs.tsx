import { type Locale, translator } from "@coop/i18n";
import { NavLink } from "react-router";

const TABS = [
  { to: "/admin/knowledge", label: "admin.knowledgeTabs.articles" },
  { to: "/admin/seminars", label: "admin.knowledgeTabs.seminars" },
  { to: "/admin/network", label: "admin.knowledgeTabs.network" },
] as const;

/** The sub-navigation shared by the back office's articles, seminars and network (ศพก./sages) pages. */
export function KnowledgeTabs({ locale }: { locale: Locale }) {
  const tr = translator(locale);
  return (
    <nav aria-label={tr("admin.knowledgeTabs.label")} className="-mx-1 mb-5 flex gap-1 overflow-x-auto border-b border-earth-200">
      {TABS.map(({ to, label }) => (
        <NavLink
          key={to}
          to={to}
          className={({ isActive }) =>
            "whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium transition-colors " +
            (isActive ? "border-leaf-700 text-leaf-800" : "border-transparent text-earth-600 hover:text-earth-900")
          }
        >
          {tr(label)}
        </NavLink>
      ))}
    </nav>
  );
}
