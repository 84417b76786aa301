import sql from "sql-template-tag";
import { dutchNumber, type MonitorSection } from "../../../shared/monitoring.ts";
import { run, type Queryable } from "../../kernel/db.ts";
import { careCounts } from "./care-summaries.ts";
import { Counts, type MonitorContext } from "./context.ts";
import { placeTypeLabels, policeReportLabels, reflectionEndReasonLabels, rowsOf } from "./labels.ts";
import { barChart, breakdownTable, counted } from "./tables.ts";

/**
 * Shelter (occupancy today per shelter, placements and flows in the period) and the residence scheme for
 * victims (reflection periods and police reports), for the trajectories of the area.
 */
export async function shelterSection(q: Queryable, ctx: MonitorContext): Promise<MonitorSection> {
  // Occupancy today, placements and flows in the periods (care-summaries.ts), the shelters' names from their organisations.
  const rows = await careCounts(q, ctx);
  const occupied = rows.filter((r) => r.dim === "occupancy" && r.n > 0).map((r) => r.key);
  const names = new Map((await run<{ id: string; name: string }>(q, sql`select o.id::text, o.name from organisations o where o.id = any(${occupied}::uuid[])`)).map((o) => [o.id, o.name]));
  const counts = new Counts(rows);
  const shelters = occupied.map((key) => ({ key, label: names.get(key) ?? "" })).sort((a, b) => a.label.localeCompare(b.label, "nl"));
  const occupancy = breakdownTable({ ...ctx, periods: ctx.periods.slice(0, 1) }, {
    id: "shelter-occupancy",
    title: "Bezetting van de opvang vandaag",
    rowHeading: "Opvang",
    rows: shelters,
    count: (key) => counts.get("occupancy", key, 0),
    total: { label: "Totaal" },
    note: "Plaatsingen die vandaag lopen, van de zorgtrajecten van dit gebied; los van de gekozen periode.",
  });
  occupancy.columns = [{ key: "now", label: "Bezet", kind: "count" }];
  const byType = breakdownTable(ctx, {
    id: "shelter-placements-by-type",
    title: "Plaatsingen in de opvang naar soort plaats",
    rowHeading: "Soort plaats",
    rows: rowsOf(placeTypeLabels),
    count: (key, p) => counts.get("shelter.type", key, p),
    total: { label: "Plaatsingen" },
  });
  const flow = breakdownTable(ctx, {
    id: "shelter-flow",
    title: "In-, door- en uitstroom van de opvang",
    rowHeading: "Stroom",
    rows: [
      { key: "inflow", label: "Instroom (opgenomen)" },
      { key: "throughflow", label: "Doorstroom (naar een andere plek)" },
      { key: "outflow", label: "Uitstroom (vertrokken)" },
    ],
    count: (key, p) => counts.get("flow", key, p),
  });
  const occupiedNow = occupancy.rows.find((r) => r.total)?.cells[0]?.value ?? 0;
  const sentences = [
    `Vandaag ${occupiedNow === 1 ? "is" : "zijn"} ${counted(occupiedNow, "opvangplaats", "opvangplaatsen")} bezet door trajecten van dit gebied.`,
    `In deze periode ${counts.get("flow", "inflow", 0) === 1 ? "werd" : "werden"} ${counted(counts.get("flow", "inflow", 0), "persoon", "personen")} opgenomen; ` +
      `${dutchNumber(counts.get("flow", "throughflow", 0))} stroomde door en ${dutchNumber(counts.get("flow", "outflow", 0))} stroomde uit.`,
  ];
  return {
    id: "shelter",
    title: "Opvang",
    summary: sentences.join(" "),
    tables: [occupancy, byType, flow],
    charts: [
      { id: "shelter-occupancy-chart", title: "Bezetting van de opvang vandaag", tableId: occupancy.id, kind: "bar", categories: "rows", series: ["now"] },
      barChart(ctx, byType),
      barChart(ctx, flow),
    ],
  };
}

export async function reflectionSection(q: Queryable, ctx: MonitorContext): Promise<MonitorSection> {
  const counts = new Counts(await careCounts(q, ctx));
  const endedEarly = (p: number) => counts.keys("refl.ended_early").reduce((n, k) => n + counts.get("refl.ended_early", k, p), 0);
  const periods = breakdownTable(ctx, {
    id: "reflection-periods",
    title: "Bedenktijd (verblijfsregeling mensenhandel)",
    rowHeading: "Bedenktijd",
    rows: [
      { key: "started", label: "Gestart in de periode" },
      { key: "ended_early", label: "Eerder beëindigd in de periode" },
      { key: "running", label: "Lopend aan het eind van de periode" },
    ],
    count: (key, p) => (key === "ended_early" ? endedEarly(p) : counts.get(`refl.${key}`, null, p)),
  });
  const reasons = breakdownTable(ctx, {
    id: "reflection-ended-early",
    title: "Eerder beëindigde bedenktijd naar reden",
    rowHeading: "Reden",
    rows: rowsOf(reflectionEndReasonLabels),
    count: (key, p) => counts.get("refl.ended_early", key, p),
    total: { label: "Eerder beëindigd" },
  });
  const police = breakdownTable(ctx, {
    id: "police-reports",
    title: "Besluiten over aangifte",
    rowHeading: "Besluit",
    rows: rowsOf(policeReportLabels),
    count: (key, p) => counts.get("police", key, p),
    total: { label: "Besluiten" },
    note: "Naar de datum van het besluit; een besluit zonder datum telt niet mee.",
  });
  const sentences = [
    `In deze periode ${counts.get("refl.started", null, 0) === 1 ? "startte" : "startten"} ${counted(counts.get("refl.started", null, 0), "bedenktijd", "bedenktijden")}; ` +
      `aan het eind liepen er ${dutchNumber(counts.get("refl.running", null, 0))}.`,
    `${counted(counts.get("police", "made", 0), "persoon deed", "personen deden")} aangifte.`,
  ];
  return {
    id: "reflection",
    title: "Bedenktijd en aangifte",
    summary: sentences.join(" "),
    tables: [periods, reasons, police],
    charts: [barChart(ctx, periods), barChart(ctx, police)],
  };
}
