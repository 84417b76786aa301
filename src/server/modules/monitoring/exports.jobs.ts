import type { Dashboard, MonitorTable } from "../../../shared/monitoring.ts";
import type { Kernel } from "../../http/kernel.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import type { Role } from "../../kernel/policy/matrix.ts";
import { AccessDenied, type Actor } from "../../kernel/policy/policy.ts";
import { renderTableCsv } from "./export-csv.ts";
import { slug, type ExportInput } from "./export-model.ts";
import { renderWorkbook } from "./export-xlsx.ts";
import { importSources, markFailed, setProgress, storeFile } from "./exports.repository.ts";
import type { ExportFormat, ExportReport } from "./exports.schema.ts";
import { renderReportPdf } from "./report-pdf.ts";
import { annualReportSpec, evaluationReportSpec } from "./report-spec.ts";
import type { MonitorRequest } from "./dashboard.service.ts";

/**
 * Monitor exports run in the background of the process that accepted them, one at a time (the figures and
 * the PDF's charts take a few seconds and two cores are shared with the requests). Each step is its own
 * short transaction, so the requester sees the progress; the file and the audit event are stored together
 * in the last one. A failure marks the job failed with a stable code. On shutdown (app.close) the job in
 * progress finishes and queued ones are marked interrupted before the database closes.
 */
export interface ExportJobInput {
  id: string;
  actor: Actor;
  role: Role;
  report: ExportReport;
  format: ExportFormat;
  /** The checked request: area, period, comparison and variant. */
  request: MonitorRequest;
  tableId: string | null;
  year: number | null;
  clientAddress: string;
  /** The figures, when the request already counted them (a single table: its id had to be checked). */
  dashboard?: Dashboard;
  /** Counts the figures for this job (the monitor's dashboard service), in the job's own transaction. */
  count: (kernel: Kernel, job: ExportJobInput) => Promise<Dashboard>;
}

export const mediaTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

/** A failure whose code the requester may see. */
export class ExportFailure extends Error {
  constructor(readonly code: "unknown_table" | "no_access" | "interrupted" | "export_failed") {
    super(code);
  }
}

interface Runner {
  chain: Promise<void>;
  /** Jobs queued or running in this process. */
  active: Set<string>;
  closing: boolean;
  log: (message: string, error: unknown) => void;
}

const runners = new WeakMap<Kernel, Runner>();

function runnerOf(kernel: Kernel): Runner {
  let runner = runners.get(kernel);
  if (!runner) {
    runner = { chain: Promise.resolve(), active: new Set(), closing: false, log: () => undefined };
    runners.set(kernel, runner);
  }
  return runner;
}

/** Where failures of jobs are logged (the app's logger). */
export function setExportLog(kernel: Kernel, log: Runner["log"]): void {
  runnerOf(kernel).log = log;
}

/** Queues the job; it starts after the current request has answered. */
export function startExport(kernel: Kernel, job: ExportJobInput): void {
  const runner = runnerOf(kernel);
  runner.active.add(job.id);
  runner.chain = runner.chain
    .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
    .then(async () => {
      if (runner.closing) throw new ExportFailure("interrupted");
      await runExport(kernel, job);
    })
    .catch(async (error: unknown) => {
      const code = error instanceof ExportFailure ? error.code : error instanceof AccessDenied ? "no_access" : "export_failed";
      if (code === "export_failed") runner.log("monitor: export mislukt", error);
      await kernel.db.transaction((tx) => markFailed(tx, [job.id], code, kernel.now())).catch((e: unknown) => runner.log("monitor: export niet als mislukt gemarkeerd", e));
    })
    .finally(() => runner.active.delete(job.id));
}

/** Whether this process is still working on the job (else a queued or running job was interrupted). */
export function isActive(kernel: Kernel, id: string): boolean {
  return runners.get(kernel)?.active.has(id) ?? false;
}

/** Waits for the job in progress; jobs not yet started are marked interrupted. For app.close(). */
export async function stopExports(kernel: Kernel): Promise<void> {
  const runner = runners.get(kernel);
  if (!runner) return;
  runner.closing = true;
  await runner.chain;
}

async function runExport(kernel: Kernel, job: ExportJobInput): Promise<void> {
  const progress = (percent: number, step: string) => kernel.db.transaction((tx) => setProgress(tx, job.id, Math.round(percent), step));
  await progress(5, "Cijfers tellen");
  const dashboard = job.dashboard ?? (await job.count(kernel, job));
  const sources = await importSources(kernel.db, job.request.area.regionIds, job.request.area.municipalityIds);
  await progress(30, job.format === "pdf" ? "Rapport opmaken" : "Bestand opmaken");
  const input: ExportInput = { dashboard, variant: job.request.variant, generatedAt: kernel.now(), importSources: sources };
  const bytes = await compose(job, input, (done, total, heading) => progress(30 + (65 * done) / total, `Onderdeel ${done} van ${total}: ${heading}`));
  const finishedAt = kernel.now();
  await kernel.db.transaction(async (tx) => {
    await storeFile(tx, job.id, { bytes, fileName: fileName(job, finishedAt), mediaType: mediaTypes[job.format] }, finishedAt);
    kernel.audit.record(tx, {
      actor: { userId: job.actor.userId, organisationId: job.actor.organisationId, role: job.role },
      action: "export",
      objectType: "monitor",
      objectId: job.request.area.id ?? undefined,
      purpose: "monitoring mensenhandel",
      result: "success",
      clientAddress: job.clientAddress,
      details: {
        report: job.report, format: job.format, variant: job.request.variant, area: job.request.area.id ?? "all", areaKind: job.request.area.kind,
        period: { from: job.request.period.from, to: job.request.period.to }, ...(job.tableId ? { tableId: job.tableId } : {}), ...(job.year ? { year: job.year } : {}),
      },
    });
  });
}

export function findTable(dashboard: Dashboard, tableId: string): MonitorTable | undefined {
  return dashboard.sections.flatMap((s) => s.tables).find((t) => t.id === tableId);
}

async function compose(job: ExportJobInput, input: ExportInput, onSection: (done: number, total: number, heading: string) => Promise<void>): Promise<Buffer> {
  const d = input.dashboard;
  switch (job.report) {
    case "table": {
      const table = findTable(d, job.tableId ?? "");
      if (!table) throw new ExportFailure("unknown_table");
      return job.format === "csv" ? renderTableCsv(input, table) : renderWorkbook(input, [table], table.title);
    }
    case "dashboard":
      return renderWorkbook(input, d.sections.flatMap((s) => s.tables), `Monitor mensenhandel ${d.area.name}`);
    case "annual_report":
      return renderReportPdf(input, annualReportSpec(d, job.year ?? Number(job.request.period.from.slice(0, 4))), onSection);
    case "evaluation_report":
      return renderReportPdf(input, evaluationReportSpec(d), onSection);
  }
}

/** "signals-by-source-zevenaar-2026-01-01-2026-11-26-publicatie.csv", "monitorrapport-2023-zevenaar-intern.pdf". */
function fileName(job: ExportJobInput, at: Date): string {
  const area = slug(job.request.area.name.replace(/^(gemeente|regio)\s+/i, "")) || "monitor";
  const variant = job.request.variant === "internal" ? "intern" : "publicatie";
  const period = `${job.request.period.from}-${job.request.period.to}`;
  const base = {
    table: `${job.tableId ?? "tabel"}-${area}-${period}`,
    dashboard: `monitor-${area}-${period}`,
    annual_report: `monitorrapport-${job.year ?? job.request.period.from.slice(0, 4)}-${area}`,
    evaluation_report: `evaluatie-${area}-${period}`,
  }[job.report];
  return `${base}-${variant}-${dutchDate(at)}.${job.format}`;
}
