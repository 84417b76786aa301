import sql from "sql-template-tag";
import { run, type Queryable } from "../../kernel/db.ts";
import type { Role } from "../../kernel/policy/matrix.ts";

/**
 * Creating notifications. They name a signal or victim file only by its reference (in params), never by
 * its content: a notification is also e-mailed, and e-mail is no place for what a signal or file says.
 */
export const notificationKinds = [
  "signal_received",
  "referral_received",
  "referral_reminder",
  "referral_escalated",
  "referral_answered",
  "signal_overdue",
  "reporter_informed",
  "case_team_added",
  "transfer_proposed",
  "transfer_answered",
  "care_task",
  "meeting_invited",
  "agenda_proposal",
  "agenda_answered",
  "conference_decision",
  "conference_action_assigned",
  "conference_action_overdue",
  "conference_action_done",
  "agreement_expiring",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** What a notification may carry besides its links: the signal's reference and plain facts, no content. */
export type NotificationParams = { reference?: string } & Record<string, string | number | boolean | null | undefined>;

export interface NotifyInput {
  userIds: readonly string[];
  kind: NotificationKind;
  signalId?: string | null;
  referralId?: string | null;
  victimFileId?: string | null;
  meetingId?: string | null;
  params?: NotificationParams;
  /** Same key for the same user → only the first notification is kept (a reminder is sent once). */
  dedupeKey?: string | null;
  now: Date;
}

/**
 * Inserts one notification per user inside the caller's transaction, so it exists exactly when the change
 * it reports does. Returns the ids of the notifications actually created (duplicates by key are skipped).
 */
export async function notifyUsers(tx: Queryable, input: NotifyInput): Promise<string[]> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return [];
  const rows = await run<{ id: string }>(
    tx,
    sql`insert into notifications (user_id, kind, signal_id, referral_id, victim_file_id, meeting_id, params, created_at, dedupe_key)
        select u.id, ${input.kind}, ${input.signalId ?? null}::uuid, ${input.referralId ?? null}::uuid, ${input.victimFileId ?? null}::uuid,
               ${input.meetingId ?? null}::uuid,
               ${JSON.stringify(input.params ?? {})}::jsonb, ${input.now}, ${input.dedupeKey ?? null}
          from unnest(${userIds}::uuid[]) as u (id)
        on conflict (user_id, dedupe_key) do nothing
        returning id`,
  );
  return rows.map((r) => r.id);
}

/** Active users of an organisation that hold at least one of the roles, e.g. the partner's contact people. */
export async function usersOfOrganisationWithRoles(q: Queryable, organisationId: string, roles: readonly Role[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await run<{ id: string }>(
    q,
    sql`select distinct u.id from users u join user_roles r on r.user_id = u.id
         where u.organisation_id = ${organisationId} and u.active and r.role = any(${[...roles]}::text[])
         order by u.id`,
  );
  return rows.map((r) => r.id);
}
