import sql, { empty, join, raw, type Sql } from "sql-template-tag";
import { run, type Queryable, type Tx } from "../../kernel/db.ts";
import type { AreaKind, Measure } from "./historic.ts";

/** The only place with SQL on monitor_historic_figures, and the questions the import asks of the records. */

export interface RegionRow { id: string; name: string; central_municipality_ids: string[] }
export interface MunicipalityRow { id: string; name: string; region_ids: string[] }

/** Every region and every municipality of Ketenzicht (a few hundred rows): the names a file may use. */
export async function allAreas(q: Queryable): Promise<{ regions: RegionRow[]; municipalities: MunicipalityRow[] }> {
  const regions = await run<RegionRow>(q, sql`
    select r.id, r.name, array(select rm.organisation_id::text from region_members rm join organisations o on o.id = rm.organisation_id
                               where rm.region_id = r.id and o.is_central_municipality order by o.name) as central_municipality_ids
      from regions r order by r.name`);
  const municipalities = await run<MunicipalityRow>(q, sql`
    select o.id, o.name, array(select rm.region_id::text from region_members rm join regions r on r.id = rm.region_id
                               where rm.organisation_id = o.id order by r.name) as region_ids
      from organisations o where o.type = 'municipality' order by o.name`);
  return {
    regions: regions.map((r) => ({ ...r, central_municipality_ids: r.central_municipality_ids ?? [] })),
    municipalities: municipalities.map((m) => ({ ...m, region_ids: m.region_ids ?? [] })),
  };
}

export interface RecordedRow { kind: AreaKind; area_id: string; year: number; measure: Measure }

/**
 * The years in which Ketenzicht holds records of a measure for these areas: signals received (merged
 * duplicates do not count, as in the monitor) and victim files opened, by the Dutch calendar year. For a
 * municipality a victim file counts through the signal it came from.
 */
export async function recordedYears(q: Queryable, areas: { regionIds: string[]; municipalityIds: string[] }, years: { from: number; to: number }): Promise<RecordedRow[]> {
  // A day's margin on both sides for the time zone; the exact year is taken in Dutch time.
  const after = new Date(Date.UTC(years.from - 1, 11, 31));
  const before = new Date(Date.UTC(years.to + 1, 0, 2));
  // Only the fixed column names below reach raw(); never input.
  const yearOf = (column: string) => sql`extract(year from ${raw(column)} at time zone 'Europe/Amsterdam')::int`;
  const inYears = (column: string) => sql`${raw(column)} >= ${after} and ${raw(column)} < ${before} and ${yearOf(column)} between ${years.from} and ${years.to}`;
  const parts: Sql[] = [];
  if (areas.municipalityIds.length > 0) {
    const ids = join(areas.municipalityIds);
    parts.push(sql`select distinct 'municipality' as kind, s.municipality_id::text as area_id, ${yearOf("s.received_at")} as year, 'signals' as measure
      from signals s where s.municipality_id in (${ids}) and s.outcome is distinct from 'merged' and ${inYears("s.received_at")}`);
    parts.push(sql`select distinct 'municipality' as kind, s.municipality_id::text as area_id, ${yearOf("f.opened_at")} as year, 'care_trajectories' as measure
      from victim_files f join signals s on s.id = f.signal_id where s.municipality_id in (${ids}) and ${inYears("f.opened_at")}`);
  }
  if (areas.regionIds.length > 0) {
    const ids = join(areas.regionIds);
    parts.push(sql`select distinct 'region' as kind, rm.region_id::text as area_id, ${yearOf("s.received_at")} as year, 'signals' as measure
      from signals s join region_members rm on rm.organisation_id = s.municipality_id
     where rm.region_id in (${ids}) and s.outcome is distinct from 'merged' and ${inYears("s.received_at")}`);
    parts.push(sql`select distinct 'region' as kind, f.region_id::text as area_id, ${yearOf("f.opened_at")} as year, 'care_trajectories' as measure
      from victim_files f where f.region_id in (${ids}) and ${inYears("f.opened_at")}`);
  }
  if (parts.length === 0) return [];
  return run<RecordedRow>(q, join(parts, " union all "));
}

export interface FigureRow {
  id: string;
  region_id: string;
  region_name: string;
  municipality_id: string | null;
  municipality_name: string | null;
  year: number;
  measure: Measure;
  count: number;
  source: string | null;
  imported_by_name_enc: string | null;
  imported_at: Date;
}

const figureSelect = sql`
  select f.id, f.region_id, r.name as region_name, f.municipality_id, o.name as municipality_name, f.year, f.measure, f.count, f.source,
         u.display_name_enc as imported_by_name_enc, f.imported_at
    from monitor_historic_figures f
    join regions r on r.id = f.region_id
    left join organisations o on o.id = f.municipality_id
    left join users u on u.id = f.imported_by`;

/** The figures of some areas: region figures of `regionIds`, municipality figures of `municipalityIds`. */
export function figuresOf(q: Queryable, areas: { regionIds: readonly string[]; municipalityIds: readonly string[] }): Promise<FigureRow[]> {
  const conditions: Sql[] = [];
  if (areas.regionIds.length > 0) conditions.push(sql`(f.municipality_id is null and f.region_id in (${join([...areas.regionIds])}))`);
  if (areas.municipalityIds.length > 0) conditions.push(sql`f.municipality_id in (${join([...areas.municipalityIds])})`);
  if (conditions.length === 0) return Promise.resolve([]);
  return listFigures(q, join(conditions, " or "));
}

/** The figures the access filter (on monitor_historic_figures aliased f) lets through, of one area or all. */
export function listFigures(q: Queryable, access: Sql, area: { kind: AreaKind; id: string } | null = null): Promise<FigureRow[]> {
  const ofArea = !area ? empty : area.kind === "municipality" ? sql` and f.municipality_id = ${area.id}` : sql` and f.region_id = ${area.id}`;
  return run<FigureRow>(q, sql`${figureSelect} where ${access}${ofArea} order by f.municipality_id is not null, r.name, o.name, f.year, f.measure = 'care_trajectories'`);
}

export async function findFigure(q: Queryable, id: string, forUpdate = false): Promise<FigureRow | undefined> {
  return (await run<FigureRow>(q, sql`${figureSelect} where f.id = ${id}${forUpdate ? sql` for update of f` : empty}`))[0];
}

export interface FigureWrite {
  regionId: string;
  municipalityId: string | null;
  year: number;
  measure: Measure;
  count: number;
  source: string | null;
  by: string;
  at: Date;
}

/** Stores a figure, replacing the earlier imported figure of the same area, year and measure. */
export async function replaceFigure(tx: Tx, existingId: string | null, f: FigureWrite): Promise<string> {
  if (existingId) {
    await run(tx, sql`update monitor_historic_figures set count = ${f.count}, source = ${f.source}, imported_by = ${f.by}, imported_at = ${f.at}
      where id = ${existingId}`);
    return existingId;
  }
  // Two imports at once of the same figure: the later one replaces, as it would one after the other.
  const rows = await run<{ id: string }>(tx, sql`insert into monitor_historic_figures (region_id, municipality_id, year, measure, count, source, imported_by, imported_at)
    values (${f.regionId}, ${f.municipalityId}, ${f.year}, ${f.measure}, ${f.count}, ${f.source}, ${f.by}, ${f.at})
    on conflict (region_id, (coalesce(municipality_id, '00000000-0000-0000-0000-000000000000'::uuid)), year, measure)
      do update set count = excluded.count, source = excluded.source, imported_by = excluded.imported_by, imported_at = excluded.imported_at
    returning id`);
  return rows[0]!.id;
}

export const deleteFigure = (tx: Tx, id: string) => run(tx, sql`delete from monitor_historic_figures where id = ${id}`);
