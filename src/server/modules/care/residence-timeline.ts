import type { CalendarDate } from "../../kernel/dutch-time.ts";

/**
 * The residence scheme for victims (B8/3) as one timeline: the reflection period offered and ending, the
 * police report, applications, decisions and the end of each permit, in date order.
 */
export interface TimelineEntry {
  date: CalendarDate;
  kind: string;
  detail: string | null;
}

interface Reflection {
  offeredOn: CalendarDate;
  endsOn: CalendarDate;
  endedEarlyOn: CalendarDate | null;
  endReason: string | null;
}
interface PoliceReport {
  status: string;
  date: CalendarDate | null;
  unableBasis: string | null;
}
interface Permit {
  kind: string;
  appliedOn: CalendarDate;
  decidedOn: CalendarDate | null;
  decision: string | null;
  validUntil: CalendarDate | null;
}

export function buildResidenceTimeline(reflection: Reflection | null, report: PoliceReport, permits: readonly Permit[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  if (reflection) {
    entries.push({ date: reflection.offeredOn, kind: "reflection_offered", detail: null });
    if (reflection.endedEarlyOn) entries.push({ date: reflection.endedEarlyOn, kind: "reflection_ended_early", detail: reflection.endReason });
    else entries.push({ date: reflection.endsOn, kind: "reflection_ends", detail: null });
  }
  if (report.date && report.status !== "undecided") {
    entries.push({ date: report.date, kind: `police_report_${report.status}`, detail: report.unableBasis });
  }
  for (const p of permits) {
    entries.push({ date: p.appliedOn, kind: "permit_applied", detail: p.kind });
    if (p.decidedOn) entries.push({ date: p.decidedOn, kind: `permit_${p.decision}`, detail: p.kind });
    if (p.validUntil) entries.push({ date: p.validUntil, kind: "permit_ends", detail: p.kind });
  }
  // Stable by date: on one day, the order above (offered before ended, applied before decided) holds.
  return entries.map((e, i) => ({ e, i })).sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i)).map(({ e }) => e);
}
