import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import sql from "sql-template-tag";
import { run } from "../../src/server/kernel/db.ts";
import { careCounts, countFiles, refreshCareSummaries, type CareCount } from "../../src/server/modules/monitoring/care-summaries.ts";
import type { MonitorContext } from "../../src/server/modules/monitoring/context.ts";
import { periodSpec } from "../../src/server/modules/monitoring/period.ts";
import { scheduleDeadlineSweeps } from "../../src/server/modules/notifications/deadline-sweep.ts";
import { insertFile, insertSignals, monitorIds, valuesOf, type MonitorIds } from "../support/monitoring.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The monitor's care summaries (care-summaries.ts, migration 0013) against the records they count. After every kind
 * of change to a file or its records (needs, services, the case team, placements, reflection periods, closing,
 * a moved signal, the region of a file one was taken over from, removing a file) the next read finds no dirty file
 * left, every file's stored contribution equals a recount from the records, the area days and the country's days
 * and months equal the sums of the contributions, and the dashboard shows the change.
 */
const PERIOD = "from=2025-01-01&to=2025-12-31&compare=true";

describe("the monitor's care summaries stay equal to the records", () => {
  let t: TestApp;
  let ids: MonitorIds;
  let coordinator: TestClient;
  let f1: string;
  let f2: string;
  let f3: string;
  let moved: string;
  let signal: string;
  let zara: string;

  /** What the summaries must hold for today's records, compared with what is stored: each difference as a line. */
  async function differences(): Promise<string[]> {
    const files = (await t.db.query<{ id: string }>("select id::text from victim_files")).map((r) => r.id);
    const fileDiff = await run<{ side: string; file_id: string; day: string; dim: string; key: string; n: number }>(t.db, sql`
      with fresh as (${countFiles(files)})
      (select 'missing' as side, f.file_id::text, f.day::text, f.dim, f.key, f.n from fresh f
       except select 'missing', c.file_id::text, c.day::text, c.dim, c.key, c.n from monitor_care_file_counts c)
      union all
      (select 'extra', c.file_id::text, c.day::text, c.dim, c.key, c.n from monitor_care_file_counts c
       except select 'extra', f.file_id::text, f.day::text, f.dim, f.key, f.n from fresh f)`);
    const sumDiff = await t.db.query<{ side: string; what: string; n: number }>(`
      with expected as (
        select concat_ws(' ', region_id, municipality_id, from_region_id, day, dim, key) as what, sum(n)::int as n
          from monitor_care_file_counts group by region_id, municipality_id, from_region_id, day, dim, key having sum(n) <> 0
      ), stored as (
        select concat_ws(' ', region_id, municipality_id, from_region_id, day, dim, key) as what, n from monitor_care_counts
      ), country_day as (
        select day, dim, key, sum(n)::int as n from monitor_care_file_counts where from_region_id is null group by 1, 2, 3
      ), expected_country as (
        select concat_ws(' ', 'day', day, dim, key) as what, n from country_day where n <> 0
        union all
        select concat_ws(' ', 'month', date_trunc('month', day)::date, dim, key), sum(n)::int from country_day group by date_trunc('month', day)::date, dim, key having sum(n) <> 0
      ), stored_country as (
        select concat_ws(' ', grain, bucket, dim, key) as what, n from monitor_care_country_counts
      )
      (select 'area missing' as side, what, n from expected except select 'area missing', what, n from stored)
      union all (select 'area extra', what, n from stored except select 'area extra', what, n from expected)
      union all (select 'country missing', what, n from expected_country except select 'country missing', what, n from stored_country)
      union all (select 'country extra', what, n from stored_country except select 'country extra', what, n from expected_country)`);
    return [
      ...fileDiff.map((r) => `file ${r.side}: ${r.file_id} ${r.day} ${r.dim} ${r.key} ${r.n}`),
      ...sumDiff.map((r) => `${r.side}: ${r.what} ${r.n}`),
    ];
  }

  const dirtyFiles = async () => (await t.db.query<{ n: number }>("select count(*)::int as n from monitor_dirty_files"))[0]!.n;

  async function dashboard(area = ids.regionId) {
    const res = await coordinator.get(`/api/v1/monitoring/dashboard?area=${area}&${PERIOD}`);
    assert.equal(res.statusCode, 200, res.body);
    return valuesOf(res.json());
  }

  /** Reads the dashboard (which recounts first), then checks that nothing is left dirty and the summaries match the records. */
  async function readAndCheck(area = ids.regionId) {
    const values = await dashboard(area);
    assert.equal(await dirtyFiles(), 0, "the read recounted every dirty file");
    assert.deepEqual(await differences(), []);
    return values;
  }

  before(async () => {
    t = await startTestApp();
    ids = await monitorIds(t);
    zara = ids.users["zorg@zorgcoordinatie.demo"]!;
    signal = (await insertSignals(t, ids, [{ municipalityId: ids.organisations.zevenaar, receivedAt: "2025-01-10T09:00:00Z", reporterOrganisationId: ids.organisations.zevenaar }]))[0]!;
    f1 = await insertFile(t, ids, { signalId: signal, openedAt: "2025-02-01T09:00:00Z", forms: ["sexual", "labour"], coordinators: [zara] });
    f2 = await insertFile(t, ids, { openedAt: "2024-03-01T09:00:00Z", closedAt: "2025-03-01T09:00:00Z", closureReason: "lost_contact", coordinators: [zara] });
    f3 = await insertFile(t, ids, { openedAt: "2025-04-01T09:00:00Z", nationality: null, forms: [] });
    // Taken over from the other region: counts in this region, not again for the country.
    const elsewhere = await insertFile(t, ids, { regionId: ids.otherRegionId, openedAt: "2025-05-01T09:00:00Z", closedAt: "2025-06-01T09:00:00Z", closureReason: "moved_region" });
    moved = await insertFile(t, ids, { openedAt: "2025-06-01T09:00:00Z", transferredFromId: elsewhere, coordinators: [zara] });
    await t.db.query("insert into victim_needs (file_id, domain, status, updated_at) values ($1, 'medical', 'need', now()), ($1, 'legal_aid', 'in_progress', now())", [f1]);
    await t.db.query(
      `insert into shelter_placements (file_id, shelter_organisation_id, place_type, admitted_on, created_at, updated_at)
       values ($1, $2, 'cosm', '2025-02-05', now(), now())`,
      [f1, ids.organisations.opvang],
    );
    await t.db.query(
      `insert into residence_schemes (file_id, reflection_offered_on, reflection_ends_on, updated_at) values ($1, '2025-11-01', '2026-02-01', now())`,
      [f3],
    );
    coordinator = await t.login("zorg@zorgcoordinatie.demo");
  });
  after(() => t.close());

  it("every file written is marked, and the first read counts it exactly", async () => {
    assert.ok((await dirtyFiles()) > 0, "the inserts marked their files");
    const v = await readAndCheck();
    assert.equal(v["care-trajectories"]!["started"]![0], 3, "f1, f3 and the file taken over from the other region");
    assert.equal(v["care-trajectories"]!["active"]![0], 3);
    assert.equal(v["care-trajectories"]!["closed"]![0], 1);
    assert.equal(v["care-by-form"]!["labour"]![0], 1);
    assert.equal(v["shelter-occupancy"]![ids.organisations.opvang]![0], 1);
    assert.equal(v["reflection-periods"]!["running"]![0], 1);
    assert.equal(v["care-gaps-needs"]!["medical"]![0], 1);
  });

  it("needs, services and the case team: the running file's gaps and the coordinator's files follow", async () => {
    await t.db.query(
      `insert into care_services (file_id, domain, service_type, provider_organisation_id, start_date, status, created_at, updated_at)
       values ($1, 'medical', 'medical_care', $2, '2025-02-10', 'active', now(), now())`,
      [f1, ids.organisations.opvang],
    );
    await t.db.query("update victim_needs set status = 'need' where file_id = $1 and domain = 'legal_aid'", [f1]);
    let v = await readAndCheck();
    assert.equal(v["care-gaps-needs"]!["medical"]![1], 0, "the medical need now has a running service");
    assert.equal(v["care-gaps-needs"]!["legal_aid"]![0], 1);
    assert.equal(v["workload"]!["period"]![0], 3, "f1, f3 and the file taken over run at the end of 2025");
    const before = v["workload-distribution"]!["1-5"]![0]!;
    await t.db.query("update case_team_members set ended_at = '2025-07-01T09:00:00Z', end_reason = 'ended_by_coordinator' where file_id = any($1::uuid[])", [[f1, moved]]);
    v = await readAndCheck();
    assert.equal(v["workload-distribution"]!["1-5"]![0], before - 1, "the coordinator has no running files left at the end of 2025");
    await t.db.query("update care_services set status = 'cancelled', updated_at = '2025-08-01T09:00:00Z' where file_id = $1", [f1]);
    v = await readAndCheck();
    assert.equal(v["care-gaps-cancelled-services"]!["medical_care"]![0], 1);
  });

  it("placements and reflection periods: ending, removing and changing them", async () => {
    await t.db.query("update shelter_placements set left_on = '2025-09-01', leave_kind = 'outflow', destination = 'family' where file_id = $1", [f1]);
    await t.db.query("update residence_schemes set reflection_ended_early_on = '2025-11-15', reflection_end_reason = 'left' where file_id = $1", [f3]);
    let v = await readAndCheck();
    assert.equal(v["shelter-flow"]!["outflow"]![0], 1);
    assert.equal(v["shelter-occupancy"]?.[ids.organisations.opvang], undefined, "nobody of the area is in the shelter today");
    assert.equal(v["reflection-periods"]!["running"]![0], 0);
    assert.equal(v["reflection-ended-early"]!["left"]![0], 1);
    await t.db.query("delete from shelter_placements where file_id = $1", [f1]);
    await t.db.query("delete from residence_schemes where file_id = $1", [f3]);
    v = await readAndCheck();
    assert.equal(v["shelter-flow"]!["inflow"]![0], 0);
    assert.equal(v["reflection-periods"]!["started"]![0], 0);
  });

  it("closing a file, moving its signal and removing a file change where and whether it counts", async () => {
    const zevenaar = await dashboard(ids.organisations.zevenaar);
    assert.equal(zevenaar["care-trajectories"]!["started"]![0], 1, "f1 came from Zevenaar's signal");
    await t.db.query("update victim_files set status = 'closed', closure_reason = 'goals_reached', closed_at = '2025-10-01T09:00:00Z' where id = $1", [f1]);
    await t.db.query("update signals set municipality_id = $1 where id = $2", [ids.organisations.duiven, signal]);
    let v = await readAndCheck();
    assert.equal(v["care-trajectories"]!["closed"]![0], 2);
    assert.equal(v["care-closure-reasons"]!["goals_reached"]![0], 1);
    const zevenaarAfter = await readAndCheck(ids.organisations.zevenaar);
    assert.equal(zevenaarAfter["care-trajectories"]!["started"]![0], 0, "the signal moved to Duiven, and its file with it");
    const duiven = await readAndCheck(ids.organisations.duiven);
    assert.equal(duiven["care-trajectories"]!["started"]![0], 1);
    await t.db.query("delete from victim_needs where file_id = $1", [f3]);
    await t.db.query("delete from victim_files where id = $1", [f3]);
    v = await readAndCheck();
    assert.equal(v["care-trajectories"]!["started"]![0], 2);
  });

  it("a file taken over counts again when the file it came from moves into the area", async () => {
    const elsewhere = (await t.db.query<{ id: string }>("select transferred_from_id::text as id from victim_files where id = $1", [moved]))[0]!.id;
    const before = (await readAndCheck())["care-trajectories"]!["started"]![0]!;
    await t.db.query("update victim_files set region_id = $1 where id = $2", [ids.regionId, elsewhere]);
    const v = await readAndCheck();
    assert.equal(v["care-trajectories"]!["started"]![0], before, "the taken-over file no longer counts; the file it came from now does");
    assert.deepEqual(await differences(), []);
  });

  it("the country's months and edge days give the same counts as the days of all its regions", async () => {
    const regions = (await t.db.query<{ id: string }>("select id::text from regions")).map((r) => r.id);
    const periods = [periodSpec("period", { from: "2025-02-04", to: "2025-09-01" }), periodSpec("previous", { from: "2024-02-04", to: "2024-09-01" })];
    const context = (wholeCountry: boolean): MonitorContext => ({
      area: { kind: "all", id: null, name: "", regions: [], regionIds: regions, municipalities: [], municipalityIds: [], regionMunicipalityIds: [], wholeCountry, threshold: 5, facts: [] },
      periods, today: "2025-07-01", now: new Date(),
    });
    const sorted = (rows: CareCount[]) => rows.filter((r) => r.n !== 0).map((r) => `${r.p} ${r.dim} ${r.key} ${r.n}`).sort();
    await t.db.transaction((tx) => refreshCareSummaries(tx));
    const country = await t.db.transaction((tx) => careCounts(tx, context(true)));
    const days = await t.db.transaction((tx) => careCounts(tx, context(false)));
    assert.ok(country.some((r) => r.dim === "started" && r.n > 0), "the period holds files");
    assert.ok(country.some((r) => r.dim === "active" && r.n > 0), "and files running at its end");
    assert.deepEqual(sorted(country), sorted(days));
  });

  it("the deadline sweep recounts dirty files in the background, before anyone reads", async () => {
    await t.db.query("update victim_files set gender = 'male' where id = $1", [f2]);
    assert.equal(await dirtyFiles(), 1);
    const problems: unknown[] = [];
    const sweeps = scheduleDeadlineSweeps(t.kernel, { mailer: null, intervalMs: 20, log: (_message, error) => problems.push(error) });
    try {
      const deadline = Date.now() + 10_000;
      while ((await dirtyFiles()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    } finally {
      await sweeps.stop();
    }
    assert.deepEqual(problems, []);
    assert.equal(await dirtyFiles(), 0);
    assert.deepEqual(await differences(), []);
  });

  it("a change that does not touch what is counted marks nothing", async () => {
    await t.db.query("update victim_files set updated_at = now(), row_version = row_version + 1 where id = $1", [f2]);
    assert.equal(await dirtyFiles(), 0);
  });
});
