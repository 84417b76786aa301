import SVGtoPDF from "svg-to-pdfkit";
import { chartData, type MonitorSection, type MonitorTable } from "../../../shared/monitoring.ts";
import { banner, bullets, colours, facts, fonts, footers, heading, margins, notice, openDocument, paragraph, title, type Doc } from "../conferences/minutes-pdf-layout.ts";
import { pdfSafe } from "../conferences/minutes-pdf-text.ts";
import { chartSvg } from "./chart-svg.ts";
import {
  cellText, comparisonText, countingRules, generatedText, importedText, legend, periodText, variantRule, variantText, type ExportInput,
} from "./export-model.ts";
import type { ReportSpec } from "./report-spec.ts";

/**
 * The monitor's reports as PDF, in the house style of the other reports (minutes-pdf-layout.ts): a title
 * page (area, period, variant), then per section its heading, the generated summary, each table's charts
 * (vega-lite → SVG → the page) and the table itself; a closing page with the rule that applied to the
 * numbers, the legend and the counting rules. Which sections, in which order: report-spec.ts.
 */

/** Called after each section is on the page, so a background job can report its progress. */
export type SectionDone = (done: number, total: number, heading: string) => Promise<void>;

export async function renderReportPdf(input: ExportInput, spec: ReportSpec, onSection: SectionDone = async () => undefined): Promise<Buffer> {
  const d = input.dashboard;
  const { doc: pdf, bytes: done } = openDocument({
    title: `${spec.title} — ${spec.subtitle}`,
    subject: `${d.area.name}, ${periodText(d)}, ${variantText(input.variant)}`,
    createdAt: input.generatedAt,
  });
  titlePage(pdf, input, spec);
  let number = 0;
  for (const [i, entry] of spec.sections.entries()) {
    if (!entry.sub) number += 1;
    await writeSection(pdf, input, entry, entry.sub ? null : number);
    await onSection(i + 1, spec.sections.length, entry.heading);
  }
  closingPage(pdf, input);
  footers(
    pdf,
    input.variant === "internal"
      ? "Intern — niet publiceren. Exacte aantallen, ook kleine; geen gegevens van personen."
      : `Publicatieversie: aantallen onder de ${d.threshold} afgeschermd. Geen gegevens van personen.`,
    `${spec.title}, ${d.area.name}. ${generatedText(input.generatedAt)}`,
  );
  pdf.end();
  return done;
}

const contentWidth = (pdf: Doc) => pdf.page.width - margins.left - margins.right;

function titlePage(pdf: Doc, input: ExportInput, spec: ReportSpec): void {
  const d = input.dashboard;
  pdf.y = margins.top + 90;
  pdf.font(fonts.bold).fontSize(26).fillColor(colours.accent).text(pdfSafe(spec.title), margins.left, pdf.y, { width: contentWidth(pdf) });
  pdf.moveDown(0.2);
  pdf.font(fonts.regular).fontSize(16).fillColor(colours.text).text(pdfSafe(spec.subtitle), { width: contentWidth(pdf) });
  pdf.moveDown(1.2);
  const comparison = comparisonText(d);
  facts(pdf, [
    ["Gebied", d.area.name],
    ["Periode", periodText(d)],
    ...(comparison ? [["Vergeleken met", comparison] as [string, string]] : []),
    ["Versie", variantText(input.variant)],
    ["Gemaakt", generatedText(input.generatedAt).replace(/^Gemaakt op /, "")],
  ]);
  pdf.moveDown(1);
  if (input.variant === "internal") banner(pdf, `Intern — niet publiceren. Dit rapport bevat exacte aantallen, ook kleine. Publiceer alleen de publicatieversie, waarin aantallen onder de ${d.threshold} zijn afgeschermd.`);
  else notice(pdf, `Publicatieversie. Aantallen onder de ${d.threshold} zijn afgeschermd; de regels staan op de laatste pagina.`);
  heading(pdf, "Inhoud", 2);
  const main = spec.sections.filter((s) => !s.sub);
  main.forEach((s, i) => paragraph(pdf, `${i + 1}. ${s.heading}`, { size: 10.5 }));
  paragraph(pdf, `${main.length + 1}. Over deze cijfers`, { size: 10.5 });
  pdf.addPage();
}

async function writeSection(pdf: Doc, input: ExportInput, entry: ReportSpec["sections"][number], number: number | null): Promise<void> {
  upright(pdf);
  if (number === null) heading(pdf, entry.heading, 2, 80);
  else heading(pdf, `${number}. ${entry.heading}`, 1, 80);
  if (entry.intro) paragraph(pdf, entry.intro, { muted: true, size: 9.5 });
  const section = entry.section;
  if (!section) {
    paragraph(pdf, "Voor dit onderdeel telt de monitor nog geen cijfers.", { italic: true });
    return;
  }
  if (section.summary) {
    pdf.moveDown(0.2);
    paragraph(pdf, section.summary);
  }
  for (const table of section.tables) {
    for (const chart of section.charts.filter((c) => c.tableId === table.id)) await writeChart(pdf, chart, table);
    writeTable(pdf, input, table);
  }
}

async function writeChart(pdf: Doc, chart: MonitorSection["charts"][number], table: MonitorTable): Promise<void> {
  upright(pdf);
  const points = chartData(chart, table);
  if (points.length === 0 || points.every((p) => p.value === 0)) {
    // A chart of nothing but an empty frame helps no reader: one line says why there is none.
    const hidden = table.rows.some((r) => r.cells.some((cell) => cell.suppressed));
    const why = points.length > 0 ? "alle aantallen zijn 0" : hidden ? "de cijfers zijn afgeschermd of ontbreken" : "er zijn (nog) geen cijfers";
    pdf.moveDown(0.3);
    paragraph(pdf, `Grafiek "${chart.title}": geen grafiek, ${why}.`, { muted: true, size: 8.5 });
    return;
  }
  // The built-in fonts know WinAnsi only: the chart's labels pass the same filter as every other text.
  const safeTable: MonitorTable = {
    ...table,
    title: pdfSafe(table.title),
    rows: table.rows.map((r) => ({ ...r, label: pdfSafe(r.label) })),
    columns: table.columns.map((c) => ({ ...c, label: pdfSafe(c.label) })),
  };
  const width = contentWidth(pdf);
  const rendered = await chartSvg({ ...chart, title: pdfSafe(chart.title) }, safeTable, { width: width - 60, height: 130 }, { legend: "bottom" });
  if (!rendered) return;
  let scale = Math.min(1, width / rendered.width, 240 / rendered.height);
  // Rather a slightly smaller chart than half a page left empty: shrink it (to 70%) to fit what is left.
  const room = pdf.page.height - margins.bottom - pdf.y - 30;
  if (rendered.height * scale > room && room >= rendered.height * scale * 0.7) scale = room / rendered.height;
  const w = rendered.width * scale;
  const h = rendered.height * scale;
  // The chart's title keeps with the chart.
  heading(pdf, chart.title, 3, h + 8);
  const top = pdf.y;
  SVGtoPDF(pdf as unknown as Parameters<typeof SVGtoPDF>[0], rendered.svg, margins.left, top, {
    width: w,
    height: h,
    preserveAspectRatio: "xMinYMin meet",
    fontCallback: (_family, bold) => (bold ? fonts.bold : fonts.regular),
    warningCallback: () => undefined,
  });
  pdf.x = margins.left;
  pdf.y = top + h + 6;
}

/** After a landscape table, what follows goes on an upright page again. */
function upright(pdf: Doc): void {
  if (pdf.page.width > pdf.page.height) pdf.addPage();
}

interface TableLayout {
  size: number;
  labelWidth: number;
  widths: number[];
}

const PAD = 4;
const MIN_LABEL = 110;

/**
 * Column widths that break no header word and no number: each number column as wide as its longest header
 * word or cell, the row labels the rest. Tries smaller type before giving up; null when the table does not
 * fit this page's width at all (it then goes on a landscape page).
 */
function tableLayout(pdf: Doc, table: MonitorTable, width: number): TableLayout | null {
  for (const size of [9, 8, 7]) {
    const widths = table.columns.map((c, i) => {
      pdf.font(fonts.bold).fontSize(size - 0.5);
      const words = Math.max(...pdfSafe(c.label).split(/\s+/).map((word) => pdf.widthOfString(word)));
      pdf.font(fonts.bold).fontSize(size);
      const cells = Math.max(0, ...table.rows.map((r) => pdf.widthOfString(pdfSafe(r.cells[i] ? cellText(r.cells[i]) : ""))));
      return Math.max(words, cells, 22) + 2 * PAD + 1;
    });
    const numbers = widths.reduce((a, b) => a + b, 0);
    if (width - numbers >= MIN_LABEL) {
      // Spread what the labels do not need over the number columns, up to 72 points each.
      const spare = Math.max(0, width - numbers - Math.max(MIN_LABEL, width * 0.38));
      const grown = widths.map((w) => Math.min(72, w + spare / widths.length));
      return { size, labelWidth: width - grown.reduce((a, b) => a + b, 0), widths: grown };
    }
  }
  return null;
}

/** A table of figures: the row labels left, the numbers right-aligned, totals bold, imported cells with "*". */
function writeTable(pdf: Doc, input: ExportInput, table: MonitorTable): void {
  const portraitWidth = Math.min(pdf.page.width, pdf.page.height) - margins.left - margins.right;
  let layout = tableLayout(pdf, table, portraitWidth);
  const landscape = layout === null;
  if (!landscape) upright(pdf);
  else if (pdf.page.width < pdf.page.height) {
    pdf.addPage({ size: "A4", layout: "landscape", margins });
  }
  if (landscape) layout = tableLayout(pdf, table, contentWidth(pdf)) ?? squeezed(table, contentWidth(pdf));
  const { size, labelWidth, widths } = layout!;
  const width = contentWidth(pdf);
  const lefts = widths.map((_, i) => margins.left + labelWidth + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const rowHeight = (label: string, bold: boolean) => {
    pdf.font(bold ? fonts.bold : fonts.regular).fontSize(size);
    return Math.max(pdf.heightOfString(pdfSafe(label), { width: labelWidth - 2 * PAD }), size + 1) + 2 * PAD;
  };
  pdf.font(fonts.bold).fontSize(size - 0.5);
  const headerHeight = Math.max(
    pdf.heightOfString(pdfSafe(table.rowHeading), { width: labelWidth - 2 * PAD }),
    ...table.columns.map((c, i) => pdf.heightOfString(pdfSafe(c.label), { width: widths[i]! - 2 * PAD })),
  ) + 2 * PAD;
  const drawHeader = () => {
    const top = pdf.y;
    pdf.save().rect(margins.left, top, width, headerHeight).fill(colours.band).restore();
    pdf.font(fonts.bold).fontSize(size - 0.5).fillColor(colours.accent);
    pdf.text(pdfSafe(table.rowHeading), margins.left + PAD, top + PAD, { width: labelWidth - 2 * PAD });
    table.columns.forEach((c, i) => pdf.text(pdfSafe(c.label), lefts[i]! + PAD, top + PAD, { width: widths[i]! - 2 * PAD, align: "right" }));
    pdf.y = top + headerHeight;
  };
  // A short table stays on one page with its caption; a long one starts with at least its first rows.
  const rowsHeight = table.rows.reduce((sum, r) => sum + rowHeight(r.label, !!r.total), 0);
  heading(pdf, table.title, 3, headerHeight + Math.min(rowsHeight, 300) + 4);
  drawHeader();
  for (const row of table.rows) {
    const bold = !!row.total;
    const height = rowHeight(row.label, bold);
    if (pdf.y + height > pdf.page.height - margins.bottom) {
      pdf.addPage(landscape ? { size: "A4", layout: "landscape", margins } : undefined);
      drawHeader();
    }
    const top = pdf.y;
    if (bold) pdf.save().rect(margins.left, top, width, height).fill(colours.shade).restore();
    pdf.font(bold ? fonts.bold : fonts.regular).fontSize(size).fillColor(colours.text);
    pdf.text(pdfSafe(row.label), margins.left + PAD, top + PAD, { width: labelWidth - 2 * PAD });
    row.cells.forEach((cell, i) => {
      const strong = bold || !!table.columns[i]?.total;
      pdf.font(strong ? fonts.bold : fonts.regular).fontSize(size).fillColor(cell.suppressed ? colours.muted : colours.text);
      pdf.text(pdfSafe(cellText(cell)), lefts[i]! + PAD, top + PAD, { width: widths[i]! - 2 * PAD, align: "right", lineBreak: false });
    });
    pdf.y = top + height;
    pdf.save().moveTo(margins.left, pdf.y).lineTo(margins.left + width, pdf.y).lineWidth(0.5).strokeColor(colours.rule).stroke().restore();
  }
  pdf.x = margins.left;
  const notes = [...(table.note ? [table.note] : []), ...legend(input, [table])];
  if (notes.length > 0) {
    pdf.moveDown(0.3);
    for (const note of notes) paragraph(pdf, note, { muted: true, size: 8 });
  }
  pdf.moveDown(0.5);
}

/** Even landscape is too narrow: equal number columns in the smallest type (headers may then break). */
function squeezed(table: MonitorTable, width: number): TableLayout {
  const each = (width - MIN_LABEL) / Math.max(table.columns.length, 1);
  return { size: 7, labelWidth: MIN_LABEL, widths: table.columns.map(() => each) };
}

function closingPage(pdf: Doc, input: ExportInput): void {
  const d = input.dashboard;
  pdf.addPage();
  title(pdf, "Over deze cijfers");
  heading(pdf, input.variant === "published" ? "Afscherming van kleine aantallen" : "Interne versie", 2);
  paragraph(pdf, variantRule(input));
  if (input.variant === "published") {
    bullets(pdf, [
      { lead: `<${d.threshold}: `, text: `een aantal van 0 tot en met ${d.threshold - 1}.` },
      { lead: "×: ", text: `afgeschermd omdat er via een totaal een klein aantal uit terug te rekenen is, of (bij percentages en duren) omdat het op minder dan ${d.threshold} gevallen of op een afgeschermd aantal berust.` },
    ]);
  }
  heading(pdf, "Telregels", 2);
  bullets(pdf, countingRules.map((text) => ({ text })));
  const imported = d.sections.some((s) => s.tables.some((t) => t.rows.some((r) => r.cells.some((c) => c.imported))));
  if (imported) {
    heading(pdf, "Ingelezen cijfers", 2);
    paragraph(pdf, importedText(input));
  }
  heading(pdf, "Over dit rapport", 2);
  paragraph(pdf, `Gemaakt door Ketenzicht voor ${d.area.name}, over ${periodText(d)}. ${generatedText(input.generatedAt)}. ` +
    "Het rapport bevat alleen aantallen; geen namen, dossiers of andere gegevens van personen.");
}
