import { z } from "zod";
import { indicatorGroups } from "./catalogue-seed.ts";
import { iloCodes } from "./ilo.ts";

/** The API contract of the indicator catalogue: its versions, their indicators, and changes to it. */
const groupSchema = z.enum(indicatorGroups);
const iloCodeSchema = z.enum(iloCodes);
const text = z.string().trim().min(1).max(500);
const code = z.string().trim().min(1).max(20);

export const regionParams = z.object({ regionId: z.uuid() }).strict();
export const idParams = z.object({ id: z.uuid() }).strict();

const indicatorSchema = z
  .object({
    code: z.string().describe("Stable across versions; a retired code is never reused"),
    position: z.number().int(),
    textNl: z.string(),
    textEn: z.string(),
    iloCodes: z.array(z.string()),
  })
  .meta({ id: "Indicator" });

const indicatorGroupSchema = z
  .object({
    group: groupSchema,
    titleNl: z.string(),
    titleEn: z.string(),
    leadNl: z.string().describe("The sentence each indicator's text completes"),
    leadEn: z.string(),
    indicators: z.array(indicatorSchema),
  })
  .meta({ id: "IndicatorGroup" });

const iloIndicatorSchema = z.object({ code: iloCodeSchema, nameNl: z.string(), nameEn: z.string() }).meta({ id: "IloIndicator" });

export const catalogueSchema = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    version: z.number().int(),
    publishedAt: z.iso.datetime(),
    publishedBy: z.uuid().nullable().describe("The administrator who published it; null for version 1 from Bijlage 3"),
    changeNote: z.string(),
    groups: z.array(indicatorGroupSchema),
    ilo: z.array(iloIndicatorSchema).describe("The ILO's eleven indicators of forced labour"),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "IndicatorCatalogue" });

export const versionListSchema = z
  .object({
    items: z.array(
      z
        .object({
          id: z.uuid(),
          version: z.number().int(),
          publishedAt: z.iso.datetime(),
          publishedBy: z.uuid().nullable(),
          changeNote: z.string(),
          indicatorCount: z.number().int(),
        })
        .meta({ id: "IndicatorCatalogueVersion" }),
    ),
  })
  .meta({ id: "IndicatorCatalogueVersionList" });

export const changeBody = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("add"), group: groupSchema, textNl: text, textEn: text, iloCodes: z.array(iloCodeSchema).max(11).default([]) }).strict(),
    z.object({ kind: z.literal("reword"), code, textNl: text, textEn: text, iloCodes: z.array(iloCodeSchema).max(11).optional() }).strict(),
    z.object({ kind: z.literal("retire"), code }).strict(),
  ])
  .meta({ id: "IndicatorCatalogueChange" });
