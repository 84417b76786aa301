import sql, { join, type Sql } from "sql-template-tag";
import { run, type Queryable, type Tx } from "../../kernel/db.ts";
import type { OfferCategory } from "./codes.ts";

/** The social map's entries and their contact persons (the only place with their SQL). */
export interface EntryRow {
  id: string;
  region_id: string;
  region_name: string;
  organisation_id: string | null;
  organisation_name: string | null;
  name: string;
  description: string | null;
  offers: OfferCategory[];
  age_groups: string[];
  nationalities: string[];
  genders: string[];
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  opening_hours: string | null;
  active: boolean;
  updated_at: Date;
}

export interface ContactRow {
  id: string;
  entry_id: string;
  name_enc: string;
  job_title: string | null;
  phone_enc: string | null;
  email_enc: string | null;
}

export interface EntryValues {
  regionId: string;
  organisationId: string | null;
  name: string;
  description: string | null;
  offers: readonly string[];
  ageGroups: readonly string[];
  nationalities: readonly string[];
  genders: readonly string[];
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  openingHours: string | null;
  active: boolean;
}

export interface ContactValues {
  nameEnc: string;
  jobTitle: string | null;
  phoneEnc: string | null;
  emailEnc: string | null;
}

const select = sql`
  select e.id, e.region_id, r.name as region_name, e.organisation_id, o.name as organisation_name, e.name, e.description, e.offers, e.age_groups,
         e.nationalities, e.genders, e.phone, e.email, e.website, e.address, e.opening_hours, e.active, e.updated_at
    from social_map_entries e
    join regions r on r.id = e.region_id
    left join organisations o on o.id = e.organisation_id`;

export async function findEntry(q: Queryable, id: string): Promise<EntryRow | undefined> {
  return (await run<EntryRow>(q, sql`${select} where e.id = ${id}`))[0];
}

export interface EntryFilter {
  access: Sql;
  regionId?: string;
  offer?: string;
  ageGroup?: string;
  nationality?: string;
  gender?: string;
  q?: string;
  includeInactive?: boolean;
  limit: number;
  offset: number;
}

export async function listEntries(q: Queryable, f: EntryFilter): Promise<{ rows: EntryRow[]; total: number }> {
  const conditions: Sql[] = [f.access];
  if (f.regionId) conditions.push(sql`e.region_id = ${f.regionId}`);
  if (f.offer) conditions.push(sql`${f.offer} = any(e.offers)`);
  if (f.ageGroup) conditions.push(sql`${f.ageGroup} = any(e.age_groups)`);
  if (f.nationality) conditions.push(sql`${f.nationality} = any(e.nationalities)`);
  if (f.gender) conditions.push(sql`${f.gender} = any(e.genders)`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(e.name ilike ${like} or coalesce(e.description, '') ilike ${like} or coalesce(o.name, '') ilike ${like})`);
  }
  if (!f.includeInactive) conditions.push(sql`e.active`);
  const where = join(conditions, " and ");
  const rows = await run<EntryRow>(q, sql`${select} where ${where} order by lower(e.name), e.id limit ${f.limit} offset ${f.offset}`);
  const count = await run<{ n: number }>(q, sql`
    select count(*)::int as n from social_map_entries e left join organisations o on o.id = e.organisation_id where ${where}`);
  return { rows, total: count[0]?.n ?? 0 };
}

export function contactsOf(q: Queryable, entryIds: readonly string[]): Promise<ContactRow[]> {
  if (entryIds.length === 0) return Promise.resolve([]);
  return run<ContactRow>(q, sql`
    select id, entry_id, name_enc, job_title, phone_enc, email_enc from social_map_contacts
     where entry_id = any(${[...entryIds]}::uuid[]) order by entry_id, position`);
}

export async function nameTaken(q: Queryable, regionId: string, name: string, exceptId: string | null): Promise<boolean> {
  const rows = await run<{ id: string }>(q, sql`
    select id from social_map_entries where region_id = ${regionId} and lower(name) = lower(${name}) and id is distinct from ${exceptId}::uuid`);
  return rows.length > 0;
}

export async function organisationOnMap(q: Queryable, regionId: string, organisationId: string, exceptId: string | null): Promise<boolean> {
  const rows = await run<{ id: string }>(q, sql`
    select id from social_map_entries where region_id = ${regionId} and organisation_id = ${organisationId} and id is distinct from ${exceptId}::uuid`);
  return rows.length > 0;
}

export async function insertEntry(tx: Tx, v: EntryValues, by: string, at: Date): Promise<string> {
  const rows = await run<{ id: string }>(tx, sql`
    insert into social_map_entries (region_id, organisation_id, name, description, offers, age_groups, nationalities, genders, phone, email, website,
      address, opening_hours, active, created_by, created_at, updated_by, updated_at)
    values (${v.regionId}, ${v.organisationId}, ${v.name}, ${v.description}, ${[...v.offers]}::text[], ${[...v.ageGroups]}::text[],
      ${[...v.nationalities]}::text[], ${[...v.genders]}::text[], ${v.phone}, ${v.email}, ${v.website}, ${v.address}, ${v.openingHours}, ${v.active},
      ${by}, ${at}, ${by}, ${at})
    returning id`);
  return rows[0]!.id;
}

export async function updateEntry(tx: Tx, id: string, v: EntryValues, by: string, at: Date): Promise<void> {
  await run(tx, sql`
    update social_map_entries set organisation_id = ${v.organisationId}, name = ${v.name}, description = ${v.description}, offers = ${[...v.offers]}::text[],
      age_groups = ${[...v.ageGroups]}::text[], nationalities = ${[...v.nationalities]}::text[], genders = ${[...v.genders]}::text[], phone = ${v.phone},
      email = ${v.email}, website = ${v.website}, address = ${v.address}, opening_hours = ${v.openingHours}, active = ${v.active},
      updated_by = ${by}, updated_at = ${at}
     where id = ${id}`);
}

export async function replaceContacts(tx: Tx, entryId: string, contacts: readonly ContactValues[]): Promise<void> {
  await run(tx, sql`delete from social_map_contacts where entry_id = ${entryId}`);
  for (const [position, c] of contacts.entries()) {
    await run(tx, sql`
      insert into social_map_contacts (entry_id, position, name_enc, job_title, phone_enc, email_enc)
      values (${entryId}, ${position}, ${c.nameEnc}, ${c.jobTitle}, ${c.phoneEnc}, ${c.emailEnc})`);
  }
}

/** An active organisation of the region (to link a map entry to). */
export async function regionOrganisationName(q: Queryable, regionId: string, organisationId: string): Promise<string | undefined> {
  const rows = await run<{ name: string }>(q, sql`
    select o.name from organisations o join region_members rm on rm.organisation_id = o.id
     where o.id = ${organisationId} and rm.region_id = ${regionId} and o.active`);
  return rows[0]?.name;
}

/**
 * What the map says the organisations in Ketenzicht offer, in the given regions (active entries only). The
 * care and referral pickers use it; it names organisations and offers, no one's data.
 */
export function organisationOffers(q: Queryable, access: Sql, regionIds: readonly string[]) {
  if (regionIds.length === 0) return Promise.resolve([]);
  return run<{ entry_id: string; organisation_id: string; region_id: string; offers: OfferCategory[] }>(q, sql`
    select e.id as entry_id, e.organisation_id, e.region_id, e.offers from social_map_entries e
     where ${access} and e.organisation_id is not null and e.active and e.region_id = any(${[...regionIds]}::uuid[])
     order by e.region_id, e.organisation_id`);
}
