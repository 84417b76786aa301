import { z } from "zod";
import { legalBasisSchema } from "../care/files.schema.ts";
import { addressSchema, businessSchema } from "../signals/signals.schema.ts";
import {
  actionStatuses, decisionKinds, fileItemParts, itemStatuses, measureKinds, measureOutcomes, meetingKinds, meetingStatuses, signalItemParts,
} from "./codes.ts";

/** The API contract of case conferences: meetings, their agenda, decisions, actions, and the measures register. */
const uuid = z.uuid();
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));
const isoDate = z.iso.date();
const datetime = z.iso.datetime();
const dateTimeInput = z.iso.datetime({ offset: true }).describe("Datum en tijd, ISO 8601 met tijdzone, bijvoorbeeld 2026-12-03T14:00:00+01:00");

export const idParams = z.object({ id: uuid }).strict();

export const meetingBody = z
  .object({
    kind: z.enum(meetingKinds),
    title: text(200),
    startsAt: dateTimeInput,
    endsAt: dateTimeInput,
    location: optionalText(300).describe("Plaats van het overleg"),
    videoLink: z.url({ protocol: /^https$/ }).max(500).optional().describe("Link naar de videoverbinding"),
    chairUserId: uuid.optional(),
    secretaryUserId: uuid.optional(),
    regionId: uuid.optional().describe("De regio, als uw organisatie in meer regio's werkt"),
  })
  .strict()
  .meta({ id: "MeetingCreate" });

export const meetingUpdateBody = z
  .object({
    title: text(200).optional(),
    startsAt: dateTimeInput.optional(),
    endsAt: dateTimeInput.optional(),
    location: z.string().trim().max(300).nullable().optional(),
    videoLink: z.url({ protocol: /^https$/ }).max(500).nullable().optional(),
    chairUserId: uuid.nullable().optional(),
    secretaryUserId: uuid.nullable().optional(),
  })
  .strict()
  .meta({ id: "MeetingUpdate" });

export const participantBody = z
  .object({
    organisationId: uuid,
    userIds: z.array(uuid).max(10).default([]).describe("De personen die namens de organisatie deelnemen"),
  })
  .strict()
  .meta({ id: "MeetingInvitation" });
export const participantParams = z.object({ id: uuid, organisationId: uuid }).strict();
export const delegateParams = z.object({ id: uuid, organisationId: uuid, userId: uuid }).strict();

export const meetingListQuery = z
  .object({
    scope: z.enum(["upcoming", "all"]).default("upcoming").describe("Komende en lopende overleggen, of alle"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

export const signalItemBody = z
  .object({
    meetingId: uuid,
    question: text(2000).describe("Wat het overleg moet bespreken of besluiten"),
    sharedParts: z.array(z.enum(signalItemParts)).min(1).max(signalItemParts.length),
  })
  .strict()
  .meta({ id: "SignalAgendaProposal" });

export const fileItemBody = z
  .object({
    meetingId: uuid,
    question: text(2000),
    sharedParts: z.array(z.enum(fileItemParts)).min(1).max(fileItemParts.length),
    legalBasis: legalBasisSchema.optional(),
    legalBasisNote: optionalText(2000),
  })
  .strict()
  .meta({ id: "VictimFileAgendaProposal" });

export const declineBody = z.object({ reason: text(2000) }).strict().meta({ id: "AgendaItemDecline" });
export const notesBody = z.object({ notes: z.string().trim().max(20_000).nullable() }).strict().meta({ id: "AgendaItemNotes" });

export const locationInput = z.discriminatedUnion("kind", [addressSchema, businessSchema]).meta({ id: "MeasureLocation" });

export const decisionBody = z
  .object({
    kind: z.enum(decisionKinds),
    description: text(5000),
    location: locationInput.optional().describe("Bij een bestuurlijke interventie: het adres of bedrijf; standaard de locatie van het signaal"),
  })
  .strict()
  .meta({ id: "ConferenceDecisionCreate" });

export const actionBody = z
  .object({
    description: text(2000),
    ownerOrganisationId: uuid,
    ownerUserId: uuid.optional(),
    deadline: isoDate,
  })
  .strict()
  .meta({ id: "ConferenceActionCreate" });

export const actionUpdateBody = z
  .object({ status: z.enum(actionStatuses), result: optionalText(5000) })
  .strict()
  .meta({ id: "ConferenceActionUpdate" });

export const actionListQuery = z
  .object({
    status: z.enum(actionStatuses).optional(),
    meetingId: uuid.optional(),
    overdue: z.enum(["true", "false"]).optional().transform((v) => (v === undefined ? undefined : v === "true")),
  })
  .strict();

export const minutesBody = z
  .object({ organisationId: uuid.describe("De organisatie voor wie het verslag is; wat zij niet mag zien, is afgeschermd") })
  .strict()
  .meta({ id: "MinutesRequest" });

export const measureBody = z
  .object({
    location: locationInput,
    kind: z.enum(measureKinds),
    decidedOn: isoDate,
    outcome: z.enum(measureOutcomes).default("pending"),
    outcomeOn: isoDate.optional(),
    note: optionalText(5000),
  })
  .strict()
  .meta({ id: "AdministrativeMeasureCreate" });

export const measureUpdateBody = z
  .object({ outcome: z.enum(measureOutcomes), outcomeOn: isoDate.optional(), note: optionalText(5000) })
  .strict()
  .meta({ id: "AdministrativeMeasureUpdate" });

export const measureListQuery = z
  .object({
    outcome: z.enum(measureOutcomes).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

export const locationHistoryQuery = z
  .object({
    postcode: z.string().trim().max(10).optional(),
    houseNumber: z.coerce.number().int().min(1).max(99999).optional(),
    houseLetter: z.string().trim().regex(/^[A-Za-z]$/, "één letter").optional(),
    addition: z.string().trim().regex(/^[A-Za-z0-9]{1,4}$/, "maximaal vier letters of cijfers").optional(),
    kvkNumber: z.string().trim().regex(/^[0-9]{8}$/, "een KvK-nummer heeft 8 cijfers").optional(),
  })
  .strict();

// Representations -----------------------------------------------------------------------------------------

const person = z.object({ userId: uuid, name: z.string().nullable() });

export const decisionSchema = z
  .object({ id: uuid, kind: z.enum(decisionKinds), description: z.string(), recordedByName: z.string().nullable(), recordedAt: datetime, measureId: uuid.nullable() })
  .meta({ id: "ConferenceDecision" });

export const actionSchema = z
  .object({
    id: uuid,
    itemId: uuid,
    meetingId: uuid,
    meetingReference: z.string(),
    subjectReference: z.string(),
    description: z.string(),
    ownerOrganisationId: uuid,
    ownerOrganisationName: z.string(),
    ownerUserId: uuid.nullable(),
    ownerName: z.string().nullable(),
    deadline: isoDate,
    overdue: z.boolean(),
    status: z.enum(actionStatuses),
    result: z.string().nullable(),
    doneAt: datetime.nullable(),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "ConferenceAction" });

export const sharedSectionSchema = z.object({ part: z.string(), label: z.string(), lines: z.array(z.string()) }).meta({ id: "SharedSection" });

/**
 * An agenda item. Everyone who sees the meeting sees the heading; the question, what was shared, notes,
 * decisions and actions are filled only for someone who may read the item (null otherwise).
 */
export const agendaItemSchema = z
  .object({
    id: uuid,
    meetingId: uuid,
    position: z.number().int().nullable(),
    status: z.enum(itemStatuses),
    subjectType: z.enum(["signal", "victim_file"]),
    subjectReference: z.string(),
    /** The signal or file itself, for whoever may open it (the proposer's side). */
    subjectId: uuid.nullable(),
    municipalityName: z.string().nullable(),
    proposerOrganisationName: z.string(),
    proposerName: z.string().nullable(),
    proposedAt: datetime,
    sharedParts: z.array(z.string()),
    sharingBasis: z.string(),
    readable: z.boolean(),
    question: z.string().nullable(),
    sharedContent: z.array(sharedSectionSchema).nullable(),
    declineReason: z.string().nullable(),
    notes: z.string().nullable(),
    decisions: z.array(decisionSchema).nullable(),
    actions: z.array(actionSchema).nullable(),
    waitingForFeedback: z.boolean(),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "AgendaItem" });

export const meetingSchema = z
  .object({
    id: uuid,
    reference: z.string(),
    organisationId: uuid,
    organisationName: z.string(),
    regionId: uuid,
    regionName: z.string(),
    kind: z.enum(meetingKinds),
    title: z.string(),
    startsAt: datetime,
    endsAt: datetime,
    location: z.string().nullable(),
    /** For organisers and delegates only. */
    videoLink: z.string().nullable(),
    chair: person.nullable(),
    secretary: person.nullable(),
    status: z.enum(meetingStatuses),
    openedAt: datetime.nullable(),
    closedAt: datetime.nullable(),
    /** For organisers and delegates; others see the invited organisations only. */
    participants: z.array(z.object({ organisationId: uuid, organisationName: z.string(), delegates: z.array(person) })),
    agenda: z.array(agendaItemSchema),
    isDelegate: z.boolean(),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "Meeting" });

export const meetingListItemSchema = z
  .object({
    id: uuid,
    reference: z.string(),
    organisationName: z.string(),
    kind: z.enum(meetingKinds),
    title: z.string(),
    startsAt: datetime,
    endsAt: datetime,
    location: z.string().nullable(),
    status: z.enum(meetingStatuses),
    isOrganiser: z.boolean(),
    isDelegate: z.boolean(),
    admittedItems: z.number().int(),
    proposedItems: z.number().int(),
    waitingForFeedback: z
      .number()
      .int()
      .describe(
        "Toegelaten punten van een gesloten overleg die nog op terugkoppeling wachten (nog geen besluit, of een actie staat nog open); " +
          "alleen de punten die u mag inzien worden geteld, dus voor een deelnemer zonder actie na afloop 0",
      ),
  })
  .meta({ id: "MeetingListItem" });

export const meetingListSchema = z
  .object({ items: z.array(meetingListItemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: "MeetingList" });

export const actionListSchema = z.object({ items: z.array(actionSchema) }).meta({ id: "ConferenceActionList" });

export const minutesFileSchema = z
  .object({
    fileName: z.string(),
    mediaType: z.literal("application/pdf"),
    encoding: z.literal("base64"),
    content: z.string().describe("Het PDF-bestand, base64-gecodeerd"),
  })
  .meta({ id: "MinutesFile" });

export const measureSchema = z
  .object({
    id: uuid,
    municipalityId: uuid,
    municipalityName: z.string(),
    subjectKind: z.enum(["address", "business"]),
    location: z.record(z.string(), z.unknown()).describe("Het adres of bedrijf (zoals bij een signaal)"),
    kind: z.enum(measureKinds),
    decisionId: uuid.nullable(),
    meetingReference: z.string().nullable(),
    decidedOn: isoDate,
    outcome: z.enum(measureOutcomes),
    outcomeOn: isoDate.nullable(),
    note: z.string().nullable(),
    otherSignals: z.number().int().describe("Signalen van de gemeente over dezelfde plek"),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "AdministrativeMeasure" });

export const measureListSchema = z
  .object({ items: z.array(measureSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: "AdministrativeMeasureList" });

export const locationHistorySchema = z
  .object({
    signals: z.array(z.object({ id: uuid, reference: z.string(), status: z.string(), receivedAt: datetime, exploitationForms: z.array(z.string()) })),
    measures: z.array(measureSchema),
  })
  .meta({ id: "LocationHistory" });

export const candidateQuery = z.object({ organisationId: uuid }).strict();
export const candidateSchema = z
  .object({ userId: uuid, name: z.string().nullable(), roles: z.array(z.string()), delegate: z.boolean().describe("Al deelnemer aan dit overleg") })
  .meta({ id: "MeetingDelegateCandidate" });

export const organiserSchema = z
  .object({ userId: uuid, name: z.string().nullable() })
  .describe("Een voorzitter van uw organisatie: kan een overleg voorzitten of er secretaris van zijn")
  .meta({ id: "MeetingOrganiser" });
export const organiserListSchema = z.array(organiserSchema);
