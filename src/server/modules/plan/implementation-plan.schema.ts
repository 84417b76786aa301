import { z } from "zod";
import { activityStatuses, coverSources, planScopes } from "./plan-codes.ts";

/** The API contract of the implementation plan: plans, action lines, activities, progress and budget, reports. */
const uuid = z.uuid();
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));
const nullableText = (max: number) => z.string().trim().max(max).nullable().optional().transform((v) => (v === undefined ? undefined : v ? v : null));
const isoDate = z.iso.date();
const datetime = z.iso.datetime();
const year = z.number().int().min(2000).max(2100);
const amount = z.number().int().min(0).max(1_000_000_000).describe("Bedrag in hele euro's");
const leadTimeBound = z
  .string()
  .trim()
  .regex(/^\d{4}-(\d{2}-\d{2}|Q[1-4])$/, "een datum (2023-03-01) of een kwartaal (2023-Q1)")
  .describe("Een datum (JJJJ-MM-DD) of een kwartaal (JJJJ-Q1 … JJJJ-Q4)");

export const idParams = z.object({ id: uuid }).strict();

export const planBody = z
  .object({
    scope: z.enum(planScopes).describe("Een plan van de eigen gemeente, of een regionaal plan van de centrumgemeente"),
    regionId: uuid.optional().describe("De regio, als uw gemeente in meer regio's werkt"),
    title: text(200),
    description: optionalText(5000),
    periodStart: year.describe("Eerste jaar van de looptijd, bijvoorbeeld 2022"),
    periodEnd: year.describe("Laatste jaar van de looptijd, bijvoorbeeld 2025"),
  })
  .strict()
  .meta({ id: "ImplementationPlanCreate" });

export const planUpdateBody = z
  .object({
    title: text(200).optional(),
    description: nullableText(5000),
    periodStart: year.optional(),
    periodEnd: year.optional(),
  })
  .strict()
  .meta({ id: "ImplementationPlanUpdate" });

export const actionLineBody = z
  .object({
    number: z.number().int().min(1).max(99).optional().describe("Het nummer van de actielijn; standaard het volgende"),
    title: text(200),
    goal: optionalText(5000).describe("Wat de actielijn wil bereiken"),
  })
  .strict()
  .meta({ id: "PlanActionLineCreate" });

export const actionLineUpdateBody = z
  .object({ number: z.number().int().min(1).max(99).optional(), title: text(200).optional(), goal: nullableText(5000) })
  .strict()
  .meta({ id: "PlanActionLineUpdate" });

export const budgetLineInput = z
  .object({
    year,
    costs: amount.describe("Kosten (lasten) in dit jaar, in hele euro's"),
    cover: amount.default(0).describe("Dekking in dit jaar, in hele euro's"),
    coverSource: z.enum(coverSources).optional().describe("Waar de dekking vandaan komt; verplicht bij dekking"),
    coverNote: optionalText(300).describe("Bijvoorbeeld de begrotingspost"),
  })
  .strict();

export const activityBody = z
  .object({
    number: z.number().int().min(1).max(99).optional().describe("Het nummer binnen de actielijn; standaard het volgende"),
    title: text(300),
    intendedResult: optionalText(5000).describe("Het beoogd resultaat"),
    responsibleOrganisationId: uuid.describe("De organisatie die verantwoordelijk is (een organisatie in de regio)"),
    partnerOrganisationIds: z.array(uuid).max(30).default([]).describe("Uitvoeringspartners uit de regio"),
    startsOn: leadTimeBound.optional(),
    endsOn: leadTimeBound.optional(),
    status: z.enum(activityStatuses).default("not_started"),
    budget: z.array(budgetLineInput).max(11).default([]).describe("Kosten en dekking per jaar van de looptijd"),
  })
  .strict()
  .meta({ id: "PlanActivityCreate" });

export const activityUpdateBody = z
  .object({
    number: z.number().int().min(1).max(99).optional(),
    title: text(300).optional(),
    intendedResult: nullableText(5000),
    responsibleOrganisationId: uuid.optional(),
    partnerOrganisationIds: z.array(uuid).max(30).optional(),
    startsOn: leadTimeBound.nullable().optional(),
    endsOn: leadTimeBound.nullable().optional(),
    status: z.enum(activityStatuses).optional().describe("Een nieuwe status; de wijziging komt in de voortgang"),
    budget: z.array(budgetLineInput).max(11).optional().describe("Vervangt de begroting van de activiteit"),
  })
  .strict()
  .meta({ id: "PlanActivityUpdate" });

export const progressNoteBody = z
  .object({
    note: text(5000).describe("Wat er is gedaan of bereikt"),
    notedOn: isoDate.optional().describe("De datum van de voortgang; standaard vandaag"),
  })
  .strict()
  .meta({ id: "PlanProgressNoteCreate" });

export const reportBody = z
  .object({ format: z.enum(["pdf", "xlsx"]).describe("PDF of Excel (XLSX)") })
  .strict()
  .meta({ id: "ImplementationPlanReportRequest" });

/* Responses. */

const organisationRef = z.object({ id: uuid, name: z.string() }).meta({ id: "PlanOrganisationRef" });
const statusCounts = z.record(z.enum(activityStatuses), z.number().int()).meta({ id: "PlanStatusCounts" });

export const budgetYearSchema = z
  .object({
    year: z.number().int(),
    costs: z.number().int(),
    cover: z.number().int(),
    gap: z.number().int().describe("Kosten min dekking: positief is een tekort"),
  })
  .meta({ id: "PlanBudgetYear" });

export const budgetLineSchema = z
  .object({
    year: z.number().int(),
    costs: z.number().int(),
    cover: z.number().int(),
    coverSource: z.enum(coverSources).nullable(),
    coverNote: z.string().nullable(),
  })
  .meta({ id: "PlanBudgetLine" });

export const progressEntrySchema = z
  .object({
    id: uuid,
    kind: z.enum(["note", "status"]),
    notedOn: isoDate,
    note: z.string().nullable(),
    statusFrom: z.enum(activityStatuses).nullable(),
    statusTo: z.enum(activityStatuses).nullable(),
    authorName: z.string().nullable().describe("De medewerker die de voortgang vastlegde"),
    authorOrganisationName: z.string(),
    createdAt: datetime,
  })
  .meta({ id: "PlanProgressEntry" });

export const activitySchema = z
  .object({
    id: uuid,
    actionLineId: uuid,
    number: z.number().int(),
    code: z.string().describe("Actielijn en activiteit, bijvoorbeeld 1.2"),
    title: z.string(),
    intendedResult: z.string().nullable(),
    responsibleOrganisation: organisationRef,
    partners: z.array(organisationRef),
    startsOn: isoDate.nullable(),
    endsOn: isoDate.nullable(),
    leadTimeUnit: z.enum(["date", "quarter"]),
    status: z.enum(activityStatuses),
    nextStatuses: z.array(z.enum(activityStatuses)),
    overdue: z.boolean().describe("De einddatum is voorbij en de activiteit is niet afgerond of geannuleerd"),
    budget: z.array(budgetLineSchema),
    progress: z.array(progressEntrySchema).describe("Nieuwste eerst"),
  })
  .meta({ id: "PlanActivity" });

export const actionLineSchema = z
  .object({
    id: uuid,
    number: z.number().int(),
    title: z.string(),
    goal: z.string().nullable(),
    activities: z.array(activitySchema),
    budget: z.array(budgetYearSchema),
  })
  .meta({ id: "PlanActionLine" });

export const overviewSchema = z
  .object({
    activityCount: z.number().int(),
    statusCounts,
    overdueCount: z.number().int(),
    budget: z.array(budgetYearSchema).describe("Per jaar van de looptijd: kosten, dekking en het tekort"),
    totals: budgetYearSchema.omit({ year: true }),
    coverBySource: z.array(z.object({ source: z.enum(coverSources), year: z.number().int(), amount: z.number().int() })),
  })
  .meta({ id: "ImplementationPlanOverview" });

export const planSchema = z
  .object({
    id: uuid,
    scope: z.enum(planScopes),
    title: z.string(),
    description: z.string().nullable(),
    periodStart: z.number().int(),
    periodEnd: z.number().int(),
    years: z.array(z.number().int()),
    ownerOrganisation: organisationRef,
    region: organisationRef,
    createdAt: datetime,
    updatedAt: datetime,
    actionLines: z.array(actionLineSchema),
    overview: overviewSchema,
    organisations: z.array(organisationRef.extend({ type: z.string() })).describe("De organisaties van de regio: te kiezen als verantwoordelijke of partner"),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "ImplementationPlan" });

export const planListItemSchema = z
  .object({
    id: uuid,
    scope: z.enum(planScopes),
    title: z.string(),
    periodStart: z.number().int(),
    periodEnd: z.number().int(),
    ownerOrganisation: organisationRef,
    region: organisationRef,
    activityCount: z.number().int(),
    overdueCount: z.number().int(),
    statusCounts,
    costs: z.number().int(),
    cover: z.number().int(),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "ImplementationPlanListItem" });

export const planListSchema = z
  .object({
    items: z.array(planListItemSchema),
    newPlanOptions: z.array(z.object({ scope: z.enum(planScopes), region: organisationRef })).describe("Welke plannen u kunt aanmaken"),
  })
  .meta({ id: "ImplementationPlanList" });

export const reportFileSchema = z
  .object({
    fileName: z.string(),
    mediaType: z.enum(["application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]),
    encoding: z.literal("base64"),
    content: z.string().describe("Het bestand, base64-gecodeerd"),
  })
  .meta({ id: "ImplementationPlanReport" });
