import { z } from "zod";
import {
  ageGroups, closureReasons, consentPurposes, consentRecordings, consentStatuses, directSources, exploitationForms, fileSources,
  fileStatuses, genders, legalBases, teamPurposes,
} from "./codes.ts";

/** The API contract of victim files: opening, the person, lifecycle, case team and consent. */
const uuid = z.uuid();
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));
/** A text that may be cleared with null. */
const clearableText = (max: number) => z.string().trim().max(max).nullable().optional().transform((v) => (v === "" ? null : v));
export const isoDate = z.iso.date();

export const statusSchema = z.enum(fileStatuses);
export const formSchema = z.enum(exploitationForms);
export const legalBasisSchema = z.enum(legalBases).describe("Wettelijke grondslag voor delen zonder toestemming");

export const nationalitySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "landcode van drie letters (ISO 3166), bijvoorbeeld NLD");
export const languageSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, "taalcode van twee of drie letters (ISO 639), bijvoorbeeld nl of pol");
const phoneSchema = z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, "geen geldig telefoonnummer");

/** A legal basis comes with its explanation, or not at all. */
export const overrideFields = {
  legalBasis: legalBasisSchema.optional(),
  legalBasisNote: optionalText(2000).describe("Toelichting op de wettelijke grondslag"),
};

export const personInput = z
  .object({
    name: optionalText(200),
    birthDate: isoDate.optional(),
    phone: phoneSchema.optional(),
    contact: optionalText(1000).describe("Adres of andere contactgegevens"),
    gender: z.enum(genders).optional(),
  })
  .strict();

export const openFileBody = z
  .object({
    source: z.enum(fileSources),
    referralId: uuid.optional().describe("De doorverwijzing uit de meldroute (bij bron 'referral')"),
    signalPersonId: uuid.optional().describe("Welk vermoedelijk slachtoffer van het doorverwezen signaal"),
    regionId: uuid.optional().describe("De regio, als de organisatie in meer regio's werkt"),
    person: personInput.optional(),
    ageGroup: z.enum(ageGroups).optional().describe("Leeftijdsgroep als de geboortedatum onbekend is"),
    nationality: nationalitySchema.optional(),
    languages: z.array(languageSchema).max(10).default([]),
    exploitationForms: z.array(formSchema).max(5).default([]),
    cameIntoView: optionalText(5000).describe("Hoe de persoon in beeld kwam"),
  })
  .strict()
  .meta({ id: "VictimFileOpen" });

export const updateFileBody = z
  .object({
    name: clearableText(200),
    birthDate: isoDate.nullable().optional(),
    phone: phoneSchema.nullable().optional(),
    contact: clearableText(1000),
    gender: z.enum(genders).optional(),
    ageGroup: z.enum(ageGroups).optional(),
    nationality: nationalitySchema.nullable().optional(),
    languages: z.array(languageSchema).max(10).optional(),
    exploitationForms: z.array(formSchema).max(5).optional(),
    cameIntoView: clearableText(5000),
    veiligThuisNotifiedOn: isoDate.nullable().optional(),
    youthCareProviderId: uuid.nullable().optional(),
    guardian: clearableText(500).describe("Voogd of wettelijk vertegenwoordiger (bijvoorbeeld Nidos)"),
  })
  .strict()
  .meta({ id: "VictimFileUpdate" });

export const transitionBody = z
  .object({
    to: statusSchema,
    reason: optionalText(2000),
    closureReason: z.enum(closureReasons).optional(),
  })
  .strict()
  .meta({ id: "VictimFileTransition" });

export const teamMemberBody = z
  .object({
    userId: uuid,
    memberRole: z.enum(["coordinator", "partner"]),
    purpose: z.enum(teamPurposes).optional().describe("Verplicht voor een ketenpartner: waarvoor deze het dossier inziet"),
    purposeNote: optionalText(1000),
    validFrom: isoDate.optional().describe("Standaard vandaag"),
    validUntil: isoDate.optional().describe("Verplicht voor een ketenpartner"),
    ...overrideFields,
  })
  .strict()
  .meta({ id: "CaseTeamMemberAdd" });

export const endMemberBody = z.object({ reason: optionalText(1000) }).strict().meta({ id: "CaseTeamMemberEnd" });

export const consentBody = z
  .object({
    purpose: z.enum(consentPurposes),
    partyOrganisationId: uuid.optional().describe("De ontvangende organisatie in Ketenzicht"),
    partyName: optionalText(200).describe("Of de ontvangende partij buiten Ketenzicht, bijvoorbeeld CoMensha"),
    status: z.enum(consentStatuses),
    decidedOn: isoDate,
    validUntil: isoDate.optional(),
    recordedHow: z.enum(consentRecordings),
    interpreterUsed: z.boolean().default(false),
    note: optionalText(2000),
  })
  .strict()
  .meta({ id: "ConsentRecord" });

export const fileListQuery = z
  .object({
    status: z.union([statusSchema, z.literal("open")]).optional().describe("Een status, of 'open' voor alles wat niet gesloten is"),
    q: z.string().trim().min(2).max(200).optional().describe("Zoek op dossiernummer of op hele woorden uit de naam"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

export const idParams = z.object({ id: uuid }).strict();
export const teamCandidateQuery = z.object({ organisationId: uuid }).strict();

export { directSources };
