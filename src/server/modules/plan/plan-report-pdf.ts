import {
  banner, bullets, colours, ensureSpace, facts, fonts, footers, heading, itemHeading, margins, openDocument, paragraph, table, title, type Cell, type Doc,
} from "../conferences/minutes-pdf-layout.ts";
import { dutchDateText, dutchDateTimeText, pdfSafe } from "../conferences/minutes-pdf-text.ts";
import type { PlanView } from "./implementation-plan.presenter.ts";
import { activityStatuses } from "./plan-codes.ts";
import { budgetTable, euro, latestNote, leadTimeText, scopeText, statusText } from "./plan-report-model.ts";

/**
 * The progress report of an implementation plan as a PDF, in the minutes' house style (the same layout
 * primitives and Helvetica): the plan, the state of its activities, per action line a table of activities
 * with status and latest progress, and the budget table per year. The same plan and moment give the same bytes.
 */
export async function renderPlanPdf(plan: PlanView, generatedAt: Date): Promise<Buffer> {
  const documentTitle = `Voortgangsrapportage ${plan.title}`;
  const { doc: pdf, bytes } = openDocument({
    title: documentTitle,
    subject: `Uitvoeringsplan ${plan.periodStart}–${plan.periodEnd}, ${plan.ownerOrganisation.name}`,
    createdAt: generatedAt,
  });
  writeHeader(pdf, plan, documentTitle, generatedAt);
  writeState(pdf, plan);
  for (const line of plan.actionLines) writeLine(pdf, line);
  writeBudget(pdf, plan);
  footers(pdf, `Uitvoeringsplan ${plan.ownerOrganisation.name}. Bevat geen gegevens van signalen of slachtoffers.`, `Stand van ${dutchDateTimeText(generatedAt.toISOString())}`);
  pdf.end();
  return bytes;
}

function writeHeader(pdf: Doc, plan: PlanView, documentTitle: string, generatedAt: Date) {
  title(pdf, documentTitle);
  facts(pdf, [
    ["Plan", scopeText(plan)],
    ["Eigenaar", plan.ownerOrganisation.name],
    ["Regio", plan.region.name],
    ["Looptijd", `${plan.periodStart}–${plan.periodEnd}`],
    ["Stand per", dutchDateText(generatedAt.toISOString())],
  ]);
  if (plan.description) {
    pdf.moveDown(0.4);
    paragraph(pdf, plan.description);
  }
}

function writeState(pdf: Doc, plan: PlanView) {
  const o = plan.overview;
  heading(pdf, "Stand van de uitvoering", 1);
  paragraph(pdf, `${o.activityCount} ${o.activityCount === 1 ? "activiteit" : "activiteiten"} in ${plan.actionLines.length} ${plan.actionLines.length === 1 ? "actielijn" : "actielijnen"}.`);
  bullets(pdf, activityStatuses.map((s) => ({ lead: `${statusText(s)}: `, text: String(o.statusCounts[s]) })));
  if (o.overdueCount > 0) {
    pdf.moveDown(0.3);
    banner(pdf, `${o.overdueCount} ${o.overdueCount === 1 ? "activiteit is" : "activiteiten zijn"} over de einddatum en nog niet afgerond.`);
  }
  const t = o.totals;
  paragraph(pdf, `Begroting over de looptijd: kosten ${euro(t.costs)}, dekking ${euro(t.cover)}, ${t.gap > 0 ? `tekort ${euro(t.gap)}` : "geen tekort"}.`);
}

function writeLine(pdf: Doc, line: PlanView["actionLines"][number]) {
  itemHeading(pdf, `Actielijn ${line.number}: ${line.title}`, line.goal ?? "", 120);
  if (line.activities.length === 0) return paragraph(pdf, "Voor deze actielijn zijn nog geen activiteiten vastgelegd.", { muted: true, size: 9.5 });
  const rows: Cell[][] = line.activities.map((a) => {
    const note = latestNote(a);
    return [
      { text: `${a.code} ${a.title}`, note: a.intendedResult ? `Beoogd resultaat: ${a.intendedResult}` : null },
      { text: a.responsibleOrganisation.name, note: a.partners.length ? `Met: ${a.partners.map((p) => p.name).join(", ")}` : null },
      { text: leadTimeText(a) },
      { text: statusText(a.status), note: a.overdue ? "Over de einddatum" : null },
      note ? { text: note.note ?? "", note: `${dutchDateText(note.notedOn)}${note.authorName ? `, ${note.authorName}` : ""}` } : { text: "Nog geen voortgang" },
    ];
  });
  table(pdf, `Activiteiten van actielijn ${line.number}`, [
    { header: "Activiteit", share: 30 },
    { header: "Verantwoordelijk en partners", share: 20 },
    { header: "Doorlooptijd", share: 14 },
    { header: "Status", share: 11 },
    { header: "Laatste voortgang", share: 25 },
  ], rows);
}

/** The budget table: a label column and one right-aligned column per year, totals in bold, the gap last. */
function writeBudget(pdf: Doc, plan: PlanView) {
  heading(pdf, "Begroting per jaar", 1, 120);
  paragraph(pdf, "Kosten per activiteit en de dekking per bron, in euro's.", { muted: true, size: 9.5 });
  const rows = budgetTable(plan);
  const width = pdf.page.width - margins.left - margins.right;
  const yearWidth = Math.min(72, (width * 0.55) / plan.years.length);
  const labelWidth = width - yearWidth * plan.years.length;
  const pad = 4;
  const drawRow = (label: string, amounts: string[], options: { bold?: boolean; band?: boolean; header?: boolean }) => {
    const font = options.bold || options.header ? fonts.bold : fonts.regular;
    pdf.font(font).fontSize(options.header ? 8.5 : 9);
    const height = Math.max(pdf.heightOfString(pdfSafe(label), { width: labelWidth - 2 * pad }), 10) + 2 * pad;
    ensureSpace(pdf, height);
    const top = pdf.y;
    if (options.band || options.header) pdf.save().rect(margins.left, top, width, height).fill(colours.band).restore();
    const colour = options.header ? colours.accent : colours.text;
    pdf.font(font).fontSize(options.header ? 8.5 : 9).fillColor(colour).text(pdfSafe(label), margins.left + pad, top + pad, { width: labelWidth - 2 * pad });
    amounts.forEach((amount, i) => {
      pdf.font(font).fontSize(options.header ? 8.5 : 9).fillColor(colour)
        .text(pdfSafe(amount), margins.left + labelWidth + i * yearWidth + pad, top + pad, { width: yearWidth - 2 * pad, align: "right", lineBreak: false });
    });
    pdf.y = top + height;
    pdf.save().moveTo(margins.left, pdf.y).lineTo(margins.left + width, pdf.y).lineWidth(0.5).strokeColor(colours.rule).stroke().restore();
  };
  pdf.moveDown(0.3);
  drawRow("", plan.years.map(String), { header: true });
  for (const row of rows) {
    const total = row.kind === "costs_total" || row.kind === "cover_total" || row.kind === "gap";
    drawRow(row.label, row.amounts.map(euro), { bold: total, band: row.kind === "gap" });
  }
  pdf.x = margins.left;
  pdf.moveDown(0.6);
  const gaps = plan.overview.budget.filter((b) => b.gap > 0);
  paragraph(pdf, gaps.length === 0
    ? "De kosten zijn in elk jaar gedekt."
    : `Niet gedekt: ${gaps.map((g) => `${g.year} ${euro(g.gap)}`).join(", ")}.`, { size: 9.5 });
}
