import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { grants, roles, type Role } from "../../src/server/kernel/policy/matrix.ts";
import { ok } from "../support/conferences.ts";
import { createUser, demoIds, type DemoIds } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The social map and cooperation agreements over HTTP, one actor per role in Zevenaar (demo region), against a
 * map entry and an agreement of the own region and of another region. The expected answer of every cell comes
 * from the grants in matrix.ts; nothing about signals or victims is in any answer.
 */
type Json = Record<string, unknown>;
const may = (resource: "social_map_entry" | "cooperation_agreement", role: Role, action: string) =>
  grants.some((g) => g.resource === resource && g.relation === "member_region" && g.roles.includes(role) && (g.actions as readonly string[]).includes(action));

const entryBody = (name: string) => ({ name, offers: ["legal_aid"], ageGroups: ["adults"], nationalities: ["dutch", "non_dutch"], genders: ["female", "male", "other"], contacts: [{ name: "Mr. A. Advocaat" }] });

describe("access matrix: social map and cooperation agreements", () => {
  let t: TestApp;
  let ids: DemoIds;
  const clients = new Map<Role, TestClient>();
  let own: { entry: Json; agreement: Json };
  let far: { entry: Json; agreement: Json };

  before(async () => {
    t = await startTestApp({ SESSION_IDLE_MINUTES: "1440", SESSION_ABSOLUTE_HOURS: "72" });
    ids = await demoIds(t);
    for (const role of roles) {
      const user = await createUser(t, { organisationId: ids.organisations.zevenaar, roles: [role] });
      clients.set(role, await t.login(user.email, { totpSecret: user.totpSecret }));
    }
    const focal = clients.get("focal_officer")!;
    const entry = await ok(focal.post("/api/v1/social-map-entries", entryBody("Advocatenkantoor Rijn")), 201);
    own = { entry, agreement: await ok(focal.post("/api/v1/cooperation-agreements", { kind: "agreement", title: "Afspraak rechtshulp", partyEntryIds: [entry.id], startsOn: "2026-01-01" }), 201) };
    const elsewhere = await t.login("zorg@ijsselland.demo");
    const farEntry = await ok(elsewhere.post("/api/v1/social-map-entries", entryBody("Advocatenkantoor IJssel")), 201);
    far = { entry: farEntry, agreement: await ok(elsewhere.post("/api/v1/cooperation-agreements", { kind: "covenant", title: "Convenant IJssel", partyEntryIds: [farEntry.id], startsOn: "2026-01-01" }), 201) };
  });
  after(() => t?.close());

  for (const role of roles) {
    it(`${role}: map read=${may("social_map_entry", role, "read")} change=${may("social_map_entry", role, "update")}; agreements read=${may("cooperation_agreement", role, "read")} change=${may("cooperation_agreement", role, "update")}`, async () => {
      const c = clients.get(role)!;
      const bodies: string[] = [];
      const call = async (method: "get" | "post" | "patch", url: string, body?: unknown) => {
        const res = method === "get" ? await c.get(url) : method === "post" ? await c.post(url, body) : await c.patch(url, body);
        bodies.push(res.body);
        return res.statusCode;
      };
      for (const [resource, path, change] of [
        ["social_map_entry", "social-map-entries", { description: `Bijgewerkt door ${role}` }],
        ["cooperation_agreement", "cooperation-agreements", { note: `Bijgewerkt door ${role}` }],
      ] as const) {
        const ownId = (resource === "social_map_entry" ? own.entry : own.agreement).id as string;
        const farId = (resource === "social_map_entry" ? far.entry : far.agreement).id as string;
        const list = await c.get(`/api/v1/${path}`);
        assert.equal(list.statusCode, 200);
        const listed = ((list.json() as Json).items as Json[]).map((x) => x.id);
        assert.equal(listed.includes(ownId), may(resource, role, "list"), `${role} lists ${resource} of the own region`);
        assert.equal(listed.includes(farId), false, `${role} never lists another region's ${resource}`);
        bodies.push(list.body);
        assert.equal(await call("get", `/api/v1/${path}/${ownId}`), may(resource, role, "read") ? 200 : 404, `${role} reads ${resource}`);
        assert.equal(await call("get", `/api/v1/${path}/${farId}`), 404, `${role} reads another region's ${resource}`);
        const readable = may(resource, role, "read");
        assert.equal(await call("patch", `/api/v1/${path}/${ownId}`, change), may(resource, role, "update") ? 200 : readable ? 403 : 404, `${role} changes ${resource}`);
        assert.equal(await call("patch", `/api/v1/${path}/${farId}`, change), 404, `${role} changes another region's ${resource}`);
      }
      const created = await call("post", "/api/v1/social-map-entries", entryBody(`Nieuw van ${role}`));
      assert.equal(created, may("social_map_entry", role, "create") ? 201 : 403);
      const agreement = await call("post", "/api/v1/cooperation-agreements", { kind: "agreement", title: `Van ${role}`, partyEntryIds: [own.entry.id], startsOn: "2026-02-01" });
      assert.equal(agreement, may("cooperation_agreement", role, "create") ? 201 : 404);
      // Nothing about signals or victim files, whatever the role.
      for (const body of bodies) assert.doesNotMatch(body, /"(signalId|victimFileId|signals|victims|birthDate|exploitationForms)"\s*:/);
    });
  }

  it("policy officers and administrators keep the map and the agreements", () => {
    for (const role of ["policy_officer", "administrator"] as const) {
      for (const action of ["read", "list", "create", "update"]) {
        assert.ok(may("social_map_entry", role, action) && may("cooperation_agreement", role, action), `${role} ${action}`);
      }
    }
  });
});
