import { z } from "zod";
import { areaKinds, MAX_CONTENT_CHARS, measures } from "./historic.ts";

/** The API contract of the historic figures: the imported counts of years before Ketenzicht. */
const uuid = z.uuid();

export const historicIdParams = z.object({ id: uuid }).strict();

export const historicQuery = z
  .object({
    area: z
      .union([uuid, z.literal("all")])
      .optional()
      .describe("Een regio of gemeente (id), of all; zonder: alle gebieden die u mag zien"),
  })
  .strict();

export const historicImportBody = z
  .object({
    fileName: z.string().trim().min(1).max(255).describe("De bestandsnaam; .csv"),
    content: z.string().min(1).max(MAX_CONTENT_CHARS).describe("De inhoud van het CSV-bestand als tekst (UTF-8), ten hoogste 1.000.000 tekens"),
    dryRun: z.boolean().default(false).describe("Alleen controleren en tonen wat er zou worden ingelezen"),
  })
  .strict()
  .meta({ id: "MonitorHistoricImport" });

const areaSchema = {
  areaKind: z.enum(areaKinds).describe("region: de cijfers van de hele regio; municipality: van één gemeente"),
  areaId: uuid.describe("De regio of gemeente"),
  areaName: z.string(),
  regionId: uuid,
};

export const historicFigureSchema = z
  .object({
    id: uuid,
    ...areaSchema,
    year: z.number().int(),
    measure: z.enum(measures).describe("signals: meldingen (signalen) ontvangen in het jaar; care_trajectories: zorgtrajecten gestart in het jaar"),
    count: z.number().int(),
    source: z.string().nullable().describe("Waar het cijfer vandaan komt"),
    importedBy: z.string().nullable().describe("Wie het cijfer inlas"),
    importedAt: z.iso.datetime(),
    abilities: z.object({ delete: z.boolean() }),
  })
  .meta({ id: "MonitorHistoricFigure" });

export const historicAreaSchema = z.object({ kind: z.enum(areaKinds), id: uuid, name: z.string() }).meta({ id: "MonitorHistoricArea" });

export const historicListSchema = z
  .object({
    items: z.array(historicFigureSchema),
    importAreas: z.array(historicAreaSchema).describe("De gebieden waarvoor u cijfers mag inlezen"),
  })
  .meta({ id: "MonitorHistoricFigureList" });

export const historicImportRowSchema = z
  .object({
    row: z.number().int().describe("Het regelnummer in het bestand (de kopregel is regel 1)"),
    ...areaSchema,
    year: z.number().int(),
    measure: z.enum(measures),
    count: z.number().int(),
    source: z.string().nullable(),
    replaces: z.number().int().nullable().describe("Het eerder ingelezen cijfer dat dit cijfer vervangt; null als er nog geen was"),
  })
  .meta({ id: "MonitorHistoricImportRow" });

export const historicImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    imported: z.number().int().describe("Het aantal opgeslagen cijfers (0 bij alleen controleren)"),
    replaced: z.number().int().describe("Hoeveel daarvan een eerder ingelezen cijfer vervangen (of zouden vervangen)"),
    figures: z.array(historicImportRowSchema),
  })
  .meta({ id: "MonitorHistoricImportResult" });

export type HistoricFigure = z.infer<typeof historicFigureSchema>;
export type HistoricImportResult = z.infer<typeof historicImportResultSchema>;
