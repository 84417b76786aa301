import sql, { empty, join } from "sql-template-tag";
import { run, type Queryable } from "../../kernel/db.ts";

/** Monitor export jobs (table monitor_exports): the only SQL of the exports. */
export interface ExportRow {
  id: string;
  requested_by: string;
  report: string;
  format: string;
  variant: string;
  params: unknown;
  status: string;
  progress: number;
  step: string | null;
  file_name: string | null;
  media_type: string | null;
  error_code: string | null;
  created_at: Date | string;
  finished_at: Date | string | null;
  expires_at: Date | string;
}

const columns = sql`id, requested_by, report, format, variant, params, status, progress, step, file_name, media_type, error_code, created_at, finished_at, expires_at`;

export async function insertExport(
  q: Queryable,
  row: { requestedBy: string; organisationId: string; report: string; format: string; variant: string; params: unknown; step: string; createdAt: Date; expiresAt: Date },
): Promise<ExportRow> {
  const rows = await run<ExportRow>(q, sql`
    insert into monitor_exports (requested_by, organisation_id, report, format, variant, params, status, progress, step, created_at, expires_at)
    values (${row.requestedBy}, ${row.organisationId}, ${row.report}, ${row.format}, ${row.variant}, ${JSON.stringify(row.params)}::jsonb,
            'queued', 0, ${row.step}, ${row.createdAt}, ${row.expiresAt})
    returning ${columns}`);
  return rows[0]!;
}

/** A job that has not expired (who may see it is the policy's `monitor_export`). */
export async function findExport(q: Queryable, id: string, now: Date): Promise<ExportRow | undefined> {
  const rows = await run<ExportRow>(q, sql`select ${columns} from monitor_exports where id = ${id} and expires_at > ${now}`);
  return rows[0];
}

/** The file of a finished job that has not expired. */
export async function exportFile(q: Queryable, id: string, now: Date): Promise<{ file: Uint8Array; file_name: string; media_type: string } | undefined> {
  const rows = await run<{ file: Uint8Array; file_name: string; media_type: string }>(q, sql`
    select file, file_name, media_type from monitor_exports
     where id = ${id} and expires_at > ${now} and status = 'done' and file is not null`);
  return rows[0];
}

export async function setProgress(q: Queryable, id: string, progress: number, step: string): Promise<void> {
  await run(q, sql`update monitor_exports set status = 'running', progress = greatest(progress, ${progress}), step = ${step}
                    where id = ${id} and status in ('queued', 'running')`);
}

export async function storeFile(q: Queryable, id: string, file: { bytes: Buffer; fileName: string; mediaType: string }, at: Date): Promise<void> {
  await run(q, sql`update monitor_exports set status = 'done', progress = 100, step = 'Klaar', file = ${file.bytes}, file_name = ${file.fileName},
                           media_type = ${file.mediaType}, finished_at = ${at}
                    where id = ${id}`);
}

export async function markFailed(q: Queryable, ids: readonly string[], errorCode: string, at: Date): Promise<void> {
  if (ids.length === 0) return;
  await run(q, sql`update monitor_exports set status = 'failed', step = 'Mislukt', error_code = ${errorCode}, finished_at = ${at}
                    where id in (${join([...ids])}) and status in ('queued', 'running')`);
}

/** Jobs that never finished because their process stopped: queued or running since before `before`. */
export async function markStale(q: Queryable, before: Date, at: Date): Promise<void> {
  await run(q, sql`update monitor_exports set status = 'failed', step = 'Mislukt', error_code = 'interrupted', finished_at = ${at}
                    where status in ('queued', 'running') and created_at < ${before}`);
}

export async function unfinishedCount(q: Queryable, userId: string): Promise<number> {
  const rows = await run<{ n: number }>(q, sql`select count(*)::int as n from monitor_exports where requested_by = ${userId} and status in ('queued', 'running')`);
  return Number(rows[0]?.n ?? 0);
}

/** Removes expired exports with their files; returns how many. */
export async function deleteExpired(q: Queryable, now: Date): Promise<number> {
  const rows = await run<{ id: string }>(q, sql`delete from monitor_exports where expires_at <= ${now} returning id`);
  return rows.length;
}

/** The sources named with the imported figures of these regions and municipalities (for the legend). */
export async function importSources(q: Queryable, regionIds: readonly string[], municipalityIds: readonly string[]): Promise<string[]> {
  if (regionIds.length === 0) return [];
  const rows = await run<{ source: string }>(q, sql`
    select distinct source from monitor_historic_figures
     where source is not null and region_id in (${join([...regionIds])})
       and (municipality_id is null${municipalityIds.length ? sql` or municipality_id in (${join([...municipalityIds])})` : empty})
     order by source`);
  return rows.map((r) => r.source);
}
