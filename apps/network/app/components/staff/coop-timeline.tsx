import { formatBaht, formatDate, type Locale, type MessageKey, t, translator } from "@coop/i18n";
import type { AppCaller } from "@coop/trpc";

type TimelineEvent = Awaited<ReturnType<AppCaller["staff"]["coopTimeline"]>>[number];

// A co-op's recent activity on its staff page. Events come from coopTimeline (core), newest first;
// orders carry only their number, status and total.

export interface TimelineItem {
  key: string;
  kind: TimelineEvent["kind"];
  at: string;
  /** ISO instant for <time dateTime>. */
  iso: string;
  text: string;
  detail: string | null;
}

const STAFF_ACTIONS = ["coop.approve", "coop.suspend", "coop.restore"] as const;

/** Turns the events into translated lines (in the loader, so the page ships text, not logic). */
export function timelineItems(events: readonly TimelineEvent[], locale: Locale): TimelineItem[] {
  const tr = translator(locale);
  return events.map((e, i) => {
    const at = new Date(e.at);
    const base = { key: `${e.kind}-${at.getTime()}-${i}`, kind: e.kind, at: formatDate(at, locale, "datetime"), iso: at.toISOString(), detail: null as string | null };
    switch (e.kind) {
      case "order.placed":
        return { ...base, text: tr("staff.overview.timeline.order", { number: e.number, total: formatBaht(e.totalSatang, locale), status: tr(`orders.status.${e.status}`) }) };
      case "product.added":
        return { ...base, text: tr("staff.overview.timeline.product", { name: e.nameTh }) };
      case "article.published":
        return { ...base, text: tr(e.shared ? "staff.overview.timeline.article_shared" : "staff.overview.timeline.article", { title: e.title }) };
      case "seminar.announced":
        return e.status === "cancelled"
          ? { ...base, text: tr("staff.overview.timeline.seminar_cancelled", { title: e.title }) }
          : { ...base, text: tr("staff.overview.timeline.seminar", { title: e.title, date: formatDate(new Date(e.startsAt), locale) }) };
      case "link.proposed":
      case "link.confirmed":
      case "link.declined":
        return { ...base, text: tr(`staff.overview.timeline.${e.kind === "link.proposed" ? "link_proposed" : e.kind === "link.confirmed" ? "link_confirmed" : "link_declined"}`, { centre: e.centreNameTh }) };
      case "meeting.held":
        return {
          ...base,
          at: formatDate(at, locale),
          text: e.attendeeCount === null
            ? tr("staff.overview.timeline.meeting", { centre: e.centreNameTh })
            : tr("staff.overview.timeline.meeting_count", { centre: e.centreNameTh, count: e.attendeeCount }),
        };
      case "staff.action": {
        const known = STAFF_ACTIONS.find((a) => a === e.action);
        // Actions added later by other console sections show their code until they get a label here.
        const action = known ? t(locale, `staff.overview.action.${known}` as MessageKey & `staff.overview.action.${typeof known}`) : e.action;
        return {
          ...base,
          text: tr("staff.overview.timeline.staff", { actor: e.actorName ?? tr("staff.overview.timeline.staff_unknown"), action }),
          detail: e.reason ? tr("staff.overview.timeline.reason", { reason: e.reason }) : null,
        };
      }
    }
  });
}

const DOT: Record<TimelineEvent["kind"], string> = {
  "order.placed": "bg-leaf-600",
  "product.added": "bg-leaf-300",
  "article.published": "bg-earth-400",
  "seminar.announced": "bg-earth-700",
  "link.proposed": "bg-turmeric-100 ring-1 ring-turmeric-800",
  "link.confirmed": "bg-leaf-800",
  "link.declined": "bg-clay-100 ring-1 ring-clay-800",
  "meeting.held": "bg-turmeric-800",
  "staff.action": "bg-clay-800",
};

export function CoopTimeline({ locale, items }: { locale: Locale; items: readonly TimelineItem[] }) {
  if (items.length === 0) return <p className="text-sm text-earth-600">{t(locale, "staff.overview.coop.timeline.empty")}</p>;
  return (
    <ol className="relative space-y-3 border-l border-earth-200 pl-4">
      {items.map((item) => (
        <li key={item.key} className="relative text-sm">
          <span aria-hidden="true" className={`absolute -left-[1.3rem] top-1.5 size-2.5 rounded-full ${DOT[item.kind]}`} />
          <p className="text-earth-900">{item.text}</p>
          {item.detail ? <p className="text-earth-700">{item.detail}</p> : null}
          <time dateTime={item.iso} className="text-xs text-earth-600">
            {item.at}
          </time>
        </li>
      ))}
    </ol>
  );
}
