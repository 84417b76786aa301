import type { z } from "zod";
import type { exportBody, exportJobSchema } from "../../../server/modules/monitoring/exports.schema.ts";
import type { Ability } from "../../api/types.ts";
export type { Dashboard, MonitorAreaChoice, MonitorCell, MonitorChart, MonitorSection, MonitorTable } from "../../../shared/monitoring.ts";

/*
 * The monitor as the pages use it: the dashboard's shapes come from src/shared/monitoring.ts (shared with the
 * server), the export job mirrors the server's monitor_exports row as GET /monitoring/exports/{id} returns it.
 */
export const MONITOR_READ = "monitor.read" satisfies Ability;

export const MONITOR_PATH = "/monitor";
export const HISTORIC_PATH = "/monitor/historische-cijfers";

export type Variant = "internal" | "published";

/** The body of POST /monitoring/exports and the job it starts (type-only, from the server's zod schemas). */
export type ExportRequest = z.input<typeof exportBody>;
export type ExportJob = z.output<typeof exportJobSchema>;
export type ExportErrorCode = "unknown_table" | "no_access" | "interrupted" | "export_failed";

/** The filters of the dashboard as they stand in the URL (GET form semantics): empty means the server's default. */
export interface Filters {
  area: string;
  from: string;
  to: string;
  compare: boolean;
  variant: Variant | "";
}
