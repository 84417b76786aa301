import { dutchDateText } from "../conferences/minutes-pdf-text.ts";
import type { PlanView } from "./implementation-plan.presenter.ts";
import { coverSourceLabels, statusLabels, type ActivityStatus } from "./plan-codes.ts";

/**
 * What the progress report (PDF and XLSX) shows, in Dutch, from the plan as the API presents it: per action line
 * its activities with status and latest progress note, and the budget table per year (costs per activity,
 * cover per source, the gap), as in the Zuid-Limburg plan's financial table.
 */
type Activity = PlanView["actionLines"][number]["activities"][number];

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
export const statusText = (status: ActivityStatus) => capitalise(statusLabels[status]);

/** "€ 94.000" (whole euros, Dutch thousands separator, a minus for a surplus shown as a negative gap). */
export function euro(amount: number): string {
  const digits = Math.abs(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${amount < 0 ? "-" : ""}€ ${digits}`;
}

/** The lead time as a reader says it: "2023 Q1 – 2023 Q4" or "1 maart 2023 – 31 december 2023". */
export function leadTimeText(a: Pick<Activity, "startsOn" | "endsOn" | "leadTimeUnit">): string {
  const bound = (date: string | null) => {
    if (!date) return null;
    if (a.leadTimeUnit === "quarter") {
      const [y, m] = date.split("-").map(Number) as [number, number];
      return `${y} Q${Math.floor((m - 1) / 3) + 1}`;
    }
    return dutchDateText(date);
  };
  const start = bound(a.startsOn);
  const end = bound(a.endsOn);
  if (start && end) return start === end ? start : `${start} – ${end}`;
  if (start) return `vanaf ${start}`;
  if (end) return `tot en met ${end}`;
  return "niet vastgelegd";
}

export function latestNote(a: Activity) {
  return a.progress.find((p) => p.kind === "note") ?? null;
}

export interface BudgetTableRow {
  kind: "costs" | "costs_total" | "cover" | "cover_total" | "gap";
  label: string;
  amounts: number[];
}

/** The rows of the budget table: each activity's costs, their total, the cover per source, its total, the gap. */
export function budgetTable(plan: PlanView): BudgetTableRow[] {
  const years = plan.years;
  const rows: BudgetTableRow[] = [];
  for (const line of plan.actionLines) {
    for (const a of line.activities) {
      if (a.budget.length === 0) continue;
      rows.push({ kind: "costs", label: `${a.code} ${a.title}`, amounts: years.map((y) => a.budget.find((b) => b.year === y)?.costs ?? 0) });
    }
  }
  rows.push({ kind: "costs_total", label: "Totaal kosten", amounts: plan.overview.budget.map((b) => b.costs) });
  const sources = [...new Set(plan.overview.coverBySource.map((c) => c.source))];
  for (const source of sources) {
    rows.push({
      kind: "cover",
      label: `Dekking: ${coverSourceLabels[source]}`,
      amounts: years.map((y) => plan.overview.coverBySource.find((c) => c.source === source && c.year === y)?.amount ?? 0),
    });
  }
  rows.push({ kind: "cover_total", label: "Totaal dekking", amounts: plan.overview.budget.map((b) => b.cover) });
  rows.push({ kind: "gap", label: "Tekort (kosten min dekking)", amounts: plan.overview.budget.map((b) => b.gap) });
  return rows;
}

export const scopeText = (plan: PlanView) => (plan.scope === "region" ? `Regionaal plan (${plan.region.name})` : `Plan van ${plan.ownerOrganisation.name}`);
