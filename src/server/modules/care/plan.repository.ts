import sql, { raw } from "sql-template-tag";
import { run, type Queryable, type Tx } from "../../kernel/db.ts";
import type { CalendarDate } from "../../kernel/dutch-time.ts";
import type { ConsentPurpose, ConsentStatus } from "./codes.ts";
import type { ConsentRecord } from "./consent.ts";

/**
 * SQL for what a victim file holds besides the person: consents, needs, goals, services, shelter
 * placements and the residence scheme. Dates come back as "YYYY-MM-DD" strings.
 */
const day = (column: string) => raw(`to_char(${column}, 'YYYY-MM-DD')`);

// Consents ------------------------------------------------------------------------------------------------

export interface ConsentRow extends ConsentRecord {
  id: string;
  partyOrganisationName: string | null;
  recordedHow: string;
  interpreterUsed: boolean;
  noteEnc: string | null;
  recordedByNameEnc: string | null;
  recordedAt: Date;
}

export async function consentsOf(q: Queryable, fileId: string): Promise<ConsentRow[]> {
  const rows = await run<Record<string, unknown>>(q, sql`
    select c.id, c.seq, c.purpose, c.party_organisation_id, o.name as party_organisation_name, c.party_name, c.status,
           ${day("c.decided_on")} as decided_on, ${day("c.valid_until")} as valid_until, c.recorded_how, c.interpreter_used, c.note_enc,
           u.display_name_enc as recorded_by_name_enc, c.recorded_at
      from consents c left join organisations o on o.id = c.party_organisation_id left join users u on u.id = c.recorded_by
     where c.file_id = ${fileId} order by c.seq`);
  return rows.map((r) => ({
    id: String(r.id),
    seq: Number(r.seq),
    purpose: r.purpose as ConsentPurpose,
    partyOrganisationId: (r.party_organisation_id as string | null) ?? null,
    partyOrganisationName: (r.party_organisation_name as string | null) ?? null,
    partyName: (r.party_name as string | null) ?? null,
    status: r.status as ConsentStatus,
    decidedOn: String(r.decided_on),
    validUntil: (r.valid_until as string | null) ?? null,
    recordedHow: String(r.recorded_how),
    interpreterUsed: Boolean(r.interpreter_used),
    noteEnc: (r.note_enc as string | null) ?? null,
    recordedByNameEnc: (r.recorded_by_name_enc as string | null) ?? null,
    recordedAt: r.recorded_at instanceof Date ? r.recorded_at : new Date(String(r.recorded_at)),
  }));
}

export async function insertConsent(
  tx: Tx,
  c: {
    fileId: string; purpose: ConsentPurpose; partyOrganisationId: string | null; partyName: string | null; status: ConsentStatus;
    decidedOn: CalendarDate; validUntil: CalendarDate | null; recordedHow: string; interpreterUsed: boolean; noteEnc: string | null;
    recordedBy: string; recordedAt: Date;
  },
): Promise<string> {
  const rows = await run<{ id: string }>(tx, sql`
    insert into consents (file_id, purpose, party_organisation_id, party_name, status, decided_on, valid_until, recorded_how,
      interpreter_used, note_enc, recorded_by, recorded_at)
    values (${c.fileId}, ${c.purpose}, ${c.partyOrganisationId}, ${c.partyName}, ${c.status}, ${c.decidedOn}::date, ${c.validUntil}::date,
      ${c.recordedHow}, ${c.interpreterUsed}, ${c.noteEnc}, ${c.recordedBy}, ${c.recordedAt})
    returning id`);
  return rows[0]!.id;
}

// Needs, goals, services ---------------------------------------------------------------------------------

export interface NeedRow {
  domain: string;
  status: string;
  note_enc: string | null;
  updated_at: Date;
}

export function needsOf(q: Queryable, fileId: string): Promise<NeedRow[]> {
  return run<NeedRow>(q, sql`select domain, status, note_enc, updated_at from victim_needs where file_id = ${fileId}`);
}

export async function upsertNeed(tx: Tx, n: { fileId: string; domain: string; status: string; noteEnc: string | null; by: string; at: Date }) {
  await run(tx, sql`
    insert into victim_needs (file_id, domain, status, note_enc, updated_by, updated_at)
    values (${n.fileId}, ${n.domain}, ${n.status}, ${n.noteEnc}, ${n.by}, ${n.at})
    on conflict (file_id, domain) do update set status = excluded.status, note_enc = excluded.note_enc,
      updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
}

export interface GoalRow {
  id: string;
  domain: string;
  description_enc: string;
  target_date: CalendarDate;
  status: "open" | "achieved" | "dropped";
  achieved_on: CalendarDate | null;
  created_at: Date;
}

export function goalsOf(q: Queryable, fileId: string): Promise<GoalRow[]> {
  return run<GoalRow>(q, sql`
    select id, domain, description_enc, ${day("target_date")} as target_date, status, ${day("achieved_on")} as achieved_on, created_at
      from care_goals where file_id = ${fileId} order by target_date, created_at`);
}

export async function findGoal(q: Queryable, fileId: string, id: string): Promise<GoalRow | undefined> {
  return (await goalsOf(q, fileId)).find((g) => g.id === id);
}

export async function insertGoal(tx: Tx, g: { fileId: string; domain: string; descriptionEnc: string; targetDate: CalendarDate; by: string; at: Date }) {
  const rows = await run<{ id: string }>(tx, sql`
    insert into care_goals (file_id, domain, description_enc, target_date, status, created_by, created_at, updated_at)
    values (${g.fileId}, ${g.domain}, ${g.descriptionEnc}, ${g.targetDate}::date, 'open', ${g.by}, ${g.at}, ${g.at}) returning id`);
  return rows[0]!.id;
}

export async function updateGoal(
  tx: Tx,
  id: string,
  g: { descriptionEnc: string; targetDate: CalendarDate; status: string; achievedOn: CalendarDate | null; at: Date },
) {
  await run(tx, sql`
    update care_goals set description_enc = ${g.descriptionEnc}, target_date = ${g.targetDate}::date, status = ${g.status},
           achieved_on = ${g.achievedOn}::date, updated_at = ${g.at}
     where id = ${id}`);
}

export interface ServiceRow {
  id: string;
  domain: string;
  service_type: string;
  provider_organisation_id: string;
  provider_name: string;
  description_enc: string | null;
  start_date: CalendarDate;
  end_date: CalendarDate | null;
  status: "planned" | "active" | "completed" | "cancelled";
  created_at: Date;
}

export function servicesOf(q: Queryable, fileId: string): Promise<ServiceRow[]> {
  return run<ServiceRow>(q, sql`
    select s.id, s.domain, s.service_type, s.provider_organisation_id, o.name as provider_name, s.description_enc,
           ${day("s.start_date")} as start_date, ${day("s.end_date")} as end_date, s.status, s.created_at
      from care_services s join organisations o on o.id = s.provider_organisation_id
     where s.file_id = ${fileId} order by s.start_date, s.created_at`);
}

export async function insertService(
  tx: Tx,
  s: {
    fileId: string; domain: string; serviceType: string; providerId: string; descriptionEnc: string | null; startDate: CalendarDate;
    endDate: CalendarDate | null; status: string; by: string; at: Date;
  },
) {
  const rows = await run<{ id: string }>(tx, sql`
    insert into care_services (file_id, domain, service_type, provider_organisation_id, description_enc, start_date, end_date, status,
      created_by, created_at, updated_at)
    values (${s.fileId}, ${s.domain}, ${s.serviceType}, ${s.providerId}, ${s.descriptionEnc}, ${s.startDate}::date, ${s.endDate}::date,
      ${s.status}, ${s.by}, ${s.at}, ${s.at}) returning id`);
  return rows[0]!.id;
}

export async function updateService(
  tx: Tx,
  id: string,
  s: { descriptionEnc: string | null; startDate: CalendarDate; endDate: CalendarDate | null; status: string; at: Date },
) {
  await run(tx, sql`
    update care_services set description_enc = ${s.descriptionEnc}, start_date = ${s.startDate}::date, end_date = ${s.endDate}::date,
           status = ${s.status}, updated_at = ${s.at}
     where id = ${id}`);
}

// Shelter ------------------------------------------------------------------------------------------------

export interface PlacementRow {
  id: string;
  shelter_organisation_id: string;
  shelter_name: string;
  place_type: string;
  admitted_on: CalendarDate;
  left_on: CalendarDate | null;
  leave_kind: "throughflow" | "outflow" | null;
  destination: string | null;
  note_enc: string | null;
  created_at: Date;
}

export function placementsOf(q: Queryable, fileId: string): Promise<PlacementRow[]> {
  return run<PlacementRow>(q, sql`
    select p.id, p.shelter_organisation_id, o.name as shelter_name, p.place_type, ${day("p.admitted_on")} as admitted_on,
           ${day("p.left_on")} as left_on, p.leave_kind, p.destination, p.note_enc, p.created_at
      from shelter_placements p join organisations o on o.id = p.shelter_organisation_id
     where p.file_id = ${fileId} order by p.admitted_on, p.created_at`);
}

export async function insertPlacement(
  tx: Tx,
  p: { fileId: string; shelterId: string; placeType: string; admittedOn: CalendarDate; noteEnc: string | null; by: string; at: Date },
) {
  const rows = await run<{ id: string }>(tx, sql`
    insert into shelter_placements (file_id, shelter_organisation_id, place_type, admitted_on, note_enc, created_by, created_at, updated_at)
    values (${p.fileId}, ${p.shelterId}, ${p.placeType}, ${p.admittedOn}::date, ${p.noteEnc}, ${p.by}, ${p.at}, ${p.at}) returning id`);
  return rows[0]!.id;
}

export async function leavePlacement(
  tx: Tx,
  id: string,
  p: { leftOn: CalendarDate; leaveKind: string; destination: string; noteEnc: string | null; at: Date },
) {
  await run(tx, sql`
    update shelter_placements set left_on = ${p.leftOn}::date, leave_kind = ${p.leaveKind}, destination = ${p.destination},
           note_enc = coalesce(${p.noteEnc}, note_enc), updated_at = ${p.at}
     where id = ${id}`);
}

/** People in each shelter of the regions on `today`, per type of place; counts only. */
export function occupancy(q: Queryable, regionIds: readonly string[], today: CalendarDate) {
  return run<{ organisation_id: string; name: string; place_type: string | null; current: number }>(q, sql`
    select o.id as organisation_id, o.name, p.place_type, count(p.id)::int as current
      from organisations o
      left join shelter_placements p on p.shelter_organisation_id = o.id and p.admitted_on <= ${today}::date
                                    and (p.left_on is null or p.left_on > ${today}::date)
     where o.type = 'shelter' and o.active
       and exists (select 1 from region_members rm where rm.organisation_id = o.id and rm.region_id = any(${[...regionIds]}::uuid[]))
     group by o.id, o.name, p.place_type
     order by o.name, p.place_type`);
}

// Residence scheme -----------------------------------------------------------------------------------------

export interface ResidenceRow {
  reflection_offered_on: CalendarDate | null;
  reflection_ends_on: CalendarDate | null;
  reflection_ended_early_on: CalendarDate | null;
  reflection_end_reason: string | null;
  police_report: "undecided" | "made" | "declined" | "unable";
  police_report_on: CalendarDate | null;
  unable_basis: string | null;
  unable_statement_enc: string | null;
  updated_at: Date;
}

export async function residenceOf(q: Queryable, fileId: string): Promise<ResidenceRow | undefined> {
  const rows = await run<ResidenceRow>(q, sql`
    select ${day("reflection_offered_on")} as reflection_offered_on, ${day("reflection_ends_on")} as reflection_ends_on,
           ${day("reflection_ended_early_on")} as reflection_ended_early_on, reflection_end_reason, police_report,
           ${day("police_report_on")} as police_report_on, unable_basis, unable_statement_enc, updated_at
      from residence_schemes where file_id = ${fileId}`);
  return rows[0];
}

export async function saveResidence(
  tx: Tx,
  fileId: string,
  r: {
    reflectionOfferedOn: CalendarDate | null; reflectionEndsOn: CalendarDate | null; reflectionEndedEarlyOn: CalendarDate | null;
    reflectionEndReason: string | null; policeReport: string; policeReportOn: CalendarDate | null; unableBasis: string | null;
    unableStatementEnc: string | null; by: string; at: Date;
  },
) {
  await run(tx, sql`
    insert into residence_schemes (file_id, reflection_offered_on, reflection_ends_on, reflection_ended_early_on, reflection_end_reason,
      police_report, police_report_on, unable_basis, unable_statement_enc, updated_by, updated_at)
    values (${fileId}, ${r.reflectionOfferedOn}::date, ${r.reflectionEndsOn}::date, ${r.reflectionEndedEarlyOn}::date, ${r.reflectionEndReason},
      ${r.policeReport}, ${r.policeReportOn}::date, ${r.unableBasis}, ${r.unableStatementEnc}, ${r.by}, ${r.at})
    on conflict (file_id) do update set
      reflection_offered_on = excluded.reflection_offered_on, reflection_ends_on = excluded.reflection_ends_on,
      reflection_ended_early_on = excluded.reflection_ended_early_on, reflection_end_reason = excluded.reflection_end_reason,
      police_report = excluded.police_report, police_report_on = excluded.police_report_on, unable_basis = excluded.unable_basis,
      unable_statement_enc = excluded.unable_statement_enc, updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
}

export interface PermitRow {
  id: string;
  kind: string;
  applied_on: CalendarDate;
  decided_on: CalendarDate | null;
  decision: "granted" | "refused" | "withdrawn" | null;
  valid_until: CalendarDate | null;
  created_at: Date;
}

export function permitsOf(q: Queryable, fileId: string): Promise<PermitRow[]> {
  return run<PermitRow>(q, sql`
    select id, kind, ${day("applied_on")} as applied_on, ${day("decided_on")} as decided_on, decision, ${day("valid_until")} as valid_until, created_at
      from residence_permits where file_id = ${fileId} order by applied_on, created_at`);
}

export async function insertPermit(tx: Tx, p: { fileId: string; kind: string; appliedOn: CalendarDate; by: string; at: Date }) {
  const rows = await run<{ id: string }>(tx, sql`
    insert into residence_permits (file_id, kind, applied_on, created_by, created_at, updated_at)
    values (${p.fileId}, ${p.kind}, ${p.appliedOn}::date, ${p.by}, ${p.at}, ${p.at}) returning id`);
  return rows[0]!.id;
}

export async function decidePermit(tx: Tx, id: string, p: { decidedOn: CalendarDate; decision: string; validUntil: CalendarDate | null; at: Date }) {
  await run(tx, sql`
    update residence_permits set decided_on = ${p.decidedOn}::date, decision = ${p.decision}, valid_until = ${p.validUntil}::date, updated_at = ${p.at}
     where id = ${id}`);
}

// CoMensha exports ---------------------------------------------------------------------------------------

export async function insertComenshaExport(tx: Tx, e: { fileId: string; basis: string; legalBasisNoteEnc: string | null; by: string; at: Date }) {
  await run(tx, sql`
    insert into comensha_exports (file_id, basis, legal_basis_note_enc, exported_by, exported_at)
    values (${e.fileId}, ${e.basis}, ${e.legalBasisNoteEnc}, ${e.by}, ${e.at})`);
}

export async function lastComenshaExport(q: Queryable, fileId: string): Promise<{ basis: string; exported_at: Date } | undefined> {
  const rows = await run<{ basis: string; exported_at: Date }>(q, sql`
    select basis, exported_at from comensha_exports where file_id = ${fileId} order by exported_at desc limit 1`);
  return rows[0];
}
