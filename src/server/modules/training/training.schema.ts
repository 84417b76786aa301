import { z } from "zod";
import { completions, offerKinds, targetStatuses } from "./codes.ts";

/** The API contract of expertise: teams, training offers, sessions, participants, targets and coverage. */
const uuid = z.uuid();
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));
const nullableText = (max: number) => z.string().trim().max(max).nullable().optional().transform((v) => (v === undefined ? undefined : v ? v : null));
const isoDate = z.iso.date();
const datetime = z.iso.datetime();
const link = z.url({ protocol: /^https?$/ }).max(500);

export const idParams = z.object({ id: uuid }).strict();

export const municipalityQuery = z
  .object({ municipalityId: uuid.optional().describe("De gemeente; zonder: uw eigen organisatie") })
  .strict();

export const coverageQuery = z
  .object({
    municipalityId: uuid.optional().describe("De gemeente; zonder: uw eigen organisatie"),
    asOf: isoDate.optional().describe("De peildatum (ISO-datum); zonder: vandaag"),
  })
  .strict();

export const municipalitySchema = z
  .object({ id: uuid, name: z.string(), abilities: z.record(z.string(), z.boolean()) })
  .meta({ id: "TrainingMunicipality" });
export const municipalityListSchema = z.object({ items: z.array(municipalitySchema) }).meta({ id: "TrainingMunicipalityList" });

// Teams.
export const teamBody = z
  .object({
    municipalityId: uuid.optional().describe("De gemeente; zonder: uw eigen organisatie"),
    name: text(120).describe("De naam van het team, bijvoorbeeld Publiekszaken"),
    staffCount: z.number().int().min(1).max(100_000).describe("Het aantal medewerkers van het team"),
  })
  .strict()
  .meta({ id: "TrainingTeamCreate" });
export const teamUpdateBody = z
  .object({ name: text(120).optional(), staffCount: z.number().int().min(1).max(100_000).optional() })
  .strict()
  .meta({ id: "TrainingTeamUpdate" });
export const teamSchema = z
  .object({ id: uuid, municipalityId: uuid, name: z.string(), staffCount: z.number().int() })
  .meta({ id: "TrainingTeam" });
export const teamListSchema = z.object({ items: z.array(teamSchema) }).meta({ id: "TrainingTeamList" });

// Offers and sessions.
export const offerBody = z
  .object({
    municipalityId: uuid.optional().describe("De gemeente; zonder: uw eigen organisatie"),
    kind: z.enum(offerKinds).describe("E-learning, themadag, bewustwordingssessie of campagne"),
    title: text(200),
    provider: optionalText(200).describe("Aanbieder, bijvoorbeeld CCV"),
    description: optionalText(5000),
    link: link.optional().describe("Link naar het aanbod (http of https)"),
  })
  .strict()
  .meta({ id: "TrainingOfferCreate" });
export const offerUpdateBody = z
  .object({
    kind: z.enum(offerKinds).optional(),
    title: text(200).optional(),
    provider: nullableText(200),
    description: nullableText(5000),
    link: link.nullable().optional(),
  })
  .strict()
  .meta({ id: "TrainingOfferUpdate" });

export const sessionBody = z
  .object({
    startsOn: isoDate.describe("De (eerste) dag"),
    endsOn: isoDate.optional().describe("De laatste dag, bij een sessie van meer dagen of een e-learning met een looptijd"),
    place: optionalText(300).describe("Plaats, of 'online'"),
  })
  .strict()
  .meta({ id: "TrainingSessionCreate" });
export const sessionUpdateBody = z
  .object({ startsOn: isoDate.optional(), endsOn: isoDate.nullable().optional(), place: nullableText(300) })
  .strict()
  .meta({ id: "TrainingSessionUpdate" });

export const sessionSummarySchema = z
  .object({
    id: uuid,
    offerId: uuid,
    startsOn: isoDate,
    endsOn: isoDate.nullable(),
    place: z.string().nullable(),
    participantCount: z.number().int(),
    trainedCount: z.number().int().describe("Deelnemers die de training afrondden of aanwezig waren"),
  })
  .meta({ id: "TrainingSessionSummary" });

export const offerSchema = z
  .object({
    id: uuid,
    municipalityId: uuid,
    municipalityName: z.string(),
    kind: z.enum(offerKinds),
    title: z.string(),
    provider: z.string().nullable(),
    description: z.string().nullable(),
    link: z.string().nullable(),
    sessionCount: z.number().int(),
    participantCount: z.number().int(),
    sessions: z.array(sessionSummarySchema).optional().describe("Alleen bij één aanbod"),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "TrainingOffer" });
export const offerListSchema = z.object({ items: z.array(offerSchema) }).meta({ id: "TrainingOfferList" });

// Participants.
export const participantBody = z
  .object({
    name: text(200),
    teamId: uuid,
    email: z.email().max(254).optional(),
    completion: z.enum(completions).optional().describe("Zonder: afgerond bij een e-learning, aanwezig bij de rest"),
    completedOn: isoDate.optional().describe("De dag waarop de deelnemer de training afrondde; zonder: de dag van de sessie"),
  })
  .strict()
  .meta({ id: "TrainingParticipantCreate" });
export const participantUpdateBody = z
  .object({ completion: z.enum(completions).optional(), completedOn: isoDate.nullable().optional(), teamId: uuid.optional() })
  .strict()
  .meta({ id: "TrainingParticipantUpdate" });

export const participantSchema = z
  .object({
    id: uuid,
    sessionId: uuid,
    name: z.string(),
    email: z.string().nullable(),
    teamId: uuid,
    team: z.string(),
    completion: z.enum(completions),
    completedOn: isoDate.nullable(),
    createdAt: datetime,
  })
  .meta({ id: "TrainingParticipant" });

export const sessionSchema = sessionSummarySchema
  .extend({
    offer: z.object({ id: uuid, kind: z.enum(offerKinds), title: z.string(), provider: z.string().nullable() }),
    municipalityId: uuid,
    municipalityName: z.string(),
    participants: z.array(participantSchema),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "TrainingSession" });

// Import of a participant list.
export const importBody = z
  .object({
    fileName: text(255).describe("De bestandsnaam; .csv of .xlsx"),
    content: z.string().min(1).max(3_000_000).describe("Het bestand, base64-gecodeerd (ten hoogste 2 MB)"),
    dryRun: z.boolean().default(false).describe("Alleen controleren en tonen wat er zou worden ingelezen"),
  })
  .strict()
  .meta({ id: "TrainingParticipantImport" });

export const importRowSchema = z
  .object({
    row: z.number().int().describe("Het regelnummer in het bestand (de kopregel is regel 1)"),
    name: z.string(),
    team: z.string(),
    email: z.string().nullable(),
    completion: z.enum(completions),
    completedOn: isoDate.nullable(),
  })
  .meta({ id: "TrainingImportRow" });
export const importResultSchema = z
  .object({
    dryRun: z.boolean(),
    imported: z.number().int().describe("Het aantal ingelezen deelnemers (0 bij een proefimport)"),
    rows: z.array(importRowSchema),
  })
  .meta({ id: "TrainingImportResult" });

// Targets and coverage.
export const targetBody = z
  .object({
    teamId: uuid,
    targetPercent: z.number().int().min(1).max(100).describe("Het deel van het team dat getraind moet zijn, in procenten"),
    dueOn: isoDate.describe("De datum waarop het doel gehaald moet zijn"),
  })
  .strict()
  .meta({ id: "TrainingTargetCreate" });
export const targetUpdateBody = z
  .object({ targetPercent: z.number().int().min(1).max(100).optional(), dueOn: isoDate.optional() })
  .strict()
  .meta({ id: "TrainingTargetUpdate" });
export const targetSchema = z
  .object({ id: uuid, municipalityId: uuid, teamId: uuid, team: z.string(), targetPercent: z.number().int(), dueOn: isoDate })
  .meta({ id: "TrainingTarget" });

export const coverageSchema = z
  .object({
    municipalityId: uuid,
    municipalityName: z.string(),
    asOf: isoDate,
    teams: z.array(
      z.object({
        teamId: uuid,
        team: z.string(),
        staffCount: z.number().int(),
        trainedCount: z.number().int().describe("Verschillende mensen van het team die een training afrondden of bijwoonden"),
        percent: z.number().describe("Getraind deel van het team, in procenten (één decimaal, ten hoogste 100)"),
        targets: z.array(
          z.object({
            id: uuid,
            targetPercent: z.number().int(),
            dueOn: isoDate,
            status: z.enum(targetStatuses).describe("Gehaald, nog open (datum niet verstreken) of niet gehaald"),
          }),
        ),
      }),
    ),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "TrainingCoverage" });
