import type ExcelJS from "exceljs";
import type { MonitorTable } from "../../../shared/monitoring.ts";
import {
  comparisonText, countingRules, generatedText, legend, periodText, variantRule, variantText, type ExportInput,
} from "./export-model.ts";

/**
 * Monitor tables as an Excel workbook: a first sheet "Toelichting" (area, period, variant, the rule that
 * applied to the numbers, the legend with the source of imported figures, the counting rules), then one
 * sheet per table: its title, the header row, one row per table row. Counts are numbers (so they can be
 * added up further); hidden cells are the text "<5" or "×", right-aligned like the numbers; imported
 * cells are in italics on a grey ground with a note.
 */
const IMPORTED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };

export async function renderWorkbook(input: ExportInput, tables: MonitorTable[], title: string): Promise<Buffer> {
  const d = input.dashboard;
  // Loaded on first use: exceljs is large, and most processes never write a workbook.
  const { default: Excel } = await import("exceljs");
  const book = new Excel.Workbook();
  book.creator = "Ketenzicht";
  book.created = input.generatedAt;
  book.modified = input.generatedAt;
  book.title = title;

  const info = book.addWorksheet("Toelichting");
  info.columns = [{ width: 24 }, { width: 100 }];
  info.addRow([title, ""]).font = { bold: true, size: 13 };
  const comparison = comparisonText(d);
  for (const [label, value] of [
    ["Gebied", d.area.name],
    ["Periode", periodText(d)],
    ...(comparison ? [["Vergeleken met", comparison]] : []),
    ["Versie", variantText(input.variant)],
    [input.variant === "published" ? "Afscherming" : "Let op", variantRule(input)],
    ["Drempel", d.threshold],
    ["Gemaakt", generatedText(input.generatedAt)],
  ] as [string, string | number][]) info.addRow([label, value]);
  const legendLines = legend(input, tables, "Cursief op grijs: ingelezen cijfer");
  if (legendLines.length > 0) {
    info.addRow([]);
    info.addRow(["Legenda"]).font = { bold: true };
    for (const line of legendLines) info.addRow(["", line]);
  }
  info.addRow([]);
  info.addRow(["Telregels"]).font = { bold: true };
  for (const rule of countingRules) info.addRow(["", rule]);
  info.addRow([]);
  info.addRow(["Tabellen"]).font = { bold: true };
  const names = sheetNames(tables);
  tables.forEach((t, i) => info.addRow([names[i], t.title]));
  info.eachRow((row) => (row.alignment = { vertical: "top", wrapText: true }));
  info.getColumn(2).alignment = { vertical: "top", wrapText: true, horizontal: "left" };

  tables.forEach((table, i) => writeTable(book.addWorksheet(names[i]!), table, input));
  return Buffer.from(await book.xlsx.writeBuffer());
}

function writeTable(sheet: ExcelJS.Worksheet, table: MonitorTable, input: ExportInput): void {
  sheet.columns = [{ width: Math.min(48, Math.max(18, ...table.rows.map((r) => r.label.length + 2))) }, ...table.columns.map((c) => ({ width: Math.max(10, c.label.length + 2) }))];
  sheet.addRow([table.title]).font = { bold: true, size: 12 };
  const header = sheet.addRow([table.rowHeading, ...table.columns.map((c) => c.label)]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "bottom" };
  sheet.views = [{ state: "frozen", ySplit: 2, xSplit: 1 }];
  for (const row of table.rows) {
    const added = sheet.addRow([row.label, ...row.cells.map((cell, i) => {
      if (cell.suppressed || cell.value === null) return cell.display;
      return table.columns[i]?.kind === "count" ? cell.value : cell.display;
    })]);
    if (row.total) added.font = { bold: true };
    row.cells.forEach((cell, i) => {
      const target = added.getCell(i + 2);
      target.alignment = { horizontal: "right" };
      if (table.columns[i]?.total) target.font = { bold: true };
      if (cell.imported) {
        target.font = { ...target.font, italic: true };
        target.fill = IMPORTED_FILL;
        target.note = "Ingelezen cijfer (van vóór Ketenzicht)";
      }
    });
  }
  const notes = [...(table.note ? [`Noot: ${table.note}`] : []), ...legend(input, [table], "Cursief op grijs: ingelezen cijfer"), `${variantText(input.variant)}. ${input.variant === "published" ? variantRule(input) : ""}`.trim()];
  sheet.addRow([]);
  for (const note of notes) sheet.addRow([note]).font = { italic: true, size: 9 };
}

/** Sheet names: at most 31 characters, none of []:*?/\, unique in the book. */
function sheetNames(tables: MonitorTable[]): string[] {
  const used = new Set<string>(["toelichting"]);
  return tables.map((t) => {
    const base = t.title.replace(/[[\]:*?/\\]/g, " ").replace(/\s+/g, " ").trim().slice(0, 31).trim() || "Tabel";
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1).trim()} ${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}
