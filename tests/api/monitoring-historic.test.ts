import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { demoRegion } from "../../src/server/demo/demo-region.ts";
import { buildVictimFile } from "../support/care.ts";
import { buildSignal } from "../support/conferences.ts";
import { createUser, demoIds, eventsSince, lastSeq, type DemoIds } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * Historic figures of the monitor (docs/monitoring-historic-figures.md): the Zevenaar table (region
 * Achterhoek/Arnhem 2019–2023 and Zevenaar's own row) imported all or nothing from CSV. The central
 * municipality imports the region's rows, a municipality its own; a dry run stores nothing; every wrong row is
 * named with its line, a stable code and a Dutch reason; a year with recorded figures is refused; importing a
 * figure again replaces it; figures are deleted one by one; every import and delete is in the audit trail.
 * Fingerprints of the table before and after prove that nothing was half imported.
 */
type Json = Record<string, unknown>;
const URL = "/api/v1/monitoring/historic-figures";
const SOURCE = "Zevenaar, Uitvoeringsplan mensenhandel 2024, tabel 1";
const REGION = demoRegion.name.replace(/^Regio /, "");
const regionSignals = [57, 33, 53, 74, 110];
const regionCare = [42, 17, 23, 32, 48];
const zevenaarSignals = [1, 0, 3, 3, 6];
const years = [2019, 2020, 2021, 2022, 2023];

const regionCsv = [
  "niveau;gebied;jaar;meldingen;zorgtrajecten;bron",
  ...years.map((y, i) => `regio;${REGION};${y};${regionSignals[i]};${regionCare[i]};"${SOURCE}"`),
].join("\r\n");
const zevenaarCsv = "\uFEFFniveau,gebied,jaar,meldingen,zorgtrajecten,bron\n" + years.map((y, i) => `gemeente,Zevenaar,${y},${zevenaarSignals[i]},,"${SOURCE}"`).join("\n");

describe("monitor: importing historic figures", () => {
  let t: TestApp;
  let ids: DemoIds;
  const c = {} as Record<"arnhem" | "zevenaar" | "duiven" | "reporter" | "focal", TestClient>;

  async function fingerprint(): Promise<string> {
    const rows = await t.db.query<{ f: string }>(`select concat_ws('|', (select count(*) from monitor_historic_figures),
      (select coalesce(string_agg(concat_ws(':', id, region_id, municipality_id, year, measure, count, source, imported_at), ',' order by id), '') from monitor_historic_figures)) as f`);
    return rows[0]!.f;
  }
  async function refused(client: TestClient, fileName: string, content: string, dryRun = false): Promise<{ detail: string; problems: Json[] }> {
    const before = await fingerprint();
    const res = await client.post(URL, { fileName, content, dryRun });
    assert.equal(res.statusCode, 400, res.body);
    const body = res.json() as Json;
    assert.equal(body.code, "invalid_input");
    assert.match(body.detail as string, /Er is niets ingelezen/);
    assert.equal(await fingerprint(), before, "nothing half imported");
    return { detail: body.detail as string, problems: body.invalidParams as Json[] };
  }
  const pairs = (problems: Json[]) => problems.map((p) => `${p.name as string} ${p.code as string}`);
  const list = async (client: TestClient, area?: string) => {
    const res = await client.get(area ? `${URL}?area=${area}` : URL);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { items: Json[]; importAreas: Json[] };
  };
  /** The stored table as "area year measure count". */
  const table = (items: Json[]) => items.map((f) => `${f.areaName as string} ${f.year as number} ${f.measure as string} ${f.count as number}`);

  before(async () => {
    t = await startTestApp();
    ids = await demoIds(t);
    c.arnhem = await t.login("beleid@arnhem.demo");
    c.reporter = await t.login("melder@zevenaar.demo");
    c.focal = await t.login("aandacht@zevenaar.demo");
    const zevenaar = await createUser(t, { organisationId: ids.organisations.zevenaar, roles: ["policy_officer"], displayName: "Pien Beleid" });
    c.zevenaar = await t.login(zevenaar.email, { totpSecret: zevenaar.totpSecret });
    const duiven = await createUser(t, { organisationId: ids.organisations.duiven, roles: ["policy_officer"] });
    c.duiven = await t.login(duiven.email, { totpSecret: duiven.totpSecret });
  });
  after(() => t?.close());

  it("the Zevenaar table: a dry run shows it and stores nothing; the central municipality imports the region's rows, Zevenaar its own", async () => {
    const before = await fingerprint();
    const dry = await c.arnhem.post(URL, { fileName: "zevenaar-tabel.csv", content: regionCsv, dryRun: true });
    assert.equal(dry.statusCode, 200, dry.body);
    const preview = dry.json() as Json;
    assert.equal(preview.dryRun, true);
    assert.equal(preview.imported, 0);
    assert.equal((preview.figures as Json[]).length, 10);
    assert.deepEqual((preview.figures as Json[])[0], {
      row: 2, areaKind: "region", areaId: ids.regionId, areaName: demoRegion.name, regionId: ids.regionId, year: 2019, measure: "signals", count: 57, source: SOURCE, replaces: null,
    });
    assert.equal(await fingerprint(), before, "a dry run stores nothing");

    const seq = await lastSeq(t);
    const region = await c.arnhem.post(URL, { fileName: "zevenaar-tabel.csv", content: regionCsv });
    assert.equal(region.statusCode, 200, region.body);
    assert.deepEqual([(region.json() as Json).imported, (region.json() as Json).replaced], [10, 0]);
    const own = await c.zevenaar.post(URL, { fileName: "zevenaar.csv", content: zevenaarCsv });
    assert.equal(own.statusCode, 200, own.body);
    assert.equal((own.json() as Json).imported, 5);

    const events = (await eventsSince(t, seq)).filter((e) => e.object_type === "monitor_historic_figure");
    assert.deepEqual(events.map((e) => [e.action, e.result, e.data_subject_ref]), [["create", "success", null], ["create", "success", null]], "one event per import, none for a dry run");
    const details = JSON.parse(events[0]!.details!) as Json;
    assert.deepEqual(details, { import: "zevenaar-tabel.csv", figures: 10, replaced: 0, areas: [demoRegion.name], years: { from: 2019, to: 2023 } });

    // Both see the whole table; the region's own figures first, then the municipalities'.
    for (const client of [c.zevenaar, c.arnhem, c.focal]) {
      const { items } = await list(client);
      assert.deepEqual(table(items), [
        ...years.flatMap((y, i) => [`${demoRegion.name} ${y} signals ${regionSignals[i]}`, `${demoRegion.name} ${y} care_trajectories ${regionCare[i]}`]),
        ...years.map((y, i) => `Gemeente Zevenaar ${y} signals ${zevenaarSignals[i]}`),
      ]);
    }
    const { items, importAreas } = await list(c.zevenaar);
    const zevenaar2023 = items.find((f) => f.areaName === "Gemeente Zevenaar" && f.year === 2023)!;
    assert.equal(zevenaar2023.source, SOURCE);
    assert.equal(zevenaar2023.importedBy, "Pien Beleid");
    assert.ok(Math.abs(Date.parse(zevenaar2023.importedAt as string) - t.clock.now.getTime()) < 60_000, "imported just now");
    assert.deepEqual(zevenaar2023.abilities, { delete: true });
    assert.deepEqual(items.find((f) => f.areaKind === "region")!.abilities, { delete: false }, "only the central municipality deletes the region's figures");
    assert.deepEqual(importAreas, [{ kind: "municipality", id: ids.organisations.zevenaar, name: "Gemeente Zevenaar" }]);
    assert.deepEqual((await list(c.arnhem)).importAreas.map((a) => a.name), [demoRegion.name, "Gemeente Arnhem"]);

    // One area at a time.
    assert.deepEqual(table((await list(c.zevenaar, ids.organisations.zevenaar)).items), years.map((y, i) => `Gemeente Zevenaar ${y} signals ${zevenaarSignals[i]}`));
    assert.equal((await list(c.zevenaar, ids.regionId)).items.length, 15);
    assert.equal((await list(c.zevenaar, "all")).items.length, 15);
  });

  it("every wrong row is named with its line, code and reason, and nothing is stored", async () => {
    const csv = [
      "niveau;gebied;jaar;meldingen;zorgtrajecten;bron",
      "gemeente;Zevenaar;2018;2;;goed",
      "provincie;Gelderland;2018;1;;",
      "gemeente;Zevenar;2018;1;;",
      "gemeente;Duiven;2018;1;;",
      `regio;${REGION};2018;60;40;`,
      "gemeente;Zevenaar;achttien;1;;",
      "gemeente;Zevenaar;1989;1;;",
      "gemeente;Zevenaar;2017;-1;;",
      "gemeente;Zevenaar;2016;1,5;;",
      "gemeente;Gemeente Zevenaar;2018;3;;",
      "gemeente;Zevenaar;2015;;;",
    ].join("\n");
    const { detail, problems } = await refused(c.zevenaar, "fouten.csv", csv);
    assert.match(detail, /^10 regels hebben een fout\. Er is niets ingelezen; verbeter het bestand en lees het opnieuw in\.$/);
    assert.deepEqual(pairs(problems), [
      "rows[3].niveau bad_level",
      "rows[4].gebied unknown_area",
      "rows[5].gebied area_not_allowed",
      "rows[6].gebied area_not_allowed",
      "rows[7].jaar bad_year",
      "rows[8].jaar year_out_of_range",
      "rows[9].meldingen negative_count",
      "rows[10].meldingen bad_count",
      "rows[11].jaar duplicate_in_file",
      "rows[12].meldingen no_figures",
    ]);
    const reason = (name: string) => problems.find((p) => p.name === name)!.reason as string;
    assert.equal(reason("rows[4].gebied"), "Regel 4: de gemeente “Zevenar” is niet bekend in Ketenzicht. U kunt cijfers inlezen voor: Gemeente Zevenaar.");
    assert.equal(reason("rows[5].gebied"), "Regel 5: u mag geen cijfers inlezen voor Gemeente Duiven; dat doet de gemeente zelf.");
    assert.equal(reason("rows[6].gebied"), `Regel 6: u mag geen cijfers inlezen voor ${demoRegion.name}; dat doet de centrumgemeente van de regio.`);
    assert.equal(reason("rows[11].jaar"), "Regel 11: Gemeente Zevenaar 2018 staat ook op regel 2.");
    // A dry run answers the same.
    assert.equal((await refused(c.zevenaar, "fouten.csv", csv, true)).problems.length, 10);
  });

  it("whole-file problems: columns, type, encoding, emptiness", async () => {
    assert.deepEqual(pairs((await refused(c.zevenaar, "a.csv", "gebied;jaar;aantal\nZevenaar;2018;1\n")).problems), ["file unknown_column", "file missing_column", "file missing_column"]);
    assert.deepEqual(pairs((await refused(c.zevenaar, "a.csv", "niveau;gebied;jaar;meldingen\n")).problems), ["file no_rows"]);
    assert.deepEqual(pairs((await refused(c.zevenaar, "a.xlsx", "PK\u0003\u0004")).problems), ["file unsupported_file_type"]);
    assert.deepEqual(pairs((await refused(c.zevenaar, "a.csv", "niveau;gebied;jaar;meldingen\ngemeente;Zev\uFFFDnaar;2018;1\n")).problems), ["file unreadable_file"]);
    assert.deepEqual(pairs((await refused(c.zevenaar, "a.csv", 'niveau;gebied;jaar;meldingen\ngemeente;"Zevenaar;2018;1\n')).problems), ["file unreadable_file"]);
    assert.deepEqual(pairs((await refused(c.zevenaar, "a.csv", "\n \n")).problems), ["file empty_file"]);
    const { detail } = await refused(c.zevenaar, "a.csv", "niveau;gebied;jaar;meldingen\n");
    assert.equal(detail, "Onder de kopregel staan geen cijfers; er is niets in te lezen. Er is niets ingelezen.");
    // What the schema refuses: no content, unknown fields, a wrong area parameter. Never a 500.
    for (const body of [{ fileName: "a.csv", content: "" }, { fileName: "a.csv" }, { fileName: "a.csv", content: "x", extra: 1 }, {}]) {
      const res = await c.zevenaar.post(URL, body);
      assert.equal(res.statusCode, 400, res.body);
    }
    assert.equal((await c.zevenaar.get(`${URL}?area=zevenaar`)).statusCode, 400);
    assert.equal((await c.zevenaar.post(URL, "niet json")).statusCode, 400);
  });

  it("a year with recorded figures of the same area and measure is refused (Dutch calendar year), other years and measures go on", async () => {
    // A signal of Zevenaar received at 00:30 on New Year's Day 2017 in Dutch time, and a victim file of the region opened in 2016.
    const signal = await buildSignal(t, { reporterId: ids.users["melder@zevenaar.demo"]!, municipalityId: ids.organisations.zevenaar });
    await t.db.query("update signals set received_at = '2016-12-31T23:30:00Z' where id = $1", [signal.id]);
    const file = await buildVictimFile(t, { coordinatorId: ids.users["zorg@zorgcoordinatie.demo"]!, regionId: ids.regionId });
    await t.db.query("update victim_files set opened_at = '2016-05-01T10:00:00Z' where id = $1", [file.id]);

    const { problems } = await refused(c.zevenaar, "recorded.csv", "niveau;gebied;jaar;meldingen\ngemeente;Zevenaar;2017;4\ngemeente;Zevenaar;2016;2\n");
    assert.deepEqual(pairs(problems), ["rows[2].meldingen already_recorded"]);
    assert.match(problems[0]!.reason as string, /^Regel 2: Ketenzicht heeft over 2017 al geregistreerde meldingen van Gemeente Zevenaar; geïmporteerde en geregistreerde cijfers worden in één jaar niet gemengd/);
    const region = await refused(c.arnhem, "recorded.csv", `niveau;gebied;jaar;meldingen;zorgtrajecten\nregio;${REGION};2016;20;\nregio;${REGION};2015;18;9\nregio;${REGION};2017;25;\n`);
    assert.deepEqual(pairs(region.problems), ["rows[4].meldingen already_recorded"], "the region's signals include Zevenaar's 2017");
    const care = await refused(c.arnhem, "recorded.csv", `niveau;gebied;jaar;meldingen;zorgtrajecten\nregio;${REGION};2016;20;11\n`);
    assert.deepEqual(pairs(care.problems), ["rows[2].zorgtrajecten already_recorded"]);
    // Leaving the recorded measure empty imports the other.
    const ok = await c.arnhem.post(URL, { fileName: "2016.csv", content: `niveau;gebied;jaar;meldingen;zorgtrajecten\nregio;${REGION};2016;20;\n` });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((ok.json() as Json).imported, 1);
  });

  it("one wrong row keeps the earlier figures as they were; importing again replaces and says so", async () => {
    const before = await fingerprint();
    await refused(c.zevenaar, "bijna.csv", "niveau;gebied;jaar;meldingen\ngemeente;Zevenaar;2023;7\ngemeente;Zevenaar;2022;drie\n");
    assert.equal(await fingerprint(), before);

    const seq = await lastSeq(t);
    const again = await c.zevenaar.post(URL, { fileName: "correctie.csv", content: "niveau;gebied;jaar;meldingen;bron\ngemeente;Zevenaar;2023;7;Jaarverslag 2023\ngemeente;Zevenaar;2018;2;\n" });
    assert.equal(again.statusCode, 200, again.body);
    const result = again.json() as Json;
    assert.deepEqual([result.imported, result.replaced], [2, 1]);
    assert.deepEqual((result.figures as Json[]).map((f) => [f.year, f.count, f.replaces]), [[2023, 7, 6], [2018, 2, null]]);
    const { items } = await list(c.zevenaar, ids.organisations.zevenaar);
    const y2023 = items.filter((f) => f.year === 2023);
    assert.deepEqual(y2023.map((f) => [f.count, f.source]), [[7, "Jaarverslag 2023"]], "one figure per area, year and measure");
    assert.deepEqual(table(items), ["Gemeente Zevenaar 2018 signals 2", ...years.map((y, i) => `Gemeente Zevenaar ${y} signals ${y === 2023 ? 7 : zevenaarSignals[i]}`)]);
    const events = (await eventsSince(t, seq)).filter((e) => e.object_type === "monitor_historic_figure" && e.action === "create");
    assert.equal(events.length, 1);
    assert.equal((JSON.parse(events[0]!.details!) as Json).replaced, 1);
  });

  it("scope: another municipality's policy officer, a reporter, a care coordinator", async () => {
    const before = await fingerprint();
    const duiven = await refused(c.duiven, "zevenaar.csv", zevenaarCsv);
    assert.deepEqual([...new Set(pairs(duiven.problems).map((p) => p.replace(/^rows\[\d+\]/, "")))], [".gebied area_not_allowed"]);
    const reporter = await c.reporter.post(URL, { fileName: "zevenaar.csv", content: zevenaarCsv });
    assert.equal(reporter.statusCode, 403, reporter.body);
    assert.equal((reporter.json() as Json).code, "forbidden");
    assert.equal((await c.reporter.get(URL)).statusCode, 403);
    const coordinator = await t.login("zorg@zorgcoordinatie.demo");
    assert.equal((await coordinator.post(URL, { fileName: "zevenaar.csv", content: zevenaarCsv })).statusCode, 403, "a coordinator reads the figures but does not import them");
    assert.equal((await list(coordinator)).items.length > 0, true);
    assert.equal(await fingerprint(), before);
    // Areas one may not see answer as if they did not exist.
    const ijssel = await t.db.query<{ id: string }>("select id from regions where name <> $1 limit 1", [demoRegion.name]);
    assert.equal((await c.zevenaar.get(`${URL}?area=${ijssel[0]!.id}`)).statusCode, 404);
    assert.equal((await c.zevenaar.get(`${URL}?area=${ids.organisations.politie}`)).statusCode, 404);
    assert.equal((await c.zevenaar.get(`${URL}?area=00000000-0000-4000-8000-000000000000`)).statusCode, 404);
  });

  it("deleting a figure: only who may import for the area; audited; gone from the list", async () => {
    const { items } = await list(c.zevenaar, ids.organisations.zevenaar);
    const target = items.find((f) => f.year === 2018)!;
    const regionFigure = (await list(c.zevenaar, ids.regionId)).items.find((f) => f.areaKind === "region")!;
    assert.equal((await c.zevenaar.delete(`${URL}/${regionFigure.id as string}`)).statusCode, 403, "Zevenaar sees the region's figures but does not delete them");
    assert.equal((await c.duiven.delete(`${URL}/${target.id as string}`)).statusCode, 403);
    assert.equal((await c.reporter.delete(`${URL}/${target.id as string}`)).statusCode, 404);
    assert.equal((await c.zevenaar.delete(`${URL}/not-an-id`)).statusCode, 400);

    const seq = await lastSeq(t);
    const res = await c.focal.delete(`${URL}/${target.id as string}`);
    assert.equal(res.statusCode, 204, res.body);
    assert.equal((await c.focal.delete(`${URL}/${target.id as string}`)).statusCode, 404);
    assert.equal((await list(c.zevenaar, ids.organisations.zevenaar)).items.some((f) => f.id === target.id), false);
    const events = (await eventsSince(t, seq)).filter((e) => e.object_type === "monitor_historic_figure" && e.action === "delete");
    assert.deepEqual(events.map((e) => [e.action, e.object_id, e.owner_organisation_id]), [["delete", target.id, ids.organisations.zevenaar]]);
    assert.deepEqual(JSON.parse(events[0]!.details!), { areaKind: "municipality", area: "Gemeente Zevenaar", year: 2018, measure: "signals", count: 2 });
  });
});
