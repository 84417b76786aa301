import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { startBrpDemoServer } from "../../src/server/modules/enrichment/brp-demo-server.ts";
import { currentCatalogue } from "../../src/server/modules/indicators/indicators.repository.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";
import { demoIds, type DemoIds } from "../support/fixtures.ts";

/**
 * The reporting route through the API, as its users walk it: intake, recording, BRP enrichment,
 * assessment, referral to two partners, their answers, informing the reporter, closing — and who sees what.
 */
describe("signals: the six-step reporting route through the API", () => {
  let t: TestApp;
  let ids: DemoIds;
  let brp: { url: string; close(): Promise<void> };
  let reporter: TestClient;
  let focal: TestClient;
  let police: TestClient;
  let care: TestClient;
  let riec: TestClient;
  let codes: { general: string[]; labour: string[] };

  before(async () => {
    t = await startTestApp();
    ids = await demoIds(t);
    brp = await startBrpDemoServer({ port: 0 });
    reporter = await t.login("melder@zevenaar.demo");
    focal = await t.login("aandacht@zevenaar.demo");
    police = await t.login("politie@politie.demo");
    care = await t.login("zorg@zorgcoordinatie.demo");
    riec = await t.login("riec@riec.demo");
    const admin = await t.login("beheer@zevenaar.demo");
    const settings = await admin.request("PUT", `/api/v1/municipalities/${ids.organisations.zevenaar}/route-settings`, { brp: { baseUrl: brp.url } });
    assert.equal(settings.statusCode, 200, settings.body);
    const catalogue = await currentCatalogue(t.db, ids.regionId);
    codes = {
      general: catalogue.indicators.filter((i) => i.group === "general").map((i) => i.code),
      labour: catalogue.indicators.filter((i) => i.group === "labour").map((i) => i.code),
    };
  });
  after(async () => {
    await brp?.close();
    await t?.close();
  });

  const intake = () => ({
    municipalityId: ids.organisations.zevenaar,
    indicatorCodes: [codes.general[0]!, codes.labour[0]!, codes.labour[1]!],
    description: "Veertien arbeidsmigranten op één adres, busje haalt ze om vijf uur op.",
    observedOn: "2026-11-20",
    location: { kind: "address", postcode: "6901 ab", houseNumber: 12 },
    victims: [{ name: "Andrzej Nowak", birthDate: "1990-04-01", nationality: "POL" }],
    perpetrators: [{ description: "Man met busje, Duits kenteken" }],
    reporterTeam: "Team Publiekszaken",
    reporterAnonymous: true,
  });

  let signalId = "";

  it("an employee submits a signal; a retried request with the same key creates no second one", async () => {
    const key = randomUUID();
    const first = await reporter.request("POST", "/api/v1/signals", intake(), { "idempotency-key": key });
    assert.equal(first.statusCode, 201, first.body);
    const again = await reporter.request("POST", "/api/v1/signals", intake(), { "idempotency-key": key });
    assert.equal(again.statusCode, 200, again.body);
    assert.equal(again.json().id, first.json().id);
    assert.match(first.json().reference, /^ZEV-\d{4}-\d{5}$/);
    const count = await t.db.query<{ n: string }>("select count(*) as n from signals");
    assert.equal(Number(count[0]!.n), 1);
    const reused = await reporter.request("POST", "/api/v1/signals", { ...intake(), description: "iets anders" }, { "idempotency-key": key });
    assert.equal(reused.statusCode, 422);
    assert.equal(reused.json().code, "idempotency_key_reused");
    signalId = first.json().id;
    // Stored encrypted: the text is nowhere in plain form.
    const raw = await t.db.query<Record<string, unknown>>("select * from signals where id = $1", [signalId]);
    assert.ok(!JSON.stringify(raw).includes("arbeidsmigranten"));
  });

  it("the reporter sees status only; partners see nothing before a referral; the focal officer sees it all", async () => {
    const mine = await reporter.get("/api/v1/signals/mine");
    assert.equal(mine.json().items.length, 1);
    assert.deepEqual(Object.keys(mine.json().items[0]).sort(), ["closedAt", "feedbackToReporter", "id", "municipalityName", "receivedAt", "reference", "status"]);
    assert.equal((await reporter.get(`/api/v1/signals/${signalId}`)).statusCode, 404);
    assert.equal((await police.get(`/api/v1/signals/${signalId}`)).statusCode, 404);
    assert.equal((await police.get("/api/v1/signals")).json().total, 0);
    const read = await focal.get(`/api/v1/signals/${signalId}`);
    assert.equal(read.statusCode, 200, read.body);
    const s = read.json();
    assert.equal(s.victims[0].name, "Andrzej Nowak");
    assert.equal(s.reporter.anonymous, true);
    assert.equal(s.reporter.team, "Team Publiekszaken");
    assert.deepEqual(s.suggestedForms, ["labour"]);
    assert.equal(s.catalogue.version, 1);
    assert.equal(s.indicators.length, 3);
  });

  it("refuses a step the route does not allow, and a skip without reason", async () => {
    const wrong = await focal.post(`/api/v1/signals/${signalId}/transitions`, { to: "referred" });
    assert.equal(wrong.statusCode, 409);
    assert.equal(wrong.json().code, "reason_required");
    const skip = await focal.post(`/api/v1/signals/${signalId}/transitions`, { to: "enriched" });
    assert.equal(skip.json().code, "reason_required");
  });

  it("the focal officer records, enriches from the BRP, assesses as acute and refers to police and care coordination", async () => {
    const recorded = await focal.post(`/api/v1/signals/${signalId}/transitions`, { to: "recorded" });
    assert.equal(recorded.statusCode, 200, recorded.body);
    const early = await focal.post(`/api/v1/signals/${signalId}/transitions`, { to: "enriched" });
    assert.equal(early.json().code, "enrichment_required");
    const lookup = await focal.post(`/api/v1/signals/${signalId}/enrichments`, { source: "brp", purpose: "Bewoning van het adres vaststellen" });
    assert.equal(lookup.statusCode, 200, lookup.body);
    assert.equal(lookup.json().enrichments[0].registeredCount, 14);
    assert.equal((await focal.post(`/api/v1/signals/${signalId}/transitions`, { to: "enriched" })).statusCode, 200);
    const assessed = await focal.post(`/api/v1/signals/${signalId}/transitions`, { to: "assessed", urgency: "acute", exploitationForms: ["labour"] });
    assert.equal(assessed.statusCode, 200, assessed.body);
    assert.equal(assessed.json().urgency, "acute");
    const toPolice = await focal.post(`/api/v1/signals/${signalId}/referrals`, {
      organisationId: ids.organisations.politie, channel: "police", purpose: "Onderzoek naar uitbuiting", sharedParts: ["description", "location", "victims", "perpetrators", "reporter"],
    });
    assert.equal(toPolice.statusCode, 200, toPolice.body);
    assert.equal(toPolice.json().status, "referred");
    assert.ok(!toPolice.json().referrals[0].sharedParts.includes("reporter"), "the anonymous reporter is withheld");
    const toCare = await focal.post(`/api/v1/signals/${signalId}/referrals`, {
      organisationId: ids.organisations.zorg, channel: "care_coordination", purpose: "Zorg voor het slachtoffer", sharedParts: ["victims"],
    });
    assert.equal(toCare.statusCode, 200, toCare.body);
    const twice = await focal.post(`/api/v1/signals/${signalId}/referrals`, {
      organisationId: ids.organisations.zorg, channel: "care_coordination", purpose: "nogmaals", sharedParts: ["victims"],
    });
    assert.equal(twice.json().code, "already_referred");
  });

  it("each partner sees exactly the shared parts; a third organisation finds nothing", async () => {
    const p = (await police.get(`/api/v1/signals/${signalId}`)).json();
    assert.equal(p.description.includes("arbeidsmigranten"), true);
    assert.equal(p.reporter, null);
    assert.equal(p.history, null);
    assert.equal(p.referrals.length, 1);
    const c = (await care.get(`/api/v1/signals/${signalId}`)).json();
    assert.equal(c.description, null);
    assert.equal(c.location, null);
    assert.equal(c.victims[0].name, "Andrzej Nowak");
    assert.equal((await riec.get(`/api/v1/signals/${signalId}`)).statusCode, 404);
    assert.equal((await riec.get("/api/v1/signals")).json().total, 0);
    assert.equal((await police.get("/api/v1/signals")).json().total, 1);
  });

  it("the police accept and report back; the care coordinator declines with a reason; the route moves on", async () => {
    const policeReferral = (await police.get(`/api/v1/signals/${signalId}`)).json().referrals[0];
    const careReferral = (await care.get(`/api/v1/signals/${signalId}`)).json().referrals[0];
    assert.equal((await care.post(`/api/v1/referrals/${policeReferral.id}/accept`)).statusCode, 404, "not theirs");
    assert.equal((await police.post(`/api/v1/referrals/${policeReferral.id}/accept`)).statusCode, 200);
    const fb = await police.post(`/api/v1/referrals/${policeReferral.id}/feedback`, { outcome: "investigation_started", text: "AVIM start onderzoek." });
    assert.equal(fb.statusCode, 200, fb.body);
    const noReason = await care.post(`/api/v1/referrals/${careReferral.id}/decline`, {});
    assert.equal(noReason.statusCode, 400);
    const declined = await care.post(`/api/v1/referrals/${careReferral.id}/decline`, { reason: "Slachtoffer nog niet in beeld; eerst politieonderzoek." });
    assert.equal(declined.statusCode, 200, declined.body);
    const s = (await focal.get(`/api/v1/signals/${signalId}`)).json();
    assert.equal(s.status, "feedback_collected");
    assert.equal(s.referrals.find((r: { organisationId: string }) => r.organisationId === ids.organisations.zorg).declineReason, "Slachtoffer nog niet in beeld; eerst politieonderzoek.");
  });

  it("the focal officer informs the reporter and closes; the reporter sees the feedback meant for them", async () => {
    const informed = await focal.post(`/api/v1/signals/${signalId}/transitions`, { to: "reporter_informed", feedbackToReporter: "De politie heeft een onderzoek gestart. Dank voor uw melding." });
    assert.equal(informed.statusCode, 200, informed.body);
    const closed = await focal.post(`/api/v1/signals/${signalId}/transitions`, { to: "closed", outcome: "referred_to_investigation" });
    assert.equal(closed.statusCode, 200, closed.body);
    const mine = (await reporter.get("/api/v1/signals/mine")).json().items[0];
    assert.equal(mine.status, "closed");
    assert.equal(mine.feedbackToReporter, "De politie heeft een onderzoek gestart. Dank voor uw melding.");
    const history = (await focal.get(`/api/v1/signals/${signalId}`)).json().history as { kind: string; toStatus: string | null }[];
    assert.deepEqual(
      history.filter((h) => h.kind === "transition").map((h) => h.toStatus),
      ["recorded", "enriched", "assessed", "referred", "feedback_collected", "reporter_informed", "closed"],
    );
    assert.equal((await focal.post(`/api/v1/signals/${signalId}/transitions`, { to: "recorded" })).json().code, "transition_not_allowed");
  });

  it("the focal officer reopens with a reason; history is never edited", async () => {
    assert.equal((await focal.post(`/api/v1/signals/${signalId}/reopen`, {})).statusCode, 400);
    const reopened = await focal.post(`/api/v1/signals/${signalId}/reopen`, { reason: "Nieuwe informatie van de wijkagent" });
    assert.equal(reopened.statusCode, 200, reopened.body);
    assert.equal(reopened.json().status, "recorded");
    await assert.rejects(t.db.query("update signal_events set kind = 'x'"));
  });

  it("merges a duplicate into the original", async () => {
    const dup = await reporter.request("POST", "/api/v1/signals", { ...intake(), description: "Zelfde adres, weer busje" }, { "idempotency-key": randomUUID() });
    const merged = await focal.post(`/api/v1/signals/${dup.json().id}/merge`, { into: (await focal.get(`/api/v1/signals/${signalId}`)).json().reference, reason: "Zelfde adres en situatie" });
    assert.equal(merged.statusCode, 200, merged.body);
    assert.equal(merged.json().outcome, "merged");
    assert.equal(merged.json().mergedIntoId, signalId);
    assert.equal((await focal.post(`/api/v1/signals/${signalId}/merge`, { into: signalId, reason: "zichzelf" })).json().code, "merge_refused");
    assert.equal((await focal.post(`/api/v1/signals/${dup.json().id}/reopen`, { reason: "toch apart" })).json().code, "transition_not_allowed");
    // Hit/no-hit: the original now knows another signal concerns the same address and person.
    const original = (await focal.get(`/api/v1/signals/${signalId}`)).json();
    assert.equal(original.locationOtherSignals, true);
    assert.equal(original.victims[0].otherSignals, true);
  });

  it("the work queue filters, sorts, pages and searches by words and reference", async () => {
    const all = (await focal.get("/api/v1/signals")).json();
    assert.equal(all.total, 2);
    assert.equal((await focal.get("/api/v1/signals?status=open")).json().total, 1);
    assert.equal((await focal.get("/api/v1/signals?urgency=acute")).json().total, 1);
    assert.equal((await focal.get("/api/v1/signals?form=labour")).json().total, 1);
    assert.equal((await focal.get(`/api/v1/signals?referredTo=${ids.organisations.politie}`)).json().total, 1);
    assert.equal((await focal.get("/api/v1/signals?q=busje")).json().total, 2);
    assert.equal((await focal.get("/api/v1/signals?q=Nowak")).json().total, 2);
    assert.equal((await focal.get("/api/v1/signals?q=fietsenmaker")).json().total, 0);
    const ref = all.items[0].reference;
    assert.equal((await focal.get(`/api/v1/signals?q=${ref}`)).json().items[0].reference, ref);
    const paged = (await focal.get("/api/v1/signals?pageSize=1&page=2&sort=-received_at")).json();
    assert.equal(paged.items.length, 1);
    assert.equal(paged.total, 2);
    assert.equal((await focal.get("/api/v1/signals?sort=bogus")).statusCode, 400);
  });

  it("every look at the signal is in the audit trail", async () => {
    const rows = await t.db.query<{ action: string; actor_role: string | null; purpose: string | null }>(
      "select action, actor_role, purpose from audit_events where object_type = 'signal' and object_id = $1 order by seq",
      [signalId],
    );
    const reads = rows.filter((r) => r.action === "read");
    assert.ok(reads.some((r) => r.actor_role === "focal_officer"));
    assert.ok(reads.some((r) => r.actor_role === "partner"));
    assert.ok(reads.some((r) => r.actor_role === "care_coordinator"));
    const denied = await t.db.query("select 1 from audit_events where action = 'access_denied' and object_id = $1", [signalId]);
    assert.ok(denied.length >= 2, "the reporter's and the RIEC's attempts are recorded");
    const brpReads = await t.db.query<{ purpose: string }>("select purpose from audit_events where object_type = 'brp_address'");
    assert.deepEqual(brpReads.map((r) => r.purpose), ["Bewoning van het adres vaststellen"]);
  });
});

describe("signals: bad input gets a clear 4xx and stores nothing", () => {
  let t: TestApp;
  let ids: DemoIds;
  let reporter: TestClient;
  before(async () => {
    t = await startTestApp();
    ids = await demoIds(t);
    reporter = await t.login("melder@zevenaar.demo");
  });
  after(() => t?.close());

  const count = async () => Number((await t.db.query<{ n: string }>("select count(*) as n from signals"))[0]!.n);
  const base = () => ({ municipalityId: ids.organisations.zevenaar, description: "Iets gezien" });

  it("a malformed postcode, oversize text, unknown fields, an unknown indicator, wrong content type", async () => {
    const cases: [unknown, number, string][] = [
      [{ ...base(), location: { kind: "address", postcode: "1234 SS", houseNumber: 1 } }, 400, "location.postcode"],
      [{ ...base(), location: { kind: "address", postcode: "0123AB", houseNumber: 1 } }, 400, "location.postcode"],
      [{ ...base(), location: { kind: "business", kvkNumber: "123" } }, 400, "location.kvkNumber"],
      [{ ...base(), description: "x".repeat(10_001) }, 400, "description"],
      [{ ...base(), victims: [{ name: "A", shoeSize: 44 }] }, 400, "victims.0"],
      [{ ...base(), secret: true }, 400, ""],
      [{ ...base(), indicatorCodes: ["does-not-exist"] }, 400, "indicatorCodes"],
      [{ ...base(), victims: [{ birthDate: "1990-02-30" }] }, 400, "victims.0.birthDate"],
    ];
    for (const [body, status, param] of cases) {
      const res = await reporter.post("/api/v1/signals", body);
      assert.equal(res.statusCode, status, `${JSON.stringify(body).slice(0, 80)}: ${res.body}`);
      assert.equal(res.headers["content-type"], "application/problem+json; charset=utf-8");
      if (param) assert.ok(res.json().invalidParams.some((p: { name: string }) => p.name.startsWith(param)), res.body);
    }
    const text = await reporter.request("POST", "/api/v1/signals", "description=x", { "content-type": "text/plain" });
    assert.equal(text.statusCode, 415);
    const huge = await reporter.post("/api/v1/signals", { ...base(), description: "x".repeat(300_000) });
    assert.equal(huge.statusCode, 413);
    assert.equal(await count(), 0);
  });

  it("a municipality outside the reporter's regions is refused", async () => {
    const before = await count();
    const res = await reporter.post("/api/v1/signals", { ...base(), municipalityId: randomUUID() });
    assert.equal(res.statusCode, 400);
    assert.equal(await count(), before);
  });

  it("without a BRP connection the focal officer records a note instead", async () => {
    const submitted = await reporter.post("/api/v1/signals", { ...base(), location: { kind: "address", postcode: "6901AB", houseNumber: 12 } });
    assert.equal(submitted.statusCode, 201, submitted.body);
    const focal = await t.login("aandacht@zevenaar.demo");
    const id = submitted.json().id;
    assert.equal((await focal.get(`/api/v1/signals/${id}`)).json().brpAvailable, false);
    const lookup = await focal.post(`/api/v1/signals/${id}/enrichments`, { source: "brp", purpose: "bewoning" });
    assert.equal(lookup.statusCode, 409);
    assert.equal(lookup.json().code, "brp_not_configured");
    const note = await focal.post(`/api/v1/signals/${id}/enrichments`, { source: "manual", purpose: "bewoning", note: "Volgens de wijkagent wonen er veel mensen." });
    assert.equal(note.statusCode, 200, note.body);
    assert.equal(note.json().enrichments[0].note, "Volgens de wijkagent wonen er veel mensen.");
  });

  it("an unauthenticated submit is 401", async () => {
    const res = await t.client().post("/api/v1/signals", base());
    assert.equal(res.statusCode, 401);
  });
});
