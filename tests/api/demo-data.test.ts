import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { seedDemoModules } from "../../src/server/demo/demo-modules.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

/*
 * `npm start` loads the demo region and then every module's demo data (src/server/main.ts). The other tests
 * start from the region alone; this one loads the rest as npm start does and checks that each module has
 * what the README promises, that the logins reach it, and that the audit trail's chain holds.
 */
describe("the demo that npm start loads", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await seedDemoModules(t.kernel);
  });
  after(() => t?.close());

  it("fills every module: signals, care, conferences, the social map, focal officers, the plan and training", async () => {
    const tables = [
      "signals", "victim_files", "meetings", "agenda_items", "administrative_measures", "social_map_entries", "cooperation_agreements",
      "focal_officer_assignments", "implementation_plans", "plan_activities", "training_offers", "training_participants", "training_targets",
    ];
    for (const table of tables) {
      const rows = await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
      assert.ok(rows[0]!.n > 0, `${table} is empty in the demo`);
    }
  });

  it("the demo accounts reach their part of it", async () => {
    const chair = await t.login("voorzitter@zvh.demo");
    const meetings = await chair.get("/api/v1/meetings");
    assert.equal(meetings.statusCode, 200, meetings.body);
    assert.ok((meetings.json().items as unknown[]).length > 0, "the chair sees the planned conference");

    const focal = await t.login("aandacht@zevenaar.demo");
    const map = await focal.get("/api/v1/social-map-entries");
    assert.equal(map.statusCode, 200, map.body);
    assert.ok((map.json().items as unknown[]).length > 0, "the social map has entries");

    const policy = await t.login("beleid@arnhem.demo");
    const plans = await policy.get("/api/v1/implementation-plans");
    assert.equal(plans.statusCode, 200, plans.body);
    assert.ok((plans.json().items as unknown[]).length > 0, "the policy officer sees the region's plan");
    const coverage = await policy.get("/api/v1/training-coverage");
    assert.equal(coverage.statusCode, 200, coverage.body);
  });

  it("leaves the audit trail's hash chain intact", async () => {
    const result = await t.kernel.audit.verify(t.db);
    assert.equal(result.ok, true, JSON.stringify(result));
  });
});
