import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { notFound } from "../../kernel/errors.ts";
import { recordAbilities, type Actor } from "../../kernel/policy/policy.ts";
import { auditActor, fieldError, scopeOf } from "./scope.ts";
import type { offerBody, offerUpdateBody, sessionBody, sessionUpdateBody } from "./training.schema.ts";
import {
  findOffer, findSession, insertOffer, insertSession, listOffers, sessionsOfOffer, updateOffer, updateSession, type OfferRow, type SessionRow,
} from "./training.repository.ts";

/** Training offers of a municipality (CCV e-learning, theme days, awareness sessions, campaigns) and their sessions. */
const PURPOSE = "deskundigheidsbevordering";

export const presentSessionSummary = (s: SessionRow) => ({
  id: s.id, offerId: s.offer_id, startsOn: s.starts_on, endsOn: s.ends_on, place: s.place, participantCount: s.participant_count, trainedCount: s.trained_count,
});

function presentOffer(actor: Actor, f: OfferRow, regionIds: readonly string[], sessions?: SessionRow[]) {
  return {
    id: f.id, municipalityId: f.municipality_id, municipalityName: f.municipality_name, kind: f.kind, title: f.title, provider: f.provider,
    description: f.description, link: f.link, sessionCount: f.session_count, participantCount: f.participant_count,
    ...(sessions ? { sessions: sessions.map(presentSessionSummary) } : {}),
    abilities: recordAbilities(actor, "training", { municipalityId: f.municipality_id, regionIds }),
  };
}

export function listOffersFor(kernel: Kernel, actor: Actor, municipalityId: string | undefined, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const scope = await scopeOf(tx, actor, "list", municipalityId);
    const rows = await listOffers(tx, scope.municipality.id);
    kernel.audit.record(tx, {
      actor: auditActor(actor, scope.role), action: "list", objectType: "training_offer", ownerOrganisationId: scope.municipality.id, purpose: PURPOSE, result: "success",
      clientAddress, details: { count: rows.length },
    });
    return { items: rows.map((f) => presentOffer(actor, f, scope.municipality.regionIds)) };
  });
}

export function createOfferFor(kernel: Kernel, actor: Actor, body: z.infer<typeof offerBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const scope = await scopeOf(tx, actor, "manage", body.municipalityId);
    const id = await insertOffer(tx, {
      municipalityId: scope.municipality.id, kind: body.kind, title: body.title, provider: body.provider ?? null, description: body.description ?? null,
      link: body.link ?? null, by: actor.userId, at: kernel.now(),
    });
    kernel.audit.record(tx, {
      actor: auditActor(actor, scope.role), action: "create", objectType: "training_offer", objectId: id, ownerOrganisationId: scope.municipality.id, purpose: PURPOSE,
      result: "success", clientAddress, details: { kind: body.kind, title: body.title },
    });
    return presentOffer(actor, (await findOffer(tx, id))!, scope.municipality.regionIds, []);
  });
}

export function getOfferFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const offer = await findOffer(tx, id);
    if (!offer) throw notFound();
    const scope = await scopeOf(tx, actor, "read", offer.municipality_id, id);
    const sessions = await sessionsOfOffer(tx, id);
    kernel.audit.record(tx, {
      actor: auditActor(actor, scope.role), action: "read", objectType: "training_offer", objectId: id, ownerOrganisationId: offer.municipality_id, purpose: PURPOSE,
      result: "success", clientAddress, details: { sessions: sessions.length },
    });
    return presentOffer(actor, offer, scope.municipality.regionIds, sessions);
  });
}

export function updateOfferFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof offerUpdateBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const offer = await findOffer(tx, id);
    if (!offer) throw notFound();
    const scope = await scopeOf(tx, actor, "manage", offer.municipality_id, id);
    await updateOffer(tx, id, {
      kind: body.kind ?? offer.kind, title: body.title ?? offer.title,
      provider: body.provider === undefined ? offer.provider : body.provider,
      description: body.description === undefined ? offer.description : body.description,
      link: body.link === undefined ? offer.link : body.link, at: kernel.now(),
    });
    kernel.audit.record(tx, {
      actor: auditActor(actor, scope.role), action: "update", objectType: "training_offer", objectId: id, ownerOrganisationId: offer.municipality_id, purpose: PURPOSE,
      result: "success", clientAddress, details: { fields: Object.keys(body) },
    });
    return presentOffer(actor, (await findOffer(tx, id))!, scope.municipality.regionIds, await sessionsOfOffer(tx, id));
  });
}

function checkDates(startsOn: string, endsOn: string | null) {
  if (endsOn && endsOn < startsOn) throw fieldError("De laatste dag ligt vóór de eerste dag.", "endsOn", "out_of_range", "op of na de eerste dag");
}

export function createSessionFor(kernel: Kernel, actor: Actor, offerId: string, body: z.infer<typeof sessionBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const offer = await findOffer(tx, offerId);
    if (!offer) throw notFound();
    const scope = await scopeOf(tx, actor, "manage", offer.municipality_id, offerId);
    checkDates(body.startsOn, body.endsOn ?? null);
    const id = await insertSession(tx, {
      offerId, municipalityId: offer.municipality_id, startsOn: body.startsOn, endsOn: body.endsOn ?? null, place: body.place ?? null, by: actor.userId, at: kernel.now(),
    });
    kernel.audit.record(tx, {
      actor: auditActor(actor, scope.role), action: "create", objectType: "training_session", objectId: id, ownerOrganisationId: offer.municipality_id, purpose: PURPOSE,
      result: "success", clientAddress, details: { offerId, startsOn: body.startsOn },
    });
    return presentSessionSummary((await findSession(tx, id))!);
  });
}

export function updateSessionFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof sessionUpdateBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const session = await findSession(tx, id);
    if (!session) throw notFound();
    const scope = await scopeOf(tx, actor, "manage", session.municipality_id, id);
    const startsOn = body.startsOn ?? session.starts_on;
    const endsOn = body.endsOn === undefined ? session.ends_on : body.endsOn;
    checkDates(startsOn, endsOn);
    await updateSession(tx, id, { startsOn, endsOn, place: body.place === undefined ? session.place : body.place, at: kernel.now() });
    kernel.audit.record(tx, {
      actor: auditActor(actor, scope.role), action: "update", objectType: "training_session", objectId: id, ownerOrganisationId: session.municipality_id, purpose: PURPOSE,
      result: "success", clientAddress, details: { fields: Object.keys(body) },
    });
    return presentSessionSummary((await findSession(tx, id))!);
  });
}
