import { type Locale, translator } from "@coop/i18n";
import { CheckIcon, CircleIcon } from "@coop/ui";

export const HEALTH_PARTS = ["siteComplete", "productsListed", "ordersIn30Days", "contentIn90Days", "signInIn30Days"] as const;
export type HealthPart = (typeof HEALTH_PARTS)[number];
export type HealthView = { score: number; parts: Record<HealthPart, boolean>; missing: string[] };

const FIELD_KEYS = {
  logo: "staff.field.logo",
  cover: "staff.field.cover",
  story: "staff.field.story",
  contact: "staff.field.contact",
  payment: "staff.field.payment",
} as const;

export function missingFields(locale: Locale, missing: string[]): string {
  const tr = translator(locale);
  return missing.map((f) => (f in FIELD_KEYS ? tr(FIELD_KEYS[f as keyof typeof FIELD_KEYS]) : f)).join(", ");
}

/** The score as a coloured badge: green from 80, amber from 40, red below. */
export function ScoreBadge({ locale, score }: { locale: Locale; score: number }) {
  const tone = score >= 80 ? "bg-leaf-100 text-leaf-900" : score >= 40 ? "bg-turmeric-100 text-turmeric-800" : "bg-clay-100 text-clay-800";
  return <span className={`inline-flex min-w-16 justify-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-sm font-semibold tabular-nums ${tone}`}>{translator(locale)("staff.health.score", { score })}</span>;
}

/** Each part of the score, met or not, with its name (and what the site lacks). */
export function HealthPartList({ locale, health, compact }: { locale: Locale; health: HealthView; compact?: boolean }) {
  const tr = translator(locale);
  return (
    <ul className={compact ? "flex flex-wrap gap-1.5" : "space-y-2"}>
      {HEALTH_PARTS.map((part) => {
        const met = health.parts[part];
        const label = tr(`staff.health.${part}`);
        const state = met ? tr("staff.health.met") : tr("staff.health.notMet");
        return compact ? (
          <li key={part} title={`${label}: ${state}`} className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs ${met ? "bg-leaf-50 text-leaf-800" : "bg-earth-100 text-earth-600"}`}>
            {met ? <CheckIcon className="size-3.5" /> : <CircleIcon className="size-3.5" />}
            <span>{label}</span>
            <span className="sr-only">: {state}</span>
          </li>
        ) : (
          <li key={part} className="flex items-start gap-2">
            {met ? <CheckIcon className="mt-0.5 size-5 shrink-0 text-leaf-700" /> : <CircleIcon className="mt-0.5 size-5 shrink-0 text-earth-400" />}
            <div>
              <p className={met ? "font-medium text-earth-900" : "font-medium text-earth-600"}>
                {label} <span className="sr-only">: {state}</span>
              </p>
              <p className="text-sm text-earth-600">{tr(`staff.health.${part}.help`)}</p>
              {part === "siteComplete" && health.missing.length > 0 ? (
                <p className="text-sm text-clay-800">{tr("staff.health.missing", { fields: missingFields(locale, health.missing) })}</p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** What the five parts mean, shown under the list. */
export function HealthExplanation({ locale }: { locale: Locale }) {
  const tr = translator(locale);
  return (
    <section aria-labelledby="health-explained" className="mt-8 rounded-2xl border border-earth-200 bg-white p-5 shadow-xs">
      <h2 id="health-explained" className="text-lg font-semibold text-earth-900">{tr("staff.health.title")}</h2>
      <dl className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {HEALTH_PARTS.map((part) => (
          <div key={part}>
            <dt className="font-medium text-earth-900">{tr(`staff.health.${part}`)} (20)</dt>
            <dd className="text-sm text-earth-600">{tr(`staff.health.${part}.help`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
