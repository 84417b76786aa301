import { dutchDateText } from "../conferences/minutes-pdf-text.ts";
import type { PlanView } from "./implementation-plan.presenter.ts";
import { activityStatuses } from "./plan-codes.ts";
import { budgetTable, latestNote, leadTimeText, scopeText, statusText } from "./plan-report-model.ts";

/**
 * The progress report as an Excel workbook with three sheets: "Plan" (the plan and the state of its
 * activities), "Activiteiten" (one row per activity with status and latest progress note) and "Begroting"
 * (the budget table per year: costs per activity, cover per source, totals and the gap). Amounts are numbers
 * in whole euros, so they can be added up further.
 */
const EURO = '"€" #,##0;-"€" #,##0';

export async function renderPlanXlsx(plan: PlanView, generatedAt: Date): Promise<Buffer> {
  // Loaded on first use: exceljs is large, and most processes never write a workbook.
  const { default: Excel } = await import("exceljs");
  const book = new Excel.Workbook();
  book.creator = "Ketenzicht";
  book.created = generatedAt;
  book.modified = generatedAt;
  book.title = `Voortgangsrapportage ${plan.title}`;

  const info = book.addWorksheet("Plan");
  info.columns = [{ width: 28 }, { width: 60 }];
  info.addRow(["Voortgangsrapportage", plan.title]).font = { bold: true, size: 13 };
  for (const [label, value] of [
    ["Plan", scopeText(plan)],
    ["Eigenaar", plan.ownerOrganisation.name],
    ["Regio", plan.region.name],
    ["Looptijd", `${plan.periodStart}–${plan.periodEnd}`],
    ["Stand per", dutchDateText(generatedAt.toISOString())],
    ["Omschrijving", plan.description ?? ""],
  ] as const) info.addRow([label, value]);
  info.addRow([]);
  info.addRow(["Status", "Aantal activiteiten"]).font = { bold: true };
  for (const s of activityStatuses) info.addRow([statusText(s), plan.overview.statusCounts[s]]);
  info.addRow(["Over de einddatum", plan.overview.overdueCount]);
  info.addRow(["Totaal", plan.overview.activityCount]).font = { bold: true };

  const sheet = book.addWorksheet("Activiteiten");
  sheet.columns = [
    { header: "Actielijn", width: 30 }, { header: "Nr.", width: 6 }, { header: "Activiteit", width: 40 }, { header: "Beoogd resultaat", width: 40 },
    { header: "Verantwoordelijk", width: 28 }, { header: "Partners", width: 40 }, { header: "Doorlooptijd", width: 26 }, { header: "Status", width: 14 },
    { header: "Over de einddatum", width: 10 }, { header: "Laatste voortgang", width: 50 }, { header: "Datum voortgang", width: 14 }, { header: "Vastgelegd door", width: 24 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const line of plan.actionLines) {
    if (line.activities.length === 0) sheet.addRow([`${line.number}. ${line.title}`, "", "(nog geen activiteiten)"]);
    for (const a of line.activities) {
      const note = latestNote(a);
      sheet.addRow([
        `${line.number}. ${line.title}`, a.code, a.title, a.intendedResult ?? "", a.responsibleOrganisation.name, a.partners.map((p) => p.name).join(", "),
        leadTimeText(a), statusText(a.status), a.overdue ? "ja" : "nee", note?.note ?? "", note ? note.notedOn : "", note?.authorName ?? "",
      ]);
    }
  }
  sheet.eachRow((row) => (row.alignment = { vertical: "top", wrapText: true }));

  const budget = book.addWorksheet("Begroting");
  budget.columns = [{ header: "Omschrijving", width: 50 }, ...plan.years.map((y) => ({ header: String(y), width: 14 }))];
  budget.getRow(1).font = { bold: true };
  for (const row of budgetTable(plan)) {
    const added = budget.addRow([row.label, ...row.amounts]);
    if (row.kind !== "costs" && row.kind !== "cover") added.font = { bold: true };
  }
  for (let c = 2; c <= plan.years.length + 1; c++) budget.getColumn(c).numFmt = EURO;

  return Buffer.from(await book.xlsx.writeBuffer());
}
