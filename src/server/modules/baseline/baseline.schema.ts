import { z } from "zod";
import { attestedCriteria, criteria, criterionStates } from "./criteria.ts";

/** The API contract of the baseline checklist: the region's overview, one municipality's checklist, an attestation. */
const uuid = z.uuid();
export const idParams = z.object({ id: uuid }).strict();
export const overviewQuery = z
  .object({ regionId: uuid.optional().describe("Alleen deze regio; zonder: alle regio's waarin u werkt of die u beheert") })
  .strict();

const criterionDetail = z
  .object({
    signals: z.number().int().optional().describe("Aantal signalen van de gemeente in de afgelopen twaalf maanden (alleen een aantal)"),
    officers: z.number().int().optional().describe("Aantal benoemde aandachtsfunctionarissen dat meetelt"),
    targets: z.number().int().optional().describe("Aantal trainingsdoelen"),
    targetsMet: z.number().int().optional().describe("Aantal gehaalde trainingsdoelen"),
    targetsOverdue: z.number().int().optional().describe("Aantal doelen waarvan de datum voorbij is en die niet zijn gehaald"),
  })
  .meta({ id: "BaselineCriterionDetail" });

export const criterionSchema = z
  .object({
    criterion: z.enum(criteria),
    kind: z.enum(["derived", "attested"]).describe("derived: berekend uit de gegevens; attested: verklaard door de beleidsmedewerker"),
    state: z.enum(criterionStates),
    date: z.iso.date().nullable().describe("Berekend: de peildatum; verklaard: de datum van de laatste verklaring"),
    detail: criterionDetail,
    documentReference: z.string().nullable().optional(),
    note: z.string().nullable().optional(),
  })
  .meta({ id: "BaselineCriterion" });

export const municipalityBaselineSchema = z
  .object({
    municipalityId: uuid,
    municipalityName: z.string(),
    asOf: z.iso.date(),
    meetsBaseline: z.boolean().describe("Aan alle criteria voldaan"),
    metCount: z.number().int(),
    criteria: z.array(criterionSchema),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "MunicipalityBaseline" });

export const overviewSchema = z
  .object({
    asOf: z.iso.date(),
    criteria: z.array(z.enum(criteria)),
    regions: z.array(
      z.object({ regionId: uuid, regionName: z.string(), municipalities: z.array(municipalityBaselineSchema) }).meta({ id: "RegionBaseline" }),
    ),
  })
  .meta({ id: "BaselineOverview" });

export const attestationSchema = z
  .object({
    id: uuid,
    criterion: z.enum(attestedCriteria),
    met: z.boolean(),
    attestedOn: z.iso.date(),
    documentReference: z.string().nullable(),
    note: z.string().nullable(),
    recordedBy: z.string().nullable().describe("Naam van de beleidsmedewerker die het vastlegde"),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: "BaselineAttestation" });

export const checklistSchema = municipalityBaselineSchema
  .extend({ history: z.array(attestationSchema).describe("Alle verklaringen, nieuwste eerst") })
  .meta({ id: "BaselineChecklist" });

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));

export const attestationBody = z
  .object({
    criterion: z.enum(attestedCriteria),
    met: z.boolean().describe("Voldoet de gemeente aan dit criterium?"),
    attestedOn: z.iso.date().describe("De datum van het document of de vaststelling (vandaag of eerder)"),
    documentReference: optionalText(300).describe("Verwijzing naar het document, bijvoorbeeld 'APV 2025, art. 3.2' of een zaaknummer"),
    note: optionalText(2000).describe("Toelichting; verplicht als er geen documentverwijzing is"),
  })
  .strict()
  .meta({ id: "BaselineAttestationCreate" });
