import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import {
  areaKey, HistoricFileProblem, MAX_ROWS, parseHistoricRows, readHistoricCsv, recordedKey, resolveAreas, sortProblems, toFigures, type KnownArea,
} from "./historic.ts";

/**
 * Reading historic figures (docs/monitoring-historic-figures.md) without a database: the file (separator,
 * BOM, quotes, type), the columns, each row's values (level, year, counts, "not known"), the areas and the
 * actor's scope, duplicates, and the years that already have recorded figures.
 */
const REGION = "11111111-1111-4111-8111-111111111111";
const ZEVENAAR = "22222222-2222-4222-8222-222222222222";
const DUIVEN = "33333333-3333-4333-8333-333333333333";
const OTHER_REGION = "44444444-4444-4444-8444-444444444444";
const areas: KnownArea[] = [
  { kind: "region", id: REGION, name: "Regio Achterhoek/Arnhem", regionId: REGION, mayImport: true },
  { kind: "municipality", id: ZEVENAAR, name: "Gemeente Zevenaar", regionId: REGION, mayImport: true },
  { kind: "municipality", id: DUIVEN, name: "Gemeente Duiven", regionId: REGION, mayImport: false },
  { kind: "region", id: OTHER_REGION, name: "Regio IJsselland", regionId: OTHER_REGION, mayImport: false },
];
const zevenaarTable = [
  "niveau;gebied;jaar;meldingen;zorgtrajecten;bron",
  ...[[2019, 57, 42], [2020, 33, 17], [2021, 53, 23], [2022, 74, 32], [2023, 110, 48]].map(([y, s, c]) => `regio;Achterhoek/Arnhem;${y};${s};${c};Zevenaar, Uitvoeringsplan mensenhandel 2024, tabel 1`),
  ...[[2019, 1], [2020, 0], [2021, 3], [2022, 3], [2023, 6]].map(([y, s]) => `gemeente;Zevenaar;${y};${s};;"Zevenaar, Uitvoeringsplan mensenhandel 2024, tabel 1"`),
].join("\r\n");

const parse = (csv: string, fileName = "cijfers.csv") => parseHistoricRows(readHistoricCsv(fileName, csv), { thisYear: 2026 });
const pairs = (problems: { name: string; code: string }[]) => problems.map((p) => `${p.name} ${p.code}`);
function fileProblems(csv: string, fileName = "cijfers.csv"): string[] {
  try {
    parse(csv, fileName);
  } catch (error) {
    assert.ok(error instanceof HistoricFileProblem, String(error));
    return pairs(error.problems);
  }
  assert.fail("the file was accepted");
}

describe("historic figures: reading the file", () => {
  it("reads the Zevenaar table: semicolons, CRLF, quoted source with a comma, empty = not known", () => {
    const { lines, problems } = parse(zevenaarTable);
    assert.deepEqual(problems, []);
    assert.equal(lines.length, 10);
    assert.deepEqual(lines[0], { row: 2, level: "region", area: "Achterhoek/Arnhem", year: 2019, counts: { signals: 57, care_trajectories: 42 }, source: "Zevenaar, Uitvoeringsplan mensenhandel 2024, tabel 1" });
    assert.deepEqual(lines[6], { row: 8, level: "municipality", area: "Zevenaar", year: 2020, counts: { signals: 0, care_trajectories: null }, source: "Zevenaar, Uitvoeringsplan mensenhandel 2024, tabel 1" });
  });

  it("the example file on the page and the example in the documentation are the Zevenaar table", () => {
    const example = readFileSync(new URL("../../../web/public/voorbeeld-historische-cijfers.csv", import.meta.url), "utf8");
    const documented = /## Voorbeeld[\s\S]*?```\n([\s\S]*?)```/.exec(readFileSync(new URL("../../../../docs/monitoring-historic-figures.md", import.meta.url), "utf8"))![1]!;
    for (const text of [example, documented]) {
      const { lines, problems } = parse(text);
      assert.deepEqual(problems, []);
      assert.deepEqual(lines.map((l) => [l.level, l.year, l.counts.signals, l.counts.care_trajectories]), parse(zevenaarTable).lines.map((l) => [l.level, l.year, l.counts.signals, l.counts.care_trajectories]));
    }
  });

  it("commas, a BOM, other headings, any column order, no source column, blank lines", () => {
    const { lines, problems } = parse("\uFEFFJaar,Niveau,Gebied,Signalen\n2019,Gemeente,Zevenaar,1\n\n,,,\n2020,GEMEENTE,zevenaar,12\n");
    assert.deepEqual(problems, []);
    assert.deepEqual(lines.map((l) => [l.row, l.level, l.year, l.counts.signals, l.counts.care_trajectories, l.source]), [
      [2, "municipality", 2019, 1, null, null],
      [5, "municipality", 2020, 12, null, null],
    ]);
    const again = parse("jaar,niveau,gebied,meldingen,zorgtrajecten\n2020,gemeente,Zevenaar,-,4\n2021,gemeente,Zevenaar,1.234,onbekend\n");
    assert.deepEqual(again.lines.map((l) => [l.counts.signals, l.counts.care_trajectories]), [[null, 4], [1234, null]]);
  });

  it("tabs separate columns too", () => {
    assert.equal(parse("niveau\tgebied\tjaar\tmeldingen\ngemeente\tZevenaar\t2019\t1\n").lines.length, 1);
  });

  it("whole-file problems: type, encoding, quotes, emptiness, columns, size", () => {
    assert.deepEqual(fileProblems("", "leeg.csv"), ["file empty_file"]);
    assert.deepEqual(fileProblems("\uFEFF\n\n"), ["file empty_file"]);
    assert.deepEqual(fileProblems("niveau;gebied;jaar;meldingen\n;;;\n"), ["file no_rows"]);
    assert.deepEqual(fileProblems("x", "cijfers.xlsx"), ["file unsupported_file_type"]);
    assert.deepEqual(fileProblems("x", "cijfers.pdf"), ["file unsupported_file_type"]);
    assert.deepEqual(fileProblems("PK\u0003\u0004rest", "cijfers.csv"), ["file unreadable_file"]);
    assert.deepEqual(fileProblems("niveau;gebied;jaar;meldingen\ngemeente;Zev\uFFFDnaar;2019;1\n"), ["file unreadable_file"]);
    assert.deepEqual(fileProblems('niveau;gebied;jaar;meldingen\ngemeente;"Zevenaar;2019;1\n'), ["file unreadable_file"]);
    assert.deepEqual(fileProblems("niveau;gebied;jaar;meldingen;aantal\ngemeente;Zevenaar;2019;1;2\n"), ["file unknown_column"]);
    assert.deepEqual(fileProblems("niveau;gebied;jaar;meldingen;signalen\ngemeente;Zevenaar;2019;1;2\n"), ["file duplicate_column"]);
    assert.deepEqual(fileProblems("gebied;jaar;bron\nZevenaar;2019;x\n"), ["file missing_column", "file missing_column"]);
    const many = ["niveau;gebied;jaar;meldingen", ...Array.from({ length: MAX_ROWS + 1 }, () => "gemeente;Zevenaar;2019;1")].join("\n");
    assert.deepEqual(fileProblems(many), ["file too_many_rows"]);
  });
});

describe("historic figures: each row's values", () => {
  it("names every wrong value with its line and column", () => {
    const { lines, problems } = parse([
      "niveau;gebied;jaar;meldingen;zorgtrajecten;bron",
      "provincie;Gelderland;2019;1;1;",
      ";Zevenaar;2019;1;;",
      "gemeente;;2019;1;;",
      "gemeente;Zevenaar;twintig;1;;",
      "gemeente;Zevenaar;1989;1;;",
      "gemeente;Zevenaar;2027;1;;",
      "gemeente;Zevenaar;;1;;",
      "gemeente;Zevenaar;2019;-3;2,5;",
      "gemeente;Zevenaar;2019;veel;;",
      "gemeente;Zevenaar;2019;;;",
      "gemeente;Zevenaar;2019;2000000;;",
      `gemeente;Zevenaar;2019;1;;${"x".repeat(301)}`,
      "regio;Achterhoek;2019;57;42;goed",
    ].join("\n"));
    assert.deepEqual(pairs(problems), [
      "rows[2].niveau bad_level",
      "rows[3].niveau missing_level",
      "rows[4].gebied missing_area",
      "rows[5].jaar bad_year",
      "rows[6].jaar year_out_of_range",
      "rows[7].jaar year_out_of_range",
      "rows[8].jaar missing_year",
      "rows[9].meldingen negative_count",
      "rows[9].zorgtrajecten bad_count",
      "rows[10].meldingen bad_count",
      "rows[11].meldingen no_figures",
      "rows[12].meldingen count_too_large",
      "rows[13].bron source_too_long",
    ]);
    assert.deepEqual(lines.map((l) => l.row), [14], "only the good row goes on");
    const reason = (name: string) => problems.find((p) => p.name === name)!.reason;
    assert.equal(reason("rows[2].niveau"), "Regel 2: het niveau “provincie” is onbekend; gebruik regio of gemeente.");
    assert.equal(reason("rows[6].jaar"), "Regel 6: het jaar 1989 ligt niet tussen 1990 en 2026.");
    assert.match(reason("rows[9].meldingen"), /^Regel 9: het aantal meldingen “-3” is negatief; vul een geheel getal van 0 of meer in/);
    assert.match(reason("rows[9].zorgtrajecten"), /^Regel 9: het aantal zorgtrajecten “2,5” is geen geheel getal/);
  });
});

describe("historic figures: areas, scope, duplicates and recorded years", () => {
  it("finds areas with or without Gemeente/Regio, whatever the case, accents and spaces", () => {
    assert.equal(areaKey("Gemeente Zevenaar"), areaKey(" zevenaar "));
    assert.equal(areaKey("Regio Achterhoek/Arnhem"), areaKey("achterhoek / arnhem"));
    const { resolved, problems } = resolveAreas(parse(zevenaarTable).lines, areas);
    assert.deepEqual(problems, []);
    assert.deepEqual(resolved.map((r) => r.target.id), [...Array(5).fill(REGION), ...Array(5).fill(ZEVENAAR)]);
  });

  it("unknown areas, areas outside the actor's scope and duplicate rows are named", () => {
    const { lines } = parse([
      "niveau;gebied;jaar;meldingen",
      "gemeente;Zevenar;2019;1",
      "regio;Zevenaar;2019;1",
      "gemeente;Duiven;2019;1",
      "regio;IJsselland;2019;1",
      "gemeente;Zevenaar;2019;1",
      "gemeente;Gemeente Zevenaar;2019;2",
    ].join("\n"));
    const { resolved, problems } = resolveAreas(lines, areas);
    assert.deepEqual(pairs(problems), [
      "rows[2].gebied unknown_area",
      "rows[3].gebied unknown_area",
      "rows[4].gebied area_not_allowed",
      "rows[5].gebied area_not_allowed",
      "rows[7].jaar duplicate_in_file",
    ]);
    assert.deepEqual(resolved.map((r) => r.row), [6]);
    const reason = (name: string) => problems.find((p) => p.name === name)!.reason;
    assert.equal(reason("rows[2].gebied"), "Regel 2: de gemeente “Zevenar” is niet bekend in Ketenzicht. U kunt cijfers inlezen voor: Gemeente Zevenaar.");
    assert.match(reason("rows[3].gebied"), /“Zevenaar” is een gemeente; zet het niveau op gemeente\./);
    assert.equal(reason("rows[4].gebied"), "Regel 4: u mag geen cijfers inlezen voor Gemeente Duiven; dat doet de gemeente zelf.");
    assert.match(reason("rows[5].gebied"), /dat doet de centrumgemeente van de regio/);
    assert.equal(reason("rows[7].jaar"), "Regel 7: Gemeente Zevenaar 2019 staat ook op regel 6.");
  });

  it("a year with recorded figures of the same area and measure is refused; the other measure goes on", () => {
    const { lines } = parse("niveau;gebied;jaar;meldingen;zorgtrajecten\nregio;Achterhoek/Arnhem;2024;80;30\nregio;Achterhoek/Arnhem;2023;110;48\n");
    const { resolved } = resolveAreas(lines, areas);
    const { figures, problems } = toFigures(resolved, new Set([recordedKey("region", REGION, 2024, "signals"), recordedKey("municipality", ZEVENAAR, 2023, "signals")]));
    assert.deepEqual(pairs(problems), ["rows[2].meldingen already_recorded"]);
    assert.match(problems[0]!.reason, /^Regel 2: Ketenzicht heeft over 2024 al geregistreerde meldingen van Regio Achterhoek\/Arnhem/);
    assert.deepEqual(figures.map((f) => [f.row, f.year, f.measure, f.count]), [[2, 2024, "care_trajectories", 30], [3, 2023, "signals", 110], [3, 2023, "care_trajectories", 48]]);
  });

  it("problems come in the order of the file and its columns", () => {
    const sorted = sortProblems([
      { name: "rows[10].gebied", code: "b", reason: "" },
      { name: "rows[2].jaar", code: "c", reason: "" },
      { name: "rows[2].niveau", code: "a", reason: "" },
    ]);
    assert.deepEqual(sorted.map((p) => p.name), ["rows[2].niveau", "rows[2].jaar", "rows[10].gebied"]);
  });
});
