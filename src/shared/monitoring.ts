/**
 * The shape of the monitor's figures, shared by the server (which computes them in the database, suppresses
 * small numbers and exports them) and the web app (which shows them as tables and charts). Pure types and
 * pure functions only: no server or browser dependencies.
 */

export type AreaKind = "municipality" | "region" | "all";

/** A cell of a table. `value` is null when suppressed (published figures) or not applicable. */
export interface MonitorCell {
  value: number | null;
  /** What to show: "12", "<5", "83%", "4,5", "–". Dutch number formatting. */
  display: string;
  /** Why the value is hidden: under the threshold, or because it would let a hidden cell be recomputed. */
  suppressed?: "primary" | "secondary";
  /** The figure comes from the historic import, not from records in Ketenzicht. */
  imported?: boolean;
  /** For rates and durations: the number of cases the value is computed from (suppressed with it). */
  base?: number;
}

export type ColumnKind = "count" | "percentage" | "days";

export interface MonitorColumn {
  key: string;
  label: string;
  kind: ColumnKind;
  /** The column is the sum of the table's other count columns (row total). */
  total?: boolean;
}

export interface MonitorRow {
  key: string;
  label: string;
  /** The row is the sum of the table's other rows (column total). */
  total?: boolean;
  cells: MonitorCell[];
}

export interface MonitorTable {
  /** Stable id, kebab-case, e.g. "signals-by-source". Also the CSV file name. */
  id: string;
  title: string;
  /** The heading of the first column (what a row is). */
  rowHeading: string;
  columns: MonitorColumn[];
  rows: MonitorRow[];
  /**
   * Whether total rows/columns are sums of the others. Only then can a hidden cell be recomputed from the
   * others, so only then does secondary suppression apply. Multi-valued breakdowns (a signal with two
   * exploitation forms counts in both) are not additive.
   */
  additive: { rows: boolean; columns: boolean };
  /** A note under the table (e.g. "een signaal kan meer vormen hebben"). */
  note?: string;
}

/** A chart drawn from one table: its rows on the x-axis (bar) or its columns (line over years). */
export interface MonitorChart {
  id: string;
  title: string;
  /** The table the chart shows; the web app places the table right under the chart. */
  tableId: string;
  kind: "bar" | "line";
  /** "rows": one bar/point per row, one series per listed column. "columns": one point per listed column, one series per row. */
  categories: "rows" | "columns";
  /** Column keys (categories "rows") or row keys (categories "columns") to draw as series; total rows/columns are never drawn. */
  series: string[];
}

export interface MonitorSection {
  id: string;
  title: string;
  /** A short generated Dutch text stating the figures of this section. */
  summary: string;
  tables: MonitorTable[];
  charts: MonitorChart[];
}

export interface MonitorArea {
  kind: AreaKind;
  /** The region or municipality id; null for "all regions I may see". */
  id: string | null;
  name: string;
}

export interface Dashboard {
  area: MonitorArea;
  period: { from: string; to: string };
  /** The same period a year earlier, when comparison was asked for. */
  comparison: { from: string; to: string } | null;
  /** True: exact numbers (internal view); false: small numbers suppressed (published figures). */
  exact: boolean;
  threshold: number;
  generatedAt: string;
  sections: MonitorSection[];
}

/** The areas an actor may see in the monitor, with what they may do there. */
export interface MonitorAreaChoice extends MonitorArea {
  regionId: string | null;
  /** May see exact numbers here (internal view and internal exports). */
  exact: boolean;
  /** May import historic figures for this area. */
  importHistory: boolean;
}

/** Formats a number the Dutch way (thousands with a dot, decimals with a comma). */
export function dutchNumber(value: number, decimals = 0): string {
  return numberFormat(decimals).format(value);
}

/** One formatter per number of decimals: `toLocaleString` builds a new one for every number, which a dashboard of thousands of cells feels. */
const numberFormats = new Map<number, Intl.NumberFormat>();
function numberFormat(decimals: number): Intl.NumberFormat {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, format);
  }
  return format;
}

/** The vega-lite data points of a chart: one per category and series, suppressed or missing cells left out. */
export function chartData(chart: MonitorChart, table: MonitorTable): { category: string; series: string; value: number }[] {
  const points: { category: string; series: string; value: number }[] = [];
  const rows = table.rows.filter((r) => !r.total);
  const columns = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => !c.total);
  if (chart.categories === "rows") {
    for (const key of chart.series) {
      const col = columns.find(({ c }) => c.key === key);
      if (!col) continue;
      for (const row of rows) {
        const v = row.cells[col.i]?.value;
        if (v !== null && v !== undefined) points.push({ category: row.label, series: col.c.label, value: v });
      }
    }
  } else {
    for (const key of chart.series) {
      const row = rows.find((r) => r.key === key);
      if (!row) continue;
      for (const { c, i } of columns) {
        const v = row.cells[i]?.value;
        if (v !== null && v !== undefined) points.push({ category: c.label, series: row.label, value: v });
      }
    }
  }
  return points;
}

/**
 * The vega-lite specification of a chart (for vega-lite's compile, then vega to SVG in the browser and in
 * the PDF). Colours are the NL Design System-like palette; the description is the chart's accessible name.
 */
export function chartSpec(chart: MonitorChart, table: MonitorTable, options: { width?: number; height?: number } = {}): Record<string, unknown> {
  const values = chartData(chart, table);
  const categoryOrder = chart.categories === "rows"
    ? table.rows.filter((r) => !r.total).map((r) => r.label)
    : table.columns.filter((c) => !c.total).map((c) => c.label);
  const multi = chart.series.length > 1;
  // The legend lists the series in the table's order (this period before the comparison), not alphabetically.
  const seriesOrder = chart.series.map((key) =>
    chart.categories === "rows" ? table.columns.find((c) => c.key === key)?.label : table.rows.find((r) => r.key === key)?.label,
  ).filter((label): label is string => label !== undefined);
  const width = options.width ?? 520;
  // The axis shows the categories with a value (suppressed ones are left out of the data).
  const shown = categoryOrder.filter((label) => values.some((v) => v.category === label));
  const fewBars = chart.kind === "bar" && shown.length < 6;
  const band = fewBars ? 90 : width / Math.max(1, shown.length);
  // Labels that do not fit side by side are slanted.
  const longest = Math.max(0, ...shown.map((label) => label.length));
  const slanted = shown.length > 6 || longest * 6 > band;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: `${chart.title}. De cijfers staan in de tabel ${table.title}.`,
    // A few bars get a fixed step instead of the full width, so that one category is not one wide block.
    width: fewBars ? { step: multi ? Math.round(band / chart.series.length) : band } : width,
    height: options.height ?? 240,
    background: "white",
    config: { font: "Helvetica", axis: { labelFontSize: 11, titleFontSize: 11 }, legend: { labelFontSize: 11, titleFontSize: 11 } },
    data: { values },
    mark: chart.kind === "line" ? { type: "line", point: true } : { type: "bar" },
    encoding: {
      x: { field: "category", type: "ordinal", sort: categoryOrder, title: null, axis: { labelAngle: slanted ? -40 : 0, labelLimit: 140 } },
      // Counts have whole ticks: no "0,2 0,4 …" when the numbers are small.
      y: { field: "value", type: "quantitative", title: null, axis: { tickMinStep: 1 } },
      ...(multi ? { color: { field: "series", type: "nominal", title: null, sort: seriesOrder, scale: { range: ["#01689b", "#e17000", "#39870c", "#a90061", "#8fcae7", "#ffb612"] } } } : { color: { value: "#01689b" } }),
      ...(multi && chart.kind === "bar" ? { xOffset: { field: "series", sort: seriesOrder } } : {}),
      tooltip: [{ field: "category", title: "" }, { field: "series", title: "" }, { field: "value", title: "Aantal" }],
    },
  };
}
