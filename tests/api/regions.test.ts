import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { createRegion, demoIds, eventsSince, lastSeq, type DemoIds } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/** A region's police unit: read by its members, set by its region administrator (CoMensha counts per unit). */
describe("the police unit of a region", () => {
  let t: TestApp;
  let ids: DemoIds;
  let regionAdmin: TestClient;
  before(async () => {
    t = await startTestApp();
    ids = await demoIds(t);
    // One login per account: a TOTP code is accepted once.
    regionAdmin = await t.login("regiobeheer@arnhem.demo");
  });
  after(() => t.close());

  it("is shown with the region, and only the region administrator may change it, audited", async () => {
    const reporter = await t.login("melder@zevenaar.demo");
    const list = await reporter.get("/api/v1/regions");
    const demo = (list.json().items as { id: string; policeUnit: string | null; abilities: Record<string, boolean> }[]).find((r) => r.id === ids.regionId)!;
    assert.equal(demo.policeUnit, "oost_nederland");
    assert.equal(demo.abilities.update, false);

    const forbidden = await reporter.patch(`/api/v1/regions/${ids.regionId}`, { policeUnit: "limburg" });
    assert.equal(forbidden.statusCode, 403, forbidden.body);
    const admin = await t.login("beheer@zevenaar.demo");
    assert.equal((await admin.patch(`/api/v1/regions/${ids.regionId}`, { policeUnit: "limburg" })).statusCode, 403, "an organisation's administrator is no region administrator");

    const seq = await lastSeq(t);
    const changed = await regionAdmin.patch(`/api/v1/regions/${ids.regionId}`, { policeUnit: "midden_nederland" });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().policeUnit, "midden_nederland");
    const events = (await eventsSince(t, seq)).filter((e) => e.object_type === "region" && e.action === "update");
    assert.equal(events.length, 1);
    assert.equal(events[0]!.object_id, ids.regionId);

    const stored = await t.db.query<{ police_unit: string }>("select police_unit from regions where id = $1", [ids.regionId]);
    assert.equal(stored[0]!.police_unit, "midden_nederland");
  });

  it("refuses an unknown unit and a region elsewhere, changing nothing", async () => {
    const bad = await regionAdmin.patch(`/api/v1/regions/${ids.regionId}`, { policeUnit: "atlantis" });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, "invalid_input");
    const elsewhere = await createRegion(t, "Regio Elders (test)");
    const notMine = await regionAdmin.patch(`/api/v1/regions/${elsewhere}`, { policeUnit: "limburg" });
    const missing = await regionAdmin.patch(`/api/v1/regions/${randomUUID()}`, { policeUnit: "limburg" });
    assert.equal(notMine.statusCode, 404);
    assert.equal(notMine.json().detail, missing.json().detail);
    const stored = await t.db.query<{ police_unit: string | null }>("select police_unit from regions where id = $1", [elsewhere]);
    assert.equal(stored[0]!.police_unit, null);
  });
});
