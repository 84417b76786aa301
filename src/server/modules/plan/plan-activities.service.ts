import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import type { Tx } from "../../kernel/db.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { AppError, conflict, invalidInput, notFound, type InvalidParam } from "../../kernel/errors.ts";
import type { Actor } from "../../kernel/policy/policy.ts";
import type { activityBody, activityUpdateBody, budgetLineInput, progressNoteBody } from "./implementation-plan.schema.ts";
import { chooseNumber, param, planCommand, type PlanContext } from "./implementation-plan.service.ts";
import {
  countProgress, deleteActivity, findActivity, findLine, insertActivity, insertProgress, regionOrganisations, replaceBudget, replacePartners, updateActivity,
  usedNumbers, type ActivityRow, type PlanRow,
} from "./implementation-plan.repository.ts";
import { statusLabels, type ActivityStatus } from "./plan-codes.ts";
import { canChangeStatus, leadTimeDate } from "./plan-overview.ts";

/**
 * Activities of an action line: intended result, responsible and partner organisations from the plan's region,
 * lead time, status (a whitelist of changes, each appended to the progress), budget per year of the plan's
 * period, and progress notes that are appended and never edited.
 */
type BudgetInput = z.infer<typeof budgetLineInput>;

/** Responsible and partner organisations must belong to the plan's region. */
async function checkOrganisations(tx: Tx, plan: PlanRow, responsibleId: string, partnerIds: readonly string[]) {
  const inRegion = new Set((await regionOrganisations(tx, plan.region_id)).map((o) => o.id));
  const problems: InvalidParam[] = [];
  if (!inRegion.has(responsibleId)) problems.push({ name: "responsibleOrganisationId", code: "not_in_region", reason: "geen organisatie in de regio van het plan" });
  partnerIds.forEach((id, i) => {
    if (!inRegion.has(id)) problems.push({ name: `partnerOrganisationIds.${i}`, code: "not_in_region", reason: "geen organisatie in de regio van het plan" });
    else if (partnerIds.indexOf(id) !== i) problems.push({ name: `partnerOrganisationIds.${i}`, code: "duplicate", reason: "twee keer dezelfde partner" });
  });
  if (problems.length > 0) throw invalidInput("Kies organisaties uit de regio van het plan, elk één keer.", problems);
}

/** Budget lines: years within the period, each year once, a source for any cover. */
function checkBudget(plan: PlanRow, lines: readonly BudgetInput[]) {
  const problems: InvalidParam[] = [];
  lines.forEach((line, i) => {
    if (line.year < plan.period_start || line.year > plan.period_end) {
      problems.push({ name: `budget.${i}.year`, code: "outside_period", reason: `tussen ${plan.period_start} en ${plan.period_end}` });
    } else if (lines.findIndex((l) => l.year === line.year) !== i) {
      problems.push({ name: `budget.${i}.year`, code: "duplicate", reason: "elk jaar één keer" });
    }
    if (line.cover > 0 && !line.coverSource) problems.push({ name: `budget.${i}.coverSource`, code: "required", reason: "verplicht bij dekking" });
  });
  if (problems.length > 0) throw invalidInput(`Geef per jaar van de looptijd (${plan.period_start}–${plan.period_end}) één keer de kosten en de dekking met de bron.`, problems);
  return [...lines]
    .sort((a, b) => a.year - b.year)
    .map((l) => ({ year: l.year, costs: l.costs, cover: l.cover, coverSource: l.cover > 0 || l.coverSource ? (l.coverSource ?? null) : null, coverNote: l.coverNote ?? null }));
}

/** The lead time from what was typed: dates or quarters (both bounds alike), a real date, the end not before the start. */
function leadTime(startsOn: string | null | undefined, endsOn: string | null | undefined) {
  const start = startsOn ? leadTimeDate(startsOn, "start") : null;
  const end = endsOn ? leadTimeDate(endsOn, "end") : null;
  if (startsOn && !start) throw invalidInput("De begindatum bestaat niet.", param("startsOn", "invalid_date", "geen bestaande datum"));
  if (endsOn && !end) throw invalidInput("De einddatum bestaat niet.", param("endsOn", "invalid_date", "geen bestaande datum"));
  if (start && end && start.unit !== end.unit) {
    throw invalidInput("Geef begin en einde allebei als datum of allebei als kwartaal.", param("endsOn", "mixed_lead_time", "zelfde soort als het begin"));
  }
  if (start && end && end.date < start.date) throw invalidInput("Het einde ligt voor het begin.", param("endsOn", "before_start", "niet voor het begin"));
  return { startsOn: start?.date ?? null, endsOn: end?.date ?? null, leadTimeUnit: start?.unit ?? end?.unit ?? ("date" as const) };
}

export function addActivityFor(kernel: Kernel, actor: Actor, lineId: string, body: z.infer<typeof activityBody>, clientAddress: string) {
  return withLine(kernel, lineId, (planId) =>
    planCommand(kernel, actor, planId, "update", clientAddress, async ({ tx, row, now }) => {
      const line = await findLine(tx, lineId);
      if (!line) throw notFound();
      await checkOrganisations(tx, row, body.responsibleOrganisationId, body.partnerOrganisationIds);
      const budget = checkBudget(row, body.budget);
      const lead = leadTime(body.startsOn, body.endsOn);
      const number = chooseNumber(await usedNumbers(tx, "activities", line.id), body.number, "number", "een activiteit");
      const id = await insertActivity(tx, {
        actionLineId: line.id, planId: row.id, number, title: body.title, intendedResult: body.intendedResult ?? null,
        responsibleOrganisationId: body.responsibleOrganisationId, ...lead, status: body.status, by: actor.userId, at: now,
      });
      await replacePartners(tx, id, body.partnerOrganisationIds);
      await replaceBudget(tx, id, budget);
      return { action: "create", objectType: "plan_activity", objectId: id, details: { code: `${line.number}.${number}`, status: body.status, budgetYears: budget.map((b) => b.year) } };
    }),
  );
}

async function withLine<T>(kernel: Kernel, lineId: string, then: (planId: string) => Promise<T>): Promise<T> {
  const line = await findLine(kernel.db, lineId);
  if (!line) throw notFound();
  return then(line.plan_id);
}

/** Finds an activity and runs a change on its plan; unknown or unreadable both answer 404. */
async function activityCommand(
  kernel: Kernel, actor: Actor, activityId: string, clientAddress: string,
  work: (ctx: PlanContext, activity: ActivityRow) => ReturnType<Parameters<typeof planCommand>[5]>,
) {
  const found = await findActivity(kernel.db, activityId);
  if (!found) throw notFound();
  return planCommand(kernel, actor, found.plan_id, "update", clientAddress, async (ctx) => {
    const current = await findActivity(ctx.tx, activityId);
    if (!current) throw notFound();
    return work(ctx, current);
  });
}

export function updateActivityFor(kernel: Kernel, actor: Actor, activityId: string, body: z.infer<typeof activityUpdateBody>, clientAddress: string) {
  return activityCommand(kernel, actor, activityId, clientAddress, async ({ tx, row, now }, a) => {
    const responsible = body.responsibleOrganisationId ?? a.responsible_organisation_id;
    if (body.responsibleOrganisationId || body.partnerOrganisationIds) {
      const partners = body.partnerOrganisationIds ?? [];
      await checkOrganisations(tx, row, responsible, partners);
    }
    const budget = body.budget ? checkBudget(row, body.budget) : null;
    const lead = body.startsOn !== undefined || body.endsOn !== undefined
      ? leadTime(
        body.startsOn === undefined ? reentered(a.starts_on, a.lead_time_unit) : body.startsOn,
        body.endsOn === undefined ? reentered(a.ends_on, a.lead_time_unit) : body.endsOn,
      )
      : { startsOn: a.starts_on, endsOn: a.ends_on, leadTimeUnit: a.lead_time_unit };
    const status = body.status ?? a.status;
    const statusChanged = status !== a.status;
    if (statusChanged && !canChangeStatus(a.status, status)) {
      throw new AppError(409, "transition_not_allowed", "Statuswijziging niet mogelijk",
        `Een activiteit die ${statusLabels[a.status]} is, kan niet ${statusLabels[status]} worden.`, param("status", "transition_not_allowed", "niet vanuit de huidige status"));
    }
    const number = body.number === undefined || body.number === a.number
      ? a.number
      : chooseNumber((await usedNumbers(tx, "activities", a.action_line_id)).filter((n) => n !== a.number), body.number, "number", "een activiteit");
    await updateActivity(tx, a.id, {
      number, title: body.title ?? a.title, intendedResult: body.intendedResult === undefined ? a.intended_result : body.intendedResult,
      responsibleOrganisationId: responsible, ...lead, status, statusChanged, at: now,
    });
    if (body.partnerOrganisationIds) await replacePartners(tx, a.id, body.partnerOrganisationIds);
    if (budget) await replaceBudget(tx, a.id, budget);
    if (statusChanged) await appendProgress(tx, actor, a.id, { kind: "status", notedOn: dutchDate(now), note: null, statusFrom: a.status, statusTo: status, at: now });
    return {
      action: "update", objectType: "plan_activity", objectId: a.id,
      details: { fields: Object.keys(body), ...(statusChanged ? { status: { from: a.status, to: status } } : {}) },
    };
  });
}

/** A stored bound as the client would type it again, so changing only one bound keeps the other's unit. */
function reentered(date: string | null, unit: "date" | "quarter"): string | null {
  if (!date || unit === "date") return date;
  const [y, m] = date.split("-").map(Number) as [number, number];
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

export function deleteActivityFor(kernel: Kernel, actor: Actor, activityId: string, clientAddress: string) {
  return activityCommand(kernel, actor, activityId, clientAddress, async ({ tx }, a) => {
    if ((await countProgress(tx, a.id)) > 0) throw conflict("Deze activiteit heeft voortgang; annuleer haar in plaats van haar te verwijderen.");
    await deleteActivity(tx, a.id);
    return { action: "delete", objectType: "plan_activity", objectId: a.id, details: { title: a.title } };
  });
}

export function addProgressFor(kernel: Kernel, actor: Actor, activityId: string, body: z.infer<typeof progressNoteBody>, clientAddress: string) {
  return activityCommand(kernel, actor, activityId, clientAddress, async ({ tx, now }, a) => {
    const today = dutchDate(now);
    const notedOn = body.notedOn ?? today;
    if (notedOn > today) throw invalidInput("De voortgang ligt in de toekomst.", param("notedOn", "future_date", "vandaag of eerder"));
    await appendProgress(tx, actor, a.id, { kind: "note", notedOn, note: body.note, statusFrom: null, statusTo: null, at: now });
    return { action: "create", objectType: "plan_progress_note", objectId: a.id, details: { notedOn } };
  });
}

function appendProgress(
  tx: Tx, actor: Actor, activityId: string,
  n: { kind: "note" | "status"; notedOn: string; note: string | null; statusFrom: ActivityStatus | null; statusTo: ActivityStatus | null; at: Date },
) {
  return insertProgress(tx, { activityId, ...n, by: actor.userId, organisationId: actor.organisationId });
}
