import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import type { Queryable } from "../../kernel/db.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { invalidInput, notFound, type InvalidParam } from "../../kernel/errors.ts";
import { accessFilter, actingRole, authorize, recordAbilities, type Actor } from "../../kernel/policy/policy.ts";
import {
  entriesInRegion, findAgreement, insertAgreement, listAgreements, maintainersOfRegion, ownersOf, partiesOf, replaceOwners, replaceParties,
  updateAgreement, type AgreementRow, type AgreementValues,
} from "./agreements.repository.ts";
import { maintainerRoles } from "./codes.ts";
import type { agreementBody, agreementListQuery, agreementUpdateBody, ownerCandidateQuery } from "./network.schema.ts";
import { auditActor, regionFor } from "./social-map.service.ts";

/**
 * Cooperation agreements and covenants with parties on the social map. Their owners (people who keep the map)
 * are reminded once, a configurable number of days before the end date (agreement-sweep.ts). Owner names are
 * staff data: reads and lists that show them are audited.
 */
const PURPOSE = "samenwerkingsafspraken";
const field = (name: string, code: string, reason: string): InvalidParam[] => [{ name, code, reason }];

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export type AgreementStatus = "current" | "expiring" | "expired" | "future";
export function agreementStatus(a: Pick<AgreementRow, "starts_on" | "ends_on" | "remind_days_before">, today: string): AgreementStatus {
  if (a.starts_on > today) return "future";
  if (!a.ends_on) return "current";
  if (a.ends_on < today) return "expired";
  return addDays(a.ends_on, -a.remind_days_before) <= today ? "expiring" : "current";
}

async function present(kernel: Kernel, q: Queryable, actor: Actor, rows: AgreementRow[]) {
  const ids = rows.map((r) => r.id);
  const [parties, owners] = await Promise.all([partiesOf(q, ids), ownersOf(q, ids)]);
  const today = dutchDate(kernel.now());
  return rows.map((a) => ({
    id: a.id,
    regionId: a.region_id,
    kind: a.kind,
    title: a.title,
    parties: parties.filter((p) => p.agreement_id === a.id).map((p) => ({ entryId: p.entry_id, name: p.name })),
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    documentReference: a.document_reference,
    note: a.note,
    remindDaysBefore: a.remind_days_before,
    remindOn: a.ends_on ? addDays(a.ends_on, -a.remind_days_before) : null,
    remindedAt: a.reminded_at ? new Date(a.reminded_at).toISOString() : null,
    status: agreementStatus(a, today),
    owners: owners.filter((o) => o.agreement_id === a.id).map((o) => ({ userId: o.user_id, name: kernel.crypto.decryptOptional("users.display_name", o.display_name_enc) })),
    abilities: recordAbilities(actor, "cooperation_agreement", { regionId: a.region_id }),
  }));
}

async function checkParties(q: Queryable, regionId: string, entryIds: readonly string[]) {
  const unique = [...new Set(entryIds)];
  const found = await entriesInRegion(q, regionId, unique);
  if (found.length !== unique.length) {
    throw invalidInput("Kies de partijen uit de sociale kaart van de regio.", field("partyEntryIds", "unknown_entry", "niet op de kaart van de regio"));
  }
  return unique;
}

async function checkOwners(q: Queryable, regionId: string, userIds: readonly string[]) {
  const unique = [...new Set(userIds)];
  const allowed = new Set((await maintainersOfRegion(q, regionId, maintainerRoles)).map((u) => u.id));
  if (unique.some((id) => !allowed.has(id))) {
    throw invalidInput("Een eigenaar is iemand in de regio die de sociale kaart bijhoudt.", field("ownerUserIds", "unknown_user", "geen beheerder van de kaart in de regio"));
  }
  return unique;
}

function checkDates(v: AgreementValues) {
  if (v.endsOn && v.endsOn < v.startsOn) throw invalidInput("De einddatum ligt voor de ingangsdatum.", field("endsOn", "before_start", "op of na de ingangsdatum"));
}

export function createAgreementFor(kernel: Kernel, actor: Actor, body: z.infer<typeof agreementBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const regionId = regionFor(actor, body.regionId);
    const role = authorize(actor, "create", "cooperation_agreement", { regionId });
    const values: AgreementValues = {
      kind: body.kind, title: body.title, startsOn: body.startsOn, endsOn: body.endsOn ?? null, documentReference: body.documentReference ?? null,
      note: body.note ?? null, remindDaysBefore: body.remindDaysBefore,
    };
    checkDates(values);
    const parties = await checkParties(tx, regionId, body.partyEntryIds);
    const owners = await checkOwners(tx, regionId, body.ownerUserIds?.length ? body.ownerUserIds : [actor.userId]);
    const now = kernel.now();
    const id = await insertAgreement(tx, regionId, values, actor.userId, now);
    await replaceParties(tx, id, parties);
    await replaceOwners(tx, id, owners);
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "create", objectType: "cooperation_agreement", objectId: id, purpose: PURPOSE, result: "success", clientAddress,
      details: { title: values.title, kind: values.kind, endsOn: values.endsOn, parties: parties.length, owners },
    });
    return (await present(kernel, tx, actor, [(await findAgreement(tx, id))!]))[0]!;
  });
}

export function updateAgreementFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof agreementUpdateBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const row = await findAgreement(tx, id);
    if (!row) throw notFound();
    const role = authorize(actor, "update", "cooperation_agreement", { regionId: row.region_id }, { objectId: row.id });
    const pick = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
    const values: AgreementValues = {
      kind: pick(body.kind, row.kind), title: pick(body.title, row.title), startsOn: pick(body.startsOn, row.starts_on), endsOn: pick(body.endsOn, row.ends_on),
      documentReference: pick(body.documentReference, row.document_reference), note: pick(body.note, row.note),
      remindDaysBefore: pick(body.remindDaysBefore, row.remind_days_before),
    };
    checkDates(values);
    const parties = body.partyEntryIds ? await checkParties(tx, row.region_id, body.partyEntryIds) : null;
    const owners = body.ownerUserIds ? await checkOwners(tx, row.region_id, body.ownerUserIds) : null;
    const rearm = values.endsOn !== row.ends_on || values.remindDaysBefore !== row.remind_days_before;
    await updateAgreement(tx, row.id, values, rearm, kernel.now());
    if (parties) await replaceParties(tx, row.id, parties);
    if (owners) await replaceOwners(tx, row.id, owners);
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "update", objectType: "cooperation_agreement", objectId: row.id, purpose: PURPOSE, result: "success", clientAddress,
      details: { title: values.title, changed: Object.keys(body), reminderRearmed: rearm, ...(owners ? { owners } : {}) },
    });
    return (await present(kernel, tx, actor, [(await findAgreement(tx, id))!]))[0]!;
  });
}

export function getAgreementFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const row = await findAgreement(tx, id);
    if (!row) throw notFound();
    const role = authorize(actor, "read", "cooperation_agreement", { regionId: row.region_id }, { objectId: row.id });
    const [agreement] = await present(kernel, tx, actor, [row]);
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "read", objectType: "cooperation_agreement", objectId: row.id, purpose: PURPOSE, result: "success", clientAddress,
      details: { title: row.title, owners: agreement!.owners.map((o) => o.userId) },
    });
    return agreement!;
  });
}

export function listAgreementsFor(kernel: Kernel, actor: Actor, query: z.infer<typeof agreementListQuery>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const rows = await listAgreements(tx, { access: accessFilter(actor, "list", "cooperation_agreement", "a", kernel.now()), regionId: query.regionId, entryId: query.entryId });
    const items = (await present(kernel, tx, actor, rows)).filter((a) => !query.status || a.status === query.status);
    kernel.audit.record(tx, {
      actor: auditActor(actor, actingRole(actor, "list", "cooperation_agreement")), action: "list", objectType: "cooperation_agreement", purpose: PURPOSE, result: "success", clientAddress,
      details: { count: items.length, status: query.status ?? null, ownersShown: [...new Set(items.flatMap((a) => a.owners.map((o) => o.userId)))] },
    });
    return { items };
  });
}

/** Who may own an agreement of the region: the people who keep its map. Names are staff data: audited. */
export function ownerCandidatesFor(kernel: Kernel, actor: Actor, query: z.infer<typeof ownerCandidateQuery>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const regionId = regionFor(actor, query.regionId);
    const role = authorize(actor, "create", "cooperation_agreement", { regionId });
    const users = await maintainersOfRegion(tx, regionId, maintainerRoles);
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "list", objectType: "user", purpose: PURPOSE, result: "success", clientAddress,
      details: { reason: "agreement_owner_candidates", regionId, users: users.map((u) => u.id) },
    });
    return users.map((u) => ({ userId: u.id, name: kernel.crypto.decryptOptional("users.display_name", u.display_name_enc), organisationName: u.organisation_name }));
  });
}
