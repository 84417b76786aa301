import sql, { empty, join, raw, type Sql } from "sql-template-tag";
import { run, type Queryable, type Tx } from "../../kernel/db.ts";
import type { Status, Urgency } from "./route.ts";

/** The only place with SQL for signals, their persons, history, enrichments and referrals. */
export interface SignalRow {
  id: string;
  reference: string;
  municipality_id: string;
  municipality_name: string;
  municipality_region_ids: string[];
  catalogue_id: string;
  catalogue_version: number;
  source: "employee" | "citizen";
  reporter_user_id: string | null;
  reporter_organisation_id: string | null;
  reporter_team_enc: string | null;
  reporter_anonymous: boolean;
  status: Status;
  urgency: Urgency;
  urgency_assessed: boolean;
  exploitation_forms: string[];
  indicator_codes: string[];
  outcome: string | null;
  merged_into_id: string | null;
  observed_on: string | null;
  observed_period_enc: string | null;
  description_enc: string;
  location_kind: "address" | "business" | "other" | "none";
  location_enc: string | null;
  location_hash: string | null;
  feedback_to_reporter_enc: string | null;
  received_at: Date;
  due_at: Date | null;
  closed_at: Date | null;
  updated_at: Date;
  row_version: number;
  /** Organisations with a referral that is not withdrawn. */
  referred_organisation_ids: string[];
}

const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const toDateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : toDate(v));
const dateString = (v: unknown): string | null =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
const array = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === "string" ? JSON.parse(v) : []);

function mapSignal(r: Record<string, unknown>): SignalRow {
  return {
    ...(r as unknown as SignalRow),
    municipality_region_ids: array(r.municipality_region_ids),
    referred_organisation_ids: array(r.referred_organisation_ids),
    catalogue_version: Number(r.catalogue_version),
    observed_on: dateString(r.observed_on),
    received_at: toDate(r.received_at),
    due_at: toDateOrNull(r.due_at),
    closed_at: toDateOrNull(r.closed_at),
    updated_at: toDate(r.updated_at),
  };
}

export async function findSignal(q: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<SignalRow | undefined> {
  // Lock the signal row first (a plain select), so concurrent route steps on one signal run one after the other.
  if (options.forUpdate) await q.query("select id from signals where id = $1 for update", [id]);
  const rows = await q.query<Record<string, unknown>>(
    `select s.*, o.name as municipality_name, c.version as catalogue_version,
            coalesce((select json_agg(rm.region_id) from region_members rm where rm.organisation_id = s.municipality_id), '[]'::json) as municipality_region_ids,
            coalesce((select json_agg(r.organisation_id) from referrals r where r.signal_id = s.id and r.status <> 'withdrawn'), '[]'::json) as referred_organisation_ids
       from signals s
       join organisations o on o.id = s.municipality_id
       join indicator_catalogues c on c.id = s.catalogue_id
      where s.id = $1`,
    [id],
  );
  return rows[0] ? mapSignal(rows[0]) : undefined;
}

export async function nextReference(tx: Tx, municipalityId: string, prefix: string, year: number): Promise<string> {
  const rows = await tx.query<{ last_number: number }>(
    `insert into signal_counters (municipality_id, year, last_number) values ($1, $2, 1)
     on conflict (municipality_id, year) do update set last_number = signal_counters.last_number + 1
     returning last_number`,
    [municipalityId, year],
  );
  return `${prefix}-${year}-${String(rows[0]!.last_number).padStart(5, "0")}`;
}

export interface NewSignal {
  reference: string;
  municipalityId: string;
  catalogueId: string;
  source: "employee" | "citizen";
  reporterUserId: string | null;
  reporterOrganisationId: string | null;
  reporterTeamEnc: string | null;
  /** The team as a plain, normalised label for the monitor's count per team (organisational, not personal). */
  reporterTeamLabel: string | null;
  reporterAnonymous: boolean;
  urgency: Urgency;
  indicatorCodes: string[];
  observedOn: string | null;
  observedPeriodEnc: string | null;
  descriptionEnc: string;
  locationKind: "address" | "business" | "other" | "none";
  locationEnc: string | null;
  locationHash: string | null;
  searchTokens: string[];
  receivedAt: Date;
  dueAt: Date | null;
}

export async function insertSignal(tx: Tx, s: NewSignal): Promise<string> {
  const rows = await run<{ id: string }>(tx, sql`
    insert into signals (reference, municipality_id, catalogue_id, source, reporter_user_id, reporter_organisation_id,
      reporter_team_enc, reporter_team_label, reporter_anonymous, status, urgency, indicator_codes, observed_on, observed_period_enc,
      description_enc, location_kind, location_enc, location_hash, search_tokens, received_at, due_at, updated_at)
    values (${s.reference}, ${s.municipalityId}, ${s.catalogueId}, ${s.source}, ${s.reporterUserId}, ${s.reporterOrganisationId},
      ${s.reporterTeamEnc}, ${s.reporterTeamLabel}, ${s.reporterAnonymous}, 'received', ${s.urgency}, ${s.indicatorCodes}, ${s.observedOn}, ${s.observedPeriodEnc},
      ${s.descriptionEnc}, ${s.locationKind}, ${s.locationEnc}, ${s.locationHash}, ${s.searchTokens}, ${s.receivedAt}, ${s.dueAt}, ${s.receivedAt})
    returning id`);
  return rows[0]!.id;
}

export interface SignalChange {
  status?: Status;
  urgency?: Urgency;
  urgencyAssessed?: boolean;
  exploitationForms?: string[];
  outcome?: string | null;
  mergedIntoId?: string | null;
  feedbackToReporterEnc?: string | null;
  dueAt?: Date | null;
  closedAt?: Date | null;
}

const changeColumns: Record<keyof SignalChange, string> = {
  status: "status",
  urgency: "urgency",
  urgencyAssessed: "urgency_assessed",
  exploitationForms: "exploitation_forms",
  outcome: "outcome",
  mergedIntoId: "merged_into_id",
  feedbackToReporterEnc: "feedback_to_reporter_enc",
  dueAt: "due_at",
  closedAt: "closed_at",
};

export async function updateSignal(tx: Tx, id: string, change: SignalChange, now: Date): Promise<void> {
  const sets = (Object.keys(change) as (keyof SignalChange)[])
    .filter((k) => change[k] !== undefined)
    .map((k) => sql`${raw(changeColumns[k])} = ${change[k] as unknown}`);
  await run(tx, sql`update signals set ${join([...sets, sql`updated_at = ${now}`, sql`row_version = row_version + 1`], ", ")} where id = ${id}`);
}

export interface NewPerson {
  role: "victim" | "perpetrator";
  position: number;
  nameEnc: string | null;
  birthDateEnc: string | null;
  gender: string | null;
  nationality: string | null;
  phoneEnc: string | null;
  descriptionEnc: string | null;
  identityHash: string | null;
}

export async function insertPersons(tx: Tx, signalId: string, persons: NewPerson[]): Promise<void> {
  if (persons.length === 0) return;
  const values = persons.map(
    (p) => sql`(${signalId}, ${p.role}, ${p.position}, ${p.nameEnc}, ${p.birthDateEnc}, ${p.gender}, ${p.nationality}, ${p.phoneEnc}, ${p.descriptionEnc}, ${p.identityHash})`,
  );
  await run(tx, sql`insert into signal_persons (signal_id, role, position, name_enc, birth_date_enc, gender, nationality, phone_enc, description_enc, identity_hash)
    values ${join(values, ", ")}`);
}

export interface PersonRow {
  id: string;
  role: "victim" | "perpetrator";
  name_enc: string | null;
  birth_date_enc: string | null;
  gender: string | null;
  nationality: string | null;
  phone_enc: string | null;
  description_enc: string | null;
  other_signals: boolean;
}

export function personsOf(q: Queryable, signalId: string): Promise<PersonRow[]> {
  return q.query<PersonRow>(
    `select p.id, p.role, p.name_enc, p.birth_date_enc, p.gender, p.nationality, p.phone_enc, p.description_enc,
            (p.identity_hash is not null and exists (
              select 1 from signal_persons o where o.identity_hash = p.identity_hash and o.signal_id <> p.signal_id)) as other_signals
       from signal_persons p where p.signal_id = $1 order by p.role desc, p.position`,
    [signalId],
  );
}

export async function locationElsewhere(q: Queryable, signalId: string, locationHash: string | null): Promise<boolean> {
  if (!locationHash) return false;
  const rows = await q.query("select 1 from signals where location_hash = $1 and id <> $2 limit 1", [locationHash, signalId]);
  return rows.length > 0;
}

export interface NewEvent {
  signalId: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  kind: string;
  fromStatus?: Status | null;
  toStatus?: Status | null;
  skipped?: Status[];
  reasonEnc?: string | null;
  details?: Record<string, unknown>;
}

export async function appendEvent(tx: Tx, e: NewEvent): Promise<void> {
  await run(tx, sql`insert into signal_events (signal_id, occurred_at, actor_user_id, actor_organisation_id, kind, from_status, to_status, skipped, reason_enc, details)
    values (${e.signalId}, ${e.occurredAt}, ${e.actorUserId}, ${e.actorOrganisationId}, ${e.kind}, ${e.fromStatus ?? null}, ${e.toStatus ?? null},
      ${e.skipped ?? []}, ${e.reasonEnc ?? null}, ${JSON.stringify(e.details ?? {})})`);
}

export interface EventRow {
  id: string;
  occurred_at: Date;
  kind: string;
  from_status: Status | null;
  to_status: Status | null;
  skipped: Status[];
  reason_enc: string | null;
  details: Record<string, unknown> | string;
  actor_name_enc: string | null;
  actor_organisation_name: string | null;
}

export function eventsOf(q: Queryable, signalId: string): Promise<EventRow[]> {
  return q.query<EventRow>(
    `select e.id, e.occurred_at, e.kind, e.from_status, e.to_status, e.skipped, e.reason_enc, e.details,
            u.display_name_enc as actor_name_enc, o.name as actor_organisation_name
       from signal_events e
       left join users u on u.id = e.actor_user_id
       left join organisations o on o.id = e.actor_organisation_id
      where e.signal_id = $1 order by e.seq`,
    [signalId],
  );
}

export async function insertEnrichment(
  tx: Tx,
  e: { signalId: string; source: "brp" | "manual"; purpose: string; performedBy: string; performedAt: Date; resultEnc: string },
): Promise<void> {
  await tx.query(
    "insert into signal_enrichments (signal_id, source, purpose, performed_by, performed_at, result_enc) values ($1, $2, $3, $4, $5, $6)",
    [e.signalId, e.source, e.purpose, e.performedBy, e.performedAt, e.resultEnc],
  );
}

export interface EnrichmentRow {
  id: string;
  source: "brp" | "manual";
  purpose: string;
  performed_at: Date;
  performed_by_name_enc: string | null;
  result_enc: string;
}

export function enrichmentsOf(q: Queryable, signalId: string): Promise<EnrichmentRow[]> {
  return q.query<EnrichmentRow>(
    `select e.id, e.source, e.purpose, e.performed_at, u.display_name_enc as performed_by_name_enc, e.result_enc
       from signal_enrichments e left join users u on u.id = e.performed_by
      where e.signal_id = $1 order by e.performed_at`,
    [signalId],
  );
}

export async function countEnrichments(q: Queryable, signalId: string): Promise<number> {
  const rows = await q.query<{ n: number | string }>("select count(*) as n from signal_enrichments where signal_id = $1", [signalId]);
  return Number(rows[0]?.n ?? 0);
}

/** Region ids of the region(s) a municipality belongs to, and whether it is an active municipality. */
export async function municipality(q: Queryable, id: string): Promise<{ id: string; name: string; regionIds: string[] } | undefined> {
  const rows = await q.query<{ id: string; name: string; region_ids: unknown }>(
    `select o.id, o.name, coalesce(json_agg(rm.region_id) filter (where rm.region_id is not null), '[]'::json) as region_ids
       from organisations o left join region_members rm on rm.organisation_id = o.id
      where o.id = $1 and o.type = 'municipality' and o.active group by o.id`,
    [id],
  );
  const row = rows[0];
  return row ? { id: row.id, name: row.name, regionIds: array(row.region_ids) } : undefined;
}

export function municipalitiesIn(q: Queryable, regionIds: readonly string[] | "all") {
  const where = regionIds === "all" ? empty : regionIds.length ? sql`and rm.region_id in (${join([...regionIds])})` : sql`and false`;
  return run<{ id: string; name: string; region_id: string; region_name: string }>(q, sql`
    select o.id, o.name, r.id as region_id, r.name as region_name
      from organisations o join region_members rm on rm.organisation_id = o.id join regions r on r.id = rm.region_id
     where o.type = 'municipality' and o.active ${where}
     order by o.name, r.name`);
}

export interface QueueFilter {
  access: Sql;
  statuses?: Status[];
  excludeClosed?: boolean;
  urgency?: Urgency;
  form?: string;
  referredTo?: string;
  overdueAt?: Date;
  tokens?: string[];
  reference?: string;
  sort: string;
  limit: number;
  offset: number;
}

const sorts: Record<string, Sql> = {
  due_at: sql`s.due_at asc nulls last, s.received_at asc`,
  "-due_at": sql`s.due_at desc nulls last, s.received_at desc`,
  received_at: sql`s.received_at asc`,
  "-received_at": sql`s.received_at desc`,
  urgency: sql`case s.urgency when 'acute' then 0 when 'high' then 1 else 2 end, s.due_at asc nulls last`,
  reference: sql`s.reference asc`,
};

export interface QueueRow {
  id: string;
  reference: string;
  municipality_name: string;
  source: "employee" | "citizen";
  status: Status;
  urgency: Urgency;
  exploitation_forms: string[];
  received_at: Date;
  due_at: Date | null;
  referral_count: number | string;
  open_referral_count: number | string;
}

function queueConditions(f: QueueFilter): Sql {
  const conditions: Sql[] = [f.access];
  if (f.statuses?.length) conditions.push(sql`s.status in (${join(f.statuses)})`);
  if (f.excludeClosed) conditions.push(sql`s.status <> 'closed'`);
  if (f.urgency) conditions.push(sql`s.urgency = ${f.urgency}`);
  if (f.form) conditions.push(sql`s.exploitation_forms @> array[${f.form}]::text[]`);
  if (f.referredTo) {
    conditions.push(sql`exists (select 1 from referrals rf where rf.signal_id = s.id and rf.organisation_id = ${f.referredTo} and rf.status <> 'withdrawn')`);
  }
  if (f.overdueAt) conditions.push(sql`s.status <> 'closed' and s.due_at < ${f.overdueAt}`);
  if (f.reference) conditions.push(sql`s.reference = ${f.reference}`);
  else if (f.tokens?.length) conditions.push(sql`s.search_tokens @> ${f.tokens}::text[]`);
  return join(conditions, " and ");
}

/**
 * One page of the queue. The total is a separate count: a window count over the page query would make
 * every page read the municipality's whole history before sorting (bench/README.md).
 */
export async function queue(q: Queryable, f: QueueFilter): Promise<{ rows: QueueRow[]; total: number }> {
  const where = queueConditions(f);
  const rows = await run<QueueRow>(q, sql`
    select s.id, s.reference, o.name as municipality_name, s.source, s.status, s.urgency, s.exploitation_forms, s.received_at, s.due_at,
           (select count(*) from referrals r where r.signal_id = s.id and r.status <> 'withdrawn') as referral_count,
           (select count(*) from referrals r where r.signal_id = s.id and r.status in ('open', 'accepted')) as open_referral_count
      from signals s join organisations o on o.id = s.municipality_id
     where ${where}
     order by ${sorts[f.sort] ?? sorts.due_at!}, s.id
     limit ${f.limit} offset ${f.offset}`);
  // A short first page is the whole result; only a full page needs counting.
  if (f.offset === 0 && rows.length < f.limit) return { rows, total: rows.length };
  const counted = await run<{ n: number | string }>(q, sql`select count(*) as n from signals s where ${where}`);
  return { rows, total: Number(counted[0]?.n ?? 0) };
}

export interface OwnRow {
  id: string;
  reference: string;
  municipality_name: string;
  status: Status;
  received_at: Date;
  closed_at: Date | null;
  feedback_to_reporter_enc: string | null;
  total: number | string;
}

export function ownSignals(q: Queryable, access: Sql, limit: number, offset: number): Promise<OwnRow[]> {
  return run<OwnRow>(q, sql`
    select s.id, s.reference, o.name as municipality_name, s.status, s.received_at, s.closed_at, s.feedback_to_reporter_enc,
           count(*) over () as total
      from signals s join organisations o on o.id = s.municipality_id
     where ${access}
     order by s.received_at desc, s.id limit ${limit} offset ${offset}`);
}

export async function signalIdsByIdempotencyKey(q: Queryable, scope: string, key: string) {
  const rows = await q.query<{ signal_id: string; fingerprint: string }>(
    "select signal_id, fingerprint from idempotency_keys where scope = $1 and key = $2",
    [scope, key],
  );
  return rows[0];
}

export async function claimIdempotencyKey(tx: Tx, scope: string, key: string, fingerprint: string, signalId: string, now: Date): Promise<boolean> {
  const rows = await tx.query(
    `insert into idempotency_keys (scope, key, fingerprint, signal_id, created_at) values ($1, $2, $3, $4, $5)
     on conflict (scope, key) do nothing returning key`,
    [scope, key, fingerprint, signalId, now],
  );
  return rows.length === 1;
}
