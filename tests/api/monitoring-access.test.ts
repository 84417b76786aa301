import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { demoAccounts } from "../../src/server/demo/demo-region.ts";
import { createOrganisation, createRegion, createUser, eventsSince, lastSeq, withoutInstance } from "../support/fixtures.ts";
import { insertFile, insertReferral, insertSignals, monitorFingerprint, monitorIds, personalMarkers, type MonitorIds } from "../support/monitoring.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * Who sees what in the monitor: the areas each role is offered, exact figures only for focal officers and
 * coordinators, published (suppressed) figures for policy officers, nothing for everyone else; no endpoint of
 * the monitor returns a record, a name or a reference; bad input is refused with stable codes; every read of
 * the figures is audited.
 */
const dashboard = (query: string) => `/api/v1/monitoring/dashboard${query}`;

describe("the monitor's access rules", () => {
  let t: TestApp;
  let ids: MonitorIds;
  let focal: TestClient;
  let policy: TestClient;
  let coordinator: TestClient;
  let national: TestClient;
  let elsewhere: string;
  let elsewhereMunicipality: string;

  before(async () => {
    t = await startTestApp();
    ids = await monitorIds(t);
    const o = ids.organisations;
    const focalId = ids.users["aandacht@zevenaar.demo"]!;
    const signals = await insertSignals(t, ids, [
      { municipalityId: o.zevenaar, receivedAt: "2025-03-01T09:00:00Z", reporterUserId: ids.users["melder@zevenaar.demo"]!, reporterOrganisationId: o.zevenaar, team: "Team Handhaving", forms: ["labour"] },
      { municipalityId: o.zevenaar, receivedAt: "2025-04-01T09:00:00Z", reporterOrganisationId: o.politie, forms: ["sexual"], victimName: "Jana Slachtoffer" },
      { municipalityId: o.arnhem, receivedAt: "2025-05-01T09:00:00Z", source: "citizen", victimName: "Dirk Dader" },
      ...Array.from({ length: 7 }, (_, i) => ({ municipalityId: o.arnhem, receivedAt: `2025-06-0${i + 1}T09:00:00Z`, reporterOrganisationId: o.arnhem, forms: ["labour"] })),
    ]);
    await insertReferral(t, { signalId: signals[0]!, organisationId: o.politie, channel: "police", status: "accepted", createdAt: "2025-03-02T09:00:00Z", respondedAt: "2025-03-03T09:00:00Z", createdBy: focalId });
    await insertFile(t, ids, { signalId: signals[1], openedAt: "2025-04-10T09:00:00Z", coordinators: [ids.users["zorg@zorgcoordinatie.demo"]!] });
    elsewhere = await createRegion(t, "Regio Elders (test)");
    elsewhereMunicipality = await createOrganisation(t, { name: "Gemeente Elders", regionIds: [elsewhere] });
    // A national programme in both demo regions, with a policy officer: "all regions".
    const programme = await createOrganisation(t, { name: "Landelijk programma (test)", type: "other_partner", regionIds: [ids.regionId, ids.otherRegionId] });
    const nationalUser = await createUser(t, { email: "beleid@landelijk.test", organisationId: programme, roles: ["policy_officer"] });
    focal = await t.login("aandacht@zevenaar.demo");
    policy = await t.login("beleid@arnhem.demo");
    coordinator = await t.login("zorg@zorgcoordinatie.demo");
    national = await t.login(nationalUser.email, { totpSecret: nationalUser.totpSecret });
  });
  after(() => t.close());

  // One login per account: a TOTP code is accepted once.
  const sessions = new Map<string, Promise<TestClient>>();
  const login = (email: string) => {
    if (!sessions.has(email)) sessions.set(email, t.login(email));
    return sessions.get(email)!;
  };

  it("offers each role the areas it may see, with exact figures and the historic import where the policy allows", async () => {
    const o = ids.organisations;
    const areas = async (c: TestClient) => {
      const res = await c.get("/api/v1/monitoring/areas");
      assert.equal(res.statusCode, 200, res.body);
      return res.json().areas.map((a: { kind: string; id: string | null; exact: boolean; importHistory: boolean }) => [a.kind, a.id, a.exact, a.importHistory]);
    };
    assert.deepEqual(await areas(focal), [["municipality", o.zevenaar, true, true], ["region", ids.regionId, true, false]]);
    // Arnhem is the region's central municipality: its policy officer imports the region's earlier years.
    assert.deepEqual(await areas(policy), [["municipality", o.arnhem, false, true], ["region", ids.regionId, false, true]]);
    assert.deepEqual(await areas(coordinator), [["region", ids.regionId, true, false]]);
    assert.deepEqual(await areas(national), [["region", ids.regionId, false, false], ["region", ids.otherRegionId, false, false], ["all", null, false, false]]);
    assert.deepEqual(await areas(await login("melder@zevenaar.demo")), []);
  });

  it("a policy officer sees published figures: small numbers suppressed, exact ones refused (403)", async () => {
    const res = await policy.get(dashboard(`?area=${ids.regionId}&from=2025-01-01&to=2025-12-31`));
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.exact, false);
    const bySource = body.sections[0].tables.find((x: { id: string }) => x.id === "signals-by-source");
    const municipality = bySource.rows.find((r: { key: string }) => r.key === "municipality");
    assert.deepEqual(municipality.cells[0], { value: 8, display: "8" });
    const police = bySource.rows.find((r: { key: string }) => r.key === "police");
    assert.equal(police.cells[0].display, "<5");
    assert.equal(police.cells[0].value, null);

    const seq = await lastSeq(t);
    const internal = await policy.get(dashboard(`?area=${ids.regionId}&variant=internal`));
    assert.equal(internal.statusCode, 403, internal.body);
    assert.equal(internal.json().code, "forbidden");
    const denied = (await eventsSince(t, seq)).filter((e) => e.action === "access_denied");
    assert.equal(denied.length, 1);
    assert.equal(denied[0]!.object_type, "monitor");
  });

  it("a focal officer sees exact figures by default and may ask for the published ones", async () => {
    const exact = await focal.get(dashboard(`?area=${ids.regionId}&from=2025-01-01&to=2025-12-31`));
    assert.equal(exact.json().exact, true);
    const police = exact.json().sections[0].tables[0].rows.find((r: { key: string }) => r.key === "police");
    assert.deepEqual(police.cells[0], { value: 1, display: "1" });
    const published = await focal.get(dashboard(`?area=${ids.regionId}&from=2025-01-01&to=2025-12-31&variant=published`));
    assert.equal(published.json().exact, false);
    assert.equal(published.json().sections[0].tables[0].rows.find((r: { key: string }) => r.key === "police").cells[0].display, "<5");
  });

  it("an area elsewhere answers exactly like one that does not exist (404)", async () => {
    for (const c of [focal, policy, coordinator]) {
      const foreign = await c.get(dashboard(`?area=${elsewhere}`));
      const foreignMunicipality = await c.get(dashboard(`?area=${elsewhereMunicipality}`));
      const missing = await c.get(dashboard(`?area=${randomUUID()}`));
      assert.equal(foreign.statusCode, 404, foreign.body);
      assert.equal(foreignMunicipality.statusCode, 404);
      assert.equal(missing.statusCode, 404);
      assert.deepEqual(withoutInstance(foreign.json()), withoutInstance(missing.json()));
      assert.deepEqual(withoutInstance(foreignMunicipality.json()), withoutInstance(missing.json()));
    }
    // The other demo region is not the focal officer's.
    assert.equal((await focal.get(dashboard(`?area=${ids.otherRegionId}`))).statusCode, 404);
    // "All regions" for an actor with one region is that region's union: allowed, counted the same.
    const all = await focal.get(dashboard("?area=all&from=2025-01-01&to=2025-12-31"));
    assert.equal(all.statusCode, 200, all.body);
    assert.equal(all.json().area.kind, "all");
  });

  it("reporters, partners, administrators and privacy officers get no figures; without a session 401", async () => {
    for (const email of ["melder@zevenaar.demo", "politie@politie.demo", "beheer@zevenaar.demo", "regiobeheer@arnhem.demo", "privacy@zevenaar.demo", "voorzitter@zvh.demo"]) {
      const c = await login(email);
      for (const query of ["", `?area=${ids.regionId}`, `?area=${ids.organisations.zevenaar}`, "?area=all"]) {
        const res = await c.get(dashboard(query));
        assert.ok([403, 404].includes(res.statusCode), `${email} ${query}: ${res.statusCode}`);
      }
    }
    const anonymous = t.client();
    assert.equal((await anonymous.get(dashboard(""))).statusCode, 401);
    assert.equal((await anonymous.get("/api/v1/monitoring/areas")).statusCode, 401);
  });

  it("no monitor endpoint gives a policy officer (or anyone) a record, a name or a reference", async () => {
    const o = ids.organisations;
    const references = (await t.db.query<{ reference: string }>("select reference from signals union all select reference from victim_files")).map((r) => r.reference);
    const people = demoAccounts.flatMap((a) => [a.email, a.displayName]).concat(["beleid@landelijk.test"]);
    const forbidden = [...personalMarkers, ...references, ...people];
    const responses: [string, string][] = [];
    for (const [who, c] of [["policy", policy], ["national", national], ["focal", focal]] as const) {
      responses.push([`${who} areas`, (await c.get("/api/v1/monitoring/areas")).body]);
      for (const area of [o.arnhem, o.zevenaar, ids.regionId, "all"]) {
        for (const variant of ["", "&variant=published"]) {
          const res = await c.get(dashboard(`?area=${area}&from=2025-01-01&to=2025-12-31&compare=true${variant}`));
          if (res.statusCode === 200) responses.push([`${who} ${area}${variant}`, res.body]);
        }
      }
    }
    assert.ok(responses.length >= 15, `${responses.length} responses scanned`);
    for (const [what, body] of responses) {
      for (const marker of forbidden) assert.ok(!body.includes(marker), `${what} contains ${marker}`);
    }
  });

  it("refuses bad input with stable codes and stores nothing", async () => {
    const before = await monitorFingerprint(t);
    const cases: [string, string, string][] = [
      ["?from=2025-13-01", "from", "invalid_format"],
      ["?from=2025-02-30", "from", "invalid_format"],
      ["?from=2025-06-01&to=2025-05-31", "to", "period_reversed"],
      ["?from=2015-01-01&to=2025-01-01", "to", "period_too_long"],
      ["?from=1985-01-01", "from", "custom"],
      ["?area=zevenaar", "area", "invalid_format"],
      ["?compare=misschien", "compare", "invalid_value"],
      ["?variant=geheim", "variant", "invalid_value"],
      ["?foo=1", "foo", "unrecognized_keys"],
    ];
    for (const [query, name, code] of cases) {
      const res = await focal.get(dashboard(query));
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      assert.equal(res.json().code, "invalid_input");
      const param = res.json().invalidParams.find((p: { name: string }) => p.name === name);
      assert.ok(param, `${query}: ${res.body}`);
      assert.equal(param.code, code, `${query}: ${res.body}`);
      if (code === "invalid_format" && name === "from") assert.match(param.reason, /JJJJ-MM-DD/, "the reason says how to write a date");
    }
    // A period of exactly ten years is fine.
    assert.equal((await focal.get(dashboard("?from=2015-01-01&to=2024-12-31"))).statusCode, 200);
    const afterwards = await monitorFingerprint(t);
    assert.deepEqual({ ...afterwards, audit_events: 0 }, { ...before, audit_events: 0 });
    assert.equal(afterwards.audit_events, before.audit_events! + 1, "only the one good read is audited");
  });

  it("audits every read of the figures in one event, without personal data", async () => {
    const seq = await lastSeq(t);
    const res = await policy.get(dashboard(`?area=${ids.organisations.arnhem}&from=2025-01-01&to=2025-06-30&compare=true`));
    assert.equal(res.statusCode, 200);
    const events = await eventsSince(t, seq);
    assert.equal(events.length, 1);
    const e = events[0]!;
    assert.equal(e.action, "read");
    assert.equal(e.object_type, "monitor");
    assert.equal(e.object_id, ids.organisations.arnhem);
    assert.equal(e.actor_role, "policy_officer");
    assert.equal(e.result, "success");
    assert.equal(e.data_subject_ref, null);
    assert.deepEqual(JSON.parse(e.details!), {
      area: { kind: "municipality", id: ids.organisations.arnhem },
      period: { from: "2025-01-01", to: "2025-06-30" },
      comparison: { from: "2024-01-01", to: "2024-06-30" },
      variant: "published",
    });
    // The areas list is no read of figures.
    const seq2 = await lastSeq(t);
    await policy.get("/api/v1/monitoring/areas");
    assert.equal((await eventsSince(t, seq2)).length, 0);
  });

  it("the region administrator sets the region's suppression threshold (2–50); the published figures follow it", async () => {
    const admin = await login("regiobeheer@arnhem.demo");
    const region = (await admin.get("/api/v1/regions")).json().items.find((r: { id: string }) => r.id === ids.regionId);
    assert.equal(region.suppressionThreshold, 5);
    for (const bad of [1, 51, 2.5, "10"]) {
      const res = await admin.patch(`/api/v1/regions/${ids.regionId}`, { suppressionThreshold: bad });
      assert.equal(res.statusCode, 400, `${bad}: ${res.body}`);
    }
    const reporter = await login("melder@zevenaar.demo");
    assert.equal((await reporter.patch(`/api/v1/regions/${ids.regionId}`, { suppressionThreshold: 10 })).statusCode, 403);
    const stored = await t.db.query<{ suppression_threshold: number }>("select suppression_threshold from regions where id = $1", [ids.regionId]);
    assert.equal(stored[0]!.suppression_threshold, 5);

    const changed = await admin.patch(`/api/v1/regions/${ids.regionId}`, { suppressionThreshold: 10 });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().suppressionThreshold, 10);
    const res = await policy.get(dashboard(`?area=${ids.regionId}&from=2025-01-01&to=2025-12-31`));
    assert.equal(res.json().threshold, 10);
    const municipality = res.json().sections[0].tables[0].rows.find((r: { key: string }) => r.key === "municipality");
    assert.equal(municipality.cells[0].display, "<10");
    await admin.patch(`/api/v1/regions/${ids.regionId}`, { suppressionThreshold: 5 });
  });
});
