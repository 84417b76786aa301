import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { createUser, demoIds, eventsSince, lastSeq, type DemoIds } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * Import of participant lists (docs/training-import.md): CSV and XLSX, all or nothing. A file with a wrong row
 * stores nothing and names every wrong row with its line number and reason; a file with wrong columns, no rows,
 * too many rows or the wrong type is refused as a whole; a dry run checks and shows without storing. The
 * tables' fingerprints before and after prove that nothing was half imported.
 */
type Json = Record<string, unknown>;
const DAY = 86_400_000;
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

async function xlsx(rows: ExcelJS.CellValue[][], more?: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Deelnemers");
  for (const row of rows) sheet.addRow(row);
  more?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}

describe("training: importing a participant list", () => {
  let t: TestApp;
  let ids: DemoIds;
  let policy: TestClient;
  let sessionId = "";
  let elearningSessionId = "";
  const day = (offset: number) => new Date(t.clock.now.getTime() + offset * DAY).toISOString().slice(0, 10);
  const dutch = (offset: number) => day(offset).split("-").reverse().join("-");

  /** Everything an import could touch, as one string: equal before and after means nothing changed. */
  async function fingerprint(): Promise<string> {
    const rows = await t.db.query<{ f: string }>(`select concat_ws('|',
      (select count(*) from training_participants), (select coalesce(string_agg(id::text || completion, ',' order by id), '') from training_participants),
      (select count(*) from training_teams), (select count(*) from training_sessions), (select count(*) from audit_events
        where object_type in ('training_participant'))) as f`);
    return rows[0]!.f;
  }

  async function refused(fileName: string, content: string, dryRun = false): Promise<{ detail: string; problems: Json[] }> {
    const before = await fingerprint();
    const res = await policy.post(`/api/v1/training-sessions/${sessionId}/participant-imports`, { fileName, content, dryRun });
    assert.equal(res.statusCode, 400, res.body);
    const body = res.json() as Json;
    assert.equal(body.code, "invalid_input");
    assert.match(body.detail as string, /niets ingelezen/);
    assert.equal(await fingerprint(), before, "nothing half imported");
    return { detail: body.detail as string, problems: body.invalidParams as Json[] };
  }
  const pairs = (problems: Json[]) => problems.map((p) => `${p.name as string} ${p.code as string}`);

  before(async () => {
    t = await startTestApp();
    ids = await demoIds(t);
    const user = await createUser(t, { organisationId: ids.organisations.zevenaar, roles: ["policy_officer"] });
    policy = await t.login(user.email, { totpSecret: user.totpSecret });
    for (const [name, staffCount] of [["Publiekszaken", 10], ["Handhaving", 5], ["Wijkteam", 8]] as const) {
      const res = await policy.post("/api/v1/training-teams", { name, staffCount });
      assert.equal(res.statusCode, 201, res.body);
    }
    const offer = (await policy.post("/api/v1/training-offers", { kind: "awareness_session", title: "Bewustwordingsmiddag" })).json() as Json;
    sessionId = ((await policy.post(`/api/v1/training-offers/${offer.id as string}/sessions`, { startsOn: day(-20) })).json() as Json).id as string;
    const elearning = (await policy.post("/api/v1/training-offers", { kind: "e_learning", title: "CCV e-learning", provider: "CCV" })).json() as Json;
    elearningSessionId = ((await policy.post(`/api/v1/training-offers/${elearning.id as string}/sessions`, { startsOn: day(-60), endsOn: day(-1) })).json() as Json).id as string;
  });
  after(() => t?.close());

  it("a good CSV (semicolons, BOM, Dutch headings and dates): the dry run shows it and stores nothing, the import stores it all", async () => {
    const csv = `\uFEFFNaam;Team;E-mail;Status;Datum\r\nAnouk de Vries;Publiekszaken;anouk@zevenaar.nl;aanwezig;${dutch(-20)}\r\n` +
      `Daan Jansen;publiekszaken;;Afgerond;\r\n"Yilmaz, Mehmet";Wijkteam;m.yilmaz@zevenaar.nl;afwezig;\r\nSanne Visser;Handhaving;;;\r\n;;;;\r\n`;
    const before = await fingerprint();
    const dry = await policy.post(`/api/v1/training-sessions/${sessionId}/participant-imports`, { fileName: "deelnemers.csv", content: b64(csv), dryRun: true });
    assert.equal(dry.statusCode, 200, dry.body);
    const preview = dry.json() as Json;
    assert.equal(preview.imported, 0);
    assert.deepEqual((preview.rows as Json[]).map((r) => [r.row, r.name, r.team, r.email, r.completion, r.completedOn]), [
      [2, "Anouk de Vries", "Publiekszaken", "anouk@zevenaar.nl", "attended", day(-20)],
      [3, "Daan Jansen", "Publiekszaken", null, "completed", null],
      [4, "Yilmaz, Mehmet", "Wijkteam", "m.yilmaz@zevenaar.nl", "no_show", null],
      [5, "Sanne Visser", "Handhaving", null, "attended", null],
    ]);
    assert.equal(await fingerprint(), before, "a dry run stores nothing");
    const seq = await lastSeq(t);
    const real = await policy.post(`/api/v1/training-sessions/${sessionId}/participant-imports`, { fileName: "deelnemers.csv", content: b64(csv) });
    assert.equal(real.statusCode, 200, real.body);
    assert.equal((real.json() as Json).imported, 4);
    const session = (await policy.get(`/api/v1/training-sessions/${sessionId}`)).json() as Json;
    assert.equal((session.participants as Json[]).length, 4);
    const created = (await eventsSince(t, seq)).filter((e) => e.object_type === "training_participant" && e.action === "create");
    assert.equal(created.length, 4, "every imported person is in the audit trail");
    const coverage = (await policy.get("/api/v1/training-coverage")).json() as Json;
    assert.equal((coverage.teams as Json[]).find((row) => row.team === "Publiekszaken")!.trainedCount, 2);
  });

  it("a good XLSX made in Excel: date cells, e-mail hyperlinks, comma CSV alike", async () => {
    const content = await xlsx([
      ["naam", "team", "e-mail", "status", "datum"],
      ["Fatima El Amrani", "Handhaving", { text: "f.elamrani@zevenaar.nl", hyperlink: "mailto:f.elamrani@zevenaar.nl" }, "afgerond", new Date(`${day(-10)}T00:00:00Z`)],
      ["Jeroen Bakker", "Wijkteam", null, null, null],
    ]);
    const res = await policy.post(`/api/v1/training-sessions/${elearningSessionId}/participant-imports`, { fileName: "CCV export.XLSX", content });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(((res.json() as Json).rows as Json[]).map((r) => [r.row, r.email, r.completion, r.completedOn]), [
      [2, "f.elamrani@zevenaar.nl", "completed", day(-10)],
      [3, null, "completed", null],
    ]);
    const comma = await policy.post(`/api/v1/training-sessions/${elearningSessionId}/participant-imports`, {
      fileName: "lijst.csv", content: b64("naam,team\nLotte Smit,Wijkteam\n"),
    });
    assert.equal(comma.statusCode, 200, comma.body);
  });

  it("bad rows: every one is named with its line and reason, and nothing is stored", async () => {
    const csv = [
      "naam;team;e-mail;status;datum",
      "Kees Goed;Publiekszaken;kees@zevenaar.nl;aanwezig;",
      ";Publiekszaken;;;",
      "Piet Balie;Balie;;;",
      "Ria Mail;Wijkteam;ria@@zevenaar;;",
      "Tom Datum;Wijkteam;;;31-02-2026",
      "Tim Datum;Wijkteam;;;morgen",
      "Kees  goed;Handhaving;;;",
      "Anouk de Vries;Publiekszaken;;;",
      "Stan Status;Wijkteam;;geslaagd;",
      "Toon Toekomst;Wijkteam;;;" + dutch(5),
      "Vera Vroeg;Wijkteam;;;" + dutch(-40),
      "Geen Team;;;;",
    ].join("\n");
    const { detail, problems } = await refused("fouten.csv", b64(csv));
    assert.match(detail, /^11 regels hebben een fout/);
    assert.deepEqual(pairs(problems), [
      "rows[3].naam missing_name",
      "rows[4].team unknown_team",
      "rows[5].e-mail bad_email",
      "rows[6].datum bad_date",
      "rows[7].datum bad_date",
      "rows[8].naam duplicate_in_file",
      "rows[9].naam already_participant",
      "rows[10].status bad_status",
      "rows[11].datum future_date",
      "rows[12].datum before_session",
      "rows[13].team missing_team",
    ]);
    const reasons = Object.fromEntries(problems.map((p) => [p.name, p.reason]));
    assert.match(reasons["rows[4].team"] as string, /^Regel 4: het team “Balie” bestaat niet in deze gemeente; kies uit Handhaving, Publiekszaken, Wijkteam/);
    assert.match(reasons["rows[8].naam"] as string, /^Regel 8: “Kees goed” staat ook op regel 2/);
    assert.match(reasons["rows[6].datum"] as string, /“31-02-2026” is geen geldige datum/);
    // A dry run answers the same.
    assert.equal((await refused("fouten.csv", b64(csv), true)).problems.length, 11);
  });

  it("bad rows in an XLSX: dates typed as text, duplicates, unknown teams", async () => {
    const content = await xlsx([
      ["Naam", "Team", "Datum"],
      ["Eva Excel", "Wijkteam", "13-13-2025"],
      ["Eva Excel", "Wijkteam", null],
      ["Bob Bouw", "Bouwzaken", null],
    ]);
    const { problems } = await refused("lijst.xlsx", content);
    assert.deepEqual(pairs(problems), ["rows[2].datum bad_date", "rows[3].naam duplicate_in_file", "rows[4].team unknown_team"]);
  });

  it("wrong or missing columns refuse the whole file", async () => {
    let r = await refused("lijst.csv", b64("naam;afdeling;functie\nKees;Wijkteam;boa\n"));
    assert.deepEqual(pairs(r.problems), ["file unknown_column"]);
    assert.match(r.problems[0]!.reason as string, /Onbekende kolom “functie”/);
    r = await refused("lijst.csv", b64("naam;e-mail\nKees;k@zevenaar.nl\n"));
    assert.deepEqual(pairs(r.problems), ["file missing_column"]);
    assert.match(r.problems[0]!.reason as string, /kolom team ontbreekt/);
    r = await refused("lijst.csv", b64("Name;Naam;Team\nA;B;Wijkteam\n"));
    assert.deepEqual(pairs(r.problems), ["file duplicate_column"]);
    r = await refused("lijst.xlsx", await xlsx([["Voornaam", "Achternaam", "Team"], ["Kees", "Goed", "Wijkteam"]]));
    assert.deepEqual(pairs(r.problems), ["file unknown_column", "file unknown_column", "file missing_column"]);
  });

  it("empty files, a header without rows, and the wrong kind of file", async () => {
    assert.deepEqual(pairs((await refused("leeg.csv", b64("\n\n"))).problems), ["file empty_file"]);
    assert.deepEqual(pairs((await refused("kop.csv", b64("naam;team\n;\n"))).problems), ["file no_rows"]);
    assert.deepEqual(pairs((await refused("leeg.xlsx", await xlsx([]))).problems), ["file empty_file"]);
    assert.deepEqual(pairs((await refused("kop.xlsx", await xlsx([["naam", "team"]]))).problems), ["file no_rows"]);
    assert.deepEqual(pairs((await refused("lijst.txt", b64("naam;team\nA;Wijkteam\n"))).problems), ["file unsupported_file_type"]);
    assert.deepEqual(pairs((await refused("kapot.xlsx", b64("dit is geen excel"))).problems), ["file unreadable_file"]);
    assert.deepEqual(pairs((await refused("excel.csv", await xlsx([["naam", "team"], ["A", "Wijkteam"]]))).problems), ["file unreadable_file"]);
    assert.deepEqual(pairs((await refused("latin1.csv", Buffer.from("naam;team\nJos\xe9;Wijkteam\n", "latin1").toString("base64"))).problems), ["file unreadable_file"]);
    assert.deepEqual(pairs((await refused("quote.csv", b64('naam;team\n"Kees;Wijkteam\n'))).problems), ["file unreadable_file"]);
    assert.deepEqual(pairs((await refused("niet.csv", "!!geen base64!!")).problems), ["file not_base64"]);
    const emptyContent = await policy.post(`/api/v1/training-sessions/${sessionId}/participant-imports`, { fileName: "leeg.csv", content: "" });
    assert.equal(emptyContent.statusCode, 400);
    assert.deepEqual(((emptyContent.json() as Json).invalidParams as Json[]).map((p) => p.name), ["content"]);
  });

  it("a huge list: more than 1000 rows is refused whole, and a file over 2 MB too", async () => {
    const lines = ["naam;team", ...Array.from({ length: 1001 }, (_, i) => `Medewerker ${i + 1};Wijkteam`)];
    const r = await refused("groot.csv", b64(lines.join("\n")));
    assert.deepEqual(pairs(r.problems), ["file too_many_rows"]);
    assert.match(r.detail, /1001 deelnemers; ten hoogste 1000/);
    const big = await xlsx([["naam", "team"], ...Array.from({ length: 1001 }, (_, i) => [`Medewerker ${i + 1}`, "Wijkteam"])]);
    assert.deepEqual(pairs((await refused("groot.xlsx", big)).problems), ["file too_many_rows"]);
    const before = await fingerprint();
    const huge = await policy.post(`/api/v1/training-sessions/${sessionId}/participant-imports`, { fileName: "enorm.csv", content: b64(`naam;team\n${"x".repeat(2_200_000)};Wijkteam\n`) });
    assert.ok([400, 413].includes(huge.statusCode), huge.body);
    assert.ok(["invalid_input", "payload_too_large"].includes((huge.json() as Json).code as string));
    assert.equal(await fingerprint(), before);
  });

  it("exactly 1000 rows import in one go", async () => {
    const offer = (await policy.post("/api/v1/training-offers", { kind: "campaign", title: "Campagne" })).json() as Json;
    const campaign = ((await policy.post(`/api/v1/training-offers/${offer.id as string}/sessions`, { startsOn: day(-3) })).json() as Json).id as string;
    const lines = ["naam;team", ...Array.from({ length: 1000 }, (_, i) => `Medewerker ${i + 1};Wijkteam`)];
    const res = await policy.post(`/api/v1/training-sessions/${campaign}/participant-imports`, { fileName: "alle.csv", content: b64(lines.join("\n")) });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((res.json() as Json).imported, 1000);
    const coverage = (await policy.get("/api/v1/training-coverage")).json() as Json;
    assert.equal((coverage.teams as Json[]).find((row) => row.team === "Wijkteam")!.percent, 100, "capped at 100%");
  });

  it("only who manages the municipality's training may import", async () => {
    const focal = await t.login("aandacht@zevenaar.demo");
    const before = await fingerprint();
    const res = await focal.post(`/api/v1/training-sessions/${sessionId}/participant-imports`, { fileName: "a.csv", content: b64("naam;team\nA;Wijkteam\n") });
    assert.equal(res.statusCode, 404);
    const duivenUser = await createUser(t, { organisationId: ids.organisations.duiven, roles: ["policy_officer"] });
    const duiven = await t.login(duivenUser.email, { totpSecret: duivenUser.totpSecret });
    assert.equal((await duiven.post(`/api/v1/training-sessions/${sessionId}/participant-imports`, { fileName: "a.csv", content: b64("naam;team\nA;Wijkteam\n") })).statusCode, 404);
    assert.equal(await fingerprint(), before);
  });
});
