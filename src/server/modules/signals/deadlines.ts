import type { Queryable } from "../../kernel/db.ts";
import { dutchDate, dutchWallClock } from "../../kernel/dutch-time.ts";
import { addWorkingDays, type CalendarDate } from "./working-days.ts";
import type { Status, Urgency } from "./route.ts";
import { deadlineKind } from "./route.ts";

export { dutchDate, dutchWallClock };

/**
 * Deadlines of the reporting route, in working days per municipality and urgency. A deadline falls at
 * the end of the working day (23:59 Dutch time, so that it reads as that day), and "within 2 working days"
 * from a Friday afternoon means by the end of Tuesday.
 */
export interface DeadlineSet {
  urgency: Urgency;
  assessDays: number;
  feedbackDays: number;
  informDays: number;
}

/** What a municipality works to until its administrator sets its own. */
export const defaultDeadlines: Record<Urgency, DeadlineSet> = {
  acute: { urgency: "acute", assessDays: 0, feedbackDays: 1, informDays: 2 },
  high: { urgency: "high", assessDays: 2, feedbackDays: 5, informDays: 5 },
  normal: { urgency: "normal", assessDays: 5, feedbackDays: 10, informDays: 10 },
};

/** Minutes Dutch wall-clock time is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const { date, time } = dutchWallClock(instant);
  const wall = Date.parse(`${date}T${time}Z`);
  return Math.round((wall - instant.getTime()) / 60_000);
}

/** The last minute of a Dutch calendar day (23:59 in Amsterdam). */
export function endOfDutchDay(date: CalendarDate): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(y, m - 1, d + 1);
  // The offset at the guess is right except within an hour of a DST switch, which never falls at midnight.
  const guess = new Date(midnightUtc - 60 * 60_000);
  return new Date(midnightUtc - offsetMinutes(guess) * 60_000 - 60_000);
}

/** The end of the working day `days` working days after `from` (0: the same day, or the next working day). */
export function dueAfter(from: Date, days: number): Date {
  return endOfDutchDay(addWorkingDays(dutchDate(from), days));
}

export async function deadlinesOf(q: Queryable, municipalityId: string): Promise<Record<Urgency, DeadlineSet>> {
  const rows = await q.query<{ urgency: Urgency; assess_days: number; feedback_days: number; inform_days: number }>(
    "select urgency, assess_days, feedback_days, inform_days from route_deadlines where municipality_id = $1",
    [municipalityId],
  );
  const result = { ...defaultDeadlines };
  for (const r of rows) result[r.urgency] = { urgency: r.urgency, assessDays: r.assess_days, feedbackDays: r.feedback_days, informDays: r.inform_days };
  return result;
}

/** The deadline of the step a signal waits for after entering `status` at `from`. */
export function dueForStatus(status: Status, urgency: Urgency, from: Date, deadlines: Record<Urgency, DeadlineSet>): Date | null {
  const set = deadlines[urgency];
  switch (deadlineKind(status)) {
    case "assess":
      return dueAfter(from, set.assessDays);
    case "feedback":
      return dueAfter(from, set.feedbackDays);
    case "inform":
      return dueAfter(from, set.informDays);
    case null:
      return null;
  }
}
