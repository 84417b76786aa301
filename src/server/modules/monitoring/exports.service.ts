import type { Dashboard } from "../../../shared/monitoring.ts";
import type { Kernel } from "../../http/kernel.ts";
import type { Queryable } from "../../kernel/db.ts";
import { conflict, invalidInput, notFound, type InvalidParam } from "../../kernel/errors.ts";
import { authorize, type Actor } from "../../kernel/policy/policy.ts";
import { dashboardOf, resolveMonitorRequest, type MonitorRequest } from "./dashboard.service.ts";
import { findTable, isActive, startExport, type ExportJobInput } from "./exports.jobs.ts";
import { deleteExpired, exportFile, findExport, insertExport, markStale, unfinishedCount, type ExportRow } from "./exports.repository.ts";
import { formatsOf, type ExportBody, type ExportJob } from "./exports.schema.ts";
import { authorizeArea, type ResolvedArea } from "./scope.ts";
import { publishDashboard } from "./suppression.ts";

/**
 * Monitor exports: a request is checked and authorized at once (the area, `export` there and, for the
 * internal variant, `read_exact`), stored as a queued job, and answered 202; the file is composed in the
 * background (exports.jobs.ts). Only the requester sees the job and its file; anyone else gets 404, as for
 * a job that does not exist. Files expire after a day.
 */
export const EXPORT_TTL_MS = 24 * 3_600_000;
/** A job still queued or running after this long was cut off by a restart. */
const STALE_MS = 30 * 60_000;
/** Unfinished exports one person may have at a time. */
const MAX_UNFINISHED = 3;

interface ExportParams {
  area: { kind: ResolvedArea["kind"]; id: string | null; name: string };
  period: { from: string; to: string };
  compare: boolean;
  tableId: string | null;
  year: number | null;
}

/** Report and format fit together, and each has what it needs: 400 with a code per field otherwise. */
function checkShape(body: ExportBody): void {
  const problems: InvalidParam[] = [];
  if (!formatsOf[body.report].includes(body.format)) {
    problems.push({ name: "format", code: "format_not_available", reason: `${body.report} kan alleen als ${formatsOf[body.report].join(" of ")}` });
  }
  if (body.report === "table" && !body.tableId) problems.push({ name: "tableId", code: "required", reason: "kies de tabel die u wilt exporteren" });
  if (body.report !== "table" && body.tableId) problems.push({ name: "tableId", code: "not_allowed", reason: "een tabel kiest u alleen bij report table" });
  if (body.report === "annual_report" && body.year === undefined) problems.push({ name: "year", code: "required", reason: "kies het jaar van het jaarrapport" });
  if (body.report !== "annual_report" && body.year !== undefined) problems.push({ name: "year", code: "not_allowed", reason: "een jaar kiest u alleen bij het jaarrapport" });
  if (body.year !== undefined && (body.from !== undefined || body.to !== undefined)) {
    problems.push({ name: "from", code: "not_allowed", reason: "het jaarrapport gaat over het hele jaar; geef geen begin- of einddatum" });
  }
  if (problems.length > 0) throw invalidInput("Deze export kan zo niet worden gemaakt.", problems);
}

export async function createExportFor(kernel: Kernel, actor: Actor, body: ExportBody, clientAddress: string): Promise<ExportJob> {
  checkShape(body);
  const now = kernel.now();
  const compare = body.compare ?? body.report === "annual_report";
  const dates = body.year !== undefined ? { from: `${body.year}-01-01`, to: `${body.year}-12-31` } : { from: body.from, to: body.to };

  const { row, job } = await kernel.db.transaction(async (tx) => {
    // The period (400), the area (404 when unknown or not the actor's) and exact figures (403 without read_exact).
    const request = await resolveMonitorRequest(kernel, tx, actor, { ...dates, area: body.area, compare, variant: body.variant });
    const role = authorizeArea(actor, "export", request.area);
    await deleteExpired(tx, now);
    await markStale(tx, new Date(now.getTime() - STALE_MS), now);
    if ((await unfinishedCount(tx, actor.userId)) >= MAX_UNFINISHED) {
      throw conflict(`U heeft al ${MAX_UNFINISHED} exports in de maak; wacht tot een ervan klaar is.`);
    }
    const job: Omit<ExportJobInput, "id"> = {
      actor, role, report: body.report, format: body.format, request, tableId: body.tableId ?? null, year: body.year ?? null, clientAddress, count: countFigures,
    };
    if (body.report === "table") {
      // The table must exist for this area and period (some do only for a region): checked now, so a wrong id is a 400.
      job.dashboard = await figuresOf(kernel, tx, request);
      if (!findTable(job.dashboard, body.tableId!)) {
        throw invalidInput("Deze tabel bestaat niet in de monitor van dit gebied.", [{ name: "tableId", code: "unknown_table", reason: "onbekende tabel" }]);
      }
    }
    const { area } = request;
    const params: ExportParams = {
      area: { kind: area.kind, id: area.id, name: area.name }, period: { from: request.period.from, to: request.period.to }, compare, tableId: job.tableId, year: job.year,
    };
    const row = await insertExport(tx, {
      requestedBy: actor.userId, organisationId: actor.organisationId, report: body.report, format: body.format, variant: request.variant, params,
      step: "In de wachtrij", createdAt: now, expiresAt: new Date(now.getTime() + EXPORT_TTL_MS),
    });
    return { row, job: { ...job, id: row.id } };
  });
  startExport(kernel, job);
  return present(row);
}

/** The figures as the export shows them: exact, or published (small numbers suppressed). */
async function figuresOf(kernel: Kernel, q: Queryable, request: MonitorRequest): Promise<Dashboard> {
  const dashboard = await dashboardOf(kernel, q, request);
  return request.variant === "published" ? publishDashboard(dashboard, dashboard.threshold) : dashboard;
}

function countFigures(kernel: Kernel, job: ExportJobInput): Promise<Dashboard> {
  return kernel.db.transaction((tx) => figuresOf(kernel, tx, job.request));
}

/** The job, when the actor may read it (the requester); anyone else gets 404, as for a job that does not exist. */
async function readableExport(kernel: Kernel, actor: Actor, id: string, now: Date): Promise<ExportRow> {
  const row = await findExport(kernel.db, id, now);
  if (!row) throw notFound();
  authorize(actor, "read", "monitor_export", { requestedBy: row.requested_by }, { objectId: row.id });
  return row;
}

export async function getExportFor(kernel: Kernel, actor: Actor, id: string): Promise<ExportJob> {
  const now = kernel.now();
  const row = await readableExport(kernel, actor, id, now);
  if ((row.status === "queued" || row.status === "running") && !isActive(kernel, row.id) && new Date(row.created_at).getTime() < now.getTime() - STALE_MS) {
    await kernel.db.transaction((tx) => markStale(tx, new Date(now.getTime() - STALE_MS), now));
    return present((await findExport(kernel.db, id, now))!);
  }
  return present(row);
}

export async function exportFileFor(kernel: Kernel, actor: Actor, id: string): Promise<{ bytes: Buffer; fileName: string; mediaType: string }> {
  const now = kernel.now();
  const row = await readableExport(kernel, actor, id, now);
  const file = await exportFile(kernel.db, row.id, now);
  if (file) return { bytes: Buffer.from(file.file), fileName: file.file_name, mediaType: file.media_type };
  throw conflict(row.status === "failed" ? "Deze export is mislukt; er is geen bestand." : "Het bestand is nog niet klaar; volg de voortgang en probeer het daarna opnieuw.");
}

const iso = (value: Date | string) => new Date(value).toISOString();

function present(row: ExportRow): ExportJob {
  const params = (typeof row.params === "string" ? JSON.parse(row.params) : row.params) as ExportParams;
  return {
    id: row.id,
    report: row.report as ExportJob["report"],
    format: row.format as ExportJob["format"],
    variant: row.variant as ExportJob["variant"],
    status: row.status as ExportJob["status"],
    progress: Number(row.progress),
    step: row.step,
    fileName: row.file_name,
    mediaType: row.media_type,
    errorCode: row.error_code,
    area: params.area,
    period: params.period,
    tableId: params.tableId,
    year: params.year,
    createdAt: iso(row.created_at),
    finishedAt: row.finished_at ? iso(row.finished_at) : null,
    expiresAt: iso(row.expires_at),
  };
}

/** For the deadline sweep: removes exports (with their files) a day after they were asked for. */
export function sweepMonitorExports(kernel: Pick<Kernel, "db">, now: Date): Promise<number> {
  return kernel.db.transaction((tx) => deleteExpired(tx, now));
}
