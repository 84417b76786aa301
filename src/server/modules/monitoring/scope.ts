import sql, { join } from "sql-template-tag";
import type { AreaKind, MonitorAreaChoice } from "../../../shared/monitoring.ts";
import { run, type Queryable } from "../../kernel/db.ts";
import { notFound } from "../../kernel/errors.ts";
import { authorize, can, type Actor, type Facts } from "../../kernel/policy/policy.ts";
import type { Role } from "../../kernel/policy/matrix.ts";

/**
 * The areas of the monitor: a municipality, a region, or all regions the actor may see. Which ones an actor may
 * see, and whether with exact numbers, is the policy's `monitor` resource; this module only finds the facts.
 */
type MonitorFacts = Facts["monitor"];

export interface AreaRegion {
  id: string;
  name: string;
  threshold: number;
  centralMunicipalityIds: string[];
  municipalities: { id: string; name: string }[];
}

export interface ResolvedArea {
  kind: AreaKind;
  /** The municipality or region; null for "all". */
  id: string | null;
  name: string;
  /** The region(s) the area lies in: a municipality's region, the region itself, or every region of "all". */
  regions: AreaRegion[];
  regionIds: string[];
  /** The municipalities whose signals the area counts. */
  municipalities: { id: string; name: string }[];
  municipalityIds: string[];
  /** Every municipality of the region(s): the yearly table's region rows of a municipality area. */
  regionMunicipalityIds: string[];
  /**
   * "All regions" that are every region and hold every municipality: then the country's summed figures stand for
   * the area, and no file or signal needs a check of its region.
   */
  wholeCountry: boolean;
  /** Published cells under this number are hidden: the region's threshold; for "all" the highest of them. */
  threshold: number;
  /** The policy facts, one per region for "all". */
  facts: MonitorFacts[];
}

interface RegionRow {
  id: string;
  name: string;
  threshold: number;
  municipalities: unknown;
}

const parse = <T>(value: unknown): T => (typeof value === "string" ? (JSON.parse(value) as T) : (value as T));

async function regionsByIds(q: Queryable, ids: readonly string[]): Promise<AreaRegion[]> {
  if (ids.length === 0) return [];
  const rows = await run<RegionRow>(q, sql`
    select r.id, r.name, r.suppression_threshold as threshold,
           coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name, 'central', o.is_central_municipality) order by o.name)
                       from region_members rm join organisations o on o.id = rm.organisation_id
                      where rm.region_id = r.id and o.type = 'municipality'), '[]'::json) as municipalities
      from regions r where r.id in (${join([...ids])}) order by r.name`);
  return rows.map((r) => {
    const municipalities = parse<{ id: string; name: string; central: boolean }[]>(r.municipalities);
    return {
      id: r.id,
      name: r.name,
      threshold: Number(r.threshold),
      centralMunicipalityIds: municipalities.filter((m) => m.central).map((m) => m.id),
      municipalities: municipalities.map((m) => ({ id: m.id, name: m.name })),
    };
  });
}

const regionFacts = (r: AreaRegion): MonitorFacts => ({ areaKind: "region", municipalityId: null, regionId: r.id, centralMunicipalityIds: r.centralMunicipalityIds });

function regionArea(r: AreaRegion): ResolvedArea {
  const ids = r.municipalities.map((m) => m.id);
  return {
    kind: "region", id: r.id, name: r.name, regions: [r], regionIds: [r.id], municipalities: r.municipalities,
    municipalityIds: ids, regionMunicipalityIds: ids, wholeCountry: false, threshold: r.threshold, facts: [regionFacts(r)],
  };
}

/** The municipality as an area, seen in the first of its regions the actor belongs to (else its first region). */
async function municipalityArea(q: Queryable, actor: Actor, id: string): Promise<ResolvedArea | null> {
  const rows = await run<{ id: string; name: string; region_ids: string[] | null }>(q, sql`
    select o.id, o.name, array(select rm.region_id::text from region_members rm join regions r on r.id = rm.region_id
                               where rm.organisation_id = o.id order by r.name) as region_ids
      from organisations o where o.id = ${id} and o.type = 'municipality'`);
  const row = rows[0];
  const regionIds = row?.region_ids ?? [];
  const regionId = regionIds.find((r) => actor.regionIds.includes(r)) ?? regionIds[0];
  if (!row || !regionId) return null;
  const region = (await regionsByIds(q, [regionId]))[0]!;
  return {
    kind: "municipality",
    id: row.id,
    name: row.name,
    regions: [region],
    regionIds: [region.id],
    municipalities: [{ id: row.id, name: row.name }],
    municipalityIds: [row.id],
    regionMunicipalityIds: region.municipalities.map((m) => m.id),
    wholeCountry: false,
    threshold: region.threshold,
    facts: [{ areaKind: "municipality", municipalityId: row.id, regionId: region.id, centralMunicipalityIds: region.centralMunicipalityIds }],
  };
}

/** "All regions": the union of the actor's regions in which they may read the monitor. */
function allArea(regions: AreaRegion[], wholeCountry: boolean): ResolvedArea {
  const municipalities = [...new Map(regions.flatMap((r) => r.municipalities).map((m) => [m.id, m])).values()].sort((a, b) => a.name.localeCompare(b.name, "nl"));
  const ids = municipalities.map((m) => m.id);
  return {
    kind: "all", id: null, name: "Alle regio's", regions, regionIds: regions.map((r) => r.id), municipalities, municipalityIds: ids,
    regionMunicipalityIds: ids, wholeCountry, threshold: Math.max(...regions.map((r) => r.threshold)), facts: regions.map(regionFacts),
  };
}

/** Whether these regions are all regions and between them hold every municipality. */
async function isWholeCountry(q: Queryable, regions: AreaRegion[]): Promise<boolean> {
  const ids = regions.map((r) => r.id);
  const rows = await run<{ whole: boolean }>(q, sql`
    select not exists (select 1 from regions r where r.id <> all(${ids}::uuid[]))
       and not exists (select 1 from organisations o where o.type = 'municipality'
                        and not exists (select 1 from region_members rm where rm.organisation_id = o.id and rm.region_id = any(${ids}::uuid[]))) as whole`);
  return rows[0]!.whole;
}

export type MonitorAction = "read" | "read_exact" | "export" | "import_history";

/** Whether the actor may do this in the whole area (for "all": in every region of it). */
export function mayInArea(actor: Actor, action: MonitorAction, area: ResolvedArea): boolean {
  return area.facts.length > 0 && area.facts.every((facts) => can(actor, action, "monitor", facts));
}

/** Allows the action in the area or throws AccessDenied (404 when the actor may not even read it, else 403). */
export function authorizeArea(actor: Actor, action: MonitorAction, area: ResolvedArea): Role {
  let role: Role | null = null;
  for (const facts of area.facts) role = authorize(actor, action, "monitor", facts, { objectId: area.id ?? undefined, ownerOrganisationId: facts.municipalityId ?? undefined });
  if (!role) throw notFound();
  return role;
}

/**
 * The area a request names (a municipality or region id, or "all"), or by default the actor's own
 * municipality, else their first region. Authorized for `read`: an unknown area and one the actor may not
 * see answer alike (404).
 */
export async function resolveArea(q: Queryable, actor: Actor, area: string | undefined): Promise<{ area: ResolvedArea; role: Role }> {
  let resolved: ResolvedArea | null = null;
  if (area === "all") {
    const regions = (await regionsByIds(q, actor.regionIds)).filter((r) => can(actor, "read", "monitor", regionFacts(r)));
    resolved = regions.length > 0 ? allArea(regions, await isWholeCountry(q, regions)) : null;
  } else if (area) {
    const region = (await regionsByIds(q, [area]))[0];
    resolved = region ? regionArea(region) : await municipalityArea(q, actor, area);
  } else {
    resolved = (await municipalityArea(q, actor, actor.organisationId)) ?? ((await regionsByIds(q, actor.regionIds.slice(0, 1))).map(regionArea)[0] ?? null);
  }
  if (!resolved) throw notFound();
  return { area: resolved, role: authorizeArea(actor, "read", resolved) };
}

const choice = (actor: Actor, area: ResolvedArea): MonitorAreaChoice => ({
  kind: area.kind,
  id: area.id,
  name: area.name,
  regionId: area.kind === "all" ? null : area.regionIds[0]!,
  exact: mayInArea(actor, "read_exact", area),
  importHistory: mayInArea(actor, "import_history", area),
});

/**
 * The areas to offer the actor: their own municipality, each of their regions, and "all regions" when they
 * may see more than one, each only where the policy lets them read the monitor.
 */
export async function monitorAreasFor(q: Queryable, actor: Actor): Promise<MonitorAreaChoice[]> {
  const areas: ResolvedArea[] = [];
  const own = await municipalityArea(q, actor, actor.organisationId);
  if (own) areas.push(own);
  const regions = (await regionsByIds(q, actor.regionIds)).map(regionArea);
  areas.push(...regions);
  const readable = areas.filter((a) => mayInArea(actor, "read", a));
  const readableRegions = regions.filter((a) => mayInArea(actor, "read", a));
  if (readableRegions.length > 1) readable.push(allArea(readableRegions.flatMap((a) => a.regions), false));
  return readable.map((a) => choice(actor, a));
}
