import { z } from "zod";
import { agreementKinds, ageGroups, genders, nationalities, offerCategories } from "./codes.ts";

/** The API contract of the social map and the cooperation agreements. */
const uuid = z.uuid();
const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));
/** In a change: absent leaves it, an empty string or null clears it. */
const clearableText = (max: number) => z.string().trim().max(max).nullable().optional().transform((v) => (v === undefined ? undefined : v ? v : null));
const isPhone = (v: string) => /^\+?[0-9][0-9 ()-]{5,19}$/.test(v);
const isEmail = (v: string) => z.email().safeParse(v).success;
const isWebsite = (v: string) => /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v);
const checks = {
  phone: [isPhone, "een telefoonnummer van cijfers, spaties en streepjes", 20],
  email: [isEmail, "een geldig e-mailadres", 254],
  website: [isWebsite, "een webadres dat met http:// of https:// begint", 500],
} as const;
/** An optional phone, e-mail or web address: an empty string counts as not given. */
const optional = (kind: keyof typeof checks) => {
  const [check, message, max] = checks[kind];
  return z.string().trim().max(max).refine((v) => v === "" || check(v), message).optional().transform((v) => (v ? v : undefined));
};
/** The same in a change: absent leaves it, an empty string or null clears it. */
const clearable = (kind: keyof typeof checks) => {
  const [check, message, max] = checks[kind];
  return z.string().trim().max(max).refine((v) => v === "" || check(v), message).nullable().optional().transform((v) => (v === undefined ? undefined : v ? v : null));
};
const list = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.array(z.enum(values)).min(1, `kies ten minste één ${what}`).max(values.length).refine((v) => new Set(v).size === v.length, "elke waarde één keer");

export const idParams = z.object({ id: uuid }).strict();

const contactInput = z
  .object({
    name: text(200).describe("Naam van de contactpersoon"),
    jobTitle: optionalText(200).describe("Functie"),
    phone: optional("phone"),
    email: optional("email"),
  })
  .strict()
  // No component id: a nested schema with transforms would collide with its own output form.
  .describe("Een contactpersoon: medewerker van de organisatie");

const entryFields = {
  name: text(200).describe("Naam van de organisatie"),
  description: optionalText(2000).describe("Wat de organisatie doet, in een paar zinnen"),
  offers: list(offerCategories, "aanbod").describe("Wat de organisatie biedt"),
  ageGroups: list(ageGroups, "leeftijdsgroep").describe("Voor volwassenen, minderjarigen of beide"),
  nationalities: list(nationalities, "doelgroep").describe("Voor mensen met of zonder Nederlandse nationaliteit, of beide"),
  genders: list(genders, "gender").describe("Voor vrouwen, mannen, anderen"),
  phone: optional("phone"),
  email: optional("email"),
  website: optional("website"),
  address: optionalText(300).describe("Bezoekadres"),
  openingHours: optionalText(300).describe("Openingstijden en bereikbaarheid"),
};

export const entryBody = z
  .object({
    regionId: uuid.optional().describe("De regio van de kaart; weg te laten als uw organisatie in één regio zit"),
    organisationId: uuid.optional().describe("De organisatie in Ketenzicht, als zij er zelf mee werkt"),
    ...entryFields,
    contacts: z.array(contactInput).max(20).default([]),
  })
  .strict()
  .meta({ id: "SocialMapEntryCreate" });

export const entryUpdateBody = z
  .object({
    organisationId: uuid.nullable().optional(),
    name: entryFields.name.optional(),
    description: clearableText(2000),
    offers: entryFields.offers.optional(),
    ageGroups: entryFields.ageGroups.optional(),
    nationalities: entryFields.nationalities.optional(),
    genders: entryFields.genders.optional(),
    phone: clearable("phone"),
    email: clearable("email"),
    website: clearable("website"),
    address: clearableText(300),
    openingHours: clearableText(300),
    active: z.boolean().optional().describe("Uit de kaart gehaald (false) of weer opgenomen"),
    contacts: z.array(contactInput).max(20).optional().describe("Vervangt alle contactpersonen"),
  })
  .strict()
  .meta({ id: "SocialMapEntryUpdate" });

const bool = z.enum(["true", "false"]).optional().transform((v) => (v === undefined ? undefined : v === "true"));
export const entryListQuery = z
  .object({
    regionId: uuid.optional(),
    offer: z.enum(offerCategories).optional().describe("Alleen organisaties met dit aanbod"),
    ageGroup: z.enum(ageGroups).optional(),
    nationality: z.enum(nationalities).optional(),
    gender: z.enum(genders).optional(),
    q: z.string().trim().max(100).optional().describe("Zoek in naam en omschrijving"),
    includeInactive: bool.describe("Ook organisaties die uit de kaart zijn gehaald"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const contactSchema = z
  .object({ id: uuid, name: z.string(), jobTitle: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() })
  .meta({ id: "SocialMapContact" });

export const entrySchema = z
  .object({
    id: uuid,
    regionId: uuid,
    regionName: z.string(),
    organisationId: uuid.nullable(),
    organisationName: z.string().nullable(),
    name: z.string(),
    description: z.string().nullable(),
    offers: z.array(z.enum(offerCategories)),
    ageGroups: z.array(z.enum(ageGroups)),
    nationalities: z.array(z.enum(nationalities)),
    genders: z.array(z.enum(genders)),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    address: z.string().nullable(),
    openingHours: z.string().nullable(),
    active: z.boolean(),
    contacts: z.array(contactSchema),
    updatedAt: z.iso.datetime(),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "SocialMapEntry" });

export const entryListSchema = z
  .object({ items: z.array(entrySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: "SocialMapEntryList" });

export const offersQuery = z.object({ regionId: uuid.optional() }).strict();
export const offersSchema = z
  .array(z.object({ organisationId: uuid, regionId: uuid, entryId: uuid, offers: z.array(z.enum(offerCategories)) }))
  .describe("Wat de organisaties in Ketenzicht volgens de sociale kaart bieden")
  .meta({ id: "OrganisationOffers" });

export const agreementBody = z
  .object({
    regionId: uuid.optional(),
    kind: z.enum(agreementKinds).describe("Samenwerkingsafspraak of convenant"),
    title: text(300),
    partyEntryIds: z.array(uuid).min(1, "kies ten minste één partij").max(50).describe("De partijen: organisaties op de sociale kaart"),
    startsOn: isoDate,
    endsOn: isoDate.optional(),
    documentReference: optionalText(300).describe("Kenmerk of vindplaats van het document"),
    note: optionalText(2000),
    remindDaysBefore: z.number().int().min(1).max(365).default(60).describe("Dagen voor de einddatum dat de eigenaren een herinnering krijgen"),
    ownerUserIds: z.array(uuid).max(10).optional().describe("Wie de afspraak bewaakt; zonder opgave uzelf"),
  })
  .strict()
  .meta({ id: "CooperationAgreementCreate" });

export const agreementUpdateBody = z
  .object({
    kind: z.enum(agreementKinds).optional(),
    title: text(300).optional(),
    partyEntryIds: z.array(uuid).min(1, "kies ten minste één partij").max(50).optional(),
    startsOn: isoDate.optional(),
    endsOn: isoDate.nullable().optional(),
    documentReference: clearableText(300),
    note: clearableText(2000),
    remindDaysBefore: z.number().int().min(1).max(365).optional(),
    ownerUserIds: z.array(uuid).min(1).max(10).optional(),
  })
  .strict()
  .meta({ id: "CooperationAgreementUpdate" });

export const agreementListQuery = z
  .object({
    regionId: uuid.optional(),
    entryId: uuid.optional().describe("Alleen afspraken met deze partij"),
    status: z.enum(["current", "expiring", "expired", "future"]).optional(),
  })
  .strict();

const person = z.object({ userId: uuid, name: z.string().nullable() });
export const agreementSchema = z
  .object({
    id: uuid,
    regionId: uuid,
    kind: z.enum(agreementKinds),
    title: z.string(),
    parties: z.array(z.object({ entryId: uuid, name: z.string() })),
    startsOn: isoDate,
    endsOn: isoDate.nullable(),
    documentReference: z.string().nullable(),
    note: z.string().nullable(),
    remindDaysBefore: z.number().int(),
    remindOn: isoDate.nullable().describe("De dag waarop de eigenaren worden herinnerd"),
    remindedAt: z.iso.datetime().nullable(),
    status: z.enum(["current", "expiring", "expired", "future"]).describe("Loopt, loopt binnenkort af (binnen de herinneringstermijn), verlopen, of nog niet begonnen"),
    owners: z.array(person),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "CooperationAgreement" });
export const agreementListSchema = z.object({ items: z.array(agreementSchema) }).meta({ id: "CooperationAgreementList" });

export const ownerCandidateSchema = z.array(person.extend({ organisationName: z.string() })).meta({ id: "AgreementOwnerCandidates" });
export const ownerCandidateQuery = z.object({ regionId: uuid.optional() }).strict();
