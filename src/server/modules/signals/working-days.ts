// Working-day arithmetic for deadlines in the Dutch municipal reporting route. Deadlines there are
// counted in working days: Monday–Friday, minus the public holidays that are a general day off.
// Dates are plain calendar dates ("YYYY-MM-DD"); Date is used only with UTC methods, as a day
// counter, so no time zone or daylight-saving shift can move a date.

/** A calendar date as "YYYY-MM-DD". */
export type { CalendarDate } from "../../kernel/dutch-time.ts";
import type { CalendarDate } from "../../kernel/dutch-time.ts";

export interface PublicHoliday {
  /** Dutch name, as it appears in letters and the UI. */
  name: string;
  date: CalendarDate;
  /** Whether the day is off for the municipality, i.e. not a working day when counting deadlines. */
  generalDayOff: boolean;
}

export interface WorkingDayOptions {
  /** Municipality-specific closing days (e.g. the Friday after Ascension), as "YYYY-MM-DD". */
  extraClosedDays?: readonly CalendarDate[];
}

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01; throws a RangeError for anything that is not an existing calendar date. */
function toDayNumber(date: CalendarDate): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const utc = new Date(0);
  // setUTCFullYear rather than Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  utc.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const day = utc.getTime() / DAY_MS;
  // Date silently rolls 2026-02-30 over to 2026-03-02; the round trip is what catches impossible dates.
  if (fromDayNumber(day) !== date) throw new RangeError(`not an existing date: ${date}`);
  return day;
}

function fromDayNumber(day: number): CalendarDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Easter Sunday (Gregorian) by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), which is
 * exact for every Gregorian year without lookup tables.
 */
export function easterSunday(year: number): CalendarDate {
  // The Gregorian calendar starts in 1582; four-digit years keep the "YYYY-MM-DD" form.
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`unsupported year: ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The Dutch public holidays of a year, in date order. The Koningsdag rule is the one in force since
 * 2014 (before that it was Koninginnedag on 30 April), so earlier years are not meaningful here.
 */
export function dutchPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const kingsDay = `${year}-04-27`;
  // Koningsdag moves to the Saturday before when 27 April is a Sunday (Sunday = getUTCDay() 0).
  const kingsDayMoved = new Date(toDayNumber(kingsDay) * DAY_MS).getUTCDay() === 0;
  const holidays: PublicHoliday[] = [
    { name: "Nieuwjaarsdag", date: `${year}-01-01`, generalDayOff: true },
    // A public holiday by name, but not a general day off for government or most employers.
    { name: "Goede Vrijdag", date: addDays(easter, -2), generalDayOff: false },
    { name: "Eerste Paasdag", date: easter, generalDayOff: true },
    { name: "Tweede Paasdag", date: addDays(easter, 1), generalDayOff: true },
    { name: "Koningsdag", date: kingsDayMoved ? `${year}-04-26` : kingsDay, generalDayOff: true },
    // The government's collective agreement gives Liberation Day off only in lustrum years.
    { name: "Bevrijdingsdag", date: `${year}-05-05`, generalDayOff: year % 5 === 0 },
    { name: "Hemelvaartsdag", date: addDays(easter, 39), generalDayOff: true },
    { name: "Eerste Pinksterdag", date: addDays(easter, 49), generalDayOff: true },
    { name: "Tweede Pinksterdag", date: addDays(easter, 50), generalDayOff: true },
    { name: "Eerste Kerstdag", date: `${year}-12-25`, generalDayOff: true },
    { name: "Tweede Kerstdag", date: `${year}-12-26`, generalDayOff: true },
  ];
  return holidays.sort((x, y) => x.date.localeCompare(y.date));
}

// Deadline counting asks about the same few years over and over; the closed days per year never change.
const closedHolidaysByYear = new Map<number, ReadonlySet<CalendarDate>>();

function closedHolidays(year: number): ReadonlySet<CalendarDate> {
  let closed = closedHolidaysByYear.get(year);
  if (!closed) {
    closed = new Set(dutchPublicHolidays(year).filter((h) => h.generalDayOff).map((h) => h.date));
    closedHolidaysByYear.set(year, closed);
  }
  return closed;
}

/** Returns a predicate on day numbers; extra closing days are validated up front so a typo fails loudly. */
function openDayPredicate(options?: WorkingDayOptions): (day: number) => boolean {
  const extra = new Set((options?.extraClosedDays ?? []).map((date) => fromDayNumber(toDayNumber(date))));
  return (day) => {
    const weekday = new Date(day * DAY_MS).getUTCDay();
    if (weekday === 0 || weekday === 6) return false;
    const date = fromDayNumber(day);
    return !extra.has(date) && !closedHolidays(Number(date.slice(0, 4))).has(date);
  };
}

/** Monday–Friday and not a holiday that is a general day off, nor one of the extra closing days. */
export function isWorkingDay(date: CalendarDate, options?: WorkingDayOptions): boolean {
  return openDayPredicate(options)(toDayNumber(date));
}

/**
 * The date n working days after start; start itself is not counted. For n = 0 this is start when it is
 * a working day, else the next working day (a deadline never falls on a closed day).
 */
export function addWorkingDays(start: CalendarDate, n: number, options?: WorkingDayOptions): CalendarDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const isOpen = openDayPredicate(options);
  let day = toDayNumber(start);
  if (n === 0) {
    while (!isOpen(day)) day += 1;
    return fromDayNumber(day);
  }
  for (let remaining = n; remaining > 0; ) {
    day += 1;
    if (isOpen(day)) remaining -= 1;
  }
  return fromDayNumber(day);
}

/** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function workingDaysBetween(from: CalendarDate, to: CalendarDate, options?: WorkingDayOptions): number {
  const isOpen = openDayPredicate(options);
  const last = toDayNumber(to);
  let count = 0;
  for (let day = toDayNumber(from) + 1; day <= last; day += 1) if (isOpen(day)) count += 1;
  return count;
}
