/**
 * The Dutch wall clock. Deadlines, validity periods and "today" in Ketenzicht are Dutch calendar dates,
 * whatever the server's time zone: one formatter decides what date and time it is in the Netherlands.
 */
export type CalendarDate = string;

const wallClockFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Amsterdam", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
});

/** The Dutch wall clock at an instant: the calendar date and the time as "HH:MM:SS". */
export function dutchWallClock(instant: Date): { date: CalendarDate; time: string } {
  const p = Object.fromEntries(wallClockFormat.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}` };
}

/** The calendar date in the Netherlands at an instant. */
export function dutchDate(instant: Date): CalendarDate {
  return dutchWallClock(instant).date;
}
