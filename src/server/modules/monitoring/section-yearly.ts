import sql, { join } from "sql-template-tag";
import type { MonitorCell, MonitorColumn, MonitorRow, MonitorSection, MonitorTable } from "../../../shared/monitoring.ts";
import { dutchNumber } from "../../../shared/monitoring.ts";
import { run, type Queryable } from "../../kernel/db.ts";
import { careStartedPerYear } from "./care-summaries.ts";
import type { MonitorContext } from "./context.ts";
import { MAX_PERIOD_YEARS } from "./period.ts";
import { signalsPerYear } from "./summary-counts.ts";
import { counted } from "./tables.ts";

/**
 * The yearly table (the one Zevenaar could only fill by hand): signals and care trajectories per calendar year
 * for the region, and the municipality's signals. Years before Ketenzicht come from the imported historic
 * figures; a year with records in Ketenzicht uses the recorded count (the import refuses years that have
 * them). Years run from the first year with figures (at most ten years back) to the period's last year; the
 * last year is counted up to the period's end.
 */
interface YearRow {
  measure: "signals" | "care" | "historic-signals" | "historic-care_trajectories";
  area: string;
  year: number;
  n: number;
}

interface Figure {
  value: number;
  imported: boolean;
}

const cell = (f: Figure): MonitorCell => ({ value: f.value, display: dutchNumber(f.value), ...(f.imported ? { imported: true } : {}) });
const add = (a: Figure, b: Figure): Figure => ({ value: a.value + b.value, imported: a.imported || b.imported });

export async function yearlySection(q: Queryable, ctx: MonitorContext): Promise<MonitorSection> {
  const period = ctx.periods[0]!;
  const lastYear = Number(period.to.slice(0, 4));
  const firstCandidate = lastYear - MAX_PERIOD_YEARS + 1;
  // Signals and care trajectories from the summaries (per municipality or region and year); imported figures from their table.
  const span = { from: `${String(firstCandidate).padStart(4, "0")}-01-01`, to: period.to };
  const signals = await signalsPerYear(q, ctx, ctx.area.regionMunicipalityIds, span);
  const care = await careStartedPerYear(q, ctx, span);
  const imported = await run<YearRow>(q, sql`
    select 'historic-' || h.measure as measure, coalesce(h.municipality_id, h.region_id)::text as area, h.year, h.count as n
      from monitor_historic_figures h
     where h.region_id in (${join(ctx.area.regionIds)}) and h.year between ${firstCandidate}::int and ${lastYear}::int`);
  const rows: YearRow[] = [...signals.map((r) => ({ measure: "signals" as const, ...r })), ...care.map((r) => ({ measure: "care" as const, ...r })), ...imported];

  const recorded = new Map<string, number>();
  const historic = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.measure.replace("historic-", "").replace("care_trajectories", "care")}|${r.area}|${r.year}`;
    (r.measure.startsWith("historic-") ? historic : recorded).set(key, Number(r.n));
  }
  const figure = (measure: "signals" | "care", recordedValue: number, area: string, year: number): Figure => {
    const imported = historic.get(`${measure}|${area}|${year}`);
    return recordedValue === 0 && imported !== undefined ? { value: imported, imported: true } : { value: recordedValue, imported: false };
  };
  const municipalitySignals = (id: string, year: number) => figure("signals", recorded.get(`signals|${id}|${year}`) ?? 0, id, year);
  const regionSignals = (regionId: string, year: number) => {
    const region = ctx.area.regions.find((r) => r.id === regionId)!;
    const sum = region.municipalities.reduce((n, m) => n + (recorded.get(`signals|${m.id}|${year}`) ?? 0), 0);
    return figure("signals", sum, regionId, year);
  };
  const regionCare = (regionId: string, year: number) => figure("care", recorded.get(`care|${regionId}|${year}`) ?? 0, regionId, year);
  const overRegions = (of: (regionId: string, year: number) => Figure, year: number) =>
    ctx.area.regionIds.reduce((sum, id) => add(sum, of(id, year)), { value: 0, imported: false } as Figure);

  // From the first year with a figure (recorded or imported) to the period's last year.
  const withFigures = rows.filter((r) => Number(r.n) > 0 || r.measure.startsWith("historic-")).map((r) => Number(r.year));
  const firstYear = Math.min(lastYear, ...withFigures.filter((y) => y >= firstCandidate));
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const partial = !period.to.endsWith("-12-31");
  const columns: MonitorColumn[] = years.map((y) => ({
    key: String(y),
    label: y === lastYear && partial ? `${y} (t/m ${Number(period.to.slice(8))}-${Number(period.to.slice(5, 7))})` : String(y),
    kind: "count",
  }));
  const row = (key: string, label: string, of: (year: number) => Figure, total = false): MonitorRow => ({
    key, label, ...(total ? { total: true } : {}), cells: years.map((y) => cell(of(y))),
  });

  const whole = ctx.area.kind === "all" ? "alle regio's" : "regio";
  const signalsRow = row("signals", `Meldingen (${whole})`, (y) => overRegions(regionSignals, y));
  const careRow = row("care", `Zorgtrajecten (${whole})`, (y) => overRegions(regionCare, y));
  const tables: MonitorTable[] = [];
  const main: MonitorTable = {
    id: "yearly",
    title: ctx.area.kind === "municipality" ? `Meldingen en zorgtrajecten per jaar: ${regionPhrase(ctx.area.regions[0]!.name)} en ${ctx.area.name}` : "Meldingen en zorgtrajecten per jaar",
    rowHeading: "Cijfer",
    columns,
    rows: [signalsRow, careRow],
    additive: { rows: false, columns: false },
    note: "Cijfers van jaren vóór Ketenzicht zijn ingelezen uit eerdere registraties en als zodanig gemarkeerd.",
  };
  tables.push(main);
  if (ctx.area.kind === "municipality") {
    main.rows.push(row(ctx.area.id!, `${ctx.area.name} (meldingen)`, (y) => municipalitySignals(ctx.area.id!, y)));
  } else {
    // Per municipality (a region) or per region (all), with the whole as the total row. What the imported
    // figures do not split up is a row of its own, so that the rows add up to the total.
    const parts = ctx.area.kind === "region"
      ? ctx.area.municipalities.map((m) => row(m.id, m.name, (y) => municipalitySignals(m.id, y)))
      : ctx.area.regions.map((r) => row(r.id, r.name, (y) => regionSignals(r.id, y)));
    const remainder = years.map((_, i) => (signalsRow.cells[i]!.value ?? 0) - parts.reduce((n, p) => n + (p.cells[i]!.value ?? 0), 0));
    if (remainder.some((n) => n > 0)) {
      parts.push({ key: "not-split", label: "Niet uitgesplitst (ingelezen cijfers)", cells: remainder.map((n) => ({ value: Math.max(n, 0), display: dutchNumber(Math.max(n, 0)), ...(n > 0 ? { imported: true } : {}) })) });
    }
    tables.push({
      id: ctx.area.kind === "region" ? "yearly-by-municipality" : "yearly-by-region",
      title: ctx.area.kind === "region" ? "Meldingen per gemeente per jaar" : "Meldingen per regio per jaar",
      rowHeading: ctx.area.kind === "region" ? "Gemeente" : "Regio",
      columns,
      rows: [...parts, { ...signalsRow, label: signalsRow.label, total: true }],
      additive: { rows: remainder.every((n) => n >= 0), columns: false },
    });
  }

  const last = (r: MonitorRow) => r.cells[r.cells.length - 1]?.value ?? 0;
  const signalsLast = last(signalsRow);
  const careLast = last(careRow);
  const sentences = [
    `In ${lastYear} ${signalsLast === 1 ? "kwam" : "kwamen"} in de ${ctx.area.kind === "all" ? "regio's" : "regio"} ${counted(signalsLast, "melding", "meldingen")} binnen ` +
      `en ${careLast === 1 ? "startte" : "startten"} ${counted(careLast, "zorgtraject", "zorgtrajecten")}.`,
  ];
  if (ctx.area.kind === "municipality") {
    const own = last(main.rows[2]!);
    sentences.push(`In ${ctx.area.name} ${own === 1 ? "kwam" : "kwamen"} dat jaar ${counted(own, "melding", "meldingen")} binnen.`);
  }
  const importedYears = years.filter((_, i) => main.rows.some((r) => r.cells[i]?.imported));
  if (importedYears.length > 0) {
    const span = importedYears.length === 1 ? String(importedYears[0]) : `${importedYears[0]} tot en met ${importedYears[importedYears.length - 1]}`;
    sentences.push(`De cijfers over ${span} zijn (deels) ingelezen uit eerdere registraties.`);
  }
  return {
    id: "yearly",
    title: "Cijfers per jaar",
    summary: sentences.join(" "),
    tables,
    charts: [{ id: "yearly-chart", title: "Meldingen en zorgtrajecten per jaar", tableId: main.id, kind: "line", categories: "columns", series: main.rows.map((r) => r.key) }],
  };
}

/** "regio Achterhoek" for a region named "Achterhoek", the name as it is when it already says "Regio …". */
function regionPhrase(name: string): string {
  return /^regio\b/i.test(name) ? name : `regio ${name}`;
}
