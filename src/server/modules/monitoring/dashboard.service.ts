import type { Dashboard } from "../../../shared/monitoring.ts";
import type { Kernel } from "../../http/kernel.ts";
import type { Queryable } from "../../kernel/db.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import type { Role } from "../../kernel/policy/matrix.ts";
import type { Actor } from "../../kernel/policy/policy.ts";
import { buildSections, type SectionId } from "./aggregates.ts";
import type { MonitorContext } from "./context.ts";
import { periodSpec, previousYear, resolvePeriod, type Period } from "./period.ts";
import { authorizeArea, mayInArea, monitorAreasFor, resolveArea, type ResolvedArea } from "./scope.ts";
import { refreshCareSummaries } from "./care-summaries.ts";
import { refreshSummaries } from "./summaries.ts";
import { publishDashboard } from "./suppression.ts";

/**
 * The monitor's dashboard: the figures of one area and period, exact (internal view) or with small numbers
 * suppressed (published figures). Exports and the annual and evaluation reports are built from the same
 * `buildDashboard`, so that every output shows the same numbers.
 */
export type Variant = "internal" | "published";

export interface DashboardQuery {
  /** A municipality or region id, or "all"; by default the actor's municipality, else their first region. */
  area?: string;
  from?: string;
  to?: string;
  compare?: boolean;
  /** By default internal where the actor may see exact numbers, else published. */
  variant?: Variant;
  /** Only these sections (all by default). */
  sections?: readonly SectionId[];
}

export interface MonitorRequest {
  area: ResolvedArea;
  period: Period;
  comparison: Period | null;
  variant: Variant;
  /** The role the actor reads the figures in (for the audit event). */
  role: Role;
}

/**
 * Checks a request before anything is counted: the period (400), the area (404 when unknown or not the
 * actor's), and the variant (403 for exact figures without the right to them).
 */
export async function resolveMonitorRequest(kernel: Kernel, q: Queryable, actor: Actor, query: DashboardQuery): Promise<MonitorRequest> {
  const period = resolvePeriod(query, dutchDate(kernel.now()));
  const { area, role } = await resolveArea(q, actor, query.area);
  const variant = query.variant ?? (mayInArea(actor, "read_exact", area) ? "internal" : "published");
  const exactRole = variant === "internal" ? authorizeArea(actor, "read_exact", area) : null;
  return { area, period, comparison: query.compare ? previousYear(period) : null, variant, role: exactRole ?? role };
}

export function monitorContext(kernel: Kernel, request: Pick<MonitorRequest, "area" | "period" | "comparison">): MonitorContext {
  const now = kernel.now();
  return {
    area: request.area,
    periods: [periodSpec("period", request.period), ...(request.comparison ? [periodSpec("previous", request.comparison)] : [])],
    today: dutchDate(now),
    now,
  };
}

/**
 * Settings for counting, for the monitor's own transaction only (PostgreSQL). JIT compiles a query once its
 * estimated cost is high, which set-based counts over a region or the country often are; compiling takes
 * longer (up to seconds) than counting. More working memory keeps the grouping in memory instead of on disk.
 */
async function tuneForCounting(kernel: Kernel, q: Queryable): Promise<void> {
  if (kernel.db.kind !== "postgres" || q === kernel.db || !("beforeCommit" in q)) return;
  await q.query("set local jit = off");
  await q.query("set local work_mem = '64MB'");
}

/**
 * Recounts the summaries' dirty days and files first (summaries.ts, care-summaries.ts), in the reading
 * transaction, so that the figures are never stale.
 */
async function refreshFirst(kernel: Kernel, q: Queryable): Promise<void> {
  const refresh = async (tx: Queryable) => {
    await refreshSummaries(tx);
    await refreshCareSummaries(tx);
  };
  if ("beforeCommit" in q) await refresh(q);
  else await kernel.db.transaction(refresh);
}

/** The exact figures of a checked request. */
export async function dashboardOf(kernel: Kernel, q: Queryable, request: MonitorRequest, sections?: readonly SectionId[]): Promise<Dashboard> {
  const ctx = monitorContext(kernel, request);
  await tuneForCounting(kernel, q);
  await refreshFirst(kernel, q);
  const { area } = request;
  return {
    area: { kind: area.kind, id: area.id, name: area.name },
    period: { from: request.period.from, to: request.period.to },
    comparison: request.comparison ? { from: request.comparison.from, to: request.comparison.to } : null,
    exact: true,
    threshold: area.threshold,
    generatedAt: ctx.now.toISOString(),
    sections: await buildSections(q, ctx, sections),
  };
}

/**
 * The dashboard for a query, after the same checks as the route (period, area, variant): exact by default;
 * with `exact: false` published (small numbers suppressed with the area's threshold).
 */
export async function buildDashboard(kernel: Kernel, q: Queryable, actor: Actor, query: DashboardQuery, options: { exact?: boolean } = {}): Promise<Dashboard> {
  const request = await resolveMonitorRequest(kernel, q, actor, query);
  const dashboard = await dashboardOf(kernel, q, request, query.sections);
  return options.exact === false ? publishDashboard(dashboard, dashboard.threshold) : dashboard;
}

/** GET /monitoring/dashboard: counted, audited and (for the published variant) suppressed in one transaction. */
export function dashboardFor(kernel: Kernel, actor: Actor, query: DashboardQuery, clientAddress: string): Promise<Dashboard> {
  return kernel.db.transaction(async (tx) => {
    const request = await resolveMonitorRequest(kernel, tx, actor, query);
    const dashboard = await dashboardOf(kernel, tx, request, query.sections);
    const { area } = request;
    kernel.audit.record(tx, {
      actor: { userId: actor.userId, organisationId: actor.organisationId, role: request.role },
      action: "read",
      objectType: "monitor",
      objectId: area.id ?? undefined,
      ownerOrganisationId: area.kind === "municipality" ? (area.id ?? undefined) : undefined,
      purpose: "monitor",
      result: "success",
      clientAddress,
      details: {
        area: { kind: area.kind, id: area.id },
        period: dashboard.period,
        comparison: dashboard.comparison,
        variant: request.variant,
      },
    });
    return request.variant === "published" ? publishDashboard(dashboard, dashboard.threshold) : dashboard;
  });
}

/** GET /monitoring/areas. Reading which areas one may see is no reading of figures: not audited. */
export async function areasFor(kernel: Kernel, actor: Actor) {
  return { areas: await monitorAreasFor(kernel.db, actor) };
}
