import { z } from "zod";

/** The API contract of focal officers per municipality and the region's overview of them. */
export const domains = ["safety", "social"] as const;
export type Domain = (typeof domains)[number];

/**
 * How a municipality is covered (Zevenaar 3.2.1, 4.2.4): no focal officer, only one, two or more from one
 * domain, or at least one from safety and one from the social domain (the advice).
 */
export const coverages = ["none", "one", "one_domain", "complete"] as const;
export type Coverage = (typeof coverages)[number];

const uuid = z.uuid();
const domain = z.enum(domains).describe("Achtergrond van de aandachtsfunctionaris: veiligheid (safety) of sociaal domein (social)");

export const idParams = z.object({ id: uuid }).strict();
export const overviewQuery = z
  .object({ regionId: uuid.optional().describe("Alleen deze regio; zonder: alle regio's waarin u werkt of die u beheert") })
  .strict();

const person = z
  .object({
    userId: uuid,
    name: z.string().nullable(),
    municipalityId: uuid,
    municipalityName: z.string(),
    current: z.boolean().describe("Nog actief en nog aandachtsfunctionaris; zo niet, dan telt de persoon niet mee"),
  })
  .meta({ id: "FocalOfficerPerson" });

export const focalOfficerSchema = z
  .object({
    id: uuid,
    municipalityId: uuid,
    userId: uuid,
    name: z.string().nullable(),
    domain,
    current: z.boolean().describe("Het account is actief en heeft de rol aandachtsfunctionaris; alleen dan telt de benoeming mee"),
    substitute: person.nullable().describe("De vervanger: een aandachtsfunctionaris van deze of een andere gemeente in de regio"),
    namedAt: z.iso.datetime(),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "FocalOfficer" });

export const municipalityOfficersSchema = z
  .object({
    municipalityId: uuid,
    municipalityName: z.string(),
    officers: z.array(focalOfficerSchema),
    count: z.number().int().describe("Het aantal benoemde aandachtsfunctionarissen dat meetelt"),
    domains: z.array(domain).describe("De domeinen die deze aandachtsfunctionarissen dekken"),
    coverage: z.enum(coverages).describe("none: geen; one: maar één; one_domain: twee of meer uit één domein; complete: veiligheid én sociaal domein"),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "MunicipalityFocalOfficers" });

export const overviewSchema = z
  .object({
    regions: z.array(
      z
        .object({ regionId: uuid, regionName: z.string(), municipalities: z.array(municipalityOfficersSchema) })
        .meta({ id: "RegionFocalOfficers" }),
    ),
  })
  .meta({ id: "FocalOfficerOverview" });

export const createBody = z
  .object({
    userId: uuid.describe("Een medewerker van de gemeente met de rol aandachtsfunctionaris"),
    domain,
    substituteUserId: uuid.optional().describe("Een andere aandachtsfunctionaris van deze of een andere gemeente in de regio"),
  })
  .strict()
  .meta({ id: "FocalOfficerCreate" });

export const updateBody = z
  .object({
    domain: domain.optional(),
    substituteUserId: uuid.nullable().optional().describe("null: geen vervanger"),
  })
  .strict()
  .meta({ id: "FocalOfficerUpdate" });

export const candidatesSchema = z
  .object({
    officers: z.array(z.object({ userId: uuid, name: z.string().nullable(), named: z.boolean() })).describe("Medewerkers van de gemeente met de rol aandachtsfunctionaris"),
    substitutes: z.array(z.object({ userId: uuid, name: z.string().nullable(), municipalityId: uuid, municipalityName: z.string() }))
      .describe("Aandachtsfunctionarissen van de gemeenten in de regio, die kunnen vervangen"),
  })
  .meta({ id: "FocalOfficerCandidates" });
