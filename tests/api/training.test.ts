import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { trainingCoverage } from "../../src/server/modules/training/coverage.ts";
import { createUser, demoIds, eventsSince, lastSeq, withoutInstance, type DemoIds } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * Expertise over HTTP: a municipality's policy officer keeps teams, offers, sessions, participants and targets;
 * coverage per team counts distinct trained people against the staff count and says whether each target is
 * met, still due or missed; the focal officer reads coverage only; other municipalities and other roles see
 * nothing; every read and change of participants (staff data) is audited; participant names are encrypted.
 */
type Json = Record<string, unknown>;
const DAY = 86_400_000;

async function ok(res: Promise<{ statusCode: number; body: string; json: () => unknown }>, status = 200): Promise<Json> {
  const r = await res;
  assert.equal(r.statusCode, status, r.body);
  return (r.body ? r.json() : {}) as Json;
}

describe("training: offers, sessions, participants, targets and coverage", () => {
  let t: TestApp;
  let ids: DemoIds;
  const c = {} as Record<"policy" | "focal" | "admin" | "regionAdmin" | "duivenPolicy" | "care" | "reporter" | "privacy", TestClient>;
  const team: Record<string, string> = {};
  let offerId = "";
  let sessionId = "";
  let laterSessionId = "";
  const day = (offset: number) => new Date(t.clock.now.getTime() + offset * DAY).toISOString().slice(0, 10);

  before(async () => {
    t = await startTestApp();
    ids = await demoIds(t);
    const policy = await createUser(t, { organisationId: ids.organisations.zevenaar, roles: ["policy_officer"], displayName: "Pim Beleid" });
    c.policy = await t.login(policy.email, { totpSecret: policy.totpSecret });
    const duiven = await createUser(t, { organisationId: ids.organisations.duiven, roles: ["policy_officer"] });
    c.duivenPolicy = await t.login(duiven.email, { totpSecret: duiven.totpSecret });
    c.focal = await t.login("aandacht@zevenaar.demo");
    c.admin = await t.login("beheer@zevenaar.demo");
    c.regionAdmin = await t.login("regiobeheer@arnhem.demo");
    c.care = await t.login("zorg@zorgcoordinatie.demo");
    c.reporter = await t.login("melder@zevenaar.demo");
    c.privacy = await t.login("privacy@zevenaar.demo");
  });
  after(() => t?.close());

  it("a policy officer adds the municipality's teams with their staff count", async () => {
    for (const [name, staffCount] of [["Publiekszaken", 10], ["Handhaving", 4], ["Wijkteam", 20]] as const) {
      const created = await ok(c.policy.post("/api/v1/training-teams", { name, staffCount }), 201);
      assert.equal(created.municipalityId, ids.organisations.zevenaar);
      team[name] = created.id as string;
    }
    const duplicate = await c.policy.post("/api/v1/training-teams", { name: "publiekszaken", staffCount: 3 });
    assert.equal(duplicate.statusCode, 400);
    assert.equal((duplicate.json() as Json).code, "invalid_input");
    assert.deepEqual(((duplicate.json() as Json).invalidParams as Json[]).map((p) => p.name), ["name"]);
    const zero = await c.policy.post("/api/v1/training-teams", { name: "Leerplicht", staffCount: 0 });
    assert.equal(zero.statusCode, 400);
    const list = await ok(c.policy.get("/api/v1/training-teams"));
    assert.deepEqual((list.items as Json[]).map((i) => i.name), ["Handhaving", "Publiekszaken", "Wijkteam"]);
    await ok(c.policy.patch(`/api/v1/training-teams/${team.Handhaving}`, { staffCount: 5 }));
  });

  it("creates an offer and its sessions; bad input is refused field by field", async () => {
    const bad = await c.policy.post("/api/v1/training-offers", { kind: "webinar", title: "", link: "javascript:alert(1)" });
    assert.equal(bad.statusCode, 400);
    const names = ((bad.json() as Json).invalidParams as Json[]).map((p) => p.name).sort();
    assert.deepEqual(names, ["kind", "link", "title"]);
    const offer = await ok(c.policy.post("/api/v1/training-offers", {
      kind: "e_learning", title: "E-learning Mensenhandel herkennen", provider: "CCV", description: "Een uur.", link: "https://www.hetccv.nl/",
    }), 201);
    offerId = offer.id as string;
    assert.equal(offer.municipalityName, "Gemeente Zevenaar");
    assert.equal((offer.abilities as Json).manage, true);
    const wrongDates = await c.policy.post(`/api/v1/training-offers/${offerId}/sessions`, { startsOn: day(-10), endsOn: day(-20) });
    assert.equal(wrongDates.statusCode, 400);
    assert.equal(((wrongDates.json() as Json).invalidParams as Json[])[0]!.name, "endsOn");
    sessionId = (await ok(c.policy.post(`/api/v1/training-offers/${offerId}/sessions`, { startsOn: day(-30), place: "Online" }), 201)).id as string;
    laterSessionId = (await ok(c.policy.post(`/api/v1/training-offers/${offerId}/sessions`, { startsOn: day(10) }), 201)).id as string;
    const read = await ok(c.policy.get(`/api/v1/training-offers/${offerId}`));
    assert.equal((read.sessions as Json[]).length, 2);
    const list = await ok(c.policy.get("/api/v1/training-offers"));
    assert.equal((list.items as Json[])[0]!.sessionCount, 2);
  });

  it("adds participants with their team; a person once per session; names stored encrypted and audited", async () => {
    const before = await lastSeq(t);
    for (const [name, teamName, completion] of [
      ["Anouk de Vries", "Publiekszaken", "completed"], ["Daan Jansen", "Publiekszaken", "completed"], ["Jeroen Bakker", "Publiekszaken", "no_show"],
      ["Fatima El Amrani", "Handhaving", undefined],
    ] as const) {
      await ok(c.policy.post(`/api/v1/training-sessions/${sessionId}/participants`, { name, teamId: team[teamName], email: "x@zevenaar.nl", ...(completion ? { completion } : {}) }));
    }
    const again = await c.policy.post(`/api/v1/training-sessions/${sessionId}/participants`, { name: "  anouk DE vries ", teamId: team.Publiekszaken });
    assert.equal(again.statusCode, 400);
    assert.equal(((again.json() as Json).invalidParams as Json[])[0]!.code, "already_participant");
    const session = await ok(c.policy.get(`/api/v1/training-sessions/${sessionId}`));
    const participants = session.participants as Json[];
    assert.equal(participants.length, 4);
    assert.equal(participants.find((p) => p.name === "Fatima El Amrani")!.completion, "completed", "an e-learning defaults to completed");
    const stored = await t.db.query<{ name_enc: string; email_enc: string }>("select name_enc, email_enc from training_participants");
    assert.ok(stored.every((r) => !r.name_enc.includes("Anouk") && r.name_enc.startsWith("v1.") && r.email_enc.startsWith("v1.")));
    const events = await eventsSince(t, before);
    const created = events.filter((e) => e.action === "create" && e.object_type === "training_participant");
    assert.equal(created.length, 4);
    assert.ok(created.every((e) => e.data_subject_ref?.startsWith("training_participant:") && e.owner_organisation_id === ids.organisations.zevenaar));
    const read = events.find((e) => e.action === "read" && e.object_type === "training_session");
    assert.ok(read, "reading the participant list is audited");
    assert.ok(!JSON.stringify(events).includes("Anouk"), "no names in the audit trail");
  });

  it("coverage counts distinct trained people per team against targets: met, due and missed", async () => {
    // Anouk also attends a later session: she counts once.
    await ok(c.policy.post(`/api/v1/training-sessions/${laterSessionId}/participants`, { name: "Anouk de Vries", teamId: team.Publiekszaken }));
    await ok(c.policy.post("/api/v1/training-targets", { teamId: team.Publiekszaken, targetPercent: 90, dueOn: day(60) }), 201);
    await ok(c.policy.post("/api/v1/training-targets", { teamId: team.Handhaving, targetPercent: 20, dueOn: day(30) }), 201);
    const missed = await ok(c.policy.post("/api/v1/training-targets", { teamId: team.Wijkteam, targetPercent: 10, dueOn: day(-1) }), 201);
    const duplicate = await c.policy.post("/api/v1/training-targets", { teamId: team.Wijkteam, targetPercent: 50, dueOn: day(-1) });
    assert.equal(duplicate.statusCode, 400);
    const coverage = await ok(c.policy.get("/api/v1/training-coverage"));
    const byTeam = Object.fromEntries((coverage.teams as Json[]).map((row) => [row.team, row]));
    assert.deepEqual(
      { trained: byTeam.Publiekszaken!.trainedCount, percent: byTeam.Publiekszaken!.percent, status: (byTeam.Publiekszaken!.targets as Json[])[0]!.status },
      { trained: 2, percent: 20, status: "due" },
    );
    assert.deepEqual({ percent: byTeam.Handhaving!.percent, status: (byTeam.Handhaving!.targets as Json[])[0]!.status }, { percent: 20, status: "met" });
    assert.deepEqual({ percent: byTeam.Wijkteam!.percent, status: (byTeam.Wijkteam!.targets as Json[])[0]!.status }, { percent: 0, status: "not_met" });
    // As of a day before the session nobody was trained yet.
    const earlier = await ok(c.policy.get(`/api/v1/training-coverage?asOf=${day(-40)}`));
    assert.ok((earlier.teams as Json[]).every((row) => row.trainedCount === 0));
    // The shared function the baseline checklist uses says the same, computed in SQL.
    const shared = await t.db.transaction((tx) => trainingCoverage(tx, [ids.organisations.zevenaar, ids.organisations.duiven], day(0)));
    assert.deepEqual(shared[1], { municipalityId: ids.organisations.duiven, targets: [] });
    assert.deepEqual(shared[0]!.targets.map((g) => [g.team, g.targetPercent, g.trainedCount, g.staffCount, g.percent, g.met]), [
      ["Handhaving", 20, 1, 5, 20, true], ["Publiekszaken", 90, 2, 10, 20, false], ["Wijkteam", 10, 0, 20, 0, false],
    ]);
    await ok(c.policy.patch(`/api/v1/training-targets/${missed.id as string}`, { targetPercent: 5 }));
    const removed = await c.policy.delete(`/api/v1/training-targets/${missed.id as string}`);
    assert.equal(removed.statusCode, 204);
  });

  it("a participant's result can be corrected, which moves coverage; and removed", async () => {
    const session = await ok(c.policy.get(`/api/v1/training-sessions/${sessionId}`));
    const jeroen = (session.participants as Json[]).find((p) => p.name === "Jeroen Bakker")!;
    await ok(c.policy.patch(`/api/v1/training-participants/${jeroen.id as string}`, { completion: "completed" }));
    let coverage = await ok(c.policy.get("/api/v1/training-coverage"));
    assert.equal((coverage.teams as Json[]).find((row) => row.team === "Publiekszaken")!.trainedCount, 3);
    await ok(c.policy.delete(`/api/v1/training-participants/${jeroen.id as string}`));
    coverage = await ok(c.policy.get("/api/v1/training-coverage"));
    assert.equal((coverage.teams as Json[]).find((row) => row.team === "Publiekszaken")!.trainedCount, 2);
  });

  it("the focal officer reads coverage only; the administrator and the region administrator manage", async () => {
    const coverage = await ok(c.focal.get("/api/v1/training-coverage"));
    assert.equal((coverage.abilities as Json).manage, false);
    assert.equal((await c.focal.get("/api/v1/training-offers")).statusCode, 404);
    assert.equal((await c.focal.get(`/api/v1/training-sessions/${sessionId}`)).statusCode, 404);
    assert.equal((await c.focal.post("/api/v1/training-teams", { name: "Balie", staffCount: 3 })).statusCode, 404);
    await ok(c.admin.get(`/api/v1/training-sessions/${sessionId}`));
    const regional = await ok(c.regionAdmin.get(`/api/v1/training-offers?municipalityId=${ids.organisations.zevenaar}`));
    assert.equal((regional.items as Json[]).length, 1);
    const municipalities = await ok(c.regionAdmin.get("/api/v1/training-municipalities"));
    assert.deepEqual((municipalities.items as Json[]).map((m) => m.name), ["Gemeente Arnhem", "Gemeente Duiven", "Gemeente Zevenaar"]);
    // The region administrator works for an organisation that is a municipality (Arnhem): without a choice, that one.
    await ok(c.regionAdmin.get("/api/v1/training-coverage"));
  });

  it("another municipality, other roles and strangers see nothing, exactly as if it did not exist", async () => {
    const missing = "00000000-0000-4000-8000-000000000099";
    for (const who of ["duivenPolicy", "care", "reporter", "privacy"] as const) {
      const session = await c[who].get(`/api/v1/training-sessions/${sessionId}`);
      assert.equal(session.statusCode, 404, who);
      const none = await c[who].get(`/api/v1/training-sessions/${missing}`);
      assert.deepEqual(withoutInstance(session.json() as Json), withoutInstance(none.json() as Json), who);
      assert.equal((await c[who].get(`/api/v1/training-offers/${offerId}`)).statusCode, 404, who);
      assert.equal((await c[who].post(`/api/v1/training-sessions/${sessionId}/participants`, { name: "X", teamId: team.Wijkteam })).statusCode, 404, who);
      assert.equal((await c[who].get(`/api/v1/training-coverage?municipalityId=${ids.organisations.zevenaar}`)).statusCode, 404, who);
    }
    // The care coordinator's organisation is no municipality: there is nothing to choose from.
    const care = await c.care.get("/api/v1/training-coverage");
    assert.equal(care.statusCode, 400);
    assert.equal(((care.json() as Json).invalidParams as Json[])[0]!.name, "municipalityId");
    assert.deepEqual(((await ok(c.care.get("/api/v1/training-municipalities"))).items as Json[]), []);
    // Duiven's policy officer may not put a team in Duiven under Zevenaar's target.
    const foreign = await c.duivenPolicy.post("/api/v1/training-targets", { teamId: team.Wijkteam, targetPercent: 50, dueOn: day(5) });
    assert.equal(foreign.statusCode, 404);
    // A participant may only be in a team of the session's municipality.
    const duivenTeam = await ok(c.duivenPolicy.post("/api/v1/training-teams", { name: "Publiekszaken", staffCount: 4 }), 201);
    const wrongTeam = await c.policy.post(`/api/v1/training-sessions/${sessionId}/participants`, { name: "Iemand", teamId: duivenTeam.id });
    assert.equal(wrongTeam.statusCode, 400);
    assert.equal(((wrongTeam.json() as Json).invalidParams as Json[])[0]!.code, "unknown_team");
  });
});
