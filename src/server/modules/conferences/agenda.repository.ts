import sql, { join, type Sql } from "sql-template-tag";
import { run, type Queryable, type Tx } from "../../kernel/db.ts";
import type { ActionStatus, DecisionKind, ItemStatus } from "./codes.ts";

/** The only place with SQL on agenda items, their decisions and their actions. Dates as "YYYY-MM-DD". */
export interface ItemRow {
  id: string;
  meeting_id: string;
  meeting_reference: string;
  meeting_organisation_id: string;
  meeting_status: string;
  position: number | null;
  subject_type: "signal" | "victim_file";
  signal_id: string | null;
  victim_file_id: string | null;
  subject_reference: string;
  municipality_id: string | null;
  municipality_name: string | null;
  proposed_by: string;
  proposer_name_enc: string | null;
  proposer_organisation_id: string;
  proposer_organisation_name: string;
  proposed_at: Date;
  question_enc: string;
  shared_parts: string[];
  shared_content_enc: string;
  sharing_basis: string;
  legal_basis_note_enc: string | null;
  status: ItemStatus;
  decided_at: Date | null;
  decline_reason_enc: string | null;
  notes_enc: string | null;
  delegate_user_ids: string[];
  action_owner_organisation_ids: string[];
  action_owner_user_ids: string[];
}

const array = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]).filter((x) => x !== null) : typeof v === "string" ? (JSON.parse(v) as string[]).filter((x) => x !== null) : []);
const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

const select = sql`
  select ai.id, ai.meeting_id, m.reference as meeting_reference, m.organisation_id as meeting_organisation_id, m.status as meeting_status,
         ai.position, ai.subject_type, ai.signal_id, ai.victim_file_id, ai.subject_reference, ai.municipality_id, mo.name as municipality_name,
         ai.proposed_by, pu.display_name_enc as proposer_name_enc, ai.proposer_organisation_id, po.name as proposer_organisation_name,
         ai.proposed_at, ai.question_enc, ai.shared_parts, ai.shared_content_enc, ai.sharing_basis, ai.legal_basis_note_enc, ai.status,
         ai.decided_at, ai.decline_reason_enc, ai.notes_enc,
         coalesce((select json_agg(mp.user_id) from meeting_participants mp where mp.meeting_id = ai.meeting_id and mp.user_id is not null), '[]'::json) as delegate_user_ids,
         coalesce((select json_agg(distinct ca.owner_organisation_id) from conference_actions ca where ca.item_id = ai.id and ca.status <> 'cancelled'), '[]'::json) as action_owner_organisation_ids,
         coalesce((select json_agg(distinct ca.owner_user_id) from conference_actions ca where ca.item_id = ai.id and ca.status <> 'cancelled' and ca.owner_user_id is not null), '[]'::json) as action_owner_user_ids
    from agenda_items ai
    join meetings m on m.id = ai.meeting_id
    join organisations po on po.id = ai.proposer_organisation_id
    left join organisations mo on mo.id = ai.municipality_id
    left join users pu on pu.id = ai.proposed_by`;

function map(r: Record<string, unknown>): ItemRow {
  return {
    ...(r as unknown as ItemRow),
    position: r.position === null ? null : Number(r.position),
    shared_parts: array(r.shared_parts),
    proposed_at: toDate(r.proposed_at),
    decided_at: r.decided_at ? toDate(r.decided_at) : null,
    delegate_user_ids: array(r.delegate_user_ids),
    action_owner_organisation_ids: array(r.action_owner_organisation_ids),
    action_owner_user_ids: array(r.action_owner_user_ids),
  };
}

export async function findItem(q: Queryable, id: string): Promise<ItemRow | undefined> {
  const rows = await run<Record<string, unknown>>(q, sql`${select} where ai.id = ${id}`);
  return rows[0] ? map(rows[0]) : undefined;
}

export async function itemsOf(q: Queryable, meetingId: string): Promise<ItemRow[]> {
  const rows = await run<Record<string, unknown>>(q, sql`${select} where ai.meeting_id = ${meetingId} order by ai.position nulls last, ai.proposed_at`);
  return rows.map(map);
}

export async function itemsWhere(q: Queryable, where: Sql, limit = 500): Promise<ItemRow[]> {
  const rows = await run<Record<string, unknown>>(q, sql`${select} where ${where} order by m.starts_at desc, ai.position nulls last limit ${limit}`);
  return rows.map(map);
}

export interface NewItem {
  meetingId: string;
  subjectType: "signal" | "victim_file";
  signalId: string | null;
  victimFileId: string | null;
  subjectReference: string;
  municipalityId: string | null;
  proposedBy: string;
  proposerOrganisationId: string;
  questionEnc: string;
  sharedParts: string[];
  sharedContentEnc: string;
  sharingBasis: string;
  legalBasisNoteEnc: string | null;
  at: Date;
}

export async function insertItem(tx: Tx, i: NewItem): Promise<string> {
  const rows = await run<{ id: string }>(tx, sql`
    insert into agenda_items (meeting_id, subject_type, signal_id, victim_file_id, subject_reference, municipality_id, proposed_by,
      proposer_organisation_id, proposed_at, question_enc, shared_parts, shared_content_enc, sharing_basis, legal_basis_note_enc, status)
    values (${i.meetingId}, ${i.subjectType}, ${i.signalId}, ${i.victimFileId}, ${i.subjectReference}, ${i.municipalityId}, ${i.proposedBy},
      ${i.proposerOrganisationId}, ${i.at}, ${i.questionEnc}, ${i.sharedParts}, ${i.sharedContentEnc}, ${i.sharingBasis}, ${i.legalBasisNoteEnc}, 'proposed')
    returning id`);
  return rows[0]!.id;
}

export async function setItemStatus(tx: Tx, id: string, s: { status: ItemStatus; by: string; at: Date; declineReasonEnc?: string | null; position?: number | null }) {
  await run(tx, sql`
    update agenda_items set status = ${s.status}, decided_by = ${s.by}, decided_at = ${s.at},
           decline_reason_enc = ${s.declineReasonEnc ?? null}, position = ${s.position ?? null}
     where id = ${id}`);
}

export async function nextPosition(q: Queryable, meetingId: string): Promise<number> {
  const rows = await run<{ n: number }>(q, sql`select coalesce(max(position), 0)::int + 1 as n from agenda_items where meeting_id = ${meetingId} and status = 'admitted'`);
  return rows[0]?.n ?? 1;
}

export async function setNotes(tx: Tx, id: string, notesEnc: string | null) {
  await run(tx, sql`update agenda_items set notes_enc = ${notesEnc} where id = ${id}`);
}

export interface DecisionRow {
  id: string;
  item_id: string;
  kind: DecisionKind;
  description_enc: string;
  recorded_by_name_enc: string | null;
  recorded_at: Date;
  measure_id: string | null;
}

export function decisionsOf(q: Queryable, itemIds: readonly string[]): Promise<DecisionRow[]> {
  if (itemIds.length === 0) return Promise.resolve([]);
  return run<DecisionRow>(q, sql`
    select d.id, d.item_id, d.kind, d.description_enc, u.display_name_enc as recorded_by_name_enc, d.recorded_at,
           (select am.id from administrative_measures am where am.decision_id = d.id limit 1) as measure_id
      from conference_decisions d left join users u on u.id = d.recorded_by
     where d.item_id in (${join([...itemIds])}) order by d.recorded_at, d.id`);
}

export async function insertDecision(tx: Tx, d: { itemId: string; kind: DecisionKind; descriptionEnc: string; by: string; at: Date }): Promise<string> {
  const rows = await run<{ id: string }>(tx, sql`
    insert into conference_decisions (item_id, kind, description_enc, recorded_by, recorded_at)
    values (${d.itemId}, ${d.kind}, ${d.descriptionEnc}, ${d.by}, ${d.at}) returning id`);
  return rows[0]!.id;
}

export interface ActionRow {
  id: string;
  item_id: string;
  meeting_id: string;
  meeting_reference: string;
  meeting_organisation_id: string;
  subject_reference: string;
  description_enc: string;
  owner_organisation_id: string;
  owner_organisation_name: string;
  owner_user_id: string | null;
  owner_name_enc: string | null;
  deadline: string;
  status: ActionStatus;
  result_enc: string | null;
  done_at: Date | null;
}

const actionSelect = sql`
  select ca.id, ca.item_id, ai.meeting_id, m.reference as meeting_reference, m.organisation_id as meeting_organisation_id,
         ai.subject_reference, ca.description_enc, ca.owner_organisation_id, o.name as owner_organisation_name, ca.owner_user_id,
         u.display_name_enc as owner_name_enc, to_char(ca.deadline, 'YYYY-MM-DD') as deadline, ca.status, ca.result_enc, ca.done_at
    from conference_actions ca
    join agenda_items ai on ai.id = ca.item_id
    join meetings m on m.id = ai.meeting_id
    join organisations o on o.id = ca.owner_organisation_id
    left join users u on u.id = ca.owner_user_id`;

export function actionsOf(q: Queryable, itemIds: readonly string[]): Promise<ActionRow[]> {
  if (itemIds.length === 0) return Promise.resolve([]);
  return run<ActionRow>(q, sql`${actionSelect} where ca.item_id in (${join([...itemIds])}) order by ca.deadline, ca.created_at`);
}

export async function findAction(q: Queryable, id: string): Promise<ActionRow | undefined> {
  return (await run<ActionRow>(q, sql`${actionSelect} where ca.id = ${id}`))[0];
}

export function actionsWhere(q: Queryable, where: Sql, limit = 500): Promise<ActionRow[]> {
  return run<ActionRow>(q, sql`${actionSelect} where ${where} order by ca.deadline, m.reference, ca.created_at limit ${limit}`);
}

export async function insertAction(
  tx: Tx,
  a: { itemId: string; descriptionEnc: string; ownerOrganisationId: string; ownerUserId: string | null; deadline: string; by: string; at: Date },
): Promise<string> {
  const rows = await run<{ id: string }>(tx, sql`
    insert into conference_actions (item_id, description_enc, owner_organisation_id, owner_user_id, deadline, status, created_by, created_at, updated_at)
    values (${a.itemId}, ${a.descriptionEnc}, ${a.ownerOrganisationId}, ${a.ownerUserId}, ${a.deadline}::date, 'open', ${a.by}, ${a.at}, ${a.at})
    returning id`);
  return rows[0]!.id;
}

export async function updateAction(tx: Tx, id: string, a: { status: ActionStatus; resultEnc: string | null; doneAt: Date | null; at: Date }) {
  await run(tx, sql`
    update conference_actions set status = ${a.status}, result_enc = ${a.resultEnc}, done_at = ${a.doneAt}, updated_at = ${a.at} where id = ${id}`);
}

/**
 * Who hears of an action: its named owner; otherwise the owner organisation's active delegates in the meeting;
 * an organisation without delegates there that brought the item in (or is the signal's municipality) through
 * the proposer and the municipality's focal officers, so that an action is never assigned or overdue unheard.
 */
export async function actionRecipients(q: Queryable, a: { itemId: string; meetingId: string; ownerOrganisationId: string; ownerUserId: string | null }): Promise<string[]> {
  if (a.ownerUserId) return [a.ownerUserId];
  const delegates = await run<{ user_id: string }>(q, sql`
    select mp.user_id from meeting_participants mp join users u on u.id = mp.user_id
     where mp.meeting_id = ${a.meetingId} and mp.organisation_id = ${a.ownerOrganisationId} and u.active order by mp.added_at`);
  if (delegates.length) return delegates.map((d) => d.user_id);
  const local = await run<{ user_id: string }>(q, sql`
    select ai.proposed_by as user_id from agenda_items ai join users u on u.id = ai.proposed_by
     where ai.id = ${a.itemId} and ai.proposer_organisation_id = ${a.ownerOrganisationId} and u.active
    union
    select u.id as user_id from agenda_items ai join users u on u.organisation_id = ai.municipality_id join user_roles r on r.user_id = u.id
     where ai.id = ${a.itemId} and ai.municipality_id = ${a.ownerOrganisationId} and u.active and r.role = 'focal_officer'`);
  return [...new Set(local.map((l) => l.user_id))].sort();
}
