import sql from "sql-template-tag";
import type { Kernel } from "../../http/kernel.ts";
import { run } from "../../kernel/db.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { notifyUsers } from "../notifications/notify.ts";

/**
 * Reminds the owners of a cooperation agreement once, from `remind_days_before` days before its end date
 * (default 60), so that it can be renewed before it lapses. A changed end date or period arms it again
 * (agreements.repository.ts). Titles and ids only: no audit.
 */
const AGREEMENT_SWEEP_LOCK = 7_517;

export async function sweepAgreements(kernel: Pick<Kernel, "db">, now: Date): Promise<{ reminders: number; notifications: number }> {
  return kernel.db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [AGREEMENT_SWEEP_LOCK]);
    const today = dutchDate(now);
    const due = await run<{ id: string; title: string; ends_on: string }>(tx, sql`
      select a.id, a.title, to_char(a.ends_on, 'YYYY-MM-DD') as ends_on from cooperation_agreements a
       where a.reminded_at is null and a.ends_on is not null and a.ends_on >= ${today}::date
         and a.ends_on - a.remind_days_before <= ${today}::date
       order by a.ends_on, a.id`);
    let notifications = 0;
    for (const agreement of due) {
      const owners = await run<{ user_id: string }>(tx, sql`
        select ow.user_id from cooperation_agreement_owners ow join users u on u.id = ow.user_id where ow.agreement_id = ${agreement.id} and u.active`);
      const created = await notifyUsers(tx, {
        userIds: owners.map((o) => o.user_id), kind: "agreement_expiring",
        params: { reference: agreement.title, agreementId: agreement.id, endsOn: agreement.ends_on },
        dedupeKey: `agreement-expiring:${agreement.id}:${agreement.ends_on}`, now,
      });
      await run(tx, sql`update cooperation_agreements set reminded_at = ${now} where id = ${agreement.id}`);
      notifications += created.length;
    }
    return { reminders: due.length, notifications };
  });
}
