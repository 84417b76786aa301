import type { Queryable, Tx } from "../../kernel/db.ts";

/** SQL for referrals: one signal shared with one partner organisation for one purpose. */
export interface ReferralRow {
  id: string;
  signal_id: string;
  signal_reference: string;
  signal_municipality_id: string;
  organisation_id: string;
  organisation_name: string;
  channel: string;
  purpose_enc: string;
  shared_parts: string[];
  status: "open" | "accepted" | "declined" | "answered" | "withdrawn";
  created_at: Date;
  due_at: Date;
  responded_at: Date | null;
  decline_reason_enc: string | null;
  feedback_outcome: string | null;
  feedback_enc: string | null;
  feedback_at: Date | null;
}

const select = `
  select r.id, r.signal_id, s.reference as signal_reference, s.municipality_id as signal_municipality_id,
         r.organisation_id, o.name as organisation_name, r.channel, r.purpose_enc, r.shared_parts, r.status,
         r.created_at, r.due_at, r.responded_at, r.decline_reason_enc, r.feedback_outcome, r.feedback_enc, r.feedback_at
    from referrals r join signals s on s.id = r.signal_id join organisations o on o.id = r.organisation_id`;

const toDate = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
function map(r: ReferralRow): ReferralRow {
  return { ...r, created_at: toDate(r.created_at)!, due_at: toDate(r.due_at)!, responded_at: toDate(r.responded_at), feedback_at: toDate(r.feedback_at) };
}

export async function findReferral(q: Queryable, id: string): Promise<ReferralRow | undefined> {
  const rows = await q.query<ReferralRow>(`${select} where r.id = $1`, [id]);
  return rows[0] ? map(rows[0]) : undefined;
}

export async function referralsOf(q: Queryable, signalId: string): Promise<ReferralRow[]> {
  const rows = await q.query<ReferralRow>(`${select} where r.signal_id = $1 order by r.created_at, o.name`, [signalId]);
  return rows.map(map);
}

export async function insertReferral(
  tx: Tx,
  r: { signalId: string; organisationId: string; channel: string; purposeEnc: string; sharedParts: string[]; createdBy: string; createdAt: Date; dueAt: Date },
): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `insert into referrals (signal_id, organisation_id, channel, purpose_enc, shared_parts, status, created_by, created_at, due_at)
     values ($1, $2, $3, $4, $5, 'open', $6, $7, $8) returning id`,
    [r.signalId, r.organisationId, r.channel, r.purposeEnc, r.sharedParts, r.createdBy, r.createdAt, r.dueAt],
  );
  return rows[0]!.id;
}

export async function respondToReferral(tx: Tx, id: string, accept: boolean, userId: string, now: Date, declineReasonEnc: string | null) {
  await tx.query(
    "update referrals set status = $2, responded_by = $3, responded_at = $4, decline_reason_enc = $5 where id = $1",
    [id, accept ? "accepted" : "declined", userId, now, declineReasonEnc],
  );
}

export async function answerReferral(tx: Tx, id: string, outcome: string, feedbackEnc: string, userId: string, now: Date) {
  await tx.query(
    `update referrals set status = 'answered', feedback_outcome = $2, feedback_enc = $3, feedback_by = $4, feedback_at = $5,
            responded_by = coalesce(responded_by, $4), responded_at = coalesce(responded_at, $5)
      where id = $1`,
    [id, outcome, feedbackEnc, userId, now],
  );
}

export async function referralCounts(q: Queryable, signalId: string): Promise<{ active: number; unanswered: number }> {
  const rows = await q.query<{ active: string | number; unanswered: string | number }>(
    `select count(*) filter (where status <> 'withdrawn') as active,
            count(*) filter (where status in ('open', 'accepted')) as unanswered
       from referrals where signal_id = $1`,
    [signalId],
  );
  return { active: Number(rows[0]?.active ?? 0), unanswered: Number(rows[0]?.unanswered ?? 0) };
}

export async function partnerOrganisation(q: Queryable, id: string): Promise<{ id: string; name: string; type: string; region_ids: string[] } | undefined> {
  const rows = await q.query<{ id: string; name: string; type: string; region_ids: unknown }>(
    `select o.id, o.name, o.type, coalesce(json_agg(rm.region_id) filter (where rm.region_id is not null), '[]'::json) as region_ids
       from organisations o left join region_members rm on rm.organisation_id = o.id
      where o.id = $1 and o.active group by o.id`,
    [id],
  );
  const row = rows[0];
  if (!row) return undefined;
  const ids = Array.isArray(row.region_ids) ? row.region_ids : JSON.parse(String(row.region_ids));
  return { id: row.id, name: row.name, type: row.type, region_ids: ids };
}
