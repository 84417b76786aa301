import { stringify } from "csv-stringify/sync";
import type { MonitorTable } from "../../../shared/monitoring.ts";
import { generatedText, legend, periodText, variantRule, variantText, type ExportInput } from "./export-model.ts";

/**
 * One monitor table as CSV for Dutch Excel: UTF-8 with a byte order mark, semicolons, CRLF. The first row
 * is the header (the row heading and the column labels), then one line per row. Counts are plain integers
 * (no thousands separator) so they stay numbers; rates and durations are written as shown ("83%", "4,5"),
 * which Dutch Excel reads as numbers; hidden cells as "<5" or "×". When the table holds imported figures a
 * last column "Ingelezen" names the columns of the row that were imported. After an empty line, footer
 * lines say what the file is and which rule applied to its numbers.
 */
export function renderTableCsv(input: ExportInput, table: MonitorTable): Buffer {
  const hasImported = table.rows.some((r) => r.cells.some((c) => c.imported));
  const header = [text(table.rowHeading), ...table.columns.map((c) => text(c.label)), ...(hasImported ? ["Ingelezen"] : [])];
  const lines: string[][] = [header];
  for (const row of table.rows) {
    const cells = row.cells.map((cell, i) => {
      if (cell.suppressed || cell.value === null) return cell.display;
      return table.columns[i]?.kind === "count" ? String(cell.value) : cell.display;
    });
    const imported = table.columns.filter((_, i) => row.cells[i]?.imported).map((c) => c.label);
    const importedText = imported.length === 0 ? "" : imported.length === table.columns.length ? "alle" : imported.join(", ");
    lines.push([text(row.label), ...cells, ...(hasImported ? [importedText] : [])]);
  }
  const d = input.dashboard;
  const footer = [
    [],
    [`${table.title}. ${d.area.name}, ${periodText(d)}. ${variantText(input.variant)}. ${generatedText(input.generatedAt)} (Ketenzicht).`],
    [`${input.variant === "published" ? "Afscherming" : "Let op"}: ${variantRule(input)}`],
    ...(table.note ? [[`Noot: ${table.note}`]] : []),
    ...legend(input, [table], "Kolom Ingelezen: de jaren of kolommen met een ingelezen cijfer").map((line) => [line]),
  ];
  const csv = stringify([...lines, ...footer], { delimiter: ";", record_delimiter: "windows" });
  return Buffer.from(`\ufeff${csv}`, "utf8");
}

/** A label as a spreadsheet shows it, never as a formula (a team name typed as "=…" stays text). */
function text(label: string): string {
  return /^[=+\-@\t\r]/.test(label) ? `'${label}` : label;
}
