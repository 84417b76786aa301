import { z } from "zod";

/** The API contract of monitor exports: a file composed in the background, its progress, and its download. */
const uuid = z.uuid();

export const exportReports = ["table", "dashboard", "annual_report", "evaluation_report"] as const;
export const exportFormats = ["csv", "xlsx", "pdf"] as const;
export const exportVariants = ["internal", "published"] as const;
export const exportStatuses = ["queued", "running", "done", "failed"] as const;

export type ExportReport = (typeof exportReports)[number];
export type ExportFormat = (typeof exportFormats)[number];

/** Which formats each report comes in. */
export const formatsOf: Record<ExportReport, readonly ExportFormat[]> = {
  table: ["csv", "xlsx"],
  dashboard: ["xlsx"],
  annual_report: ["pdf"],
  evaluation_report: ["pdf"],
};

export const exportBody = z
  .object({
    report: z.enum(exportReports).describe("table: één tabel; dashboard: alle tabellen; annual_report: het jaarlijkse monitorrapport; evaluation_report: de evaluatie van een pilotjaar"),
    format: z.enum(exportFormats).describe("csv: alleen voor een tabel; xlsx: een tabel of het dashboard (een blad per tabel); pdf: de rapporten"),
    variant: z.enum(exportVariants).optional()
      .describe("internal: exacte aantallen (niet publiceren); published: kleine aantallen afgeschermd. Zonder: internal als u exacte aantallen mag zien, anders published"),
    area: z.union([uuid, z.literal("all")]).optional().describe("Een gemeente of regio (id), of all; zonder: uw gemeente, anders uw eerste regio"),
    from: z.iso.date().optional().describe("Begin van de periode (JJJJ-MM-DD); zonder: 1 januari van dit jaar"),
    to: z.iso.date().optional().describe("Einde van de periode (JJJJ-MM-DD, inclusief); zonder: vandaag"),
    compare: z.boolean().optional().describe("Vergelijken met dezelfde periode een jaar eerder; zonder: alleen bij het jaarrapport"),
    tableId: z.string().min(1).max(80).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).optional().describe("De tabel (bij report table), bijvoorbeeld signals-by-source"),
    year: z.number().int().min(1990).max(2100).optional().describe("Het jaar van het jaarrapport; de periode is dan 1 januari t/m 31 december"),
  })
  .strict()
  .meta({ id: "MonitorExportRequest" });

export const exportIdParams = z.object({ id: uuid }).strict();

export const exportJobSchema = z
  .object({
    id: uuid,
    report: z.enum(exportReports),
    format: z.enum(exportFormats),
    variant: z.enum(exportVariants),
    status: z.enum(exportStatuses).describe("queued: wacht; running: wordt gemaakt; done: klaar om op te halen; failed: mislukt (zie errorCode)"),
    progress: z.number().int().min(0).max(100).describe("Voortgang in procenten"),
    step: z.string().nullable().describe("Waar de export mee bezig is, in het Nederlands"),
    fileName: z.string().nullable().describe("De bestandsnaam, zodra het bestand klaar is"),
    mediaType: z.string().nullable(),
    errorCode: z.string().nullable().describe("Bij failed: unknown_table, no_access, interrupted of export_failed"),
    area: z.object({ kind: z.enum(["municipality", "region", "all"]), id: uuid.nullable(), name: z.string() }),
    period: z.object({ from: z.iso.date(), to: z.iso.date() }),
    tableId: z.string().nullable(),
    year: z.number().int().nullable(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().describe("Daarna is het bestand verwijderd (24 uur na de aanvraag)"),
  })
  .meta({ id: "MonitorExportJob" });

export type ExportJob = z.infer<typeof exportJobSchema>;
export type ExportBody = z.infer<typeof exportBody>;
