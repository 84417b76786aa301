import type { CalendarDate } from "../../kernel/dutch-time.ts";
import type { AgeGroup } from "./codes.ts";

/**
 * Calendar rules of care coordination on plain "YYYY-MM-DD" dates (Date only as a UTC day counter, so no
 * time zone can move a date): the reflection period, ages and age groups, days until a date.
 */
const DAY_MS = 86_400_000;

function parts(date: CalendarDate): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function toDay(date: CalendarDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDay(day: number): CalendarDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDay(toDay(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDay(to) - toDay(from);
}

/**
 * The last day of a reflection period offered on `offeredOn`: the period lasts at most three months
 * (B8/3.1 Vreemdelingencirculaire), so it ends the day before the same calendar day three months later.
 * Where that day does not exist (offered on 30 November: there is no 30 February), the period ends on the
 * last day of that month instead, so it never runs past three months nor loses more than the missing days.
 */
export function reflectionEndDate(offeredOn: CalendarDate): CalendarDate {
  const [y, m, d] = parts(offeredOn);
  const monthIndex = m - 1 + 3;
  const year = y + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const last = daysInMonth(year, month);
  if (d > last) return `${year}-${String(month).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
  return addDays(`${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`, -1);
}

/** Age in whole years on a date. */
export function ageOn(birthDate: CalendarDate, on: CalendarDate): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The age groups of the figures (those of CoMensha and the National Rapporteur). */
export function ageGroupOf(age: number | null): AgeGroup {
  if (age === null || age < 0) return "unknown";
  if (age < 18) return "under_18";
  if (age <= 23) return "18_23";
  if (age <= 30) return "24_30";
  if (age <= 40) return "31_40";
  if (age <= 50) return "41_50";
  return "51_plus";
}

/** The day someone born on `birthDate` turns 18. */
export function adultOn(birthDate: CalendarDate): CalendarDate {
  const [y, m, d] = parts(birthDate);
  // Born on 29 February: an adult on 1 March in a year without one.
  return d > daysInMonth(y + 18, m) ? `${y + 18}-03-01` : `${y + 18}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
