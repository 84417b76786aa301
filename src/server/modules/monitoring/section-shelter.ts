import sql from "sql-template-tag";
import { dutchNumber, type MonitorSection } from "../../../shared/monitoring.ts";
import { run, type Queryable } from "../../kernel/db.ts";
import { Counts, datePeriodOf, fileInArea, inDatePeriods, periodEnds, type CountRow, type MonitorContext } from "./context.ts";
import { placeTypeLabels, policeReportLabels, reflectionEndReasonLabels, rowsOf } from "./labels.ts";
import { barChart, breakdownTable, counted } from "./tables.ts";

/**
 * Shelter (occupancy today per shelter, placements and flows in the period) and the residence scheme for
 * victims (reflection periods and police reports), for the trajectories of the area.
 */
export async function shelterSection(q: Queryable, ctx: MonitorContext): Promise<MonitorSection> {
  const rows = await run<CountRow & { label: string | null }>(q, sql`
    with sp as materialized (
      select sp.shelter_organisation_id, sp.place_type, sp.admitted_on, sp.left_on, sp.leave_kind
        from shelter_placements sp join victim_files f on f.id = sp.file_id
       where ${fileInArea(ctx, "f")}
         -- Only what a count below needs (occupied today, admitted or left in a period), not the whole history.
         and ((sp.left_on is null and sp.admitted_on <= ${ctx.today}::date) or ${inDatePeriods(ctx, "sp.admitted_on")} or ${inDatePeriods(ctx, "sp.left_on")})
    )
    select 'occupancy' as dim, sp.shelter_organisation_id::text as key, max(o.name) as label, 0 as p, count(*)::int as n
      from sp join organisations o on o.id = sp.shelter_organisation_id
     where sp.left_on is null and sp.admitted_on <= ${ctx.today}::date group by 2
    union all
    select 'type', sp.place_type, null, ${datePeriodOf(ctx, "sp.admitted_on")}, count(*)::int from sp where ${inDatePeriods(ctx, "sp.admitted_on")} group by 2, 4
    union all
    select 'flow', 'inflow', null, ${datePeriodOf(ctx, "sp.admitted_on")}, count(*)::int from sp where ${inDatePeriods(ctx, "sp.admitted_on")} group by 4
    union all
    select 'flow', sp.leave_kind, null, ${datePeriodOf(ctx, "sp.left_on")}, count(*)::int from sp where ${inDatePeriods(ctx, "sp.left_on")} group by 2, 4`);
  const counts = new Counts(rows);
  const shelters = rows.filter((r) => r.dim === "occupancy").map((r) => ({ key: r.key!, label: r.label ?? "" })).sort((a, b) => a.label.localeCompare(b.label, "nl"));
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
    count: (key, p) => counts.get("type", key, p),
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
  const occupied = occupancy.rows.find((r) => r.total)?.cells[0]?.value ?? 0;
  const sentences = [
    `Vandaag ${occupied === 1 ? "is" : "zijn"} ${counted(occupied, "opvangplaats", "opvangplaatsen")} bezet door trajecten van dit gebied.`,
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
  const rows = await run<CountRow>(q, sql`
    with rs as materialized (
      select rs.reflection_offered_on, rs.reflection_ends_on, rs.reflection_ended_early_on, rs.reflection_end_reason, rs.police_report, rs.police_report_on
        from residence_schemes rs join victim_files f on f.id = rs.file_id
       where ${fileInArea(ctx, "f")}
         -- Only what a count below needs (started, ended early or reported in a period, or running at a period's
         -- end), not the whole history.
         and (${inDatePeriods(ctx, "rs.reflection_offered_on")} or ${inDatePeriods(ctx, "rs.reflection_ended_early_on")}
              or ${inDatePeriods(ctx, "rs.police_report_on")}
              or (rs.reflection_offered_on <= ${ctx.periods[0]!.to}::date and rs.reflection_ends_on >= ${ctx.periods[ctx.periods.length - 1]!.to}::date))
    )
    select 'started' as dim, null::text as key, ${datePeriodOf(ctx, "rs.reflection_offered_on")} as p, count(*)::int as n
      from rs where ${inDatePeriods(ctx, "rs.reflection_offered_on")} group by 3
    union all
    select 'ended_early', rs.reflection_end_reason, ${datePeriodOf(ctx, "rs.reflection_ended_early_on")}, count(*)::int
      from rs where ${inDatePeriods(ctx, "rs.reflection_ended_early_on")} group by 2, 3
    union all
    select 'running', null, v.k, count(*)::int
      from rs join ${periodEnds(ctx)} as v(k, e, d)
        on rs.reflection_offered_on <= v.d and rs.reflection_ends_on >= v.d and (rs.reflection_ended_early_on is null or rs.reflection_ended_early_on > v.d)
     group by 3
    union all
    select 'police', rs.police_report, ${datePeriodOf(ctx, "rs.police_report_on")}, count(*)::int
      from rs where rs.police_report in ('made', 'declined', 'unable') and ${inDatePeriods(ctx, "rs.police_report_on")} group by 2, 3`);
  const counts = new Counts(rows);
  const endedEarly = (p: number) => counts.keys("ended_early").reduce((n, k) => n + counts.get("ended_early", k, p), 0);
  const periods = breakdownTable(ctx, {
    id: "reflection-periods",
    title: "Bedenktijd (verblijfsregeling mensenhandel)",
    rowHeading: "Bedenktijd",
    rows: [
      { key: "started", label: "Gestart in de periode" },
      { key: "ended_early", label: "Eerder beëindigd in de periode" },
      { key: "running", label: "Lopend aan het eind van de periode" },
    ],
    count: (key, p) => (key === "ended_early" ? endedEarly(p) : counts.get(key, null, p)),
  });
  const reasons = breakdownTable(ctx, {
    id: "reflection-ended-early",
    title: "Eerder beëindigde bedenktijd naar reden",
    rowHeading: "Reden",
    rows: rowsOf(reflectionEndReasonLabels),
    count: (key, p) => counts.get("ended_early", key, p),
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
    `In deze periode ${counts.get("started", null, 0) === 1 ? "startte" : "startten"} ${counted(counts.get("started", null, 0), "bedenktijd", "bedenktijden")}; ` +
      `aan het eind liepen er ${dutchNumber(counts.get("running", null, 0))}.`,
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
