import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { grants, roles, type Role } from "../../src/server/kernel/policy/matrix.ts";
import { insertOffer, insertSession, insertTeam } from "../../src/server/modules/training/training.repository.ts";
import { createOrganisation, createRegion, createUser, demoIds } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * Expertise in the access matrix, over HTTP, generated from matrix.ts: every role of Zevenaar and the demo
 * region administrator (Arnhem, administers the demo region) against the training of Zevenaar (own), Arnhem
 * (same region) and Elders (another region), for each action: coverage (read_coverage), the offers (list),
 * a session with its participants (read) and adding a session (manage). The expected status comes from the
 * grants; nothing about training reaches a role without a grant, and a refusal is 404 unless the record may be read.
 */
type Org = "zevenaar" | "arnhem" | "elders";
const ORGS: Org[] = ["zevenaar", "arnhem", "elders"];
interface ActorSpec { key: string; org: Org; roles: Role[]; adminOfDemoRegion: boolean }
const actorSpecs: ActorSpec[] = [
  ...roles.map((role) => ({ key: role, org: "zevenaar" as Org, roles: [role], adminOfDemoRegion: false })),
  { key: "region_admin", org: "arnhem", roles: ["administrator"], adminOfDemoRegion: true },
];

function relations(a: ActorSpec, target: Org): string[] {
  const rels: string[] = [];
  if (target === a.org) rels.push("own_municipality");
  if (a.adminOfDemoRegion && target !== "elders") rels.push("administered_region");
  return rels;
}
const allowed = (rels: string[], actorRoles: Role[], action: string) =>
  grants.some((g) => g.resource === "training" && rels.includes(g.relation) && g.roles.some((r) => actorRoles.includes(r)) && (g.actions as readonly string[]).includes(action));
const expected = (rels: string[], actorRoles: Role[], action: string, ok: number) =>
  allowed(rels, actorRoles, action) ? ok : action !== "read" && allowed(rels, actorRoles, "read") ? 403 : 404;

describe("the access matrix over HTTP: expertise", () => {
  let t: TestApp;
  const orgIds = {} as Record<Org, string>;
  const offers = {} as Record<Org, string>;
  const sessions = {} as Record<Org, string>;
  const clients = new Map<string, TestClient>();

  before(async () => {
    t = await startTestApp();
    const ids = await demoIds(t);
    orgIds.zevenaar = ids.organisations.zevenaar;
    orgIds.arnhem = ids.organisations.arnhem;
    orgIds.elders = await createOrganisation(t, { name: "Gemeente Elders", regionIds: [await createRegion(t, "Regio Elders")] });
    const at = t.kernel.now();
    await t.db.transaction(async (tx) => {
      for (const org of ORGS) {
        await insertTeam(tx, { municipalityId: orgIds[org], name: "Publiekszaken", staffCount: 10, by: ids.users["beheer@zevenaar.demo"]!, at });
        offers[org] = await insertOffer(tx, { municipalityId: orgIds[org], kind: "e_learning", title: "CCV", provider: "CCV", description: null, link: null, by: ids.users["beheer@zevenaar.demo"]!, at });
        sessions[org] = await insertSession(tx, { offerId: offers[org], municipalityId: orgIds[org], startsOn: "2026-01-10", endsOn: null, place: null, by: ids.users["beheer@zevenaar.demo"]!, at });
      }
    });
    for (const spec of actorSpecs) {
      if (spec.key === "region_admin") {
        clients.set(spec.key, await t.login("regiobeheer@arnhem.demo"));
        continue;
      }
      const user = await createUser(t, { organisationId: orgIds[spec.org], roles: spec.roles });
      clients.set(spec.key, await t.login(user.email, { totpSecret: user.totpSecret }));
    }
  });
  after(() => t?.close());

  for (const spec of actorSpecs) {
    for (const target of ORGS) {
      it(`${spec.key} of ${spec.org} on the training of ${target}`, async () => {
        const client = clients.get(spec.key)!;
        const rels = relations(spec, target);
        const cells: [string, number, number][] = [];
        const m = orgIds[target];
        cells.push(["read_coverage", (await client.get(`/api/v1/training-coverage?municipalityId=${m}`)).statusCode, expected(rels, spec.roles, "read_coverage", 200)]);
        cells.push(["list", (await client.get(`/api/v1/training-offers?municipalityId=${m}`)).statusCode, expected(rels, spec.roles, "list", 200)]);
        cells.push(["read", (await client.get(`/api/v1/training-sessions/${sessions[target]}`)).statusCode, expected(rels, spec.roles, "read", 200)]);
        cells.push(["manage", (await client.post(`/api/v1/training-offers/${offers[target]}/sessions`, { startsOn: "2026-02-01" })).statusCode, expected(rels, spec.roles, "manage", 201)]);
        assert.deepEqual(cells.map(([action, got]) => `${action}=${got}`), cells.map(([action, , want]) => `${action}=${want}`));
      });
    }
  }

  it("the policy officer's training answers hold no personal data of signals or victim files", async () => {
    const client = clients.get("policy_officer")!;
    const body = JSON.stringify([
      (await client.get("/api/v1/training-coverage")).json(), (await client.get("/api/v1/training-offers")).json(),
      (await client.get(`/api/v1/training-sessions/${sessions.zevenaar}`)).json(),
    ]);
    for (const word of ["signal", "victim", "bsn", "birthDate"]) assert.ok(!body.toLowerCase().includes(word.toLowerCase()), word);
  });
});
