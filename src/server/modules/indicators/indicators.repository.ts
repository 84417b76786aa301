import sql from "sql-template-tag";
import type { Queryable, Tx } from "../../kernel/db.ts";
import { one, run } from "../../kernel/db.ts";
import { AppError } from "../../kernel/errors.ts";
import { SEED_CHANGE_NOTE, groupInfo, indicatorCode, seedIndicators, type IndicatorGroup } from "./catalogue-seed.ts";
import type { IloCode } from "./ilo.ts";

export interface Indicator {
  code: string;
  group: IndicatorGroup;
  position: number;
  textNl: string;
  textEn: string;
  iloCodes: string[];
}

export interface Catalogue {
  id: string;
  regionId: string;
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  changeNote: string;
  /** In catalogue order: by group (general, sexual, criminal, labour), then position. */
  indicators: Indicator[];
}

export interface CatalogueVersion {
  id: string;
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  changeNote: string;
  indicatorCount: number;
}

export type CatalogueChange =
  | { kind: "add"; group: IndicatorGroup; textNl: string; textEn: string; iloCodes: IloCode[] }
  | { kind: "reword"; code: string; textNl: string; textEn: string; iloCodes?: IloCode[] }
  | { kind: "retire"; code: string };

interface CatalogueRow {
  id: string;
  region_id: string;
  version: number;
  published_at: Date | string;
  published_by: string | null;
  change_note: string;
}

interface IndicatorRow {
  code: string;
  group_code: IndicatorGroup;
  position: number;
  text_nl: string;
  text_en: string;
  ilo_codes: string[];
}

const iso = (value: Date | string) => new Date(value).toISOString();
const groupOrder = sql`array_position(array['general', 'sexual', 'criminal', 'labour']::text[], i.group_code)`;

async function indicatorsOf(q: Queryable, catalogueId: string): Promise<Indicator[]> {
  const rows = await run<IndicatorRow>(
    q,
    sql`select i.code, i.group_code, i.position, i.text_nl, i.text_en, i.ilo_codes
          from indicators i where i.catalogue_id = ${catalogueId} order by ${groupOrder}, i.position, i.code`,
  );
  return rows.map((r) => ({ code: r.code, group: r.group_code, position: Number(r.position), textNl: r.text_nl, textEn: r.text_en, iloCodes: r.ilo_codes }));
}

async function withIndicators(q: Queryable, row: CatalogueRow): Promise<Catalogue> {
  return {
    id: row.id,
    regionId: row.region_id,
    version: Number(row.version),
    publishedAt: iso(row.published_at),
    publishedBy: row.published_by,
    changeNote: row.change_note,
    indicators: await indicatorsOf(q, row.id),
  };
}

const latestRow = async (q: Queryable, regionId: string) =>
  (await run<CatalogueRow>(q, sql`select * from indicator_catalogues where region_id = ${regionId} order by version desc limit 1`))[0];

/** Catalogue row and indicators in one statement, so no reader ever sees a version without its indicators. */
function insertVersion(regionId: string, version: number, changeNote: string, publishedBy: string | null, indicators: readonly Indicator[]) {
  const payload = JSON.stringify(
    indicators.map((ind) => ({
      code: ind.code,
      group_code: ind.group,
      position: ind.position,
      text_nl: ind.textNl,
      text_en: ind.textEn,
      ilo_codes: ind.iloCodes,
    })),
  );
  // ON CONFLICT DO NOTHING makes the seeding of version 1 safe when two requests race: the loser inserts
  // nothing (the CTE yields no row) and reads the winner's version afterwards.
  return sql`
    with cat as (
      insert into indicator_catalogues (region_id, version, published_by, change_note)
      values (${regionId}, ${version}, ${publishedBy}, ${changeNote})
      on conflict (region_id, version) do nothing
      returning id
    )
    insert into indicators (catalogue_id, code, group_code, position, text_nl, text_en, ilo_codes)
    select cat.id, s.code, s.group_code, s.position, s.text_nl, s.text_en, s.ilo_codes
      from cat cross join jsonb_to_recordset(${payload}::jsonb)
        as s(code text, group_code text, position integer, text_nl text, text_en text, ilo_codes text[])`;
}

/**
 * The region's latest catalogue version with its indicators. A region without a catalogue gets version 1
 * from the seed (Bijlage 3) first, so a newly added region can take signals straight away.
 */
export async function currentCatalogue(q: Queryable, regionId: string): Promise<Catalogue> {
  let row = await latestRow(q, regionId);
  if (!row) {
    const seeded = seedIndicators.map((s) => ({ ...s, position: seedIndicators.filter((o) => o.group === s.group).indexOf(s) + 1 }));
    await run(q, insertVersion(regionId, 1, SEED_CHANGE_NOTE, null, seeded));
    row = await latestRow(q, regionId);
  }
  return withIndicators(q, row!);
}

/** One version by id, whatever came after it: the version a signal was made with. */
export async function catalogueById(q: Queryable, id: string): Promise<Catalogue | undefined> {
  const row = (await run<CatalogueRow>(q, sql`select * from indicator_catalogues where id = ${id}`))[0];
  return row ? withIndicators(q, row) : undefined;
}

/** Every published version of the region's catalogue, newest first. */
export async function listVersions(q: Queryable, regionId: string): Promise<CatalogueVersion[]> {
  const rows = await run<CatalogueRow & { indicator_count: number | string }>(
    q,
    sql`select c.*, (select count(*) from indicators i where i.catalogue_id = c.id) as indicator_count
          from indicator_catalogues c where c.region_id = ${regionId} order by c.version desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    version: Number(r.version),
    publishedAt: iso(r.published_at),
    publishedBy: r.published_by,
    changeNote: r.change_note,
    indicatorCount: Number(r.indicator_count),
  }));
}

/** Every code the region has ever used in a group, so that a retired code is never handed out again. */
async function codesEverUsed(q: Queryable, regionId: string, group: IndicatorGroup): Promise<string[]> {
  const rows = await run<{ code: string }>(
    q,
    sql`select distinct i.code from indicators i join indicator_catalogues c on c.id = i.catalogue_id
         where c.region_id = ${regionId} and i.group_code = ${group}`,
  );
  return rows.map((r) => r.code);
}

const unknownIndicator = (code: string) =>
  new AppError(404, "not_found", "Niet gevonden", "Dit signaal staat niet in de huidige versie van de indicatorenlijst.", [
    { name: "code", code: "unknown_indicator", reason: `onbekend signaal: ${code}` },
  ]);

// 422 with a stable reason code in invalidParams: the request is well-formed but would leave a group empty.
const lastInGroup = (code: string) =>
  new AppError(422, "invalid_input", "Laatste signaal van de groep", "Het laatste signaal van een groep kan niet worden ingetrokken; formuleer het anders of voeg eerst een ander toe.", [
    { name: "code", code: "last_indicator_in_group", reason: `${code} is het laatste signaal van zijn groep` },
  ]);

const unchanged = (code: string) =>
  new AppError(422, "invalid_input", "Geen wijziging", "De nieuwe formulering is gelijk aan de huidige; er is geen nieuwe versie gepubliceerd.", [
    { name: "code", code: "no_change", reason: `${code} is ongewijzigd` },
  ]);

const sameCodes = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * The indicators of the next version and its change note: a pure step, so that the rules (codes are never
 * reused, a group never becomes empty) can be read apart from the SQL. `usedCodes` are all codes the
 * region ever had in the group of an added indicator.
 */
export function applyChange(current: readonly Indicator[], change: CatalogueChange, usedCodes: readonly string[] = []): { indicators: Indicator[]; changeNote: string; code: string } {
  if (change.kind === "add") {
    const prefix = `${groupInfo[change.group].prefix}-`;
    const highest = Math.max(0, ...usedCodes.filter((c) => c.startsWith(prefix)).map((c) => Number(c.slice(prefix.length)) || 0));
    const code = indicatorCode(change.group, highest + 1);
    const position = Math.max(0, ...current.filter((i) => i.group === change.group).map((i) => i.position)) + 1;
    const added: Indicator = { code, group: change.group, position, textNl: change.textNl, textEn: change.textEn, iloCodes: [...new Set(change.iloCodes)] };
    return { indicators: [...current, added], changeNote: `Signaal ${code} toegevoegd (${groupInfo[change.group].titleNl.toLowerCase()}): "${change.textNl}".`, code };
  }
  const target = current.find((i) => i.code === change.code);
  if (!target) throw unknownIndicator(change.code);
  if (change.kind === "reword") {
    const iloCodes = change.iloCodes ? [...new Set(change.iloCodes)] : target.iloCodes;
    if (target.textNl === change.textNl && target.textEn === change.textEn && sameCodes(target.iloCodes, iloCodes)) throw unchanged(change.code);
    const reworded: Indicator = { ...target, textNl: change.textNl, textEn: change.textEn, iloCodes };
    return {
      indicators: current.map((i) => (i.code === change.code ? reworded : i)),
      changeNote: `Signaal ${change.code} gewijzigd: "${target.textNl}" → "${change.textNl}"${sameCodes(target.iloCodes, iloCodes) ? "" : ` (ILO: ${iloCodes.join(", ") || "geen"})`}.`,
      code: change.code,
    };
  }
  if (current.filter((i) => i.group === target.group).length <= 1) throw lastInGroup(change.code);
  return { indicators: current.filter((i) => i.code !== change.code), changeNote: `Signaal ${change.code} ingetrokken: "${target.textNl}".`, code: change.code };
}

/**
 * Publishes the next version of the region's catalogue: the current indicators with one change applied.
 * Versions are never edited, so every signal keeps showing the wording it was made with.
 */
export async function publishChange(tx: Tx, regionId: string, change: CatalogueChange, actorUserId: string): Promise<{ catalogue: Catalogue; code: string }> {
  // One publisher per region at a time: two concurrent changes would both build on the same version.
  await run(tx, sql`select pg_advisory_xact_lock(7514, hashtext(${regionId}))`);
  const current = await currentCatalogue(tx, regionId);
  const used = change.kind === "add" ? await codesEverUsed(tx, regionId, change.group) : [];
  const next = applyChange(current.indicators, change, used);
  await run(tx, insertVersion(regionId, current.version + 1, next.changeNote, actorUserId, next.indicators));
  const created = await one<{ id: string }>(tx, "select id from indicator_catalogues where region_id = $1 and version = $2", [regionId, current.version + 1]);
  return { catalogue: (await catalogueById(tx, created!.id))!, code: next.code };
}
