import sql from "sql-template-tag";
import type { Kernel } from "../../http/kernel.ts";
import { run } from "../../kernel/db.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { notifyUsers } from "../notifications/notify.ts";
import { dueTasks } from "./tasks.ts";

/**
 * Reminders for the care coordinators: each task of an open file (a reflection period ending, a service or
 * goal overdue, consent or a permit about to lapse, a minor without the youth route) notifies the file's
 * active coordinators once, and once more when it becomes overdue. Like the signals' sweep it reads
 * references and ids only, so it writes no audit events.
 */
const CARE_SWEEP_LOCK = 7_515;

export async function sweepCareTasks(kernel: Pick<Kernel, "db">, now: Date): Promise<{ tasks: number; notifications: number }> {
  return kernel.db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [CARE_SWEEP_LOCK]);
    const today = dutchDate(now);
    const tasks = await dueTasks(tx, sql`true`, today);
    let notifications = 0;
    for (const task of tasks) {
      const coordinators = await run<{ user_id: string }>(tx, sql`
        select m.user_id from case_team_members m join users u on u.id = m.user_id
         where m.file_id = ${task.file_id} and m.member_role = 'coordinator' and m.ended_at is null and u.active
           and m.valid_from <= ${today}::date and (m.valid_until is null or m.valid_until >= ${today}::date)`);
      const created = await notifyUsers(tx, {
        userIds: coordinators.map((c) => c.user_id),
        kind: "care_task",
        victimFileId: task.file_id,
        params: { reference: task.reference, task: task.kind, date: task.date, overdue: task.overdue },
        dedupeKey: `care-task:${task.kind}:${task.item_id}:${task.date ?? ""}:${task.overdue ? "overdue" : "due"}`,
        now,
      });
      notifications += created.length;
    }
    return { tasks: tasks.length, notifications };
  });
}
