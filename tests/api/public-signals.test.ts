import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PUBLIC_REPORTS_PER_HOUR } from "../../src/server/modules/signals/public.routes.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

/**
 * A citizen's anonymous report from the public page: no login, lands in the chosen municipality's queue,
 * stores nothing about the sender, and holds off bots (honeypot, size limit, rate limit).
 */
describe("public: anonymous reports by citizens", () => {
  let t: TestApp;
  let zevenaar: string;
  let address = 0;
  // Every test its own client, so the rate limit of one does not spill into another.
  const anonymous = () => t.client(`10.77.0.${(address += 1)}`);

  const countSignals = async () => Number((await t.db.query<{ n: string }>("select count(*) as n from signals"))[0]!.n);
  const countSessions = async () => Number((await t.db.query<{ n: string }>("select count(*) as n from sessions"))[0]!.n);
  const report = (extra: Record<string, unknown> = {}) => ({
    municipalityId: zevenaar,
    description: "In de kas aan de dijk werken elke nacht mensen die er ook lijken te slapen. De ramen zijn afgeplakt.",
    ...extra,
  });

  before(async () => {
    t = await startTestApp();
    const rows = await t.db.query<{ id: string }>("select id from organisations where name = 'Gemeente Zevenaar'");
    zevenaar = rows[0]!.id;
  });
  after(() => t?.close());

  it("lists the active municipalities of every region without login", async () => {
    const res = await anonymous().get("/api/v1/public/municipalities");
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json() as { id: string; name: string; regionId: string; regionName: string }[];
    const found = items.find((m) => m.id === zevenaar);
    assert.ok(found, "Zevenaar is listed");
    assert.equal(found.name, "Gemeente Zevenaar");
    assert.match(found.regionId, /^[0-9a-f-]{36}$/);
    assert.ok(found.regionName.length > 0);
    const types = await t.db.query<{ type: string }>(`select distinct type from organisations where id in (${items.map((_, i) => `$${i + 1}`).join(",")})`, items.map((m) => m.id));
    assert.deepEqual(types.map((r) => r.type), ["municipality"]);
  });

  it("accepts a report without login (202) as a citizen's signal of that municipality, storing no client address", async () => {
    const sessionsBefore = await countSessions();
    const client = t.client("10.99.88.77");
    const res = await client.post(
      "/api/v1/public/signals",
      report({ observedOn: "2026-11-01", location: { kind: "address", postcode: "6901 ab", houseNumber: "12" } }),
    );
    assert.equal(res.statusCode, 202, res.body);
    const receipt = res.json() as { received: boolean; reference: string };
    assert.equal(receipt.received, true);
    assert.match(receipt.reference, /^[A-Z]{3}-\d{4}-\d{5}$/);
    assert.equal(client.cookie, null, "no session cookie");
    assert.equal(await countSessions(), sessionsBefore, "no session");

    const rows = await t.db.query<Record<string, unknown>>("select * from signals where reference = $1", [receipt.reference]);
    assert.equal(rows.length, 1);
    const signal = rows[0]!;
    assert.equal(signal.source, "citizen");
    assert.equal(signal.municipality_id, zevenaar);
    assert.equal(signal.status, "received");
    assert.equal(signal.reporter_user_id, null);
    assert.ok(!JSON.stringify(signal).includes("10.99.88.77"), "the address is not in the signal");

    const events = await t.db.query<{ client_address: string | null; actor_user_id: string | null; details: unknown }>(
      "select client_address, actor_user_id, details from audit_events where object_id = $1",
      [String(signal.id)],
    );
    assert.ok(events.length >= 1, "the intake is audited");
    for (const event of events) {
      assert.equal(event.client_address, null);
      assert.equal(event.actor_user_id, null);
      assert.ok(!JSON.stringify(event.details).includes("10.99.88.77"));
    }
    const anywhere = await t.db.query<{ n: string }>("select count(*) as n from audit_events where client_address = '10.99.88.77'");
    assert.equal(Number(anywhere[0]!.n), 0, "the address is nowhere in the audit trail");

    // It lands in the focal officer's queue of Zevenaar.
    const focal = await t.login("aandacht@zevenaar.demo");
    const queue = await focal.get(`/api/v1/signals?q=${encodeURIComponent(receipt.reference)}`);
    assert.equal(queue.statusCode, 200, queue.body);
    assert.ok(JSON.stringify(queue.json()).includes(receipt.reference));
  });

  it("answers a filled-in honeypot with a plausible 202 but stores nothing", async () => {
    const before = await countSignals();
    const auditBefore = Number((await t.db.query<{ n: string }>("select count(*) as n from audit_events"))[0]!.n);
    const res = await anonymous().post("/api/v1/public/signals", report({ website: "https://spam.example" }));
    assert.equal(res.statusCode, 202, res.body);
    assert.equal(res.json().received, true);
    assert.match(res.json().reference, /^ZEV-\d{4}-\d{5}$/);
    assert.equal(await countSignals(), before);
    assert.equal(Number((await t.db.query<{ n: string }>("select count(*) as n from audit_events"))[0]!.n), auditBefore);
  });

  it("refuses an oversize body with 413 and stores nothing", async () => {
    const before = await countSignals();
    const res = await anonymous().post("/api/v1/public/signals", report({ description: "x".repeat(20_000) }));
    assert.equal(res.statusCode, 413, res.body);
    assert.equal(res.json().code, "payload_too_large");
    assert.equal(await countSignals(), before);
  });

  it("refuses unknown fields and a malformed postcode with 400 and invalidParams", async () => {
    const before = await countSignals();
    const unknown = await anonymous().post("/api/v1/public/signals", report({ email: "ik@example.nl" }));
    assert.equal(unknown.statusCode, 400, unknown.body);
    assert.equal(unknown.json().code, "invalid_input");
    assert.ok((unknown.json().invalidParams as { name: string }[]).some((p) => p.name.includes("email")), unknown.body);

    const postcode = await anonymous().post("/api/v1/public/signals", report({ location: { kind: "address", postcode: "12345", houseNumber: 3 } }));
    assert.equal(postcode.statusCode, 400, postcode.body);
    assert.ok((postcode.json().invalidParams as { name: string }[]).some((p) => p.name === "location.postcode"), postcode.body);

    const empty = await anonymous().post("/api/v1/public/signals", report({ description: "   " }));
    assert.equal(empty.statusCode, 400, empty.body);
    assert.ok((empty.json().invalidParams as { name: string }[]).some((p) => p.name === "description"), empty.body);
    assert.equal(await countSignals(), before);
  });

  it("refuses a text/plain body with 415", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/public/signals",
      remoteAddress: "10.77.1.1",
      headers: { "content-type": "text/plain" },
      payload: "ik zag iets",
    });
    assert.equal(res.statusCode, 415, res.body);
    assert.equal(res.json().code, "unsupported_media_type");
  });

  it(`answers 429 after ${PUBLIC_REPORTS_PER_HOUR} reports from one client in an hour`, async () => {
    const client = anonymous();
    for (let i = 0; i < PUBLIC_REPORTS_PER_HOUR; i += 1) {
      assert.equal((await client.post("/api/v1/public/signals", report())).statusCode, 202);
    }
    const before = await countSignals();
    const limited = await client.post("/api/v1/public/signals", report());
    assert.equal(limited.statusCode, 429, limited.body);
    assert.equal(limited.json().code, "rate_limited");
    assert.match(limited.json().detail, /112/);
    assert.equal(await countSignals(), before);
    // Another client is not affected.
    assert.equal((await anonymous().post("/api/v1/public/signals", report())).statusCode, 202);
  });
});
