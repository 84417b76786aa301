import sql from "sql-template-tag";
import type { Kernel } from "../../http/kernel.ts";
import { run } from "../../kernel/db.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { notifyUsers } from "../notifications/notify.ts";
import { actionRecipients } from "./agenda.repository.ts";

/**
 * Follow-up of case conferences: an action past its deadline reminds its owner once (actionRecipients: the
 * named owner, else the owner organisation's delegates in that meeting, else the local level that brought the
 * item in); a meeting left running twelve hours after its end is closed, so that its participants' access to
 * the agenda ends. Ids and references only: no audit.
 */
const CONFERENCE_SWEEP_LOCK = 7_516;
export const AUTO_CLOSE_AFTER_MS = 12 * 3_600_000;

export async function sweepConferences(kernel: Pick<Kernel, "db">, now: Date): Promise<{ reminders: number; closed: number; notifications: number }> {
  return kernel.db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [CONFERENCE_SWEEP_LOCK]);
    const today = dutchDate(now);
    const overdue = await run<{ id: string; item_id: string; meeting_id: string; reference: string; owner_user_id: string | null; owner_organisation_id: string; deadline: string }>(tx, sql`
      select ca.id, ca.item_id, ai.meeting_id, m.reference, ca.owner_user_id, ca.owner_organisation_id, to_char(ca.deadline, 'YYYY-MM-DD') as deadline
        from conference_actions ca join agenda_items ai on ai.id = ca.item_id join meetings m on m.id = ai.meeting_id
       where ca.status = 'open' and ca.deadline < ${today}::date and ca.reminded_at is null
       order by ca.deadline, ca.id`);
    let notifications = 0;
    for (const action of overdue) {
      const users = await actionRecipients(tx, { itemId: action.item_id, meetingId: action.meeting_id, ownerOrganisationId: action.owner_organisation_id, ownerUserId: action.owner_user_id });
      const created = await notifyUsers(tx, {
        userIds: users, kind: "conference_action_overdue", meetingId: action.meeting_id,
        params: { reference: action.reference, deadline: action.deadline }, dedupeKey: `conference-action-overdue:${action.id}`, now,
      });
      await run(tx, sql`update conference_actions set reminded_at = ${now} where id = ${action.id}`);
      notifications += created.length;
    }
    const closed = await run<{ id: string }>(tx, sql`
      update meetings set status = 'closed', closed_at = ${now}, updated_at = ${now}
       where status = 'in_progress' and ends_at < ${new Date(now.getTime() - AUTO_CLOSE_AFTER_MS)}
      returning id`);
    return { reminders: overdue.length, closed: closed.length, notifications };
  });
}
