import { type Locale, translator } from "@coop/i18n";
import { STATUS_TONE } from "./values.ts";

export function SeminarStatusBadge({ status, locale }: { status: keyof typeof STATUS_TONE; locale: Locale }) {
  return (
    <span className={`inline-flex shrink-0 items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATUS_TONE[status]}`}>
      {translator(locale)(`seminar.status.${status}`)}
    </span>
  );
}
