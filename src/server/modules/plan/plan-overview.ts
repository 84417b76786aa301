import { activityStatuses, openStatuses, statusTransitions, type ActivityStatus, type CoverSource } from "./plan-codes.ts";

/**
 * The plan overview as pure functions: status counts, overdue activities, and per year the costs, the cover
 * and the gap (costs minus cover; positive is a shortfall), as in the financial table of the Zuid-Limburg plan.
 */
export interface BudgetEntry {
  year: number;
  costs: number;
  cover: number;
  coverSource: CoverSource | null;
}

export interface BudgetYear {
  year: number;
  costs: number;
  cover: number;
  gap: number;
}

export const yearsOf = (periodStart: number, periodEnd: number): number[] =>
  Array.from({ length: periodEnd - periodStart + 1 }, (_, i) => periodStart + i);

/** Costs and cover per year of the period (years outside it are not counted; the API refuses them anyway). */
export function budgetByYear(years: readonly number[], entries: readonly BudgetEntry[]): BudgetYear[] {
  return years.map((year) => {
    const inYear = entries.filter((e) => e.year === year);
    const costs = inYear.reduce((sum, e) => sum + e.costs, 0);
    const cover = inYear.reduce((sum, e) => sum + e.cover, 0);
    return { year, costs, cover, gap: costs - cover };
  });
}

export function budgetTotals(byYear: readonly BudgetYear[]): Omit<BudgetYear, "year"> {
  const costs = byYear.reduce((sum, y) => sum + y.costs, 0);
  const cover = byYear.reduce((sum, y) => sum + y.cover, 0);
  return { costs, cover, gap: costs - cover };
}

/** The cover per source and year, for the "Bestaande dekking" rows of the table. */
export function coverBySource(years: readonly number[], entries: readonly BudgetEntry[]): { source: CoverSource; year: number; amount: number }[] {
  const out: { source: CoverSource; year: number; amount: number }[] = [];
  const sources = [...new Set(entries.filter((e) => e.cover > 0 && e.coverSource).map((e) => e.coverSource!))].sort();
  for (const source of sources) {
    for (const year of years) {
      const amount = entries.filter((e) => e.coverSource === source && e.year === year).reduce((sum, e) => sum + e.cover, 0);
      out.push({ source, year, amount });
    }
  }
  return out;
}

export function isOverdue(status: ActivityStatus, endsOn: string | null, today: string): boolean {
  return endsOn !== null && endsOn < today && openStatuses.includes(status);
}

export function statusCounts(statuses: readonly ActivityStatus[]): Record<ActivityStatus, number> {
  const counts = Object.fromEntries(activityStatuses.map((s) => [s, 0])) as Record<ActivityStatus, number>;
  for (const s of statuses) counts[s] += 1;
  return counts;
}

export const canChangeStatus = (from: ActivityStatus, to: ActivityStatus) => statusTransitions[from].includes(to);

/** A lead-time bound as typed ("2023-Q2" or "2023-05-01") to a date: a quarter starts or ends on its first or last day. */
export function leadTimeDate(bound: string, edge: "start" | "end"): { date: string; unit: "date" | "quarter" } | null {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(bound);
  if (quarter) {
    const y = Number(quarter[1]);
    const q = Number(quarter[2]);
    if (edge === "start") return { date: `${y}-${String((q - 1) * 3 + 1).padStart(2, "0")}-01`, unit: "quarter" };
    const lastDay = new Date(Date.UTC(y, q * 3, 0)).getUTCDate();
    return { date: `${y}-${String(q * 3).padStart(2, "0")}-${lastDay}`, unit: "quarter" };
  }
  const [y, m, d] = bound.split("-").map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(y, m - 1, d));
  if (parsed.getUTCFullYear() !== y || parsed.getUTCMonth() !== m - 1 || parsed.getUTCDate() !== d) return null;
  return { date: bound, unit: "date" };
}

/** "2023 Q1 – 2023 Q4", "1 maart 2023 – 31 december 2023", or what is known of it. */
export function quarterOf(date: string): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}
