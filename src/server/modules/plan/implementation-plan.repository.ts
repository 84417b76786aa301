import sql, { join, type Sql } from "sql-template-tag";
import { run, type Queryable, type Tx } from "../../kernel/db.ts";
import type { ActivityStatus, CoverSource, PlanScope } from "./plan-codes.ts";

/** The only SQL on the implementation plan's tables: plans, action lines, activities, partners, budget, progress. */
export interface PlanRow {
  id: string;
  scope: PlanScope;
  owner_organisation_id: string;
  owner_organisation_name: string;
  region_id: string;
  region_name: string;
  title: string;
  description: string | null;
  period_start: number;
  period_end: number;
  created_at: Date;
  updated_at: Date;
}

export interface ActionLineRow {
  id: string;
  plan_id: string;
  number: number;
  title: string;
  goal: string | null;
}

export interface ActivityRow {
  id: string;
  action_line_id: string;
  plan_id: string;
  number: number;
  title: string;
  intended_result: string | null;
  responsible_organisation_id: string;
  responsible_organisation_name: string;
  starts_on: string | null;
  ends_on: string | null;
  lead_time_unit: "date" | "quarter";
  status: ActivityStatus;
}

export interface BudgetRow {
  activity_id: string;
  year: number;
  costs: number;
  cover: number;
  cover_source: CoverSource | null;
  cover_note: string | null;
}

export interface ProgressRow {
  id: string;
  activity_id: string;
  kind: "note" | "status";
  noted_on: string;
  note: string | null;
  status_from: ActivityStatus | null;
  status_to: ActivityStatus | null;
  author_user_id: string;
  author_name_enc: string | null;
  author_organisation_name: string;
  created_at: Date;
}

const selectPlan = sql`
  select p.id, p.scope, p.owner_organisation_id, o.name as owner_organisation_name, p.region_id, r.name as region_name, p.title, p.description,
         p.period_start, p.period_end, p.created_at, p.updated_at
    from implementation_plans p
    join organisations o on o.id = p.owner_organisation_id
    join regions r on r.id = p.region_id`;

export async function findPlan(q: Queryable, id: string): Promise<PlanRow | undefined> {
  return (await run<PlanRow>(q, sql`${selectPlan} where p.id = ${id}`))[0];
}

/** Locks the plan row: changes to one plan (numbering, budget) are made one after the other. */
export async function lockPlan(tx: Tx, id: string): Promise<void> {
  await run(tx, sql`select id from implementation_plans where id = ${id} for update`);
}

export async function listPlans(q: Queryable, access: Sql): Promise<PlanRow[]> {
  return run<PlanRow>(q, sql`${selectPlan} where ${access} order by p.period_start desc, p.title`);
}

export async function insertPlan(
  tx: Tx,
  p: { scope: PlanScope; ownerOrganisationId: string; regionId: string; title: string; description: string | null; periodStart: number; periodEnd: number; by: string; at: Date },
): Promise<string> {
  const rows = await run<{ id: string }>(tx, sql`
    insert into implementation_plans (scope, owner_organisation_id, region_id, title, description, period_start, period_end, created_by, created_at, updated_at)
    values (${p.scope}, ${p.ownerOrganisationId}, ${p.regionId}, ${p.title}, ${p.description}, ${p.periodStart}, ${p.periodEnd}, ${p.by}, ${p.at}, ${p.at})
    returning id`);
  return rows[0]!.id;
}

export async function updatePlan(tx: Tx, id: string, p: { title: string; description: string | null; periodStart: number; periodEnd: number; at: Date }) {
  await run(tx, sql`
    update implementation_plans set title = ${p.title}, description = ${p.description}, period_start = ${p.periodStart}, period_end = ${p.periodEnd}, updated_at = ${p.at}
     where id = ${id}`);
}

export async function touchPlan(tx: Tx, id: string, at: Date) {
  await run(tx, sql`update implementation_plans set updated_at = ${at} where id = ${id}`);
}

/* Action lines. */

export async function linesOf(q: Queryable, planIds: readonly string[]): Promise<ActionLineRow[]> {
  if (planIds.length === 0) return [];
  return run<ActionLineRow>(q, sql`select id, plan_id, number, title, goal from plan_action_lines where plan_id in (${join([...planIds])}) order by number`);
}

export async function findLine(q: Queryable, id: string): Promise<ActionLineRow | undefined> {
  return (await run<ActionLineRow>(q, sql`select id, plan_id, number, title, goal from plan_action_lines where id = ${id}`))[0];
}

export async function insertLine(tx: Tx, l: { planId: string; number: number; title: string; goal: string | null; at: Date }): Promise<string> {
  const rows = await run<{ id: string }>(tx, sql`
    insert into plan_action_lines (plan_id, number, title, goal, created_at, updated_at)
    values (${l.planId}, ${l.number}, ${l.title}, ${l.goal}, ${l.at}, ${l.at}) returning id`);
  return rows[0]!.id;
}

export async function updateLine(tx: Tx, id: string, l: { number: number; title: string; goal: string | null; at: Date }) {
  await run(tx, sql`update plan_action_lines set number = ${l.number}, title = ${l.title}, goal = ${l.goal}, updated_at = ${l.at} where id = ${id}`);
}

export async function deleteLine(tx: Tx, id: string) {
  await run(tx, sql`delete from plan_action_lines where id = ${id}`);
}

/* Activities. */

const selectActivity = sql`
  select a.id, a.action_line_id, a.plan_id, a.number, a.title, a.intended_result, a.responsible_organisation_id, o.name as responsible_organisation_name,
         to_char(a.starts_on, 'YYYY-MM-DD') as starts_on, to_char(a.ends_on, 'YYYY-MM-DD') as ends_on, a.lead_time_unit, a.status
    from plan_activities a
    join organisations o on o.id = a.responsible_organisation_id`;

export async function activitiesOf(q: Queryable, planIds: readonly string[]): Promise<ActivityRow[]> {
  if (planIds.length === 0) return [];
  return run<ActivityRow>(q, sql`${selectActivity} where a.plan_id in (${join([...planIds])}) order by a.number`);
}

export async function findActivity(q: Queryable, id: string): Promise<ActivityRow | undefined> {
  return (await run<ActivityRow>(q, sql`${selectActivity} where a.id = ${id}`))[0];
}

export interface ActivityValues {
  number: number;
  title: string;
  intendedResult: string | null;
  responsibleOrganisationId: string;
  startsOn: string | null;
  endsOn: string | null;
  leadTimeUnit: "date" | "quarter";
}

export async function insertActivity(
  tx: Tx,
  a: ActivityValues & { actionLineId: string; planId: string; status: ActivityStatus; by: string; at: Date },
): Promise<string> {
  const rows = await run<{ id: string }>(tx, sql`
    insert into plan_activities (action_line_id, plan_id, number, title, intended_result, responsible_organisation_id, starts_on, ends_on, lead_time_unit,
      status, status_changed_at, created_by, created_at, updated_at)
    values (${a.actionLineId}, ${a.planId}, ${a.number}, ${a.title}, ${a.intendedResult}, ${a.responsibleOrganisationId}, ${a.startsOn}::date, ${a.endsOn}::date,
      ${a.leadTimeUnit}, ${a.status}, ${a.at}, ${a.by}, ${a.at}, ${a.at})
    returning id`);
  return rows[0]!.id;
}

export async function updateActivity(tx: Tx, id: string, a: ActivityValues & { status: ActivityStatus; statusChanged: boolean; at: Date }) {
  await run(tx, sql`
    update plan_activities set number = ${a.number}, title = ${a.title}, intended_result = ${a.intendedResult},
           responsible_organisation_id = ${a.responsibleOrganisationId}, starts_on = ${a.startsOn}::date, ends_on = ${a.endsOn}::date,
           lead_time_unit = ${a.leadTimeUnit}, status = ${a.status},
           status_changed_at = coalesce(${a.statusChanged ? a.at : null}::timestamptz, status_changed_at), updated_at = ${a.at}
     where id = ${id}`);
}

export async function deleteActivity(tx: Tx, id: string) {
  await run(tx, sql`delete from plan_activities where id = ${id}`);
}

export async function countActivities(q: Queryable, actionLineId: string): Promise<number> {
  const rows = await run<{ n: number }>(q, sql`select count(*)::int as n from plan_activities where action_line_id = ${actionLineId}`);
  return rows[0]?.n ?? 0;
}

export async function usedNumbers(q: Queryable, table: "lines" | "activities", parentId: string): Promise<number[]> {
  const rows = table === "lines"
    ? await run<{ number: number }>(q, sql`select number from plan_action_lines where plan_id = ${parentId}`)
    : await run<{ number: number }>(q, sql`select number from plan_activities where action_line_id = ${parentId}`);
  return rows.map((r) => r.number);
}

/* Partners and budget. */

export async function partnersOf(q: Queryable, activityIds: readonly string[]) {
  if (activityIds.length === 0) return [];
  return run<{ activity_id: string; organisation_id: string; name: string }>(q, sql`
    select ap.activity_id, ap.organisation_id, o.name from plan_activity_partners ap join organisations o on o.id = ap.organisation_id
     where ap.activity_id in (${join([...activityIds])}) order by o.name`);
}

export async function replacePartners(tx: Tx, activityId: string, organisationIds: readonly string[]) {
  await run(tx, sql`delete from plan_activity_partners where activity_id = ${activityId}`);
  for (const organisationId of organisationIds) {
    await run(tx, sql`insert into plan_activity_partners (activity_id, organisation_id) values (${activityId}, ${organisationId})`);
  }
}

export async function budgetsOf(q: Queryable, activityIds: readonly string[]): Promise<BudgetRow[]> {
  if (activityIds.length === 0) return [];
  return run<BudgetRow>(q, sql`
    select activity_id, year, costs::int as costs, cover::int as cover, cover_source, cover_note from plan_activity_budgets
     where activity_id in (${join([...activityIds])}) order by year`);
}

export async function replaceBudget(
  tx: Tx,
  activityId: string,
  lines: readonly { year: number; costs: number; cover: number; coverSource: CoverSource | null; coverNote: string | null }[],
) {
  await run(tx, sql`delete from plan_activity_budgets where activity_id = ${activityId}`);
  for (const l of lines) {
    await run(tx, sql`
      insert into plan_activity_budgets (activity_id, year, costs, cover, cover_source, cover_note)
      values (${activityId}, ${l.year}, ${l.costs}, ${l.cover}, ${l.coverSource}, ${l.coverNote})`);
  }
}

/** The years in which a plan's activities have a budget line: a shorter period must still hold them. */
export async function budgetYearsOfPlan(q: Queryable, planId: string): Promise<number[]> {
  const rows = await run<{ year: number }>(q, sql`
    select distinct b.year from plan_activity_budgets b join plan_activities a on a.id = b.activity_id where a.plan_id = ${planId} order by b.year`);
  return rows.map((r) => r.year);
}

/* Progress. */

export async function progressOf(q: Queryable, activityIds: readonly string[]): Promise<ProgressRow[]> {
  if (activityIds.length === 0) return [];
  return run<ProgressRow>(q, sql`
    select n.id, n.activity_id, n.kind, to_char(n.noted_on, 'YYYY-MM-DD') as noted_on, n.note, n.status_from, n.status_to, n.author_user_id,
           u.display_name_enc as author_name_enc, o.name as author_organisation_name, n.created_at
      from plan_progress_notes n
      join organisations o on o.id = n.author_organisation_id
      left join users u on u.id = n.author_user_id
     where n.activity_id in (${join([...activityIds])})
     order by n.noted_on desc, n.created_at desc`);
}

export async function insertProgress(
  tx: Tx,
  n: { activityId: string; kind: "note" | "status"; notedOn: string; note: string | null; statusFrom: ActivityStatus | null; statusTo: ActivityStatus | null; by: string; organisationId: string; at: Date },
) {
  await run(tx, sql`
    insert into plan_progress_notes (activity_id, kind, noted_on, note, status_from, status_to, author_user_id, author_organisation_id, created_at)
    values (${n.activityId}, ${n.kind}, ${n.notedOn}::date, ${n.note}, ${n.statusFrom}, ${n.statusTo}, ${n.by}, ${n.organisationId}, ${n.at})`);
}

export async function countProgress(q: Queryable, activityId: string): Promise<number> {
  const rows = await run<{ n: number }>(q, sql`select count(*)::int as n from plan_progress_notes where activity_id = ${activityId}`);
  return rows[0]?.n ?? 0;
}

/* Organisations. */

export async function regionOrganisations(q: Queryable, regionId: string) {
  return run<{ id: string; name: string; type: string }>(q, sql`
    select o.id, o.name, o.type from organisations o join region_members rm on rm.organisation_id = o.id
     where rm.region_id = ${regionId} and o.active order by o.name`);
}

export async function organisationOf(q: Queryable, id: string) {
  return (await run<{ id: string; name: string; type: string; is_central_municipality: boolean }>(q, sql`
    select id, name, type, is_central_municipality from organisations where id = ${id}`))[0];
}

export async function regionsByIds(q: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return run<{ id: string; name: string }>(q, sql`select id, name from regions where id in (${join([...ids])}) order by name`);
}
