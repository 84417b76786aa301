import sql, { join, raw, type Sql } from "sql-template-tag";
import type { CalendarDate } from "../../kernel/dutch-time.ts";
import { run, type Queryable } from "../../kernel/db.ts";
import type { MonitorContext } from "./context.ts";
import { addDays, type Period } from "./period.ts";

/**
 * Reading the monitor's summaries (summaries.ts): the counts of an area's signals, referrals and route steps
 * per period, summed from the day counts of its municipalities, or for the whole country from the country's
 * months and the days at the edges of the period. Read once per context: the signals, referrals, route and
 * reporter-informed sections share it.
 */
export interface SummaryCount {
  /** The period (0, or 1 for the comparison). */
  p: number;
  dim: string;
  key: string;
  n: number;
}

/** A read made once per context and shared by the sections that ask for it (the context lives for one dashboard). */
export function oncePerContext<T>(read: (q: Queryable, ctx: MonitorContext) => Promise<T>): (q: Queryable, ctx: MonitorContext) => Promise<T> {
  const made = new WeakMap<MonitorContext, Promise<T>>();
  return (q, ctx) => {
    let result = made.get(ctx);
    if (!result) {
      result = read(q, ctx);
      made.set(ctx, result);
    }
    return result;
  };
}

export const summaryCounts = oncePerContext(readCounts);

/** The first day of the month a date is in. */
const monthOf = (date: CalendarDate) => `${date.slice(0, 7)}-01`;
/** The first day of the next month. */
const nextMonth = (date: CalendarDate) => {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
};

/**
 * The country's rows of one period as simple ranges (each read by an index range, and summed on its own): the whole
 * months inside it from the month sums, the days before the first and after the last whole month from the day sums.
 */
export function countryRanges(period: Period): Sql[] {
  const firstMonth = period.from.endsWith("-01") ? period.from : nextMonth(period.from);
  const afterLastMonth = monthOf(addDays(period.to, 1));
  if (firstMonth >= afterLastMonth) return [sql`(c.grain = 'day' and c.bucket between ${period.from}::date and ${period.to}::date)`];
  const ranges = [sql`(c.grain = 'month' and c.bucket >= ${firstMonth}::date and c.bucket < ${afterLastMonth}::date)`];
  if (period.from < firstMonth) ranges.push(sql`(c.grain = 'day' and c.bucket >= ${period.from}::date and c.bucket < ${firstMonth}::date)`);
  if (afterLastMonth <= period.to) ranges.push(sql`(c.grain = 'day' and c.bucket >= ${afterLastMonth}::date and c.bucket <= ${period.to}::date)`);
  return ranges;
}

/** The country's rows of one period, as one condition. */
export function countryBuckets(period: Period): Sql {
  return sql`(${join(countryRanges(period), " or ")})`;
}

/**
 * Sums per period, dim and key of a country table (alias c) over the periods' ranges: each range summed on its own,
 * then the ranges added up. `where` narrows the rows (e.g. to some dims).
 */
export function countrySums(table: "monitor_country_counts" | "monitor_care_country_counts", ranges: readonly { p: number; range: Sql }[], where: Sql = sql`true`): Sql {
  const parts = ranges.map(({ p, range }) => sql`select ${p}::int as p, c.dim, c.key, sum(c.n) as n from ${raw(table)} c where ${range} and ${where} group by c.dim, c.key`);
  return sql`select x.p, x.dim, x.key, sum(x.n)::int as n from (${join(parts, " union all ")}) x group by 1, 2, 3`;
}

/** The summed country stands for the area when the area is the whole country, asked for its own municipalities. */
const countryFor = (ctx: MonitorContext, municipalityIds: readonly string[]) =>
  ctx.area.wholeCountry && municipalityIds.length === ctx.area.municipalityIds.length;

async function readCounts(q: Queryable, ctx: MonitorContext): Promise<SummaryCount[]> {
  const ids = [...ctx.area.municipalityIds];
  if (countryFor(ctx, ids)) {
    const ranges = ctx.periods.flatMap((period, p) => countryRanges(period).map((range) => ({ p, range })));
    return run<SummaryCount>(q, sql`
      ${countrySums("monitor_country_counts", ranges)}
      union all
      select x.p, 'month', x.month, sum(x.n)::int from (
        ${join(ranges.map(({ p, range }) => sql`select ${p}::int as p, to_char(c.bucket, 'YYYY-MM') as month, c.n from monitor_country_counts c where c.dim = 'total' and ${range}`), " union all ")}
      ) x group by 1, 3`);
  }
  const within = (period: Period) => sql`(c.day between ${period.from}::date and ${period.to}::date)`;
  const p = sql`(case ${join(ctx.periods.map((period, i) => sql`when ${within(period)} then ${i}::int`), " ")} end)`;
  return run<SummaryCount>(q, sql`
    with src as (
      select ${p} as p, c.municipality_id, c.day, c.dim, c.key, c.n from monitor_day_counts c
       where c.municipality_id = any(${ids}::uuid[]) and (${join(ctx.periods.map(within), " or ")})
    )
    select src.p, src.dim, src.key, sum(src.n)::int as n from src group by 1, 2, 3
    union all
    select src.p, 'month', to_char(src.day, 'YYYY-MM'), sum(src.n)::int from src where src.dim = 'total' group by 1, 3
    union all
    select src.p, 'municipality', src.municipality_id::text, sum(src.n)::int from src where src.dim = 'total' group by 1, 3`);
}

/**
 * Signals per municipality and calendar year, from `from` to `to` (both included), for the yearly table: the
 * municipalities' day totals, or the country's per-municipality sums when the area is the whole country.
 */
export async function signalsPerYear(q: Queryable, ctx: MonitorContext, municipalityIds: readonly string[], period: Period): Promise<{ area: string; year: number; n: number }[]> {
  if (countryFor(ctx, municipalityIds)) {
    return run(q, sql`
      select c.key as area, extract(year from c.bucket)::int as year, sum(c.n)::int as n
        from monitor_country_counts c
       where c.dim = 'municipality' and ${countryBuckets(period)}
       group by 1, 2`);
  }
  return run(q, sql`
    select c.municipality_id::text as area, extract(year from c.day)::int as year, sum(c.n)::int as n
      from monitor_day_counts c
     where c.dim = 'total' and c.municipality_id = any(${[...municipalityIds]}::uuid[]) and c.day between ${period.from}::date and ${period.to}::date
     group by 1, 2`);
}

/** A histogram of whole hours: hours → how many. */
export type Histogram = Map<number, number>;

export function addToHistogram(histogram: Histogram, hours: number, n: number): void {
  histogram.set(hours, (histogram.get(hours) ?? 0) + n);
}

/**
 * The median of a histogram in days, computed as `percentile_cont(0.5)` would over its values: the middle
 * value, or halfway between the two middle ones. Null when empty.
 */
export function medianDays(histogram: Histogram): number | null {
  const buckets = [...histogram.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const [hours, n] of buckets) {
      seen += n;
      if (index < seen) return hours;
    }
    return buckets[buckets.length - 1]![0];
  };
  const position = (total - 1) / 2;
  const low = at(Math.floor(position));
  const high = at(Math.ceil(position));
  return (low + (high - low) * (position - Math.floor(position))) / 24;
}
