import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertProblem, ENGLISH } from "../support/conferences.ts";
import { createOrganisation, createRegion, createUser, demoIds, eventsSince, lastSeq, withoutInstance, type DemoIds, type FixtureUser } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/*
 * Focal officers per municipality (issue 7, part 2): the municipality's administrator names users with the
 * focal_officer role for a domain, with a substitute; the region's overview flags municipalities with none or only
 * one; the region administrator keeps them for every municipality of the region; another region sees nothing.
 */
type Json = Record<string, unknown>;
type Municipality = { municipalityId: string; municipalityName: string; count: number; coverage: string; domains: string[]; officers: Json[]; abilities: Json };

describe("focal officers per municipality", () => {
  let t: TestApp;
  let ids: DemoIds;
  let sanne: FixtureUser;
  let arnhemOfficer: FixtureUser;
  let farOfficer: FixtureUser;
  let farMunicipality: string;
  let farRegion: string;
  const c = {} as Record<"admin" | "regionAdmin" | "policy" | "focal" | "reporter" | "farAdmin", TestClient>;
  let ahmedAssignment = "";

  const overview = async (client: TestClient, query = "") => {
    const res = await client.get(`/api/v1/focal-officers${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { regions: { regionId: string; regionName: string; municipalities: Municipality[] }[] };
  };
  const municipalityIn = (o: Awaited<ReturnType<typeof overview>>, id: string) => o.regions.flatMap((r) => r.municipalities).find((m) => m.municipalityId === id);
  const assignments = async () => (await t.db.query<{ n: number }>("select count(*)::int as n from focal_officer_assignments"))[0]!.n;

  before(async () => {
    t = await startTestApp();
    ids = await demoIds(t);
    sanne = await createUser(t, { displayName: "Sanne Sociaal", organisationId: ids.organisations.zevenaar, roles: ["focal_officer"] });
    arnhemOfficer = await createUser(t, { displayName: "Anouk Arnhem", organisationId: ids.organisations.arnhem, roles: ["focal_officer"] });
    farRegion = await createRegion(t, "Regio Elders");
    farMunicipality = await createOrganisation(t, { name: "Gemeente Elders", regionIds: [farRegion] });
    farOfficer = await createUser(t, { displayName: "Evert Elders", organisationId: farMunicipality, roles: ["focal_officer"] });
    const farAdmin = await createUser(t, { organisationId: farMunicipality, roles: ["administrator"], regionAdministratorOf: [farRegion] });
    c.admin = await t.login("beheer@zevenaar.demo");
    c.regionAdmin = await t.login("regiobeheer@arnhem.demo");
    c.policy = await t.login("beleid@arnhem.demo");
    c.focal = await t.login("aandacht@zevenaar.demo");
    c.reporter = await t.login("melder@zevenaar.demo");
    c.farAdmin = await t.login(farAdmin.email, { totpSecret: farAdmin.totpSecret });
  });
  after(() => t?.close());

  it("the administrator sees who can be named: the municipality's focal officers, and the region's as substitutes", async () => {
    const res = await c.admin.get(`/api/v1/municipalities/${ids.organisations.zevenaar}/focal-officer-candidates`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as { officers: Json[]; substitutes: Json[] };
    assert.deepEqual(body.officers.map((o) => o.name), ["Ahmed Aandacht", "Sanne Sociaal"]);
    assert.deepEqual(body.substitutes.map((o) => o.name), ["Ahmed Aandacht", "Sanne Sociaal", "Anouk Arnhem"], "own municipality first, then the region's");
    assert.ok(!body.substitutes.some((o) => o.name === "Evert Elders"), "not from another region");
  });

  it("names a focal officer for safety with a substitute from another municipality: Zevenaar then has only one", async () => {
    const seq = await lastSeq(t);
    const res = await c.admin.post(`/api/v1/municipalities/${ids.organisations.zevenaar}/focal-officers`, {
      userId: ids.users["aandacht@zevenaar.demo"], domain: "safety", substituteUserId: arnhemOfficer.id,
    });
    assert.equal(res.statusCode, 201, res.body);
    const m = res.json() as Municipality;
    assert.equal(m.count, 1);
    assert.equal(m.coverage, "one");
    const officer = m.officers[0]!;
    ahmedAssignment = officer.id as string;
    assert.equal(officer.name, "Ahmed Aandacht");
    assert.equal(officer.domain, "safety");
    assert.deepEqual(officer.substitute, { userId: arnhemOfficer.id, name: "Anouk Arnhem", municipalityId: ids.organisations.arnhem, municipalityName: "Gemeente Arnhem", current: true });
    const events = await eventsSince(t, seq);
    const created = events.find((e) => e.action === "create" && e.object_type === "focal_officer_assignment")!;
    assert.equal(created.owner_organisation_id, ids.organisations.zevenaar);
    assert.equal(created.data_subject_ref, `user:${ids.users["aandacht@zevenaar.demo"]}`);
    assert.ok(events.some((e) => e.action === "list" && e.object_type === "focal_officer_assignment"), "the names shown back are audited");
  });

  it("a second focal officer from the social domain completes Zevenaar (one per domain)", async () => {
    const res = await c.admin.post(`/api/v1/municipalities/${ids.organisations.zevenaar}/focal-officers`, {
      userId: sanne.id, domain: "social", substituteUserId: ids.users["aandacht@zevenaar.demo"],
    });
    assert.equal(res.statusCode, 201, res.body);
    const m = res.json() as Municipality;
    assert.equal(m.count, 2);
    assert.deepEqual(m.domains, ["safety", "social"]);
    assert.equal(m.coverage, "complete");
  });

  it("refuses bad input with a stable code, a Dutch detail and the field, and stores nothing", async () => {
    const before = await assignments();
    const url = `/api/v1/municipalities/${ids.organisations.zevenaar}/focal-officers`;
    const cases: [Json, number, string, string, string?][] = [
      [{ userId: ids.users["melder@zevenaar.demo"], domain: "safety" }, 400, "invalid_input", "userId", "not_a_focal_officer"],
      [{ userId: arnhemOfficer.id, domain: "safety" }, 400, "invalid_input", "userId", "not_a_focal_officer"],
      [{ userId: ids.users["aandacht@zevenaar.demo"], domain: "social" }, 409, "conflict", "userId", "already_named"],
      [{ userId: sanne.id, domain: "veiligheid" }, 400, "invalid_input", "domain"],
      [{ userId: "niet-een-id", domain: "safety" }, 400, "invalid_input", "userId"],
      [{ userId: sanne.id, domain: "safety", extra: 1 }, 400, "invalid_input", ""],
    ];
    for (const [body, status, code, param, paramCode] of cases) {
      const res = await c.admin.post(url, body);
      if (param) assertProblem(res, status, code, param, paramCode);
      else assert.equal(res.statusCode, status, res.body);
      assert.doesNotMatch(res.json().detail as string, ENGLISH, res.body);
    }
    // A new focal officer of Zevenaar, to try substitutes with.
    const third = await createUser(t, { organisationId: ids.organisations.zevenaar, roles: ["focal_officer"] });
    assertProblem(await c.admin.post(url, { userId: third.id, domain: "safety", substituteUserId: third.id }), 400, "invalid_input", "substituteUserId", "same_as_officer");
    assertProblem(await c.admin.post(url, { userId: third.id, domain: "safety", substituteUserId: farOfficer.id }), 400, "invalid_input", "substituteUserId", "not_a_focal_officer");
    assertProblem(await c.admin.post(url, { userId: third.id, domain: "safety", substituteUserId: ids.users["melder@zevenaar.demo"] }), 400, "invalid_input", "substituteUserId", "not_a_focal_officer");
    assertProblem(await c.admin.patch(`/api/v1/focal-officers/${ahmedAssignment}`, { substituteUserId: ids.users["aandacht@zevenaar.demo"] }), 400, "invalid_input", "substituteUserId", "same_as_officer");
    assertProblem(await c.admin.patch(`/api/v1/focal-officers/${ahmedAssignment}`, { domain: "beide" }), 400, "invalid_input", "domain");
    assert.equal(await assignments(), before, "nothing stored");
    assert.equal((await c.admin.post(`/api/v1/municipalities/${ids.organisations.politie}/focal-officers`, { userId: sanne.id, domain: "safety" })).statusCode, 404, "only municipalities have focal officers");
  });

  it("the region's overview flags municipalities with none or only one, for the policy officer and focal officers of the region", async () => {
    // The region administrator names Arnhem's one focal officer; Duiven has none.
    const res = await c.regionAdmin.post(`/api/v1/municipalities/${ids.organisations.arnhem}/focal-officers`, { userId: arnhemOfficer.id, domain: "safety" });
    assert.equal(res.statusCode, 201, res.body);
    for (const client of [c.policy, c.focal, c.regionAdmin]) {
      const o = await overview(client);
      assert.deepEqual(o.regions.map((r) => r.regionId), [ids.regionId]);
      const coverage = Object.fromEntries(o.regions[0]!.municipalities.map((m) => [m.municipalityName, m.coverage]));
      assert.deepEqual(coverage, { "Gemeente Arnhem": "one", "Gemeente Duiven": "none", "Gemeente Zevenaar": "complete" });
    }
    const policyView = municipalityIn(await overview(c.policy), ids.organisations.zevenaar)!;
    assert.equal(policyView.abilities.create, false);
    assert.ok(policyView.officers.every((o) => (o.abilities as Json).update === false));
    const adminView = municipalityIn(await overview(c.regionAdmin), ids.organisations.duiven)!;
    assert.equal(adminView.abilities.create, true);
  });

  it("a municipality's administrator sees and keeps only their own municipality", async () => {
    const o = await overview(c.admin);
    assert.deepEqual(o.regions[0]!.municipalities.map((m) => m.municipalityName), ["Gemeente Zevenaar"]);
    const denied = await c.admin.post(`/api/v1/municipalities/${ids.organisations.arnhem}/focal-officers`, { userId: arnhemOfficer.id, domain: "social" });
    assert.equal(denied.statusCode, 404);
    const arnhem = municipalityIn(await overview(c.regionAdmin), ids.organisations.arnhem)!;
    assert.equal((await c.admin.patch(`/api/v1/focal-officers/${arnhem.officers[0]!.id as string}`, { domain: "social" })).statusCode, 404);
  });

  it("policy officers and focal officers may look but not name (403); a reporter is refused the overview", async () => {
    const url = `/api/v1/municipalities/${ids.organisations.duiven}/focal-officers`;
    assert.equal((await c.policy.post(url, { userId: sanne.id, domain: "safety" })).statusCode, 403);
    assert.equal((await c.focal.post(url, { userId: sanne.id, domain: "safety" })).statusCode, 403);
    assert.equal((await c.policy.get(`/api/v1/municipalities/${ids.organisations.duiven}/focal-officer-candidates`)).statusCode, 403);
    assert.equal((await c.policy.patch(`/api/v1/focal-officers/${ahmedAssignment}`, { domain: "social" })).statusCode, 403);
    assert.equal((await c.reporter.get("/api/v1/focal-officers")).statusCode, 403);
  });

  it("another region sees nothing of this one: not in its overview, 404 when asked, and the same answer as for nothing", async () => {
    const o = await overview(c.farAdmin);
    assert.deepEqual(o.regions.map((r) => r.regionId), [farRegion]);
    assert.deepEqual(o.regions[0]!.municipalities.map((m) => m.municipalityName), ["Gemeente Elders"]);
    const region = await c.farAdmin.get(`/api/v1/focal-officers?regionId=${ids.regionId}`);
    assert.equal(region.statusCode, 404);
    const theirs = await c.farAdmin.patch(`/api/v1/focal-officers/${ahmedAssignment}`, { domain: "social" });
    const none = await c.farAdmin.patch(`/api/v1/focal-officers/00000000-0000-4000-8000-000000000000`, { domain: "social" });
    assert.equal(theirs.statusCode, 404);
    assert.deepEqual(withoutInstance(theirs.json()), withoutInstance(none.json()));
    assert.equal((await c.farAdmin.get(`/api/v1/municipalities/${ids.organisations.zevenaar}/focal-officer-candidates`)).statusCode, 404);
    assert.equal((await c.farAdmin.delete(`/api/v1/focal-officers/${ahmedAssignment}`)).statusCode, 404);
  });

  it("changes the substitute, and a focal officer who loses the role stops counting", async () => {
    const res = await c.admin.patch(`/api/v1/focal-officers/${ahmedAssignment}`, { substituteUserId: sanne.id });
    assert.equal(res.statusCode, 200, res.body);
    const ahmed = (res.json() as Municipality).officers.find((o) => o.id === ahmedAssignment)!;
    assert.equal((ahmed.substitute as Json).name, "Sanne Sociaal");
    const cleared = await c.admin.patch(`/api/v1/focal-officers/${ahmedAssignment}`, { substituteUserId: null });
    assert.equal(((cleared.json() as Municipality).officers.find((o) => o.id === ahmedAssignment)!).substitute, null);

    await t.db.query("delete from user_roles where user_id = $1 and role = 'focal_officer'", [sanne.id]);
    const zevenaar = municipalityIn(await overview(c.policy), ids.organisations.zevenaar)!;
    assert.equal(zevenaar.count, 1);
    assert.equal(zevenaar.coverage, "one");
    assert.equal(zevenaar.officers.find((o) => o.userId === sanne.id)!.current, false, "still listed, marked as no longer counting");
    await t.db.query("insert into user_roles (user_id, role) values ($1, 'focal_officer')", [sanne.id]);
  });

  it("ends an assignment: it leaves the overview, the row stays with who ended it", async () => {
    const seq = await lastSeq(t);
    const res = await c.admin.delete(`/api/v1/focal-officers/${ahmedAssignment}`);
    assert.equal(res.statusCode, 200, res.body);
    const m = res.json() as Municipality;
    assert.deepEqual(m.officers.map((o) => o.name), ["Sanne Sociaal"]);
    assert.equal(m.coverage, "one");
    const row = await t.db.query<{ ended_by: string }>("select ended_by from focal_officer_assignments where id = $1", [ahmedAssignment]);
    assert.equal(row[0]!.ended_by, ids.users["beheer@zevenaar.demo"]);
    assert.equal((await c.admin.delete(`/api/v1/focal-officers/${ahmedAssignment}`)).statusCode, 404, "ended once");
    const events = await eventsSince(t, seq);
    assert.ok(events.some((e) => e.action === "delete" && e.object_id === ahmedAssignment));
    // Named again later: a new assignment.
    const again = await c.admin.post(`/api/v1/municipalities/${ids.organisations.zevenaar}/focal-officers`, { userId: ids.users["aandacht@zevenaar.demo"], domain: "safety" });
    assert.equal(again.statusCode, 201, again.body);
  });

  it("every overview writes a list event per municipality whose staff it showed, owned by that municipality", async () => {
    const seq = await lastSeq(t);
    await overview(c.policy);
    const events = (await eventsSince(t, seq)).filter((e) => e.action === "list" && e.object_type === "focal_officer_assignment");
    assert.deepEqual(new Set(events.map((e) => e.owner_organisation_id)), new Set([ids.organisations.zevenaar, ids.organisations.arnhem]));
    assert.ok(events.every((e) => e.actor_user_id === ids.users["beleid@arnhem.demo"] && e.actor_role === "policy_officer"));
  });
});
