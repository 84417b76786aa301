import { z } from "zod";

/** The API contract of signals and the reporting route: request bodies, queries and representations. */
const uuid = z.uuid();

export const statuses = [
  "received", "recorded", "enriched", "assessed", "referred", "feedback_collected", "reporter_informed", "closed",
] as const;
export const urgencies = ["acute", "high", "normal"] as const;
export const exploitationForms = ["sexual", "criminal", "labour", "other", "unclear"] as const;
export const outcomes = [
  "referred_to_care", "referred_to_investigation", "administrative_action", "no_indication", "insufficient_information", "merged",
] as const;
export const channels = [
  "care_coordination", "zvh_signal_meeting", "local_undermining_meeting", "riec_case_conference", "police", "labour_inspectorate", "veilig_thuis",
] as const;
export const sharedParts = ["description", "indicators", "location", "victims", "perpetrators", "enrichments", "reporter"] as const;
export const feedbackOutcomes = [
  "investigation_started", "care_started", "administrative_action", "discussed_no_action", "no_indication", "other",
] as const;
export const genders = ["female", "male", "other", "unknown"] as const;

export const statusSchema = z.enum(statuses);
export const urgencySchema = z.enum(urgencies);
export const formSchema = z.enum(exploitationForms);
export const outcomeSchema = z.enum(outcomes);
export const channelSchema = z.enum(channels);
export const sharedPartSchema = z.enum(sharedParts);

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));

/** Dutch postcode: four digits (not starting with 0) and two letters, except SA, SD and SS. */
export const postcodeSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s+/g, "").toUpperCase())
  .refine((v) => /^[1-9][0-9]{3}[A-Z]{2}$/.test(v) && !/(SA|SD|SS)$/.test(v), "geen geldige Nederlandse postcode (bijvoorbeeld 6901 AB)");

export const addressSchema = z
  .object({
    kind: z.literal("address"),
    postcode: postcodeSchema,
    houseNumber: z.coerce.number().int().min(1, "huisnummer moet 1 of hoger zijn").max(99999),
    houseLetter: z.string().trim().regex(/^[A-Za-z]$/, "één letter").optional(),
    addition: z.string().trim().regex(/^[A-Za-z0-9]{1,4}$/, "maximaal vier letters of cijfers").optional(),
    street: optionalText(200),
    city: optionalText(100),
  })
  .strict();

export const businessSchema = z
  .object({
    kind: z.literal("business"),
    kvkNumber: z.string().trim().regex(/^[0-9]{8}$/, "een KvK-nummer heeft 8 cijfers"),
    name: optionalText(200),
    postcode: postcodeSchema.optional(),
    houseNumber: z.coerce.number().int().min(1).max(99999).optional(),
  })
  .strict();

export const otherLocationSchema = z.object({ kind: z.literal("other"), description: text(500) }).strict();

export const locationSchema = z.discriminatedUnion("kind", [addressSchema, businessSchema, otherLocationSchema]);

/** The location as it is answered (already normalised; output schemas carry no transforms). */
export const locationOutSchema = z
  .object({
    kind: z.enum(["address", "business", "other"]),
    postcode: z.string().optional(),
    houseNumber: z.number().int().optional(),
    houseLetter: z.string().optional(),
    addition: z.string().optional(),
    street: z.string().optional(),
    city: z.string().optional(),
    kvkNumber: z.string().optional(),
    name: z.string().optional(),
    description: z.string().optional(),
  })
  .meta({ id: "SignalLocation" });

export const personInput = z
  .object({
    name: optionalText(200),
    birthDate: z.iso.date().optional(),
    gender: z.enum(genders).optional(),
    nationality: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "landcode van drie letters (ISO 3166), bijvoorbeeld NLD").optional(),
    phone: z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, "geen geldig telefoonnummer").optional(),
    description: optionalText(2000),
  })
  .strict();

export const intakeBody = z
  .object({
    municipalityId: uuid,
    indicatorCodes: z.array(z.string().min(1).max(40)).max(60).default([]),
    description: text(10_000),
    observedOn: z.iso.date().optional(),
    observedPeriod: optionalText(200),
    location: locationSchema.optional(),
    victims: z.array(personInput).max(20).default([]),
    perpetrators: z.array(personInput).max(20).default([]),
    reporterTeam: optionalText(200),
    reporterAnonymous: z.boolean().default(false),
    immediateDanger: z.boolean().default(false),
  })
  .strict()
  .meta({ id: "SignalIntake" });

export const citizenIntakeBody = z
  .object({
    municipalityId: uuid,
    description: text(5_000),
    observedOn: z.iso.date().optional(),
    location: locationSchema.optional(),
    /** A field people do not see; bots fill it in. */
    website: z.string().max(200).optional(),
  })
  .strict()
  .meta({ id: "CitizenSignal" });

export const transitionBody = z
  .object({
    to: statusSchema,
    reason: optionalText(2000),
    urgency: urgencySchema.optional(),
    exploitationForms: z.array(formSchema).max(5).optional(),
    feedbackToReporter: optionalText(5000),
    outcome: outcomeSchema.exclude(["merged"]).optional(),
  })
  .strict()
  .meta({ id: "SignalTransition" });

export const enrichmentBody = z
  .discriminatedUnion("source", [
    z.object({ source: z.literal("brp"), purpose: text(500) }).strict(),
    z.object({ source: z.literal("manual"), purpose: text(500), note: text(5000) }).strict(),
  ])
  .meta({ id: "SignalEnrichmentRequest" });

export const referralBody = z
  .object({
    organisationId: uuid,
    channel: channelSchema,
    purpose: text(1000),
    sharedParts: z.array(sharedPartSchema).min(1).max(sharedParts.length),
  })
  .strict()
  .meta({ id: "ReferralRequest" });

export const declineBody = z.object({ reason: text(2000) }).strict().meta({ id: "ReferralDecline" });
export const feedbackBody = z
  .object({ outcome: z.enum(feedbackOutcomes), text: text(5000) })
  .strict()
  .meta({ id: "ReferralFeedback" });
export const mergeBody = z
  .object({
    into: z.string().trim().min(1).max(40).describe("Id of kenmerk (bijvoorbeeld ZEV-2026-00042) van het signaal waarin dit signaal opgaat"),
    reason: text(2000),
  })
  .strict()
  .meta({ id: "SignalMerge" });
export const reopenBody = z.object({ reason: text(2000) }).strict().meta({ id: "SignalReopen" });

export const queueSorts = ["due_at", "-due_at", "received_at", "-received_at", "urgency", "reference"] as const;

export const queueQuery = z
  .object({
    status: z.union([statusSchema, z.literal("open")]).optional().describe("Een status, of 'open' voor alles wat niet gesloten is"),
    urgency: urgencySchema.optional(),
    form: formSchema.optional(),
    referredTo: uuid.optional().describe("Alleen signalen die zijn doorgezet naar deze organisatie"),
    overdue: z.enum(["true", "false"]).optional().transform((v) => (v === undefined ? undefined : v === "true")),
    q: z.string().trim().min(2).max(200).optional().describe("Zoek op kenmerk of op hele woorden uit tekst, namen en adres"),
    sort: z.enum(queueSorts).default("due_at"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

export const idParams = z.object({ id: uuid }).strict();

const person = z
  .object({
    id: uuid,
    role: z.enum(["victim", "perpetrator"]),
    name: z.string().nullable(),
    birthDate: z.iso.date().nullable(),
    gender: z.enum(genders).nullable(),
    nationality: z.string().nullable(),
    phone: z.string().nullable(),
    description: z.string().nullable(),
    /** Other signals concern the same name and date of birth (hit/no-hit, without their content). */
    otherSignals: z.boolean(),
  })
  .meta({ id: "SignalPerson" });

const historyEntry = z
  .object({
    id: uuid,
    occurredAt: z.iso.datetime(),
    kind: z.string(),
    fromStatus: statusSchema.nullable(),
    toStatus: statusSchema.nullable(),
    skipped: z.array(statusSchema),
    reason: z.string().nullable(),
    actorName: z.string().nullable(),
    actorOrganisationName: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "SignalHistoryEntry" });

export const referralSchema = z
  .object({
    id: uuid,
    signalId: uuid,
    signalReference: z.string(),
    organisationId: uuid,
    organisationName: z.string(),
    channel: channelSchema,
    purpose: z.string(),
    sharedParts: z.array(sharedPartSchema),
    status: z.enum(["open", "accepted", "declined", "answered", "withdrawn"]),
    createdAt: z.iso.datetime(),
    dueAt: z.iso.datetime(),
    overdue: z.boolean(),
    respondedAt: z.iso.datetime().nullable(),
    declineReason: z.string().nullable(),
    feedbackOutcome: z.enum(feedbackOutcomes).nullable(),
    feedback: z.string().nullable(),
    feedbackAt: z.iso.datetime().nullable(),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "Referral" });

const enrichment = z
  .object({
    id: uuid,
    source: z.enum(["brp", "manual"]),
    purpose: z.string(),
    performedAt: z.iso.datetime(),
    performedByName: z.string().nullable(),
    note: z.string().nullable(),
    registeredCount: z.number().int().nullable(),
    residents: z.array(z.object({ registeredSince: z.string().nullable() })),
  })
  .meta({ id: "SignalEnrichment" });

const indicatorRef = z.object({ code: z.string(), group: z.string(), textNl: z.string(), textEn: z.string() });

/**
 * One signal as the actor may see it. Parts the actor may not see are null (a partner sees only the parts
 * shared with their organisation; `visibleParts` says which).
 */
export const signalSchema = z
  .object({
    id: uuid,
    reference: z.string(),
    municipalityId: uuid,
    municipalityName: z.string(),
    source: z.enum(["employee", "citizen"]),
    status: statusSchema,
    urgency: urgencySchema,
    urgencyAssessed: z.boolean(),
    exploitationForms: z.array(formSchema),
    outcome: outcomeSchema.nullable(),
    mergedIntoId: uuid.nullable(),
    receivedAt: z.iso.datetime(),
    dueAt: z.iso.datetime().nullable(),
    overdue: z.boolean(),
    closedAt: z.iso.datetime().nullable(),
    visibleParts: z.array(sharedPartSchema),
    catalogue: z.object({ id: uuid, version: z.number().int() }),
    indicators: z.array(indicatorRef).nullable(),
    suggestedForms: z.array(z.string()).nullable(),
    description: z.string().nullable(),
    observedOn: z.string().nullable(),
    observedPeriod: z.string().nullable(),
    location: locationOutSchema.nullable(),
    /** Other signals concern the same address or business (hit/no-hit). */
    locationOtherSignals: z.boolean().nullable(),
    victims: z.array(person).nullable(),
    perpetrators: z.array(person).nullable(),
    reporter: z
      .object({ name: z.string().nullable(), organisationName: z.string().nullable(), team: z.string().nullable(), anonymous: z.boolean() })
      .nullable(),
    feedbackToReporter: z.string().nullable(),
    enrichments: z.array(enrichment).nullable(),
    referrals: z.array(referralSchema),
    history: z.array(historyEntry).nullable(),
    /** Transitions the actor may make now, with whether a reason is needed (a skipped step). */
    /** The municipality has a population register (BRP) connection for enrichment. */
    brpAvailable: z.boolean(),
    nextSteps: z.array(z.object({ to: statusSchema, skips: z.array(statusSchema), needsReason: z.boolean() })),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "Signal" });

export const queueItemSchema = z
  .object({
    id: uuid,
    reference: z.string(),
    municipalityName: z.string(),
    source: z.enum(["employee", "citizen"]),
    status: statusSchema,
    urgency: urgencySchema,
    exploitationForms: z.array(formSchema),
    receivedAt: z.iso.datetime(),
    dueAt: z.iso.datetime().nullable(),
    overdue: z.boolean(),
    referralCount: z.number().int(),
    openReferralCount: z.number().int(),
  })
  .meta({ id: "SignalQueueItem" });

export const queueSchema = z
  .object({ items: z.array(queueItemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: "SignalQueue" });

/** What a reporter sees of their own signal: status and the feedback meant for them, nothing else. */
export const ownSignalSchema = z
  .object({
    id: uuid,
    reference: z.string(),
    municipalityName: z.string(),
    status: statusSchema,
    receivedAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
    feedbackToReporter: z.string().nullable(),
  })
  .meta({ id: "OwnSignal" });

export const ownSignalListSchema = z
  .object({ items: z.array(ownSignalSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: "OwnSignalList" });

export const submittedSchema = z
  .object({ id: uuid, reference: z.string(), status: statusSchema, receivedAt: z.iso.datetime() })
  .meta({ id: "SubmittedSignal" });

export const citizenReceiptSchema = z
  .object({ received: z.literal(true), reference: z.string() })
  .meta({ id: "CitizenSignalReceipt" });

export const municipalityOptionSchema = z
  .object({ id: uuid, name: z.string(), regionId: uuid, regionName: z.string() })
  .meta({ id: "MunicipalityOption" });

export const routeSettingsSchema = z
  .object({
    municipalityId: uuid,
    deadlines: z.array(
      z.object({
        urgency: urgencySchema,
        assessDays: z.number().int().min(0).max(60),
        feedbackDays: z.number().int().min(0).max(120),
        informDays: z.number().int().min(0).max(60),
      }),
    ),
    brp: z.object({ baseUrl: z.url(), hasApiKey: z.boolean() }).nullable(),
  })
  .meta({ id: "RouteSettings" });

export const routeSettingsBody = z
  .object({
    deadlines: routeSettingsSchema.shape.deadlines.optional(),
    brp: z.object({ baseUrl: z.url({ protocol: /^https?$/ }), apiKey: z.string().min(1).max(500).optional() }).nullable().optional(),
  })
  .strict()
  .meta({ id: "RouteSettingsUpdate" });
