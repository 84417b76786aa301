import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-region.ts";
import { currentTotp } from "../../src/server/modules/accounts/second-factor.ts";
import { auditRows, createUser, demoIds, eventsSince, lastSeq, type DemoIds, type FixtureUser } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

type Event = Awaited<ReturnType<typeof auditRows>>[number];
const FIELDS = [
  "actor_user_id", "actor_label", "actor_organisation_id", "actor_role", "action", "object_type", "object_id",
  "owner_organisation_id", "data_subject_ref", "result", "client_address",
] as const;
type Expected = { [K in (typeof FIELDS)[number]]?: string | null };

/** Exactly these events, in this order, with exactly these fields (unnamed fields must be null). */
function assertEvents(events: Event[], expected: Expected[]) {
  const pick = (e: Event | Expected) => Object.fromEntries(FIELDS.map((f) => [f, (e as Record<string, unknown>)[f] ?? null]));
  assert.deepEqual(events.map(pick), expected.map(pick));
}
const details = (e: Event | undefined) => (e?.details ? (JSON.parse(e.details) as Record<string, unknown>) : null);

describe("the audit trail", () => {
  let t: TestApp;
  let demo: DemoIds;
  let zevenaar: string;
  let admin: TestClient;
  let adminId: string;
  let privacy: TestClient;
  let privacyId: string;
  let target: FixtureUser;
  const ADMIN_IP = "192.0.2.10";
  const PRIVACY_IP = "192.0.2.20";
  const OTHER_IP = "198.51.100.7";

  before(async () => {
    t = await startTestApp();
    demo = await demoIds(t);
    zevenaar = demo.organisations.zevenaar;
    adminId = demo.users["beheer@zevenaar.demo"]!;
    privacyId = demo.users["privacy@zevenaar.demo"]!;
    admin = await t.login("beheer@zevenaar.demo", { clientAddress: ADMIN_IP });
    privacy = await t.login("privacy@zevenaar.demo", { clientAddress: PRIVACY_IP });
    target = await createUser(t, { email: "betrokkene@zevenaar.test", organisationId: zevenaar, roles: ["reporter"] });
  });
  after(() => t.close());

  const byAdmin = { actor_user_id: () => adminId, actor_organisation_id: () => zevenaar };
  const adminActor = (): Expected => ({ actor_user_id: byAdmin.actor_user_id(), actor_organisation_id: zevenaar, actor_role: "administrator", client_address: ADMIN_IP });
  const onTarget = (): Expected => ({ object_type: "user", object_id: target.id, owner_organisation_id: zevenaar, data_subject_ref: `user:${target.id}` });
  /** Runs `work` and returns the events it produced. */
  async function during(work: () => Promise<unknown>): Promise<Event[]> {
    const seq = await lastSeq(t);
    await work();
    return eventsSince(t, seq);
  }

  describe("one event per action", () => {
    it("read: looking at a user", async () => {
      const events = await during(async () => assert.equal((await admin.get(`/api/v1/users/${target.id}`)).statusCode, 200));
      assertEvents(events, [{ ...adminActor(), ...onTarget(), action: "read", result: "success" }]);
    });

    it("list: listing users", async () => {
      const events = await during(async () => assert.equal((await admin.get("/api/v1/users?pageSize=5")).statusCode, 200));
      assertEvents(events, [{ ...adminActor(), action: "list", object_type: "user", result: "success" }]);
      assert.equal(details(events[0])!.page, 1);
      assert.equal(typeof details(events[0])!.total, "number");
    });

    it("search: searching the audit trail", async () => {
      const ref = `user:${target.id}`;
      const events = await during(async () => assert.equal((await privacy.get(`/api/v1/audit-events?dataSubjectRef=${ref}`)).statusCode, 200));
      assertEvents(events, [
        { actor_user_id: privacyId, actor_organisation_id: zevenaar, actor_role: "privacy_officer", action: "search", object_type: "audit_event", data_subject_ref: ref, result: "success", client_address: PRIVACY_IP },
      ]);
      assert.deepEqual((details(events[0])!.filters as Record<string, unknown>).dataSubjectRef, ref);
    });

    it("create: creating a user", async () => {
      let id = "";
      const events = await during(async () => {
        const res = await admin.post("/api/v1/users", {
          email: "aangemaakt@zevenaar.test", displayName: "Aangemaakt", organisationId: zevenaar, roles: ["reporter"], password: "een-lang-genoeg-wachtwoord",
        });
        assert.equal(res.statusCode, 201, res.body);
        id = res.json().id;
      });
      assertEvents(events, [{ ...adminActor(), action: "create", object_type: "user", object_id: id, owner_organisation_id: zevenaar, data_subject_ref: `user:${id}`, result: "success" }]);
      assert.deepEqual(details(events[0]), { regionAdministratorOf: [], roles: ["reporter"] });
      assert.ok(!events[0]!.details!.includes("aangemaakt@"), "no personal data in the details");
    });

    it("update: changing a user", async () => {
      const events = await during(async () => assert.equal((await admin.patch(`/api/v1/users/${target.id}`, { displayName: "Nieuwe Naam" })).statusCode, 200));
      assertEvents(events, [{ ...adminActor(), ...onTarget(), action: "update", result: "success" }]);
      assert.deepEqual(details(events[0]), { fields: ["displayName"] });
      assert.ok(!events[0]!.details!.includes("Nieuwe Naam"));
    });

    it("login: a password login", async () => {
      const c = t.client(OTHER_IP);
      const events = await during(async () => assert.equal((await c.post("/api/v1/session", { email: target.email, password: DEMO_PASSWORD })).statusCode, 200));
      assertEvents(events, [{ actor_user_id: target.id, actor_organisation_id: zevenaar, actor_role: "reporter", client_address: OTHER_IP, ...onTarget(), action: "login", result: "success" }]);
      assert.deepEqual(details(events[0]), { method: "password", stage: "authenticated" });
    });

    it("login_failed: a wrong password, and an unknown e-mail address", async () => {
      const c = t.client(OTHER_IP);
      const wrong = await during(() => c.post("/api/v1/session", { email: target.email, password: "verkeerd-wachtwoord" }));
      assertEvents(wrong, [{ actor_user_id: target.id, actor_organisation_id: zevenaar, actor_role: "reporter", client_address: OTHER_IP, ...onTarget(), action: "login_failed", result: "failure" }]);
      assert.deepEqual(details(wrong[0]), { reason: "wrong_password" });

      const unknown = await during(() => c.post("/api/v1/session", { email: "niemand@nergens.test", password: "verkeerd-wachtwoord" }));
      assertEvents(unknown, [{ actor_label: "onbekend account", client_address: OTHER_IP, action: "login_failed", result: "failure" }]);
      assert.equal(details(unknown[0])!.reason, "unknown_account");
      assert.ok(!unknown[0]!.details!.includes("niemand"), "the unknown address is kept only as a keyed hash");
      await t.db.query("update users set failed_logins = 0 where id = $1", [target.id]);
    });

    it("logout", async () => {
      const c = await t.login(target.email, { clientAddress: OTHER_IP });
      const events = await during(async () => assert.equal((await c.delete("/api/v1/session")).statusCode, 204));
      assertEvents(events, [{ actor_user_id: target.id, actor_organisation_id: zevenaar, actor_role: "reporter", client_address: OTHER_IP, ...onTarget(), action: "logout", result: "success" }]);
    });

    it("second_factor and second_factor_failed", async () => {
      t.clock.advance(30_000);
      const officer = await createUser(t, { email: "tweede@zevenaar.test", organisationId: zevenaar, roles: ["focal_officer"] });
      const c = t.client(OTHER_IP);
      await c.post("/api/v1/session", { email: officer.email, password: DEMO_PASSWORD });
      const who = { actor_user_id: officer.id, actor_organisation_id: zevenaar, actor_role: "focal_officer", client_address: OTHER_IP, object_type: "user", object_id: officer.id, owner_organisation_id: zevenaar, data_subject_ref: `user:${officer.id}` };
      const failed = await during(async () => assert.equal((await c.post("/api/v1/session/second-factor", { code: "abcde-fghij" })).statusCode, 401));
      assertEvents(failed, [{ ...who, action: "second_factor_failed", result: "failure" }]);
      assert.deepEqual(details(failed[0]), { reason: "wrong_code" });
      const ok = await during(async () => assert.equal((await c.post("/api/v1/session/second-factor", { code: currentTotp(officer.totpSecret!, t.clock.now) })).statusCode, 200));
      assertEvents(ok, [{ ...who, action: "second_factor", result: "success" }]);
      assert.deepEqual(details(ok[0]), { method: "totp" });
    });

    it("enrolment", async () => {
      const newcomer = await createUser(t, { email: "nieuwkomer@zevenaar.test", organisationId: zevenaar, roles: ["care_coordinator"], totp: false });
      const c = t.client(OTHER_IP);
      const login = await c.post("/api/v1/session", { email: newcomer.email, password: DEMO_PASSWORD });
      assert.equal(login.json().stage, "enrolment");
      const { secret } = (await c.post("/api/v1/session/enrolment", {})).json();
      const events = await during(async () => assert.equal((await c.post("/api/v1/session/enrolment/confirmation", { code: currentTotp(secret, t.clock.now) })).statusCode, 200));
      assertEvents(events, [
        { actor_user_id: newcomer.id, actor_organisation_id: zevenaar, actor_role: "care_coordinator", client_address: OTHER_IP, object_type: "user", object_id: newcomer.id, owner_organisation_id: zevenaar, data_subject_ref: `user:${newcomer.id}`, action: "enrolment", result: "success" },
      ]);
    });

    it("access_denied: a refused read (404) and a refused change (403)", async () => {
      const reporter = await t.login("melder@zevenaar.demo", { clientAddress: OTHER_IP });
      const melderId = demo.users["melder@zevenaar.demo"]!;
      const who = { actor_user_id: melderId, actor_organisation_id: zevenaar, actor_role: "reporter", client_address: OTHER_IP };
      const hidden = await during(async () => assert.equal((await reporter.get(`/api/v1/users/${target.id}`)).statusCode, 404));
      assertEvents(hidden, [{ ...who, ...onTarget(), action: "access_denied", result: "denied" }]);
      assert.deepEqual(details(hidden[0]), { attempted: "read" });
      const refused = await during(async () => assert.equal((await reporter.patch(`/api/v1/users/${melderId}`, { active: false })).statusCode, 403));
      assertEvents(refused, [{ ...who, object_type: "user", object_id: melderId, owner_organisation_id: zevenaar, data_subject_ref: `user:${melderId}`, action: "access_denied", result: "denied" }]);
      assert.deepEqual(details(refused[0]), { attempted: "deactivate" });
    });
  });

  describe("integrity", () => {
    it("writes the event in the same transaction as the work: a failed create leaves no create event", async () => {
      const before = (await t.db.query<{ n: number }>("select count(*)::int as n from users"))[0]!.n;
      const events = await during(async () => {
        const res = await admin.post("/api/v1/users", {
          email: target.email, displayName: "Dubbel", organisationId: zevenaar, roles: ["reporter"], password: "een-lang-genoeg-wachtwoord",
        });
        assert.equal(res.statusCode, 409, res.body);
      });
      assert.deepEqual(events.filter((e) => e.action === "create"), []);
      assert.equal((await t.db.query<{ n: number }>("select count(*)::int as n from users"))[0]!.n, before);
    });

    it("rolls back the work when its event cannot be written, and the event when the work fails", async () => {
      await assert.rejects(
        t.db.transaction(async (tx) => {
          await tx.query("insert into regions (name) values ('Regio zonder spoor')");
          t.kernel.audit.record(tx, { actor: null, actorLabel: "test", action: "create", objectType: "region", result: "bogus" as "success" });
        }),
      );
      assert.deepEqual(await t.db.query("select 1 from regions where name = 'Regio zonder spoor'"), []);

      const events = await during(() =>
        t.db
          .transaction(async (tx) => {
            t.kernel.audit.record(tx, { actor: null, actorLabel: "test", action: "create", objectType: "region", result: "success" });
            throw new Error("the work failed");
          })
          .catch(() => undefined),
      );
      assert.deepEqual(events, []);
    });

    it("is append-only: the database refuses UPDATE, DELETE and TRUNCATE", async () => {
      const count = async () => (await t.db.query<{ n: number }>("select count(*)::int as n from audit_events"))[0]!.n;
      const before = await count();
      await assert.rejects(t.db.query("update audit_events set result = 'failure' where seq = 1"), /append-only/);
      await assert.rejects(t.db.query("delete from audit_events where seq = 1"), /append-only/);
      await assert.rejects(t.db.query("truncate audit_events"), /append-only/);
      assert.equal(await count(), before);
      assert.deepEqual(await t.kernel.audit.verify(t.db), { ok: true, checked: before });
    });
  });

  describe("supervision by the privacy officer", () => {
    it("records the privacy officer's own reads of the trail in the trail", async () => {
      const list = await privacy.get("/api/v1/audit-events?pageSize=1");
      assert.equal(list.statusCode, 200);
      const first = list.json().items[0];
      const events = await during(async () => assert.equal((await privacy.get(`/api/v1/audit-events/${first.id}`)).statusCode, 200));
      assertEvents(events, [
        { actor_user_id: privacyId, actor_organisation_id: zevenaar, actor_role: "privacy_officer", client_address: PRIVACY_IP, action: "read", object_type: "audit_event", object_id: first.id, data_subject_ref: first.dataSubjectRef, result: "success" },
      ]);
      // ...and sees those reads when looking again.
      const again = (await privacy.get(`/api/v1/audit-events?actorUserId=${privacyId}&pageSize=200`)).json();
      const actions = (again.items as { action: string; objectId: string | null }[]).map((e) => `${e.action}:${e.objectId ?? ""}`);
      assert.ok(actions.includes(`read:${first.id}`));
      assert.ok(actions.some((a) => a.startsWith("search:")));
    });

    it("shows per person who looked at them (dataSubjectRef timeline)", async () => {
      const person = await createUser(t, { email: "tijdlijn@zevenaar.test", organisationId: zevenaar, roles: ["reporter"] });
      assert.equal((await admin.get(`/api/v1/users/${person.id}`)).statusCode, 200);
      assert.equal((await admin.patch(`/api/v1/users/${person.id}`, { displayName: "Tijdlijn" })).statusCode, 200);
      const res = await privacy.get(`/api/v1/audit-events?dataSubjectRef=user:${person.id}`);
      assert.equal(res.statusCode, 200);
      const items = res.json().items as { action: string; actor: { userId: string; displayName: string; organisationName: string } | null; actorRole: string; clientAddress: string }[];
      assert.deepEqual(items.map((e) => e.action), ["update", "read"], "newest first");
      for (const e of items) {
        assert.equal(e.actor!.userId, adminId);
        assert.equal(e.actor!.displayName, "Bram Beheer");
        assert.equal(e.actor!.organisationName, "Gemeente Zevenaar");
        assert.equal(e.actorRole, "administrator");
        assert.equal(e.clientAddress, ADMIN_IP);
      }
    });

    it("hides an organisation's events from the privacy officer of another organisation", async () => {
      const person = await createUser(t, { email: "afgeschermd@zevenaar.test", organisationId: zevenaar, roles: ["reporter"] });
      assert.equal((await admin.get(`/api/v1/users/${person.id}`)).statusCode, 200);
      const event = (await auditRows(t, "data_subject_ref = $1 and action = 'read'", [`user:${person.id}`]))[0]!;
      const outsider = await createUser(t, { email: "privacy@arnhem.test", organisationId: demo.organisations.arnhem, roles: ["privacy_officer"] });
      const c = await t.login(outsider.email, { totpSecret: outsider.totpSecret });
      const res = await c.get(`/api/v1/audit-events?dataSubjectRef=user:${person.id}`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().total, 0);
      assert.deepEqual(res.json().items, []);
      assert.equal((await c.get(`/api/v1/audit-events/${event.id}`)).statusCode, 404);
      const all = (await c.get("/api/v1/audit-events?pageSize=200")).json().items as { id: string }[];
      assert.ok(!all.some((e) => e.id === event.id));
      // The home organisation's privacy officer does see it.
      assert.equal((await privacy.get(`/api/v1/audit-events/${event.id}`)).statusCode, 200);
    });
  });
});
