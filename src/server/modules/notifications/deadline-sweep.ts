import sql from "sql-template-tag";
import type { Kernel } from "../../http/kernel.ts";
import { run, type Tx } from "../../kernel/db.ts";
import { dutchWallClock } from "../signals/deadlines.ts";
import { addWorkingDays } from "../signals/working-days.ts";
import { sweepCareTasks } from "../care/care-sweep.ts";
import { sweepConferences } from "../conferences/conference-sweep.ts";
import { sweepAgreements } from "../network/agreement-sweep.ts";
import { sweepMonitorExports } from "../monitoring/exports.service.ts";
import { refreshCareSummaries } from "../monitoring/care-summaries.ts";
import { refreshSummaries } from "../monitoring/summaries.ts";
import { deliverPendingEmails, type Mailer } from "./mailer.ts";
import { notifyUsers, usersOfOrganisationWithRoles } from "./notify.ts";

/**
 * The deadline sweep: reminds partners whose referral is past due, escalates to the municipality's focal
 * officers when the reminder is two working days old without a response, and tells them when a signal's
 * step is overdue. It reads references and ids only, no personal data, so it writes no audit events.
 */
export interface SweepResult {
  reminders: number;
  escalations: number;
  overdueSignals: number;
  notifications: number;
}

/** Working days between the reminder and the escalation. */
export const ESCALATION_WORKING_DAYS = 2;
// Serialises sweeps of several instances on one database; the dedupe keys alone would also hold, but
// without the lock two instances could both set reminded_at and escalate on the same run.
const SWEEP_LOCK = 7_514;

/**
 * Escalation is due at the same Dutch wall-clock time, two working days after the reminder's date: a
 * reminder on Friday 10:00 escalates on Tuesday 10:00 (weekends and public holidays do not count).
 */
export function escalationDue(remindedAt: Date, now: Date): boolean {
  const reminded = dutchWallClock(remindedAt);
  const current = dutchWallClock(now);
  const dueDate = addWorkingDays(reminded.date, ESCALATION_WORKING_DAYS);
  // "YYYY-MM-DD HH:MM:SS" strings compare in time order.
  return `${current.date} ${current.time}` >= `${dueDate} ${reminded.time}`;
}

interface ReferralDue {
  id: string;
  signal_id: string;
  organisation_id: string;
  municipality_id: string;
  reference: string;
  reminded_at: Date | string | null;
}

export async function sweepDeadlines(kernel: Pick<Kernel, "db">, now: Date): Promise<SweepResult> {
  return kernel.db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [SWEEP_LOCK]);
    const result: SweepResult = { reminders: 0, escalations: 0, overdueSignals: 0, notifications: 0 };
    await remindPartners(tx, now, result);
    await escalateToFocalOfficers(tx, now, result);
    await reportOverdueSignals(tx, now, result);
    return result;
  });
}

async function remindPartners(tx: Tx, now: Date, result: SweepResult): Promise<void> {
  const due = await run<ReferralDue>(
    tx,
    sql`select r.id, r.signal_id, r.organisation_id, s.municipality_id, s.reference, r.reminded_at
          from referrals r join signals s on s.id = r.signal_id
         where r.status in ('open', 'accepted') and r.due_at < ${now} and r.reminded_at is null
         order by r.due_at, r.id`,
  );
  for (const referral of due) {
    const userIds = await usersOfOrganisationWithRoles(tx, referral.organisation_id, ["partner", "care_coordinator"]);
    const created = await notifyUsers(tx, {
      userIds,
      kind: "referral_reminder",
      signalId: referral.signal_id,
      referralId: referral.id,
      params: { reference: referral.reference },
      dedupeKey: `referral-reminder:${referral.id}`,
      now,
    });
    // Set even when the organisation has nobody to remind: the escalation clock must still start.
    await run(tx, sql`update referrals set reminded_at = ${now} where id = ${referral.id}`);
    result.reminders += 1;
    result.notifications += created.length;
  }
}

async function escalateToFocalOfficers(tx: Tx, now: Date, result: SweepResult): Promise<void> {
  const reminded = await run<ReferralDue>(
    tx,
    sql`select r.id, r.signal_id, r.organisation_id, s.municipality_id, s.reference, r.reminded_at
          from referrals r join signals s on s.id = r.signal_id
         where r.status in ('open', 'accepted') and r.reminded_at is not null and r.escalated_at is null
           and r.reminded_at <= ${now}
         order by r.reminded_at, r.id`,
  );
  for (const referral of reminded) {
    if (!escalationDue(new Date(referral.reminded_at!), now)) continue;
    const userIds = await usersOfOrganisationWithRoles(tx, referral.municipality_id, ["focal_officer"]);
    const created = await notifyUsers(tx, {
      userIds,
      kind: "referral_escalated",
      signalId: referral.signal_id,
      referralId: referral.id,
      params: { reference: referral.reference },
      dedupeKey: `referral-escalated:${referral.id}`,
      now,
    });
    await run(tx, sql`update referrals set escalated_at = ${now} where id = ${referral.id}`);
    result.escalations += 1;
    result.notifications += created.length;
  }
}

async function reportOverdueSignals(tx: Tx, now: Date, result: SweepResult): Promise<void> {
  // Once per signal and status: the dedupe key carries the status, so the next overdue step notifies again.
  const overdue = await run<{ id: string; municipality_id: string; reference: string; status: string }>(
    tx,
    sql`select s.id, s.municipality_id, s.reference, s.status
          from signals s
         where s.status <> 'closed' and s.due_at < ${now}
           and not exists (select 1 from notifications n
                            where n.signal_id = s.id and n.kind = 'signal_overdue'
                              and n.dedupe_key = 'signal-overdue:' || s.id::text || ':' || s.status)
         order by s.due_at, s.id`,
  );
  for (const signal of overdue) {
    const userIds = await usersOfOrganisationWithRoles(tx, signal.municipality_id, ["focal_officer"]);
    const created = await notifyUsers(tx, {
      userIds,
      kind: "signal_overdue",
      signalId: signal.id,
      params: { reference: signal.reference, status: signal.status },
      dedupeKey: `signal-overdue:${signal.id}:${signal.status}`,
      now,
    });
    if (created.length > 0) result.overdueSignals += 1;
    result.notifications += created.length;
  }
}

export const SWEEP_INTERVAL_MS = 5 * 60_000;
/** Days of the monitor's summaries recounted per transaction by the sweep. */
const SUMMARY_PORTION = 8000;

/**
 * Runs the sweep and then the e-mail delivery every few minutes, one run at a time. The timer is
 * unref'd so it never keeps the process alive; `stop` waits for a run in progress before the database
 * closes.
 */
export function scheduleDeadlineSweeps(
  kernel: Kernel,
  options: { mailer: Mailer | null; intervalMs?: number; log: (message: string, error: unknown) => void },
): { stop: () => Promise<void> } {
  let running: Promise<void> | null = null;
  let stopping = false;
  const tick = () => {
    if (running) return;
    running = (async () => {
      try {
        await sweepDeadlines(kernel, kernel.now());
      } catch (error) {
        options.log("notificaties: termijnbewaking mislukt", error);
      }
      try {
        await sweepCareTasks(kernel, kernel.now());
      } catch (error) {
        options.log("notificaties: termijnen zorgcoördinatie mislukt", error);
      }
      try {
        await sweepConferences(kernel, kernel.now());
      } catch (error) {
        options.log("notificaties: acties uit casusoverleggen mislukt", error);
      }
      try {
        await sweepAgreements(kernel, kernel.now());
      } catch (error) {
        options.log("notificaties: herinneringen samenwerkingsafspraken mislukt", error);
      }
      try {
        await sweepMonitorExports(kernel, kernel.now());
      } catch (error) {
        options.log("monitor: verlopen exports opruimen mislukt", error);
      }
      try {
        // The monitor's summaries: recounted here too, so that a dashboard seldom has dirty days to recount first. In
        // portions of a transaction each, so that a large backlog (the first start after an upgrade) commits as it goes.
        while (!stopping && (await kernel.db.transaction((tx) => refreshSummaries(tx, { maxDays: SUMMARY_PORTION }))) === SUMMARY_PORTION);
        while (!stopping && (await kernel.db.transaction((tx) => refreshCareSummaries(tx, { maxFiles: SUMMARY_PORTION }))) === SUMMARY_PORTION);
      } catch (error) {
        options.log("monitor: samenvattingen bijwerken mislukt", error);
      }
      if (options.mailer) await deliverPendingEmails(kernel, options.mailer, { limit: 200, log: options.log });
    })().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(tick, options.intervalMs ?? SWEEP_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      stopping = true;
      clearInterval(timer);
      await running;
    },
  };
}
