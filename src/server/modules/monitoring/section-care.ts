import sql from "sql-template-tag";
import { dutchNumber, type MonitorSection } from "../../../shared/monitoring.ts";
import { run, type Queryable } from "../../kernel/db.ts";
import { Counts, fileInArea, fileRunningAt, inPeriods, periodEnds, periodOf, type CountRow, type MonitorContext } from "./context.ts";
import { periodDays } from "./period.ts";
import {
  ageGroupLabels, closureReasonLabels, euCountryCodes, fileFormLabels, genderLabels, nationalityGroupLabels, needDomainLabels, rowsOf, serviceTypeLabels,
} from "./labels.ts";
import { barChart, breakdownTable, comparedWith, counted, countCell, decimalCell, inSentence, largestRow, measureTable } from "./tables.ts";

/**
 * Care trajectories (victim files): started, active and closed, who they are for (codes, never persons),
 * what care is missing, and the coordinators' workload. A trajectory counts in the period it was opened in.
 */
const lastEnd = (ctx: MonitorContext) => ctx.periods[0]!.end;
const firstStart = (ctx: MonitorContext) => ctx.periods[ctx.periods.length - 1]!.start;
/** Files active at the end of the period `k` (the period ends are `v`). */
const activeAtEnd = (alias: string) => fileRunningAt(alias, sql`v.e`);

export async function careSection(q: Queryable, ctx: MonitorContext): Promise<MonitorSection> {
  const rows = await run<CountRow>(q, sql`
    with f as materialized (
      select f.opened_at, f.closed_at, f.gender, f.age_group, f.exploitation_forms, f.closure_reason, f.nationality,
             ${periodOf(ctx, "f.opened_at")} as p_open, ${periodOf(ctx, "f.closed_at")} as p_close
        from victim_files f
       where ${fileInArea(ctx, "f")} and f.opened_at < ${lastEnd(ctx)}
         -- A file opened and closed before the earliest period counts in none of them: the files running at its
         -- start, and those opened in the periods.
         and (${fileRunningAt("f", sql`${firstStart(ctx)}::timestamptz`)} or f.opened_at >= ${firstStart(ctx)})
    )
    select 'started' as dim, null::text as key, f.p_open as p, count(*)::int as n from f where f.p_open is not null group by 3
    union all
    select 'closed', null, f.p_close, count(*)::int from f where f.p_close is not null group by 3
    union all
    select 'active', null, v.k, count(*)::int from f join ${periodEnds(ctx)} as v(k, e, d) on ${activeAtEnd("f")} group by 3
    union all
    select 'form', x.form, f.p_open, count(*)::int from f cross join unnest(f.exploitation_forms) as x(form) where f.p_open is not null group by 2, 3
    union all
    select 'form-none', null, f.p_open, count(*)::int from f where f.p_open is not null and cardinality(f.exploitation_forms) = 0 group by 3
    union all
    select 'gender', f.gender, f.p_open, count(*)::int from f where f.p_open is not null group by 2, 3
    union all
    select 'age', f.age_group, f.p_open, count(*)::int from f where f.p_open is not null group by 2, 3
    union all
    select 'nationality', case when f.nationality = 'NLD' then 'nld' when f.nationality = any(${euCountryCodes}::text[]) then 'eu'
                               when f.nationality is null then 'unknown' else 'non_eu' end, f.p_open, count(*)::int
      from f where f.p_open is not null group by 2, 3
    union all
    select 'closure', f.closure_reason, f.p_close, count(*)::int from f where f.p_close is not null group by 2, 3`);
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
  // The needs of the active files in one pass (each need once), then the cancelled services.
  const needRows = await run<{ key: string; need: number; unserved: number; in_progress: number }>(q, sql`
    with active as materialized (
      select f.id from victim_files f join ${periodEnds(ctx)} as v(k, e, d) on v.k = 0 and ${activeAtEnd("f")}
       where ${fileInArea(ctx, "f")}
    ), n as (
      select n.domain, n.status,
             n.status = 'need' and not exists (select 1 from care_services cs where cs.file_id = n.file_id and cs.domain = n.domain and cs.status in ('planned', 'active')) as unserved
        from victim_needs n join active a on a.id = n.file_id
       where n.status in ('need', 'in_progress')
    )
    select n.domain as key, count(*) filter (where n.status = 'need')::int as need, count(*) filter (where n.unserved)::int as unserved,
           count(*) filter (where n.status = 'in_progress')::int as in_progress
      from n group by 1`);
  const cancelledRows = await run<CountRow>(q, sql`
    select 'cancelled' as dim, cs.service_type as key, ${periodOf(ctx, "cs.updated_at")} as p, count(*)::int as n
      from care_services cs join victim_files f on f.id = cs.file_id
     where cs.status = 'cancelled' and ${inPeriods(ctx, "cs.updated_at")} and ${fileInArea(ctx, "f")}
     group by 2, 3`);
  const rows: CountRow[] = [
    ...needRows.flatMap((r) => (["need", "unserved", "in_progress"] as const).map((dim) => ({ dim, key: r.key, p: 0, n: r[dim] }))),
    ...cancelledRows,
  ];
  const counts = new Counts(rows);
  const needs = measureTable(ctx, {
    id: "care-gaps-needs",
    title: "Behoeften die nog niet zijn geregeld, per domein",
    rowHeading: "Domein",
    rows: rowsOf(needDomainLabels).map((r) => ({ ...r, data: r.key })),
    measures: [
      { key: "need", label: "Nodig, nog niet geregeld", kind: "count", cell: (domain) => countCell(counts.get("need", domain, 0)) },
      { key: "unserved", label: "waarvan zonder geplande of lopende dienst", kind: "count", cell: (domain) => countCell(counts.get("unserved", domain, 0)) },
      { key: "in-progress", label: "Wordt geregeld", kind: "count", cell: (domain) => countCell(counts.get("in_progress", domain, 0)) },
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
  const unserved = counts.keys("unserved").reduce((n, d) => n + counts.get("unserved", d, 0), 0);
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
  const rows = await run<{ p: number; coordinators: number; mean: number | null; max: number | null; b0: number; b1: number; b2: number; b3: number; b4: number; active: number }>(q, sql`
    with v as (select * from ${periodEnds(ctx)} as v(k, e, d)),
    files as (
      select f.id, v.k, v.e from victim_files f join v on ${activeAtEnd("f")} where ${fileInArea(ctx, "f")}
    ),
    per as (
      select files.k, m.user_id, count(distinct files.id)::int as n
        from files join case_team_members m on m.file_id = files.id and m.member_role = 'coordinator'
                                            and m.added_at < files.e and (m.ended_at is null or m.ended_at >= files.e)
       group by files.k, m.user_id
    )
    select v.k as p, count(per.user_id)::int as coordinators, avg(per.n)::float8 as mean, max(per.n)::int as max,
           count(*) filter (where per.n <= 5)::int as b0, count(*) filter (where per.n between 6 and 10)::int as b1,
           count(*) filter (where per.n between 11 and 15)::int as b2, count(*) filter (where per.n between 16 and 20)::int as b3,
           count(*) filter (where per.n > 20)::int as b4,
           (select count(*)::int from files where files.k = v.k) as active
      from v left join per on per.k = v.k group by v.k`);
  const started = new Counts(await run<CountRow>(q, sql`
    select 'started' as dim, null::text as key, ${periodOf(ctx, "f.opened_at")} as p, count(*)::int as n
      from victim_files f where ${fileInArea(ctx, "f")} and ${inPeriods(ctx, "f.opened_at")} group by 3`));
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
      { key: "new-per-month", label: "Nieuwe dossiers per maand (gemiddeld)", kind: "count", cell: (p) => decimalCell(started.get("started", null, p) / months(p)) },
    ],
    additiveRows: false,
    note: "Een dossier telt bij elke coördinator in het casusteam; alleen dossiers van dit gebied. Geen namen: alleen aantallen.",
  });
  const distribution = breakdownTable(ctx, {
    id: "workload-distribution",
    title: "Coördinatoren naar aantal lopende dossiers",
    rowHeading: "Lopende dossiers per coördinator",
    rows: BUCKETS,
    count: (key, p) => {
      const r = of(p);
      const i = BUCKETS.findIndex((b) => b.key === key);
      return r ? Number((r as unknown as Record<string, number>)[`b${i}`] ?? 0) : 0;
    },
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
