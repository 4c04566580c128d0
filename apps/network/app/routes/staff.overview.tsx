import { formatBaht, formatDate, type Locale, resolveLocale, t, translator } from "@coop/i18n";
import {
  BarChart, ChartFigure, ChartLegend, type ChartSeries, DataTable, HorizontalBarChart, LineChart, localized, primaryButtonClass, SelectField, TextField, trpcCodeOf,
  Alert,
} from "@coop/ui";
import type { ReactNode } from "react";
import { data } from "react-router";
import type { Route } from "./+types/staff.overview";
import { bangkokToday, monthLabel, monthStart, queryDay } from "../components/staff/overview-dates.ts";
import { isMapFigure, type MapFigure, MAP_FIGURES, ProvinceMap } from "../components/staff/province-map.tsx";

type Overview = Awaited<ReturnType<Route.LoaderArgs["context"]["trpc"]["staff"]["overview"]>>;
type Province = Overview["provinces"][number];

/** The map's figure of one province (sales in satang). */
const MAP_VALUE: Record<MapFigure, (p: Province) => number> = {
  coops: (p) => p.coops.active + p.coops.pending + p.coops.suspended,
  orders: (p) => p.orders.placed,
  sales: (p) => p.orders.salesSatang,
  articles: (p) => p.articles.published,
  seminars: (p) => p.seminars.held,
  links: (p) => p.links.confirmed,
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = resolveLocale(request);
  const me = await context.trpc.staff.me();
  // The layout (staff.tsx) redirects anyone who is not staff; this only guards the types.
  if (!me || me.regions.length === 0) throw data(null, { status: 404 });
  const url = new URL(request.url);
  const regionParam = Number(url.searchParams.get("region"));
  const regionId = me.regions.some((r) => r.id === regionParam) ? regionParam : me.regions[0]!.id;
  if (url.searchParams.has("region") && regionId !== regionParam) throw data(null, { status: 404 });
  const today = bangkokToday();
  const fromParam = queryDay(url.searchParams.get("from"));
  const toParam = queryDay(url.searchParams.get("to"));
  const asked = url.searchParams.has("from") || url.searchParams.has("to");
  const mapParam = url.searchParams.get("map");
  const figure: MapFigure = isMapFigure(mapParam) ? mapParam : "coops";

  let range = { from: fromParam ?? monthStart(today), to: toParam ?? today };
  let badRange = asked && (!fromParam || !toParam);
  let overview: Overview;
  try {
    overview = await context.trpc.staff.overview({ regionId, ...range });
  } catch (error) {
    if (trpcCodeOf(error) === "NOT_FOUND") throw data(null, { status: 404 });
    if (trpcCodeOf(error) !== "BAD_REQUEST") throw error;
    // A reversed or too long range: show this month and say so, rather than an error page.
    badRange = true;
    range = { from: monthStart(today), to: today };
    overview = await context.trpc.staff.overview({ regionId, ...range });
  }

  const name = (p: { nameTh: string; nameEn: string }) => localized(locale, p.nameTh, p.nameEn);
  const last = overview.trend.at(-1)!;
  const previous = overview.trend.at(-2)!;
  return {
    locale,
    regions: me.regions.map((r) => ({ id: r.id, name: localized(locale, r.nameTh, r.nameEn) })),
    regionId,
    regionName: name(overview.region),
    range: { ...range, label: t(locale, "staff.overview.range", { from: formatDate(`${range.from}T12:00:00+07:00`, locale), to: formatDate(`${range.to}T12:00:00+07:00`, locale) }) },
    badRange,
    figure,
    coops: overview.coops,
    orders: overview.orders,
    totals: overview.totals,
    salesTrend: { month: monthLabel(last.month, locale, true), last: last.salesSatang, previous: previous.salesSatang },
    trend: overview.trend.map((m) => ({ ...m, label: monthLabel(m.month, locale), longLabel: monthLabel(m.month, locale, true) })),
    provinces: overview.provinces.map((p) => ({
      code: p.provinceCode,
      name: name(p),
      coops: p.coops,
      products: p.products,
      orders: p.orders,
      articles: p.articles,
      seminars: p.seminars,
      links: p.links,
      meetings: p.meetings,
      mapValue: MAP_VALUE[figure](p),
    })),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [];
  return [{ title: `${t(loaderData.locale, "staff.overview.meta.title")} | ${t(loaderData.locale, "staff.meta.title")}` }, { name: "robots", content: "noindex" }];
};

export const headers: Route.HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

function Kpi({ label, value, note }: { label: string; value: ReactNode; note?: string }) {
  return (
    <div className="rounded-2xl border border-earth-200 bg-white p-4 shadow-xs">
      <dt className="text-sm text-earth-600">{label}</dt>
      <dd className="mt-1 text-2xl font-bold tabular-nums text-earth-900">{value}</dd>
      {note ? <dd className="mt-1 text-xs text-earth-600">{note}</dd> : null}
    </div>
  );
}

/** The sales of the range's last month against the month before (both from the trend). */
function trendNote(locale: Locale, { month, last, previous }: { month: string; last: number; previous: number }): string {
  const tr = translator(locale);
  const amount = formatBaht(last, locale);
  if (last === previous) return tr("staff.overview.kpi.trend_flat", { month, amount });
  const change = formatBaht(Math.abs(last - previous), locale);
  return tr(last > previous ? "staff.overview.kpi.trend_up" : "staff.overview.kpi.trend_down", { month, amount, change });
}

export default function StaffOverview({ loaderData }: Route.ComponentProps) {
  const { locale, regions, regionId, regionName, range, badRange, figure, coops, orders, totals, salesTrend, trend, provinces } = loaderData;
  const tr = translator(locale);
  const numberLocale = locale === "th" ? "th-TH" : "en-US";
  const num = (v: number) => v.toLocaleString(numberLocale);
  const baht = (satang: number) => formatBaht(satang, locale);
  const names = provinces.map((p) => p.name);
  const total = tr("staff.overview.table.total");
  const caption = (title: string) => tr("staff.overview.table.caption", { title });
  const query = (extra: Record<string, string>) => `?${new URLSearchParams({ region: String(regionId), from: range.from, to: range.to, ...extra }).toString()}`;

  /** A per-province figure: chart of the given series, and the same numbers as a table with a total row. */
  // Horizontal bars: every province keeps its name on the axis, even on a phone.
  const perProvince = (title: string, description: string, series: ChartSeries[], opts: { stacked?: boolean } = {}) => {
    return (
      <ChartFigure
        title={title}
        chart={<HorizontalBarChart title={title} description={description} categories={names} series={series} numberLocale={numberLocale} stacked={opts.stacked} />}
        legend={<ChartLegend series={series} />}
        table={
          <DataTable
            caption={caption(title)}
            columns={[tr("staff.overview.table.province"), ...series.map((s) => s.label)]}
            rows={provinces.map((p, i) => [p.name, ...series.map((s) => num(s.values[i] ?? 0))])}
            footer={[total, ...series.map((s) => num(s.values.reduce((a, b) => a + b, 0)))]}
          />
        }
      />
    );
  };

  const orderSeries: ChartSeries[] = [
    { label: tr("staff.overview.orders.placed"), values: trend.map((m) => m.placed) },
    { label: tr("staff.overview.orders.kept"), values: trend.map((m) => m.kept) },
  ];
  const salesSeries: ChartSeries[] = [{ label: tr("staff.overview.orders.sales"), values: trend.map((m) => Math.round(m.salesSatang / 100)) }];
  const sumBy = (pick: (m: (typeof trend)[number]) => number) => trend.reduce((a, m) => a + pick(m), 0);

  return (
    <div className="container-page py-8">
      <h1 className="text-2xl font-bold text-leaf-900 sm:text-3xl">{tr("staff.overview.heading")}</h1>
      <p className="mt-1 text-earth-700">
        {regionName} · {range.label}
      </p>

      <form method="get" action="/staff/overview" aria-label={tr("staff.overview.filter.legend")} className="mt-5 grid gap-4 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-4">
        {regions.length > 1 ? (
          <SelectField label={tr("staff.overview.filter.region")} name="region" defaultValue={String(regionId)}>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <input type="hidden" name="region" value={regionId} />
        )}
        <TextField label={tr("staff.overview.filter.from")} type="date" name="from" defaultValue={range.from} required />
        <TextField label={tr("staff.overview.filter.to")} type="date" name="to" defaultValue={range.to} required />
        <input type="hidden" name="map" value={figure} />
        <div className="flex items-end">
          <button type="submit" className={primaryButtonClass}>
            {tr("staff.overview.filter.submit")}
          </button>
        </div>
        <p className="text-sm text-earth-600 sm:col-span-2 lg:col-span-4">{tr("staff.overview.filter.hint")}</p>
      </form>
      {badRange ? (
        <div className="mt-4">
          <Alert tone="warning">{tr("staff.overview.filter.bad")}</Alert>
        </div>
      ) : null}

      <dl className="mt-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Kpi label={tr("staff.overview.kpi.coops")} value={num(coops.total)} />
        <Kpi label={tr("staff.overview.kpi.sites")} value={`${num(totals.coops.complete)} / ${num(totals.coops.active)}`} />
        <Kpi label={tr("staff.overview.kpi.orders")} value={num(orders.placed)} />
        <Kpi label={tr("staff.overview.kpi.sales")} value={baht(orders.salesSatang)} note={trendNote(locale, salesTrend)} />
        <Kpi label={tr("staff.overview.kpi.articles")} value={num(totals.articles.published)} />
        <Kpi label={tr("staff.overview.kpi.seminars")} value={num(totals.seminars.held)} />
        <Kpi label={tr("staff.overview.kpi.links")} value={num(totals.links.confirmed)} />
      </dl>

      <section aria-labelledby="map-heading" className="mt-8 rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-5">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="map-heading" className="text-lg font-semibold text-earth-900">
            {tr("staff.overview.map.title")}
          </h2>
          <form method="get" action="/staff/overview" className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="region" value={regionId} />
            <input type="hidden" name="from" value={range.from} />
            <input type="hidden" name="to" value={range.to} />
            <SelectField label={tr("staff.overview.map.figure")} name="map" defaultValue={figure}>
              {MAP_FIGURES.map((f) => (
                <option key={f} value={f}>
                  {tr(`staff.overview.map.${f}`)}
                </option>
              ))}
            </SelectField>
            <button type="submit" className={primaryButtonClass}>
              {tr("staff.overview.map.show")}
            </button>
          </form>
        </div>
        <div className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] lg:items-start [&>*]:min-w-0">
          <ProvinceMap locale={locale} regionName={regionName} figure={figure} provinces={provinces.map((p) => ({ code: p.code, name: p.name, value: p.mapValue }))} />
          <div>
            <h3 className="font-medium text-earth-900">{tr("staff.overview.provinces.title")}</h3>
            <div className="mt-2">
              <DataTable
                caption={tr("staff.overview.provinces.title")}
                columns={[
                  tr("staff.overview.table.province"), tr("staff.overview.provinces.coops"), tr("staff.overview.provinces.products"), tr("staff.overview.orders.placed"),
                  tr("staff.overview.orders.sales"), tr("staff.overview.articles.published"), tr("staff.overview.seminars.held"), tr("staff.overview.links.confirmed"),
                ]}
                rows={provinces.map((p) => [
                  <a key="p" href={`/staff?province=${p.code}`} className="underline decoration-earth-300 underline-offset-2 hover:text-leaf-800">
                    {p.name}
                  </a>,
                  num(p.coops.active + p.coops.pending + p.coops.suspended), num(p.products), num(p.orders.placed), baht(p.orders.salesSatang),
                  num(p.articles.published), num(p.seminars.held), num(p.links.confirmed),
                ])}
                footer={[
                  total, num(coops.total), num(totals.products), num(totals.orders.placed), baht(totals.orders.salesSatang),
                  num(totals.articles.published), num(totals.seminars.held), num(totals.links.confirmed),
                ]}
              />
            </div>
            <nav aria-label={tr("staff.overview.map.figure")} className="mt-3 flex flex-wrap gap-2 text-sm">
              {MAP_FIGURES.map((f) => (
                <a
                  key={f}
                  href={query({ map: f })}
                  aria-current={f === figure ? "true" : undefined}
                  className={`rounded-full px-3 py-1 ${f === figure ? "bg-leaf-100 font-semibold text-leaf-900" : "text-earth-700 hover:bg-earth-100"}`}
                >
                  {tr(`staff.overview.map.${f}`)}
                </a>
              ))}
            </nav>
          </div>
        </div>
      </section>

      <div className="mt-8 space-y-6">
        <ChartFigure
          title={tr("staff.overview.orders.title")}
          chart={<LineChart title={tr("staff.overview.orders.title")} description={tr("staff.overview.orders.desc")} categories={trend.map((m) => m.label)} series={orderSeries} numberLocale={numberLocale} />}
          legend={<ChartLegend series={orderSeries} />}
          table={
            <DataTable
              caption={caption(tr("staff.overview.orders.title"))}
              columns={[tr("staff.overview.table.month"), tr("staff.overview.orders.placed"), tr("staff.overview.orders.cancelled"), tr("staff.overview.orders.refunded"), tr("staff.overview.orders.kept")]}
              rows={trend.map((m) => [m.longLabel, num(m.placed), num(m.cancelled), num(m.refunded), num(m.kept)])}
              footer={[total, num(sumBy((m) => m.placed)), num(sumBy((m) => m.cancelled)), num(sumBy((m) => m.refunded)), num(sumBy((m) => m.kept))]}
            />
          }
        />
        <ChartFigure
          title={tr("staff.overview.sales.title")}
          chart={<BarChart title={tr("staff.overview.sales.title")} description={tr("staff.overview.sales.desc")} categories={trend.map((m) => m.label)} series={salesSeries} numberLocale={numberLocale} />}
          table={
            <DataTable
              caption={caption(tr("staff.overview.sales.title"))}
              columns={[tr("staff.overview.table.month"), tr("staff.overview.orders.sales")]}
              rows={trend.map((m) => [m.longLabel, baht(m.salesSatang)])}
              footer={[total, baht(sumBy((m) => m.salesSatang))]}
            />
          }
        />
        {perProvince(
          tr("staff.overview.coops.title"),
          tr("staff.overview.coops.desc"),
          (["active", "pending", "suspended"] as const).map((s, i) => ({
            label: tr(`staff.status.${s}`),
            values: provinces.map((p) => p.coops[s]),
            color: ["var(--color-leaf-600)", "var(--color-earth-400)", "var(--color-clay-800)"][i],
          })),
          { stacked: true },
        )}
        {perProvince(
          tr("staff.overview.sites.title"),
          tr("staff.overview.sites.desc"),
          [
            { label: tr("staff.overview.sites.complete"), values: provinces.map((p) => p.coops.complete) },
            { label: tr("staff.overview.sites.incomplete"), values: provinces.map((p) => p.coops.active - p.coops.complete) },
          ],
          { stacked: true },
        )}
        {perProvince(tr("staff.overview.articles.title"), tr("staff.overview.articles.desc"), [
          { label: tr("staff.overview.articles.published"), values: provinces.map((p) => p.articles.published) },
          { label: tr("staff.overview.articles.shared"), values: provinces.map((p) => p.articles.shared) },
        ])}
        {perProvince(tr("staff.overview.seminars.title"), tr("staff.overview.seminars.desc"), [
          { label: tr("staff.overview.seminars.held"), values: provinces.map((p) => p.seminars.held) },
          { label: tr("staff.overview.seminars.registrants"), values: provinces.map((p) => p.seminars.registrants) },
        ])}
        {perProvince(tr("staff.overview.links.title"), tr("staff.overview.links.desc"), [
          { label: tr("staff.overview.links.confirmed"), values: provinces.map((p) => p.links.confirmed) },
          { label: tr("staff.overview.links.proposed"), values: provinces.map((p) => p.links.proposed) },
          { label: tr("staff.overview.links.meetings"), values: provinces.map((p) => p.meetings.held) },
        ])}
      </div>
    </div>
  );
}
