import { formatDate, type Locale, translator } from "@coop/i18n";
import { Alert } from "@coop/ui";

/** The co-op's standing as `auth.me` reports it to its members. */
export type CoopStanding =
  | { status: "active" }
  | { status: "pending" }
  | { status: "suspended"; reason: string | null; since: string | null };

/**
 * Shown at the top of every back-office page while the public site is closed: suspended by
 * regional staff (read-only, with staff's reason and date) or waiting for their approval.
 */
export function CoopStandingBanner({ locale, standing }: { locale: Locale; standing: CoopStanding | null }) {
  const tr = translator(locale);
  if (!standing || standing.status === "active") return null;
  if (standing.status === "pending") {
    return (
      <Alert tone="info" title={tr("coopStatus.banner.pending.title")} className="mb-5">
        <p>{tr("coopStatus.banner.pending.body")}</p>
      </Alert>
    );
  }
  return (
    <Alert tone="warning" title={tr("coopStatus.banner.suspended.title")} className="mb-5">
      <p>{tr("staff.backOffice.suspended")}</p>
      {standing.reason ? <p className="font-medium">{tr("coopStatus.banner.suspended.reason", { reason: standing.reason })}</p> : null}
      {standing.since ? <p className="text-sm">{tr("coopStatus.banner.suspended.since", { date: formatDate(standing.since, locale) })}</p> : null}
    </Alert>
  );
}
