import { formatDate, type Locale, type MessageKey, resolveLocale, type Translate, translator } from "@coop/i18n";
import { Link } from "react-router";
import { secondaryButtonClass } from "@coop/ui";
import type { Route } from "./+types/admin.audit";
import { Card, PageHeader } from "../components/admin/PageHeader.tsx";
import { orRespond } from "../lib/admin.server.ts";
import { adminTitle } from "../lib/layout.ts";

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, (tr) => tr("audit.title"));

const PAGE_SIZE = 50;

export async function loader({ request, context }: Route.LoaderArgs) {
  const raw = new URL(request.url).searchParams.get("before");
  // A hand-edited `before` is ignored rather than answered with an error.
  const before = raw && !Number.isNaN(Date.parse(raw)) ? new Date(raw).toISOString() : undefined;
  const { items } = await orRespond(request, context.trpc.audit.list({ limit: PAGE_SIZE, ...(before ? { before } : {}) }));
  const locale = resolveLocale(request);
  const tr = translator(locale);
  return {
    locale,
    paged: Boolean(before),
    older: items.length === PAGE_SIZE ? items.at(-1)?.createdAt ?? null : null,
    // Formatted here so the server and the browser never disagree on a date.
    items: items.map((item) => ({
      id: item.id,
      when: formatDate(item.createdAt, locale, "datetime"),
      iso: item.createdAt,
      actor: item.actor ? { name: item.actor.displayName, email: item.actor.email } : null,
      action: actionLabel(tr, item.action),
      detail: describe(tr, item.action, item.data),
    })),
  };
}

type ActionKey = Extract<MessageKey, `audit.action.${string}` | `payments.audit.${string}` | `domains.audit.${string}`>;
type SettingKey = Extract<MessageKey, `settings.${string}`>;
type RoleKey = Extract<MessageKey, `team.role.${string}`>;

const ACTIONS: Record<string, ActionKey> = {
  "coop.sign_up": "audit.action.coop.sign_up",
  "payments.stripe_account_created": "payments.audit.stripe_account_created",
  "payments.stripe_account_linked": "payments.audit.stripe_account_linked",
  "domain.add": "domains.audit.add",
  "domain.verify": "domains.audit.verify",
  "domain.remove": "domains.audit.remove",
  "settings.update": "audit.action.settings.update",
  "settings.logo_update": "audit.action.settings.logo_update",
  "settings.cover_update": "audit.action.settings.cover_update",
  "team.invite": "audit.action.team.invite",
  "team.revoke_invitation": "audit.action.team.revoke_invitation",
  "team.join": "audit.action.team.join",
  "team.change_role": "audit.action.team.change_role",
  "team.remove": "audit.action.team.remove",
  "product.create": "audit.action.product.create",
  "product.update": "audit.action.product.update",
  "product.archive": "audit.action.product.archive",
  "product.restore": "audit.action.product.restore",
  "product.stock_adjust": "audit.action.product.stock_adjust",
  "product.photo_add": "audit.action.product.photo_add",
  "product.photo_remove": "audit.action.product.photo_remove",
  "product.photo_reorder": "audit.action.product.photo_reorder",
};

function actionLabel(tr: Translate, action: string): string {
  const key = ACTIONS[action];
  return key ? tr(key) : action;
}

/** Settings field names in the log, shown with the labels of the settings page. */
const SETTING_LABELS: Record<string, SettingKey> = {
  nameTh: "settings.nameTh", nameEn: "settings.nameEn", storyTh: "settings.storyTh", storyEn: "settings.storyEn",
  themeColor: "settings.themeColor", contactName: "settings.contactName", contactEmail: "settings.contactEmail", phone: "settings.phone",
  lineId: "settings.lineId", facebookUrl: "settings.facebookUrl", openingHours: "settings.openingHours", addressLine: "settings.address.line",
  addressProvinceCode: "settings.address.province", addressDistrict: "settings.address.district",
  addressSubdistrict: "settings.address.subdistrict", addressPostcode: "settings.address.postcode", promptpayId: "settings.promptpayId",
  bankName: "settings.bankName", bankAccountNo: "settings.bankAccountNo", bankAccountName: "settings.bankAccountName",
};

const ROLE_LABELS: Record<string, RoleKey> = { owner: "team.role.owner", manager: "team.role.manager", editor: "team.role.editor" };

function roleName(tr: Translate, role: unknown): string {
  const key = typeof role === "string" ? ROLE_LABELS[role] : undefined;
  return key ? tr(key) : String(role ?? "");
}

/** A short, human line about what changed; never raw JSON. */
function describe(tr: Translate, action: string, data: Record<string, unknown>): string {
  switch (action) {
    case "settings.update": {
      const fields = Array.isArray(data.fields) ? data.fields.map(String) : [];
      return fields
        .map((f) => {
          const label = SETTING_LABELS[f];
          return label ? tr(label) : f;
        })
        .join(", ");
    }
    case "team.invite":
      return `${String(data.email ?? "")} · ${roleName(tr, data.role)}`;
    case "team.change_role":
      return `${roleName(tr, data.from)} → ${roleName(tr, data.to)}`;
    case "team.remove":
    case "team.join":
      return roleName(tr, data.role);
    case "coop.sign_up":
      return typeof data.slug === "string" ? data.slug : "";
    case "domain.add":
    case "domain.verify":
    case "domain.remove":
      return typeof data.domain === "string" ? data.domain : "";
    default: {
      const name = data.nameTh ?? data.name;
      if (typeof name === "string") return name;
      if (typeof data.delta === "number") return (data.delta > 0 ? "+" : "") + data.delta;
      return "";
    }
  }
}

export default function Audit({ loaderData }: Route.ComponentProps) {
  const { locale, items, older, paged } = loaderData;
  const tr = translator(locale);
  return (
    <>
      <PageHeader title={tr("audit.title")} description={tr("audit.lead")} />
      <Card>
        {items.length === 0 ? (
          <p className="text-earth-600">{paged ? tr("audit.noOlder") : tr("audit.empty")}</p>
        ) : (
          <>
            {/* Phones: one card per change. */}
            <ul className="divide-y divide-earth-100 md:hidden">
              {items.map((item) => (
                <li key={item.id} className="py-3 first:pt-0">
                  <p className="font-medium text-earth-900">{item.action}</p>
                  {item.detail ? <p className="text-sm text-earth-700">{item.detail}</p> : null}
                  <p className="mt-0.5 text-sm text-earth-500">
                    <time dateTime={item.iso}>{item.when}</time> · <Actor locale={locale} actor={item.actor} />
                  </p>
                </li>
              ))}
            </ul>
            <table className="hidden w-full text-left text-sm md:table">
              <caption className="sr-only">{tr("audit.title")}</caption>
              <thead className="border-b border-earth-200 text-earth-600">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">{tr("audit.when")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{tr("audit.who")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{tr("audit.what")}</th>
                  <th scope="col" className="py-2 font-medium">{tr("audit.detail")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-earth-100">
                {items.map((item) => (
                  <tr key={item.id} className="align-top">
                    <td className="whitespace-nowrap py-2.5 pr-4 text-earth-600">
                      <time dateTime={item.iso}>{item.when}</time>
                    </td>
                    <td className="whitespace-nowrap py-2.5 pr-4">
                      <Actor locale={locale} actor={item.actor} />
                    </td>
                    <td className="whitespace-nowrap py-2.5 pr-4 font-medium text-earth-900">{item.action}</td>
                    <td className="py-2.5 text-earth-700">{item.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {older || paged ? (
          <nav aria-label={tr("audit.paging")} className="mt-5 flex flex-wrap gap-3 border-t border-earth-100 pt-4">
            {paged ? (
              <Link to="/admin/audit" className={secondaryButtonClass}>
                {tr("audit.latest")}
              </Link>
            ) : null}
            {older ? (
              <Link to={`/admin/audit?before=${encodeURIComponent(older)}`} className={secondaryButtonClass}>
                {tr("audit.older")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </>
  );
}

function Actor({ locale, actor }: { locale: Locale; actor: { name: string; email: string } | null }) {
  if (!actor) return <span className="text-earth-500">{translator(locale)("audit.system")}</span>;
  return <span title={actor.email}>{actor.name || actor.email}</span>;
}
