import type { Filters } from "./types.ts";

/*
 * The period and filter arithmetic of the monitor page, on plain ISO dates (YYYY-MM-DD) in the browser's own
 * time zone, so "today" is the user's today.
 */
const pad = (n: number) => String(n).padStart(2, "0");

export function isoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A real calendar date in ISO form (what a date input gives, or what someone typed into the URL). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
}

export type QuickPeriod = "thisYear" | "lastYear" | "last12Months";
export const quickPeriods: readonly QuickPeriod[] = ["thisYear", "lastYear", "last12Months"];

export function quickPeriod(kind: QuickPeriod, today: Date = new Date()): { from: string; to: string } {
  const year = today.getFullYear();
  if (kind === "thisYear") return { from: `${year}-01-01`, to: isoDate(today) };
  if (kind === "lastYear") return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  // The twelve months up to and including today: from the day after today's date a year ago.
  const start = new Date(year - 1, today.getMonth(), today.getDate() + 1);
  return { from: isoDate(start), to: isoDate(today) };
}

export function filtersFrom(params: URLSearchParams): Filters {
  const variant = params.get("variant");
  return {
    area: params.get("area") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    compare: params.get("compare") === "true",
    variant: variant === "internal" || variant === "published" ? variant : "",
  };
}

/** The query string of the page and of GET /monitoring/dashboard: only what is set. */
export function paramsFrom(filters: Filters): URLSearchParams {
  const next = new URLSearchParams();
  if (filters.area) next.set("area", filters.area);
  if (filters.from) next.set("from", filters.from);
  if (filters.to) next.set("to", filters.to);
  if (filters.compare) next.set("compare", "true");
  if (filters.variant) next.set("variant", filters.variant);
  return next;
}
