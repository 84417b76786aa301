import { createHash } from "node:crypto";
import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { canonicalJson } from "../../kernel/audit.ts";
import type { Tx } from "../../kernel/db.ts";
import { AppError, invalidInput } from "../../kernel/errors.ts";
import { authorize, type Actor } from "../../kernel/policy/policy.ts";
import { currentCatalogue } from "../indicators/indicators.repository.ts";
import { notifyUsers, usersOfOrganisationWithRoles } from "../notifications/notify.ts";
import { deadlinesOf, dueForStatus } from "./deadlines.ts";
import { searchTokens } from "./search-tokens.ts";
import type { citizenIntakeBody, intakeBody, locationSchema, personInput } from "./signals.schema.ts";
import {
  appendEvent,
  claimIdempotencyKey,
  insertPersons,
  insertSignal,
  municipality,
  nextReference,
  signalIdsByIdempotencyKey,
  type NewPerson,
} from "./signals.repository.ts";

/**
 * Step 1 of the route: a signal comes in, from an employee of any organisation in the region or from a
 * citizen. It is stored encrypted, numbered per municipality, timed, and lands in the focal officer's queue.
 */
type Intake = z.infer<typeof intakeBody>;
type Location = z.infer<typeof locationSchema>;
type Person = z.infer<typeof personInput>;

export interface Submitted {
  id: string;
  reference: string;
  status: "received";
  receivedAt: string;
  /** False when an earlier request with the same idempotency key already created the signal. */
  created: boolean;
}

export function referencePrefix(municipalityName: string): string {
  const letters = municipalityName.replace(/^gemeente\s+/i, "").normalize("NFKD").replace(/[^A-Za-z]/g, "").toUpperCase();
  return (letters + "XXX").slice(0, 3);
}

export function locationHash(kernel: Kernel, location: Location | undefined): string | null {
  if (!location) return null;
  if (location.kind === "address") {
    return kernel.crypto.blindIndex("postcode_house", `${location.postcode}${location.houseNumber}${location.houseLetter ?? ""}${location.addition ?? ""}`);
  }
  if (location.kind === "business") return kernel.crypto.blindIndex("kvk", location.kvkNumber);
  return null;
}

/** The reporter's team as the monitor counts it: trimmed, single spaces; null when empty. */
export function teamLabel(team: string | undefined | null): string | null {
  const label = (team ?? "").replace(/\s+/g, " ").trim();
  return label === "" ? null : label;
}

function locationWords(location: Location | undefined): string[] {
  if (!location) return [];
  switch (location.kind) {
    case "address":
      return [location.postcode, location.street ?? "", location.city ?? ""];
    case "business":
      return [location.kvkNumber, location.name ?? ""];
    case "other":
      return [location.description];
  }
}

function personRows(kernel: Kernel, role: "victim" | "perpetrator", persons: Person[]): NewPerson[] {
  const c = kernel.crypto;
  return persons
    .filter((p) => Object.values(p).some((v) => v !== undefined && v !== ""))
    .map((p, position) => ({
      role,
      position,
      nameEnc: c.encryptOptional("signal_persons.name", p.name),
      birthDateEnc: c.encryptOptional("signal_persons.birth_date", p.birthDate),
      gender: p.gender ?? null,
      nationality: p.nationality ?? null,
      phoneEnc: c.encryptOptional("signal_persons.phone", p.phone),
      descriptionEnc: c.encryptOptional("signal_persons.description", p.description),
      // Name and date of birth together identify a person well enough to say "another signal concerns them".
      identityHash: p.name && p.birthDate ? c.blindIndex("name", `${p.name}|${p.birthDate}`) : null,
    }));
}

interface StoreInput {
  municipalityId: string;
  regionId: string;
  municipalityName: string;
  source: "employee" | "citizen";
  reporter: Actor | null;
  body: Intake;
}

async function store(kernel: Kernel, tx: Tx, input: StoreInput): Promise<{ id: string; reference: string; receivedAt: Date }> {
  const { body } = input;
  const c = kernel.crypto;
  const now = kernel.now();
  const catalogue = await currentCatalogue(tx, input.regionId);
  const known = new Set(catalogue.indicators.map((i) => i.code));
  const unknown = body.indicatorCodes.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw invalidInput("Een of meer aangevinkte signalen staan niet in de huidige indicatorenlijst.", unknown.map((code) => ({
      name: "indicatorCodes", code: "unknown_indicator", reason: `onbekend signaal: ${code}`,
    })));
  }
  const urgency = body.immediateDanger ? "acute" : "normal";
  const deadlines = await deadlinesOf(tx, input.municipalityId);
  const reference = await nextReference(tx, input.municipalityId, referencePrefix(input.municipalityName), Number(now.toISOString().slice(0, 4)));
  const victims = personRows(kernel, "victim", body.victims);
  const perpetrators = personRows(kernel, "perpetrator", body.perpetrators);
  const id = await insertSignal(tx, {
    reference,
    municipalityId: input.municipalityId,
    catalogueId: catalogue.id,
    source: input.source,
    reporterUserId: input.reporter?.userId ?? null,
    reporterOrganisationId: input.reporter?.organisationId ?? null,
    reporterTeamEnc: c.encryptOptional("signals.reporter_team", body.reporterTeam),
    reporterTeamLabel: teamLabel(body.reporterTeam),
    reporterAnonymous: body.reporterAnonymous,
    urgency,
    indicatorCodes: [...new Set(body.indicatorCodes)],
    observedOn: body.observedOn ?? null,
    observedPeriodEnc: c.encryptOptional("signals.observed_period", body.observedPeriod),
    descriptionEnc: c.encrypt("signals.description", body.description),
    locationKind: body.location?.kind ?? "none",
    locationEnc: body.location ? c.encrypt("signals.location", JSON.stringify(body.location)) : null,
    locationHash: locationHash(kernel, body.location),
    searchTokens: searchTokens(c, [
      reference,
      body.description,
      ...locationWords(body.location),
      ...[...body.victims, ...body.perpetrators].map((p) => p.name),
    ]),
    receivedAt: now,
    dueAt: dueForStatus("received", urgency, now, deadlines),
  });
  await insertPersons(tx, id, [...victims, ...perpetrators]);
  await appendEvent(tx, {
    signalId: id,
    occurredAt: now,
    actorUserId: input.reporter?.userId ?? null,
    actorOrganisationId: input.reporter?.organisationId ?? null,
    kind: "received",
    toStatus: "received",
    details: { source: input.source, catalogueVersion: catalogue.version, immediateDanger: body.immediateDanger },
  });
  const focalOfficers = await usersOfOrganisationWithRoles(tx, input.municipalityId, ["focal_officer"]);
  await notifyUsers(tx, {
    userIds: focalOfficers,
    kind: "signal_received",
    signalId: id,
    params: { reference, urgency },
    dedupeKey: `signal-received:${id}`,
    now,
  });
  return { id, reference, receivedAt: now };
}

function fingerprint(body: unknown): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}

/** An employee's signal. The same idempotency key returns the first signal instead of a second one. */
export async function submitSignal(kernel: Kernel, actor: Actor, body: Intake, idempotencyKey: string | undefined, clientAddress: string): Promise<Submitted> {
  const scope = `user:${actor.userId}`;
  const print = fingerprint(body);
  const replay = async (tx: Tx) => {
    if (!idempotencyKey) return undefined;
    const earlier = await signalIdsByIdempotencyKey(tx, scope, idempotencyKey);
    if (!earlier) return undefined;
    if (earlier.fingerprint !== print) {
      throw new AppError(422, "idempotency_key_reused", "Sleutel al gebruikt", "Deze Idempotency-Key is al gebruikt voor een andere melding.");
    }
    const rows = await tx.query<{ id: string; reference: string; received_at: Date | string }>(
      "select id, reference, received_at from signals where id = $1",
      [earlier.signal_id],
    );
    const row = rows[0]!;
    return { id: row.id, reference: row.reference, status: "received" as const, receivedAt: new Date(row.received_at).toISOString(), created: false };
  };

  const attempt = () =>
    kernel.db.transaction(async (tx) => {
      const earlier = await replay(tx);
      if (earlier) return earlier;
      const target = await municipality(tx, body.municipalityId);
      if (!target) throw invalidInput("Kies een gemeente uit uw regio.", [{ name: "municipalityId", code: "unknown_municipality", reason: "onbekende gemeente" }]);
      const role = authorize(actor, "create", "signal", {
        municipalityId: target.id,
        municipalityRegionIds: target.regionIds,
        reporterUserId: actor.userId,
        referredOrganisationIds: [],
      }, { ownerOrganisationId: target.id });
      const regionId = target.regionIds.find((r) => actor.regionIds.includes(r)) ?? target.regionIds[0]!;
      const stored = await store(kernel, tx, { municipalityId: target.id, regionId, municipalityName: target.name, source: "employee", reporter: actor, body });
      if (idempotencyKey && !(await claimIdempotencyKey(tx, scope, idempotencyKey, print, stored.id, stored.receivedAt))) {
        // A concurrent request with the same key won the race: roll this one back and answer with that one.
        throw new IdempotencyRace();
      }
      kernel.audit.record(tx, {
        actor: { userId: actor.userId, organisationId: actor.organisationId, role },
        action: "create",
        objectType: "signal",
        objectId: stored.id,
        ownerOrganisationId: target.id,
        dataSubjectRef: `signal:${stored.id}`,
        purpose: "meldroute",
        result: "success",
        clientAddress,
        details: { reference: stored.reference, victims: body.victims.length, perpetrators: body.perpetrators.length },
      });
      return { id: stored.id, reference: stored.reference, status: "received" as const, receivedAt: stored.receivedAt.toISOString(), created: true };
    });

  try {
    return await attempt();
  } catch (error) {
    if (error instanceof IdempotencyRace || (idempotencyKey && isUniqueViolation(error))) {
      const again = await kernel.db.transaction((tx) => replay(tx));
      if (again) return again;
    }
    throw error;
  }
}

class IdempotencyRace extends Error {}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "23505";
}

/** A citizen's anonymous report from the public page. Nothing about the sender is stored, not even an address. */
export async function submitCitizenSignal(kernel: Kernel, body: z.infer<typeof citizenIntakeBody>): Promise<{ reference: string }> {
  return kernel.db.transaction(async (tx) => {
    const target = await municipality(tx, body.municipalityId);
    if (!target || target.regionIds.length === 0) {
      throw invalidInput("Kies een gemeente uit de lijst.", [{ name: "municipalityId", code: "unknown_municipality", reason: "onbekende gemeente" }]);
    }
    const stored = await store(kernel, tx, {
      municipalityId: target.id,
      regionId: target.regionIds[0]!,
      municipalityName: target.name,
      source: "citizen",
      reporter: null,
      body: {
        municipalityId: target.id,
        indicatorCodes: [],
        description: body.description,
        observedOn: body.observedOn,
        location: body.location,
        victims: [],
        perpetrators: [],
        reporterAnonymous: true,
        immediateDanger: false,
        observedPeriod: undefined,
        reporterTeam: undefined,
      },
    });
    kernel.audit.record(tx, {
      actor: null,
      actorLabel: "anonymous",
      action: "create",
      objectType: "signal",
      objectId: stored.id,
      ownerOrganisationId: target.id,
      dataSubjectRef: `signal:${stored.id}`,
      purpose: "melding inwoner",
      result: "success",
      details: { reference: stored.reference, source: "citizen" },
    });
    return { reference: stored.reference };
  });
}
