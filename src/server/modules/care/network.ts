import sql from "sql-template-tag";
import { run, type Queryable } from "../../kernel/db.ts";

/**
 * The region's network as the care module picks from it: providers of services, shelters, youth care, and
 * the care coordination of other regions to transfer a file to, with what the region's social map says each
 * organisation offers (empty when it has no entry on the map).
 */
export interface NetworkOrganisation {
  id: string;
  name: string;
  type: string;
  region_id: string;
  region_name: string;
  offers: string[];
}

// What the region's social map (network module) says the organisation offers.
const offers = sql`coalesce((select sme.offers from social_map_entries sme
   where sme.organisation_id = o.id and sme.region_id = rm.region_id and sme.active), '{}'::text[]) as offers`;

export async function regionOrganisation(q: Queryable, regionId: string, organisationId: string): Promise<NetworkOrganisation | undefined> {
  const rows = await run<NetworkOrganisation>(q, sql`
    select o.id, o.name, o.type, r.id as region_id, r.name as region_name, ${offers}
      from organisations o join region_members rm on rm.organisation_id = o.id join regions r on r.id = rm.region_id
     where o.id = ${organisationId} and rm.region_id = ${regionId} and o.active`);
  return rows[0];
}

export function networkOf(q: Queryable, regionIds: readonly string[]): Promise<NetworkOrganisation[]> {
  return run<NetworkOrganisation>(q, sql`
    select o.id, o.name, o.type, r.id as region_id, r.name as region_name, ${offers}
      from organisations o join region_members rm on rm.organisation_id = o.id join regions r on r.id = rm.region_id
     where rm.region_id = any(${[...regionIds]}::uuid[]) and o.active
     order by r.name, o.name`);
}

/** Care coordination organisations of regions other than `regionId`: where a file can be handed over to. */
export function coordinationElsewhere(q: Queryable, regionId: string): Promise<NetworkOrganisation[]> {
  return run<NetworkOrganisation>(q, sql`
    select o.id, o.name, o.type, r.id as region_id, r.name as region_name, ${offers}
      from organisations o join region_members rm on rm.organisation_id = o.id join regions r on r.id = rm.region_id
     where o.type = 'care_coordination' and o.active and rm.region_id <> ${regionId}
       and not exists (select 1 from region_members own where own.organisation_id = o.id and own.region_id = ${regionId})
     order by r.name, o.name`);
}
