import sql, { join, raw, type Sql } from "sql-template-tag";
import type { CalendarDate } from "../../kernel/dutch-time.ts";
import type { PeriodSpec } from "./period.ts";
import type { ResolvedArea } from "./scope.ts";

/**
 * What every section of the monitor counts with: the area (its municipalities and regions), the period and,
 * when asked, the same period a year earlier. The sections that count records filter by area and period with
 * the SQL fragments below; those that read the summaries do so in summary-counts.ts (signals) and
 * care-summaries.ts (care), so that every count follows the same rules (README, "Monitor").
 */
export interface MonitorContext {
  area: ResolvedArea;
  /** The period (index 0) and, with comparison, the same period a year earlier (index 1). */
  periods: PeriodSpec[];
  today: CalendarDate;
  now: Date;
}

/** Only fixed column names from the code reach raw(); never input. */
const column = (name: string) => raw(name);

/** The index of the period a timestamp falls in (0 or 1), null when in neither. */
export function periodOf(ctx: MonitorContext, timestamp: string): Sql {
  const c = column(timestamp);
  return sql`(case ${join(ctx.periods.map((p, i) => sql`when ${c} >= ${p.start} and ${c} < ${p.end} then ${i}::int`), " ")} end)`;
}

/** The timestamp falls in one of the periods (each an indexable range). */
export function inPeriods(ctx: MonitorContext, timestamp: string): Sql {
  const c = column(timestamp);
  return sql`(${join(ctx.periods.map((p) => sql`(${c} >= ${p.start} and ${c} < ${p.end})`), " or ")})`;
}

/** The same for a date column (a calendar date, both ends of the period included). */
export function datePeriodOf(ctx: MonitorContext, date: string): Sql {
  const c = column(date);
  return sql`(case ${join(ctx.periods.map((p, i) => sql`when ${c} between ${p.from}::date and ${p.to}::date then ${i}::int`), " ")} end)`;
}

export function inDatePeriods(ctx: MonitorContext, date: string): Sql {
  const c = column(date);
  return sql`(${join(ctx.periods.map((p) => sql`(${c} between ${p.from}::date and ${p.to}::date)`), " or ")})`;
}

/** A parenthesised list of ids for `in`; `(null)` when empty, which matches nothing. */
export const idList = (values: readonly string[]) => (values.length ? sql`(${join([...values])})` : sql`(null)`);

/** Signals of the area: handled by one of its municipalities' reporting routes. */
export function signalInArea(ctx: MonitorContext, municipalityColumn: string): Sql {
  return sql`${column(municipalityColumn)} in ${idList(ctx.area.municipalityIds)}`;
}

/** A row of counts as the sections' queries return them: what is counted (`dim`), by which value (`key`), in which period (`p`). */
export interface CountRow {
  dim: string;
  key: string | null;
  p: number | null;
  n: number;
}

/** Counts looked up by dimension, key and period; what the database did not return is 0. */
export class Counts {
  private readonly map = new Map<string, number>();
  constructor(rows: readonly CountRow[]) {
    for (const r of rows) {
      const k = Counts.id(r.dim, r.key, r.p ?? 0);
      this.map.set(k, (this.map.get(k) ?? 0) + Number(r.n));
    }
  }
  private static id(dim: string, key: string | null, p: number) {
    return `${dim}\u0000${key ?? ""}\u0000${p}`;
  }
  get(dim: string, key: string | null, p: number): number {
    return this.map.get(Counts.id(dim, key, p)) ?? 0;
  }
  /** One value per period. */
  series(dim: string, key: string | null, periods: number): number[] {
    return Array.from({ length: periods }, (_, p) => this.get(dim, key, p));
  }
  /** The keys returned for a dimension, in the order first seen. */
  keys(dim: string): string[] {
    const keys: string[] = [];
    for (const k of this.map.keys()) {
      const [d, key] = k.split("\u0000") as [string, string];
      if (d === dim && !keys.includes(key)) keys.push(key);
    }
    return keys;
  }
}
