import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ColumnKind, Dashboard, MonitorCell, MonitorTable } from "../../../shared/monitoring.ts";
import { HIDDEN_DISPLAY, publishDashboard, publishedSummary, suppressTable } from "./suppression.ts";

/**
 * Suppression of small numbers in published figures: primary (under the threshold, zero included),
 * secondary in additive tables (rows, columns, cascading, the total as the only other cell), rates and
 * durations, non-additive tables, the threshold, and Zevenaar's yearly table from the issue.
 */
const cell = (value: number | null, extra: Partial<MonitorCell> = {}): MonitorCell => ({ value, display: value === null ? "–" : String(value), ...extra });

function table(
  values: (number | null)[][],
  options: { totalRow?: boolean; totalCol?: boolean; additive?: { rows: boolean; columns: boolean }; kinds?: ColumnKind[] } = {},
): MonitorTable {
  const width = values[0]!.length;
  const kinds = options.kinds ?? Array.from({ length: width }, () => "count" as const);
  return {
    id: "t",
    title: "Tabel",
    rowHeading: "Rij",
    columns: kinds.map((kind, i) => ({ key: `c${i}`, label: `K${i}`, kind, ...(options.totalCol && i === width - 1 ? { total: true } : {}) })),
    rows: values.map((cells, r) => ({
      key: `r${r}`,
      label: `R${r}`,
      ...(options.totalRow && r === values.length - 1 ? { total: true } : {}),
      cells: cells.map((v) => cell(v)),
    })),
    additive: options.additive ?? { rows: !!options.totalRow, columns: !!options.totalCol },
  };
}

/** The table as displays, hidden cells as "<5" (primary) or "×" (secondary). */
const shown = (t: MonitorTable) => t.rows.map((r) => r.cells.map((c) => c.display));
const values = (t: MonitorTable) => t.rows.map((r) => r.cells.map((c) => c.value));

/** No additive line of the published table holds exactly one hidden cell. */
function assertNotRecomputable(t: MonitorTable): void {
  const countCols = t.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === "count").map(({ i }) => i);
  if (t.additive.columns && t.columns.some((c) => c.total)) {
    for (const row of t.rows) {
      const hidden = countCols.filter((i) => row.cells[i]!.suppressed).length;
      assert.notEqual(hidden, 1, `row ${row.label} has exactly one hidden cell`);
    }
  }
  if (t.additive.rows && t.rows.some((r) => r.total)) {
    for (const i of countCols) {
      const hidden = t.rows.filter((r) => r.cells[i]!.suppressed).length;
      assert.notEqual(hidden, 1, `column ${t.columns[i]!.label} has exactly one hidden cell`);
    }
  }
}

describe("suppression: primary", () => {
  it("hides counts under the threshold, zero included, and shows the rest exactly", () => {
    const t = suppressTable(table([[0, 1, 4, 5, 12]]), 5);
    assert.deepEqual(shown(t), [["<5", "<5", "<5", "5", "12"]]);
    assert.deepEqual(values(t), [[null, null, null, 5, 12]]);
    assert.deepEqual(t.rows[0]!.cells.map((c) => c.suppressed), ["primary", "primary", "primary", undefined, undefined]);
  });

  it("leaves cells without a value alone and does not change the input", () => {
    const input = table([[null, 3]]);
    const t = suppressTable(input, 5);
    assert.deepEqual(shown(t), [["–", "<5"]]);
    assert.equal(t.rows[0]!.cells[0]!.suppressed, undefined);
    assert.deepEqual(values(input), [[null, 3]]);
  });

  it("uses the configured threshold", () => {
    assert.deepEqual(shown(suppressTable(table([[2, 3, 9, 10]]), 10)), [["<10", "<10", "<10", "10"]]);
    assert.deepEqual(shown(suppressTable(table([[1, 2, 3]]), 3)), [["<3", "<3", "3"]]);
  });

  it("hides imported cells like recorded ones and keeps their mark", () => {
    const t = table([[2, 30]]);
    t.rows[0]!.cells[0]!.imported = true;
    t.rows[0]!.cells[1]!.imported = true;
    const published = suppressTable(t, 5);
    assert.deepEqual(published.rows[0]!.cells, [
      { value: null, display: "<5", suppressed: "primary", imported: true },
      { value: 30, display: "30", imported: true },
    ]);
  });
});

describe("suppression: secondary", () => {
  it("hides the smallest other cell of a row with its total column", () => {
    const t = suppressTable(table([[3, 20, 8, 31], [10, 10, 10, 30]], { totalCol: true }), 5);
    assert.deepEqual(shown(t), [["<5", "20", HIDDEN_DISPLAY, "31"], ["10", "10", "10", "30"]]);
    assert.equal(t.rows[0]!.cells[2]!.suppressed, "secondary");
    assertNotRecomputable(t);
  });

  it("hides the smallest other cell of a column with its total row", () => {
    const t = suppressTable(table([[2, 10], [9, 10], [7, 10], [18, 30]], { totalRow: true }), 5);
    assert.deepEqual(shown(t), [["<5", "10"], ["9", "10"], [HIDDEN_DISPLAY, "10"], ["18", "30"]]);
    assert.equal(t.rows[2]!.cells[0]!.suppressed, "secondary");
    assertNotRecomputable(t);
  });

  it("cascades across rows and columns until no line holds a single hidden cell", () => {
    // Row 0: 2 is small → 6 (its smallest other part) hidden; column 0 holds one hidden (2) → 9 hidden;
    // column 1 holds one hidden (6) → 7 hidden; row 1 then holds two (9, 7): stable.
    const t = suppressTable(table([
      [2, 6, 20, 28],
      [9, 7, 8, 24],
      [10, 30, 11, 51],
      [21, 43, 39, 103],
    ], { totalRow: true, totalCol: true }), 5);
    assertNotRecomputable(t);
    assert.deepEqual(shown(t), [
      ["<5", "×", "20", "28"],
      ["×", "×", "8", "24"],
      ["10", "30", "11", "51"],
      ["21", "43", "39", "103"],
    ]);
  });

  it("hides the total when it is the line's only other cell", () => {
    const t = suppressTable(table([[3, 3], [40, 40], [43, 43]], { totalCol: true, totalRow: true }), 5);
    // Row 0: part 3 hidden, total 3 hidden too (primary). Column 0: 3 hidden → the smallest other part 40 hidden;
    // row 1 then holds one hidden (40) → its total 40; column 1 then has 3 and 40 hidden. Stable.
    assertNotRecomputable(t);
    const single = suppressTable(table([[7, 7], [2, 2], [9, 9]], { totalRow: true, totalCol: false, additive: { rows: true, columns: false } }), 5);
    assertNotRecomputable(single);
    const lineOfTwo = suppressTable(table([[3], [12]], { totalRow: true }), 5);
    // Column: part 3 hidden, the only other cell is the total 12 → hidden.
    assert.deepEqual(shown(lineOfTwo), [["<5"], [HIDDEN_DISPLAY]]);
    assert.equal(lineOfTwo.rows[1]!.cells[0]!.suppressed, "secondary");
  });

  it("applies no secondary suppression to non-additive tables, even with totals", () => {
    const t = suppressTable(table([[3, 20, 8, 31], [2, 7, 7, 16]], { totalCol: true, additive: { rows: false, columns: false } }), 5);
    assert.deepEqual(shown(t), [["<5", "20", "8", "31"], ["<5", "7", "7", "16"]]);
    // Additive declared but no total to recompute from: nothing more hidden either.
    const noTotal = suppressTable(table([[3, 20, 8]], { additive: { rows: true, columns: true } }), 5);
    assert.deepEqual(shown(noTotal), [["<5", "20", "8"]]);
  });

  it("stops when a line's only hidden cell is its total and no part has a value", () => {
    // Parts not applicable ("–"), total 3: nothing can be recomputed, so nothing more is hidden (and it ends).
    const t = suppressTable(table([[null, null, 3], [null, null, 12]], { totalCol: true, totalRow: true }), 5);
    assert.deepEqual(shown(t), [["–", "–", "<5"], ["–", "–", HIDDEN_DISPLAY]]);
    assert.equal(t.rows[1]!.cells[2]!.suppressed, "secondary");
  });

  it("leaves lines with two or more hidden cells as they are", () => {
    const t = suppressTable(table([[3, 2, 20, 25]], { totalCol: true }), 5);
    assert.deepEqual(shown(t), [["<5", "<5", "20", "25"]]);
  });
});

describe("suppression: rates and durations", () => {
  function referrals(): MonitorTable {
    const t = table([[20, 15, 75, 4], [8, 3, 37.5, 6], [4, 4, 100, 2]], { kinds: ["count", "count", "percentage", "days"] });
    t.rows.forEach((row) => {
      const sent = row.cells[0]!.value!;
      row.cells[2] = { ...row.cells[2]!, base: sent, display: `${row.cells[2]!.value}%` };
      row.cells[3] = { ...row.cells[3]!, base: row.cells[1]!.value! };
    });
    return t;
  }

  it("shows rates whose base and counts are shown", () => {
    const t = suppressTable(referrals(), 5);
    assert.deepEqual(shown(t)[0], ["20", "15", "75%", "4"]);
  });

  it("hides a rate whose counts in the row are hidden", () => {
    const t = suppressTable(referrals(), 5);
    assert.deepEqual(shown(t)[1], ["8", "<5", HIDDEN_DISPLAY, HIDDEN_DISPLAY]);
    assert.equal(t.rows[1]!.cells[2]!.suppressed, "secondary");
  });

  it("hides a rate or duration whose base is under the threshold", () => {
    const t = table([[10, 80, 3]], { kinds: ["count", "percentage", "days"] });
    t.rows[0]!.cells[1]!.base = 4;
    t.rows[0]!.cells[2]!.base = 12;
    const published = suppressTable(t, 5);
    assert.deepEqual(shown(published), [["10", HIDDEN_DISPLAY, "3"]]);
    assert.equal(published.rows[0]!.cells[1]!.suppressed, "primary");
    // A duration of 3 days is not a count: it is not hidden for being small.
    assert.equal(published.rows[0]!.cells[2]!.value, 3);
  });

  it("hides rates of rows with small counts everywhere", () => {
    const t = suppressTable(referrals(), 5);
    assert.deepEqual(shown(t)[2], ["<5", "<5", HIDDEN_DISPLAY, HIDDEN_DISPLAY]);
  });
});

describe("suppression: Zevenaar's yearly table", () => {
  const years = [2019, 2020, 2021, 2022, 2023];
  const zevenaar: MonitorTable = {
    id: "yearly",
    title: "Meldingen en zorgtrajecten per jaar",
    rowHeading: "Gebied",
    columns: years.map((y) => ({ key: String(y), label: String(y), kind: "count" })),
    rows: [
      { key: "signals-region", label: "Meldingen regio", cells: [57, 33, 53, 74, 110].map((v) => cell(v, { imported: true })) },
      { key: "trajectories-region", label: "Zorgtrajecten regio", cells: [42, 17, 23, 32, 48].map((v) => cell(v, { imported: true })) },
      { key: "zevenaar", label: "Zevenaar", cells: [1, 0, 3, 3, 6].map((v) => cell(v, { imported: true })) },
    ],
    additive: { rows: false, columns: false },
  };

  it("shows Zevenaar's 1, 0, 3, 3 as <5, its 6 and the region's rows exactly", () => {
    const t = suppressTable(zevenaar, 5);
    assert.deepEqual(shown(t), [
      ["57", "33", "53", "74", "110"],
      ["42", "17", "23", "32", "48"],
      ["<5", "<5", "<5", "<5", "6"],
    ]);
    assert.deepEqual(values(t)[2], [null, null, null, null, 6]);
    assert.ok(t.rows.every((r) => r.cells.every((c) => c.imported)));
  });

  it("publishes the dashboard with the threshold, not exact, and a summary without hidden numbers", () => {
    const dashboard: Dashboard = {
      area: { kind: "municipality", id: "z", name: "Zevenaar" },
      period: { from: "2023-01-01", to: "2023-12-31" },
      comparison: null,
      exact: true,
      threshold: 5,
      generatedAt: "2024-01-01T00:00:00Z",
      sections: [{
        id: "yearly",
        title: "Per jaar",
        summary: "Van 1 januari 2019 tot 31 december 2023 kwamen in de regio 327 meldingen binnen. Zevenaar meldde 3 signalen in 2022. In 2023 meldde Zevenaar 6 signalen.",
        tables: [zevenaar],
        charts: [],
      }],
    };
    const published = publishDashboard(dashboard, 5);
    assert.equal(published.exact, false);
    assert.equal(published.threshold, 5);
    assert.deepEqual(shown(published.sections[0]!.tables[0]!)[2], ["<5", "<5", "<5", "<5", "6"]);
    assert.equal(
      published.sections[0]!.summary,
      "Van 1 januari 2019 tot 31 december 2023 kwamen in de regio 327 meldingen binnen. In 2023 meldde Zevenaar 6 signalen. Aantallen onder de 5 zijn afgeschermd.",
    );
    // Publishing twice changes nothing.
    assert.deepEqual(publishDashboard(published, 5), published);
    // The input dashboard is untouched.
    assert.equal(dashboard.sections[0]!.tables[0]!.rows[2]!.cells[0]!.value, 1);
  });

  it("drops sentences stating a number a hidden cell had, even above the threshold", () => {
    const original = { id: "s", title: "S", summary: "Er waren 31 verwijzingen. Partner A kreeg er 8.", tables: [table([[3, 20, 8, 31]], { totalCol: true })], charts: [] };
    const published = { ...original, tables: original.tables.map((t) => suppressTable(t, 5)) };
    assert.equal(publishedSummary(original, published, 5), "Er waren 31 verwijzingen. Aantallen onder de 5 zijn afgeschermd.");
    const nothingLeft = { ...original, summary: "Partner A kreeg er 8." };
    assert.equal(publishedSummary(nothingLeft, published, 5), "De cijfers van dit onderdeel staan in de tabellen. Aantallen onder de 5 zijn afgeschermd.");
  });
});
