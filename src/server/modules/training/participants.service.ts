import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import type { Queryable } from "../../kernel/db.ts";
import { notFound } from "../../kernel/errors.ts";
import { recordAbilities, type Actor } from "../../kernel/policy/policy.ts";
import { defaultCompletion } from "./codes.ts";
import { presentSessionSummary } from "./offers.service.ts";
import { auditActor, fieldError, scopeOf, type Scope } from "./scope.ts";
import type { participantBody, participantUpdateBody } from "./training.schema.ts";
import {
  deleteParticipant, findParticipant, findSession, findTeam, insertParticipants, nameHashesOf, participantsOf, updateParticipant, type ParticipantRow,
} from "./training.repository.ts";

/**
 * A session with its participants, and single changes to them. Participants are staff: their names and e-mail
 * addresses are decrypted only here and in the import preview, and every read or change is in the audit trail.
 */
const PURPOSE = "deskundigheidsbevordering";
export const subjectRef = (id: string) => `training_participant:${id}`;

function presentParticipant(kernel: Kernel, p: ParticipantRow) {
  return {
    id: p.id, sessionId: p.session_id, name: kernel.crypto.decrypt("training_participants.name", p.name_enc),
    email: kernel.crypto.decryptOptional("training_participants.email", p.email_enc), teamId: p.team_id, team: p.team, completion: p.completion,
    completedOn: p.completed_on, createdAt: new Date(p.created_at).toISOString(),
  };
}

/** The session as its page shows it; the caller has authorised and audits. */
export async function presentSession(kernel: Kernel, q: Queryable, actor: Actor, id: string, scope: Scope) {
  const session = (await findSession(q, id))!;
  const participants = await participantsOf(q, id);
  return {
    ...presentSessionSummary(session),
    offer: { id: session.offer_id, kind: session.offer_kind, title: session.offer_title, provider: session.offer_provider },
    municipalityId: session.municipality_id, municipalityName: session.municipality_name,
    participants: participants.map((p) => presentParticipant(kernel, p)),
    abilities: recordAbilities(actor, "training", scope.facts),
  };
}

export function getSessionFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const session = await findSession(tx, id);
    if (!session) throw notFound();
    const scope = await scopeOf(tx, actor, "read", session.municipality_id, id);
    const result = await presentSession(kernel, tx, actor, id, scope);
    kernel.audit.record(tx, {
      actor: auditActor(actor, scope.role), action: "read", objectType: "training_session", objectId: id, ownerOrganisationId: session.municipality_id, purpose: PURPOSE,
      result: "success", clientAddress, details: { participants: result.participants.map((p) => subjectRef(p.id)) },
    });
    return result;
  });
}

async function teamOfMunicipality(q: Queryable, teamId: string, municipalityId: string) {
  const team = await findTeam(q, teamId);
  if (!team || team.municipality_id !== municipalityId) throw fieldError("Kies een team van de gemeente.", "teamId", "unknown_team", "geen team van de gemeente");
  return team;
}

export function addParticipantFor(kernel: Kernel, actor: Actor, sessionId: string, body: z.infer<typeof participantBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const session = await findSession(tx, sessionId);
    if (!session) throw notFound();
    const scope = await scopeOf(tx, actor, "manage", session.municipality_id, sessionId);
    await teamOfMunicipality(tx, body.teamId, session.municipality_id);
    const nameHash = kernel.crypto.blindIndex("name", body.name);
    if ((await nameHashesOf(tx, sessionId)).has(nameHash)) {
      throw fieldError("Deze persoon staat al op de deelnemerslijst van deze sessie.", "name", "already_participant", "staat al op de lijst");
    }
    if (body.completedOn && body.completedOn < session.starts_on) {
      throw fieldError("De datum van afronding ligt vóór de sessie.", "completedOn", "out_of_range", "op of na de eerste dag van de sessie");
    }
    const [id] = await insertParticipants(tx, [{
      sessionId, municipalityId: session.municipality_id, teamId: body.teamId, nameEnc: kernel.crypto.encrypt("training_participants.name", body.name), nameHash,
      emailEnc: kernel.crypto.encryptOptional("training_participants.email", body.email), completion: body.completion ?? defaultCompletion(session.offer_kind),
      completedOn: body.completedOn ?? null,
    }], actor.userId, kernel.now());
    kernel.audit.record(tx, {
      actor: auditActor(actor, scope.role), action: "create", objectType: "training_participant", objectId: id, ownerOrganisationId: session.municipality_id,
      dataSubjectRef: subjectRef(id!), purpose: PURPOSE, result: "success", clientAddress, details: { sessionId },
    });
    return presentSession(kernel, tx, actor, sessionId, scope);
  });
}

export function updateParticipantFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof participantUpdateBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const participant = await findParticipant(tx, id);
    if (!participant) throw notFound();
    const scope = await scopeOf(tx, actor, "manage", participant.municipality_id, id);
    if (body.teamId) await teamOfMunicipality(tx, body.teamId, participant.municipality_id);
    await updateParticipant(tx, id, {
      teamId: body.teamId ?? participant.team_id, completion: body.completion ?? participant.completion,
      completedOn: body.completedOn === undefined ? participant.completed_on : body.completedOn, at: kernel.now(),
    });
    kernel.audit.record(tx, {
      actor: auditActor(actor, scope.role), action: "update", objectType: "training_participant", objectId: id, ownerOrganisationId: participant.municipality_id,
      dataSubjectRef: subjectRef(id), purpose: PURPOSE, result: "success", clientAddress, details: { fields: Object.keys(body), completion: body.completion ?? participant.completion },
    });
    return presentSession(kernel, tx, actor, participant.session_id, scope);
  });
}

export function removeParticipantFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const participant = await findParticipant(tx, id);
    if (!participant) throw notFound();
    const scope = await scopeOf(tx, actor, "manage", participant.municipality_id, id);
    await deleteParticipant(tx, id);
    kernel.audit.record(tx, {
      actor: auditActor(actor, scope.role), action: "delete", objectType: "training_participant", objectId: id, ownerOrganisationId: participant.municipality_id,
      dataSubjectRef: subjectRef(id), purpose: PURPOSE, result: "success", clientAddress, details: { sessionId: participant.session_id },
    });
    return presentSession(kernel, tx, actor, participant.session_id, scope);
  });
}

