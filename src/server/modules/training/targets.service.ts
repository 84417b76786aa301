import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { notFound } from "../../kernel/errors.ts";
import { recordAbilities, type Actor } from "../../kernel/policy/policy.ts";
import type { TargetStatus } from "./codes.ts";
import { auditActor, fieldError, scopeOf } from "./scope.ts";
import type { coverageQuery, targetBody, targetUpdateBody } from "./training.schema.ts";
import { deleteTarget, findTarget, findTeam, insertTarget, listTargets, targetOn, teamCoverage, updateTarget, type TargetRow } from "./training.repository.ts";

/** Coverage targets per team ("90% of the front office trained by 1 July") and the coverage view against them. */
const PURPOSE = "deskundigheidsbevordering";
const present = (g: TargetRow) => ({ id: g.id, municipalityId: g.municipality_id, teamId: g.team_id, team: g.team, targetPercent: g.target_percent, dueOn: g.due_on });

/** Met when the share is reached; otherwise still due until its date, and missed after. */
export const targetStatus = (percent: number, targetPercent: number, dueOn: string, asOf: string): TargetStatus =>
  percent >= targetPercent ? "met" : dueOn >= asOf ? "due" : "not_met";

export function coverageFor(kernel: Kernel, actor: Actor, query: z.infer<typeof coverageQuery>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const scope = await scopeOf(tx, actor, "read_coverage", query.municipalityId);
    const asOf = query.asOf ?? dutchDate(kernel.now());
    const teams = await teamCoverage(tx, scope.municipality.id, asOf);
    const targets = await listTargets(tx, scope.municipality.id);
    kernel.audit.record(tx, {
      actor: auditActor(actor, scope.role), action: "read", objectType: "training_coverage", ownerOrganisationId: scope.municipality.id, purpose: PURPOSE, result: "success",
      clientAddress, details: { asOf, teams: teams.length },
    });
    return {
      municipalityId: scope.municipality.id, municipalityName: scope.municipality.name, asOf,
      teams: teams.map((t) => {
        const percent = Number(t.percent);
        return {
          teamId: t.id, team: t.name, staffCount: t.staff_count, trainedCount: t.trained_count, percent,
          targets: targets.filter((g) => g.team_id === t.id).map((g) => ({ id: g.id, targetPercent: g.target_percent, dueOn: g.due_on, status: targetStatus(percent, g.target_percent, g.due_on, asOf) })),
        };
      }),
      abilities: recordAbilities(actor, "training", scope.facts),
    };
  });
}

export function createTargetFor(kernel: Kernel, actor: Actor, body: z.infer<typeof targetBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const team = await findTeam(tx, body.teamId);
    if (!team) throw notFound();
    const scope = await scopeOf(tx, actor, "manage", team.municipality_id, team.id);
    if (await targetOn(tx, team.id, body.dueOn, null)) throw fieldError("Dit team heeft al een doel op deze datum.", "dueOn", "duplicate", "al een doel op deze datum");
    const id = await insertTarget(tx, { municipalityId: team.municipality_id, teamId: team.id, targetPercent: body.targetPercent, dueOn: body.dueOn, by: actor.userId, at: kernel.now() });
    kernel.audit.record(tx, {
      actor: auditActor(actor, scope.role), action: "create", objectType: "training_target", objectId: id, ownerOrganisationId: team.municipality_id, purpose: PURPOSE,
      result: "success", clientAddress, details: { team: team.name, targetPercent: body.targetPercent, dueOn: body.dueOn },
    });
    return present((await findTarget(tx, id))!);
  });
}

export function updateTargetFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof targetUpdateBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const target = await findTarget(tx, id);
    if (!target) throw notFound();
    const scope = await scopeOf(tx, actor, "manage", target.municipality_id, id);
    const dueOn = body.dueOn ?? target.due_on;
    if (await targetOn(tx, target.team_id, dueOn, id)) throw fieldError("Dit team heeft al een doel op deze datum.", "dueOn", "duplicate", "al een doel op deze datum");
    await updateTarget(tx, id, { targetPercent: body.targetPercent ?? target.target_percent, dueOn, at: kernel.now() });
    kernel.audit.record(tx, {
      actor: auditActor(actor, scope.role), action: "update", objectType: "training_target", objectId: id, ownerOrganisationId: target.municipality_id, purpose: PURPOSE,
      result: "success", clientAddress, details: { from: { targetPercent: target.target_percent, dueOn: target.due_on }, to: { targetPercent: body.targetPercent ?? target.target_percent, dueOn } },
    });
    return present((await findTarget(tx, id))!);
  });
}

export function deleteTargetFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const target = await findTarget(tx, id);
    if (!target) throw notFound();
    const scope = await scopeOf(tx, actor, "manage", target.municipality_id, id);
    await deleteTarget(tx, id);
    kernel.audit.record(tx, {
      actor: auditActor(actor, scope.role), action: "delete", objectType: "training_target", objectId: id, ownerOrganisationId: target.municipality_id, purpose: PURPOSE,
      result: "success", clientAddress, details: { team: target.team, targetPercent: target.target_percent, dueOn: target.due_on },
    });
  });
}

