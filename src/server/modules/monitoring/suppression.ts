/**
 * Small-number suppression for published monitor figures (pure functions, no I/O).
 *
 * Rules (also printed on every published export, see `suppressionRule`):
 * - Primary: a count cell whose value is under the threshold is hidden and shown as "<5". Zero counts too:
 *   a published "0" next to "<5" cells would tell readers which cells are the small non-zero ones, and
 *   Zevenaar's table (1, 0, 3, 3, 6) is published as "<5, <5, <5, <5, 6". Totals are counts like the others.
 * - Secondary: only in additive tables. `additive.rows` means the total row is the sum of the other rows,
 *   so every column is a line "parts + total row cell"; `additive.columns` means the total column is the
 *   sum of the other count columns, so every row is a line "parts + total column cell". A line holding
 *   exactly one hidden cell would let a reader recompute it, so one more cell is hidden: the smallest
 *   visible part, or the total when no part is visible. Repeated over rows and columns until nothing changes.
 *   These cells are shown as "×" (hidden, not small).
 * - Rates and durations (percentage / days columns) are hidden when their base is under the threshold
 *   (primary, "×") or when a count in the same row is hidden (secondary, "×"): a rate and its base give
 *   back the count.
 * - Imported (historic) cells are suppressed exactly like recorded ones; they keep their `imported` mark.
 * Cells without a value (not applicable, "–") are left as they are.
 */
import type { Dashboard, MonitorCell, MonitorSection, MonitorTable } from "../../../shared/monitoring.ts";

/** What a cell hidden by the secondary rule (or a rate with too small a base) shows. */
export const HIDDEN_DISPLAY = "×";

/** The display of a count under the threshold. */
export function smallDisplay(threshold: number): string {
  return `<${threshold}`;
}

/** The suppression rule in one Dutch sentence, for footers, legends and the report's closing page. */
export function suppressionRule(threshold: number): string {
  return `Aantallen onder de ${threshold} (ook 0) zijn afgeschermd en staan als "<${threshold}". ` +
    `Een getal waaruit een afgeschermd aantal terug te rekenen is (via een totaal) is ook afgeschermd en staat als "${HIDDEN_DISPLAY}"; ` +
    `percentages en duren zijn afgeschermd als ze op minder dan ${threshold} gevallen berusten of op een afgeschermd aantal.`;
}

function hide(cell: MonitorCell, kind: "primary" | "secondary", display: string): MonitorCell {
  const hidden: MonitorCell = { value: null, display, suppressed: kind };
  if (cell.imported) hidden.imported = true;
  return hidden;
}

/** Returns a copy of the table with small numbers (and what would give them away) hidden. */
export function suppressTable(table: MonitorTable, threshold: number): MonitorTable {
  const countCol = table.columns.map((c) => c.kind === "count");
  const rows = table.rows.map((row) => ({
    ...row,
    cells: row.cells.map((cell, i): MonitorCell => {
      if (countCol[i] && cell.value !== null && !cell.suppressed && cell.value < threshold) {
        return hide(cell, "primary", smallDisplay(threshold));
      }
      return { ...cell };
    }),
  }));

  secondary(table, rows);

  // Rates and durations last, after the counts they derive from are settled.
  for (const row of rows) {
    const countHidden = row.cells.some((cell, i) => countCol[i] && cell.suppressed);
    row.cells = row.cells.map((cell, i) => {
      if (countCol[i] || cell.value === null || cell.suppressed) return cell;
      if (cell.base !== undefined && cell.base < threshold) return hide(cell, "primary", HIDDEN_DISPLAY);
      if (countHidden) return hide(cell, "secondary", HIDDEN_DISPLAY);
      return cell;
    });
  }
  return { ...table, columns: table.columns.map((c) => ({ ...c })), rows };
}

type Line = { row: number; col: number }[];

/** The additive lines of a table: each a list of cell positions, the total's position last. */
function additiveLines(table: MonitorTable): Line[] {
  const lines: Line[] = [];
  const partCols = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === "count" && !c.total).map(({ i }) => i);
  const partRows = table.rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.total).map(({ i }) => i);
  const totalCol = table.columns.findIndex((c) => c.total && c.kind === "count");
  const totalRow = table.rows.findIndex((r) => r.total);
  if (table.additive.columns && totalCol >= 0) {
    // Each row (the total row too) adds up to its cell in the total column.
    for (let r = 0; r < table.rows.length; r++) {
      lines.push([...partCols.map((col) => ({ row: r, col })), { row: r, col: totalCol }]);
    }
  }
  if (table.additive.rows && totalRow >= 0) {
    // Each count column (the total column too) adds up to its cell in the total row.
    const cols = totalCol >= 0 ? [...partCols, totalCol] : partCols;
    for (const c of cols) {
      lines.push([...partRows.map((row) => ({ row, col: c })), { row: totalRow, col: c }]);
    }
  }
  return lines;
}

function secondary(table: MonitorTable, rows: MonitorTable["rows"]): void {
  const lines = additiveLines(table);
  if (lines.length === 0) return;
  const cellAt = (p: { row: number; col: number }): MonitorCell | undefined => rows[p.row]?.cells[p.col];
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const total = line[line.length - 1]!;
      const totalCell = cellAt(total);
      // A line without a known total gives nothing away.
      if (!totalCell || (totalCell.value === null && !totalCell.suppressed)) continue;
      const hidden = line.filter((p) => cellAt(p)?.suppressed);
      if (hidden.length !== 1) continue;
      const candidates = line.slice(0, -1)
        .map((p) => ({ p, cell: cellAt(p) }))
        .filter((x): x is { p: { row: number; col: number }; cell: MonitorCell } => !!x.cell && !x.cell.suppressed && x.cell.value !== null);
      let pick: { row: number; col: number } = total;
      if (candidates.length > 0) {
        pick = candidates.reduce((a, b) => (b.cell.value! < a.cell.value! ? b : a)).p;
      }
      // The one hidden cell is the total itself and no part is visible: nothing can be recomputed.
      if (cellAt(pick)?.suppressed) continue;
      const row = rows[pick.row]!;
      row.cells[pick.col] = hide(row.cells[pick.col]!, "secondary", HIDDEN_DISPLAY);
      changed = true;
    }
  }
}

// ---- summaries ----------------------------------------------------------------------------------------

const MONTHS = /^(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b/i;

/** The numbers a sentence states, Dutch formatted ("1.234", "4,5", "83%"), with what follows each. */
function numbersIn(sentence: string): { value: number; after: string }[] {
  const found: { value: number; after: string }[] = [];
  const re = /(?<![\p{L}\d])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?/gu;
  for (const m of sentence.matchAll(re)) {
    const int = Number(m[1]!.replace(/\./g, ""));
    const value = m[2] ? Number(`${int}.${m[2]}`) : int;
    found.push({ value, after: sentence.slice(m.index + m[0].length).trimStart() });
  }
  return found;
}

/** Every number a hidden cell had or showed (exact value, rounded, as a percentage, its base and display). */
function hiddenNumbers(original: MonitorSection, published: MonitorSection): Set<number> {
  const numbers = new Set<number>();
  published.tables.forEach((table, t) => {
    table.rows.forEach((row, r) => {
      row.cells.forEach((cell, c) => {
        if (!cell.suppressed) return;
        const before = original.tables[t]?.rows[r]?.cells[c];
        if (!before || before.value === null) return;
        const v = before.value;
        for (const n of [v, Math.round(v), Math.round(v * 100), Math.round(v * 10) / 10, Math.round(v * 1000) / 10]) numbers.add(n);
        if (before.base !== undefined) numbers.add(before.base);
        for (const { value } of numbersIn(before.display)) numbers.add(value);
      });
    });
  });
  return numbers;
}

/**
 * The section's summary with every sentence dropped that states a number under the threshold or a number
 * a hidden cell had. Dates ("1 januari") and years are not figures. When nothing is left, a neutral
 * sentence points to the tables. A sentence about the suppression itself is added when something is hidden.
 */
export function publishedSummary(original: MonitorSection, published: MonitorSection, threshold: number): string {
  const hidden = hiddenNumbers(original, published);
  const sentences = original.summary.match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
  const notice = `Aantallen onder de ${threshold} zijn afgeschermd.`;
  const safe = sentences.filter((sentence) => sentence !== notice && sentence !== "De cijfers van dit onderdeel staan in de tabellen.").filter((sentence) =>
    numbersIn(sentence).every(({ value, after }) => {
      if (MONTHS.test(after)) return true;
      if (Number.isInteger(value) && value >= 1990 && value <= 2100 && !hidden.has(value)) return true;
      return value >= threshold && !hidden.has(value);
    }),
  );
  const anyHidden = published.tables.some((t) => t.rows.some((r) => r.cells.some((c) => c.suppressed)));
  const text = safe.length > 0 ? safe.join(" ") : "De cijfers van dit onderdeel staan in de tabellen.";
  return anyHidden ? `${text} ${notice}` : text;
}

/** The published variant of a dashboard: every table suppressed, summaries cleaned of hidden numbers. */
export function publishDashboard(d: Dashboard, threshold: number): Dashboard {
  return {
    ...d,
    exact: false,
    threshold,
    sections: d.sections.map((section) => {
      const published: MonitorSection = { ...section, tables: section.tables.map((t) => suppressTable(t, threshold)) };
      return { ...published, summary: publishedSummary(section, published, threshold) };
    }),
  };
}
