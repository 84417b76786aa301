import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildConsent, buildVictimFile, careIds, careSnapshot, daysFromToday, historyKinds, todayIn, type BuiltFile, type CareIds } from "../support/care.ts";
import { eventsSince, lastSeq } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The care trajectory's lifecycle through the API: intake → active → aftercare → closed and reopened, with
 * its reasons and guards, every change in the file's history and the audit trail (and a refused step in
 * neither), partners losing access when the trajectory closes, and a minor's youth route first.
 */
describe("care lifecycle: the trajectory's lifecycle through the API", () => {
  let t: TestApp;
  let ids: CareIds;
  let care: TestClient;
  let shelterUser: TestClient;
  let file: BuiltFile;

  before(async () => {
    t = await startTestApp();
    ids = await careIds(t);
    care = await t.login("zorg@zorgcoordinatie.demo");
    shelterUser = await t.login("opvang@delinde.demo");
    file = await buildVictimFile(t, { coordinatorId: ids.users["zorg@zorgcoordinatie.demo"]! });
  });
  after(() => t?.close());

  const move = (body: Record<string, unknown>) => care.post(`/api/v1/victim-files/${file.id}/transitions`, body);

  /** Moves the file and checks the history entry and the audit event the move wrote, together. */
  async function moved(body: Record<string, unknown>, expect: { from: string; kind?: string }) {
    const seq = await lastSeq(t);
    const historyBefore = (await historyKinds(t, file.id)).length;
    const res = await move(body);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, body.to);
    const latest = res.json().history.at(-1);
    assert.equal(latest.kind, expect.kind ?? "transition");
    assert.equal(latest.fromStatus, expect.from);
    assert.equal(latest.toStatus, body.to);
    assert.equal(latest.reason, body.reason ?? null);
    assert.equal((await historyKinds(t, file.id)).length, historyBefore + 1);
    const updates = (await eventsSince(t, seq)).filter((e) => e.action === "update");
    assert.equal(updates.length, 1);
    assert.equal(updates[0]!.object_type, "victim_file");
    assert.equal(updates[0]!.object_id, file.id);
    assert.equal(updates[0]!.actor_role, "care_coordinator");
    const details = JSON.parse(updates[0]!.details!);
    assert.equal(details.command, "transition");
    assert.equal(details.from, expect.from);
    assert.equal(details.to, body.to);
    return res.json();
  }

  /** A refused move: the stable code, and neither a history entry nor an audit event nor any change. */
  async function refused(body: Record<string, unknown>, status: number, code: string) {
    const before = await careSnapshot(t);
    const res = await move(body);
    assert.equal(res.statusCode, status, res.body);
    assert.equal(res.json().code, code);
    assert.ok(res.json().detail.length > 10);
    assert.deepEqual(await careSnapshot(t), before);
    return res.json();
  }

  it("intake → active → aftercare; back to active only with a reason", async () => {
    assert.deepEqual((await care.get(`/api/v1/victim-files/${file.id}`)).json().nextSteps, [
      { to: "active", needsReason: false, needsClosureReason: false },
      { to: "closed", needsReason: false, needsClosureReason: true },
    ]);
    await refused({ to: "aftercare" }, 409, "transition_not_allowed");
    await moved({ to: "active" }, { from: "intake" });
    await moved({ to: "aftercare" }, { from: "active" });
    const noReason = await refused({ to: "active" }, 409, "reason_required");
    assert.equal(noReason.invalidParams[0].name, "reason");
    await refused({ to: "active", reason: "   " }, 409, "reason_required");
    await moved({ to: "active", reason: "Terugval: opnieuw begeleiding nodig" }, { from: "aftercare" });
  });

  it("closing needs a closure reason; 'moved to another region' is refused; an open shelter placement blocks it", async () => {
    const plain = await refused({ to: "closed" }, 409, "closure_reason_required");
    assert.equal(plain.invalidParams[0].name, "closureReason");
    const moving = await refused({ to: "closed", closureReason: "moved_region" }, 409, "transition_not_allowed");
    assert.match(moving.detail, /overdracht/);
    await refused({ to: "closed", closureReason: "left_the_country" }, 400, "invalid_input");

    const placed = await care.post(`/api/v1/victim-files/${file.id}/shelter-placements`, { shelterOrganisationId: ids.organisations.opvang, placeType: "cosm", admittedOn: daysFromToday(t, -3) });
    assert.equal(placed.statusCode, 200, placed.body);
    await refused({ to: "closed", closureReason: "goals_reached" }, 409, "placement_open");
    const placementId = placed.json().shelter.placements[0].id;
    const left = await care.post(`/api/v1/victim-files/${file.id}/shelter-placements/${placementId}/leave`, { leftOn: todayIn(t), leaveKind: "outflow", destination: "own_housing" });
    assert.equal(left.statusCode, 200, left.body);
  });

  it("closing ends the partners' memberships at once; the coordinator keeps the file", async () => {
    const consent = await care.post(`/api/v1/victim-files/${file.id}/consents`, {
      purpose: "shelter", partyOrganisationId: ids.organisations.opvang, status: "given", decidedOn: todayIn(t), recordedHow: "written",
    });
    assert.equal(consent.statusCode, 200, consent.body);
    const added = await care.post(`/api/v1/victim-files/${file.id}/team-members`, {
      userId: ids.users["opvang@delinde.demo"], memberRole: "partner", purpose: "shelter", validUntil: daysFromToday(t, 90),
    });
    assert.equal(added.statusCode, 200, added.body);
    assert.equal((await shelterUser.get(`/api/v1/victim-files/${file.id}`)).statusCode, 200);

    const closed = await moved({ to: "closed", closureReason: "goals_reached" }, { from: "active" });
    assert.equal(closed.closureReason, "goals_reached");
    assert.ok(closed.closedAt);
    const partner = closed.team.find((m: { userId: string }) => m.userId === ids.users["opvang@delinde.demo"]);
    assert.equal(partner.active, false);
    assert.equal(partner.endReason, "file_closed");
    assert.ok(closed.team.find((m: { memberRole: string }) => m.memberRole === "coordinator").active);
    assert.equal((await shelterUser.get(`/api/v1/victim-files/${file.id}`)).statusCode, 404);
    assert.equal((await care.get(`/api/v1/victim-files/${file.id}`)).statusCode, 200);
    assert.deepEqual(closed.nextSteps, [{ to: "active", needsReason: true, needsClosureReason: false }]);
    const stored = await t.db.query<{ end_reason: string; ended_by: string }>("select end_reason, ended_by from case_team_members where file_id = $1 and member_role = 'partner'", [file.id]);
    assert.deepEqual(stored, [{ end_reason: "file_closed", ended_by: ids.users["zorg@zorgcoordinatie.demo"] }]);
  });

  it("a closed trajectory takes no plan changes, and reopens only with a reason", async () => {
    const need = await care.put(`/api/v1/victim-files/${file.id}/needs/medical`, { status: "need" });
    assert.equal(need.statusCode, 409);
    assert.equal(need.json().code, "transition_not_allowed");
    await refused({ to: "active" }, 409, "reason_required");
    await refused({ to: "aftercare", reason: "x" }, 409, "transition_not_allowed");
    const reopened = await moved({ to: "active", reason: "Cliënt meldt zich opnieuw bij de coördinator" }, { from: "closed", kind: "reopened" });
    assert.equal(reopened.closureReason, null);
    assert.equal(reopened.closedAt, null);
    const partner = reopened.team.find((m: { userId: string }) => m.userId === ids.users["opvang@delinde.demo"]);
    assert.equal(partner.active, false, "reopening does not give the partner access back");
  });

  it("the file's history holds every change, in order, and the audit trail one update per change", async () => {
    const history = (await care.get(`/api/v1/victim-files/${file.id}`)).json().history as { kind: string; fromStatus: string | null; toStatus: string | null }[];
    assert.deepEqual(
      history.filter((h) => h.toStatus).map((h) => `${h.kind}:${h.fromStatus ?? ""}→${h.toStatus}`),
      ["opened:→intake", "transition:intake→active", "transition:active→aftercare", "transition:aftercare→active", "transition:active→closed", "reopened:closed→active"],
    );
    assert.deepEqual(
      history.filter((h) => !h.toStatus).map((h) => h.kind),
      ["placement_added", "placement_left", "consent_recorded", "team_member_added"],
    );
    const audited = await t.db.query<{ details: string }>(
      "select details from audit_events where action = 'update' and object_type = 'victim_file' and object_id = $1 order by seq",
      [file.id],
    );
    assert.equal(audited.length, history.length - 1, "every change after opening, nothing more");
    assert.deepEqual(
      audited.map((a) => JSON.parse(a.details).command),
      ["transition", "transition", "transition", "update", "update", "record_consent", "manage_team", "transition", "transition"],
    );
    await assert.rejects(t.db.query("update victim_file_events set kind = 'x' where file_id = $1", [file.id]), "history is never edited");
    await assert.rejects(t.db.query("delete from victim_file_events where file_id = $1", [file.id]));
  });

  it("only a coordinator on the case team moves the trajectory", async () => {
    const colleague = await t.login("zorg2@zorgcoordinatie.demo");
    assert.equal((await colleague.post(`/api/v1/victim-files/${file.id}/transitions`, { to: "aftercare" })).statusCode, 404);
    const police = await t.login("politie@politie.demo");
    await buildConsent(t, file.id, { purpose: "criminal_investigation", partyOrganisationId: ids.organisations.politie, recordedBy: ids.users["zorg@zorgcoordinatie.demo"]! });
    const added = await care.post(`/api/v1/victim-files/${file.id}/team-members`, {
      userId: ids.users["politie@politie.demo"], memberRole: "partner", purpose: "criminal_investigation", validUntil: daysFromToday(t, 30),
    });
    assert.equal(added.statusCode, 200, added.body);
    const before = await careSnapshot(t);
    const res = await police.post(`/api/v1/victim-files/${file.id}/transitions`, { to: "aftercare" });
    assert.equal(res.statusCode, 403, "a partner may read the file, not move it");
    assert.deepEqual(await careSnapshot(t), before);
  });
});

describe("care lifecycle: a minor's trajectory waits for the youth route", () => {
  let t: TestApp;
  let ids: CareIds;
  let care: TestClient;

  before(async () => {
    t = await startTestApp();
    ids = await careIds(t);
    care = await t.login("zorg@zorgcoordinatie.demo");
  });
  after(() => t?.close());

  it("a minor cannot become active before Veilig Thuis is told, not even by closing at intake and reopening", async () => {
    const file = await buildVictimFile(t, { coordinatorId: ids.users["zorg@zorgcoordinatie.demo"]!, name: "Elena Minor", birthDate: daysFromToday(t, -15 * 366) });
    const url = `/api/v1/victim-files/${file.id}/transitions`;
    const read = (await care.get(`/api/v1/victim-files/${file.id}`)).json();
    assert.equal(read.minor, true);
    assert.ok(read.tasks.some((task: { kind: string }) => task.kind === "youth_route_missing"));

    const early = await care.post(url, { to: "active" });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().code, "youth_route_required");
    assert.equal((await care.post(url, { to: "closed", closureReason: "lost_contact" })).statusCode, 200);
    const reopen = await care.post(url, { to: "active", reason: "Weer in beeld via school" });
    assert.equal(reopen.statusCode, 409, reopen.body);
    assert.equal(reopen.json().code, "youth_route_required");
    assert.equal((await care.get(`/api/v1/victim-files/${file.id}`)).json().status, "closed");

    const told = await care.patch(`/api/v1/victim-files/${file.id}`, { veiligThuisNotifiedOn: todayIn(t), guardian: "Nidos, mw. De Vries" });
    assert.equal(told.statusCode, 200, told.body);
    const again = await care.post(url, { to: "active", reason: "Weer in beeld via school" });
    assert.equal(again.statusCode, 200, again.body);
    assert.equal(again.json().youth.guardian, "Nidos, mw. De Vries");
    assert.ok(!again.json().tasks.some((task: { kind: string }) => task.kind === "youth_route_missing"));
  });
});
