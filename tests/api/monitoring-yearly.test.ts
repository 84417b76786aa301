import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createOrganisation, createRegion, createUser } from "../support/fixtures.ts";
import { insertFilesInYear, insertSignals, insertSignalsInYear, monitorIds, type MonitorIds } from "../support/monitoring.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The Zevenaar table (issue 6, "done means"): signals and care trajectories per year of region
 * Achterhoek/Arnhem 2019–2023, and Zevenaar's own signals, reproduced exactly by the monitor from records in
 * Ketenzicht, and from imported historic figures where the records do not go back that far.
 */
const YEARS = [2019, 2020, 2021, 2022, 2023];
const REGION_SIGNALS = [57, 33, 53, 74, 110];
const REGION_CARE = [42, 17, 23, 32, 48];
const ZEVENAAR = [1, 0, 3, 3, 6];
const DUIVEN = [4, 2, 0, 7, 9];

interface Table {
  id: string;
  columns: { key: string; label: string; kind: string }[];
  rows: { key: string; label: string; total?: boolean; cells: { value: number | null; display: string; imported?: boolean }[] }[];
  additive: { rows: boolean; columns: boolean };
}
const yearlyTables = (body: { sections: { id: string; tables: Table[] }[] }) => body.sections.find((s) => s.id === "yearly")!.tables;

describe("the monitor's yearly table (the Zevenaar table)", () => {
  let t: TestApp;
  let ids: MonitorIds;
  let focal: TestClient;

  before(async () => {
    t = await startTestApp();
    ids = await monitorIds(t);
    // Per year: Zevenaar's and Duiven's signals, the rest of the region's in Arnhem; the region's care trajectories.
    for (const [i, year] of YEARS.entries()) {
      await insertSignalsInYear(t, ids, ids.organisations.zevenaar, year, ZEVENAAR[i]!);
      await insertSignalsInYear(t, ids, ids.organisations.duiven, year, DUIVEN[i]!);
      await insertSignalsInYear(t, ids, ids.organisations.arnhem, year, REGION_SIGNALS[i]! - ZEVENAAR[i]! - DUIVEN[i]!);
      await insertFilesInYear(t, ids, year, REGION_CARE[i]!);
    }
    // What must not count: a duplicate merged into one of Zevenaar's signals of 2021, and a trajectory of another region.
    const kept = (await t.db.query<{ id: string }>("select id from signals where municipality_id = $1 and received_at < '2022-01-01' and received_at >= '2021-01-01' limit 1", [ids.organisations.zevenaar]))[0]!.id;
    await insertSignals(t, ids, [{ municipalityId: ids.organisations.zevenaar, receivedAt: "2021-03-02T10:00:00Z", outcome: "merged", mergedIntoId: kept }]);
    await insertFilesInYear(t, ids, 2023, 5, ids.otherRegionId);
    focal = await t.login("aandacht@zevenaar.demo");
  });
  after(() => t.close());

  it("reproduces the table exactly for Zevenaar (internal view)", async () => {
    const res = await focal.get(`/api/v1/monitoring/dashboard?area=${ids.organisations.zevenaar}&from=2023-01-01&to=2023-12-31`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.exact, true);
    const [table, ...others] = yearlyTables(body);
    assert.equal(others.length, 0, "a municipality has the one table");
    assert.equal(table!.id, "yearly");
    assert.deepEqual(table!.columns.map((c) => c.label), ["2019", "2020", "2021", "2022", "2023"]);
    // The merged duplicate of 2021 and the other region's trajectories do not count.
    assert.deepEqual(
      table!.rows.map((r) => [r.key, r.label, r.cells.map((c) => c.value)]),
      [
        ["signals", "Meldingen (regio)", REGION_SIGNALS],
        ["care", "Zorgtrajecten (regio)", REGION_CARE],
        [ids.organisations.zevenaar, "Gemeente Zevenaar (meldingen)", ZEVENAAR],
      ],
    );
    assert.deepEqual(table!.rows.map((r) => r.cells.map((c) => c.display)), [REGION_SIGNALS, REGION_CARE, ZEVENAAR].map((row) => row.map(String)));
    assert.ok(table!.rows.every((r) => r.cells.every((c) => !c.imported)), "recorded figures are not marked imported");
    assert.deepEqual(table!.additive, { rows: false, columns: false });
    assert.match(body.sections.find((s: { id: string }) => s.id === "yearly").summary, /In 2023 kwamen in de regio 110 meldingen binnen en startten 48 zorgtrajecten\./);
  });

  it("for the region: the table and the signals per municipality adding up to the region's", async () => {
    const res = await focal.get(`/api/v1/monitoring/dashboard?area=${ids.regionId}&from=2023-01-01&to=2023-12-31`);
    assert.equal(res.statusCode, 200, res.body);
    const [main, perMunicipality] = yearlyTables(res.json());
    assert.deepEqual(main!.rows.map((r) => [r.key, r.cells.map((c) => c.value)]), [["signals", REGION_SIGNALS], ["care", REGION_CARE]]);
    assert.equal(perMunicipality!.id, "yearly-by-municipality");
    assert.deepEqual(perMunicipality!.additive, { rows: true, columns: false });
    assert.deepEqual(
      perMunicipality!.rows.map((r) => [r.label, r.total ?? false, r.cells.map((c) => c.value)]),
      [
        ["Gemeente Arnhem", false, REGION_SIGNALS.map((n, i) => n - ZEVENAAR[i]! - DUIVEN[i]!)],
        ["Gemeente Duiven", false, DUIVEN],
        ["Gemeente Zevenaar", false, ZEVENAAR],
        ["Meldingen (regio)", true, REGION_SIGNALS],
      ],
    );
  });

  it("counts the last year only up to the period's end, and starts at the first year with figures", async () => {
    const res = await focal.get(`/api/v1/monitoring/dashboard?area=${ids.organisations.zevenaar}&from=2022-01-01&to=2022-06-30`);
    const [table] = yearlyTables(res.json());
    assert.deepEqual(table!.columns.map((c) => c.label), ["2019", "2020", "2021", "2022 (t/m 30-6)"]);
    // Every 2022 signal and file was received in mid-June, before the period's end.
    assert.deepEqual(table!.rows[0]!.cells.map((c) => c.value), [57, 33, 53, 74]);
  });
});

describe("the yearly table with imported historic figures", () => {
  let t: TestApp;
  let ids: MonitorIds;
  let regionId: string;
  let oud: string;
  let focal: TestClient;

  before(async () => {
    t = await startTestApp();
    ids = await monitorIds(t);
    regionId = await createRegion(t, "Regio Achterhoek (historisch, test)");
    oud = await createOrganisation(t, { name: "Gemeente Oud", regionIds: [regionId] });
    const nieuw = await createOrganisation(t, { name: "Gemeente Nieuw", regionIds: [regionId] });
    const user = await createUser(t, { email: "aandacht@oud.test", organisationId: oud, roles: ["focal_officer"] });
    // 2019–2021 from the import (the region's figures, and Oud's own), 2022–2023 recorded in Ketenzicht.
    const figures: [string | null, number, string, number][] = [];
    for (const [i, year] of YEARS.slice(0, 3).entries()) {
      figures.push([null, year, "signals", REGION_SIGNALS[i]!], [null, year, "care_trajectories", REGION_CARE[i]!], [oud, year, "signals", ZEVENAAR[i]!]);
    }
    for (const [municipality, year, measure, count] of figures) {
      await t.db.query(
        `insert into monitor_historic_figures (region_id, municipality_id, year, measure, count, source, imported_by, imported_at)
         values ($1, $2, $3, $4, $5, 'Jaarverslag', $6, now())`,
        [regionId, municipality, year, measure, count, user.id],
      );
    }
    for (const [i, year] of YEARS.entries()) {
      if (year < 2022) continue;
      await insertSignalsInYear(t, ids, oud, year, ZEVENAAR[i]!);
      await insertSignalsInYear(t, ids, nieuw, year, REGION_SIGNALS[i]! - ZEVENAAR[i]!);
      await insertFilesInYear(t, ids, year, REGION_CARE[i]!, regionId);
    }
    focal = await t.login(user.email, { totpSecret: user.totpSecret });
  });
  after(() => t.close());

  it("tells imported years apart from recorded ones, with the same numbers", async () => {
    const res = await focal.get(`/api/v1/monitoring/dashboard?area=${oud}&from=2023-01-01&to=2023-12-31`);
    assert.equal(res.statusCode, 200, res.body);
    const [table] = yearlyTables(res.json());
    assert.deepEqual(table!.rows.map((r) => r.cells.map((c) => c.value)), [REGION_SIGNALS, REGION_CARE, ZEVENAAR]);
    const imported = [true, true, true, false, false];
    for (const row of table!.rows) assert.deepEqual(row.cells.map((c) => c.imported === true), imported, row.label);
    // Oud's 0 of 2020 is an imported figure, not a missing one.
    assert.deepEqual(table!.rows[2]!.cells[1], { value: 0, display: "0", imported: true });
    assert.match(res.json().sections.find((s: { id: string }) => s.id === "yearly").summary, /De cijfers over 2019 tot en met 2021 zijn \(deels\) ingelezen/);
  });

  it("for the region, what the import does not split by municipality is a row of its own", async () => {
    const res = await focal.get(`/api/v1/monitoring/dashboard?area=${regionId}&from=2023-01-01&to=2023-12-31`);
    const [, perMunicipality] = yearlyTables(res.json());
    assert.deepEqual(
      perMunicipality!.rows.map((r) => [r.key === oud ? "oud" : r.key === "not-split" || r.key === "signals" ? r.key : "nieuw", r.cells.map((c) => c.value)]),
      [
        ["nieuw", [0, 0, 0, 74 - 3, 110 - 6]],
        ["oud", ZEVENAAR],
        ["not-split", [57 - 1, 33, 53 - 3, 0, 0]],
        ["signals", REGION_SIGNALS],
      ],
    );
    assert.equal(perMunicipality!.additive.rows, true);
  });
});
