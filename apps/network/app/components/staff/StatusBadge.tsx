import { type Locale, translator } from "@coop/i18n";

const TONE = {
  pending: "bg-turmeric-100 text-turmeric-800",
  active: "bg-leaf-100 text-leaf-900",
  suspended: "bg-clay-100 text-clay-800",
} as const;

export function StatusBadge({ locale, status }: { locale: Locale; status: keyof typeof TONE }) {
  return <span className={`inline-flex whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${TONE[status]}`}>{translator(locale)(`staff.status.${status}`)}</span>;
}
