import sql, { type Sql } from "sql-template-tag";
import { run, type Queryable } from "../../kernel/db.ts";

/** A notification as stored; the only file besides notify.ts (inserts) with SQL on notifications. */
export interface NotificationRow {
  id: string;
  user_id: string;
  kind: string;
  signal_id: string | null;
  referral_id: string | null;
  victim_file_id: string | null;
  meeting_id: string | null;
  params: Record<string, unknown> | string;
  created_at: Date;
  read_at: Date | null;
  emailed_at: Date | null;
}

const columns = sql`n.id, n.user_id, n.kind, n.signal_id, n.referral_id, n.victim_file_id, n.meeting_id, n.params, n.created_at, n.read_at, n.emailed_at`;

/** jsonb arrives parsed from both drivers, but a string is tolerated so the shape never depends on one. */
export const paramsOf = (row: Pick<NotificationRow, "params">): Record<string, unknown> =>
  typeof row.params === "string" ? (JSON.parse(row.params) as Record<string, unknown>) : row.params;

export async function listNotifications(
  q: Queryable,
  access: Sql,
  options: { userId: string; unreadOnly: boolean; page: number; pageSize: number },
): Promise<{ rows: NotificationRow[]; total: number; unreadCount: number }> {
  const where = options.unreadOnly ? sql`where ${access} and n.read_at is null` : sql`where ${access}`;
  const rows = await run<NotificationRow>(
    q,
    sql`select ${columns} from notifications n ${where}
         order by n.created_at desc, n.id
         limit ${options.pageSize} offset ${(options.page - 1) * options.pageSize}`,
  );
  const counts = await run<{ total: number; unread: number }>(
    q,
    sql`select (select count(*)::int from notifications n ${where}) as total,
               (select count(*)::int from notifications n where ${access} and n.user_id = ${options.userId} and n.read_at is null) as unread`,
  );
  return { rows, total: counts[0]?.total ?? 0, unreadCount: counts[0]?.unread ?? 0 };
}

export async function findNotification(q: Queryable, id: string): Promise<NotificationRow | undefined> {
  return (await run<NotificationRow>(q, sql`select ${columns} from notifications n where n.id = ${id}`))[0];
}

/** Marks one as read; the first reading time is kept when it is read again. */
export async function markRead(q: Queryable, id: string, now: Date): Promise<void> {
  await run(q, sql`update notifications set read_at = coalesce(read_at, ${now}) where id = ${id}`);
}

export async function markAllRead(q: Queryable, userId: string, now: Date): Promise<number> {
  const rows = await run<{ id: string }>(
    q,
    sql`update notifications set read_at = ${now} where user_id = ${userId} and read_at is null returning id`,
  );
  return rows.length;
}

export interface PendingEmailRow {
  id: string;
  kind: string;
  signal_id: string | null;
  victim_file_id: string | null;
  meeting_id: string | null;
  params: Record<string, unknown> | string;
  email_enc: string;
}

/**
 * Notifications still to be e-mailed, oldest first. Only recent ones: after a long SMTP outage a flood
 * of stale reminders helps nobody, and the notification is in the app anyway.
 */
export async function pendingEmails(q: Queryable, since: Date, limit: number): Promise<PendingEmailRow[]> {
  return run<PendingEmailRow>(
    q,
    sql`select n.id, n.kind, n.signal_id, n.victim_file_id, n.meeting_id, n.params, u.email_enc
          from notifications n join users u on u.id = n.user_id
         where n.emailed_at is null and n.created_at >= ${since} and u.active
         order by n.created_at, n.id
         limit ${limit}`,
  );
}

export async function markEmailed(q: Queryable, id: string, now: Date): Promise<void> {
  await run(q, sql`update notifications set emailed_at = ${now} where id = ${id} and emailed_at is null`);
}
