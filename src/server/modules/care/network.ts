import sql from "sql-template-tag";
import { run, type Queryable } from "../../kernel/db.ts";

/**
 * The region's network as the care module picks from it: providers of services, shelters, youth care, and
 * the care coordination of other regions to transfer a file to. (The social map of a later module will add
 * what each organisation offers; until then every active organisation of the region may be chosen.)
 */
export interface NetworkOrganisation {
  id: string;
  name: string;
  type: string;
  region_id: string;
  region_name: string;
}

export async function regionOrganisation(q: Queryable, regionId: string, organisationId: string): Promise<NetworkOrganisation | undefined> {
  const rows = await run<NetworkOrganisation>(q, sql`
    select o.id, o.name, o.type, r.id as region_id, r.name as region_name
      from organisations o join region_members rm on rm.organisation_id = o.id join regions r on r.id = rm.region_id
     where o.id = ${organisationId} and rm.region_id = ${regionId} and o.active`);
  return rows[0];
}

export function networkOf(q: Queryable, regionIds: readonly string[]): Promise<NetworkOrganisation[]> {
  return run<NetworkOrganisation>(q, sql`
    select o.id, o.name, o.type, r.id as region_id, r.name as region_name
      from organisations o join region_members rm on rm.organisation_id = o.id join regions r on r.id = rm.region_id
     where rm.region_id = any(${[...regionIds]}::uuid[]) and o.active
     order by r.name, o.name`);
}

/** Care coordination organisations of regions other than `regionId`: where a file can be handed over to. */
export function coordinationElsewhere(q: Queryable, regionId: string): Promise<NetworkOrganisation[]> {
  return run<NetworkOrganisation>(q, sql`
    select o.id, o.name, o.type, r.id as region_id, r.name as region_name
      from organisations o join region_members rm on rm.organisation_id = o.id join regions r on r.id = rm.region_id
     where o.type = 'care_coordination' and o.active and rm.region_id <> ${regionId}
       and not exists (select 1 from region_members own where own.organisation_id = o.id and own.region_id = ${regionId})
     order by r.name, o.name`);
}
