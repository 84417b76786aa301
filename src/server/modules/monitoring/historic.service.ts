import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import type { Queryable } from "../../kernel/db.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { invalidInput, notFound, type InvalidParam } from "../../kernel/errors.ts";
import { AccessDenied, accessFilter, actingRole, authorize, can, type Actor, type Facts } from "../../kernel/policy/policy.ts";
import type { Role } from "../../kernel/policy/matrix.ts";
import {
  HistoricFileProblem, parseHistoricRows, readHistoricCsv, recordedKey, resolveAreas, sortProblems, toFigures, type AreaKind, type KnownArea,
} from "./historic.ts";
import { allAreas, deleteFigure, figuresOf, findFigure, listFigures, recordedYears, replaceFigure, type FigureRow } from "./historic.repository.ts";
import type { HistoricFigure, historicImportBody, HistoricImportResult, historicQuery } from "./historic.schema.ts";

/**
 * Historic figures: the yearly counts of years before Ketenzicht, imported all or nothing from a CSV file
 * (docs/monitoring-historic-figures.md), listed per area and deleted one by one. Who may import for an
 * area is the monitor policy's `import_history`; who may see them, its `read`. The monitor's dashboard
 * reads the stored figures and marks them as imported.
 */
const OBJECT_TYPE = "monitor_historic_figure";

type MonitorFacts = Facts["monitor"];
interface Area extends KnownArea { facts: MonitorFacts }

const auditActor = (actor: Actor, role: Role | null) => ({ userId: actor.userId, organisationId: actor.organisationId, role });

/**
 * Every region and municipality with the facts the policy needs. A municipality in more than one region
 * counts in the first of those the actor belongs to (else the first by name); one without a region has no
 * figures in the monitor and is left out.
 */
async function areasFor(q: Queryable, actor: Actor): Promise<Area[]> {
  const { regions, municipalities } = await allAreas(q);
  const centralOf = new Map(regions.map((r) => [r.id, r.central_municipality_ids]));
  const areas: Area[] = [];
  for (const r of regions) {
    const facts: MonitorFacts = { areaKind: "region", municipalityId: null, regionId: r.id, centralMunicipalityIds: r.central_municipality_ids };
    areas.push({ kind: "region", id: r.id, name: r.name, regionId: r.id, facts, mayImport: can(actor, "import_history", "monitor", facts) });
  }
  for (const m of municipalities) {
    const regionId = m.region_ids.find((id) => actor.regionIds.includes(id)) ?? m.region_ids[0];
    if (!regionId) continue;
    const facts: MonitorFacts = { areaKind: "municipality", municipalityId: m.id, regionId, centralMunicipalityIds: centralOf.get(regionId) ?? [] };
    areas.push({ kind: "municipality", id: m.id, name: m.name, regionId, facts, mayImport: can(actor, "import_history", "monitor", facts) });
  }
  return areas;
}

const areaOfRow = (row: FigureRow): { kind: AreaKind; id: string } =>
  row.municipality_id ? { kind: "municipality", id: row.municipality_id } : { kind: "region", id: row.region_id };

/** The policy's facts of a stored figure: its area, in the region it was stored under. */
function factsOfRow(row: FigureRow, areas: readonly Area[]): MonitorFacts {
  const region = areas.find((a) => a.kind === "region" && a.id === row.region_id);
  return {
    areaKind: row.municipality_id ? "municipality" : "region", municipalityId: row.municipality_id, regionId: row.region_id,
    centralMunicipalityIds: region?.facts.centralMunicipalityIds ?? [],
  };
}

function present(kernel: Kernel, actor: Actor, row: FigureRow, facts: MonitorFacts): HistoricFigure {
  const area = areaOfRow(row);
  return {
    id: row.id,
    areaKind: area.kind,
    areaId: area.id,
    areaName: row.municipality_name ?? row.region_name,
    regionId: row.region_id,
    year: row.year,
    measure: row.measure,
    count: row.count,
    source: row.source,
    importedBy: kernel.crypto.decryptOptional("users.display_name", row.imported_by_name_enc),
    importedAt: new Date(row.imported_at).toISOString(),
    abilities: { delete: can(actor, "import_history", "monitor", facts) },
  };
}

function noMonitorRight(actor: Actor, attempted: string) {
  return new AccessDenied(403, {
    actor: auditActor(actor, actor.roles[0] ?? null),
    action: "access_denied",
    objectType: OBJECT_TYPE,
    result: "denied",
    details: { attempted },
  });
}

export function listHistoricFor(kernel: Kernel, actor: Actor, query: z.infer<typeof historicQuery>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const role = actingRole(actor, "read", "monitor");
    if (!role) throw noMonitorRight(actor, "read");
    const areas = await areasFor(tx, actor);
    let chosen: Area | null = null;
    if (query.area && query.area !== "all") {
      chosen = areas.find((a) => a.id === query.area) ?? null;
      if (!chosen) throw notFound();
      authorize(actor, "read", "monitor", chosen.facts, { objectId: chosen.id });
    }
    const rows = await listFigures(tx, accessFilter(actor, "read", "monitor", "f", kernel.now()), chosen);
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "list", objectType: OBJECT_TYPE, ownerOrganisationId: actor.organisationId, result: "success", clientAddress,
      details: { area: query.area ?? "all", count: rows.length },
    });
    return {
      items: rows.map((row) => present(kernel, actor, row, factsOfRow(row, areas))),
      importAreas: areas.filter((a) => a.mayImport).map((a) => ({ kind: a.kind, id: a.id, name: a.name })),
    };
  });
}

function refused(problems: InvalidParam[]) {
  const rows = new Set(problems.map((p) => p.name.replace(/\..*$/, ""))).size;
  return invalidInput(`${rows === 1 ? "1 regel heeft" : `${rows} regels hebben`} een fout. Er is niets ingelezen; verbeter het bestand en lees het opnieuw in.`, problems);
}

export function importHistoricFor(kernel: Kernel, actor: Actor, body: z.infer<typeof historicImportBody>, clientAddress: string): Promise<HistoricImportResult> {
  return kernel.db.transaction(async (tx) => {
    const role = actingRole(actor, "import_history", "monitor");
    if (!role) throw noMonitorRight(actor, "import_history");
    const thisYear = Number(dutchDate(kernel.now()).slice(0, 4));
    let parsed: ReturnType<typeof parseHistoricRows>;
    try {
      parsed = parseHistoricRows(readHistoricCsv(body.fileName, body.content), { thisYear });
    } catch (error) {
      if (!(error instanceof HistoricFileProblem)) throw error;
      const detail = error.problems.length === 1 ? error.message : "De kopregel van het bestand klopt niet.";
      throw invalidInput(`${detail} Er is niets ingelezen.`, error.problems);
    }
    const areas = await areasFor(tx, actor);
    const { resolved, problems: areaProblems } = resolveAreas(parsed.lines, areas);
    const years = resolved.map((l) => l.year);
    const recorded = years.length === 0 ? [] : await recordedYears(tx, {
      regionIds: [...new Set(resolved.filter((l) => l.target.kind === "region").map((l) => l.target.id))],
      municipalityIds: [...new Set(resolved.filter((l) => l.target.kind === "municipality").map((l) => l.target.id))],
    }, { from: Math.min(...years), to: Math.max(...years) });
    const { figures, problems: recordedProblems } = toFigures(resolved, new Set(recorded.map((r) => recordedKey(r.kind, r.area_id, r.year, r.measure))));
    const problems = sortProblems([...parsed.problems, ...areaProblems, ...recordedProblems]);
    if (problems.length > 0) throw refused(problems);

    const targets = [...new Map(figures.map((f) => [`${f.target.kind}:${f.target.id}`, f.target])).values()];
    const earlier = await figuresOf(tx, {
      regionIds: targets.filter((a) => a.kind === "region").map((a) => a.id),
      municipalityIds: targets.filter((a) => a.kind === "municipality").map((a) => a.id),
    });
    const earlierBy = new Map(earlier.map((row) => {
      const area = areaOfRow(row);
      return [`${area.kind}:${area.id}:${row.year}:${row.measure}`, row];
    }));
    const now = kernel.now();
    const result: HistoricImportResult["figures"] = [];
    let replaced = 0;
    for (const f of figures) {
      const before = earlierBy.get(`${f.target.kind}:${f.target.id}:${f.year}:${f.measure}`);
      if (before) replaced += 1;
      result.push({
        row: f.row, areaKind: f.target.kind, areaId: f.target.id, areaName: f.target.name, regionId: before?.region_id ?? f.target.regionId,
        year: f.year, measure: f.measure, count: f.count, source: f.source, replaces: before?.count ?? null,
      });
      if (!body.dryRun) {
        await replaceFigure(tx, before?.id ?? null, {
          regionId: f.target.regionId, municipalityId: f.target.kind === "municipality" ? f.target.id : null, year: f.year, measure: f.measure,
          count: f.count, source: f.source, by: actor.userId, at: now,
        });
      }
    }
    if (!body.dryRun) {
      kernel.audit.record(tx, {
        actor: auditActor(actor, role), action: "create", objectType: OBJECT_TYPE, ownerOrganisationId: actor.organisationId, result: "success", clientAddress,
        details: {
          import: body.fileName, figures: figures.length, replaced, areas: targets.map((a) => a.name),
          years: { from: Math.min(...figures.map((f) => f.year)), to: Math.max(...figures.map((f) => f.year)) },
        },
      });
    }
    return { dryRun: body.dryRun, imported: body.dryRun ? 0 : figures.length, replaced, figures: result };
  });
}

export function deleteHistoricFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const row = await findFigure(tx, id, true);
    if (!row) throw notFound();
    const facts = factsOfRow(row, await areasFor(tx, actor));
    const role = authorize(actor, "import_history", "monitor", facts, { objectId: id, ownerOrganisationId: row.municipality_id ?? undefined });
    await deleteFigure(tx, id);
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "delete", objectType: OBJECT_TYPE, objectId: id, ownerOrganisationId: row.municipality_id ?? actor.organisationId,
      result: "success", clientAddress,
      details: { areaKind: facts.areaKind, area: row.municipality_name ?? row.region_name, year: row.year, measure: row.measure, count: row.count },
    });
  });
}
