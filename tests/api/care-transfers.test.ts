import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildConsent, buildVictimFile, careIds, careSnapshot, daysFromToday, historyKinds, todayIn, type BuiltFile, type CareIds } from "../support/care.ts";
import { eventsSince, lastSeq } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * Handing a victim file over to the care coordination of another region through the API: only with
 * consent for the transfer; the receiver sees the handover but not the file until they accept; accepting
 * opens a new file there and closes the old one as "moved to another region"; declining and withdrawing.
 */
describe("care transfers: handing a file over to another region", () => {
  let t: TestApp;
  let ids: CareIds;
  let care: TestClient;
  let ijssel: TestClient;
  let police: TestClient;
  let file: BuiltFile;
  let transferId = "";
  let newFileId = "";

  before(async () => {
    t = await startTestApp();
    ids = await careIds(t);
    care = await t.login("zorg@zorgcoordinatie.demo");
    ijssel = await t.login("zorg@ijsselland.demo");
    police = await t.login("politie@politie.demo");
    const zorg = ids.users["zorg@zorgcoordinatie.demo"]!;
    file = await buildVictimFile(t, { coordinatorId: zorg, name: "Mihai Ionescu", birthDate: "2001-07-30", gender: "male", exploitationForms: ["labour", "criminal"] });
    // What the file holds before it moves: needs, a reflection period, consent for CoMensha and the police on the team.
    assert.equal((await care.put(`/api/v1/victim-files/${file.id}/needs/shelter_housing`, { status: "need", note: "Zoekt woonruimte in Deventer" })).statusCode, 200);
    assert.equal((await care.put(`/api/v1/victim-files/${file.id}/needs/legal_aid`, { status: "in_progress" })).statusCode, 200);
    assert.equal((await care.put(`/api/v1/victim-files/${file.id}/reflection-period`, { offeredOn: daysFromToday(t, -20) })).statusCode, 200);
    await buildConsent(t, file.id, { purpose: "comensha_registration", partyName: "CoMensha", recordedBy: zorg });
    await buildConsent(t, file.id, { purpose: "criminal_investigation", partyOrganisationId: ids.organisations.politie, recordedBy: zorg });
    const added = await care.post(`/api/v1/victim-files/${file.id}/team-members`, {
      userId: ids.users["politie@politie.demo"], memberRole: "partner", purpose: "criminal_investigation", validUntil: daysFromToday(t, 90),
    });
    assert.equal(added.statusCode, 200, added.body);
  });
  after(() => t?.close());

  const propose = (body: Record<string, unknown> = {}) =>
    care.post(`/api/v1/victim-files/${file.id}/transfers`, { organisationId: ids.organisations.zorgijssel, reason: "Cliënt verhuist naar familie in Deventer", ...body });

  it("without consent for the transfer it is refused with 409, and nothing is stored", async () => {
    const before = await careSnapshot(t);
    const res = await propose();
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().code, "consent_required");
    assert.match(res.json().detail, /Zorgcoördinatie Mensenhandel IJsselland/);
    assert.deepEqual(await careSnapshot(t), before);
    assert.deepEqual((await ijssel.get("/api/v1/victim-file-transfers")).json().items, []);
  });

  it("with consent the transfer is pending; the receiver sees the handover, not the file", async () => {
    const consent = await care.post(`/api/v1/victim-files/${file.id}/consents`, {
      purpose: "transfer", partyOrganisationId: ids.organisations.zorgijssel, status: "given", decidedOn: todayIn(t), recordedHow: "written",
    });
    assert.equal(consent.statusCode, 200, consent.body);
    const res = await propose();
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, "intake", "the file stays as it is until the receiver answers");
    assert.equal(res.json().pendingTransfer.toOrganisationName, "Zorgcoördinatie Mensenhandel IJsselland");
    transferId = res.json().pendingTransfer.id;

    const incoming = (await ijssel.get("/api/v1/victim-file-transfers")).json().items;
    assert.equal(incoming.length, 1);
    const handover = incoming[0];
    assert.equal(handover.id, transferId);
    assert.equal(handover.direction, "incoming");
    assert.equal(handover.fileId, null, "the receiver does not get the file's id");
    assert.equal(handover.fileReference, file.reference);
    assert.equal(handover.status, "pending");
    assert.equal(handover.reason, "Cliënt verhuist naar familie in Deventer");
    assert.equal(handover.basis, "consent");
    assert.equal(handover.ageGroup, "24_30");
    assert.deepEqual(handover.exploitationForms, ["labour", "criminal"]);
    assert.ok(!JSON.stringify(handover).includes("Ionescu"), "no name in the handover");
    const overview = (await ijssel.get("/api/v1/care-overview")).json();
    assert.deepEqual(overview.incomingTransfers.map((i: { id: string; fileReference: string }) => [i.id, i.fileReference]), [[transferId, file.reference]]);
    assert.equal((await ijssel.get(`/api/v1/victim-files/${file.id}`)).statusCode, 404);
    assert.equal((await ijssel.get(`/api/v1/victim-files?q=${file.reference}`)).json().total, 0);

    const outgoing = (await care.get("/api/v1/victim-file-transfers?status=pending")).json().items;
    assert.deepEqual(outgoing.map((o: { id: string; direction: string; fileId: string }) => [o.id, o.direction, o.fileId]), [[transferId, "outgoing", file.id]]);
    assert.deepEqual((await care.get("/api/v1/care-overview")).json().incomingTransfers, [], "the sender's overview lists incoming transfers only");
    const notified = await t.db.query("select 1 from notifications where user_id = $1 and kind = 'transfer_proposed'", [ids.users["zorg@ijsselland.demo"]]);
    assert.equal(notified.length, 1);
  });

  it("while it is pending the trajectory does not move and no second transfer is proposed", async () => {
    const before = await careSnapshot(t);
    const moved = await care.post(`/api/v1/victim-files/${file.id}/transitions`, { to: "active" });
    assert.equal(moved.statusCode, 409);
    assert.equal(moved.json().code, "transfer_pending");
    const second = await propose();
    assert.equal(second.statusCode, 409);
    assert.equal(second.json().code, "transfer_pending");
    assert.deepEqual(await careSnapshot(t), before);
    assert.deepEqual((await care.get(`/api/v1/victim-files/${file.id}`)).json().nextSteps, [], "no steps are offered while the transfer waits");
  });

  it("only the receiving region accepts: the sender gets 403, outsiders 404", async () => {
    const before = await careSnapshot(t);
    assert.equal((await care.post(`/api/v1/victim-file-transfers/${transferId}/accept`)).statusCode, 403);
    assert.equal((await police.post(`/api/v1/victim-file-transfers/${transferId}/accept`)).statusCode, 404);
    assert.equal((await (await t.login("zorg2@zorgcoordinatie.demo")).post(`/api/v1/victim-file-transfers/${transferId}/accept`)).statusCode, 404);
    assert.equal((await ijssel.post(`/api/v1/victim-file-transfers/${transferId}/withdraw`)).statusCode, 403, "the receiver cannot withdraw it");
    assert.deepEqual(await careSnapshot(t), before);
  });

  it("accepting opens a file in the receiving organisation with what travels along", async () => {
    const seq = await lastSeq(t);
    const res = await ijssel.post(`/api/v1/victim-file-transfers/${transferId}/accept`);
    assert.equal(res.statusCode, 200, res.body);
    const moved = res.json();
    newFileId = moved.id;
    assert.notEqual(newFileId, file.id);
    assert.equal(moved.organisationId, ids.organisations.zorgijssel);
    assert.equal(moved.regionId, ids.otherRegionId);
    assert.equal(moved.status, "intake");
    assert.match(moved.reference, /^ZT-\d{4}-\d{5}$/);
    assert.deepEqual(moved.transferredFrom, { reference: file.reference, organisationName: "Zorgcoördinatie Mensenhandel Gelderland" });
    assert.equal(moved.person.name, "Mihai Ionescu");
    assert.equal(moved.person.birthDate, "2001-07-30");
    assert.equal(moved.person.gender, "male");
    assert.equal(moved.person.nationality, "ROU");
    assert.deepEqual(moved.exploitation.forms, ["labour", "criminal"]);
    assert.deepEqual(
      moved.carePlan.needs.map((n: { domain: string; status: string; note: string | null }) => [n.domain, n.status, n.note]).sort(),
      [["legal_aid", "in_progress", null], ["shelter_housing", "need", "Zoekt woonruimte in Deventer"]],
    );
    assert.equal(moved.residence.reflection.offeredOn, daysFromToday(t, -20));
    assert.deepEqual(moved.consents.current.map((c: { purpose: string; partyName: string }) => [c.purpose, c.partyName]), [["comensha_registration", "CoMensha"]],
      "consent to parties outside Ketenzicht travels along; consent to the old region's organisations does not");
    assert.deepEqual(moved.team.map((m: { userId: string; memberRole: string }) => [m.userId, m.memberRole]), [[ids.users["zorg@ijsselland.demo"], "coordinator"]]);
    assert.deepEqual(moved.history.map((h: { kind: string }) => h.kind), ["transferred_in"]);
    assert.equal(moved.history[0].details.fromReference, file.reference);

    const events = await eventsSince(t, seq);
    assert.ok(events.some((e) => e.action === "create" && e.object_type === "victim_file" && e.object_id === newFileId));
    assert.ok(events.some((e) => e.action === "update" && e.object_type === "victim_file_transfer" && e.object_id === transferId));
  });

  it("the old file is closed as moved to another region; its coordinators keep reading it, the partners lose it", async () => {
    const old = await care.get(`/api/v1/victim-files/${file.id}`);
    assert.equal(old.statusCode, 200, "the sending coordinators keep read access to the closed file");
    const closed = old.json();
    assert.equal(closed.status, "closed");
    assert.equal(closed.closureReason, "moved_region");
    assert.ok(closed.closedAt);
    assert.equal(closed.pendingTransfer, null);
    assert.deepEqual(closed.nextSteps, []);
    const partner = closed.team.find((m: { userId: string }) => m.userId === ids.users["politie@politie.demo"]);
    assert.equal(partner.active, false);
    assert.equal(partner.endReason, "transferred");
    assert.equal((await police.get(`/api/v1/victim-files/${file.id}`)).statusCode, 404);
    assert.equal((await police.get(`/api/v1/victim-files/${newFileId}`)).statusCode, 404);
    assert.equal((await care.get(`/api/v1/victim-files/${newFileId}`)).statusCode, 404, "the new file is the receiving region's");
    assert.equal((await ijssel.get(`/api/v1/victim-files/${file.id}`)).statusCode, 404, "the old file stays the sending region's");
    assert.deepEqual((await historyKinds(t, file.id)).slice(-2), ["transfer_proposed", "transfer_accepted"]);
    const sent = (await care.get("/api/v1/victim-file-transfers")).json().items[0];
    assert.equal(sent.status, "accepted");
    assert.equal(sent.newFileId, null, "the sender does not learn the new file's id");
    const received = (await ijssel.get("/api/v1/victim-file-transfers")).json().items[0];
    assert.equal(received.newFileId, newFileId);
    const answered = await t.db.query("select 1 from notifications where user_id = $1 and kind = 'transfer_answered'", [ids.users["zorg@zorgcoordinatie.demo"]]);
    assert.equal(answered.length, 1);
  });

  it("a second accept is refused with transfer_not_pending; the old file is not reopened here", async () => {
    const before = await careSnapshot(t);
    const again = await ijssel.post(`/api/v1/victim-file-transfers/${transferId}/accept`);
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().code, "transfer_not_pending");
    const reopen = await care.post(`/api/v1/victim-files/${file.id}/transitions`, { to: "active", reason: "toch gebleven" });
    assert.equal(reopen.statusCode, 409);
    assert.equal(reopen.json().code, "transition_not_allowed");
    assert.deepEqual(await careSnapshot(t), before);
    assert.equal((await t.db.query("select 1 from victim_files where transferred_from_id = $1", [file.id])).length, 1, "one new file, not two");
  });

  it("the receiving region carries on with the file", async () => {
    const active = await ijssel.post(`/api/v1/victim-files/${newFileId}/transitions`, { to: "active" });
    assert.equal(active.statusCode, 200, active.body);
    assert.deepEqual((await ijssel.get("/api/v1/care-overview")).json().openFiles.map((f: { id: string }) => f.id), [newFileId]);
  });
});

describe("care transfers: declined and withdrawn", () => {
  let t: TestApp;
  let ids: CareIds;
  let care: TestClient;
  let ijssel: TestClient;
  let file: BuiltFile;

  before(async () => {
    t = await startTestApp();
    ids = await careIds(t);
    care = await t.login("zorg@zorgcoordinatie.demo");
    ijssel = await t.login("zorg@ijsselland.demo");
    file = await buildVictimFile(t, { coordinatorId: ids.users["zorg@zorgcoordinatie.demo"]! });
    await buildConsent(t, file.id, { purpose: "transfer", partyOrganisationId: ids.organisations.zorgijssel, recordedBy: ids.users["zorg@zorgcoordinatie.demo"]! });
  });
  after(() => t?.close());

  const propose = async () => {
    const res = await care.post(`/api/v1/victim-files/${file.id}/transfers`, { organisationId: ids.organisations.zorgijssel, reason: "Verhuist naar Zwolle" });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().pendingTransfer.id as string;
  };

  it("the receiver declines with a reason; the file stays open and moves again", async () => {
    const id = await propose();
    const before = await careSnapshot(t);
    const bare = await ijssel.post(`/api/v1/victim-file-transfers/${id}/decline`, {});
    assert.equal(bare.statusCode, 400);
    assert.equal(bare.json().invalidParams[0].name, "reason");
    assert.deepEqual(await careSnapshot(t), before);
    const declined = await ijssel.post(`/api/v1/victim-file-transfers/${id}/decline`, { reason: "Cliënt staat niet ingeschreven in onze regio" });
    assert.equal(declined.statusCode, 200, declined.body);
    assert.equal(declined.json().status, "declined");
    assert.equal(declined.json().declineReason, "Cliënt staat niet ingeschreven in onze regio");

    const seen = (await care.get("/api/v1/victim-file-transfers")).json().items[0];
    assert.equal(seen.status, "declined");
    assert.equal(seen.declineReason, "Cliënt staat niet ingeschreven in onze regio");
    const read = (await care.get(`/api/v1/victim-files/${file.id}`)).json();
    assert.equal(read.status, "intake");
    assert.equal(read.pendingTransfer, null);
    const entry = read.history.at(-1);
    assert.equal(entry.kind, "transfer_declined");
    assert.equal(entry.reason, "Cliënt staat niet ingeschreven in onze regio");
    assert.equal((await ijssel.post(`/api/v1/victim-file-transfers/${id}/accept`)).json().code, "transfer_not_pending");
    assert.equal((await care.post(`/api/v1/victim-files/${file.id}/transitions`, { to: "active" })).statusCode, 200);
    assert.equal((await t.db.query("select 1 from victim_files")).length, 1, "no file was opened");
  });

  it("the sender withdraws a pending transfer; it can then not be accepted", async () => {
    const id = await propose();
    assert.equal((await ijssel.get("/api/v1/care-overview")).json().incomingTransfers.length, 1);
    const withdrawn = await care.post(`/api/v1/victim-file-transfers/${id}/withdraw`);
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal(withdrawn.json().status, "withdrawn");
    assert.deepEqual((await ijssel.get("/api/v1/care-overview")).json().incomingTransfers, []);
    const before = await careSnapshot(t);
    const late = await ijssel.post(`/api/v1/victim-file-transfers/${id}/accept`);
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().code, "transfer_not_pending");
    assert.equal((await care.post(`/api/v1/victim-file-transfers/${id}/withdraw`)).json().code, "transfer_not_pending");
    assert.deepEqual(await careSnapshot(t), before);
    assert.deepEqual((await historyKinds(t, file.id)).filter((k) => k.startsWith("transfer")), ["transfer_proposed", "transfer_declined", "transfer_proposed", "transfer_withdrawn"]);
    assert.equal((await ijssel.get("/api/v1/victim-file-transfers?status=withdrawn")).json().items.length, 1);
  });

  it("a transfer goes only to the care coordination of another region, and so does consent for one", async () => {
    const before = await careSnapshot(t);
    for (const organisationId of [ids.organisations.zorg, ids.organisations.opvang, ids.organisations.politie]) {
      const res = await care.post(`/api/v1/victim-files/${file.id}/transfers`, { organisationId, reason: "Verhuist" });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().invalidParams[0].code, "unknown_organisation");
      const consent = await care.post(`/api/v1/victim-files/${file.id}/consents`, {
        purpose: "transfer", partyOrganisationId: organisationId, status: "given", decidedOn: todayIn(t), recordedHow: "written",
      });
      assert.equal(consent.statusCode, 400, consent.body);
      assert.equal(consent.json().invalidParams[0].name, "partyOrganisationId");
    }
    assert.deepEqual(await careSnapshot(t), before);
  });

  it("while the person is in a shelter of this region, the stay is ended before the file moves", async () => {
    const placed = await care.post(`/api/v1/victim-files/${file.id}/shelter-placements`, { shelterOrganisationId: ids.organisations.opvang, placeType: "regular", admittedOn: todayIn(t) });
    assert.equal(placed.statusCode, 200, placed.body);
    const consent = await care.post(`/api/v1/victim-files/${file.id}/consents`, {
      purpose: "transfer", partyOrganisationId: ids.organisations.zorgijssel, status: "given", decidedOn: todayIn(t), recordedHow: "written",
    });
    assert.equal(consent.statusCode, 200, consent.body);
    const before = await careSnapshot(t);
    const refused = await care.post(`/api/v1/victim-files/${file.id}/transfers`, { organisationId: ids.organisations.zorgijssel, reason: "Verhuist" });
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().code, "placement_open");
    assert.deepEqual(await careSnapshot(t), before);
    const placement = placed.json().shelter.placements[0];
    const left = await care.post(`/api/v1/victim-files/${file.id}/shelter-placements/${placement.id}/leave`, { leftOn: todayIn(t), leaveKind: "throughflow", destination: "other_shelter" });
    assert.equal(left.statusCode, 200, left.body);
    const proposed = await care.post(`/api/v1/victim-files/${file.id}/transfers`, { organisationId: ids.organisations.zorgijssel, reason: "Verhuist" });
    assert.equal(proposed.statusCode, 200, proposed.body);
    const overview = (await ijssel.get("/api/v1/care-overview")).json();
    assert.deepEqual(overview.incomingTransfers.map((i: { fileReference: string; reason: string }) => [i.fileReference, i.reason]), [[placed.json().reference, "Verhuist"]]);
  });
});
