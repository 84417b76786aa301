import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import type { Tx } from "../../kernel/db.ts";
import { AppError, conflict, invalidInput, notFound, type InvalidParam } from "../../kernel/errors.ts";
import { accessFilter, actingRole, authorize, can, type Actor } from "../../kernel/policy/policy.ts";
import type { ActionOf, Role } from "../../kernel/policy/matrix.ts";
import type { actionLineBody, actionLineUpdateBody, planBody, planUpdateBody } from "./implementation-plan.schema.ts";
import { planFacts, planRefs, presentPlan, presentPlanList, type PlanView } from "./implementation-plan.presenter.ts";
import {
  budgetYearsOfPlan, countActivities, deleteLine, findLine, findPlan, insertLine, insertPlan, listPlans, lockPlan, organisationOf, regionsByIds, touchPlan,
  updateLine, updatePlan, usedNumbers, type PlanRow,
} from "./implementation-plan.repository.ts";

/**
 * The implementation plan (uitvoeringsplan) of a municipality, or of a region kept by its central
 * municipality: the plan itself and its action lines. Every request is one transaction with its policy
 * decision and audit event; activities and progress are in plan-activities.service.ts.
 */
export const PURPOSE = "uitvoeringsplan mensenhandel";
export const auditActor = (actor: Actor, role: Role | null) => ({ userId: actor.userId, organisationId: actor.organisationId, role });
export const param = (name: string, code: string, reason: string): InvalidParam[] => [{ name, code, reason }];

export interface PlanContext {
  tx: Tx;
  row: PlanRow;
  role: Role;
  now: Date;
}

/**
 * One change to a plan: find it, check the policy, lock it, do the work, then answer with the whole plan.
 * `audit` is what the change's event says; the plan's staff names are then shown to the actor as well.
 */
export function planCommand(
  kernel: Kernel,
  actor: Actor,
  planId: string,
  action: ActionOf<"implementation_plan">,
  clientAddress: string,
  work: (ctx: PlanContext) => Promise<{ action: "create" | "update" | "delete"; objectType: string; objectId: string; details: Record<string, unknown> }>,
): Promise<PlanView> {
  return kernel.db.transaction(async (tx) => {
    const found = await findPlan(tx, planId);
    if (!found) throw notFound();
    const role = authorize(actor, action, "implementation_plan", planFacts(found), planRefs(found));
    await lockPlan(tx, found.id);
    const now = kernel.now();
    const event = await work({ tx, row: found, role, now });
    await touchPlan(tx, found.id, now);
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: event.action, objectType: event.objectType, objectId: event.objectId, ownerOrganisationId: found.owner_organisation_id,
      purpose: PURPOSE, result: "success", clientAddress, details: { plan: found.id, ...event.details },
    });
    return answer(kernel, tx, actor, (await findPlan(tx, found.id))!, role, clientAddress);
  });
}

/** The plan as answered, with the read of the staff names it shows in the audit trail. */
async function answer(kernel: Kernel, tx: Tx, actor: Actor, row: PlanRow, role: Role, clientAddress: string): Promise<PlanView> {
  const { view, authors } = await presentPlan(kernel, tx, actor, row);
  kernel.audit.record(tx, {
    actor: auditActor(actor, role), action: "read", objectType: "implementation_plan", ...planRefs(row), purpose: PURPOSE, result: "success", clientAddress,
    details: { staffShown: authors, activities: view.overview.activityCount },
  });
  return view;
}

export function getPlanFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const row = await findPlan(tx, id);
    if (!row) throw notFound();
    const role = authorize(actor, "read", "implementation_plan", planFacts(row), planRefs(row));
    return answer(kernel, tx, actor, row, role, clientAddress);
  });
}

export function listPlansFor(kernel: Kernel, actor: Actor, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const rows = await listPlans(tx, accessFilter(actor, "list", "implementation_plan", "p", kernel.now()));
    kernel.audit.record(tx, {
      actor: auditActor(actor, actingRole(actor, "list", "implementation_plan")), action: "list", objectType: "implementation_plan", purpose: PURPOSE, result: "success", clientAddress,
      details: { count: rows.length },
    });
    return { items: await presentPlanList(kernel, tx, actor, rows), newPlanOptions: await newPlanOptions(tx, actor) };
  });
}

/** Which plans the actor may start: one for their municipality, and a regional one where it is the central municipality. */
async function newPlanOptions(tx: Tx, actor: Actor) {
  const org = await organisationOf(tx, actor.organisationId);
  if (!org || org.type !== "municipality") return [];
  const regions = await regionsByIds(tx, actor.regionIds);
  return regions
    .filter((r) => can(actor, "create", "implementation_plan", { ownerOrganisationId: actor.organisationId, regionId: r.id }))
    .flatMap((r) => [
      { scope: "municipality" as const, region: r },
      ...(org.is_central_municipality ? [{ scope: "region" as const, region: r }] : []),
    ]);
}

function checkPeriod(periodStart: number, periodEnd: number) {
  if (periodEnd < periodStart) throw invalidInput("Het laatste jaar ligt voor het eerste jaar.", param("periodEnd", "before_start", "niet voor het eerste jaar"));
  if (periodEnd - periodStart > 10) throw invalidInput("Een plan loopt hooguit elf jaar.", param("periodEnd", "out_of_range", "hooguit tien jaar na het eerste jaar"));
}

export function createPlanFor(kernel: Kernel, actor: Actor, body: z.infer<typeof planBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const regionId = body.regionId ?? (actor.regionIds.length === 1 ? actor.regionIds[0] : undefined);
    const facts = { ownerOrganisationId: actor.organisationId, regionId: regionId ?? "" };
    const role = authorize(actor, "create", "implementation_plan", facts);
    if (!regionId) throw invalidInput("Kies de regio van het plan.", param("regionId", "required", "uw gemeente werkt in meer regio's"));
    if (!actor.regionIds.includes(regionId)) throw invalidInput("Uw gemeente hoort niet bij deze regio.", param("regionId", "not_member", "niet een regio van uw gemeente"));
    const org = await organisationOf(tx, actor.organisationId);
    if (org?.type !== "municipality") {
      throw new AppError(403, "forbidden", "Geen toestemming", "Alleen een gemeente stelt een uitvoeringsplan op.");
    }
    if (body.scope === "region" && !org.is_central_municipality) {
      throw invalidInput("Een regionaal plan wordt opgesteld door de centrumgemeente van de regio.", param("scope", "not_central_municipality", "uw gemeente is geen centrumgemeente"));
    }
    checkPeriod(body.periodStart, body.periodEnd);
    const now = kernel.now();
    const id = await insertPlan(tx, {
      scope: body.scope, ownerOrganisationId: actor.organisationId, regionId, title: body.title, description: body.description ?? null,
      periodStart: body.periodStart, periodEnd: body.periodEnd, by: actor.userId, at: now,
    });
    const row = (await findPlan(tx, id))!;
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "create", objectType: "implementation_plan", ...planRefs(row), purpose: PURPOSE, result: "success", clientAddress,
      details: { scope: body.scope, period: `${body.periodStart}-${body.periodEnd}` },
    });
    return answer(kernel, tx, actor, row, role, clientAddress);
  });
}

export function updatePlanFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof planUpdateBody>, clientAddress: string) {
  return planCommand(kernel, actor, id, "update", clientAddress, async ({ tx, row, now }) => {
    const periodStart = body.periodStart ?? row.period_start;
    const periodEnd = body.periodEnd ?? row.period_end;
    checkPeriod(periodStart, periodEnd);
    const outside = (await budgetYearsOfPlan(tx, row.id)).filter((y) => y < periodStart || y > periodEnd);
    if (outside.length > 0) {
      throw invalidInput(
        `Er is begroting voor ${outside.join(", ")}: die jaren moeten binnen de looptijd blijven.`,
        param(outside[0]! < periodStart ? "periodStart" : "periodEnd", "budget_outside_period", `begroting in ${outside.join(", ")}`),
      );
    }
    await updatePlan(tx, row.id, {
      title: body.title ?? row.title, description: body.description === undefined ? row.description : body.description, periodStart, periodEnd, at: now,
    });
    return { action: "update", objectType: "implementation_plan", objectId: row.id, details: { fields: Object.keys(body) } };
  });
}

/** The next free number, or the one asked for if it is free. */
export function chooseNumber(used: readonly number[], wanted: number | undefined, field: string, what: string): number {
  if (wanted !== undefined) {
    if (used.includes(wanted)) throw invalidInput(`Er is al ${what} met nummer ${wanted}.`, param(field, "duplicate", "dit nummer is al in gebruik"));
    return wanted;
  }
  const next = Math.max(0, ...used) + 1;
  if (next > 99) throw invalidInput(`Er passen niet meer dan 99 nummers in.`, param(field, "out_of_range", "hoogstens 99"));
  return next;
}

export function addLineFor(kernel: Kernel, actor: Actor, planId: string, body: z.infer<typeof actionLineBody>, clientAddress: string) {
  return planCommand(kernel, actor, planId, "update", clientAddress, async ({ tx, row, now }) => {
    const number = chooseNumber(await usedNumbers(tx, "lines", row.id), body.number, "number", "een actielijn");
    const id = await insertLine(tx, { planId: row.id, number, title: body.title, goal: body.goal ?? null, at: now });
    return { action: "create", objectType: "plan_action_line", objectId: id, details: { number } };
  });
}

/** Finds an action line and its plan for a change: unknown or unreadable both answer 404. */
async function lineCommand(
  kernel: Kernel, actor: Actor, lineId: string, clientAddress: string,
  work: (ctx: PlanContext, line: NonNullable<Awaited<ReturnType<typeof findLine>>>) => ReturnType<Parameters<typeof planCommand>[5]>,
) {
  const line = await findLine(kernel.db, lineId);
  if (!line) throw notFound();
  return planCommand(kernel, actor, line.plan_id, "update", clientAddress, async (ctx) => {
    const current = await findLine(ctx.tx, lineId);
    if (!current) throw notFound();
    return work(ctx, current);
  });
}

export function updateLineFor(kernel: Kernel, actor: Actor, lineId: string, body: z.infer<typeof actionLineUpdateBody>, clientAddress: string) {
  return lineCommand(kernel, actor, lineId, clientAddress, async ({ tx, now }, line) => {
    const number = body.number === undefined || body.number === line.number
      ? line.number
      : chooseNumber((await usedNumbers(tx, "lines", line.plan_id)).filter((n) => n !== line.number), body.number, "number", "een actielijn");
    await updateLine(tx, line.id, { number, title: body.title ?? line.title, goal: body.goal === undefined ? line.goal : body.goal, at: now });
    return { action: "update", objectType: "plan_action_line", objectId: line.id, details: { fields: Object.keys(body) } };
  });
}

export function deleteLineFor(kernel: Kernel, actor: Actor, lineId: string, clientAddress: string) {
  return lineCommand(kernel, actor, lineId, clientAddress, async ({ tx }, line) => {
    if ((await countActivities(tx, line.id)) > 0) throw conflict("Deze actielijn heeft activiteiten; verwijder of verplaats die eerst.");
    await deleteLine(tx, line.id);
    return { action: "delete", objectType: "plan_action_line", objectId: line.id, details: { number: line.number, title: line.title } };
  });
}
