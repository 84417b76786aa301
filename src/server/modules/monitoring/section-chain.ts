import sql, { join, raw, type Sql } from "sql-template-tag";
import { dutchNumber, type MonitorSection } from "../../../shared/monitoring.ts";
import { run, type Queryable } from "../../kernel/db.ts";
import { Counts, datePeriodOf, inDatePeriods, inPeriods, periodOf, signalInArea, type CountRow, type MonitorContext } from "./context.ts";
import { decisionKindLabels, measureKindLabels, measureOutcomeLabels, rowsOf } from "./labels.ts";
import { barChart, breakdownTable, counted, inSentence, largestRow, percentCell } from "./tables.ts";

/**
 * The chain's case conferences (actions done on time) and interventions (administrative measures and the
 * conferences' decisions). A region counts the meetings held in it; a municipality the items about its
 * signals (or about files that came from them) and its own measures.
 */
function itemInArea(ctx: MonitorContext): Sql {
  if (ctx.area.kind === "municipality") return signalInArea(ctx, "coalesce(ai.municipality_id, vs.municipality_id)");
  return ctx.area.regionIds.length ? sql`m.region_id in (${join(ctx.area.regionIds)})` : sql`false`;
}

const itemJoins = raw(`from agenda_items ai
  join meetings m on m.id = ai.meeting_id
  left join victim_files vf on vf.id = ai.victim_file_id
  left join signals vs on vs.id = vf.signal_id`);

export async function conferencesSection(q: Queryable, ctx: MonitorContext): Promise<MonitorSection> {
  const rows = await run<CountRow>(q, sql`
    select 'action' as dim,
           case when ca.status = 'cancelled' then 'cancelled'
                when ca.status = 'done' and (ca.done_at at time zone 'Europe/Amsterdam')::date <= ca.deadline then 'on_time'
                when ca.status = 'done' then 'late'
                when ca.deadline < ${ctx.today}::date then 'overdue'
                else 'open' end as key,
           ${datePeriodOf(ctx, "ca.deadline")} as p, count(*)::int as n
      from conference_actions ca join (select ai.id ${itemJoins} where ${itemInArea(ctx)}) items on items.id = ca.item_id
     where ${inDatePeriods(ctx, "ca.deadline")}
     group by 2, 3`);
  const counts = new Counts(rows);
  const table = breakdownTable(ctx, {
    id: "conference-actions",
    title: "Acties uit casusoverleggen met een termijn in de periode",
    rowHeading: "Stand",
    rows: [
      { key: "on_time", label: "Op tijd afgerond" },
      { key: "late", label: "Te laat afgerond" },
      { key: "overdue", label: "Open, termijn verstreken" },
      { key: "open", label: "Open, termijn nog niet verstreken" },
      { key: "cancelled", label: "Vervallen" },
    ],
    count: (key, p) => counts.get("action", key, p),
    total: { label: "Acties" },
  });
  const done = counts.get("action", "on_time", 0) + counts.get("action", "late", 0);
  const all = table.rows.find((r) => r.total)?.cells[0]?.value ?? 0;
  const sentences = [`In deze periode hadden ${counted(all, "actie", "acties")} uit casusoverleggen hun termijn.`];
  if (done > 0) sentences.push(`Van de ${dutchNumber(done)} afgeronde acties was ${percentCell(counts.get("action", "on_time", 0), done).display} op tijd.`);
  const overdue = counts.get("action", "overdue", 0);
  if (overdue > 0) sentences.push(`${counted(overdue, "actie staat", "acties staan")} nog open na de termijn.`);
  return { id: "conferences", title: "Casusoverleggen", summary: sentences.join(" "), tables: [table], charts: [barChart(ctx, table)] };
}

export async function interventionsSection(q: Queryable, ctx: MonitorContext): Promise<MonitorSection> {
  const rows = await run<CountRow>(q, sql`
    select 'kind' as dim, am.kind as key, ${datePeriodOf(ctx, "am.decided_on")} as p, count(*)::int as n
      from administrative_measures am where ${signalInArea(ctx, "am.municipality_id")} and ${inDatePeriods(ctx, "am.decided_on")} group by 2, 3
    union all
    select 'outcome', am.outcome, ${datePeriodOf(ctx, "am.decided_on")}, count(*)::int
      from administrative_measures am where ${signalInArea(ctx, "am.municipality_id")} and ${inDatePeriods(ctx, "am.decided_on")} group by 2, 3
    union all
    select 'decision', cd.kind, ${periodOf(ctx, "cd.recorded_at")}, count(*)::int
      from conference_decisions cd join (select ai.id ${itemJoins} where ${itemInArea(ctx)}) items on items.id = cd.item_id
     where ${inPeriods(ctx, "cd.recorded_at")} group by 2, 3`);
  const counts = new Counts(rows);
  const byKind = breakdownTable(ctx, {
    id: "interventions-by-kind",
    title: "Bestuurlijke maatregelen naar soort",
    rowHeading: "Soort maatregel",
    rows: rowsOf(measureKindLabels),
    count: (key, p) => counts.get("kind", key, p),
    total: { label: "Maatregelen" },
    note: "Maatregelen met een besluitdatum in de periode.",
  });
  const byOutcome = breakdownTable(ctx, {
    id: "interventions-by-outcome",
    title: "Bestuurlijke maatregelen naar uitkomst",
    rowHeading: "Uitkomst",
    rows: rowsOf(measureOutcomeLabels),
    count: (key, p) => counts.get("outcome", key, p),
    total: { label: "Maatregelen" },
  });
  const decisions = breakdownTable(ctx, {
    id: "conference-decisions-by-kind",
    title: "Besluiten in casusoverleggen naar soort interventie",
    rowHeading: "Soort interventie",
    rows: rowsOf(decisionKindLabels),
    count: (key, p) => counts.get("decision", key, p),
    total: { label: "Besluiten" },
  });
  const measures = byKind.rows.find((r) => r.total)?.cells[0]?.value ?? 0;
  const sentences = [`In deze periode ${measures === 1 ? "werd" : "werden"} ${counted(measures, "bestuurlijke maatregel", "bestuurlijke maatregelen")} genomen.`];
  const top = largestRow(byKind);
  if (top) sentences.push(`De meest genomen maatregel was ${inSentence(top.label)} (${dutchNumber(top.value)}).`);
  const decided = decisions.rows.find((r) => r.total)?.cells[0]?.value ?? 0;
  sentences.push(`In casusoverleggen ${decided === 1 ? "werd" : "werden"} ${counted(decided, "besluit", "besluiten")} over een interventie vastgelegd.`);
  return {
    id: "interventions",
    title: "Interventies",
    summary: sentences.join(" "),
    tables: [byKind, byOutcome, decisions],
    charts: [barChart(ctx, byKind), barChart(ctx, decisions)],
  };
}
