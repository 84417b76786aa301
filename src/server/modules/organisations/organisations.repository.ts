import sql, { type Sql } from "sql-template-tag";
import type { Queryable } from "../../kernel/db.ts";
import { one, run } from "../../kernel/db.ts";

export interface OrganisationRow {
  id: string;
  name: string;
  type: string;
  is_central_municipality: boolean;
  active: boolean;
  region_ids: string[];
}

const select = sql`
  select o.id, o.name, o.type, o.is_central_municipality, o.active,
         (select coalesce(json_agg(m.region_id order by m.region_id), '[]'::json) from region_members m where m.organisation_id = o.id) as region_ids
    from organisations o`;

const parse = (row: OrganisationRow): OrganisationRow => ({
  ...row,
  region_ids: typeof row.region_ids === "string" ? JSON.parse(row.region_ids) : row.region_ids,
});

export async function listOrganisations(q: Queryable, access: Sql): Promise<OrganisationRow[]> {
  return (await run<OrganisationRow>(q, sql`${select} where ${access} order by o.name`)).map(parse);
}

export async function findOrganisation(q: Queryable, id: string): Promise<OrganisationRow | undefined> {
  const row = (await run<OrganisationRow>(q, sql`${select} where o.id = ${id}`))[0];
  return row ? parse(row) : undefined;
}

export async function insertOrganisation(
  q: Queryable,
  input: { name: string; type: string; isCentralMunicipality: boolean; regionId: string },
): Promise<string> {
  const row = await one<{ id: string }>(
    q,
    "insert into organisations (name, type, is_central_municipality) values ($1,$2,$3) returning id",
    [input.name, input.type, input.isCentralMunicipality],
  );
  await q.query("insert into region_members (region_id, organisation_id) values ($1,$2)", [input.regionId, row!.id]);
  return row!.id;
}

export async function organisationNameTaken(q: Queryable, name: string, exceptId?: string): Promise<boolean> {
  const rows = await q.query("select 1 from organisations where lower(name) = lower($1) and id <> coalesce($2::uuid, '00000000-0000-0000-0000-000000000000'::uuid)", [name, exceptId ?? null]);
  return rows.length > 0;
}

export async function updateOrganisation(q: Queryable, id: string, fields: { name?: string; active?: boolean; isCentralMunicipality?: boolean }) {
  await q.query(
    `update organisations set name = coalesce($2, name), active = coalesce($3, active),
            is_central_municipality = coalesce($4, is_central_municipality), updated_at = now() where id = $1`,
    [id, fields.name ?? null, fields.active ?? null, fields.isCentralMunicipality ?? null],
  );
}

export interface RegionRow {
  id: string;
  name: string;
  police_unit: string | null;
  suppression_threshold: number;
  organisation_ids: string[];
}

export async function listRegions(q: Queryable, access: Sql): Promise<RegionRow[]> {
  const rows = await run<RegionRow>(
    q,
    sql`select r.id, r.name, r.police_unit, r.suppression_threshold,
               (select coalesce(json_agg(m.organisation_id), '[]'::json) from region_members m where m.region_id = r.id) as organisation_ids
          from regions r where ${access} order by r.name`,
  );
  return rows.map((r) => ({ ...r, organisation_ids: typeof r.organisation_ids === "string" ? JSON.parse(r.organisation_ids) : r.organisation_ids }));
}

export async function findRegion(q: Queryable, id: string): Promise<RegionRow | undefined> {
  const rows = await listRegions(q, sql`r.id = ${id}`);
  return rows[0];
}

export async function updateRegion(q: Queryable, id: string, fields: { policeUnit?: string | null; suppressionThreshold?: number }): Promise<void> {
  if (fields.policeUnit !== undefined) await run(q, sql`update regions set police_unit = ${fields.policeUnit} where id = ${id}`);
  if (fields.suppressionThreshold !== undefined) await run(q, sql`update regions set suppression_threshold = ${fields.suppressionThreshold} where id = ${id}`);
}
