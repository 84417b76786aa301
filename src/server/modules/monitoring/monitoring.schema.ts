import { z } from "zod";

/** The API contract of the monitor's dashboard and areas (the shapes of src/shared/monitoring.ts). */
const uuid = z.uuid();
const areaKind = z.enum(["municipality", "region", "all"]);

/** A calendar date the monitor can count over (1990–2100). */
const monitorDate = z.iso
  .date()
  .refine((d) => d >= "1990-01-01" && d <= "2100-12-31", "kies een datum tussen 1990 en 2100");

export const dashboardQuery = z
  .object({
    area: z
      .union([uuid, z.literal("all")])
      .optional()
      .describe("Een gemeente of regio (id), of all voor alle regio's die u mag zien; zonder: uw gemeente, anders uw eerste regio"),
    from: monitorDate.optional().describe("Eerste dag van de periode (JJJJ-MM-DD); zonder: 1 januari van dit jaar"),
    to: monitorDate.optional().describe("Laatste dag van de periode (JJJJ-MM-DD); zonder: vandaag. Ten hoogste tien jaar na from"),
    compare: z
      .enum(["true", "false"])
      .optional()
      .transform((v) => v === "true")
      .describe("Ook dezelfde periode een jaar eerder tonen"),
    variant: z
      .enum(["internal", "published"])
      .optional()
      .describe("internal: exacte aantallen (alleen voor wie dat mag); published: kleine aantallen afgeschermd. Zonder: internal als u dat mag, anders published"),
  })
  .strict();

const cellSchema = z
  .object({
    value: z.number().nullable().describe("Null als het cijfer is afgeschermd of niet van toepassing is"),
    display: z.string().describe("Zoals het getoond wordt: 12, <5, 83%, 4,5 of –"),
    suppressed: z.enum(["primary", "secondary"]).optional().describe("primary: onder de drempel; secondary: zou een afgeschermd cijfer verraden"),
    imported: z.boolean().optional().describe("Het cijfer komt uit de ingelezen historische cijfers"),
    base: z.number().int().optional().describe("Bij percentages en duren: het aantal gevallen waarop het berust"),
  })
  .meta({ id: "MonitorCell" });

const columnSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    kind: z.enum(["count", "percentage", "days"]),
    total: z.boolean().optional(),
  })
  .meta({ id: "MonitorColumn" });

const rowSchema = z
  .object({ key: z.string(), label: z.string(), total: z.boolean().optional(), cells: z.array(cellSchema) })
  .meta({ id: "MonitorRow" });

export const tableSchema = z
  .object({
    id: z.string().describe("Vaste id (kebab-case), ook de bestandsnaam van de CSV"),
    title: z.string(),
    rowHeading: z.string(),
    columns: z.array(columnSchema),
    rows: z.array(rowSchema),
    additive: z.object({ rows: z.boolean(), columns: z.boolean() }).describe("Of de totaalrij/-kolom de som is van de andere"),
    note: z.string().optional(),
  })
  .meta({ id: "MonitorTable" });

const chartSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    tableId: z.string().describe("De tabel met de cijfers van de grafiek"),
    kind: z.enum(["bar", "line"]),
    categories: z.enum(["rows", "columns"]),
    series: z.array(z.string()),
  })
  .meta({ id: "MonitorChart" });

export const sectionSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string().describe("Een korte tekst met de cijfers van dit onderdeel"),
    tables: z.array(tableSchema),
    charts: z.array(chartSchema),
  })
  .meta({ id: "MonitorSection" });

const periodSchema = z.object({ from: z.iso.date(), to: z.iso.date() });

export const areaSchema = z
  .object({ kind: areaKind, id: uuid.nullable().describe("Null voor alle regio's"), name: z.string() })
  .meta({ id: "MonitorArea" });

export const dashboardSchema = z
  .object({
    area: areaSchema,
    period: periodSchema,
    comparison: periodSchema.nullable().describe("Dezelfde periode een jaar eerder, als daarom gevraagd is"),
    exact: z.boolean().describe("true: exacte aantallen; false: kleine aantallen afgeschermd"),
    threshold: z.number().int().describe("Aantallen onder deze drempel worden in gepubliceerde cijfers afgeschermd"),
    generatedAt: z.iso.datetime(),
    sections: z.array(sectionSchema),
  })
  .meta({ id: "MonitorDashboard" });

export const areaChoiceSchema = z
  .object({
    kind: areaKind,
    id: uuid.nullable(),
    name: z.string(),
    regionId: uuid.nullable(),
    exact: z.boolean().describe("U mag hier exacte aantallen zien"),
    importHistory: z.boolean().describe("U mag hier historische cijfers inlezen"),
  })
  .meta({ id: "MonitorAreaChoice" });

export const areaListSchema = z.object({ areas: z.array(areaChoiceSchema) }).meta({ id: "MonitorAreaList" });
