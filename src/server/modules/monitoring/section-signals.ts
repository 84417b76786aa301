import type { MonitorChart, MonitorSection, MonitorTable } from "../../../shared/monitoring.ts";
import type { Queryable } from "../../kernel/db.ts";
import { Counts, type MonitorContext } from "./context.ts";
import { indicatorGroupLabels, organisationTypeLabels, rowsOf, signalFormLabels } from "./labels.ts";
import { summaryCounts } from "./summary-counts.ts";
import { barChart, breakdownTable, comparedWith, counted, inSentence, largestRow, valueOf } from "./tables.ts";

/**
 * Signals received: by source, team, form of exploitation, indicator group, month and municipality. A signal
 * counts in the period of its received_at; merged duplicates do not count.
 */
const MAX_TEAMS = 15;
const MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

/** The dimensions of the summaries that are the signals' own (section-route.ts reads the rest). */
const SIGNAL_DIMS = new Set(["total", "source", "team", "team-unknown", "month", "municipality", "form", "form-none", "group", "group-none", "informed"]);

/**
 * The signals of the period(s) counted every way (source, team, month, municipality, forms, indicator groups
 * and reporters informed), from the monitor's summaries, which are read once per context (summary-counts.ts).
 */
export async function signalCounts(q: Queryable, ctx: MonitorContext): Promise<Counts> {
  const rows = await summaryCounts(q, ctx);
  return new Counts(rows.filter((r) => SIGNAL_DIMS.has(r.dim)).map((r) => ({ dim: r.dim, key: r.key === "" ? null : r.key, p: r.p, n: r.n })));
}

/** The months of the period as rows ("2026-03", "mrt 2026"); a count of the earlier period lands on the month a year later. */
function monthRows(ctx: MonitorContext): { key: string; label: string }[] {
  const rows: { key: string; label: string }[] = [];
  const [fromYear, fromMonth] = ctx.periods[0]!.from.split("-").map(Number) as [number, number];
  const [toYear, toMonth] = ctx.periods[0]!.to.split("-").map(Number) as [number, number];
  for (let y = fromYear, m = fromMonth; y < toYear || (y === toYear && m <= toMonth); m === 12 ? ((m = 1), y++) : m++) {
    rows.push({ key: `${y}-${String(m).padStart(2, "0")}`, label: `${MONTHS[m - 1]} ${y}` });
  }
  return rows;
}

const yearLater = (month: string) => `${Number(month.slice(0, 4)) + 1}${month.slice(4)}`;

export function signalTables(ctx: MonitorContext, counts: Counts): { tables: MonitorTable[]; charts: MonitorChart[] } {
  const total = (p: number) => counts.get("total", null, p);
  const bySource = breakdownTable(ctx, {
    id: "signals-by-source",
    title: "Signalen naar bron",
    rowHeading: "Bron",
    rows: [...rowsOf(organisationTypeLabels), { key: "unknown", label: "Organisatie onbekend" }, { key: "citizen", label: "Inwoner (anoniem)" }],
    count: (key, p) => counts.get("source", key, p),
    total: { label: "Totaal" },
    dropEmpty: true,
  });
  // The teams with most signals in the period; the rest together, so that the table stays additive.
  const teams = counts.keys("team").sort((a, b) => counts.get("team", b, 0) - counts.get("team", a, 0) || a.localeCompare(b, "nl"));
  const shown = teams.slice(0, MAX_TEAMS);
  const rest = teams.slice(MAX_TEAMS);
  const byTeam = breakdownTable(ctx, {
    id: "signals-by-team",
    title: "Signalen van medewerkers naar team",
    rowHeading: "Team",
    rows: [
      ...shown.map((team) => ({ key: `team:${team}`, label: team })),
      ...(rest.length ? [{ key: "other", label: `Overige teams (${rest.length})` }] : []),
      { key: "unknown", label: "Team niet ingevuld" },
    ],
    count: (key, p) =>
      key === "other" ? rest.reduce((n, team) => n + counts.get("team", team, p), 0)
      : key === "unknown" ? counts.get("team-unknown", null, p)
      : counts.get("team", key.slice(5), p),
    total: { label: "Totaal van medewerkers" },
    note: rest.length ? `De ${MAX_TEAMS} teams met de meeste signalen staan apart; de andere teams staan samen onder 'Overige teams'.` : undefined,
  });
  const byForm = breakdownTable(ctx, {
    id: "signals-by-form",
    title: "Signalen naar vorm van uitbuiting",
    rowHeading: "Vorm van uitbuiting",
    rows: [...rowsOf(signalFormLabels), { key: "none", label: "Nog niet beoordeeld" }],
    count: (key, p) => (key === "none" ? counts.get("form-none", null, p) : counts.get("form", key, p)),
    total: { label: "Signalen", values: total },
    note: "Een signaal kan over meer vormen van uitbuiting gaan en telt dan bij elke vorm; de rijen tellen daarom niet op tot het totaal.",
  });
  const byGroup = breakdownTable(ctx, {
    id: "signals-by-indicator-group",
    title: "Signalen naar groep van aangevinkte indicatoren",
    rowHeading: "Groep indicatoren",
    rows: [...rowsOf(indicatorGroupLabels), { key: "none", label: "Geen indicator aangevinkt" }],
    count: (key, p) => (key === "none" ? counts.get("group-none", null, p) : counts.get("group", key, p)),
    total: { label: "Signalen", values: total },
    note: "Een signaal telt één keer per groep waarin een van zijn aangevinkte indicatoren valt; de rijen tellen daarom niet op tot het totaal.",
  });
  const perMonth = breakdownTable(ctx, {
    id: "signals-per-month",
    title: "Signalen per maand",
    rowHeading: "Maand",
    rows: monthRows(ctx),
    count: (key, p) => (p === 0 ? counts.get("month", key, 0) : counts.keys("month").filter((m) => yearLater(m) === key).reduce((n, m) => n + counts.get("month", m, 1), 0)),
  });
  const tables = [bySource, byTeam, byForm, byGroup, perMonth];
  const charts: MonitorChart[] = [
    barChart(ctx, bySource),
    barChart(ctx, byForm),
    barChart(ctx, byGroup),
    { id: "signals-per-month-chart", title: "Signalen per maand", tableId: perMonth.id, kind: "line", categories: "rows", series: ctx.periods.map((p) => p.key) },
  ];
  if (ctx.area.kind !== "municipality") {
    const byMunicipality = breakdownTable(ctx, {
      id: "signals-by-municipality",
      title: "Signalen per gemeente",
      rowHeading: "Gemeente",
      rows: ctx.area.municipalities.map((m) => ({ key: m.id, label: m.name })),
      count: (key, p) => counts.get("municipality", key, p),
      total: { label: "Totaal" },
    });
    tables.push(byMunicipality);
    if (byMunicipality.rows.length <= 41) charts.push(barChart(ctx, byMunicipality));
  }
  if (ctx.area.kind === "all") {
    // A municipality in two of the regions counts in both: then the regions do not add up to the total.
    const overlap = ctx.area.regions.flatMap((r) => r.municipalities).length !== ctx.area.municipalityIds.length;
    const byRegion = breakdownTable(ctx, {
      id: "signals-by-region",
      title: "Signalen per regio",
      rowHeading: "Regio",
      rows: ctx.area.regions.map((r) => ({ key: r.id, label: r.name })),
      count: (key, p) => (ctx.area.regions.find((r) => r.id === key)?.municipalities ?? []).reduce((n, m) => n + counts.get("municipality", m.id, p), 0),
      total: overlap ? { label: "Totaal", values: total } : { label: "Totaal" },
      note: overlap ? "Een gemeente die in meer regio's ligt, telt bij elk van die regio's." : undefined,
    });
    tables.push(byRegion);
    charts.push(barChart(ctx, byRegion));
  }
  return { tables, charts };
}

export function signalSummary(ctx: MonitorContext, counts: Counts, tables: MonitorTable[]): string {
  const now = counts.get("total", null, 0);
  const sentences = [`In deze periode kwamen ${counted(now, "signaal", "signalen")} binnen${comparedWith(ctx, now, ctx.periods.length > 1 ? counts.get("total", null, 1) : undefined)}.`];
  const citizens = counts.get("source", "citizen", 0);
  if (citizens > 0) sentences.push(`${counted(citizens, "signaal", "signalen")} kwam${citizens === 1 ? "" : "en"} van inwoners.`);
  const form = largestRow(tables.find((t) => t.id === "signals-by-form")!);
  if (form && form.label !== "Nog niet beoordeeld") sentences.push(`De meest genoemde vorm was ${inSentence(form.label)} (${counted(form.value, "signaal", "signalen")}).`);
  const unassessed = valueOf(tables.find((t) => t.id === "signals-by-form")!, "none");
  if (unassessed > 0) sentences.push(`${counted(unassessed, "signaal is", "signalen zijn")} nog niet beoordeeld.`);
  return sentences.join(" ");
}

export async function signalsSection(q: Queryable, ctx: MonitorContext): Promise<MonitorSection> {
  const counts = await signalCounts(q, ctx);
  const { tables, charts } = signalTables(ctx, counts);
  return { id: "signals", title: "Signalen", summary: signalSummary(ctx, counts, tables), tables, charts };
}
