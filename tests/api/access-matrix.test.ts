import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { after, before, describe, it } from "node:test";
import { grants, roles, type Resource, type Role } from "../../src/server/kernel/policy/matrix.ts";
import { createOrganisation, createRegion, createUser, demoIds, withoutInstance, type FixtureUser } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The access matrix exercised over HTTP, generated from matrix.ts. The world is described symbolically
 * (organisations, their regions, who administers what) so the expected answer of every cell is computed
 * from the grants before anything runs; the setup then builds that world in the database.
 *
 *   region R1 (demo): Zevenaar, Arnhem        region R2: Elders
 *   actors: one user per role in Zevenaar, the demo region administrator (Arnhem, administers R1)
 *   users looked at: oneself, a user in Zevenaar, one in Arnhem, one in Elders
 */
type Org = "zevenaar" | "arnhem" | "elders";
type Region = "R1" | "R2";
const orgRegions: Record<Org, Region[]> = { zevenaar: ["R1"], arnhem: ["R1"], elders: ["R2"] };
const ORGS: Org[] = ["zevenaar", "arnhem", "elders"];
const REGIONS: Region[] = ["R1", "R2"];

interface ActorSpec {
  key: string;
  label: string;
  org: Org;
  roles: Role[];
  adminRegions: Region[];
}
const actorSpecs: ActorSpec[] = [
  ...roles.map((role) => ({ key: role, label: `${role} of Zevenaar`, org: "zevenaar" as Org, roles: [role], adminRegions: [] as Region[] })),
  { key: "region_admin", label: "region administrator of R1 (Arnhem)", org: "arnhem", roles: ["administrator"], adminRegions: ["R1"] },
];

type UserTarget = "self" | Org;
const userTargets: UserTarget[] = ["self", "zevenaar", "arnhem", "elders"];
const targetLabel = (t: UserTarget) => (t === "self" ? "oneself" : `a user of ${t}`);

const overlaps = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/** The relations the actor has to a record, by the meaning of each relation (matrix.ts comments). */
function userRelations(a: ActorSpec, target: UserTarget | { org: Org }): string[] {
  if (target === "self") return ["self"];
  const org = typeof target === "string" ? target : target.org;
  const rels: string[] = [];
  if (org === a.org) rels.push("same_organisation");
  if (overlaps(orgRegions[org], a.adminRegions)) rels.push("administered_region");
  return rels;
}
function organisationRelations(a: ActorSpec, target: Org | { newIn: Region }): string[] {
  const regions = typeof target === "string" ? orgRegions[target] : [target.newIn];
  const rels: string[] = [];
  if (target === a.org) rels.push("own");
  if (target !== a.org && overlaps(regions, orgRegions[a.org])) rels.push("same_region");
  if (overlaps(regions, a.adminRegions)) rels.push("administered_region");
  return rels;
}
function regionRelations(a: ActorSpec, region: Region): string[] {
  const rels: string[] = [];
  if (orgRegions[a.org].includes(region)) rels.push("member");
  if (a.adminRegions.includes(region)) rels.push("administered");
  return rels;
}

const allowed = (resource: Resource, relations: string[], actorRoles: Role[], action: string) =>
  grants.some(
    (g) => g.resource === resource && relations.includes(g.relation) && g.roles.some((r) => actorRoles.includes(r)) && (g.actions as readonly string[]).includes(action),
  );
/** 2xx when a grant allows it; otherwise 403 if the actor may read the record, 404 if not even that. */
const expected = (resource: Resource, relations: string[], actorRoles: Role[], action: string, ok: number) =>
  allowed(resource, relations, actorRoles, action) ? ok : action !== "read" && allowed(resource, relations, actorRoles, "read") ? 403 : 404;

describe("the access matrix over HTTP", () => {
  let t: TestApp;
  const regionIds = {} as Record<Region, string>;
  const orgIds = {} as Record<Org, string>;
  const actors = new Map<string, { spec: ActorSpec; client: TestClient; userId: string }>();
  const targets = {} as Record<Org, FixtureUser>;
  const auditTargets = {} as Record<Org, string>;
  let eldersReporter: TestClient;

  before(async () => {
    t = await startTestApp();
    const demo = await demoIds(t);
    regionIds.R1 = demo.regionId;
    orgIds.zevenaar = demo.organisations.zevenaar;
    orgIds.arnhem = demo.organisations.arnhem;
    regionIds.R2 = await createRegion(t, "Regio Elders (test)");
    orgIds.elders = await createOrganisation(t, { name: "Gemeente Elders", regionIds: [regionIds.R2] });

    for (const spec of actorSpecs) {
      if (spec.key === "region_admin") {
        const client = await t.login("regiobeheer@arnhem.demo");
        actors.set(spec.key, { spec, client, userId: demo.users["regiobeheer@arnhem.demo"]! });
        continue;
      }
      const user = await createUser(t, { email: `${spec.key}@zevenaar.test`, organisationId: orgIds.zevenaar, roles: spec.roles });
      const client = await t.login(user.email, { totpSecret: user.totpSecret });
      actors.set(spec.key, { spec, client, userId: user.id });
    }
    for (const org of ORGS) {
      targets[org] = await createUser(t, { email: `target@${org}.test`, organisationId: orgIds[org], roles: ["reporter"] });
    }
    const elders = await createUser(t, { email: "reporter@elders.test", organisationId: orgIds.elders, roles: ["reporter"] });
    eldersReporter = await t.login(elders.email);
    // One audit event per organisation, with that organisation as actor and owner (their logins).
    for (const org of ORGS) {
      const rows = await t.db.query<{ id: string }>(
        "select id from audit_events where actor_organisation_id = $1 and owner_organisation_id = $1 and action = 'login' order by seq limit 1",
        [orgIds[org]],
      );
      auditTargets[org] = rows[0]!.id;
    }
  });
  after(() => t.close());

  const actor = (key: string) => actors.get(key)!;
  const userId = (spec: ActorSpec, target: UserTarget) => (target === "self" ? actor(spec.key).userId : targets[target].id);
  const ok2xx = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;

  /** Asserts the status; a 404 must be indistinguishable from a record that does not exist. */
  async function check(res: LightMyRequestResponse, status: number, missing: () => Promise<LightMyRequestResponse>, what: string) {
    assert.equal(res.statusCode, status, `${what}: ${res.body}`);
    if (status === 403) assert.equal(res.json().code, "forbidden", what);
    if (status === 404) {
      const reference = await missing();
      assert.equal(reference.statusCode, 404, `${what}: reference ${reference.body}`);
      assert.deepEqual(withoutInstance(res.json()), withoutInstance(reference.json()), `${what}: 404 differs from a nonexistent record`);
    }
  }

  for (const spec of actorSpecs) {
    describe(spec.label, () => {
      for (const target of userTargets) {
        const rels = userRelations(spec, target);
        const cells = {
          read: expected("user", rels, spec.roles, "read", 200),
          update: expected("user", rels, spec.roles, "update", 200),
          deactivate: expected("user", rels, spec.roles, "deactivate", 200),
        };
        it(`user: ${targetLabel(target)} [${rels.join(",") || "no relation"}] read ${cells.read}, update ${cells.update}, deactivate ${cells.deactivate}`, async () => {
          const c = actor(spec.key).client;
          const id = userId(spec, target);
          const missing = (method: "GET" | "PATCH", body?: unknown) => () => c.request(method, `/api/v1/users/${randomUUID()}`, body);

          await check(await c.get(`/api/v1/users/${id}`), cells.read, missing("GET"), "read");
          if (cells.read === 200) {
            const body = (await c.get(`/api/v1/users/${id}`)).json();
            assert.equal(body.id, id);
            assert.equal(body.abilities.update, cells.update === 200);
            assert.equal(body.abilities.deactivate, cells.deactivate === 200);
          }

          const rename = { displayName: `Hernoemd door ${spec.key}` };
          const res = await c.patch(`/api/v1/users/${id}`, rename);
          await check(res, cells.update, missing("PATCH", rename), "update");
          if (ok2xx(res)) assert.equal(res.json().displayName, rename.displayName);

          // Deactivation of oneself is refused before it could end one's own session.
          const deactivate = await c.patch(`/api/v1/users/${id}`, { active: false });
          await check(deactivate, cells.deactivate, missing("PATCH", { active: false }), "deactivate");
          const stored = await t.db.query<{ active: boolean }>("select active from users where id = $1", [id]);
          assert.equal(stored[0]!.active, cells.deactivate !== 200);
          if (cells.deactivate === 200) {
            assert.equal(deactivate.json().active, false);
            await t.db.query("update users set active = true where id = $1", [id]);
          }
        });
      }

      for (const org of ORGS) {
        const rels = userRelations(spec, { org });
        const status = expected("user", rels, spec.roles, "create", 201);
        it(`user: create in ${org} [${rels.join(",") || "no relation"}] ${status}`, async () => {
          const c = actor(spec.key).client;
          const body = (organisationId: string) => ({
            email: `new-${randomUUID().slice(0, 8)}@${org}.test`,
            displayName: "Nieuwe Collega",
            organisationId,
            roles: ["reporter"],
            password: "een-lang-genoeg-wachtwoord",
          });
          const before = (await t.db.query<{ n: number }>("select count(*)::int as n from users"))[0]!.n;
          const res = await c.post("/api/v1/users", body(orgIds[org]));
          await check(res, status, () => c.post("/api/v1/users", body(randomUUID())), "create");
          const afterCount = (await t.db.query<{ n: number }>("select count(*)::int as n from users"))[0]!.n;
          assert.equal(afterCount, before + (status === 201 ? 1 : 0));
          if (status === 201) assert.equal(res.json().organisationId, orgIds[org]);
        });
      }

      it("user: the list holds exactly the users the matrix lets them list", async () => {
        const c = actor(spec.key).client;
        const res = await c.get("/api/v1/users?pageSize=200");
        assert.equal(res.statusCode, 200);
        const all = await t.db.query<{ id: string; organisation_id: string; in_r1: boolean }>(
          "select u.id, u.organisation_id, exists (select 1 from region_members m where m.organisation_id = u.organisation_id and m.region_id = $1) as in_r1 from users u",
          [regionIds.R1],
        );
        const orgOf = (id: string) => ORGS.find((o) => orgIds[o] === id);
        const want = all
          .filter((u) => {
            if (u.id === actor(spec.key).userId) return allowed("user", ["self"], spec.roles, "list");
            const org = orgOf(u.organisation_id);
            // Users of the demo's other organisations: in R1 like Arnhem (but another organisation), or in a
            // region of their own (the demo's second region), where no actor here has a relation.
            const rels = org ? userRelations(spec, { org }) : u.in_r1 ? userRelations(spec, { org: "arnhem" }).filter((r) => r !== "same_organisation") : [];
            return allowed("user", rels, spec.roles, "list");
          })
          .map((u) => u.id)
          .sort();
        const got = (res.json().items as { id: string }[]).map((u) => u.id).sort();
        assert.deepEqual(got, want);
        assert.equal(res.json().total, want.length);
      });

      for (const org of ORGS) {
        const rels = organisationRelations(spec, org);
        const read = expected("organisation", rels, spec.roles, "read", 200);
        const update = expected("organisation", rels, spec.roles, "update", 200);
        it(`organisation: ${org} [${rels.join(",") || "no relation"}] read ${read}, update ${update}`, async () => {
          const c = actor(spec.key).client;
          await check(await c.get(`/api/v1/organisations/${orgIds[org]}`), read, () => c.get(`/api/v1/organisations/${randomUUID()}`), "read");
          await check(
            await c.patch(`/api/v1/organisations/${orgIds[org]}`, { active: true }),
            update,
            () => c.patch(`/api/v1/organisations/${randomUUID()}`, { active: true }),
            "update",
          );
        });
      }

      for (const region of REGIONS) {
        const rels = organisationRelations(spec, { newIn: region });
        const status = expected("organisation", rels, spec.roles, "create", 201);
        it(`organisation: create in ${region} [${rels.join(",") || "no relation"}] ${status}`, async () => {
          const c = actor(spec.key).client;
          const body = (regionId: string) => ({ name: `Partner ${randomUUID().slice(0, 8)}`, type: "shelter", regionId });
          const res = await c.post("/api/v1/organisations", body(regionIds[region]));
          await check(res, status, () => c.post("/api/v1/organisations", body(randomUUID())), "create");
          if (status === 201) assert.deepEqual(res.json().regionIds, [regionIds[region]]);
          const created = await t.db.query("select 1 from organisations where name = $1", [body("").name]);
          assert.equal(created.length, 0);
        });
      }

      it("organisation and region: the lists hold exactly what the matrix lets them list", async () => {
        const c = actor(spec.key).client;
        const orgs = await c.get("/api/v1/organisations");
        assert.equal(orgs.statusCode, 200);
        const allOrgs = await t.db.query<{ id: string; region_ids: string | string[] }>(
          "select o.id, (select coalesce(json_agg(m.region_id), '[]'::json) from region_members m where m.organisation_id = o.id) as region_ids from organisations o",
        );
        const regionOf = (id: string) => REGIONS.find((r) => regionIds[r] === id)!;
        const actorOrgId = orgIds[spec.org];
        const wantOrgs = allOrgs
          .filter((o) => {
            const regions = (typeof o.region_ids === "string" ? JSON.parse(o.region_ids) : o.region_ids) as string[];
            const symbolic = regions.map(regionOf);
            const rels: string[] = [];
            if (o.id === actorOrgId) rels.push("own");
            if (o.id !== actorOrgId && overlaps(symbolic, orgRegions[spec.org])) rels.push("same_region");
            if (overlaps(symbolic, spec.adminRegions)) rels.push("administered_region");
            return allowed("organisation", rels, spec.roles, "list");
          })
          .map((o) => o.id)
          .sort();
        assert.deepEqual((orgs.json().items as { id: string }[]).map((o) => o.id).sort(), wantOrgs);
        assert.ok(!wantOrgs.includes(orgIds.elders) || spec.adminRegions.includes("R2"));

        const regions = await c.get("/api/v1/regions");
        assert.equal(regions.statusCode, 200);
        const wantRegions = REGIONS.filter((r) => allowed("region", regionRelations(spec, r), spec.roles, "list")).map((r) => regionIds[r]).sort();
        assert.deepEqual((regions.json().items as { id: string }[]).map((r) => r.id).sort(), wantRegions);
      });

      for (const org of ORGS) {
        const rels = org === spec.org ? ["own_organisation"] : [];
        const status = expected("audit_event", rels, spec.roles, "read", 200);
        it(`audit event: an event of ${org} [${rels.join(",") || "no relation"}] read ${status}`, async () => {
          const c = actor(spec.key).client;
          await check(await c.get(`/api/v1/audit-events/${auditTargets[org]}`), status, () => c.get(`/api/v1/audit-events/${randomUUID()}`), "read");
        });
      }

      it("audit event: the search shows exactly the events of their organisation, or none without a grant", async () => {
        const c = actor(spec.key).client;
        const orgId = orgIds[spec.org];
        const visible = await t.db.query<{ n: number }>(
          "select count(*)::int as n from audit_events where actor_organisation_id = $1 or owner_organisation_id = $1",
          [orgId],
        );
        const res = await c.get("/api/v1/audit-events?pageSize=200");
        assert.equal(res.statusCode, 200);
        const mayList = allowed("audit_event", ["own_organisation"], spec.roles, "list");
        assert.equal(res.json().total, mayList ? visible[0]!.n : 0);
        const ids = (res.json().items as { id: string }[]).map((e) => e.id);
        if (ids.length > 0) {
          const foreign = await t.db.query(
            `select id from audit_events where id in (${ids.map((_, i) => `$${i + 2}`).join(",")})
               and coalesce(actor_organisation_id::text, '') <> $1 and coalesce(owner_organisation_id::text, '') <> $1`,
            [orgId, ...ids],
          );
          assert.deepEqual(foreign, [], "events of other organisations leaked");
        }
      });

      it("cannot change their own roles or deactivate themselves", async () => {
        const { client: c, userId: me } = actor(spec.key);
        const rolesBefore = await t.db.query("select role, region_id from user_roles where user_id = $1 order by role, region_id", [me]);
        for (const body of [{ roles: ["administrator", "privacy_officer"] }, { regionAdministratorOf: [regionIds.R1, regionIds.R2] }, { active: false }]) {
          const res = await c.patch(`/api/v1/users/${me}`, body);
          assert.equal(res.statusCode, 403, `${JSON.stringify(body)}: ${res.body}`);
        }
        assert.deepEqual(await t.db.query("select role, region_id from user_roles where user_id = $1 order by role, region_id", [me]), rolesBefore);
        assert.equal((await c.get("/api/v1/session")).json().authenticated, true);
      });
    });
  }

  describe("handing out region administration", () => {
    it("an organisation administrator cannot make anyone region administrator, neither new nor existing", async () => {
      const c = actor("administrator").client;
      const created = await c.post("/api/v1/users", {
        email: "would-be-region-admin@zevenaar.test",
        displayName: "Niet Regio",
        organisationId: orgIds.zevenaar,
        roles: ["administrator"],
        regionAdministratorOf: [regionIds.R1],
        password: "een-lang-genoeg-wachtwoord",
      });
      assert.equal(created.statusCode, 403, created.body);
      assert.equal((await t.db.query("select 1 from users where email_hash = $1", [t.kernel.crypto.blindIndex("email", "would-be-region-admin@zevenaar.test")])).length, 0);

      const promoted = await c.patch(`/api/v1/users/${targets.zevenaar.id}`, { roles: ["administrator"], regionAdministratorOf: [regionIds.R1] });
      assert.equal(promoted.statusCode, 403, promoted.body);
      const stored = await t.db.query<{ role: string; region_id: string | null }>("select role, region_id from user_roles where user_id = $1", [targets.zevenaar.id]);
      assert.deepEqual(stored, [{ role: "reporter", region_id: null }]);
    });

    it("a region administrator can hand out their own region, but not another region", async () => {
      const c = actor("region_admin").client;
      const elsewhere = await c.patch(`/api/v1/users/${targets.zevenaar.id}`, { regionAdministratorOf: [regionIds.R2] });
      assert.equal(elsewhere.statusCode, 403, elsewhere.body);
      const granted = await c.patch(`/api/v1/users/${targets.zevenaar.id}`, { regionAdministratorOf: [regionIds.R1] });
      assert.equal(granted.statusCode, 200, granted.body);
      assert.deepEqual(granted.json().regionAdministratorOf, [regionIds.R1]);
      const revoked = await c.patch(`/api/v1/users/${targets.zevenaar.id}`, { regionAdministratorOf: [] });
      assert.equal(revoked.statusCode, 200, revoked.body);
      assert.deepEqual(revoked.json().regionAdministratorOf, []);
    });
  });

  describe("without a valid session", () => {
    const endpoints = (ids: { user: string; org: string; event: string; region: string }): [string, string, unknown?][] => [
      ["GET", "/api/v1/users"],
      ["GET", `/api/v1/users/${ids.user}`],
      ["PATCH", `/api/v1/users/${ids.user}`, { displayName: "X" }],
      ["POST", "/api/v1/users", { email: "x@x.test", displayName: "X", organisationId: ids.org, roles: ["reporter"], password: "een-lang-genoeg-wachtwoord" }],
      ["GET", "/api/v1/organisations"],
      ["GET", `/api/v1/organisations/${ids.org}`],
      ["PATCH", `/api/v1/organisations/${ids.org}`, { active: true }],
      ["POST", "/api/v1/organisations", { name: "Anoniem Opgericht", type: "shelter", regionId: ids.region }],
      ["GET", "/api/v1/regions"],
      ["GET", "/api/v1/audit-events"],
      ["GET", `/api/v1/audit-events/${ids.event}`],
    ];

    it("anonymous requests get 401 on every endpoint", async () => {
      const c = t.client();
      for (const [method, url, body] of endpoints({ user: targets.zevenaar.id, org: orgIds.zevenaar, event: auditTargets.zevenaar, region: regionIds.R1 })) {
        const res = await c.request(method as "GET", url, body);
        assert.equal(res.statusCode, 401, `${method} ${url}: ${res.body}`);
        assert.equal(res.json().code, "unauthenticated");
      }
    });

    it("a deactivated user's old session gets 401 on everything, at once", async () => {
      const victim = await createUser(t, { email: "soon-inactive@zevenaar.test", organisationId: orgIds.zevenaar, roles: ["privacy_officer"] });
      const c = await t.login(victim.email, { totpSecret: victim.totpSecret });
      assert.equal((await c.get("/api/v1/audit-events")).statusCode, 200);
      const res = await actor("administrator").client.patch(`/api/v1/users/${victim.id}`, { active: false });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal((await t.db.query("select 1 from sessions where user_id = $1", [victim.id])).length, 0);
      for (const [method, url, body] of endpoints({ user: victim.id, org: orgIds.zevenaar, event: auditTargets.zevenaar, region: regionIds.R1 })) {
        const r = await c.request(method as "GET", url, body);
        assert.equal(r.statusCode, 401, `${method} ${url}: ${r.body}`);
      }
      assert.equal((await c.get("/api/v1/session")).json().authenticated, false);
    });

    it("a user of another region sees only their own region and organisation", async () => {
      const orgs = await eldersReporter.get("/api/v1/organisations");
      assert.deepEqual((orgs.json().items as { id: string }[]).map((o) => o.id), [orgIds.elders]);
      const regions = await eldersReporter.get("/api/v1/regions");
      assert.deepEqual((regions.json().items as { id: string }[]).map((r) => r.id), [regionIds.R2]);
      assert.equal((await eldersReporter.get(`/api/v1/organisations/${orgIds.zevenaar}`)).statusCode, 404);
    });
  });
});
