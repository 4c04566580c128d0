import { formatBaht, type Locale, translator } from "@coop/i18n";
import { niceTicks } from "@coop/ui";
import { useId } from "react";
import { mapHeight, placeProvinces } from "./province-centroids.ts";

/** The figures a staff member can colour the map by (`?map=`). */
export const MAP_FIGURES = ["coops", "orders", "sales", "articles", "seminars", "links"] as const;
export type MapFigure = (typeof MAP_FIGURES)[number];

export const isMapFigure = (v: unknown): v is MapFigure => typeof v === "string" && (MAP_FIGURES as readonly string[]).includes(v);

export interface MapProvince {
  code: number;
  name: string;
  /** The chosen figure (satang for sales). */
  value: number;
}

/** Light to dark: "none" first, then four steps of the leaf palette (sequential, readable in greyscale too). */
const FILLS = ["var(--color-earth-100)", "var(--color-leaf-200)", "var(--color-leaf-400)", "var(--color-leaf-600)", "var(--color-leaf-800)"] as const;
const TEXT = ["var(--color-earth-800)", "var(--color-leaf-900)", "var(--color-leaf-900)", "white", "white"] as const;

/** Colour steps: 0 = none; steps 1–4 split 0…max at nice round bounds (money in whole baht). */
export function mapSteps(values: readonly number[]): { bounds: number[]; stepOf: (v: number) => number } {
  const { ticks } = niceTicks(values, 4, true);
  const bounds = ticks.slice(1);
  return {
    bounds,
    stepOf: (v) => {
      if (v <= 0) return 0;
      const i = bounds.findIndex((b) => v <= b);
      return Math.min(FILLS.length - 1, (i === -1 ? bounds.length - 1 : i) + 1);
    },
  };
}

const WIDTH = 400;
const R = 28;

/**
 * A map-like picture of one region's provinces: one circle per province at its approximate
 * position, coloured by the chosen figure, named underneath, with a legend. Rendered on the
 * server; the per-province table next to it holds the same numbers.
 */
export function ProvinceMap({ locale, regionName, figure, provinces }: { locale: Locale; regionName: string; figure: MapFigure; provinces: readonly MapProvince[] }) {
  const tr = translator(locale);
  const id = useId();
  const money = figure === "sales";
  // Money is coloured by whole baht so legend bounds are round baht amounts.
  const scaled = (v: number) => (money ? Math.round(v / 100) : v);
  const format = (v: number) => (money ? formatBaht(v * 100, locale) : v.toLocaleString(locale === "th" ? "th-TH" : "en-US"));
  const { bounds, stepOf } = mapSteps(provinces.map((p) => scaled(p.value)));
  const codes = provinces.map((p) => p.code);
  // Room under the lowest circle for its name.
  const height = mapHeight(codes, WIDTH, R, 220, 440);
  const placed = new Map(placeProvinces(codes, WIDTH, height - 16, R).map((p) => [p.code, p]));
  const figureLabel = tr(`staff.overview.map.${figure}`);
  const legend = [
    { step: 0, label: tr("staff.overview.map.zero") },
    ...bounds.slice(0, FILLS.length - 1).map((upper, i) => {
      const lower = i === 0 ? 1 : bounds[i - 1]! + 1;
      return { step: i + 1, label: lower >= upper ? format(upper) : `${format(lower)}–${format(upper)}` };
    }),
  ];
  return (
    <div>
      <svg role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full rounded-xl bg-earth-50">
        <title id={`${id}-t`}>{tr("staff.overview.map.svg_title", { region: regionName, figure: figureLabel })}</title>
        <desc id={`${id}-d`}>{tr("staff.overview.map.svg_desc")}</desc>
        {provinces.map((p) => {
          const at = placed.get(p.code);
          if (!at) return null;
          const step = stepOf(scaled(p.value));
          const label = format(scaled(p.value));
          return (
            <g key={p.code}>
              <title>{`${p.name}: ${label}`}</title>
              <circle cx={at.x} cy={at.y} r={R} fill={FILLS[step]} stroke="var(--color-leaf-900)" strokeOpacity={0.35} strokeWidth={1.5} />
              <text x={at.x} y={at.y} dy="0.35em" textAnchor="middle" fontSize={money ? 10 : 13} fontWeight={600} fill={TEXT[step]} aria-hidden="true">
                {money ? new Intl.NumberFormat(locale === "th" ? "th-TH" : "en-US", { notation: "compact", maximumFractionDigits: 1 }).format(scaled(p.value)) : label}
              </text>
              <text x={at.x} y={at.y + R + 12} textAnchor="middle" fontSize={11} fill="var(--color-earth-900)" aria-hidden="true">
                {p.name}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-earth-800">
        <span className="font-medium">
          {tr("staff.overview.map.legend")} ({figureLabel}):
        </span>
        <ul className="flex flex-wrap gap-x-3 gap-y-1">
          {legend.map((l) => (
            <li key={l.step} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block size-3 rounded-full border border-leaf-900/30" style={{ background: FILLS[l.step] }} />
              {l.label}
            </li>
          ))}
        </ul>
      </div>
      <p className="mt-1 text-xs text-earth-600">{tr("staff.overview.map.note")}</p>
    </div>
  );
}
