import { type ReactNode, useId } from "react";
import { bands, compactNumber, linearScale, niceTicks } from "./scale.ts";

// Charts rendered to SVG on the server (no script needed): they scale with their container through
// the viewBox, carry a <title> and <desc> for screen readers, and are always shown next to a table
// holding the same numbers (ChartFigure), which is what assistive technology and printouts read.

/** Theme colours (CSS variables of @coop/ui/theme.css), in the order series take them. */
export const CHART_COLORS = [
  "var(--color-leaf-600)",
  "var(--color-earth-400)",
  "var(--color-clay-800)",
  "var(--color-leaf-300)",
  "var(--color-earth-700)",
  "var(--color-leaf-900)",
] as const;

export interface ChartSeries {
  label: string;
  /** One value per category, in the categories' order. */
  values: readonly number[];
  color?: string;
}

interface ChartProps {
  /** Short accessible name (the SVG's <title>). */
  title: string;
  /** One sentence summarising what the chart shows (the SVG's <desc>). */
  description?: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** BCP 47 tag for axis numbers ("th-TH"). */
  numberLocale: string;
  /** Counts get whole-number ticks; money in baht may too (the table has exact values). */
  integer?: boolean;
}

const colorOf = (s: ChartSeries, i: number) => s.color ?? CHART_COLORS[i % CHART_COLORS.length];

const WIDTH = 420;
const AXIS_FONT = 11;

function SvgFrame({ title, description, height, children }: { title: string; description?: string; height: number; children: ReactNode }) {
  const id = useId();
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-t`}
      aria-describedby={description ? `${id}-d` : undefined}
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="h-auto w-full max-w-full"
      preserveAspectRatio="xMidYMid meet"
      fontFamily="inherit"
    >
      <title id={`${id}-t`}>{title}</title>
      {description ? <desc id={`${id}-d`}>{description}</desc> : null}
      {children}
    </svg>
  );
}

/**
 * Which category labels fit under the axis: all of up to 7; beyond that every k-th counted back from the
 * last (the latest month always has its label), and half as many again on narrow screens. The table
 * next to the chart names every category.
 */
export function labelVisibility(i: number, n: number): "always" | "wide" | "never" {
  const wide = Math.ceil(n / 7);
  const fromEnd = n - 1 - i;
  if (fromEnd % wide !== 0) return "never";
  return fromEnd % (wide * 2) === 0 || n <= 4 ? "always" : "wide";
}

function CategoryLabel({ x, y, i, n, children }: { x: number; y: number; i: number; n: number; children: string }) {
  const shown = labelVisibility(i, n);
  if (shown === "never") return null;
  return (
    <text x={x} y={y} textAnchor="middle" fontSize={AXIS_FONT} fill="var(--color-earth-800)" className={shown === "wide" ? "hidden sm:inline" : undefined} aria-hidden="true">
      {children}
    </text>
  );
}

function YAxis({ ticks, y, left, right, numberLocale }: { ticks: number[]; y: (v: number) => number; left: number; right: number; numberLocale: string }) {
  return (
    <g aria-hidden="true">
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} stroke="var(--color-earth-200)" strokeWidth={tick === 0 ? 1.5 : 1} />
          <text x={left - 6} y={y(tick)} dy="0.35em" textAnchor="end" fontSize={AXIS_FONT} fill="var(--color-earth-700)">
            {compactNumber(tick, numberLocale)}
          </text>
        </g>
      ))}
    </g>
  );
}

/**
 * Vertical bars, one group per category; several series stand side by side or, with `stacked`,
 * on top of each other (stacked values must not be negative).
 */
export function BarChart({ title, description, categories, series, numberLocale, integer = true, stacked = false }: ChartProps & { stacked?: boolean }) {
  const height = 220;
  const [left, right, top, bottom] = [44, WIDTH - 8, 10, height - 28];
  const totals = categories.map((_, c) => series.reduce((sum, s) => sum + (s.values[c] ?? 0), 0));
  const { ticks, min, max } = niceTicks(stacked ? totals : series.flatMap((s) => s.values), 4, integer);
  const y = linearScale(min, max, bottom, top);
  const band = bands(categories.length, left, right, 0.3);
  const sub = stacked ? band.width : band.width / Math.max(1, series.length);
  return (
    <SvgFrame title={title} description={description} height={height}>
      <YAxis ticks={ticks} y={y} left={left} right={right} numberLocale={numberLocale} />
      {categories.map((category, c) => {
        let base = 0;
        return (
          <g key={`${category}-${c}`}>
            {series.map((s, i) => {
              const v = s.values[c] ?? 0;
              const from = stacked ? base : 0;
              const to = from + v;
              if (stacked) base = to;
              const x = band.offset(c) + (stacked ? 0 : i * sub);
              const [y0, y1] = [y(from), y(to)];
              return (
                <rect key={s.label} x={x} y={Math.min(y0, y1)} width={Math.max(1, sub - (stacked ? 0 : 1))} height={Math.abs(y1 - y0)} fill={colorOf(s, i)} rx={1.5}>
                  <title>{`${category} · ${s.label}: ${v.toLocaleString(numberLocale)}`}</title>
                </rect>
              );
            })}
            <CategoryLabel x={band.center(c)} y={height - 10} i={c} n={categories.length}>
              {category}
            </CategoryLabel>
          </g>
        );
      })}
    </SvgFrame>
  );
}

/** Horizontal bars, one row per category: for long labels such as province names; series side by side or, with `stacked`, end to end. */
export function HorizontalBarChart({ title, description, categories, series, numberLocale, integer = true, stacked = false }: ChartProps & { stacked?: boolean }) {
  // Side-by-side series need a taller row each so every bar stays visible.
  const row = stacked ? 22 : 12 + 9 * Math.max(1, series.length);
  const [left, right, top] = [110, WIDTH - 12, 8];
  const height = top + categories.length * row + 22;
  const totals = categories.map((_, c) => series.reduce((sum, s) => sum + (s.values[c] ?? 0), 0));
  const { ticks, min, max } = niceTicks(stacked ? totals : series.flatMap((s) => s.values), 4, integer);
  const x = linearScale(min, max, left, right);
  const band = bands(categories.length, top, top + categories.length * row, 0.25);
  const sub = stacked ? band.width : band.width / Math.max(1, series.length);
  const axisY = top + categories.length * row;
  return (
    <SvgFrame title={title} description={description} height={height}>
      <g aria-hidden="true">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={top} y2={axisY} stroke="var(--color-earth-200)" strokeWidth={tick === 0 ? 1.5 : 1} />
            <text x={x(tick)} y={axisY + 14} textAnchor="middle" fontSize={AXIS_FONT} fill="var(--color-earth-700)">
              {compactNumber(tick, numberLocale)}
            </text>
          </g>
        ))}
      </g>
      {categories.map((category, c) => (
        <g key={`${category}-${c}`}>
          <text x={left - 6} y={band.center(c)} dy="0.35em" textAnchor="end" fontSize={AXIS_FONT} fill="var(--color-earth-800)" aria-hidden="true">
            {category.length > 16 ? `${category.slice(0, 15)}…` : category}
          </text>
          {series.map((s, i) => {
            const v = s.values[c] ?? 0;
            // Stacked: this series starts where the previous ones of the row end.
            const from = stacked ? series.slice(0, i).reduce((sum, p) => sum + (p.values[c] ?? 0), 0) : 0;
            const [x0, x1] = [x(from), x(from + v)];
            return (
              <rect key={s.label} x={Math.min(x0, x1)} y={band.offset(c) + (stacked ? 0 : i * sub)} width={Math.abs(x1 - x0)} height={Math.max(1, sub - (stacked ? 0 : 1))} fill={colorOf(s, i)} rx={1.5}>
                <title>{`${category} · ${s.label}: ${v.toLocaleString(numberLocale)}`}</title>
              </rect>
            );
          })}
        </g>
      ))}
    </SvgFrame>
  );
}

/** A trend: one line per series across the categories (months, usually). */
export function LineChart({ title, description, categories, series, numberLocale, integer = true }: ChartProps) {
  const height = 220;
  const [left, right, top, bottom] = [44, WIDTH - 12, 10, height - 28];
  const { ticks, min, max } = niceTicks(series.flatMap((s) => s.values), 4, integer);
  const y = linearScale(min, max, bottom, top);
  const band = bands(categories.length, left, right, 0);
  return (
    <SvgFrame title={title} description={description} height={height}>
      <YAxis ticks={ticks} y={y} left={left} right={right} numberLocale={numberLocale} />
      {categories.map((category, c) => (
        <CategoryLabel key={`${category}-${c}`} x={band.center(c)} y={height - 10} i={c} n={categories.length}>
          {category}
        </CategoryLabel>
      ))}
      {series.map((s, i) => {
        const points = categories.map((_, c) => `${band.center(c).toFixed(1)},${y(s.values[c] ?? 0).toFixed(1)}`).join(" ");
        return (
          <g key={s.label}>
            <polyline points={points} fill="none" stroke={colorOf(s, i)} strokeWidth={2.5} strokeLinejoin="round" strokeLinecap="round" />
            {categories.map((category, c) => (
              <circle key={`${category}-${c}`} cx={band.center(c)} cy={y(s.values[c] ?? 0)} r={3.5} fill="white" stroke={colorOf(s, i)} strokeWidth={2}>
                <title>{`${category} · ${s.label}: ${(s.values[c] ?? 0).toLocaleString(numberLocale)}`}</title>
              </circle>
            ))}
          </g>
        );
      })}
    </SvgFrame>
  );
}

/** Colour keys of a chart's series (text, so it is readable without the colours). */
export function ChartLegend({ series }: { series: readonly Pick<ChartSeries, "label" | "color">[] }) {
  if (series.length < 2) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-earth-800">
      {series.map((s, i) => (
        <li key={s.label} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block size-3 rounded-sm" style={{ background: s.color ?? CHART_COLORS[i % CHART_COLORS.length] }} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

export interface DataTableProps {
  caption: string;
  /** Column headings; the first column names each row. */
  columns: readonly string[];
  rows: readonly (readonly ReactNode[])[];
  /** A last row summing the others, already formatted. */
  footer?: readonly ReactNode[];
}

/** The chart's numbers as a table: the accessible and exact form of the same data. */
export function DataTable({ caption, columns, rows, footer }: DataTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-max border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-earth-200 text-left text-earth-700">
            {columns.map((c, i) => (
              <th key={c} scope="col" className={`px-2 py-1.5 font-medium ${i > 0 ? "text-right" : ""}`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, ri) => (
            <tr key={ri} className="border-b border-earth-100">
              {r.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="px-2 py-1.5 text-left font-normal text-earth-900">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="px-2 py-1.5 text-right tabular-nums text-earth-900">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {footer ? (
          <tfoot>
            <tr className="font-semibold text-earth-900">
              {footer.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="px-2 py-1.5 text-left">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="px-2 py-1.5 text-right tabular-nums">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/** A titled figure: the chart (with its legend) beside the table of the same numbers; stacked on narrow screens, or always with `stacked` (narrow columns). */
export function ChartFigure({ title, chart, legend, table, stacked = false }: { title: string; chart: ReactNode; legend?: ReactNode; table: ReactNode; stacked?: boolean }) {
  return (
    <figure className="rounded-2xl border border-earth-200 bg-white p-4 shadow-xs sm:p-5">
      <figcaption className="text-base font-semibold text-earth-900">{title}</figcaption>
      <div className={`mt-3 grid gap-4 ${stacked ? "" : "lg:grid-cols-2 lg:items-start"}`}>
        <div className="min-w-0">
          {chart}
          {legend}
        </div>
        {table}
      </div>
    </figure>
  );
}
