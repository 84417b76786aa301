import { dutchNumber, type MonitorSection } from "../../../shared/monitoring.ts";
import type { Queryable } from "../../kernel/db.ts";
import { careCounts } from "./care-summaries.ts";
import { Counts, type CountRow, type MonitorContext } from "./context.ts";
import { periodDays } from "./period.ts";
import {
  ageGroupLabels, closureReasonLabels, euCountryCodes, fileFormLabels, genderLabels, nationalityGroupLabels, needDomainLabels, rowsOf, serviceTypeLabels,
} from "./labels.ts";
import { barChart, breakdownTable, comparedWith, counted, countCell, decimalCell, inSentence, largestRow, measureTable } from "./tables.ts";

/**
 * Care trajectories (victim files): started, active and closed, who they are for (codes, never persons),
 * what care is missing, and the coordinators' workload. A trajectory counts in the period it was opened in.
 */
/** A nationality (ISO code, '' when unknown) in the groups the monitor shows. */
function nationalityGroup(code: string): string {
  if (code === "NLD") return "nld";
  if (code === "") return "unknown";
  return euCountryCodes.includes(code) ? "eu" : "non_eu";
}

export async function careSection(q: Queryable, ctx: MonitorContext): Promise<MonitorSection> {
  const rows: CountRow[] = (await careCounts(q, ctx)).map((r) => (r.dim === "nationality" ? { ...r, key: nationalityGroup(r.key) } : r));
  const counts = new Counts(rows);
  const started = (p: number) => counts.get("started", null, p);
  const trajectories = breakdownTable(ctx, {
    id: "care-trajectories",
    title: "Zorgtrajecten",
    rowHeading: "Zorgtrajecten",
    rows: [
      { key: "started", label: "Gestart in de periode" },
      { key: "active", label: "Lopend aan het eind van de periode" },
      { key: "closed", label: "Afgesloten in de periode" },
    ],
    count: (key, p) => counts.get(key, null, p),
  });
  const byForm = breakdownTable(ctx, {
    id: "care-by-form",
    title: "Gestarte zorgtrajecten naar vorm van uitbuiting",
    rowHeading: "Vorm van uitbuiting",
    rows: [...rowsOf(fileFormLabels), { key: "none", label: "Geen vorm vastgelegd" }],
    count: (key, p) => (key === "none" ? counts.get("form-none", null, p) : counts.get("form", key, p)),
    total: { label: "Gestarte zorgtrajecten", values: started },
    note: "Een traject kan over meer vormen van uitbuiting gaan en telt dan bij elke vorm; de rijen tellen daarom niet op tot het totaal.",
  });
  const breakdown = (id: string, title: string, rowHeading: string, dim: string, labels: Record<string, string>) =>
    breakdownTable(ctx, { id, title, rowHeading, rows: rowsOf(labels), count: (key, p) => counts.get(dim, key, p), total: { label: "Gestarte zorgtrajecten" } });
  const byGender = breakdown("care-by-gender", "Gestarte zorgtrajecten naar geslacht", "Geslacht", "gender", genderLabels);
  const byAge = breakdown("care-by-age-group", "Gestarte zorgtrajecten naar leeftijdsgroep", "Leeftijdsgroep bij de start", "age", ageGroupLabels);
  const byNationality = breakdown("care-by-nationality", "Gestarte zorgtrajecten naar nationaliteit", "Nationaliteit", "nationality", nationalityGroupLabels);
  const byClosure = breakdownTable(ctx, {
    id: "care-closure-reasons",
    title: "Afgesloten zorgtrajecten naar reden",
    rowHeading: "Reden van afsluiten",
    rows: rowsOf(closureReasonLabels),
    count: (key, p) => counts.get("closure", key, p),
    total: { label: "Afgesloten zorgtrajecten" },
  });
  const sentences = [
    `In deze periode startten ${counted(started(0), "zorgtraject", "zorgtrajecten")}${comparedWith(ctx, started(0), ctx.periods.length > 1 ? started(1) : undefined)}.`,
    `Aan het eind van de periode liepen er ${dutchNumber(counts.get("active", null, 0))}; ${counted(counts.get("closed", null, 0), "traject werd", "trajecten werden")} afgesloten.`,
  ];
  const form = largestRow(byForm);
  if (form && form.label !== "Geen vorm vastgelegd") sentences.push(`De meeste gestarte trajecten gingen over ${inSentence(form.label)} (${dutchNumber(form.value)}).`);
  return {
    id: "care",
    title: "Zorgtrajecten",
    summary: sentences.join(" "),
    tables: [trajectories, byForm, byGender, byAge, byNationality, byClosure],
    charts: [barChart(ctx, trajectories), barChart(ctx, byForm), barChart(ctx, byAge), barChart(ctx, byNationality), barChart(ctx, byClosure)],
  };
}

/**
 * Missing care (for the evaluation): of the files active at the end of the period, the needs per domain that
 * are not yet met (as recorded now), and services that were cancelled in the period.
 */
export async function careGapsSection(q: Queryable, ctx: MonitorContext): Promise<MonitorSection> {
  // Of the files running at the end of the period (p 0), their needs as recorded now; the services cancelled in the periods.
  const counts = new Counts(await careCounts(q, ctx));
  const needs = measureTable(ctx, {
    id: "care-gaps-needs",
    title: "Behoeften die nog niet zijn geregeld, per domein",
    rowHeading: "Domein",
    rows: rowsOf(needDomainLabels).map((r) => ({ ...r, data: r.key })),
    measures: [
      { key: "need", label: "Nodig, nog niet geregeld", kind: "count", cell: (domain) => countCell(counts.get("gap.need", domain, 0)) },
      { key: "unserved", label: "waarvan zonder geplande of lopende dienst", kind: "count", cell: (domain) => countCell(counts.get("gap.unserved", domain, 0)) },
      { key: "in-progress", label: "Wordt geregeld", kind: "count", cell: (domain) => countCell(counts.get("gap.in_progress", domain, 0)) },
    ],
    additiveRows: false,
    note: "Van de zorgtrajecten die aan het eind van de periode liepen: de behoeften zoals ze nu zijn vastgelegd.",
  });
  const cancelled = breakdownTable(ctx, {
    id: "care-gaps-cancelled-services",
    title: "Geannuleerde diensten naar soort",
    rowHeading: "Soort dienst",
    rows: rowsOf(serviceTypeLabels),
    count: (key, p) => counts.get("cancelled", key, p),
    total: { label: "Geannuleerde diensten" },
    note: "Diensten die in de periode op 'geannuleerd' zijn gezet.",
  });
  const unserved = counts.keys("gap.unserved").reduce((n, d) => n + counts.get("gap.unserved", d, 0), 0);
  const top = largestRow({ ...needs, rows: needs.rows.map((r) => ({ ...r, cells: [r.cells[1]!] })) });
  const sentences = [`In de lopende trajecten ${unserved === 1 ? "is" : "zijn"} ${counted(unserved, "behoefte", "behoeften")} nog niet geregeld en nog zonder dienst.`];
  if (top) sentences.push(`Dat geldt het vaakst voor ${inSentence(top.label)} (${dutchNumber(top.value)}).`);
  const cancelledTotal = cancelled.rows.find((r) => r.total)?.cells[0]?.value ?? 0;
  if (cancelledTotal > 0) sentences.push(`In deze periode ${cancelledTotal === 1 ? "werd" : "werden"} ${counted(cancelledTotal, "dienst", "diensten")} geannuleerd.`);
  return {
    id: "care-gaps",
    title: "Welke zorg ontbreekt",
    summary: sentences.join(" "),
    tables: [needs, cancelled],
    charts: [{ id: "care-gaps-needs-chart", title: "Behoeften zonder dienst per domein", tableId: needs.id, kind: "bar", categories: "rows", series: ["unserved"] }],
  };
}

const BUCKETS = [
  { key: "1-5", label: "1 tot en met 5 dossiers", max: 5 },
  { key: "6-10", label: "6 tot en met 10 dossiers", max: 10 },
  { key: "11-15", label: "11 tot en met 15 dossiers", max: 15 },
  { key: "16-20", label: "16 tot en met 20 dossiers", max: 20 },
  { key: "21+", label: "Meer dan 20 dossiers", max: Number.POSITIVE_INFINITY },
];

/**
 * The coordinators' workload, as a distribution (never who): at the end of each period, the active files of the
 * area per coordinator on their case team, and the new files per month in the period.
 */
export async function workloadSection(q: Queryable, ctx: MonitorContext): Promise<MonitorSection> {
  const all = await careCounts(q, ctx);
  const counts = new Counts(all);
  // Per coordinator the files of the area running at the period's end while they were on its case team.
  const rows = ctx.periods.map((_, p) => {
    const perCoordinator = all.filter((r) => r.dim === "coord" && r.p === p && r.n > 0).map((r) => r.n);
    const buckets = BUCKETS.map(() => 0);
    for (const n of perCoordinator) buckets[BUCKETS.findIndex((b) => n <= b.max)]! += 1;
    return {
      p,
      coordinators: perCoordinator.length,
      mean: perCoordinator.length ? perCoordinator.reduce((a, b) => a + b, 0) / perCoordinator.length : null,
      max: perCoordinator.length ? Math.max(...perCoordinator) : null,
      buckets,
      active: counts.get("active", null, p),
    };
  });
  const of = (p: number) => rows.find((r) => Number(r.p) === p);
  const months = (p: number) => periodDays(ctx.periods[p]!) / (365.25 / 12);
  const summary = measureTable(ctx, {
    id: "workload",
    title: "Werklast van de zorgcoördinatoren",
    rowHeading: "Periode",
    rows: ctx.periods.map((period, p) => ({ key: period.key, label: period.label, data: p })),
    measures: [
      { key: "active-files", label: "Lopende dossiers aan het eind", kind: "count", cell: (p) => countCell(of(p)?.active ?? 0) },
      { key: "coordinators", label: "Coördinatoren met lopende dossiers", kind: "count", cell: (p) => countCell(of(p)?.coordinators ?? 0) },
      { key: "mean", label: "Gemiddeld per coördinator", kind: "count", cell: (p) => decimalCell(of(p)?.coordinators ? (of(p)?.mean ?? null) : null) },
      { key: "max", label: "Hoogste aantal bij één coördinator", kind: "count", cell: (p) => (of(p)?.coordinators ? countCell(of(p)?.max ?? 0) : decimalCell(null)) },
      { key: "new-per-month", label: "Nieuwe dossiers per maand (gemiddeld)", kind: "count", cell: (p) => decimalCell(counts.get("started", null, p) / months(p)) },
    ],
    additiveRows: false,
    note: "Een dossier telt bij elke coördinator in het casusteam; alleen dossiers van dit gebied. Geen namen: alleen aantallen.",
  });
  const distribution = breakdownTable(ctx, {
    id: "workload-distribution",
    title: "Coördinatoren naar aantal lopende dossiers",
    rowHeading: "Lopende dossiers per coördinator",
    rows: BUCKETS,
    count: (key, p) => of(p)?.buckets[BUCKETS.findIndex((b) => b.key === key)] ?? 0,
    total: { label: "Coördinatoren" },
  });
  const now = of(0);
  const sentences = [`Aan het eind van de periode hadden ${counted(now?.coordinators ?? 0, "coördinator", "coördinatoren")} samen ${counted(now?.active ?? 0, "lopend dossier", "lopende dossiers")}.`];
  if (now?.coordinators) sentences.push(`Dat is gemiddeld ${decimalCell(now.mean).display} per coördinator, en ten hoogste ${dutchNumber(now.max ?? 0)}.`);
  return {
    id: "workload",
    title: "Werklast zorgcoördinatie",
    summary: sentences.join(" "),
    tables: [summary, distribution],
    charts: [barChart(ctx, distribution)],
  };
}
