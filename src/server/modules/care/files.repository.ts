import sql, { join, raw, type Sql } from "sql-template-tag";
import { run, type Queryable, type Tx } from "../../kernel/db.ts";
import type { CalendarDate } from "../../kernel/dutch-time.ts";
import type { AgeGroup, ClosureReason, FileSource, FileStatus, TeamPurpose } from "./codes.ts";

/** The only place with SQL on victim files, their case team and their history. Dates come back as "YYYY-MM-DD". */
export interface FileRow {
  id: string;
  reference: string;
  organisation_id: string;
  organisation_name: string;
  region_id: string;
  region_name: string;
  police_unit: string | null;
  status: FileStatus;
  closure_reason: ClosureReason | null;
  source: FileSource;
  signal_id: string | null;
  signal_reference: string | null;
  signal_municipality_name: string | null;
  referral_id: string | null;
  transferred_from_id: string | null;
  transferred_from_reference: string | null;
  transferred_from_organisation_name: string | null;
  name_enc: string | null;
  birth_date_enc: string | null;
  phone_enc: string | null;
  contact_enc: string | null;
  identity_hash: string | null;
  gender: "female" | "male" | "other" | "unknown";
  age_group: AgeGroup;
  nationality: string | null;
  languages: string[];
  exploitation_forms: string[];
  came_into_view_enc: string | null;
  veilig_thuis_notified_on: CalendarDate | null;
  youth_care_provider_id: string | null;
  youth_care_provider_name: string | null;
  guardian_enc: string | null;
  comensha_registered_on: CalendarDate | null;
  comensha_registered_by_name_enc: string | null;
  comensha_basis: string | null;
  comensha_number_enc: string | null;
  opened_at: Date;
  opened_by: string | null;
  closed_at: Date | null;
  updated_at: Date;
}

const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const toDateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : toDate(v));
const array = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === "string" ? (JSON.parse(v) as string[]) : []);

function mapFile(r: Record<string, unknown>): FileRow {
  return {
    ...(r as unknown as FileRow),
    languages: array(r.languages),
    exploitation_forms: array(r.exploitation_forms),
    opened_at: toDate(r.opened_at),
    closed_at: toDateOrNull(r.closed_at),
    updated_at: toDate(r.updated_at),
  };
}

const day = (column: string) => raw(`to_char(${column}, 'YYYY-MM-DD')`);

export async function findFile(q: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<FileRow | undefined> {
  // Lock the file's row first, so commands on one file run one after the other.
  if (options.forUpdate) await q.query("select id from victim_files where id = $1 for update", [id]);
  const rows = await run<Record<string, unknown>>(q, sql`
    select f.id, f.reference, f.organisation_id, o.name as organisation_name, f.region_id, rg.name as region_name, rg.police_unit,
           f.status, f.closure_reason, f.source, f.signal_id, s.reference as signal_reference, sm.name as signal_municipality_name,
           f.referral_id, f.transferred_from_id, pf.reference as transferred_from_reference, po.name as transferred_from_organisation_name,
           f.name_enc, f.birth_date_enc, f.phone_enc, f.contact_enc, f.identity_hash, f.gender, f.age_group, f.nationality,
           f.languages, f.exploitation_forms, f.came_into_view_enc,
           ${day("f.veilig_thuis_notified_on")} as veilig_thuis_notified_on, f.youth_care_provider_id, yo.name as youth_care_provider_name,
           f.guardian_enc, ${day("f.comensha_registered_on")} as comensha_registered_on, cu.display_name_enc as comensha_registered_by_name_enc,
           f.comensha_basis, f.comensha_number_enc, f.opened_at, f.opened_by, f.closed_at, f.updated_at
      from victim_files f
      join organisations o on o.id = f.organisation_id
      join regions rg on rg.id = f.region_id
      left join signals s on s.id = f.signal_id
      left join organisations sm on sm.id = s.municipality_id
      left join victim_files pf on pf.id = f.transferred_from_id
      left join organisations po on po.id = pf.organisation_id
      left join organisations yo on yo.id = f.youth_care_provider_id
      left join users cu on cu.id = f.comensha_registered_by
     where f.id = ${id}`);
  return rows[0] ? mapFile(rows[0]) : undefined;
}

/** The next file number of the year, unique across all organisations. */
export async function nextFileReference(tx: Tx, year: number): Promise<string> {
  const rows = await tx.query<{ last_number: number }>(
    `insert into victim_file_counters (year, last_number) values ($1, 1)
     on conflict (year) do update set last_number = victim_file_counters.last_number + 1
     returning last_number`,
    [year],
  );
  return `ZT-${year}-${String(rows[0]!.last_number).padStart(5, "0")}`;
}

export interface NewFile {
  reference: string;
  organisationId: string;
  regionId: string;
  source: FileSource;
  signalId: string | null;
  referralId: string | null;
  signalPersonId: string | null;
  transferredFromId: string | null;
  nameEnc: string | null;
  birthDateEnc: string | null;
  phoneEnc: string | null;
  contactEnc: string | null;
  identityHash: string | null;
  gender: string;
  ageGroup: AgeGroup;
  nationality: string | null;
  languages: string[];
  exploitationForms: string[];
  cameIntoViewEnc: string | null;
  searchTokens: string[];
  openedAt: Date;
  openedBy: string | null;
}

export async function insertFile(tx: Tx, f: NewFile): Promise<string> {
  const rows = await run<{ id: string }>(tx, sql`
    insert into victim_files (reference, organisation_id, region_id, status, source, signal_id, referral_id, signal_person_id, transferred_from_id,
      name_enc, birth_date_enc, phone_enc, contact_enc, identity_hash, gender, age_group, nationality, languages, exploitation_forms,
      came_into_view_enc, search_tokens, opened_at, opened_by, updated_at)
    values (${f.reference}, ${f.organisationId}, ${f.regionId}, 'intake', ${f.source}, ${f.signalId}, ${f.referralId}, ${f.signalPersonId}, ${f.transferredFromId},
      ${f.nameEnc}, ${f.birthDateEnc}, ${f.phoneEnc}, ${f.contactEnc}, ${f.identityHash}, ${f.gender}, ${f.ageGroup}, ${f.nationality},
      ${f.languages}, ${f.exploitationForms}, ${f.cameIntoViewEnc}, ${f.searchTokens}, ${f.openedAt}, ${f.openedBy}, ${f.openedAt})
    returning id`);
  return rows[0]!.id;
}

/** Columns a command may change, by their name in the code. */
const changeColumns = {
  status: "status",
  closureReason: "closure_reason",
  closedAt: "closed_at",
  nameEnc: "name_enc",
  birthDateEnc: "birth_date_enc",
  phoneEnc: "phone_enc",
  contactEnc: "contact_enc",
  identityHash: "identity_hash",
  gender: "gender",
  ageGroup: "age_group",
  nationality: "nationality",
  languages: "languages",
  exploitationForms: "exploitation_forms",
  cameIntoViewEnc: "came_into_view_enc",
  searchTokens: "search_tokens",
  veiligThuisNotifiedOn: "veilig_thuis_notified_on",
  youthCareProviderId: "youth_care_provider_id",
  guardianEnc: "guardian_enc",
  comenshaRegisteredOn: "comensha_registered_on",
  comenshaRegisteredBy: "comensha_registered_by",
  comenshaBasis: "comensha_basis",
  comenshaNumberEnc: "comensha_number_enc",
} as const;
export type FileChange = Partial<Record<keyof typeof changeColumns, unknown>>;

export async function updateFile(tx: Tx, id: string, change: FileChange, now: Date): Promise<void> {
  const sets = (Object.keys(change) as (keyof typeof changeColumns)[])
    .filter((k) => change[k] !== undefined)
    .map((k) => sql`${raw(changeColumns[k])} = ${change[k]}`);
  await run(tx, sql`update victim_files set ${join([...sets, sql`updated_at = ${now}`, sql`row_version = row_version + 1`], ", ")} where id = ${id}`);
}

export interface TeamMemberRow {
  id: string;
  user_id: string;
  user_name_enc: string;
  organisation_id: string;
  organisation_name: string;
  member_role: "coordinator" | "partner";
  purpose: TeamPurpose | null;
  purpose_note_enc: string | null;
  valid_from: CalendarDate;
  valid_until: CalendarDate | null;
  basis: string;
  legal_basis_note_enc: string | null;
  added_at: Date;
  ended_at: Date | null;
  end_reason: string | null;
}

const teamSelect = sql`
  select m.id, m.user_id, u.display_name_enc as user_name_enc, m.organisation_id, o.name as organisation_name, m.member_role,
         m.purpose, m.purpose_note_enc, ${day("m.valid_from")} as valid_from, ${day("m.valid_until")} as valid_until, m.basis,
         m.legal_basis_note_enc, m.added_at, m.ended_at, m.end_reason
    from case_team_members m join users u on u.id = m.user_id join organisations o on o.id = m.organisation_id`;

/** Everyone who is or was on the team, the active ones first. */
export async function teamOf(q: Queryable, fileId: string): Promise<TeamMemberRow[]> {
  return run<TeamMemberRow>(q, sql`${teamSelect} where m.file_id = ${fileId} order by (m.ended_at is null) desc, m.member_role, m.added_at`);
}

/** The members whose period includes `today` and whose membership has not ended: who has access now. */
export async function activeTeamOf(q: Queryable, fileId: string, today: CalendarDate): Promise<TeamMemberRow[]> {
  return run<TeamMemberRow>(q, sql`${teamSelect}
    where m.file_id = ${fileId} and m.ended_at is null and m.valid_from <= ${today}::date
      and (m.valid_until is null or m.valid_until >= ${today}::date)
    order by m.member_role, m.added_at`);
}

export async function insertTeamMember(
  tx: Tx,
  m: {
    fileId: string; userId: string; organisationId: string; memberRole: "coordinator" | "partner"; purpose: TeamPurpose | null;
    purposeNoteEnc: string | null; validFrom: CalendarDate; validUntil: CalendarDate | null; basis: string; legalBasisNoteEnc: string | null;
    addedBy: string | null; addedAt: Date;
  },
): Promise<string> {
  const rows = await run<{ id: string }>(tx, sql`
    insert into case_team_members (file_id, user_id, organisation_id, member_role, purpose, purpose_note_enc, valid_from, valid_until,
      basis, legal_basis_note_enc, added_by, added_at)
    values (${m.fileId}, ${m.userId}, ${m.organisationId}, ${m.memberRole}, ${m.purpose}, ${m.purposeNoteEnc}, ${m.validFrom}::date,
      ${m.validUntil}::date, ${m.basis}, ${m.legalBasisNoteEnc}, ${m.addedBy}, ${m.addedAt})
    returning id`);
  return rows[0]!.id;
}

/** Ends memberships (all partners, or those matching), returning who lost access. */
export async function endMemberships(
  tx: Tx,
  fileId: string,
  where: { memberIds?: string[]; memberRole?: "coordinator" | "partner"; purpose?: TeamPurpose; organisationId?: string; basis?: string },
  end: { reason: string; by: string | null; at: Date },
): Promise<{ id: string; user_id: string }[]> {
  const conditions: Sql[] = [sql`file_id = ${fileId}`, sql`ended_at is null`];
  if (where.memberIds) conditions.push(where.memberIds.length ? sql`id in (${join(where.memberIds)})` : sql`false`);
  if (where.memberRole) conditions.push(sql`member_role = ${where.memberRole}`);
  if (where.purpose) conditions.push(sql`purpose = ${where.purpose}`);
  if (where.organisationId) conditions.push(sql`organisation_id = ${where.organisationId}`);
  if (where.basis) conditions.push(sql`basis = ${where.basis}`);
  return run<{ id: string; user_id: string }>(tx, sql`
    update case_team_members set ended_at = ${end.at}, ended_by = ${end.by}, end_reason = ${end.reason}
     where ${join(conditions, " and ")} returning id, user_id`);
}

export interface FileEventInput {
  fileId: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  kind: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reasonEnc?: string | null;
  details?: Record<string, unknown>;
}

export async function appendFileEvent(tx: Tx, e: FileEventInput): Promise<void> {
  await run(tx, sql`
    insert into victim_file_events (file_id, occurred_at, actor_user_id, actor_organisation_id, kind, from_status, to_status, reason_enc, details)
    values (${e.fileId}, ${e.occurredAt}, ${e.actorUserId}, ${e.actorOrganisationId}, ${e.kind}, ${e.fromStatus ?? null}, ${e.toStatus ?? null},
      ${e.reasonEnc ?? null}, ${JSON.stringify(e.details ?? {})}::jsonb)`);
}

export interface FileEventRow {
  id: string;
  occurred_at: Date;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  reason_enc: string | null;
  details: Record<string, unknown> | string;
  actor_name_enc: string | null;
  actor_organisation_name: string | null;
}

export function fileEventsOf(q: Queryable, fileId: string): Promise<FileEventRow[]> {
  return run<FileEventRow>(q, sql`
    select e.id, e.occurred_at, e.kind, e.from_status, e.to_status, e.reason_enc, e.details,
           u.display_name_enc as actor_name_enc, o.name as actor_organisation_name
      from victim_file_events e left join users u on u.id = e.actor_user_id left join organisations o on o.id = e.actor_organisation_id
     where e.file_id = ${fileId} order by e.seq`);
}

export interface FileListRow {
  id: string;
  reference: string;
  organisation_name: string;
  status: FileStatus;
  age_group: AgeGroup;
  gender: string;
  exploitation_forms: string[];
  opened_at: Date;
  closed_at: Date | null;
  member_role: "coordinator" | "partner" | null;
  purpose: TeamPurpose | null;
  name_enc: string | null;
}

export async function listFiles(
  q: Queryable,
  options: { access: Sql; userId: string; statuses?: FileStatus[]; excludeClosed?: boolean; tokens?: string[]; reference?: string; limit: number; offset: number },
): Promise<{ rows: FileListRow[]; total: number }> {
  const conditions: Sql[] = [options.access];
  if (options.statuses?.length) conditions.push(sql`f.status in (${join(options.statuses)})`);
  if (options.excludeClosed) conditions.push(sql`f.status <> 'closed'`);
  if (options.reference) conditions.push(sql`f.reference = ${options.reference}`);
  if (options.tokens?.length) conditions.push(sql`f.search_tokens @> ${options.tokens}::text[]`);
  const where = join(conditions, " and ");
  const rows = await run<Record<string, unknown>>(q, sql`
    select f.id, f.reference, o.name as organisation_name, f.status, f.age_group, f.gender, f.exploitation_forms, f.opened_at, f.closed_at,
           m.member_role, m.purpose, f.name_enc
      from victim_files f
      join organisations o on o.id = f.organisation_id
      left join lateral (select ctm.member_role, ctm.purpose from case_team_members ctm
                          where ctm.file_id = f.id and ctm.user_id = ${options.userId} and ctm.ended_at is null
                          order by ctm.added_at desc limit 1) m on true
     where ${where}
     order by (f.status = 'closed'), f.opened_at desc, f.id
     limit ${options.limit} offset ${options.offset}`);
  const count = await run<{ n: number }>(q, sql`select count(*)::int as n from victim_files f where ${where}`);
  return {
    rows: rows.map((r) => ({ ...(r as unknown as FileListRow), exploitation_forms: array(r.exploitation_forms), opened_at: toDate(r.opened_at), closed_at: toDateOrNull(r.closed_at) })),
    total: count[0]?.n ?? 0,
  };
}

/** Does another file or a signal concern the same name and date of birth? (hit/no-hit, nothing more) */
export async function identityElsewhere(q: Queryable, file: { id: string; identity_hash: string | null; signal_id: string | null }): Promise<boolean> {
  if (!file.identity_hash) return false;
  // The signal the file was opened from concerns the same person by definition: it does not count.
  const rows = await run(q, sql`
    select 1 from victim_files where identity_hash = ${file.identity_hash} and id <> ${file.id}
    union all
    select 1 from signal_persons where identity_hash = ${file.identity_hash} and signal_id is distinct from ${file.signal_id}::uuid
    limit 1`);
  return rows.length > 0;
}
