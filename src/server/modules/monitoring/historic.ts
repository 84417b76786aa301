import { parse } from "csv-parse/sync";
import type { InvalidParam } from "../../kernel/errors.ts";

/**
 * Historic figures: the yearly counts of years before Ketenzicht, read from a CSV file
 * (docs/monitoring-historic-figures.md). Pure functions in three steps, so each can be tested alone:
 * read the file into rows of cells, check each row's own values, then check the rows against the areas
 * Ketenzicht knows (and the actor may import for) and against the years that already have recorded figures.
 * Problems with the file as a whole are thrown as HistoricFileProblem; problems of rows are collected, so a
 * refused file names every wrong row at once.
 */
export const MAX_CONTENT_CHARS = 1_000_000;
export const MAX_ROWS = 5000;
export const FIRST_YEAR = 1990;
export const MAX_COUNT = 1_000_000;
export const MAX_SOURCE = 300;

export const measures = ["signals", "care_trajectories"] as const;
export type Measure = (typeof measures)[number];
export const areaKinds = ["region", "municipality"] as const;
export type AreaKind = (typeof areaKinds)[number];

/** The file as a whole cannot be read: its type, encoding, columns or size. Carries one or more problems. */
export class HistoricFileProblem extends Error {
  readonly problems: InvalidParam[];
  constructor(code: string, reason: string, more: InvalidParam[] = []) {
    super(reason);
    this.problems = [{ name: "file", code, reason }, ...more];
  }
}

export interface RawRow {
  /** The line number in the file; the header is line 1. */
  row: number;
  cells: string[];
}
export interface RawTable { header: string[]; rows: RawRow[] }

/** The columns by their Dutch heading, with the other headings people use for them. */
const columns = {
  niveau: ["niveau", "level", "soort gebied"],
  gebied: ["gebied", "area", "naam", "regio of gemeente", "regio/gemeente"],
  jaar: ["jaar", "year"],
  meldingen: ["meldingen", "signalen", "aantal meldingen", "signals"],
  zorgtrajecten: ["zorgtrajecten", "aantal zorgtrajecten", "care trajectories", "care_trajectories"],
  bron: ["bron", "source"],
} as const;
export type Column = keyof typeof columns;
const columnOrder = Object.keys(columns) as Column[];
export const measureColumn: Record<Measure, Column> = { signals: "meldingen", care_trajectories: "zorgtrajecten" };
const measureWords: Record<Measure, string> = { signals: "meldingen", care_trajectories: "zorgtrajecten" };

const levelWords: Record<string, AreaKind> = { regio: "region", region: "region", gemeente: "municipality", municipality: "municipality" };
/** A cell that says "not known" rather than a number. */
const unknownWords = new Set(["", "-", "–", "—", "?", "nb", "n.b.", "onbekend", "unknown"]);

/** Lower case without accents, single spaces: how headings, levels and names are compared. */
export const plainKey = (value: string) =>
  value.normalize("NFKD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/[_\s]+/g, " ").replace(/\s*([-/])\s*/g, "$1").trim();
/** An area's name as people write it: with or without "Gemeente" or "Regio" in front. */
export const areaKey = (name: string) => plainKey(name).replace(/^(gemeente|regio)\s+/, "");

// ---------------------------------------------------------------------------------------------------------
// Step 1: the file.

export function readHistoricCsv(fileName: string, content: string): RawTable {
  const extension = fileName.toLowerCase().split(".").pop();
  if (extension === "xlsx" || extension === "xls" || extension === "ods") {
    throw new HistoricFileProblem("unsupported_file_type", "Dit is een werkblad; sla het op als CSV (in Excel: Opslaan als → CSV UTF-8) en lees dat bestand in.");
  }
  if (extension !== "csv" && extension !== "txt") throw new HistoricFileProblem("unsupported_file_type", "Lever een CSV-bestand (.csv) aan.");
  if (content.startsWith("PK")) throw new HistoricFileProblem("unreadable_file", "Dit lijkt een Excel-bestand; sla het op als CSV en lees dat bestand in.");
  if (content.includes("\uFFFD") || content.includes("\u0000")) throw new HistoricFileProblem("unreadable_file", "Het CSV-bestand is niet in UTF-8 opgeslagen; sla het op als CSV UTF-8.");
  const text = content.replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new HistoricFileProblem("empty_file", "Het bestand is leeg.");
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const count = (c: string) => firstLine.split(c).length - 1;
  // Dutch spreadsheet programs write ";" between columns, others "," (or a tab).
  const delimiter = [";", ",", "\t"].reduce((best, c) => (count(c) > count(best) ? c : best), ";");
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new HistoricFileProblem("unreadable_file", `Het CSV-bestand kon niet worden gelezen${line ? ` (rond regel ${line})` : ""}; controleer de aanhalingstekens.`);
  }
  const [header, ...rest] = records;
  if (!header || header.every((cell) => !cell)) throw new HistoricFileProblem("empty_file", "Het bestand is leeg of de kopregel staat niet op regel 1.");
  return { header, rows: rest.map((cells, index) => ({ row: index + 2, cells })) };
}

function mapColumns(header: readonly string[]): Map<Column, number> {
  const found = new Map<Column, number>();
  const problems: InvalidParam[] = [];
  header.forEach((heading, index) => {
    const key = plainKey(heading);
    if (!key) return;
    const column = columnOrder.find((c) => (columns[c] as readonly string[]).includes(key));
    if (!column) {
      problems.push({ name: "file", code: "unknown_column", reason: `Onbekende kolom “${heading}”; toegestaan zijn niveau, gebied, jaar, meldingen, zorgtrajecten en bron.` });
    } else if (found.has(column)) {
      problems.push({ name: "file", code: "duplicate_column", reason: `De kolom ${column} staat twee keer in de kopregel.` });
    } else {
      found.set(column, index);
    }
  });
  for (const column of ["niveau", "gebied", "jaar"] as const) {
    if (!found.has(column)) problems.push({ name: "file", code: "missing_column", reason: `De kolom ${column} ontbreekt in de kopregel (regel 1).` });
  }
  if (!found.has("meldingen") && !found.has("zorgtrajecten")) {
    problems.push({ name: "file", code: "missing_column", reason: "De kolom meldingen of zorgtrajecten ontbreekt in de kopregel (regel 1); er moet ten minste één van beide zijn." });
  }
  const [first, ...more] = problems;
  if (first) throw new HistoricFileProblem(first.code, first.reason, more);
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Step 2: each row on its own.

export interface HistoricLine {
  row: number;
  level: AreaKind;
  /** The area's name as written in the file. */
  area: string;
  year: number;
  /** Per measure the count, or null when the cell says it is not known. */
  counts: Record<Measure, number | null>;
  source: string | null;
}

export const problemAt = (row: number, column: Column, code: string, reason: string): InvalidParam => ({ name: `rows[${row}].${column}`, code, reason: `Regel ${row}: ${reason}` });

/** A count as written in a list: "57", "1.234" (Dutch thousands); not "1,5", "-3" or "veel". */
function readCount(text: string): { value: number | null } | { code: string; reason: string } {
  const cell = text.replace(/\u00A0/g, " ").trim();
  if (unknownWords.has(cell.toLowerCase())) return { value: null };
  if (/^-\s*\d/.test(cell)) return { code: "negative_count", reason: "is negatief" };
  const digits = /^\d+$/.test(cell) ? cell : /^\d{1,3}([. ]\d{3})+$/.test(cell) ? cell.replace(/[. ]/g, "") : null;
  if (digits === null) return { code: "bad_count", reason: "is geen geheel getal" };
  const value = Number(digits);
  if (value > MAX_COUNT) return { code: "count_too_large", reason: `is groter dan ${MAX_COUNT.toLocaleString("nl-NL")}` };
  return { value };
}

export function parseHistoricRows(table: RawTable, context: { thisYear: number }): { lines: HistoricLine[]; problems: InvalidParam[] } {
  const index = mapColumns(table.header);
  const dataRows = table.rows.filter((r) => r.cells.some((cell) => cell.trim() !== ""));
  if (dataRows.length === 0) throw new HistoricFileProblem("no_rows", "Onder de kopregel staan geen cijfers; er is niets in te lezen.");
  if (dataRows.length > MAX_ROWS) throw new HistoricFileProblem("too_many_rows", `Het bestand heeft ${dataRows.length} regels; ten hoogste ${MAX_ROWS} per keer. Splits het bestand op.`);
  const cell = (cells: readonly string[], column: Column) => {
    const i = index.get(column);
    return i === undefined ? "" : (cells[i] ?? "").trim();
  };
  const lines: HistoricLine[] = [];
  const problems: InvalidParam[] = [];
  for (const { row, cells } of dataRows) {
    const problem = (column: Column, code: string, reason: string) => problems.push(problemAt(row, column, code, reason));
    const before = problems.length;
    const levelText = cell(cells, "niveau");
    const level = levelWords[plainKey(levelText)];
    if (!levelText) problem("niveau", "missing_level", "het niveau ontbreekt; vul regio of gemeente in.");
    else if (!level) problem("niveau", "bad_level", `het niveau “${levelText}” is onbekend; gebruik regio of gemeente.`);
    const area = cell(cells, "gebied").replace(/\s+/g, " ");
    if (!area) problem("gebied", "missing_area", "het gebied ontbreekt; vul de naam van de regio of gemeente in.");
    const yearText = cell(cells, "jaar");
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    if (!yearText) problem("jaar", "missing_year", "het jaar ontbreekt.");
    else if (year === null) problem("jaar", "bad_year", `“${yearText}” is geen jaartal; schrijf het jaar in vier cijfers, bijvoorbeeld 2021.`);
    else if (year < FIRST_YEAR || year > context.thisYear) problem("jaar", "year_out_of_range", `het jaar ${year} ligt niet tussen ${FIRST_YEAR} en ${context.thisYear}.`);
    const counts: Record<Measure, number | null> = { signals: null, care_trajectories: null };
    for (const measure of measures) {
      const column = measureColumn[measure];
      const text = cell(cells, column);
      const read = readCount(text);
      if ("code" in read) problem(column, read.code, `het aantal ${measureWords[measure]} “${text}” ${read.reason}; vul een geheel getal van 0 of meer in, of laat het vak leeg als het aantal niet bekend is.`);
      else counts[measure] = read.value;
    }
    if (problems.length === before && counts.signals === null && counts.care_trajectories === null) {
      problem(measureColumn[index.has("meldingen") ? "signals" : "care_trajectories"], "no_figures", "er staat geen aantal meldingen en geen aantal zorgtrajecten op deze regel.");
    }
    const source = cell(cells, "bron").replace(/\s+/g, " ");
    if (source.length > MAX_SOURCE) problem("bron", "source_too_long", `de bron is langer dan ${MAX_SOURCE} tekens.`);
    if (problems.length === before && level && year !== null) lines.push({ row, level, area, year, counts, source: source || null });
  }
  return { lines, problems };
}

// ---------------------------------------------------------------------------------------------------------
// Step 3: the rows against Ketenzicht's areas, the actor's scope and the recorded figures.

export interface KnownArea {
  kind: AreaKind;
  id: string;
  name: string;
  /** The region of the figure: the region itself, or the region the municipality belongs to. */
  regionId: string;
  /** Whether the actor may import figures for this area. */
  mayImport: boolean;
}

export interface ResolvedLine extends HistoricLine { target: KnownArea }

const kindWord: Record<AreaKind, string> = { region: "regio", municipality: "gemeente" };

export function resolveAreas(lines: readonly HistoricLine[], areas: readonly KnownArea[]): { resolved: ResolvedLine[]; problems: InvalidParam[] } {
  const byKey = new Map<string, KnownArea>();
  for (const area of areas) byKey.set(`${area.kind}:${areaKey(area.name)}`, area);
  const importable = (kind: AreaKind) => areas.filter((a) => a.kind === kind && a.mayImport).map((a) => a.name).sort((a, b) => a.localeCompare(b, "nl"));
  const firstRowOf = new Map<string, number>();
  const resolved: ResolvedLine[] = [];
  const problems: InvalidParam[] = [];
  for (const line of lines) {
    const target = byKey.get(`${line.level}:${areaKey(line.area)}`);
    if (!target) {
      const other = line.level === "region" ? "municipality" : "region";
      const hint = byKey.has(`${other}:${areaKey(line.area)}`)
        ? ` “${line.area}” is een ${kindWord[other]}; zet het niveau op ${kindWord[other]}.`
        : importable(line.level).length > 0 && importable(line.level).length <= 12 ? ` U kunt cijfers inlezen voor: ${importable(line.level).join(", ")}.` : "";
      problems.push(problemAt(line.row, "gebied", "unknown_area", `de ${kindWord[line.level]} “${line.area}” is niet bekend in Ketenzicht.${hint}`));
      continue;
    }
    if (!target.mayImport) {
      const who = target.kind === "region" ? "dat doet de centrumgemeente van de regio" : "dat doet de gemeente zelf";
      problems.push(problemAt(line.row, "gebied", "area_not_allowed", `u mag geen cijfers inlezen voor ${target.name}; ${who}.`));
      continue;
    }
    const key = `${target.kind}:${target.id}:${line.year}`;
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      problems.push(problemAt(line.row, "jaar", "duplicate_in_file", `${target.name} ${line.year} staat ook op regel ${first}.`));
      continue;
    }
    firstRowOf.set(key, line.row);
    resolved.push({ ...line, target });
  }
  return { resolved, problems };
}

/** The key of an area's year and measure in the set of recorded figures. */
export const recordedKey = (kind: AreaKind, areaId: string, year: number, measure: Measure) => `${kind}:${areaId}:${year}:${measure}`;

export interface NewFigure {
  row: number;
  target: KnownArea;
  year: number;
  measure: Measure;
  count: number;
  source: string | null;
}

/**
 * One figure per known count. A year for which Ketenzicht already holds records of that measure for that
 * area is refused: imported and recorded figures never mix in one year of one area.
 */
export function toFigures(resolved: readonly ResolvedLine[], recorded: ReadonlySet<string>): { figures: NewFigure[]; problems: InvalidParam[] } {
  const figures: NewFigure[] = [];
  const problems: InvalidParam[] = [];
  for (const line of resolved) {
    for (const measure of measures) {
      const count = line.counts[measure];
      if (count === null) continue;
      if (recorded.has(recordedKey(line.target.kind, line.target.id, line.year, measure))) {
        problems.push(problemAt(line.row, measureColumn[measure], "already_recorded",
          `Ketenzicht heeft over ${line.year} al geregistreerde ${measureWords[measure]} van ${line.target.name}; geïmporteerde en geregistreerde cijfers worden in één jaar niet gemengd. Laat dit vak leeg.`));
        continue;
      }
      figures.push({ row: line.row, target: line.target, year: line.year, measure, count, source: line.source });
    }
  }
  return { figures, problems };
}

/** Row problems in the order of the file, and per row in the order of the columns. */
export function sortProblems(problems: readonly InvalidParam[]): InvalidParam[] {
  const position = (p: InvalidParam) => {
    const match = /^rows\[(\d+)\]\.(.+)$/.exec(p.name);
    return match ? [Number(match[1]), columnOrder.indexOf(match[2] as Column)] : [0, -1];
  };
  return [...problems].sort((a, b) => {
    const [ra, ca] = position(a);
    const [rb, cb] = position(b);
    return ra! - rb! || ca! - cb!;
  });
}
