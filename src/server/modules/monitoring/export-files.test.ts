import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Dashboard, MonitorCell, MonitorTable } from "../../../shared/monitoring.ts";
import { pdfText, poppler } from "../../../../tests/support/conferences.ts";
import { renderTableCsv } from "./export-csv.ts";
import type { ExportInput, Variant } from "./export-model.ts";
import { renderWorkbook } from "./export-xlsx.ts";
import { renderReportPdf } from "./report-pdf.ts";
import { annualReportSpec, evaluationReportSpec } from "./report-spec.ts";
import { publishDashboard } from "./suppression.ts";

/**
 * The export files without a database: the CSV (BOM, semicolons, "<5", the imported column, the rule in the
 * footer), the workbook (Toelichting first, a sheet per table, numbers as numbers), and the PDF reports
 * (sections, charts, closing page; the evaluation report's points), on a small dashboard with Zevenaar's table.
 */
const cell = (value: number, imported = false): MonitorCell => ({ value, display: String(value), ...(imported ? { imported } : {}) });
const years = [2019, 2020, 2021, 2022, 2023, 2024];
const yearly: MonitorTable = {
  id: "signals-per-year",
  title: "Meldingen en zorgtrajecten per jaar",
  rowHeading: "Gebied",
  columns: years.map((y) => ({ key: String(y), label: String(y), kind: "count" })),
  rows: [
    { key: "signals-region", label: "Meldingen (regio)", cells: [57, 33, 53, 74, 110, 64].map((v, i) => cell(v, i < 5)) },
    { key: "trajectories-region", label: "Zorgtrajecten (regio)", cells: [42, 17, 23, 32, 48, 21].map((v, i) => cell(v, i < 5)) },
    { key: "municipality", label: "=Zevenaar (meldingen)", cells: [1, 0, 3, 3, 6, 7].map((v, i) => cell(v, i < 5)) },
  ],
  additive: { rows: false, columns: false },
};
const bySource: MonitorTable = {
  id: "signals-by-source",
  title: "Signalen naar soort melder",
  rowHeading: "Soort melder",
  columns: [{ key: "period", label: "2024", kind: "count" }],
  rows: [
    { key: "police", label: "Politie", cells: [cell(40)] },
    { key: "municipality", label: "Gemeente", cells: [cell(20)] },
    { key: "citizen", label: "Burger", cells: [cell(4)] },
    { key: "total", label: "Totaal", total: true, cells: [cell(64)] },
  ],
  additive: { rows: true, columns: false },
};
const dashboard: Dashboard = {
  area: { kind: "municipality", id: "00000000-0000-4000-8000-000000000001", name: "Gemeente Zevenaar" },
  period: { from: "2024-01-01", to: "2024-12-31" },
  comparison: null,
  exact: true,
  threshold: 5,
  generatedAt: "2025-01-02T10:00:00.000Z",
  sections: [
    {
      id: "signals", title: "Signalen", summary: "In 2024 kwamen 64 signalen binnen; 4 van burgers.", tables: [yearly, bySource],
      charts: [
        { id: "per-year", title: "Meldingen per jaar", tableId: yearly.id, kind: "line", categories: "columns", series: ["signals-region", "trajectories-region", "municipality"] },
        { id: "by-source", title: "Signalen naar soort melder", tableId: bySource.id, kind: "bar", categories: "rows", series: ["period"] },
      ],
    },
    { id: "workload", title: "Werklast", summary: "Geen bijzonderheden.", tables: [], charts: [] },
  ],
};
const inputOf = (variant: Variant): ExportInput => ({
  dashboard: variant === "published" ? publishDashboard(dashboard, 5) : dashboard,
  variant,
  generatedAt: new Date("2025-01-02T10:00:00Z"),
  importSources: ["Zevenaar, Uitvoeringsplan mensenhandel 2024, tabel 1"],
});
const tableOf = (input: ExportInput, id: string) => input.dashboard.sections.flatMap((s) => s.tables).find((t) => t.id === id)!;


describe("monitor export files", () => {
  it("the published CSV opens in Dutch Excel and shows Zevenaar's small cells as <5, the rest exactly", () => {
    const input = inputOf("published");
    const csv = renderTableCsv(input, tableOf(input, "signals-per-year"));
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = csv.toString("utf8").slice(1);
    assert.ok(text.includes("\r\n"));
    const rows = parse(text, { delimiter: ";", relax_column_count: true }) as string[][];
    assert.deepEqual(rows[0], ["Gebied", "2019", "2020", "2021", "2022", "2023", "2024", "Ingelezen"]);
    assert.deepEqual(rows[1], ["Meldingen (regio)", "57", "33", "53", "74", "110", "64", "2019, 2020, 2021, 2022, 2023"]);
    assert.deepEqual(rows[2], ["Zorgtrajecten (regio)", "42", "17", "23", "32", "48", "21", "2019, 2020, 2021, 2022, 2023"]);
    // A label that looks like a formula stays text.
    assert.deepEqual(rows[3], ["'=Zevenaar (meldingen)", "<5", "<5", "<5", "<5", "6", "7", "2019, 2020, 2021, 2022, 2023"]);
    const footer = rows.slice(5).map((r) => r[0]).join("\n");
    assert.match(footer, /Publicatieversie/);
    assert.match(footer, /Afscherming: Aantallen onder de 5 \(ook 0\)/);
    assert.match(footer, /Bron: Zevenaar, Uitvoeringsplan mensenhandel 2024, tabel 1/);
  });

  it("the internal CSV shows every number exactly and says not to publish", () => {
    const input = inputOf("internal");
    const rows = parse(renderTableCsv(input, tableOf(input, "signals-per-year")).toString("utf8").slice(1), { delimiter: ";", relax_column_count: true }) as string[][];
    assert.deepEqual(rows[3]!.slice(1, 7), ["1", "0", "3", "3", "6", "7"]);
    assert.match(rows.slice(5).map((r) => r[0]).join("\n"), /Intern — niet publiceren/);
  });

  it("the workbook has Toelichting first, a sheet per table, numbers as numbers and hidden cells as text", async () => {
    const input = inputOf("published");
    const bytes = await renderWorkbook(input, input.dashboard.sections.flatMap((s) => s.tables), "Monitor mensenhandel Gemeente Zevenaar");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    assert.deepEqual(book.worksheets.map((s) => s.name), ["Toelichting", "Meldingen en zorgtrajecten per", "Signalen naar soort melder"]);
    const info = book.getWorksheet("Toelichting")!;
    const infoText = info.getSheetValues().flatMap((r) => (r as unknown[] | undefined)?.filter((v) => typeof v === "string" || typeof v === "number") ?? []).join("\n");
    for (const expected of ["Gemeente Zevenaar", "1 januari 2024 t/m 31 december 2024", "Publicatieversie", "Aantallen onder de 5 (ook 0)", "Bron: Zevenaar, Uitvoeringsplan mensenhandel 2024, tabel 1", "Telregels"]) {
      assert.ok(infoText.includes(expected), `Toelichting names "${expected}"`);
    }
    const sheet = book.worksheets[1]!;
    assert.equal(sheet.getCell("A1").value, "Meldingen en zorgtrajecten per jaar");
    assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(1), ["Gebied", "2019", "2020", "2021", "2022", "2023", "2024"]);
    assert.deepEqual((sheet.getRow(3).values as unknown[]).slice(1), ["Meldingen (regio)", 57, 33, 53, 74, 110, 64]);
    assert.deepEqual((sheet.getRow(5).values as unknown[]).slice(1), ["=Zevenaar (meldingen)", "<5", "<5", "<5", "<5", 6, 7]);
    assert.equal(sheet.getCell("B3").font?.italic, true, "an imported cell is in italics");
    assert.notEqual(sheet.getCell("G3").font?.italic, true, "a recorded cell is not");
    // Secondary suppression in the additive table: Burger (4) hidden, and with it the smallest other part.
    const sources = book.worksheets[2]!;
    assert.deepEqual(sources.getColumn(2).values.slice(3, 7), [40, "×", "<5", 64]);
  });

  it("the annual report PDF names the sections, the charts' tables, the variant and the rule", { skip: !poppler && "pdftotext is not installed" }, async () => {
    const done: string[] = [];
    const published = inputOf("published");
    const pdf = await renderReportPdf(published, annualReportSpec(published.dashboard, 2024), async (n, total, heading) => {
      done.push(`${n}/${total} ${heading}`);
    });
    assert.deepEqual(done, ["1/2 Signalen", "2/2 Werklast"]);
    const text = pdfText(pdf);
    for (const expected of ["Monitor mensenhandel 2024", "Gemeente Zevenaar", "Publicatieversie", "1. Signalen", "2. Werklast", "Meldingen en zorgtrajecten per jaar",
      "<5*", "110*", "Over deze cijfers", "Afscherming van kleine aantallen", "Telregels", "Ingelezen cijfers"]) {
      assert.ok(text.includes(expected), `the report holds "${expected}"`);
    }
    const internal = pdfText(await renderReportPdf(inputOf("internal"), annualReportSpec(dashboard, 2024)));
    assert.ok(internal.includes("Intern — niet publiceren"));
    assert.ok(!internal.includes("<5"));
  });

  it("the evaluation report follows the pilot's points and says where the monitor has no figures yet", { skip: !poppler && "pdftotext is not installed" }, async () => {
    const text = pdfText(await renderReportPdf(inputOf("internal"), evaluationReportSpec(dashboard)));
    for (const expected of ["Evaluatie pilotjaar mensenhandel", "1. Signalen", "2. Vormen van uitbuiting", "Samenwerking met opsporing en zorgpartners",
      "Welke zorg ontbreekt", "Werklast van de zorgcoördinator", "Voor dit onderdeel telt de monitor nog geen cijfers."]) {
      assert.ok(text.includes(expected), `the evaluation holds "${expected}"`);
    }
  });
});
