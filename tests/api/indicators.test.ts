import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { iloCodes } from "../../src/server/modules/indicators/ilo.ts";
import { currentCatalogue } from "../../src/server/modules/indicators/indicators.repository.ts";
import { createOrganisation, createRegion, createUser, demoIds, eventsSince, lastSeq, type DemoIds } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

interface CatalogueBody {
  id: string;
  regionId: string;
  version: number;
  publishedBy: string | null;
  changeNote: string;
  groups: { group: string; indicators: { code: string; textNl: string; textEn: string; iloCodes: string[] }[] }[];
  ilo: { code: string }[];
  abilities: Record<string, boolean>;
}

const indicatorsOf = (c: CatalogueBody) => c.groups.flatMap((g) => g.indicators.map((i) => ({ ...i, group: g.group })));

describe("the indicator catalogue of a region", () => {
  let t: TestApp;
  let ids: DemoIds;
  let admin: TestClient;
  let reporter: TestClient;
  let outsider: TestClient;
  let url: string;

  before(async () => {
    t = await startTestApp();
    ids = await demoIds(t);
    url = `/api/v1/regions/${ids.regionId}/indicator-catalogue`;
    admin = await t.login("regiobeheer@arnhem.demo");
    reporter = await t.login("melder@zevenaar.demo");
    const elsewhere = await createRegion(t, "Regio Elders");
    const org = await createOrganisation(t, { name: "Gemeente Elders", regionIds: [elsewhere] });
    const user = await createUser(t, { organisationId: org, roles: ["reporter"] });
    outsider = await t.login(user.email, { totpSecret: user.totpSecret });
  });
  after(() => t?.close());

  const versionCount = async () => ((await admin.get(`${url}/versions`)).json() as { items: unknown[] }).items.length;
  const change = (client: TestClient, body: unknown) => client.post(`${url}/changes`, body);

  it("starts from Bijlage 3: 14 general, 11 sexual, 8 criminal and 17 labour signals, all eleven ILO indicators mapped", async () => {
    const res = await reporter.get(url);
    assert.equal(res.statusCode, 200, res.body);
    const c = res.json() as CatalogueBody;
    assert.equal(c.version, 1);
    assert.equal(c.publishedBy, null);
    assert.deepEqual(c.groups.map((g) => [g.group, g.indicators.length]), [["general", 14], ["sexual", 11], ["criminal", 8], ["labour", 17]]);
    const all = indicatorsOf(c);
    assert.equal(all.length, 50);
    assert.equal(new Set(all.map((i) => i.code)).size, 50);
    assert.equal(all[0]!.code, "alg-01");
    assert.equal(all[0]!.textNl, "geen beschikking heeft over eigen paspoort of identiteitskaart");
    assert.ok(all.every((i) => i.textNl.length > 0 && i.textEn.length > 0));
    assert.deepEqual(c.ilo.map((i) => i.code), iloCodes);
    assert.deepEqual(new Set(all.flatMap((i) => i.iloCodes)), new Set(iloCodes));
    // The labour list alone covers ten of the eleven; isolation comes from the general list.
    const labour = new Set(all.filter((i) => i.group === "labour").flatMap((i) => i.iloCodes));
    assert.equal(labour.size, 10);
    assert.equal(labour.has("ilo_isolation"), false);
    assert.deepEqual(c.abilities, { read: true, update: false });
  });

  it("is not visible to an account of another region: 404, as if it did not exist", async () => {
    const res = await outsider.get(url);
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().code, "not_found");
    assert.equal((await outsider.get(`${url}/versions`)).statusCode, 404);
    const v1 = (await reporter.get(url)).json() as CatalogueBody;
    assert.equal((await outsider.get(`/api/v1/indicator-catalogues/${v1.id}`)).statusCode, 404);
  });

  it("a region without a catalogue gets version 1 on first use", async () => {
    const res = await outsider.get(`/api/v1/regions/${(await t.db.query<{ id: string }>("select id from regions where name = 'Regio Elders'"))[0]!.id}/indicator-catalogue`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((res.json() as CatalogueBody).version, 1);
  });

  it("first uses racing each other seed version 1 exactly once", async () => {
    const regionId = await createRegion(t, "Regio Gelijktijdig");
    const results = await Promise.all(Array.from({ length: 5 }, () => currentCatalogue(t.db, regionId)));
    assert.equal(new Set(results.map((c) => c.id)).size, 1);
    assert.ok(results.every((c) => c.version === 1 && c.indicators.length === 50));
    const rows = await t.db.query<{ n: string }>("select count(*)::text as n from indicators i join indicator_catalogues c on c.id = i.catalogue_id where c.region_id = $1", [regionId]);
    assert.equal(rows[0]!.n, "50");
  });

  it("the administrator adds, rewords and retires: versions 2, 3 and 4, the old ones unchanged", async () => {
    const v1 = (await admin.get(url)).json() as CatalogueBody;
    assert.equal(v1.abilities.update, true);
    const seq = await lastSeq(t);

    const added = await change(admin, { kind: "add", group: "labour", textNl: "slaapt in een container op het werkterrein", textEn: "sleeps in a container on the work site", iloCodes: ["ilo_abusive_conditions", "ilo_isolation"] });
    assert.equal(added.statusCode, 201, added.body);
    const v2 = added.json() as CatalogueBody;
    assert.equal(v2.version, 2);
    assert.equal(v2.publishedBy, ids.users["regiobeheer@arnhem.demo"]);
    const newOne = indicatorsOf(v2).find((i) => i.code === "arb-18");
    assert.deepEqual(newOne?.iloCodes, ["ilo_abusive_conditions", "ilo_isolation"]);
    assert.match(v2.changeNote, /arb-18 toegevoegd/);

    const reworded = await change(admin, { kind: "reword", code: "alg-02", textNl: "extreem lange werkdagen maakt, ook in het weekend", textEn: "works extremely long days, weekends included" });
    assert.equal(reworded.statusCode, 201, reworded.body);
    const v3 = reworded.json() as CatalogueBody;
    assert.equal(v3.version, 3);
    const alg02 = indicatorsOf(v3).find((i) => i.code === "alg-02")!;
    assert.equal(alg02.textEn, "works extremely long days, weekends included");
    assert.deepEqual(alg02.iloCodes, ["ilo_excessive_overtime"], "without iloCodes a rewording keeps the mapping");

    const retired = await change(admin, { kind: "retire", code: "sex-08" });
    assert.equal(retired.statusCode, 201, retired.body);
    const v4 = retired.json() as CatalogueBody;
    assert.equal(v4.version, 4);
    assert.equal(indicatorsOf(v4).some((i) => i.code === "sex-08"), false);
    assert.equal(indicatorsOf(v4).length, 50);

    // The version a signal was made with stays readable, with its own wording, by everyone in the region.
    const old = await reporter.get(`/api/v1/indicator-catalogues/${v1.id}`);
    assert.equal(old.statusCode, 200);
    const oldBody = old.json() as CatalogueBody;
    assert.equal(oldBody.version, 1);
    assert.equal(indicatorsOf(oldBody).find((i) => i.code === "alg-02")!.textNl, "extreem lange werkdagen maakt");
    assert.equal(indicatorsOf(oldBody).some((i) => i.code === "sex-08"), true);
    assert.equal(indicatorsOf(oldBody).some((i) => i.code === "arb-18"), false);

    assert.equal(((await reporter.get(url)).json() as CatalogueBody).version, 4);
    const versions = (await reporter.get(`${url}/versions`)).json() as { items: { version: number; indicatorCount: number }[] };
    assert.deepEqual(versions.items.map((v) => [v.version, v.indicatorCount]), [[4, 50], [3, 51], [2, 51], [1, 50]]);

    const events = await eventsSince(t, seq);
    assert.deepEqual(
      events.map((e) => [e.action, e.object_type, e.actor_role, e.result, (JSON.parse(e.details!) as { version: number }).version]),
      [["update", "indicator_catalogue", "administrator", "success", 2], ["update", "indicator_catalogue", "administrator", "success", 3], ["update", "indicator_catalogue", "administrator", "success", 4]],
    );
    assert.deepEqual(events.map((e) => e.object_id), [v2.id, v3.id, v4.id]);
  });

  it("a retired code is never handed out again", async () => {
    const retire = await change(admin, { kind: "retire", code: "arb-18" });
    assert.equal(retire.statusCode, 201, retire.body);
    const add = await change(admin, { kind: "add", group: "labour", textNl: "werkt zonder beschermingsmiddelen", textEn: "works without protective equipment" });
    assert.equal(add.statusCode, 201, add.body);
    const codes = indicatorsOf(add.json() as CatalogueBody).filter((i) => i.group === "labour").map((i) => i.code);
    assert.equal(codes.at(-1), "arb-19");
    assert.equal(codes.includes("arb-18"), false);
  });

  it("a reporter of the region may read but not change it: 403, recorded as denied", async () => {
    const before = await versionCount();
    const seq = await lastSeq(t);
    const res = await change(reporter, { kind: "retire", code: "alg-01" });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, "forbidden");
    assert.equal(await versionCount(), before);
    const events = await eventsSince(t, seq);
    assert.ok(events.some((e) => e.action === "access_denied" && e.object_type === "indicator_catalogue"));
    assert.equal((await change(outsider, { kind: "retire", code: "alg-01" })).statusCode, 404);
  });

  it("refuses an unknown code (404) and retiring the last signal of a group (422), publishing nothing", async () => {
    const before = await versionCount();
    const unknown = await change(admin, { kind: "reword", code: "alg-99", textNl: "x", textEn: "x" });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().invalidParams[0].code, "unknown_indicator");
    assert.equal((await change(admin, { kind: "retire", code: "sex-08" })).statusCode, 404, "already retired");

    // Retire the criminal signals one by one until one is left; that one is refused.
    const criminal = indicatorsOf((await admin.get(url)).json() as CatalogueBody).filter((i) => i.group === "criminal").map((i) => i.code);
    for (const code of criminal.slice(1)) assert.equal((await change(admin, { kind: "retire", code })).statusCode, 201);
    const last = await change(admin, { kind: "retire", code: criminal[0] });
    assert.equal(last.statusCode, 422, last.body);
    assert.equal(last.json().invalidParams[0].code, "last_indicator_in_group");
    assert.equal(await versionCount(), before + criminal.length - 1);
  });

  it("bad bodies are refused with 400 and publish nothing", async () => {
    const before = await versionCount();
    const bodies = [
      { kind: "merge", code: "alg-01" },
      { kind: "add", group: "labour", textNl: "   ", textEn: "empty in Dutch" },
      { kind: "add", group: "other", textNl: "iets", textEn: "something" },
      { kind: "reword", code: "alg-01", textNl: "nieuw", textEn: "new", note: "unknown field" },
      { kind: "add", group: "labour", textNl: "iets", textEn: "something", iloCodes: ["ilo_unknown"] },
      { code: "alg-01" },
    ];
    for (const body of bodies) {
      const res = await change(admin, body);
      assert.equal(res.statusCode, 400, `${JSON.stringify(body)} → ${res.statusCode} ${res.body}`);
      assert.equal(res.json().code, "invalid_input");
    }
    assert.equal(await versionCount(), before);
  });
});
