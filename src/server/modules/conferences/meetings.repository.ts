import sql, { join, raw, type Sql } from "sql-template-tag";
import { run, type Queryable, type Tx } from "../../kernel/db.ts";
import type { MeetingKind, MeetingStatus } from "./codes.ts";

/** The only place with SQL on meetings and their participants. */
export interface MeetingRow {
  id: string;
  reference: string;
  organisation_id: string;
  organisation_name: string;
  region_id: string;
  region_name: string;
  kind: MeetingKind;
  title: string;
  starts_at: Date;
  ends_at: Date;
  location: string | null;
  video_link_enc: string | null;
  chair_user_id: string | null;
  chair_name_enc: string | null;
  secretary_user_id: string | null;
  secretary_name_enc: string | null;
  status: MeetingStatus;
  opened_at: Date | null;
  closed_at: Date | null;
  delegate_user_ids: string[];
  action_owner_user_ids: string[];
}

const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const toDateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : toDate(v));
const array = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === "string" ? (JSON.parse(v) as string[]) : []);

const select = sql`
  select m.id, m.reference, m.organisation_id, o.name as organisation_name, m.region_id, r.name as region_name, m.kind, m.title,
         m.starts_at, m.ends_at, m.location, m.video_link_enc, m.chair_user_id, cu.display_name_enc as chair_name_enc,
         m.secretary_user_id, su.display_name_enc as secretary_name_enc, m.status, m.opened_at, m.closed_at,
         coalesce((select json_agg(mp.user_id) from meeting_participants mp where mp.meeting_id = m.id and mp.user_id is not null), '[]'::json) as delegate_user_ids,
         coalesce((select json_agg(distinct ca.owner_user_id) from conference_actions ca join agenda_items ai on ai.id = ca.item_id
                    where ai.meeting_id = m.id and ca.status <> 'cancelled' and ca.owner_user_id is not null), '[]'::json) as action_owner_user_ids
    from meetings m
    join organisations o on o.id = m.organisation_id
    join regions r on r.id = m.region_id
    left join users cu on cu.id = m.chair_user_id
    left join users su on su.id = m.secretary_user_id`;

function map(r: Record<string, unknown>): MeetingRow {
  return {
    ...(r as unknown as MeetingRow),
    starts_at: toDate(r.starts_at),
    ends_at: toDate(r.ends_at),
    opened_at: toDateOrNull(r.opened_at),
    closed_at: toDateOrNull(r.closed_at),
    delegate_user_ids: array(r.delegate_user_ids),
    action_owner_user_ids: array(r.action_owner_user_ids),
  };
}

export async function findMeeting(q: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<MeetingRow | undefined> {
  if (options.forUpdate) await q.query("select id from meetings where id = $1 for update", [id]);
  const rows = await run<Record<string, unknown>>(q, sql`${select} where m.id = ${id}`);
  return rows[0] ? map(rows[0]) : undefined;
}

export async function listMeetings(
  q: Queryable,
  options: { access: Sql; from?: Date; statuses?: MeetingStatus[]; limit: number; offset: number },
): Promise<{ rows: MeetingRow[]; total: number }> {
  const conditions: Sql[] = [options.access];
  if (options.from) conditions.push(sql`m.ends_at >= ${options.from}`);
  if (options.statuses?.length) conditions.push(sql`m.status in (${join(options.statuses)})`);
  const where = join(conditions, " and ");
  const rows = await run<Record<string, unknown>>(q, sql`${select} where ${where} order by m.starts_at, m.id limit ${options.limit} offset ${options.offset}`);
  const count = await run<{ n: number }>(q, sql`select count(*)::int as n from meetings m where ${where}`);
  return { rows: rows.map(map), total: count[0]?.n ?? 0 };
}

/**
 * Per meeting: admitted and proposed items, and the admitted items of a closed meeting that still wait for
 * feedback (no decision yet, or an action still open; as the presenter's waitingForFeedback), counted only
 * over the items `readable` (an access filter on agenda_items "ai") lets the viewer read.
 */
export function itemCounts(q: Queryable, meetingIds: readonly string[], readable: Sql) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return run<{ meeting_id: string; admitted: number; proposed: number; waiting: number }>(q, sql`
    select ai.meeting_id, count(*) filter (where ai.status = 'admitted')::int as admitted, count(*) filter (where ai.status = 'proposed')::int as proposed,
           count(*) filter (where ai.status = 'admitted' and mt.status = 'closed' and ${readable}
                              and (not exists (select 1 from conference_decisions d where d.item_id = ai.id)
                                   or exists (select 1 from conference_actions oa where oa.item_id = ai.id and oa.status = 'open')))::int as waiting
      from agenda_items ai join meetings mt on mt.id = ai.meeting_id
     where ai.meeting_id = any(${[...meetingIds]}::uuid[]) group by ai.meeting_id`);
}

export async function nextMeetingReference(tx: Tx, year: number): Promise<string> {
  const rows = await tx.query<{ last_number: number }>(
    `insert into meeting_counters (year, last_number) values ($1, 1)
     on conflict (year) do update set last_number = meeting_counters.last_number + 1 returning last_number`,
    [year],
  );
  return `OV-${year}-${String(rows[0]!.last_number).padStart(4, "0")}`;
}

export interface NewMeeting {
  reference: string;
  organisationId: string;
  regionId: string;
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  videoLinkEnc: string | null;
  chairUserId: string | null;
  secretaryUserId: string | null;
  createdBy: string;
  at: Date;
}

export async function insertMeeting(tx: Tx, m: NewMeeting): Promise<string> {
  const rows = await run<{ id: string }>(tx, sql`
    insert into meetings (reference, organisation_id, region_id, kind, title, starts_at, ends_at, location, video_link_enc, chair_user_id,
      secretary_user_id, status, created_by, created_at, updated_at)
    values (${m.reference}, ${m.organisationId}, ${m.regionId}, ${m.kind}, ${m.title}, ${m.startsAt}, ${m.endsAt}, ${m.location}, ${m.videoLinkEnc},
      ${m.chairUserId}, ${m.secretaryUserId}, 'planned', ${m.createdBy}, ${m.at}, ${m.at})
    returning id`);
  return rows[0]!.id;
}

const changeColumns = {
  title: "title",
  startsAt: "starts_at",
  endsAt: "ends_at",
  location: "location",
  videoLinkEnc: "video_link_enc",
  chairUserId: "chair_user_id",
  secretaryUserId: "secretary_user_id",
  status: "status",
  openedAt: "opened_at",
  closedAt: "closed_at",
} as const;
export type MeetingChange = Partial<Record<keyof typeof changeColumns, unknown>>;

export async function updateMeeting(tx: Tx, id: string, change: MeetingChange, now: Date): Promise<void> {
  const sets = (Object.keys(change) as (keyof typeof changeColumns)[])
    .filter((k) => change[k] !== undefined)
    .map((k) => sql`${raw(changeColumns[k])} = ${change[k]}`);
  await run(tx, sql`update meetings set ${join([...sets, sql`updated_at = ${now}`], ", ")} where id = ${id}`);
}

export interface ParticipantRow {
  organisation_id: string;
  organisation_name: string;
  user_id: string | null;
  user_name_enc: string | null;
}

export function participantsOf(q: Queryable, meetingId: string): Promise<ParticipantRow[]> {
  return run<ParticipantRow>(q, sql`
    select mp.organisation_id, o.name as organisation_name, mp.user_id, u.display_name_enc as user_name_enc
      from meeting_participants mp join organisations o on o.id = mp.organisation_id left join users u on u.id = mp.user_id
     where mp.meeting_id = ${meetingId}
     order by o.name, mp.added_at`);
}

export async function addParticipant(tx: Tx, p: { meetingId: string; organisationId: string; userId: string | null; by: string; at: Date }) {
  if (p.userId === null) {
    await run(tx, sql`
      insert into meeting_participants (meeting_id, organisation_id, user_id, added_by, added_at)
      select ${p.meetingId}, ${p.organisationId}, null, ${p.by}, ${p.at}
       where not exists (select 1 from meeting_participants where meeting_id = ${p.meetingId} and organisation_id = ${p.organisationId} and user_id is null)`);
    return;
  }
  await run(tx, sql`
    insert into meeting_participants (meeting_id, organisation_id, user_id, added_by, added_at)
    values (${p.meetingId}, ${p.organisationId}, ${p.userId}, ${p.by}, ${p.at})`);
}

export async function removeParticipant(tx: Tx, meetingId: string, where: { organisationId: string; userId?: string }) {
  await run(tx, where.userId
    ? sql`delete from meeting_participants where meeting_id = ${meetingId} and user_id = ${where.userId}`
    : sql`delete from meeting_participants where meeting_id = ${meetingId} and organisation_id = ${where.organisationId}`);
}
