import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import type { Queryable } from "../../kernel/db.ts";
import { invalidInput, notFound, type InvalidParam } from "../../kernel/errors.ts";
import { accessFilter, actingRole, authorize, recordAbilities, type Actor } from "../../kernel/policy/policy.ts";
import type { Role } from "../../kernel/policy/matrix.ts";
import type { ageGroups, genders, nationalities } from "./codes.ts";
import type { entryBody, entryListQuery, entryUpdateBody, offersQuery } from "./network.schema.ts";
import {
  contactsOf, findEntry, insertEntry, listEntries, nameTaken, organisationOffers, organisationOnMap, regionOrganisationName, replaceContacts,
  updateEntry, type ContactRow, type EntryRow, type EntryValues,
} from "./social-map.repository.ts";

/**
 * The social map: who in and around the region offers what, for whom, how to reach them, and whom to ask.
 * Contact persons are staff data: every read and list that shows them is audited, and their names, phones
 * and e-mail addresses are encrypted at rest. The map holds nothing about signals or victims.
 */
const PURPOSE = "sociale kaart";
export const auditActor = (actor: Actor, role: Role | null) => ({ userId: actor.userId, organisationId: actor.organisationId, role });
const field = (name: string, code: string, reason: string): InvalidParam[] => [{ name, code, reason }];

/** The region a new record belongs to: the one named, or the actor's only region. */
export function regionFor(actor: Actor, regionId: string | undefined): string {
  if (regionId) return regionId;
  if (actor.regionIds.length === 1) return actor.regionIds[0]!;
  throw invalidInput("Kies de regio.", field("regionId", "required", "uw organisatie zit in meer dan één regio"));
}

type Contact = { id: string; name: string; jobTitle: string | null; phone: string | null; email: string | null };

function presentContact(kernel: Kernel, c: ContactRow): Contact {
  return {
    id: c.id,
    name: kernel.crypto.decrypt("social_map_contacts.name", c.name_enc),
    jobTitle: c.job_title,
    phone: kernel.crypto.decryptOptional("social_map_contacts.phone", c.phone_enc),
    email: kernel.crypto.decryptOptional("social_map_contacts.email", c.email_enc),
  };
}

async function present(kernel: Kernel, q: Queryable, actor: Actor, rows: EntryRow[]) {
  const contacts = await contactsOf(q, rows.map((r) => r.id));
  return rows.map((e) => ({
    id: e.id,
    regionId: e.region_id,
    regionName: e.region_name,
    organisationId: e.organisation_id,
    organisationName: e.organisation_name,
    name: e.name,
    description: e.description,
    offers: e.offers,
    ageGroups: e.age_groups as (typeof ageGroups)[number][],
    nationalities: e.nationalities as (typeof nationalities)[number][],
    genders: e.genders as (typeof genders)[number][],
    phone: e.phone,
    email: e.email,
    website: e.website,
    address: e.address,
    openingHours: e.opening_hours,
    active: e.active,
    contacts: contacts.filter((c) => c.entry_id === e.id).map((c) => presentContact(kernel, c)),
    updatedAt: new Date(e.updated_at).toISOString(),
    abilities: recordAbilities(actor, "social_map_entry", { regionId: e.region_id }),
  }));
}

const encryptContacts = (kernel: Kernel, contacts: z.infer<typeof entryBody>["contacts"]) =>
  contacts.map((c) => ({
    nameEnc: kernel.crypto.encrypt("social_map_contacts.name", c.name),
    jobTitle: c.jobTitle ?? null,
    phoneEnc: kernel.crypto.encryptOptional("social_map_contacts.phone", c.phone),
    emailEnc: kernel.crypto.encryptOptional("social_map_contacts.email", c.email),
  }));

async function checkEntry(q: Queryable, v: EntryValues, exceptId: string | null): Promise<void> {
  if (await nameTaken(q, v.regionId, v.name, exceptId)) {
    throw invalidInput("Deze organisatie staat al op de sociale kaart van de regio.", field("name", "duplicate", "al op de kaart"));
  }
  if (v.organisationId) {
    if (!(await regionOrganisationName(q, v.regionId, v.organisationId))) {
      throw invalidInput("Kies een organisatie die in de regio met Ketenzicht werkt.", field("organisationId", "unknown_organisation", "niet in de regio"));
    }
    if (await organisationOnMap(q, v.regionId, v.organisationId, exceptId)) {
      throw invalidInput("Deze organisatie heeft al een plek op de sociale kaart.", field("organisationId", "duplicate", "al op de kaart"));
    }
  }
}

const entryAudit = (e: EntryRow, contacts: number) => ({ objectId: e.id, purpose: PURPOSE, details: { name: e.name, contacts } });

export function createEntryFor(kernel: Kernel, actor: Actor, body: z.infer<typeof entryBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const regionId = regionFor(actor, body.regionId);
    const role = authorize(actor, "create", "social_map_entry", { regionId });
    const values: EntryValues = {
      regionId, organisationId: body.organisationId ?? null, name: body.name, description: body.description ?? null, offers: body.offers,
      ageGroups: body.ageGroups, nationalities: body.nationalities, genders: body.genders, phone: body.phone ?? null, email: body.email ?? null,
      website: body.website ?? null, address: body.address ?? null, openingHours: body.openingHours ?? null, active: true,
    };
    await checkEntry(tx, values, null);
    const now = kernel.now();
    const id = await insertEntry(tx, values, actor.userId, now);
    await replaceContacts(tx, id, encryptContacts(kernel, body.contacts));
    const row = (await findEntry(tx, id))!;
    kernel.audit.record(tx, { actor: auditActor(actor, role), action: "create", objectType: "social_map_entry", ...entryAudit(row, body.contacts.length), result: "success", clientAddress });
    return (await present(kernel, tx, actor, [row]))[0]!;
  });
}

export function updateEntryFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof entryUpdateBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const row = await findEntry(tx, id);
    if (!row) throw notFound();
    const role = authorize(actor, "update", "social_map_entry", { regionId: row.region_id }, { objectId: row.id });
    const pick = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
    const values: EntryValues = {
      regionId: row.region_id,
      organisationId: pick(body.organisationId, row.organisation_id),
      name: pick(body.name, row.name),
      description: pick(body.description, row.description),
      offers: pick(body.offers, row.offers),
      ageGroups: pick(body.ageGroups, row.age_groups),
      nationalities: pick(body.nationalities, row.nationalities),
      genders: pick(body.genders, row.genders),
      phone: pick(body.phone, row.phone),
      email: pick(body.email, row.email),
      website: pick(body.website, row.website),
      address: pick(body.address, row.address),
      openingHours: pick(body.openingHours, row.opening_hours),
      active: pick(body.active, row.active),
    };
    await checkEntry(tx, values, row.id);
    await updateEntry(tx, row.id, values, actor.userId, kernel.now());
    if (body.contacts) await replaceContacts(tx, row.id, encryptContacts(kernel, body.contacts));
    const updated = (await findEntry(tx, id))!;
    const contacts = (await contactsOf(tx, [id])).length;
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "update", objectType: "social_map_entry", ...entryAudit(updated, contacts), result: "success", clientAddress,
      details: { name: updated.name, contacts, changed: Object.keys(body).filter((k) => body[k as keyof typeof body] !== undefined) },
    });
    return (await present(kernel, tx, actor, [updated]))[0]!;
  });
}

export function getEntryFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const row = await findEntry(tx, id);
    if (!row) throw notFound();
    const role = authorize(actor, "read", "social_map_entry", { regionId: row.region_id }, { objectId: row.id });
    const [entry] = await present(kernel, tx, actor, [row]);
    kernel.audit.record(tx, { actor: auditActor(actor, role), action: "read", objectType: "social_map_entry", ...entryAudit(row, entry!.contacts.length), result: "success", clientAddress });
    return entry!;
  });
}

export function listEntriesFor(kernel: Kernel, actor: Actor, query: z.infer<typeof entryListQuery>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const { rows, total } = await listEntries(tx, {
      access: accessFilter(actor, "list", "social_map_entry", "e", kernel.now()),
      regionId: query.regionId, offer: query.offer, ageGroup: query.ageGroup, nationality: query.nationality, gender: query.gender, q: query.q || undefined,
      includeInactive: query.includeInactive, limit: query.pageSize, offset: (query.page - 1) * query.pageSize,
    });
    const items = await present(kernel, tx, actor, rows);
    kernel.audit.record(tx, {
      actor: auditActor(actor, actingRole(actor, "list", "social_map_entry")), action: "list", objectType: "social_map_entry", purpose: PURPOSE, result: "success", clientAddress,
      // Which entries' contact persons were shown; the search itself holds no one's data.
      details: {
        count: items.length, total, contactsShown: items.reduce((n, e) => n + e.contacts.length, 0), entries: items.filter((e) => e.contacts.length).map((e) => e.id),
        filter: { offer: query.offer ?? null, ageGroup: query.ageGroup ?? null, nationality: query.nationality ?? null, gender: query.gender ?? null },
      },
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  });
}

/** What the map says the region's organisations in Ketenzicht offer: for the care and referral pickers. No personal data. */
export async function offersFor(kernel: Kernel, actor: Actor, query: z.infer<typeof offersQuery>) {
  const regions = query.regionId ? actor.regionIds.filter((r) => r === query.regionId) : [...actor.regionIds];
  const rows = await organisationOffers(kernel.db, accessFilter(actor, "list", "social_map_entry", "e", kernel.now()), regions);
  return rows.map((r) => ({ organisationId: r.organisation_id, regionId: r.region_id, entryId: r.entry_id, offers: r.offers }));
}
