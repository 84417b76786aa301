import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { notFound } from "../../kernel/errors.ts";
import { accessFilter, actingRole, recordAbilities, type Actor } from "../../kernel/policy/policy.ts";
import { auditActor, fieldError, scopeOf } from "./scope.ts";
import type { teamBody, teamUpdateBody } from "./training.schema.ts";
import { findTeam, insertTeam, listMunicipalities, listTeams, teamNamed, updateTeam, type TeamRow } from "./training.repository.ts";

/** The teams of a municipality with their staff count (the denominators of coverage), and which municipalities one may open. */
const present = (t: TeamRow) => ({ id: t.id, municipalityId: t.municipality_id, name: t.name, staffCount: t.staff_count });
const PURPOSE = "deskundigheidsbevordering";

export function listTrainingMunicipalitiesFor(kernel: Kernel, actor: Actor, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const rows = await listMunicipalities(tx, accessFilter(actor, "read_coverage", "training", "m", kernel.now()));
    kernel.audit.record(tx, {
      actor: auditActor(actor, actingRole(actor, "read_coverage", "training")), action: "list", objectType: "training_municipality", result: "success", clientAddress,
      details: { count: rows.length },
    });
    return {
      items: rows.map((r) => ({ id: r.municipality_id, name: r.name, abilities: recordAbilities(actor, "training", { municipalityId: r.municipality_id, regionIds: r.region_ids }) })),
    };
  });
}

export function listTeamsFor(kernel: Kernel, actor: Actor, municipalityId: string | undefined, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const scope = await scopeOf(tx, actor, "read_coverage", municipalityId);
    const rows = await listTeams(tx, scope.municipality.id);
    kernel.audit.record(tx, {
      actor: auditActor(actor, scope.role), action: "list", objectType: "training_team", ownerOrganisationId: scope.municipality.id, purpose: PURPOSE, result: "success", clientAddress,
      details: { count: rows.length },
    });
    return { items: rows.map(present) };
  });
}

export function createTeamFor(kernel: Kernel, actor: Actor, body: z.infer<typeof teamBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const scope = await scopeOf(tx, actor, "manage", body.municipalityId);
    if (await teamNamed(tx, scope.municipality.id, body.name, null)) throw fieldError("De gemeente heeft al een team met deze naam.", "name", "duplicate", "bestaat al");
    const id = await insertTeam(tx, { municipalityId: scope.municipality.id, name: body.name, staffCount: body.staffCount, by: actor.userId, at: kernel.now() });
    kernel.audit.record(tx, {
      actor: auditActor(actor, scope.role), action: "create", objectType: "training_team", objectId: id, ownerOrganisationId: scope.municipality.id, purpose: PURPOSE,
      result: "success", clientAddress, details: { name: body.name, staffCount: body.staffCount },
    });
    return present((await findTeam(tx, id))!);
  });
}

export function updateTeamFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof teamUpdateBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const team = await findTeam(tx, id);
    if (!team) throw notFound();
    const scope = await scopeOf(tx, actor, "manage", team.municipality_id, id);
    const name = body.name ?? team.name;
    if (await teamNamed(tx, team.municipality_id, name, id)) throw fieldError("De gemeente heeft al een team met deze naam.", "name", "duplicate", "bestaat al");
    await updateTeam(tx, id, { name, staffCount: body.staffCount ?? team.staff_count, at: kernel.now() });
    kernel.audit.record(tx, {
      actor: auditActor(actor, scope.role), action: "update", objectType: "training_team", objectId: id, ownerOrganisationId: team.municipality_id, purpose: PURPOSE,
      result: "success", clientAddress, details: { from: { name: team.name, staffCount: team.staff_count }, to: { name, staffCount: body.staffCount ?? team.staff_count } },
    });
    return present((await findTeam(tx, id))!);
  });
}
