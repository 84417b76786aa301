import { dutchNumber, type MonitorCell, type MonitorChart, type MonitorColumn, type MonitorRow, type MonitorTable } from "../../../shared/monitoring.ts";
import type { MonitorContext } from "./context.ts";

/**
 * Building the monitor's tables, charts and sentences from counts the database returned. Exact figures: the
 * published variant is made from these by suppression.ts.
 */
export const countCell = (n: number): MonitorCell => ({ value: n, display: dutchNumber(n) });

export const emptyCell = (base?: number): MonitorCell => (base === undefined ? { value: null, display: "–" } : { value: null, display: "–", base });

/** A share in whole percents of `base` cases; "–" without cases. */
export function percentCell(part: number, base: number): MonitorCell {
  if (base <= 0) return emptyCell(0);
  const value = Math.round((100 * part) / base);
  return { value, display: `${dutchNumber(value)}%`, base };
}

/** A duration in days with one decimal (a median), computed from `base` cases. */
export function daysCell(days: number | null, base: number): MonitorCell {
  if (days === null || base <= 0) return emptyCell(base);
  const value = Math.round(days * 10) / 10;
  return { value, display: dutchNumber(value, 1), base };
}

/** An average (one decimal) in a count column. */
export function decimalCell(value: number | null): MonitorCell {
  if (value === null) return emptyCell();
  const rounded = Math.round(value * 10) / 10;
  return { value: rounded, display: dutchNumber(rounded, Number.isInteger(rounded) ? 0 : 1) };
}

/** One count column per period: the period asked for and, with comparison, the same period a year earlier. */
export function periodColumns(ctx: MonitorContext, label?: (periodLabel: string) => string): MonitorColumn[] {
  return ctx.periods.map((p) => ({ key: p.key, label: label ? label(p.label) : p.label, kind: "count" }));
}

export interface BreakdownInput {
  id: string;
  title: string;
  rowHeading: string;
  rows: readonly { key: string; label: string }[];
  /** The count of a row in period p. */
  count: (key: string, p: number) => number;
  /**
   * A total row. "sum": the sum of the rows (the table is additive); an explicit value per period when a record
   * can fall in more than one row (the table is not additive).
   */
  total?: { label: string; values?: (p: number) => number };
  note?: string;
  /** Leave out rows that are 0 in every period (long lists such as teams). */
  dropEmpty?: boolean;
}

/** A breakdown by one code: a row per value, a count column per period, optionally a total row. */
export function breakdownTable(ctx: MonitorContext, input: BreakdownInput): MonitorTable {
  const periods = ctx.periods.map((_, p) => p);
  let rows: MonitorRow[] = input.rows.map((r) => ({ key: r.key, label: r.label, cells: periods.map((p) => countCell(input.count(r.key, p))) }));
  if (input.dropEmpty) rows = rows.filter((r) => r.cells.some((c) => (c.value ?? 0) > 0));
  // Additive only with parts to add up (a table left with just its total row has nothing to recompute).
  const additive = input.total !== undefined && input.total.values === undefined && rows.length > 0;
  if (input.total) {
    const values = input.total.values;
    const sum = (p: number) => (values ? values(p) : rows.reduce((n, r) => n + (r.cells[p]?.value ?? 0), 0));
    rows.push({ key: "total", label: input.total.label, total: true, cells: periods.map((p) => countCell(sum(p))) });
  }
  return {
    id: input.id,
    title: input.title,
    rowHeading: input.rowHeading,
    columns: periodColumns(ctx),
    rows,
    additive: { rows: additive, columns: false },
    ...(input.note ? { note: input.note } : {}),
  };
}

/** A bar chart of a breakdown: one bar per row, a series per period. */
export function barChart(ctx: MonitorContext, table: MonitorTable, title = table.title): MonitorChart {
  return { id: `${table.id}-chart`, title, tableId: table.id, kind: "bar", categories: "rows", series: ctx.periods.map((p) => p.key) };
}

/** The value of a row's cell in period p (0 when absent). */
export function valueOf(table: MonitorTable, rowKey: string, column = 0): number {
  return table.rows.find((r) => r.key === rowKey)?.cells[column]?.value ?? 0;
}

/** "1 signaal", "57 signalen". */
export function counted(n: number, one: string, many: string): string {
  return `${dutchNumber(n)} ${n === 1 ? one : many}`;
}

/** ", 12 meer dan een jaar eerder" (empty without comparison). */
export function comparedWith(ctx: MonitorContext, now: number, before: number | undefined): string {
  if (ctx.periods.length < 2 || before === undefined) return "";
  if (now === before) return ", evenveel als een jaar eerder";
  return `, ${dutchNumber(Math.abs(now - before))} ${now > before ? "meer" : "minder"} dan een jaar eerder`;
}

/** The largest non-total row of a table in the first column, if any is above 0. */
export function largestRow(table: MonitorTable): { label: string; value: number } | null {
  let best: { label: string; value: number } | null = null;
  for (const row of table.rows) {
    if (row.total) continue;
    const value = row.cells[0]?.value ?? 0;
    if (value > 0 && (!best || value > best.value)) best = { label: row.label, value };
  }
  return best;
}

/** Lower-cases the first letter of a label for use inside a sentence ("Arbeidsuitbuiting" → "arbeidsuitbuiting"). */
export function inSentence(label: string): string {
  return /^[A-Z][a-zë]/.test(label) && !/^(EU|BRP|COSM|RIEC)/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

export interface Measure<R> {
  key: string;
  label: string;
  kind: MonitorColumn["kind"];
  cell: (row: R, p: number) => MonitorCell;
  /** With comparison, also a column for the same period a year earlier. */
  compare?: boolean;
}

export interface MeasureTableInput<R> {
  id: string;
  title: string;
  rowHeading: string;
  rows: readonly { key: string; label: string; total?: boolean; data: R }[];
  measures: readonly Measure<R>[];
  /** The count columns of the rows add up to the total row. */
  additiveRows: boolean;
  note?: string;
}

/** A table with several measures per row (counts, shares, durations); with comparison, the marked measures twice. */
export function measureTable<R>(ctx: MonitorContext, input: MeasureTableInput<R>): MonitorTable {
  const previous = ctx.periods[1];
  const columns: { column: MonitorColumn; measure: Measure<R>; p: number }[] = input.measures.map((m) => ({ column: { key: m.key, label: m.label, kind: m.kind }, measure: m, p: 0 }));
  if (previous) {
    for (const m of input.measures.filter((x) => x.compare)) {
      columns.push({ column: { key: `${m.key}-previous`, label: `${m.label}, ${previous.label}`, kind: m.kind }, measure: m, p: 1 });
    }
  }
  return {
    id: input.id,
    title: input.title,
    rowHeading: input.rowHeading,
    columns: columns.map((c) => c.column),
    rows: input.rows.map((r) => ({ key: r.key, label: r.label, ...(r.total ? { total: true } : {}), cells: columns.map((c) => c.measure.cell(r.data, c.p)) })),
    additive: { rows: input.additiveRows && input.rows.some((r) => r.total) && input.rows.some((r) => !r.total), columns: false },
    ...(input.note ? { note: input.note } : {}),
  };
}
