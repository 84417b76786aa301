import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DEMO_PASSWORD } from "../../src/server/demo/demo-region.ts";
import { currentTotp } from "../../src/server/modules/accounts/second-factor.ts";
import { createUser, demoIds, type DemoIds } from "../support/fixtures.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

const PERIOD_MS = 30_000;

describe("authentication and sessions", () => {
  let t: TestApp;
  let demo: DemoIds;
  before(async () => {
    t = await startTestApp();
    demo = await demoIds(t);
  });
  after(() => t.close());

  /** Moves past the current TOTP step, so a fresh code is not a replay of the last accepted one. */
  const nextStep = () => t.clock.advance(PERIOD_MS);
  const loginAdmin = () => {
    nextStep();
    return t.login("beheer@zevenaar.demo");
  };
  const newUser = (roles: Parameters<typeof createUser>[1]["roles"], extra: Partial<Parameters<typeof createUser>[1]> = {}) =>
    createUser(t, { organisationId: demo.organisations.zevenaar, roles, ...extra });

  describe("login", () => {
    it("logs in with password and TOTP, with a new session id at each step", async () => {
      const user = await newUser(["focal_officer"]);
      const c = t.client();
      const first = await c.post("/api/v1/session", { email: user.email, password: DEMO_PASSWORD });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().stage, "second_factor");
      assert.equal(first.json().authenticated, false);
      const afterPassword = c.cookie;
      assert.ok(afterPassword);
      assert.equal((await c.get("/api/v1/users")).json().code, "second_factor_required");

      const second = await c.post("/api/v1/session/second-factor", { code: currentTotp(user.totpSecret!, t.clock.now) });
      assert.equal(second.statusCode, 200, second.body);
      assert.equal(second.json().authenticated, true);
      assert.equal(second.json().user.id, user.id);
      assert.ok(c.cookie && c.cookie !== afterPassword, "the session id changes after the second factor");
      // The id of the first step no longer opens anything.
      const old = t.client();
      old.cookie = afterPassword;
      assert.equal((await old.get("/api/v1/session")).json().stage, "anonymous");
      assert.equal((await c.get(`/api/v1/users/${user.id}`)).statusCode, 200);
    });

    it("gives a new session id when logging in again over an existing session, and ends the old one", async () => {
      const user = await newUser(["reporter"]);
      const c = t.client();
      await c.post("/api/v1/session", { email: user.email, password: DEMO_PASSWORD });
      const first = c.cookie;
      const again = await c.post("/api/v1/session", { email: user.email, password: DEMO_PASSWORD });
      assert.equal(again.statusCode, 200, again.body);
      assert.ok(c.cookie && c.cookie !== first);
      const old = t.client();
      old.cookie = first;
      assert.equal((await old.get(`/api/v1/users/${user.id}`)).statusCode, 401);
      assert.equal((await t.db.query("select 1 from sessions where user_id = $1", [user.id])).length, 1);
    });

    it("refuses a replayed TOTP code, and a wrong one", async () => {
      nextStep();
      const user = await newUser(["partner"]);
      const code = currentTotp(user.totpSecret!, t.clock.now);
      const a = t.client();
      await a.post("/api/v1/session", { email: user.email, password: DEMO_PASSWORD });
      assert.equal((await a.post("/api/v1/session/second-factor", { code })).statusCode, 200);

      const b = t.client();
      await b.post("/api/v1/session", { email: user.email, password: DEMO_PASSWORD });
      const replay = await b.post("/api/v1/session/second-factor", { code });
      assert.equal(replay.statusCode, 401);
      assert.equal(replay.json().code, "invalid_second_factor");
      const wrong = await b.post("/api/v1/session/second-factor", { code: code === "000000" ? "111111" : "000000" });
      assert.equal(wrong.statusCode, 401);
      nextStep();
      const fresh = await b.post("/api/v1/session/second-factor", { code: currentTotp(user.totpSecret!, t.clock.now) });
      assert.equal(fresh.statusCode, 200, fresh.body);
    });

    it("sets the session cookie HttpOnly, Secure and SameSite=Strict", async () => {
      const res = await t.client().post("/api/v1/session", { email: "melder@zevenaar.demo", password: DEMO_PASSWORD });
      const header = [res.headers["set-cookie"]].flat().find((h) => String(h).startsWith("kz_session="));
      assert.ok(header, "a session cookie is set");
      assert.match(String(header), /;\s*HttpOnly/i);
      assert.match(String(header), /;\s*Secure/i);
      assert.match(String(header), /;\s*SameSite=Strict/i);
      assert.match(String(header), /;\s*Path=\//i);
    });

    it("logs out: the session is gone and the cookie cleared", async () => {
      const c = await t.login("melder@zevenaar.demo");
      const id = c.cookie;
      const res = await c.delete("/api/v1/session");
      assert.equal(res.statusCode, 204);
      assert.equal(c.cookie, null);
      const old = t.client();
      old.cookie = id;
      assert.equal((await old.get("/api/v1/regions")).statusCode, 401);
    });
  });

  describe("enrolment of a second factor", () => {
    it("takes a new user whose role needs one through enrolment to recovery codes, each usable once", async () => {
      const admin = await loginAdmin();
      const email = "nieuw.aandacht@zevenaar.test";
      const password = "een-heel-geheim-wachtwoord";
      const created = await admin.post("/api/v1/users", {
        email,
        displayName: "Nieuwe Aandachtsfunctionaris",
        organisationId: demo.organisations.zevenaar,
        roles: ["focal_officer"],
        password,
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().secondFactorEnrolled, false);

      const c = t.client();
      const login = await c.post("/api/v1/session", { email, password });
      assert.equal(login.statusCode, 200, login.body);
      assert.equal(login.json().stage, "enrolment");
      const afterPassword = c.cookie;
      assert.equal((await c.get("/api/v1/regions")).json().code, "enrolment_required");

      const start = await c.post("/api/v1/session/enrolment", {});
      assert.equal(start.statusCode, 200, start.body);
      const { secret, otpauthUri, qrCodeDataUrl } = start.json();
      assert.match(secret, /^[A-Z2-7]+$/);
      assert.match(otpauthUri, /^otpauth:\/\/totp\//);
      assert.match(qrCodeDataUrl, /^data:image\/png;base64,/);

      const wrong = await c.post("/api/v1/session/enrolment/confirmation", { code: currentTotp(secret, t.clock.now) === "123456" ? "654321" : "123456" });
      assert.equal(wrong.statusCode, 401);

      const confirm = await c.post("/api/v1/session/enrolment/confirmation", { code: currentTotp(secret, t.clock.now) });
      assert.equal(confirm.statusCode, 200, confirm.body);
      const { recoveryCodes, session } = confirm.json();
      assert.equal(recoveryCodes.length, 10);
      assert.equal(new Set(recoveryCodes).size, 10);
      for (const code of recoveryCodes) assert.match(code, /^[a-z2-9]{5}-[a-z2-9]{5}$/);
      assert.equal(session.authenticated, true);
      assert.equal(session.user.secondFactorEnrolled, true);
      assert.ok(c.cookie && c.cookie !== afterPassword, "the session id changes after enrolment");
      assert.equal((await c.get("/api/v1/regions")).statusCode, 200);

      // The stored secret and codes are not the plain values.
      const stored = await t.db.query<{ totp_secret_enc: string }>("select totp_secret_enc from users where email_hash = $1", [t.kernel.crypto.blindIndex("email", email)]);
      assert.ok(!stored[0]!.totp_secret_enc.includes(secret));
      const codeRows = await t.db.query<{ code_hash: string }>("select code_hash from recovery_codes");
      assert.ok(codeRows.every((r) => !recoveryCodes.includes(r.code_hash)));

      // Next login asks the second factor; a recovery code works once only.
      const d = t.client();
      assert.equal((await d.post("/api/v1/session", { email, password })).json().stage, "second_factor");
      const recovered = await d.post("/api/v1/session/second-factor", { code: recoveryCodes[0] });
      assert.equal(recovered.statusCode, 200, recovered.body);
      assert.equal(recovered.json().authenticated, true);

      const e = t.client();
      await e.post("/api/v1/session", { email, password });
      const reused = await e.post("/api/v1/session/second-factor", { code: recoveryCodes[0] });
      assert.equal(reused.statusCode, 401);
      assert.equal(reused.json().code, "invalid_second_factor");
      assert.equal((await e.post("/api/v1/session/second-factor", { code: recoveryCodes[1].toUpperCase() })).statusCode, 200);
    });

    it("does not offer enrolment to someone who has not given their password", async () => {
      const res = await t.client().post("/api/v1/session/enrolment", {});
      assert.equal(res.statusCode, 401);
    });
  });

  describe("CSRF protection", () => {
    it("refuses a state-changing request without or with a wrong x-csrf-token, and changes nothing", async () => {
      const admin = await loginAdmin();
      const target = await newUser(["reporter"], { displayName: "Ongewijzigd" });
      for (const headers of [{ "x-csrf-token": "" }, { "x-csrf-token": "wrong-token" }]) {
        const res = await admin.request("PATCH", `/api/v1/users/${target.id}`, { displayName: "Gewijzigd" }, headers);
        assert.equal(res.statusCode, 403, res.body);
        assert.equal(res.json().code, "csrf_token_invalid");
      }
      const saved = admin.csrfToken;
      admin.csrfToken = null;
      const missing = await admin.patch(`/api/v1/users/${target.id}`, { displayName: "Gewijzigd" });
      assert.equal(missing.statusCode, 403);
      assert.equal(missing.json().code, "csrf_token_invalid");
      const logout = await admin.delete("/api/v1/session");
      assert.equal(logout.statusCode, 403, "logging out needs the token too");
      admin.csrfToken = saved;

      const row = await t.db.query<{ display_name_enc: string }>("select display_name_enc from users where id = $1", [target.id]);
      assert.equal(t.kernel.crypto.decrypt("users.display_name", row[0]!.display_name_enc), "Ongewijzigd");
      assert.equal((await admin.get("/api/v1/session")).json().authenticated, true);
      const ok = await admin.patch(`/api/v1/users/${target.id}`, { displayName: "Gewijzigd" });
      assert.equal(ok.statusCode, 200, ok.body);
    });
  });

  describe("timeouts", () => {
    it("ends a session after SESSION_IDLE_MINUTES without requests", async () => {
      const c = await t.login("melder@zevenaar.demo");
      t.clock.advance(29 * 60_000);
      assert.equal((await c.get("/api/v1/regions")).statusCode, 200, "activity within the idle limit keeps it alive");
      t.clock.advance(29 * 60_000);
      assert.equal((await c.get("/api/v1/regions")).statusCode, 200);
      t.clock.advance(31 * 60_000);
      const res = await c.get("/api/v1/regions");
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().code, "unauthenticated");
    });

    it("ends a session after SESSION_ABSOLUTE_HOURS, however active", async () => {
      const c = await t.login("melder@zevenaar.demo");
      const hours = t.kernel.config.SESSION_ABSOLUTE_HOURS;
      let elapsed = 0;
      while (elapsed + 20 * 60_000 < hours * 3_600_000) {
        t.clock.advance(20 * 60_000);
        elapsed += 20 * 60_000;
        assert.equal((await c.get("/api/v1/regions")).statusCode, 200, `still valid after ${elapsed / 60_000} minutes`);
      }
      t.clock.advance(hours * 3_600_000 - elapsed + 1_000);
      assert.equal((await c.get("/api/v1/regions")).statusCode, 401);
    });
  });

  describe("lock-out", () => {
    it("locks an account after LOGIN_MAX_FAILURES wrong passwords, answering exactly like an unknown e-mail", async () => {
      const user = await newUser(["reporter"]);
      const c = t.client();
      const max = t.kernel.config.LOGIN_MAX_FAILURES;
      for (let i = 0; i < max; i += 1) {
        const res = await c.post("/api/v1/session", { email: user.email, password: "verkeerd-wachtwoord" });
        assert.equal(res.statusCode, 401);
      }
      const locked = await c.post("/api/v1/session", { email: user.email, password: DEMO_PASSWORD });
      const unknown = await c.post("/api/v1/session", { email: "niemand@nergens.test", password: DEMO_PASSWORD });
      const wrong = await c.post("/api/v1/session", { email: "melder@zevenaar.demo", password: "verkeerd-wachtwoord" });
      assert.equal(locked.statusCode, 401);
      assert.equal(locked.json().code, "invalid_credentials");
      assert.deepEqual(locked.json(), unknown.json());
      assert.deepEqual(wrong.json(), unknown.json());
      assert.equal(c.cookie, null);
      assert.equal((await t.db.query("select 1 from sessions where user_id = $1", [user.id])).length, 0);

      t.clock.advance(t.kernel.config.LOGIN_LOCKOUT_MINUTES * 60_000 - 60_000);
      assert.equal((await c.post("/api/v1/session", { email: user.email, password: DEMO_PASSWORD })).statusCode, 401, "still locked");
      t.clock.advance(2 * 60_000);
      const again = await c.post("/api/v1/session", { email: user.email, password: DEMO_PASSWORD });
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().authenticated, true);
    });

    it("counts wrong second-factor codes towards the lock-out", async () => {
      nextStep();
      const user = await newUser(["care_coordinator"]);
      const c = t.client();
      await c.post("/api/v1/session", { email: user.email, password: DEMO_PASSWORD });
      for (let i = 0; i < t.kernel.config.LOGIN_MAX_FAILURES; i += 1) {
        assert.equal((await c.post("/api/v1/session/second-factor", { code: "abcde-fghij" })).statusCode, 401);
      }
      const right = await c.post("/api/v1/session/second-factor", { code: currentTotp(user.totpSecret!, t.clock.now) });
      assert.equal(right.statusCode, 401, "locked: even the right code is refused");
    });
  });

  describe("deactivation", () => {
    it("ends the user's sessions immediately and refuses their password afterwards", async () => {
      const user = await newUser(["reporter"]);
      const c = await t.login(user.email);
      assert.equal((await c.get(`/api/v1/users/${user.id}`)).statusCode, 200);
      const admin = await loginAdmin();
      assert.equal((await admin.patch(`/api/v1/users/${user.id}`, { active: false })).statusCode, 200);
      assert.equal((await c.get(`/api/v1/users/${user.id}`)).statusCode, 401);
      const relogin = await t.client().post("/api/v1/session", { email: user.email, password: DEMO_PASSWORD });
      assert.equal(relogin.statusCode, 401);
      assert.equal(relogin.json().code, "invalid_credentials");
    });
  });

  describe("what is stored", () => {
    it("stores passwords as argon2id hashes", async () => {
      const rows = await t.db.query<{ password_hash: string }>("select password_hash from users where password_hash is not null");
      assert.ok(rows.length > 0);
      for (const row of rows) assert.match(row.password_hash, /^\$argon2id\$/);
      assert.ok(rows.every((r) => !r.password_hash.includes(DEMO_PASSWORD)));
    });

    it("keeps e-mail addresses and names out of the database in plain text", async () => {
      const user = await newUser(["reporter"], { email: "herkenbaar.persoon@zevenaar.test", displayName: "Herkenbaar Persoon" });
      const row = (await t.db.query<Record<string, unknown>>("select * from users where id = $1", [user.id]))[0]!;
      const all = JSON.stringify(row).toLowerCase();
      assert.ok(!all.includes("herkenbaar"), "no plain e-mail or name in any column");
      assert.match(String(row.email_enc), /^v1\./);
      assert.match(String(row.display_name_enc), /^v1\./);
      assert.match(String(row.email_hash), /^[0-9a-f]{64}$/);
      const anywhere = await t.db.query("select 1 from users where email_enc ilike '%zevenaar.demo%' or display_name_enc ilike '%Mila%'");
      assert.deepEqual(anywhere, []);
    });
  });

  describe("bad input", () => {
    const countUsers = async () => (await t.db.query<{ n: number }>("select count(*)::int as n from users"))[0]!.n;
    const valid = () => ({
      email: `slecht-${Math.random().toString(36).slice(2, 8)}@zevenaar.test`,
      displayName: "Slechte Invoer",
      organisationId: demo.organisations.zevenaar,
      roles: ["reporter"],
      password: "een-lang-genoeg-wachtwoord",
    });

    it("rejects unknown fields with 400 invalid_input naming them, and stores nothing", async () => {
      const admin = await loginAdmin();
      const before = await countUsers();
      const res = await admin.post("/api/v1/users", { ...valid(), isSuperuser: true });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().code, "invalid_input");
      assert.ok(res.json().invalidParams.some((p: { name: string }) => p.name.includes("isSuperuser")), res.body);
      const login = await t.client().post("/api/v1/session", { email: "x@y.nl", password: "p", remember: true });
      assert.equal(login.statusCode, 400);
      assert.equal(login.json().code, "invalid_input");
      assert.equal(await countUsers(), before);
    });

    it("rejects invalid values with the field named", async () => {
      const admin = await loginAdmin();
      const res = await admin.post("/api/v1/users", { ...valid(), email: "geen-email", password: "kort" });
      assert.equal(res.statusCode, 400);
      const names = (res.json().invalidParams as { name: string }[]).map((p) => p.name);
      assert.ok(names.includes("email") && names.includes("password"), res.body);
    });

    it("rejects malformed JSON with 400, the wrong content type with 415 and an oversize body with 413", async () => {
      const admin = await loginAdmin();
      const before = await countUsers();
      const malformed = await admin.request("POST", "/api/v1/users", '{"email": "x@y.nl",', { "content-type": "application/json" });
      assert.equal(malformed.statusCode, 400, malformed.body);
      assert.equal(malformed.json().code, "invalid_input");
      assert.equal(malformed.headers["content-type"], "application/problem+json; charset=utf-8");

      const text = await admin.request("POST", "/api/v1/users", JSON.stringify(valid()), { "content-type": "text/plain" });
      assert.equal(text.statusCode, 415, text.body);
      assert.equal(text.json().code, "unsupported_media_type");

      const huge = await admin.request("POST", "/api/v1/users", JSON.stringify({ ...valid(), displayName: "x".repeat(300 * 1024) }));
      assert.equal(huge.statusCode, 413, huge.body);
      assert.equal(huge.json().code, "payload_too_large");
      assert.equal(await countUsers(), before);
    });
  });
});

describe("rate limiting of logins", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: "3" });
  });
  after(() => t.close());

  it("answers 429 rate_limited once a client exceeds LOGIN_RATE_LIMIT_PER_MINUTE", async () => {
    const c = t.client("10.0.0.7");
    for (let i = 0; i < 3; i += 1) {
      assert.equal((await c.post("/api/v1/session", { email: "niemand@nergens.test", password: "fout" })).statusCode, 401);
    }
    const limited = await c.post("/api/v1/session", { email: "melder@zevenaar.demo", password: DEMO_PASSWORD });
    assert.equal(limited.statusCode, 429, limited.body);
    assert.equal(limited.json().code, "rate_limited");
    assert.equal(limited.json().status, 429);
    assert.equal(c.cookie, null);
    // Another client is not affected.
    assert.equal((await t.client("10.0.0.8").post("/api/v1/session", { email: "melder@zevenaar.demo", password: DEMO_PASSWORD })).statusCode, 200);
  });
});
