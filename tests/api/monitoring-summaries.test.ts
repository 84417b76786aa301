import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import sql from "sql-template-tag";
import { run } from "../../src/server/kernel/db.ts";
import type { MonitorContext } from "../../src/server/modules/monitoring/context.ts";
import { scheduleDeadlineSweeps } from "../../src/server/modules/notifications/deadline-sweep.ts";
import { periodSpec } from "../../src/server/modules/monitoring/period.ts";
import { summaryCounts, type SummaryCount } from "../../src/server/modules/monitoring/summary-counts.ts";
import { countDays, recountDays, refreshSummaries, type DirtyDay } from "../../src/server/modules/monitoring/summaries.ts";
import { insertEvent, insertReferral, insertSignals, monitorIds, valuesOf, type MonitorIds } from "../support/monitoring.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The monitor's summaries (summaries.ts) against the records they count. After every kind of change (a new
 * signal, a step, a referral answered, a merge, a moved signal, new deadlines, an organisation's type) the next
 * read finds no dirty day left, the stored day counts equal a recount of every day from the records, the
 * country's days and months equal the sums of the day counts, and the dashboard shows the change.
 */
const PERIOD = "from=2025-01-01&to=2025-12-31";

describe("the monitor's summaries stay equal to the records", () => {
  let t: TestApp;
  let ids: MonitorIds;
  let focal: TestClient;
  let s1: string;
  let s2: string;
  let s3: string;
  let referralId: string;

  /** What a summary of today's records must hold, compared with what is stored: each difference as a line. */
  async function differences(): Promise<string[]> {
    const days = sql`(select distinct s.municipality_id, (s.received_at at time zone 'Europe/Amsterdam')::date as day from signals s)`;
    const dayDiff = await run<{ side: string; municipality_id: string; day: string; dim: string; key: string; n: number }>(t.db, sql`
      with fresh as (${countDays(days)})
      (select 'missing' as side, f.municipality_id::text, f.day::text, f.dim, f.key, f.n from fresh f
       except select 'missing', c.municipality_id::text, c.day::text, c.dim, c.key, c.n from monitor_day_counts c)
      union all
      (select 'extra', c.municipality_id::text, c.day::text, c.dim, c.key, c.n from monitor_day_counts c
       except select 'extra', f.municipality_id::text, f.day::text, f.dim, f.key, f.n from fresh f)`);
    const countryDiff = await t.db.query<{ side: string; grain: string; bucket: string; dim: string; key: string; n: number }>(`
      with per_day as (
        select day, dim, key, sum(n)::int as n from monitor_day_counts group by 1, 2, 3
        union all select day, 'municipality', municipality_id::text, sum(n)::int from monitor_day_counts where dim = 'total' group by 1, 3
      ), expected as (
        select 'day' as grain, day as bucket, dim, key, n from per_day
        union all select 'month', date_trunc('month', day)::date, dim, key, sum(n)::int from per_day group by 2, 3, 4
      )
      (select 'missing' as side, grain, bucket::text, dim, key, n from expected except select 'missing', grain, bucket::text, dim, key, n from monitor_country_counts)
      union all
      (select 'extra', grain, bucket::text, dim, key, n from monitor_country_counts except select 'extra', grain, bucket::text, dim, key, n from expected)`);
    return [
      ...dayDiff.map((r) => `day ${r.side}: ${r.day} ${r.dim} ${r.key} ${r.n}`),
      ...countryDiff.map((r) => `country ${r.side}: ${r.grain} ${r.bucket} ${r.dim} ${r.key} ${r.n}`),
    ];
  }

  async function dashboard(query = PERIOD) {
    const res = await focal.get(`/api/v1/monitoring/dashboard?area=${ids.regionId}&${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return valuesOf(res.json());
  }

  /** Reads the dashboard, then checks that nothing is dirty and the summaries equal the records. */
  async function readAndCheck(query = PERIOD) {
    const values = await dashboard(query);
    const dirty = await t.db.query<{ n: number }>("select count(*)::int as n from monitor_dirty_days");
    assert.equal(dirty[0]!.n, 0, "a read recounts every dirty day first");
    assert.deepEqual(await differences(), []);
    return values;
  }

  before(async () => {
    t = await startTestApp();
    ids = await monitorIds(t);
    const o = ids.organisations;
    [s1, s2, s3] = (await insertSignals(t, ids, [
      { municipalityId: o.zevenaar, receivedAt: "2025-02-03T09:00:00Z", reporterOrganisationId: o.zevenaar, team: "Team Handhaving", forms: ["labour"], indicatorCodes: [ids.codes.labour] },
      { municipalityId: o.zevenaar, receivedAt: "2025-03-10T09:00:00Z", reporterOrganisationId: o.politie, urgency: "high", forms: ["sexual"] },
      { municipalityId: o.duiven, receivedAt: "2025-03-10T10:00:00Z", reporterOrganisationId: o.duiven, team: "Team Zorg" },
    ])) as [string, string, string];
    await insertEvent(t, s1, { from: null, to: "received", at: "2025-02-03T09:00:00Z" });
    await insertEvent(t, s1, { from: "received", to: "recorded", at: "2025-02-04T09:00:00Z" });
    await insertEvent(t, s2, { from: null, to: "received", at: "2025-03-10T09:00:00Z" });
    referralId = await insertReferral(t, { signalId: s1, organisationId: o.politie, channel: "police", status: "open", createdAt: "2025-02-05T09:00:00Z", createdBy: ids.users["aandacht@zevenaar.demo"]! });
    focal = await t.login("aandacht@zevenaar.demo");
  });
  after(() => t.close());

  it("the first read counts what was recorded before it", async () => {
    const v = await readAndCheck();
    assert.deepEqual(v["signals-by-municipality"]![ids.organisations.zevenaar], [2]);
    assert.deepEqual(v["signals-by-municipality"]![ids.organisations.duiven], [1]);
    assert.deepEqual(v["route-steps"]!["received"]!.slice(0, 2), [1, 1], "one step out of 'received', 1 day");
  });

  it("a step, a referral answered and a signal merged are counted at the next read", async () => {
    await insertEvent(t, s1, { from: "recorded", to: "enriched", at: "2025-02-06T09:00:00Z" });
    await t.db.query("update referrals set status = 'declined', responded_at = '2025-02-07T09:00:00Z' where id = $1", [referralId]);
    await t.db.query("update signals set outcome = 'merged', merged_into_id = $2, status = 'closed', closed_at = received_at where id = $1", [s3, s1]);
    const v = await readAndCheck();
    assert.deepEqual(v["route-steps"]!["recorded"]!.slice(0, 2), [1, 2]);
    assert.deepEqual(v["referrals-by-partner"]![ids.organisations.politie]!.slice(0, 3), [1, 0, 1], "sent, accepted, declined");
    assert.equal(v["referrals-by-partner"]![ids.organisations.politie]![5], 2, "responded after 2 days");
    assert.deepEqual(v["signals-by-municipality"]![ids.organisations.duiven], [0], "the merged signal no longer counts");
  });

  it("a referral removed from the records no longer counts", async () => {
    const extra = await insertReferral(t, { signalId: s1, organisationId: ids.organisations.inspectie, channel: "labour_inspectorate", status: "open", createdAt: "2025-02-05T10:00:00Z", createdBy: ids.users["aandacht@zevenaar.demo"]! });
    assert.deepEqual((await readAndCheck())["referrals-by-channel"]!["labour_inspectorate"]!.slice(0, 1), [1]);
    await t.db.query("delete from referrals where id = $1", [extra]);
    assert.deepEqual((await readAndCheck())["referrals-by-channel"]!["labour_inspectorate"]!.slice(0, 1), [0]);
  });

  it("a signal moved to another day and municipality leaves the old day and counts on the new one", async () => {
    await t.db.query("update signals set municipality_id = $2, received_at = '2025-04-01T09:00:00Z' where id = $1", [s2, ids.organisations.duiven]);
    const v = await readAndCheck();
    assert.deepEqual(v["signals-by-municipality"]![ids.organisations.zevenaar], [1]);
    assert.deepEqual(v["signals-by-municipality"]![ids.organisations.duiven], [1]);
    assert.deepEqual(v["signals-per-month"]!["2025-03"], [0]);
    assert.deepEqual(v["signals-per-month"]!["2025-04"], [1]);
  });

  it("new deadlines of a municipality and a reporting organisation's new type are counted again", async () => {
    // 1 day in "received" for s1: on time by default (2 working days), late against 0 days.
    assert.deepEqual((await dashboard())["route-steps"]!["received"]!.slice(2, 3), [100]);
    await t.db.query("insert into route_deadlines (municipality_id, urgency, assess_days, feedback_days, inform_days) values ($1, 'normal', 0, 5, 5)", [ids.organisations.zevenaar]);
    assert.deepEqual((await readAndCheck())["route-steps"]!["received"]!.slice(2, 3), [0]);
    const before = (await dashboard())["signals-by-source"]!;
    await t.db.query("update organisations set type = 'care_coordination' where id = $1", [ids.organisations.politie]);
    const after = await readAndCheck();
    assert.notDeepEqual(after["signals-by-source"], before);
    await t.db.query("update organisations set type = 'police' where id = $1", [ids.organisations.politie]);
    assert.deepEqual((await readAndCheck())["signals-by-source"], before);
  });

  it("a signal submitted and moved on through the API counts today, without any recount by hand", async () => {
    const reporter = await t.login("melder@zevenaar.demo");
    const year = t.kernel.now().getFullYear();
    const thisYear = `from=${year}-01-01&to=${t.kernel.now().toISOString().slice(0, 10)}`;
    const before = (await readAndCheck(thisYear))["signals-by-municipality"]![ids.organisations.zevenaar]![0]!;
    const submitted = await reporter.post("/api/v1/signals", { municipalityId: ids.organisations.zevenaar, description: "Bij de nagelstudio slapen mensen in de achterkamer." });
    assert.equal(submitted.statusCode, 201, submitted.body);
    assert.equal((await focal.post(`/api/v1/signals/${submitted.json().id}/transitions`, { to: "recorded" })).statusCode, 200);
    const v = await readAndCheck(thisYear);
    assert.equal(v["signals-by-municipality"]![ids.organisations.zevenaar]![0], before + 1);
    assert.equal(v["route-steps"]!["received"]![0], 1, "the step out of 'received' taken today");
  });

  it("the country's months and edge days give the same counts as its municipalities' days", async () => {
    const municipalities = (await t.db.query<{ id: string }>("select id::text from organisations where type = 'municipality'")).map((r) => r.id);
    const periods = [periodSpec("period", { from: "2025-02-04", to: "2025-04-01" }), periodSpec("previous", { from: "2024-02-04", to: "2024-04-01" })];
    const context = (kind: "all" | "region"): MonitorContext => ({
      area: { kind, id: null, name: "", regions: [], regionIds: [], municipalities: [], municipalityIds: municipalities, regionMunicipalityIds: municipalities, wholeCountry: kind === "all", threshold: 5, facts: [] },
      periods, today: "2026-11-27", now: new Date(),
    });
    const sorted = (rows: SummaryCount[]) => rows.map((r) => `${r.p} ${r.dim} ${r.key} ${r.n}`).sort();
    const country = await t.db.transaction((tx) => summaryCounts(tx, context("all")));
    const days = await t.db.transaction((tx) => summaryCounts(tx, context("region")));
    assert.ok(country.some((r) => r.dim === "total" && r.n > 0), "the period holds signals");
    assert.deepEqual(sorted(country), sorted(days));
  });

  it("the deadline sweep recounts dirty days in the background, before anyone reads", async () => {
    await insertEvent(t, s1, { from: "enriched", to: "assessed", at: "2025-02-07T09:00:00Z" });
    const dirty = async () => (await t.db.query<{ n: number }>("select count(*)::int as n from monitor_dirty_days"))[0]!.n;
    assert.equal(await dirty(), 1);
    const problems: unknown[] = [];
    const sweeps = scheduleDeadlineSweeps(t.kernel, { mailer: null, intervalMs: 20, log: (_message, error) => problems.push(error) });
    try {
      const deadline = Date.now() + 10_000;
      while ((await dirty()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    } finally {
      await sweeps.stop();
    }
    assert.deepEqual(problems, []);
    assert.equal(await dirty(), 0);
    assert.deepEqual(await differences(), []);
  });

  it("two writers of the same day do not wait on each other's marks", async (context) => {
    if (t.db.kind !== "postgres") return context.skip("PGlite has one connection: writers cannot overlap");
    const step = (at: string) => `insert into signal_events (signal_id, occurred_at, kind, from_status, to_status) values ('${s1}', '${at}', 'transition', 'assessed', 'referred')`;
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let marked = () => undefined as void;
    const written = new Promise<void>((resolve) => (marked = resolve));
    // The first writer marks s1's day and stays open.
    const first = t.db.transaction(async (tx) => {
      await tx.query(step("2025-02-10T09:00:00Z"));
      marked();
      await gate;
    });
    await written;
    try {
      await t.db.transaction(async (tx) => {
        await tx.query("set local lock_timeout = '2s'");
        await tx.query(step("2025-02-11T09:00:00Z"));
      });
    } finally {
      release();
      await first;
    }
    await readAndCheck();
  });

  it("a recount started before a newer change leaves that day dirty for the next one", async () => {
    const day = (await t.db.query<{ municipality_id: string; day: string }>("select municipality_id::text, day::text from monitor_day_counts limit 1"))[0]!;
    await t.db.query("insert into monitor_dirty_days (municipality_id, day) values ($1, $2)", [day.municipality_id, day.day]);
    const seen = await t.db.query<DirtyDay>("select municipality_id::text, day::text, array_agg(id)::text[] as ids from monitor_dirty_days group by 1, 2");
    // A change to that day commits while the recount runs: it leaves a mark of its own.
    await t.db.query("insert into signal_events (signal_id, occurred_at, kind, from_status, to_status) select id, received_at + interval '1 hour', 'transition', 'received', 'recorded' from signals where municipality_id = $1 and (received_at at time zone 'Europe/Amsterdam')::date = $2 limit 1", [day.municipality_id, day.day]);
    await t.db.transaction((tx) => recountDays(tx, seen));
    const left = await t.db.query<{ id: string; day: string }>("select id::text, day::text from monitor_dirty_days");
    assert.deepEqual(left.map((r) => r.day), [day.day], "the newer change is not lost");
    assert.ok(!seen[0]!.ids.includes(left[0]!.id));
    assert.equal(await t.db.transaction((tx) => refreshSummaries(tx)), 1);
    assert.equal(await t.db.transaction((tx) => refreshSummaries(tx)), 0, "nothing left after the recount");
    assert.deepEqual(await differences(), []);
  });
});
