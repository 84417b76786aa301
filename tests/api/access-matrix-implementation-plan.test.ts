import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { LightMyRequestResponse } from "fastify";
import { grants, roles, type Role } from "../../src/server/kernel/policy/matrix.ts";
import { createOrganisation, createRegion, createUser, demoIds, withoutInstance } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The implementation plan's cells of the access matrix over HTTP, generated from matrix.ts: every role in
 * Zevenaar and the region administrator meet a regional plan of Arnhem (central municipality, same region),
 * Zevenaar's own plan, and a plan of a municipality in another region; read, list, update, report and create
 * answer exactly as the grants say (403 when the plan may be read, else 404 like a plan that does not exist).
 */
type Org = "zevenaar" | "arnhem" | "elders";
const orgRegions: Record<Org, ("R1" | "R2")[]> = { zevenaar: ["R1"], arnhem: ["R1"], elders: ["R2"] };
const PLANS: Org[] = ["arnhem", "zevenaar", "elders"];

interface Spec { key: string; org: Org; roles: Role[] }
const specs: Spec[] = [...roles.map((role) => ({ key: role, org: "zevenaar" as Org, roles: [role] })), { key: "region_admin", org: "arnhem", roles: ["administrator"] }];

const relations = (a: Spec, owner: Org) => [
  ...(owner === a.org ? ["managing_municipality"] : []),
  ...(orgRegions[owner].some((r) => orgRegions[a.org].includes(r)) ? ["region_member"] : []),
];
const allowed = (rels: string[], actorRoles: Role[], action: string) =>
  grants.some((g) => g.resource === "implementation_plan" && rels.includes(g.relation) && g.roles.some((r) => actorRoles.includes(r)) && (g.actions as readonly string[]).includes(action));
const expected = (rels: string[], actorRoles: Role[], action: string, ok: number) =>
  allowed(rels, actorRoles, action) ? ok : action !== "read" && allowed(rels, actorRoles, "read") ? 403 : 404;

describe("the access matrix of the implementation plan over HTTP", () => {
  let t: TestApp;
  const orgIds = {} as Record<Org, string>;
  const planIds = {} as Record<Org, string>;
  const clients = new Map<string, TestClient>();

  before(async () => {
    t = await startTestApp();
    const demo = await demoIds(t);
    orgIds.zevenaar = demo.organisations.zevenaar;
    orgIds.arnhem = demo.organisations.arnhem;
    const r2 = await createRegion(t, "Regio Elders (test)");
    orgIds.elders = await createOrganisation(t, { name: "Gemeente Elders", regionIds: [r2] });
    const regionOf: Record<Org, string> = { zevenaar: demo.regionId, arnhem: demo.regionId, elders: r2 };
    for (const owner of PLANS) {
      const rows = await t.db.query<{ id: string }>(
        `insert into implementation_plans (scope, owner_organisation_id, region_id, title, period_start, period_end, created_at, updated_at)
         values ($1, $2, $3, $4, 2024, 2026, now(), now()) returning id`,
        [owner === "arnhem" ? "region" : "municipality", orgIds[owner], regionOf[owner], `Plan van ${owner}`],
      );
      planIds[owner] = rows[0]!.id;
    }
    for (const spec of specs) {
      if (spec.key === "region_admin") {
        clients.set(spec.key, await t.login("regiobeheer@arnhem.demo"));
        continue;
      }
      const user = await createUser(t, { email: `${spec.key}@zevenaar.test`, organisationId: orgIds.zevenaar, roles: spec.roles });
      clients.set(spec.key, await t.login(user.email, { totpSecret: user.totpSecret }));
    }
  });
  after(() => t?.close());

  async function check(res: LightMyRequestResponse, status: number, client: TestClient, what: string) {
    assert.equal(res.statusCode, status, `${what}: ${res.body}`);
    if (status === 403) assert.equal(res.json().code, "forbidden", what);
    if (status === 404) {
      const missing = await client.get("/api/v1/implementation-plans/00000000-0000-4000-8000-000000000000");
      assert.deepEqual(withoutInstance(res.json()), withoutInstance(missing.json()), `${what}: 404 as for a plan that does not exist`);
    }
  }

  for (const spec of specs) {
    describe(`${spec.key} of ${spec.org}`, () => {
      for (const owner of PLANS) {
        const rels = relations(spec, owner);
        const cells = { read: expected(rels, spec.roles, "read", 200), update: expected(rels, spec.roles, "update", 200), report: expected(rels, spec.roles, "report", 200) };
        it(`${owner}'s plan: read ${cells.read}, update ${cells.update}, report ${cells.report}, listed ${allowed(rels, spec.roles, "list")}`, async () => {
          const client = clients.get(spec.key)!;
          const id = planIds[owner];
          await check(await client.get(`/api/v1/implementation-plans/${id}`), cells.read, client, "read");
          await check(await client.patch(`/api/v1/implementation-plans/${id}`, { title: `Plan van ${owner}` }), cells.update, client, "update");
          await check(await client.post(`/api/v1/implementation-plans/${id}/reports`, { format: "xlsx" }), cells.report, client, "report");
          const list = await client.get("/api/v1/implementation-plans");
          assert.equal(list.statusCode, 200, list.body);
          assert.equal((list.json().items as { id: string }[]).some((p) => p.id === id), allowed(rels, spec.roles, "list"), "listed");
        });
      }
      const create = allowed(["managing_municipality"], spec.roles, "create");
      it(`draws up a plan for its own municipality: ${create ? "yes" : "no"}`, async () => {
        const client = clients.get(spec.key)!;
        const res = await client.post("/api/v1/implementation-plans", { scope: "municipality", title: `Plan ${spec.key}`, periodStart: 2025, periodEnd: 2027 });
        if (create && spec.org === "zevenaar") assert.equal(res.statusCode, 201, res.body);
        else assert.ok([403, 404].includes(res.statusCode), `${res.statusCode} ${res.body}`);
      });
    });
  }
});
