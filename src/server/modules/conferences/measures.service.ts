import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { invalidInput, notFound } from "../../kernel/errors.ts";
import { accessFilter, actingRole, authorize, recordAbilities, type Actor } from "../../kernel/policy/policy.ts";
import { locationHash } from "../signals/intake.ts";
import { postcodeSchema } from "../signals/signals.schema.ts";
import type { locationHistoryQuery, measureBody, measureListQuery, measureUpdateBody } from "./conferences.schema.ts";
import { findMeasure, insertMeasure, listMeasures, signalsAt, updateMeasure, type MeasureRow } from "./measures.repository.ts";
import { auditActor } from "./meetings.service.ts";

/**
 * The municipality's register of administrative measures against locations and businesses (housing
 * inspections, prostitution controls, Bibob, closures, permits, fines), and a place's history: the signals
 * about it and the measures taken, for the focal officer (the barrier approach).
 */
const field = (name: string, code: string, reason: string) => [{ name, code, reason }];
const refs = (m: Pick<MeasureRow, "id" | "municipality_id">) => ({ objectId: m.id, ownerOrganisationId: m.municipality_id });

async function presentMeasures(kernel: Kernel, q: Parameters<typeof signalsAt>[0], actor: Actor, rows: MeasureRow[]) {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.municipality_id}|${row.location_hash}`;
    if (!counts.has(key)) counts.set(key, (await signalsAt(q, row.municipality_id, row.location_hash)).length);
  }
  return rows.map((m) => ({
    id: m.id,
    municipalityId: m.municipality_id,
    municipalityName: m.municipality_name,
    subjectKind: m.subject_kind,
    location: JSON.parse(kernel.crypto.decrypt("administrative_measures.location", m.location_enc)) as Record<string, unknown>,
    kind: m.kind,
    decisionId: m.decision_id,
    meetingReference: m.meeting_reference,
    decidedOn: m.decided_on,
    outcome: m.outcome,
    outcomeOn: m.outcome_on,
    note: kernel.crypto.decryptOptional("administrative_measures.note", m.note_enc),
    otherSignals: counts.get(`${m.municipality_id}|${m.location_hash}`) ?? 0,
    abilities: recordAbilities(actor, "administrative_measure", { municipalityId: m.municipality_id }),
  }));
}

function checkOutcome(outcome: string, outcomeOn: string | undefined, decidedOn: string, today: string) {
  if (outcome === "pending" && outcomeOn) throw invalidInput("Een lopende maatregel heeft nog geen uitkomstdatum.", field("outcomeOn", "not_allowed", "alleen bij een uitkomst"));
  if (outcome !== "pending" && !outcomeOn) throw invalidInput("Geef de datum van de uitkomst.", field("outcomeOn", "required", "verplicht bij een uitkomst"));
  if (outcomeOn && (outcomeOn < decidedOn || outcomeOn > today)) throw invalidInput("De uitkomst ligt tussen het besluit en vandaag.", field("outcomeOn", "out_of_range", "tussen besluit en vandaag"));
}

export function createMeasureFor(kernel: Kernel, actor: Actor, body: z.infer<typeof measureBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const role = authorize(actor, "create", "administrative_measure", { municipalityId: actor.organisationId });
    const now = kernel.now();
    const today = dutchDate(now);
    if (body.decidedOn > today) throw invalidInput("Het besluit ligt in de toekomst.", field("decidedOn", "future_date", "vandaag of eerder"));
    checkOutcome(body.outcome, body.outcomeOn, body.decidedOn, today);
    const id = await insertMeasure(tx, {
      municipalityId: actor.organisationId, subjectKind: body.location.kind, locationEnc: kernel.crypto.encrypt("administrative_measures.location", JSON.stringify(body.location)),
      locationHash: locationHash(kernel, body.location)!, kind: body.kind, decisionId: null, decidedOn: body.decidedOn, outcome: body.outcome,
      outcomeOn: body.outcomeOn ?? null, noteEnc: kernel.crypto.encryptOptional("administrative_measures.note", body.note), by: actor.userId, at: now,
    });
    const row = (await findMeasure(tx, id))!;
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "create", objectType: "administrative_measure", ...refs(row), purpose: "barrièremodel", result: "success", clientAddress,
      details: { kind: body.kind, subjectKind: body.location.kind, outcome: body.outcome },
    });
    return (await presentMeasures(kernel, tx, actor, [row]))[0]!;
  });
}

export function updateMeasureFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof measureUpdateBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const row = await findMeasure(tx, id);
    if (!row) throw notFound();
    const role = authorize(actor, "update", "administrative_measure", { municipalityId: row.municipality_id }, refs(row));
    const now = kernel.now();
    checkOutcome(body.outcome, body.outcomeOn, row.decided_on, dutchDate(now));
    await updateMeasure(tx, row.id, {
      outcome: body.outcome, outcomeOn: body.outcomeOn ?? null,
      noteEnc: body.note !== undefined ? kernel.crypto.encrypt("administrative_measures.note", body.note) : row.note_enc, at: now,
    });
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "update", objectType: "administrative_measure", ...refs(row), purpose: "barrièremodel", result: "success", clientAddress,
      details: { from: row.outcome, to: body.outcome },
    });
    return (await presentMeasures(kernel, tx, actor, [(await findMeasure(tx, id))!]))[0]!;
  });
}

export function listMeasuresFor(kernel: Kernel, actor: Actor, query: z.infer<typeof measureListQuery>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const { rows, total } = await listMeasures(tx, {
      access: accessFilter(actor, "list", "administrative_measure", "am", kernel.now()),
      outcome: query.outcome,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    kernel.audit.record(tx, {
      actor: auditActor(actor, actingRole(actor, "list", "administrative_measure")), action: "list", objectType: "administrative_measure", result: "success", clientAddress,
      details: { count: rows.length, total, outcome: query.outcome ?? null },
    });
    return { items: await presentMeasures(kernel, tx, actor, rows), total, page: query.page, pageSize: query.pageSize };
  });
}

/** A place's history in the actor's municipality: the signals about it and the measures taken, by keyed hash. */
export function locationHistoryFor(kernel: Kernel, actor: Actor, query: z.infer<typeof locationHistoryQuery>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const role = authorize(actor, "list", "administrative_measure", { municipalityId: actor.organisationId });
    let hash: string;
    if (query.kvkNumber) {
      hash = locationHash(kernel, { kind: "business", kvkNumber: query.kvkNumber, name: undefined })!;
    } else {
      const postcode = postcodeSchema.safeParse(query.postcode ?? "");
      if (!postcode.success || !query.houseNumber) {
        throw invalidInput("Zoek op postcode en huisnummer, of op KvK-nummer.", field(postcode.success ? "houseNumber" : "postcode", "required", "postcode en huisnummer, of KvK-nummer"));
      }
      hash = locationHash(kernel, {
        kind: "address", postcode: postcode.data, houseNumber: query.houseNumber, houseLetter: query.houseLetter?.toUpperCase(), addition: query.addition,
        street: undefined, city: undefined,
      })!;
    }
    const signals = await signalsAt(tx, actor.organisationId, hash);
    const { rows } = await listMeasures(tx, { access: accessFilter(actor, "list", "administrative_measure", "am", kernel.now()), locationHash: hash, limit: 200, offset: 0 });
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "search", objectType: "location_history", ownerOrganisationId: actor.organisationId, purpose: "barrièremodel", result: "success", clientAddress,
      // The address searched for is not logged; what was shown is.
      details: { signals: signals.map((s) => s.reference), measures: rows.length },
    });
    return {
      signals: signals.map((s) => ({
        id: s.id, reference: s.reference, status: s.status, receivedAt: new Date(s.received_at).toISOString(),
        exploitationForms: (Array.isArray(s.exploitation_forms) ? s.exploitation_forms : JSON.parse(String(s.exploitation_forms))) as string[],
      })),
      measures: await presentMeasures(kernel, tx, actor, rows),
    };
  });
}
