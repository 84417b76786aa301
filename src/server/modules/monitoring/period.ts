import type { CalendarDate } from "../../kernel/dutch-time.ts";
import { invalidInput } from "../../kernel/errors.ts";
import { endOfDutchDay } from "../signals/deadlines.ts";

/**
 * The monitor's periods: Dutch calendar dates, both ends included. A record counts in a period when its
 * moment (received, opened, closed) falls between the start of the first day and the end of the last day
 * in Dutch time; the database compares timestamps with these instants, so its indexes on them are used.
 */
export interface Period {
  from: CalendarDate;
  to: CalendarDate;
}

export interface PeriodSpec extends Period {
  /** "period": the period asked for; "previous": the same period a year earlier. */
  key: "period" | "previous";
  label: string;
  /** The first instant of the period and the first instant after it. */
  start: Date;
  end: Date;
}

/** The longest period the monitor counts over, in years. */
export const MAX_PERIOD_YEARS = 10;

const DAY_MS = 86_400_000;

function dayNumber(date: CalendarDate): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** The same date `years` later (or earlier); 29 February becomes 28 February in a year without it. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** The first instant of a Dutch calendar day (00:00 in Amsterdam). */
export function startOfDutchDay(date: CalendarDate): Date {
  return new Date(endOfDutchDay(addDays(date, -1)).getTime() + 60_000);
}

/** Days in a period, both ends included. */
export function periodDays(p: Period): number {
  return dayNumber(p.to) - dayNumber(p.from) + 1;
}

/** "2025" for a whole calendar year, else "1-1-2026 t/m 26-11-2026". */
export function periodLabel(p: Period): string {
  const year = p.from.slice(0, 4);
  if (p.from === `${year}-01-01` && p.to === `${year}-12-31`) return year;
  const short = (date: CalendarDate) => {
    const [y, m, d] = date.split("-").map(Number) as [number, number, number];
    return `${d}-${m}-${y}`;
  };
  return `${short(p.from)} t/m ${short(p.to)}`;
}

export function periodSpec(key: PeriodSpec["key"], p: Period): PeriodSpec {
  return { key, from: p.from, to: p.to, label: periodLabel(p), start: startOfDutchDay(p.from), end: startOfDutchDay(addDays(p.to, 1)) };
}

/** The same period a year earlier, for the comparison. */
export function previousYear(p: Period): Period {
  return { from: addYears(p.from, -1), to: addYears(p.to, -1) };
}

/**
 * The period of a request: by default 1 January of this year up to today. Refused (400, nothing counted) when
 * it ends before it starts or spans more than ten years.
 */
export function resolvePeriod(input: { from?: CalendarDate; to?: CalendarDate }, today: CalendarDate): Period {
  const from = input.from ?? (input.to ? `${input.to.slice(0, 4)}-01-01` : `${today.slice(0, 4)}-01-01`);
  const to = input.to ?? (from > today ? addDays(addYears(from, 1), -1) : today);
  if (to < from) {
    throw invalidInput("De periode eindigt vóór zij begint.", [{ name: "to", code: "period_reversed", reason: "de einddatum ligt vóór de begindatum" }]);
  }
  if (to >= addYears(from, MAX_PERIOD_YEARS)) {
    throw invalidInput(`Kies een periode van ten hoogste ${MAX_PERIOD_YEARS} jaar.`, [
      { name: "to", code: "period_too_long", reason: `de periode is langer dan ${MAX_PERIOD_YEARS} jaar` },
    ]);
  }
  return { from, to };
}
