import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import type { Queryable } from "../../kernel/db.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { recordAbilities, type Actor, type Facts } from "../../kernel/policy/policy.ts";
import type { planSchema } from "./implementation-plan.schema.ts";
import {
  activitiesOf, budgetsOf, linesOf, partnersOf, progressOf, regionOrganisations, type ActivityRow, type BudgetRow, type PlanRow, type ProgressRow,
} from "./implementation-plan.repository.ts";
import { statusTransitions } from "./plan-codes.ts";
import { budgetByYear, budgetTotals, coverBySource, isOverdue, statusCounts, yearsOf } from "./plan-overview.ts";

/** A plan as the API answers it: its action lines with activities, partners, budget and progress, and the overview. */
export type PlanView = z.output<typeof planSchema>;

export const planFacts = (row: Pick<PlanRow, "owner_organisation_id" | "region_id">): Facts["implementation_plan"] => ({
  ownerOrganisationId: row.owner_organisation_id,
  regionId: row.region_id,
});
export const planRefs = (row: Pick<PlanRow, "id" | "owner_organisation_id">) => ({ objectId: row.id, ownerOrganisationId: row.owner_organisation_id });

const budgetEntries = (rows: readonly BudgetRow[]) => rows.map((b) => ({ year: b.year, costs: Number(b.costs), cover: Number(b.cover), coverSource: b.cover_source }));

/** The whole plan; `authors` are the staff whose names it shows (for the audit event of whoever reads it). */
export async function presentPlan(kernel: Kernel, q: Queryable, actor: Actor, row: PlanRow): Promise<{ view: PlanView; authors: string[] }> {
  const today = dutchDate(kernel.now());
  const years = yearsOf(row.period_start, row.period_end);
  const lines = await linesOf(q, [row.id]);
  const activities = await activitiesOf(q, [row.id]);
  const ids = activities.map((a) => a.id);
  const [partners, budgets, progress, organisations] = await Promise.all([partnersOf(q, ids), budgetsOf(q, ids), progressOf(q, ids), regionOrganisations(q, row.region_id)]);
  const lineNumber = new Map(lines.map((l) => [l.id, l.number]));
  const presentActivity = (a: ActivityRow) => ({
    id: a.id,
    actionLineId: a.action_line_id,
    number: a.number,
    code: `${lineNumber.get(a.action_line_id) ?? "?"}.${a.number}`,
    title: a.title,
    intendedResult: a.intended_result,
    responsibleOrganisation: { id: a.responsible_organisation_id, name: a.responsible_organisation_name },
    partners: partners.filter((p) => p.activity_id === a.id).map((p) => ({ id: p.organisation_id, name: p.name })),
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    leadTimeUnit: a.lead_time_unit,
    status: a.status,
    nextStatuses: [...statusTransitions[a.status]],
    overdue: isOverdue(a.status, a.ends_on, today),
    budget: budgets.filter((b) => b.activity_id === a.id).map((b) => ({
      year: b.year, costs: Number(b.costs), cover: Number(b.cover), coverSource: b.cover_source, coverNote: b.cover_note,
    })),
    progress: progress.filter((p) => p.activity_id === a.id).map((p) => presentProgress(kernel, p)),
  });
  const presented = activities.map(presentActivity);
  const allBudget = budgetEntries(budgets);
  const byYear = budgetByYear(years, allBudget);
  const view: PlanView = {
    id: row.id,
    scope: row.scope,
    title: row.title,
    description: row.description,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    years,
    ownerOrganisation: { id: row.owner_organisation_id, name: row.owner_organisation_name },
    region: { id: row.region_id, name: row.region_name },
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    actionLines: lines.map((l) => {
      const own = presented.filter((a) => a.actionLineId === l.id);
      return {
        id: l.id, number: l.number, title: l.title, goal: l.goal, activities: own,
        budget: budgetByYear(years, budgetEntries(budgets.filter((b) => own.some((a) => a.id === b.activity_id)))),
      };
    }),
    overview: {
      activityCount: presented.length,
      statusCounts: statusCounts(presented.map((a) => a.status)),
      overdueCount: presented.filter((a) => a.overdue).length,
      budget: byYear,
      totals: budgetTotals(byYear),
      coverBySource: coverBySource(years, allBudget),
    },
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, type: o.type })),
    abilities: recordAbilities(actor, "implementation_plan", planFacts(row)),
  };
  return { view, authors: [...new Set(progress.map((p) => p.author_user_id))] };
}

function presentProgress(kernel: Kernel, p: ProgressRow) {
  return {
    id: p.id,
    kind: p.kind,
    notedOn: p.noted_on,
    note: p.note,
    statusFrom: p.status_from,
    statusTo: p.status_to,
    authorName: kernel.crypto.decryptOptional("users.display_name", p.author_name_enc),
    authorOrganisationName: p.author_organisation_name,
    createdAt: new Date(p.created_at).toISOString(),
  };
}

/** The plans of a list, with their counts and totals (no progress, so no staff names). */
export async function presentPlanList(kernel: Kernel, q: Queryable, actor: Actor, rows: readonly PlanRow[]) {
  const today = dutchDate(kernel.now());
  const activities = await activitiesOf(q, rows.map((r) => r.id));
  const budgets = await budgetsOf(q, activities.map((a) => a.id));
  return rows.map((row) => {
    const own = activities.filter((a) => a.plan_id === row.id);
    const totals = budgetTotals(budgetByYear(yearsOf(row.period_start, row.period_end), budgetEntries(budgets.filter((b) => own.some((a) => a.id === b.activity_id)))));
    return {
      id: row.id,
      scope: row.scope,
      title: row.title,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      ownerOrganisation: { id: row.owner_organisation_id, name: row.owner_organisation_name },
      region: { id: row.region_id, name: row.region_name },
      activityCount: own.length,
      overdueCount: own.filter((a) => isOverdue(a.status, a.ends_on, today)).length,
      statusCounts: statusCounts(own.map((a) => a.status)),
      costs: totals.costs,
      cover: totals.cover,
      abilities: recordAbilities(actor, "implementation_plan", planFacts(row)),
    };
  });
}
