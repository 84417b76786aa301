import type { Dashboard, MonitorCell, MonitorTable } from "../../../shared/monitoring.ts";
import { dutchDateText, dutchDateTimeText } from "../conferences/minutes-pdf-text.ts";
import { HIDDEN_DISPLAY, suppressionRule } from "./suppression.ts";

/**
 * What every monitor export says besides the figures, the same in CSV, XLSX and PDF: the area, the period,
 * the variant (internal with exact numbers, or published with small numbers hidden), the suppression rule,
 * and where imported figures come from. Imported cells are marked with "*" in the PDF and in the legend.
 */
export type Variant = "internal" | "published";

export interface ExportInput {
  /** The dashboard as the export shows it: suppressed already when the variant is published. */
  dashboard: Dashboard;
  variant: Variant;
  generatedAt: Date;
  /** The sources named with the imported (historic) figures of the area, for the legend. */
  importSources: string[];
}

export const IMPORTED_MARK = "*";

export const variantText = (variant: Variant) => (variant === "internal" ? "Intern — niet publiceren" : "Publicatieversie");

export function periodText(d: Dashboard): string {
  return `${dutchDateText(d.period.from)} t/m ${dutchDateText(d.period.to)}`;
}

export function comparisonText(d: Dashboard): string | null {
  return d.comparison ? `${dutchDateText(d.comparison.from)} t/m ${dutchDateText(d.comparison.to)}` : null;
}

export const generatedText = (at: Date) => `Gemaakt op ${dutchDateTimeText(at.toISOString())}`;

/** The rule that applied to the numbers in this export. */
export function variantRule(input: ExportInput): string {
  return input.variant === "published"
    ? suppressionRule(input.dashboard.threshold)
    : `Interne versie met exacte aantallen, ook kleine: niet publiceren of delen buiten wie deze cijfers mag zien. ` +
      `De publicatieversie schermt aantallen onder de ${input.dashboard.threshold} af.`;
}

/**
 * The legend of the marks in the tables, only those that occur. `importedLead` says how the file marks an
 * imported cell ("*" in the PDF, a column in the CSV, italics in the workbook).
 */
export function legend(input: ExportInput, tables: MonitorTable[], importedLead?: string): string[] {
  const cells = tables.flatMap((t) => t.rows.flatMap((r) => r.cells));
  const lines: string[] = [];
  const t = input.dashboard.threshold;
  if (cells.some((c) => c.suppressed === "primary" && c.display === `<${t}`)) lines.push(`<${t}: minder dan ${t} (ook 0), afgeschermd.`);
  if (cells.some((c) => c.display === HIDDEN_DISPLAY)) lines.push(`${HIDDEN_DISPLAY}: afgeschermd, omdat er een klein aantal uit terug te rekenen is of omdat het op minder dan ${t} gevallen berust.`);
  if (cells.some((c) => c.imported)) lines.push(importedText(input, importedLead));
  return lines;
}

export function importedText(input: ExportInput, lead = `${IMPORTED_MARK}: ingelezen cijfer`): string {
  const sources = input.importSources.length ? ` Bron: ${input.importSources.join("; ")}.` : "";
  return `${lead}, geteld vóór Ketenzicht en ingelezen uit een bestand, niet uit de registratie in Ketenzicht.${sources}`;
}

/** The counting rules, for the closing page and the Toelichting sheet. */
export const countingRules: string[] = [
  "Een signaal telt in de periode waarin het is ontvangen (datum in Nederlandse tijd); samengevoegde dubbele signalen tellen niet mee.",
  "Een zorgtraject is een slachtofferdossier, geteld op de datum van openen; een dossier dat uit een ander dossier is overgedragen telt in dezelfde regio niet opnieuw.",
  "Alle aantallen worden in de database geteld; de export bevat geen gegevens van personen, alleen aantallen.",
  "Een signaal met meer vormen van uitbuiting of indicatoren telt bij elke vorm mee; zulke tabellen tellen niet op tot het totaal.",
  "Ingelezen cijfers van eerdere jaren staan naast de geregistreerde en zijn gemarkeerd.",
];

/** A cell as plain text for a file: the display, with the imported mark. */
export function cellText(cell: MonitorCell): string {
  return cell.imported ? `${cell.display}${IMPORTED_MARK}` : cell.display;
}

/** "Meldingen en zorgtrajecten per jaar" → "meldingen-en-zorgtrajecten-per-jaar", for file names. */
export function slug(text: string): string {
  return text.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase().slice(0, 60);
}
