import sql, { join, raw, type Sql } from "sql-template-tag";
import { run, type Queryable, type Tx } from "../../kernel/db.ts";
import type { Domain } from "./focal-officers.schema.ts";

/** Focal officer assignments, the municipalities they belong to, and the people who may be named. */
export interface MunicipalityRow {
  id: string;
  name: string;
  region_ids: string[];
}

export interface VisibleMunicipalityRow {
  region_id: string;
  region_name: string;
  municipality_id: string;
  municipality_name: string;
  region_ids: string[];
}

export interface AssignmentRow {
  id: string;
  municipality_id: string;
  user_id: string;
  name_enc: string | null;
  current: boolean;
  domain: Domain;
  substitute_user_id: string | null;
  substitute_name_enc: string | null;
  substitute_municipality_id: string | null;
  substitute_municipality_name: string | null;
  substitute_current: boolean | null;
  created_at: Date;
}

const list = (v: unknown) => (Array.isArray(v) ? v : JSON.parse(String(v ?? "[]"))) as string[];

/**
 * Whether a user (alias `u`) counts as a focal officer of `municipality`: active, of that municipality, and
 * holding the focal_officer role. An assignment whose person lost the role or left stops counting.
 */
export const isCurrentOfficer = (u: string, municipality: Sql) =>
  sql`(${raw(u)}.active and ${raw(u)}.organisation_id = ${municipality}
       and exists (select 1 from user_roles r where r.user_id = ${raw(u)}.id and r.role = 'focal_officer'))`;

const regionsOf = (alias: string) => raw(`(select coalesce(json_agg(rm.region_id), '[]'::json) from region_members rm where rm.organisation_id = ${alias}.id)`);

/** A municipality (not another kind of organisation) with its regions. */
export async function findMunicipality(q: Queryable, id: string): Promise<MunicipalityRow | undefined> {
  const rows = await run<MunicipalityRow>(q, sql`select o.id, o.name, ${regionsOf("o")} as region_ids from organisations o where o.id = ${id} and o.type = 'municipality'`);
  return rows.map((r) => ({ ...r, region_ids: list(r.region_ids) }))[0];
}

/**
 * The active municipalities of the given regions for which `access` (a policy filter on alias `m`, with a
 * `municipality_id` column) holds, by region and name.
 */
export async function visibleMunicipalities(q: Queryable, regionIds: readonly string[], access: Sql): Promise<VisibleMunicipalityRow[]> {
  if (regionIds.length === 0) return [];
  const rows = await run<VisibleMunicipalityRow>(q, sql`
    select m.region_id, m.region_name, m.municipality_id, m.municipality_name, m.region_ids
      from (select rg.id as region_id, rg.name as region_name, o.id as municipality_id, o.name as municipality_name, ${regionsOf("o")} as region_ids
              from regions rg
              join region_members rm on rm.region_id = rg.id
              join organisations o on o.id = rm.organisation_id
             where rg.id in (${join([...regionIds])}) and o.type = 'municipality' and o.active) m
     where ${access}
     order by m.region_name, m.municipality_name`);
  return rows.map((r) => ({ ...r, region_ids: list(r.region_ids) }));
}

const selectAssignments = sql`
  select fa.id, fa.municipality_id, fa.user_id, u.display_name_enc as name_enc, ${isCurrentOfficer("u", raw("fa.municipality_id"))} as current,
         fa.domain, fa.substitute_user_id, su.display_name_enc as substitute_name_enc, su.organisation_id as substitute_municipality_id,
         so.name as substitute_municipality_name,
         case when su.id is null then null else ${isCurrentOfficer("su", raw("su.organisation_id"))} end as substitute_current,
         fa.created_at
    from focal_officer_assignments fa
    join users u on u.id = fa.user_id
    left join users su on su.id = fa.substitute_user_id
    left join organisations so on so.id = su.organisation_id`;

/** The current (not ended) assignments of these municipalities, safety before social, oldest first. */
export async function currentAssignments(q: Queryable, municipalityIds: readonly string[]): Promise<AssignmentRow[]> {
  if (municipalityIds.length === 0) return [];
  return run<AssignmentRow>(q, sql`${selectAssignments}
    where fa.municipality_id in (${join([...municipalityIds])}) and fa.ended_at is null
    order by fa.domain, fa.created_at`);
}

export async function findCurrentAssignment(q: Queryable, id: string): Promise<AssignmentRow | undefined> {
  return (await run<AssignmentRow>(q, sql`${selectAssignments} where fa.id = ${id} and fa.ended_at is null`))[0];
}

export async function currentAssignmentOf(q: Queryable, municipalityId: string, userId: string): Promise<string | undefined> {
  const rows = await run<{ id: string }>(q, sql`
    select id from focal_officer_assignments where municipality_id = ${municipalityId} and user_id = ${userId} and ended_at is null`);
  return rows[0]?.id;
}

export async function insertAssignment(
  tx: Tx,
  a: { municipalityId: string; userId: string; domain: Domain; substituteUserId: string | null; by: string; at: Date },
): Promise<string> {
  const rows = await run<{ id: string }>(tx, sql`
    insert into focal_officer_assignments (municipality_id, user_id, domain, substitute_user_id, created_by, created_at, updated_at)
    values (${a.municipalityId}, ${a.userId}, ${a.domain}, ${a.substituteUserId}, ${a.by}, ${a.at}, ${a.at})
    returning id`);
  return rows[0]!.id;
}

export async function updateAssignment(tx: Tx, id: string, a: { domain: Domain; substituteUserId: string | null; at: Date }) {
  await run(tx, sql`
    update focal_officer_assignments set domain = ${a.domain}, substitute_user_id = ${a.substituteUserId}, updated_at = ${a.at} where id = ${id}`);
}

export async function endAssignment(tx: Tx, id: string, by: string, at: Date) {
  await run(tx, sql`update focal_officer_assignments set ended_at = ${at}, ended_by = ${by}, updated_at = ${at} where id = ${id} and ended_at is null`);
}

/** Active users of the municipality with the focal_officer role. */
export function officerCandidates(q: Queryable, municipalityId: string) {
  return run<{ id: string; name_enc: string | null; named: boolean }>(q, sql`
    select u.id, u.display_name_enc as name_enc,
           exists (select 1 from focal_officer_assignments fa where fa.user_id = u.id and fa.municipality_id = ${municipalityId} and fa.ended_at is null) as named
      from users u
     where u.organisation_id = ${municipalityId} and ${isCurrentOfficer("u", raw("u.organisation_id"))}`);
}

/** Active focal officers of the municipalities in these regions: who may stand in. */
export function substituteCandidates(q: Queryable, regionIds: readonly string[]) {
  if (regionIds.length === 0) return Promise.resolve([]);
  return run<{ id: string; name_enc: string | null; organisation_id: string; organisation_name: string }>(q, sql`
    select u.id, u.display_name_enc as name_enc, u.organisation_id, o.name as organisation_name
      from users u join organisations o on o.id = u.organisation_id
     where o.type = 'municipality' and o.active and ${isCurrentOfficer("u", raw("u.organisation_id"))}
       and exists (select 1 from region_members rm where rm.organisation_id = o.id and rm.region_id in (${join([...regionIds])}))`);
}
