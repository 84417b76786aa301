import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
// @ts-expect-error -- oidc-provider ships without type declarations; the test uses a handful of its calls.
import Provider from "oidc-provider";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * Login through OpenID Connect against a real provider (oidc-provider) started on 127.0.0.1. The provider's
 * login and consent interactions are answered programmatically; the browser between the two is a fetch
 * loop with a cookie jar. Ketenzicht itself is reached through `inject`, its PUBLIC_URL only names the
 * callback the provider redirects to.
 */
const APP_URL = "http://127.0.0.1:3999";
const CALLBACK = `${APP_URL}/api/v1/session/oidc-callback`;
const CLIENT_ID = "ketenzicht-zevenaar";
const CLIENT_SECRET = "a-long-client-secret-for-the-test-provider";

interface InteractionDetails {
  prompt: { name: string };
  params: { client_id: string; scope: string };
  session?: { accountId: string };
}
interface GrantLike {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}
interface OidcProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: unknown, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  Grant: new (input: { accountId: string; clientId: string }) => GrantLike;
}

/** The provider's accounts: subject → claims. Tests change them to show that the subject, not the e-mail, links. */
const accounts = new Map<string, Record<string, unknown>>([
  ["idp-melder", { email: "melder@zevenaar.demo", email_verified: true, name: "Mila de Melder" }],
  ["idp-aandacht", { email: "aandacht@zevenaar.demo", email_verified: true, name: "Ahmed Aandacht" }],
  ["idp-privacy", { email: "privacy@zevenaar.demo", email_verified: true, name: "Petra Privacy" }],
  ["idp-stranger", { email: "onbekend@zevenaar.demo", email_verified: true, name: "Onbekende" }],
  ["idp-politie", { email: "politie@politie.demo", email_verified: true, name: "Pieter Politie" }],
  ["idp-unverified", { email: "beleid@arnhem.demo", email_verified: false, name: "Bas Beleid" }],
]);
/** Who logs in at the provider next, and how (RFC 8176 authentication method references). */
let nextLogin: { accountId: string; amr: string[] } = { accountId: "idp-melder", amr: ["pwd"] };

async function startProvider(): Promise<{ issuer: string; server: Server }> {
  // The issuer names the port, so the server listens first and gets its handler once the provider exists.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new (Provider as new (issuer: string, config: unknown) => OidcProvider)(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [CALLBACK],
        token_endpoint_auth_method: "client_secret_basic",
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { acr: null, auth_time: null, sid: null, iss: null, openid: ["sub", "amr"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["test-cookie-signing-key"] },
    jwks: { keys: [{ ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }), kid: "test", alg: "RS256", use: "sig" }] },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    findAccount: async (_ctx: unknown, sub: string) =>
      accounts.has(sub) ? { accountId: sub, claims: async () => ({ sub, ...accounts.get(sub) }) } : undefined,
  });
  const handle = provider.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith("/interaction/")) return handle(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      let result: unknown;
      if (details.prompt.name === "login") {
        result = { login: { accountId: nextLogin.accountId, amr: nextLogin.amr } };
      } else {
        const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id });
        grant.addOIDCScope(details.params.scope);
        result = { consent: { grantId: await grant.save() } };
      }
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  return { issuer, server };
}

/** The browser at the provider: follows redirects with a cookie jar until the provider sends it back to us. */
async function throughProvider(authorizationUrl: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, { redirect: "manual", headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } });
    for (const cookie of res.headers.getSetCookie()) {
      const pair = cookie.split(";")[0]!;
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      if (value === "" || /expires=Thu, 01 Jan 1970/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    const location = res.headers.get("location");
    if (!location) throw new Error(`the provider stopped at ${url}: ${res.status} ${await res.text()}`);
    const next = new URL(location, url);
    if (next.href.startsWith(CALLBACK)) return next;
    url = next.href;
  }
  throw new Error("too many redirects at the provider");
}

const callbackPath = (url: URL) => `${url.pathname}${url.search}`;

describe("login through an organisation's OpenID Connect provider", () => {
  let t: TestApp;
  let issuer: string;
  let server: Server;
  let zevenaarId: string;
  let admin: TestClient;

  before(async () => {
    ({ issuer, server } = await startProvider());
    t = await startTestApp({ PUBLIC_URL: APP_URL });
    admin = await t.login("beheer@zevenaar.demo");
    zevenaarId = (await admin.get("/api/v1/session")).json().user.organisation.id;
  });
  after(async () => {
    await t.close();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Starts at Ketenzicht, logs in at the provider as `nextLogin`, and returns the callback's answer. */
  async function oidcLogin(login: typeof nextLogin, c: TestClient = t.client()) {
    nextLogin = login;
    const start = await c.get(`/api/v1/session/oidc/${zevenaarId}`);
    assert.equal(start.statusCode, 302, start.body);
    const back = await throughProvider(String(start.headers.location));
    const res = await c.get(callbackPath(back));
    return { client: c, res, back };
  }

  const auditEvents = async (action: string) =>
    (await t.db.query<{ actor_user_id: string | null; owner_organisation_id: string | null; result: string; details: string | null }>(
      "select actor_user_id, owner_organisation_id, result, details from audit_events where action = $1 order by seq",
      [action],
    )).map((e) => ({ ...e, details: e.details ? (JSON.parse(e.details) as Record<string, unknown>) : {} }));
  const lastFailure = async () => (await auditEvents("login_failed")).at(-1)!;
  const userId = async (email: string) =>
    (await t.db.query<{ id: string }>("select id from users where email_hash = $1", [t.kernel.crypto.blindIndex("email", email)]))[0]!.id;

  it("lets the organisation's administrator configure the provider, and validates the settings", async () => {
    const url = `/api/v1/organisations/${zevenaarId}/oidc-provider`;
    const body = { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, displayName: "Zevenaar Inloggen" };

    assert.equal((await admin.request("PUT", url, { ...body, issuer: "http://idp.example.nl" })).statusCode, 400, "plain http only on localhost");
    assert.equal((await admin.request("PUT", url, { ...body, extra: true })).statusCode, 400, "unknown keys are refused");
    const reporter = await t.login("melder@zevenaar.demo");
    assert.equal((await reporter.request("PUT", url, body)).statusCode, 403);
    const anonymous = await t.client().request("PUT", url, body);
    assert.equal(anonymous.statusCode, 401);

    const res = await admin.request("PUT", url, body);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { organisationId: zevenaarId, issuer, clientId: CLIENT_ID, displayName: "Zevenaar Inloggen" });

    const stored = (await t.db.query<{ client_secret_enc: string }>("select client_secret_enc from oidc_providers where organisation_id = $1", [zevenaarId]))[0]!;
    assert.ok(!stored.client_secret_enc.includes(CLIENT_SECRET), "the client secret is stored encrypted");
    assert.equal(t.kernel.crypto.decrypt("oidc_providers.client_secret", stored.client_secret_enc), CLIENT_SECRET);

    const read = await admin.get(url);
    assert.deepEqual(read.json(), res.json(), "the settings read back, without the secret");
    assert.equal((await reporter.get(url)).statusCode, 403);

    const list = await t.client().get("/api/v1/session/oidc-providers");
    assert.deepEqual(list.json().items, [{ organisationId: zevenaarId, displayName: "Zevenaar Inloggen" }]);

    const update = (await auditEvents("update")).at(-1)!;
    assert.equal(update.owner_organisation_id, zevenaarId);
    assert.deepEqual(update.details.fields, ["oidcProvider"]);
    assert.ok(!JSON.stringify(update.details).includes(CLIENT_SECRET), "the audit trail holds no secret");
  });

  it("redirects to the provider with PKCE, state and nonce, and remembers them", async () => {
    const res = await t.client().get(`/api/v1/session/oidc/${zevenaarId}`);
    assert.equal(res.statusCode, 302);
    const location = new URL(String(res.headers.location));
    assert.equal(location.origin, issuer);
    const params = location.searchParams;
    assert.equal(params.get("client_id"), CLIENT_ID);
    assert.equal(params.get("redirect_uri"), CALLBACK);
    assert.equal(params.get("response_type"), "code");
    assert.equal(params.get("scope"), "openid email profile");
    assert.equal(params.get("code_challenge_method"), "S256");
    assert.match(params.get("code_challenge") ?? "", /^[A-Za-z0-9_-]{43}$/);
    assert.ok(params.get("nonce"));
    const rows = await t.db.query<{ organisation_id: string; code_verifier: string; nonce: string }>(
      "select organisation_id, code_verifier, nonce from oidc_login_states where state = $1",
      [params.get("state")],
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.organisation_id, zevenaarId);
    assert.equal(rows[0]!.nonce, params.get("nonce"));
    assert.notEqual(rows[0]!.code_verifier, params.get("code_challenge"), "only the challenge leaves the server");
  });

  it("links the account by verified e-mail the first time, and by subject after that", async () => {
    const melderId = await userId("melder@zevenaar.demo");
    const first = await oidcLogin({ accountId: "idp-melder", amr: ["pwd"] });
    assert.equal(first.res.statusCode, 302);
    assert.equal(first.res.headers.location, "/");
    assert.ok(first.client.cookie, "a session cookie is set");
    const session = (await first.client.get("/api/v1/session")).json();
    assert.equal(session.stage, "authenticated", "a reporter needs no second factor");
    assert.equal(session.user.id, melderId);

    const subjectHash = t.kernel.crypto.blindIndex("oidc_subject", `${issuer}|idp-melder`);
    const linked = await t.db.query<{ oidc_subject_hash: string }>("select oidc_subject_hash from users where id = $1", [melderId]);
    assert.equal(linked[0]!.oidc_subject_hash, subjectHash);

    let login = (await auditEvents("login")).at(-1)!;
    assert.equal(login.actor_user_id, melderId);
    assert.equal(login.result, "success");
    assert.equal(login.details.method, "oidc");
    assert.equal(login.details.issuer, issuer);
    assert.equal(login.details.linked, true);

    // The provider changes the e-mail address: the subject still finds the same account.
    accounts.set("idp-melder", { email: "mila.nieuw@elders.example", email_verified: true, name: "Mila de Melder" });
    const second = await oidcLogin({ accountId: "idp-melder", amr: ["pwd"] });
    assert.equal(second.res.headers.location, "/");
    assert.equal((await second.client.get("/api/v1/session")).json().user.id, melderId);
    login = (await auditEvents("login")).at(-1)!;
    assert.equal(login.actor_user_id, melderId);
    assert.equal(login.details.linked, false);
  });

  it("sends a user with a second factor on to it, unless the provider reports multi-factor authentication", async () => {
    const single = await oidcLogin({ accountId: "idp-aandacht", amr: ["pwd"] });
    assert.equal(single.res.headers.location, "/inloggen/tweede-factor");
    assert.equal((await single.client.get("/api/v1/session")).json().stage, "second_factor");
    assert.equal((await single.client.get("/api/v1/users")).statusCode, 401);

    const multi = await oidcLogin({ accountId: "idp-aandacht", amr: ["pwd", "mfa"] });
    assert.equal(multi.res.headers.location, "/");
    assert.equal((await multi.client.get("/api/v1/session")).json().stage, "authenticated");
    const login = (await auditEvents("login")).at(-1)!;
    assert.deepEqual(login.details.amr, ["pwd", "mfa"]);
    assert.equal(login.details.stage, "authenticated");
  });

  it("creates no account for an unknown subject, nor for another organisation's or an unverified address", async () => {
    const before = (await t.db.query<{ n: number }>("select count(*)::int as n from users"))[0]!.n;
    for (const accountId of ["idp-stranger", "idp-politie", "idp-unverified"]) {
      const { res, client } = await oidcLogin({ accountId, amr: ["pwd"] });
      assert.equal(res.statusCode, 302);
      assert.equal(res.headers.location, "/inloggen?fout=oidc");
      assert.equal(client.cookie, null, "no session");
      const failure = await lastFailure();
      assert.equal(failure.details.reason, "unknown_subject");
      assert.equal(failure.details.method, "oidc");
      assert.equal(failure.owner_organisation_id, zevenaarId);
    }
    assert.equal((await t.db.query<{ n: number }>("select count(*)::int as n from users"))[0]!.n, before);
    const politie = await t.db.query<{ oidc_subject_hash: string | null }>("select oidc_subject_hash from users where id = $1", [await userId("politie@politie.demo")]);
    assert.equal(politie[0]!.oidc_subject_hash, null);
  });

  it("refuses an inactive user", async () => {
    const privacyId = await userId("privacy@zevenaar.demo");
    await t.db.query("update users set active = false where id = $1", [privacyId]);
    const { res, client } = await oidcLogin({ accountId: "idp-privacy", amr: ["mfa"] });
    assert.equal(res.headers.location, "/inloggen?fout=oidc");
    assert.equal(client.cookie, null);
    assert.equal((await lastFailure()).details.reason, "unknown_subject", "an inactive user is not linked either");
    await t.db.query("update users set active = true where id = $1", [privacyId]);

    const linked = await oidcLogin({ accountId: "idp-privacy", amr: ["mfa"] });
    assert.equal(linked.res.headers.location, "/");
    await t.db.query("update users set active = false where id = $1", [privacyId]);
    const again = await oidcLogin({ accountId: "idp-privacy", amr: ["mfa"] });
    assert.equal(again.res.headers.location, "/inloggen?fout=oidc");
    const failure = await lastFailure();
    assert.equal(failure.details.reason, "inactive");
    assert.equal(failure.actor_user_id, privacyId);
    await t.db.query("update users set active = true where id = $1", [privacyId]);
  });

  it("refuses a replayed, an unknown, a missing and an expired state", async () => {
    accounts.set("idp-melder", { email: "melder@zevenaar.demo", email_verified: true });
    const { res, back } = await oidcLogin({ accountId: "idp-melder", amr: ["pwd"] });
    assert.equal(res.headers.location, "/");

    const replay = t.client();
    const replayed = await replay.get(callbackPath(back));
    assert.equal(replayed.statusCode, 302);
    assert.equal(replayed.headers.location, "/inloggen?fout=oidc");
    assert.equal(replay.cookie, null);
    assert.equal((await lastFailure()).details.reason, "unknown_state");

    const forged = new URL(back);
    forged.searchParams.set("state", "not-a-state-we-issued");
    assert.equal((await t.client().get(callbackPath(forged))).headers.location, "/inloggen?fout=oidc");
    assert.equal((await lastFailure()).details.reason, "unknown_state");

    const missing = await t.client().get("/api/v1/session/oidc-callback?code=abc");
    assert.equal(missing.headers.location, "/inloggen?fout=oidc");
    assert.equal((await lastFailure()).details.reason, "missing_state");

    const repeated = await t.client().get("/api/v1/session/oidc-callback?state=a&state=b");
    assert.equal(repeated.statusCode, 302, "even a malformed callback ends at the login page");
    assert.equal(repeated.headers.location, "/inloggen?fout=oidc");

    // A state is good for ten minutes.
    nextLogin = { accountId: "idp-melder", amr: ["pwd"] };
    const c = t.client();
    const start = await c.get(`/api/v1/session/oidc/${zevenaarId}`);
    const late = await throughProvider(String(start.headers.location));
    t.clock.advance(11 * 60_000);
    const expired = await c.get(callbackPath(late));
    assert.equal(expired.headers.location, "/inloggen?fout=oidc");
    assert.equal(c.cookie, null);
    assert.equal((await lastFailure()).details.reason, "expired_state");
  });

  it("refuses a provider error and a malformed or unconfigured organisation without a 500", async () => {
    const denied = await t.client().get("/api/v1/session/oidc-callback?error=access_denied&state=whatever");
    assert.equal(denied.headers.location, "/inloggen?fout=oidc");
    const malformed = await t.client().get("/api/v1/session/oidc/not-a-uuid");
    assert.equal(malformed.statusCode, 302);
    assert.equal(malformed.headers.location, "/inloggen?fout=oidc");
    const other = await t.client().get("/api/v1/session/oidc/00000000-0000-4000-8000-000000000000");
    assert.equal(other.headers.location, "/inloggen?fout=oidc");
    assert.equal((await lastFailure()).details.reason, "no_provider");
  });

  it("unlinks the organisation's users when the issuer changes, so that they link anew", async () => {
    const url = `/api/v1/organisations/${zevenaarId}/oidc-provider`;
    const linkedCount = async () =>
      (await t.db.query<{ n: number }>("select count(*)::int as n from users where organisation_id = $1 and oidc_subject_hash is not null", [zevenaarId]))[0]!.n;
    const linked = await linkedCount();
    assert.ok(linked >= 2);

    const elsewhere = issuer.replace("127.0.0.1", "localhost");
    const moved = await admin.request("PUT", url, { issuer: elsewhere, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, displayName: "Zevenaar Inloggen" });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal((await auditEvents("update")).at(-1)!.details.unlinkedUsers, linked);
    assert.equal(await linkedCount(), 0);
    // The provider calls itself 127.0.0.1: discovery under another name fails, and says so.
    const start = await t.client().get(`/api/v1/session/oidc/${zevenaarId}`);
    assert.equal(start.headers.location, "/inloggen?fout=oidc");
    assert.equal((await lastFailure()).details.reason, "discovery_failed");

    const back = await admin.request("PUT", url, { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, displayName: "Zevenaar Inloggen" });
    assert.equal(back.statusCode, 200);
    const again = await oidcLogin({ accountId: "idp-melder", amr: ["pwd"] });
    assert.equal(again.res.headers.location, "/");
    assert.equal((await auditEvents("login")).at(-1)!.details.linked, true);
  });

  it("lets the administrator remove the provider", async () => {
    const url = `/api/v1/organisations/${zevenaarId}/oidc-provider`;
    const res = await admin.delete(url);
    assert.equal(res.statusCode, 204, res.body);
    assert.deepEqual((await t.client().get("/api/v1/session/oidc-providers")).json().items, []);
    assert.equal((await admin.delete(url)).statusCode, 404);
    const start = await t.client().get(`/api/v1/session/oidc/${zevenaarId}`);
    assert.equal(start.headers.location, "/inloggen?fout=oidc");
    assert.equal((await lastFailure()).details.reason, "no_provider");
    const update = (await auditEvents("update")).at(-1)!;
    assert.equal(update.details.removed, true);
    assert.equal(update.details.unlinkedUsers, 1);
  });
});
