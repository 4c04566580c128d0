import { type Locale, translator } from "@coop/i18n";

const BADGE = "inline-flex shrink-0 items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset";

/** Draft / published. */
export function ArticleStatusBadge({ status, locale }: { status: "draft" | "published"; locale: Locale }) {
  const tone = status === "published" ? "bg-leaf-50 text-leaf-800 ring-leaf-600/30" : "bg-earth-100 text-earth-700 ring-earth-400/40";
  return <span className={`${BADGE} ${tone}`}>{translator(locale)(`knowledge.status.${status}`)}</span>;
}

/** Shared with the network, or the co-op's site only. */
export function ArticleSharedBadge({ shared, locale }: { shared: boolean; locale: Locale }) {
  const tone = shared ? "bg-turmeric-100 text-turmeric-800 ring-turmeric-800/25" : "bg-white text-earth-600 ring-earth-300";
  return (
    <span className={`${BADGE} ${tone}`}>{translator(locale)(shared ? "knowledge.shared" : "knowledge.notShared")}</span>
  );
}
