import sql, { join, type Sql } from "sql-template-tag";
import { run, type Queryable, type Tx } from "../../kernel/db.ts";
import type { AgreementKind } from "./codes.ts";

/** Cooperation agreements and covenants, their parties on the social map, and their owners. */
export interface AgreementRow {
  id: string;
  region_id: string;
  kind: AgreementKind;
  title: string;
  starts_on: string;
  ends_on: string | null;
  document_reference: string | null;
  note: string | null;
  remind_days_before: number;
  reminded_at: Date | null;
}

export interface AgreementValues {
  kind: AgreementKind;
  title: string;
  startsOn: string;
  endsOn: string | null;
  documentReference: string | null;
  note: string | null;
  remindDaysBefore: number;
}

const select = sql`
  select a.id, a.region_id, a.kind, a.title, to_char(a.starts_on, 'YYYY-MM-DD') as starts_on, to_char(a.ends_on, 'YYYY-MM-DD') as ends_on,
         a.document_reference, a.note, a.remind_days_before, a.reminded_at
    from cooperation_agreements a`;

export async function findAgreement(q: Queryable, id: string): Promise<AgreementRow | undefined> {
  return (await run<AgreementRow>(q, sql`${select} where a.id = ${id}`))[0];
}

export function listAgreements(q: Queryable, options: { access: Sql; regionId?: string; entryId?: string }): Promise<AgreementRow[]> {
  const conditions: Sql[] = [options.access];
  if (options.regionId) conditions.push(sql`a.region_id = ${options.regionId}`);
  if (options.entryId) conditions.push(sql`exists (select 1 from cooperation_agreement_parties p where p.agreement_id = a.id and p.entry_id = ${options.entryId})`);
  return run<AgreementRow>(q, sql`${select} where ${join(conditions, " and ")} order by a.ends_on nulls last, lower(a.title), a.id limit 500`);
}

export function partiesOf(q: Queryable, agreementIds: readonly string[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return run<{ agreement_id: string; entry_id: string; name: string }>(q, sql`
    select p.agreement_id, p.entry_id, e.name from cooperation_agreement_parties p join social_map_entries e on e.id = p.entry_id
     where p.agreement_id = any(${[...agreementIds]}::uuid[]) order by lower(e.name)`);
}

export function ownersOf(q: Queryable, agreementIds: readonly string[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return run<{ agreement_id: string; user_id: string; display_name_enc: string | null }>(q, sql`
    select ow.agreement_id, ow.user_id, u.display_name_enc from cooperation_agreement_owners ow join users u on u.id = ow.user_id
     where ow.agreement_id = any(${[...agreementIds]}::uuid[]) order by ow.user_id`);
}

/** Map entries of the region among the given ids (the parties an agreement may have). */
export async function entriesInRegion(q: Queryable, regionId: string, entryIds: readonly string[]): Promise<string[]> {
  const rows = await run<{ id: string }>(q, sql`select id from social_map_entries where region_id = ${regionId} and id = any(${[...entryIds]}::uuid[])`);
  return rows.map((r) => r.id);
}

/** Active users of the region's organisations holding one of the roles: who may own an agreement. */
export function maintainersOfRegion(q: Queryable, regionId: string, roles: readonly string[]) {
  return run<{ id: string; display_name_enc: string | null; organisation_name: string }>(q, sql`
    select distinct u.id, u.display_name_enc, o.name as organisation_name
      from users u join user_roles ur on ur.user_id = u.id join organisations o on o.id = u.organisation_id
      join region_members rm on rm.organisation_id = u.organisation_id
     where rm.region_id = ${regionId} and u.active and ur.role = any(${[...roles]}::text[])
     order by o.name, u.id`);
}

export async function insertAgreement(tx: Tx, regionId: string, v: AgreementValues, by: string, at: Date): Promise<string> {
  const rows = await run<{ id: string }>(tx, sql`
    insert into cooperation_agreements (region_id, kind, title, starts_on, ends_on, document_reference, note, remind_days_before, created_by, created_at, updated_at)
    values (${regionId}, ${v.kind}, ${v.title}, ${v.startsOn}::date, ${v.endsOn}::date, ${v.documentReference}, ${v.note}, ${v.remindDaysBefore}, ${by}, ${at}, ${at})
    returning id`);
  return rows[0]!.id;
}

/** A changed end date or reminder period arms the reminder again. */
export async function updateAgreement(tx: Tx, id: string, v: AgreementValues, rearm: boolean, at: Date): Promise<void> {
  await run(tx, sql`
    update cooperation_agreements set kind = ${v.kind}, title = ${v.title}, starts_on = ${v.startsOn}::date, ends_on = ${v.endsOn}::date,
      document_reference = ${v.documentReference}, note = ${v.note}, remind_days_before = ${v.remindDaysBefore},
      reminded_at = case when ${rearm} then null else reminded_at end, updated_at = ${at}
     where id = ${id}`);
}

export async function replaceParties(tx: Tx, agreementId: string, entryIds: readonly string[]): Promise<void> {
  await run(tx, sql`delete from cooperation_agreement_parties where agreement_id = ${agreementId}`);
  await run(tx, sql`insert into cooperation_agreement_parties (agreement_id, entry_id) select ${agreementId}, unnest(${[...entryIds]}::uuid[])`);
}

export async function replaceOwners(tx: Tx, agreementId: string, userIds: readonly string[]): Promise<void> {
  await run(tx, sql`delete from cooperation_agreement_owners where agreement_id = ${agreementId}`);
  await run(tx, sql`insert into cooperation_agreement_owners (agreement_id, user_id) select ${agreementId}, unnest(${[...userIds]}::uuid[])`);
}
