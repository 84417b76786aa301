import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import type { Tx } from "../../kernel/db.ts";
import { AppError, invalidInput, notFound } from "../../kernel/errors.ts";
import type { Role } from "../../kernel/policy/matrix.ts";
import { AccessDenied, accessFilter, actingRole, authorize, recordAbilities, type Actor, type MunicipalityFacts } from "../../kernel/policy/policy.ts";
import {
  currentAssignmentOf, currentAssignments, endAssignment, findCurrentAssignment, findMunicipality, insertAssignment, officerCandidates,
  substituteCandidates, updateAssignment, visibleMunicipalities, type AssignmentRow, type MunicipalityRow,
} from "./focal-officers.repository.ts";
import type { Coverage, createBody, Domain, municipalityOfficersSchema, overviewQuery, updateBody } from "./focal-officers.schema.ts";

/**
 * Focal officers per municipality (Zevenaar 3.2.1 and 4.2.4): the administrator names users of the municipality
 * who hold the focal_officer role, each for a domain and with a substitute; the region's overview shows every
 * municipality with its focal officers and how well it is covered. Names are staff data: every list is audited.
 */
const PURPOSE = "aandachtsfunctionarissen";
const auditActor = (actor: Actor, role: Role | null) => ({ userId: actor.userId, organisationId: actor.organisationId, role });
const facts = (m: Pick<MunicipalityRow, "id" | "region_ids">): MunicipalityFacts => ({ municipalityId: m.id, municipalityRegionIds: m.region_ids });
const field = (name: string, code: string, reason: string) => [{ name, code, reason }];

/** How a municipality is covered by the officers who count. */
export function coverageOf(domains: readonly Domain[]): Coverage {
  if (domains.length === 0) return "none";
  if (domains.length === 1) return "one";
  return new Set(domains).size === 2 ? "complete" : "one_domain";
}

type MunicipalityOfficers = z.infer<typeof municipalityOfficersSchema>;

function present(kernel: Kernel, actor: Actor, m: { id: string; name: string; region_ids: string[] }, rows: readonly AssignmentRow[]): MunicipalityOfficers {
  const name = (enc: string | null) => kernel.crypto.decryptOptional("users.display_name", enc);
  const abilities = recordAbilities(actor, "focal_officer_assignment", facts(m));
  const officers = rows
    .filter((r) => r.municipality_id === m.id)
    .map((r) => ({
      id: r.id,
      municipalityId: r.municipality_id,
      userId: r.user_id,
      name: name(r.name_enc),
      domain: r.domain,
      current: r.current,
      substitute: r.substitute_user_id
        ? {
            userId: r.substitute_user_id,
            name: name(r.substitute_name_enc),
            municipalityId: r.substitute_municipality_id!,
            municipalityName: r.substitute_municipality_name!,
            current: Boolean(r.substitute_current),
          }
        : null,
      namedAt: new Date(r.created_at).toISOString(),
      abilities: { update: Boolean(abilities.update), end: Boolean(abilities.end) },
    }));
  const counting = officers.filter((o) => o.current).map((o) => o.domain);
  return {
    municipalityId: m.id,
    municipalityName: m.name,
    officers,
    count: counting.length,
    domains: [...new Set(counting)].sort(),
    coverage: coverageOf(counting),
    abilities: { create: Boolean(abilities.create) },
  };
}

/** The people shown for a municipality (officers and substitutes), for the audit event. */
const peopleShown = (m: MunicipalityOfficers) => [...new Set(m.officers.flatMap((o) => [o.userId, ...(o.substitute ? [o.substitute.userId] : [])]))];

function recordListed(kernel: Kernel, tx: Tx, actor: Actor, role: Role | null, entries: readonly MunicipalityOfficers[], clientAddress: string) {
  for (const entry of entries) {
    const userIds = peopleShown(entry);
    if (userIds.length === 0) continue;
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "list", objectType: "focal_officer_assignment", ownerOrganisationId: entry.municipalityId, purpose: PURPOSE,
      result: "success", clientAddress, details: { count: entry.officers.length, userIds },
    });
  }
}

/** The region's overview: every municipality the actor may see, by region, with its focal officers. */
export function overviewFor(kernel: Kernel, actor: Actor, query: z.infer<typeof overviewQuery>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const regions = [...new Set([...actor.regionIds, ...actor.adminRegionIds])];
    if (query.regionId && !regions.includes(query.regionId)) throw notFound();
    const role = actingRole(actor, "list", "focal_officer_assignment");
    if (!role) throw refused(actor, "list");
    const rows = await visibleMunicipalities(tx, query.regionId ? [query.regionId] : regions, accessFilter(actor, "list", "focal_officer_assignment", "m", kernel.now()));
    const assignments = await currentAssignments(tx, [...new Set(rows.map((r) => r.municipality_id))]);
    const byRegion = new Map<string, { regionId: string; regionName: string; municipalities: MunicipalityOfficers[] }>();
    const entries = new Map<string, MunicipalityOfficers>();
    for (const row of rows) {
      const entry = entries.get(row.municipality_id) ?? present(kernel, actor, { id: row.municipality_id, name: row.municipality_name, region_ids: row.region_ids }, assignments);
      entries.set(row.municipality_id, entry);
      const region = byRegion.get(row.region_id) ?? { regionId: row.region_id, regionName: row.region_name, municipalities: [] };
      region.municipalities.push(entry);
      byRegion.set(row.region_id, region);
    }
    recordListed(kernel, tx, actor, role, [...entries.values()], clientAddress);
    return { regions: [...byRegion.values()] };
  });
}

function refused(actor: Actor, attempted: string, ownerOrganisationId?: string) {
  return new AccessDenied(403, {
    actor: auditActor(actor, actor.roles[0] ?? null), action: "access_denied", objectType: "focal_officer_assignment", ownerOrganisationId, result: "denied",
    details: { attempted },
  });
}

async function municipalityFor(tx: Tx, id: string): Promise<MunicipalityRow> {
  const m = await findMunicipality(tx, id);
  if (!m) throw notFound();
  return m;
}

async function checkSubstitute(tx: Tx, m: MunicipalityRow, officerId: string, substituteId: string | null | undefined) {
  if (!substituteId) return;
  if (substituteId === officerId) {
    throw invalidInput("De vervanger is iemand anders dan de aandachtsfunctionaris zelf.", field("substituteUserId", "same_as_officer", "kies een andere aandachtsfunctionaris"));
  }
  const candidates = await substituteCandidates(tx, m.region_ids);
  if (!candidates.some((c) => c.id === substituteId)) {
    throw invalidInput(
      "De vervanger moet aandachtsfunctionaris zijn bij deze of een andere gemeente in de regio.",
      field("substituteUserId", "not_a_focal_officer", "geen aandachtsfunctionaris in de regio"),
    );
  }
}

async function afterChange(kernel: Kernel, tx: Tx, actor: Actor, m: MunicipalityRow) {
  return present(kernel, actor, m, await currentAssignments(tx, [m.id]));
}

/** Names a focal officer of the municipality for a domain, with an optional substitute. */
export function createFor(kernel: Kernel, actor: Actor, municipalityId: string, body: z.infer<typeof createBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const m = await municipalityFor(tx, municipalityId);
    const role = authorize(actor, "create", "focal_officer_assignment", facts(m), { objectId: m.id, ownerOrganisationId: m.id });
    const officers = await officerCandidates(tx, m.id);
    if (!officers.some((o) => o.id === body.userId)) {
      throw invalidInput(
        "Kies een medewerker van deze gemeente met de rol aandachtsfunctionaris.",
        field("userId", "not_a_focal_officer", "geen aandachtsfunctionaris van deze gemeente"),
      );
    }
    if (await currentAssignmentOf(tx, m.id, body.userId)) {
      throw new AppError(409, "conflict", "Al benoemd", "Deze medewerker is al aandachtsfunctionaris van de gemeente.", field("userId", "already_named", "al benoemd"));
    }
    await checkSubstitute(tx, m, body.userId, body.substituteUserId);
    const id = await insertAssignment(tx, {
      municipalityId: m.id, userId: body.userId, domain: body.domain, substituteUserId: body.substituteUserId ?? null, by: actor.userId, at: kernel.now(),
    });
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "create", objectType: "focal_officer_assignment", objectId: id, ownerOrganisationId: m.id,
      dataSubjectRef: `user:${body.userId}`, purpose: PURPOSE, result: "success", clientAddress,
      details: { domain: body.domain, substituteUserId: body.substituteUserId ?? null },
    });
    const entry = await afterChange(kernel, tx, actor, m);
    recordListed(kernel, tx, actor, role, [entry], clientAddress);
    return entry;
  });
}

async function assignmentFor(tx: Tx, actor: Actor, id: string, action: "update" | "end") {
  const row = await findCurrentAssignment(tx, id);
  if (!row) throw notFound();
  const m = await municipalityFor(tx, row.municipality_id);
  const role = authorize(actor, action, "focal_officer_assignment", facts(m), { objectId: row.id, ownerOrganisationId: m.id, dataSubjectRef: `user:${row.user_id}` });
  return { row, m, role };
}

/** Changes the domain or the substitute of a focal officer. */
export function updateFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof updateBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const { row, m, role } = await assignmentFor(tx, actor, id, "update");
    const substituteUserId = body.substituteUserId === undefined ? row.substitute_user_id : body.substituteUserId;
    if (body.substituteUserId) await checkSubstitute(tx, m, row.user_id, body.substituteUserId);
    const domain = body.domain ?? row.domain;
    await updateAssignment(tx, row.id, { domain, substituteUserId, at: kernel.now() });
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "update", objectType: "focal_officer_assignment", objectId: row.id, ownerOrganisationId: m.id,
      dataSubjectRef: `user:${row.user_id}`, purpose: PURPOSE, result: "success", clientAddress,
      details: { domain: { from: row.domain, to: domain }, substituteUserId: { from: row.substitute_user_id, to: substituteUserId } },
    });
    const entry = await afterChange(kernel, tx, actor, m);
    recordListed(kernel, tx, actor, role, [entry], clientAddress);
    return entry;
  });
}

/** Ends a focal officer's assignment; the row stays, so it is known who was focal officer when. */
export function endFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const { row, m, role } = await assignmentFor(tx, actor, id, "end");
    await endAssignment(tx, row.id, actor.userId, kernel.now());
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "delete", objectType: "focal_officer_assignment", objectId: row.id, ownerOrganisationId: m.id,
      dataSubjectRef: `user:${row.user_id}`, purpose: PURPOSE, result: "success", clientAddress, details: { domain: row.domain },
    });
    const entry = await afterChange(kernel, tx, actor, m);
    recordListed(kernel, tx, actor, role, [entry], clientAddress);
    return entry;
  });
}

/** Who the administrator can name (the municipality's focal officers) and who can stand in (the region's). */
export function candidatesFor(kernel: Kernel, actor: Actor, municipalityId: string, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const m = await municipalityFor(tx, municipalityId);
    const role = authorize(actor, "create", "focal_officer_assignment", facts(m), { objectId: m.id, ownerOrganisationId: m.id });
    const name = (enc: string | null) => kernel.crypto.decryptOptional("users.display_name", enc);
    const byName = <T extends { name: string | null }>(a: T, b: T) => (a.name ?? "").localeCompare(b.name ?? "", "nl");
    const officers = (await officerCandidates(tx, m.id)).map((u) => ({ userId: u.id, name: name(u.name_enc), named: u.named })).sort(byName);
    const substitutes = (await substituteCandidates(tx, m.region_ids))
      .map((u) => ({ userId: u.id, name: name(u.name_enc), municipalityId: u.organisation_id, municipalityName: u.organisation_name }))
      .sort((a, b) => (a.municipalityId === m.id ? 0 : 1) - (b.municipalityId === m.id ? 0 : 1) || a.municipalityName.localeCompare(b.municipalityName, "nl") || byName(a, b));
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "list", objectType: "user", ownerOrganisationId: m.id, purpose: PURPOSE, result: "success", clientAddress,
      details: { officers: officers.length, substitutes: substitutes.length },
    });
    return { officers, substitutes };
  });
}
