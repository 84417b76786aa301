import { locale } from "../../../i18n/i18n.ts";

/**
 * Meetings happen in the Netherlands: their times are read and entered as Dutch wall-clock time, whatever
 * time zone the browser is in, and sent as ISO 8601 with the offset of that moment (+01:00 or +02:00).
 */
export const ZONE = "Europe/Amsterdam";

/** Minutes east of UTC in the Netherlands at an instant. */
function offsetMinutes(instant: number): number {
  const name = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, timeZoneName: "longOffset" })
    .formatToParts(new Date(instant))
    .find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? "0");
  return match[1] === "-" ? -minutes : minutes;
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, "0");

/** "2026-12-03" and "14:00" in Dutch time → "2026-12-03T14:00:00+01:00"; null when either is not a valid value. */
export function dutchIso(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  // The offset at the wall time read as UTC, then again at the instant that gives: right also around DST changes.
  const offset = offsetMinutes(wall - offsetMinutes(wall) * 60_000);
  const sign = offset < 0 ? "-" : "+";
  return `${date}T${time}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** An instant from the API as the date ("2026-12-03") and time ("14:00") in the Netherlands. */
export function dutchParts(iso: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "00";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

/** "donderdag 3 december 2026, 14:00–16:00" (Dutch time), or with both dates when it runs past midnight. */
export function formatMeetingTime(startsAt: string, endsAt: string): string {
  const day = new Intl.DateTimeFormat(locale(), { timeZone: ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const time = new Intl.DateTimeFormat(locale(), { timeZone: ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (dutchParts(startsAt).date === dutchParts(endsAt).date) return `${day.format(start)}, ${time.format(start)}–${time.format(end)}`;
  return `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
}

/** "3 dec 2026, 14:00" in Dutch time: for moments such as opened, closed, recorded. */
export function formatMoment(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: ZONE, dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** Today in the Netherlands, "2026-12-03": the first day an action's deadline may be. */
export const dutchToday = () => dutchParts(new Date().toISOString()).date;
