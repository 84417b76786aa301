import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { buildConsent, buildVictimFile, historyKinds } from "../support/care.ts";
import {
  assertProblem, buildSignal, conferenceIds, conferenceSnapshot, DAY, HOUR, invite, isoIn, itemIn, notificationsOf, ok, planMeeting, type BuiltSignal, type ConferenceIds,
} from "../support/conferences.ts";
import { createOrganisation, createUser, eventsSince, lastSeq } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The agenda through the API: a focal officer brings a signal of their municipality in, a care coordinator a
 * victim file they coordinate (with consent for the case conference with the organiser, or a legal basis);
 * the chair admits or declines it; the proposer may withdraw it until the meeting begins; notes, decisions
 * and actions belong to admitted items of an opened meeting.
 */
type Json = Record<string, unknown>;

describe("conferences: the agenda", () => {
  let t: TestApp;
  let ids: ConferenceIds;
  let chair: TestClient;
  let focal: TestClient;
  let care: TestClient;
  let police: TestClient;
  let meeting: Json;
  let signal: BuiltSignal;
  const user = (email: string) => ids.users[email]!;
  const meetingId = () => meeting.id as string;
  const propose = (c: TestClient, signalId: string, more: Json = {}) =>
    c.post(`/api/v1/signals/${signalId}/conference-items`, { meetingId: meetingId(), question: "Wie pakt dit op?", sharedParts: ["description"], ...more });
  const itemOf = (m: Json, reference: string) => (m.agenda as Json[]).find((i) => i.subjectReference === reference)!;

  before(async () => {
    t = await startTestApp();
    ids = await conferenceIds(t);
    chair = await t.login("voorzitter@zvh.demo");
    focal = await t.login("aandacht@zevenaar.demo");
    care = await t.login("zorg@zorgcoordinatie.demo");
    police = await t.login("politie@politie.demo");
    meeting = await planMeeting(t, chair);
    await invite(chair, meetingId(), ids.organisations.politie, [user("politie@politie.demo")]);
    signal = await buildSignal(t, {
      reporterId: user("melder@zevenaar.demo"), municipalityId: ids.organisations.zevenaar, reporterTeam: "Team Publiekszaken",
      description: "Veertien mensen ingeschreven op één adres in Zevenaar.", location: { kind: "address", postcode: "6901AB", houseNumber: 12, street: "Kerkstraat", city: "Zevenaar" },
      victims: [{ name: "Andrzej Nowak", birthDate: "1990-04-01", nationality: "POL" }], perpetrators: [{ name: "Dieter Busjesman" }],
    });
  });
  after(() => t?.close());

  describe("a signal", () => {
    let itemId = "";

    it("is brought in with only the chosen parts, never the reporter; the signal's history, the chair's notification and the audit show it", async () => {
      const seq = await lastSeq(t);
      const res = await ok(propose(focal, signal.id, { question: "Is een gezamenlijke controle nodig?", sharedParts: ["description", "victims", "description"] }));
      const item = itemOf(res, signal.reference);
      itemId = item.id as string;
      assert.equal(item.status, "proposed");
      assert.equal(item.subjectId, signal.id, "the proposer may open the signal");
      assert.deepEqual(item.sharedParts, ["description", "victims"]);
      assert.equal(item.sharingBasis, "route");
      assert.equal(item.proposerName, "Ahmed Aandacht");
      assert.equal(item.municipalityName, "Gemeente Zevenaar");
      const sections = item.sharedContent as { part: string; lines: string[] }[];
      assert.deepEqual(sections.map((s) => s.part), ["description", "victims"]);
      assert.match(sections[1]!.lines[0]!, /^Andrzej Nowak \(geboren 01-04-1990\)/);
      const stored = await t.db.query<{ shared_content_enc: string; question_enc: string }>("select shared_content_enc, question_enc from agenda_items where id = $1", [itemId]);
      const snapshot = t.kernel.crypto.decrypt("agenda_items.shared_content", stored[0]!.shared_content_enc);
      for (const text of [snapshot, JSON.stringify(item)]) {
        for (const hidden of ["Kerkstraat", "6901", "Busjesman", "Mila", "Melder", "Publiekszaken"]) assert.ok(!text.includes(hidden), `${hidden} in the item`);
      }
      assert.ok(!JSON.stringify(stored).includes("gezamenlijke controle"), "the question is stored encrypted");
      const history = (await ok(focal.get(`/api/v1/signals/${signal.id}`))).history as Json[];
      const entry = history.find((h) => h.kind === "brought_to_conference")!;
      assert.deepEqual(entry.details, { meeting: meeting.reference, meetingTitle: meeting.title, sharedParts: ["description", "victims"] });
      const notes = await notificationsOf(t, user("voorzitter@zvh.demo"), "agenda_proposal");
      assert.deepEqual(notes.map((n) => n.meeting_id), [meetingId()]);
      assert.deepEqual(notes[0]!.params, { reference: meeting.reference });
      const audit = (await eventsSince(t, seq)).find((e) => e.action === "update" && e.object_type === "signal")!;
      assert.equal(audit.object_id, signal.id);
      assert.equal(audit.data_subject_ref, `signal:${signal.id}`);
      assert.equal(audit.actor_role, "focal_officer");
      assert.equal(JSON.parse(audit.details!).command, "bring_to_conference");
      assert.ok((await eventsSince(t, seq)).some((e) => e.action === "read" && e.object_type === "agenda_item" && e.object_id === itemId && e.data_subject_ref === `signal:${signal.id}`));
    });

    it("even with every part shared, the reporter stays behind", async () => {
      const other = await buildSignal(t, { reporterId: user("melder@zevenaar.demo"), municipalityId: ids.organisations.zevenaar, reporterTeam: "Team Publiekszaken" });
      const all = ["description", "indicators", "location", "victims", "perpetrators", "enrichments"];
      const item = itemOf(await ok(propose(focal, other.id, { sharedParts: all })), other.reference);
      assert.deepEqual((item.sharedContent as { part: string }[]).map((s) => s.part), all);
      assert.ok(!/Mila|Melder|Publiekszaken/.test(JSON.stringify(item)));
      assertProblem(await propose(focal, other.id, { sharedParts: ["reporter"] }), 400, "invalid_input", "sharedParts.0");
    });

    it("another municipality's focal officer, a partner and the reporter get 404; nothing is stored", async () => {
      const duiven = await createUser(t, { organisationId: ids.organisations.duiven, roles: ["focal_officer"] });
      const reporter = await t.login("melder@zevenaar.demo");
      const before = await conferenceSnapshot(t);
      for (const c of [await t.login(duiven.email, { totpSecret: duiven.totpSecret }), police, reporter, chair]) {
        assertProblem(await propose(c, signal.id), 404, "not_found");
      }
      assertProblem(await propose(focal, randomUUID()), 404, "not_found");
      assert.deepEqual(await conferenceSnapshot(t), before);
    });

    it("a meeting of another region, a closed or cancelled one, or none at all is refused", async () => {
      const both = await createOrganisation(t, { name: "ZVH IJsselland", type: "zvh", regionIds: [ids.otherRegionId] });
      const otherChair = await createUser(t, { organisationId: both, roles: ["conference_chair"] });
      const elsewhere = await planMeeting(t, await t.login(otherChair.email, { totpSecret: otherChair.totpSecret }));
      const closed = await planMeeting(t, chair);
      await ok(chair.post(`/api/v1/meetings/${closed.id as string}/open`));
      await ok(chair.post(`/api/v1/meetings/${closed.id as string}/close`));
      const cancelled = await planMeeting(t, chair, { startsAt: isoIn(t, DAY), endsAt: isoIn(t, DAY + HOUR) });
      await ok(chair.post(`/api/v1/meetings/${cancelled.id as string}/cancel`));
      const before = await conferenceSnapshot(t);
      assertProblem(await propose(focal, signal.id, { meetingId: randomUUID() }), 400, "invalid_input", "meetingId", "unknown");
      // A meeting the focal officer may not see answers exactly as one that does not exist.
      assertProblem(await propose(focal, signal.id, { meetingId: elsewhere.id }), 400, "invalid_input", "meetingId", "unknown");
      assertProblem(await propose(focal, signal.id, { meetingId: closed.id }), 409, "transition_not_allowed", "meetingId");
      assertProblem(await propose(focal, signal.id, { meetingId: cancelled.id }), 409, "transition_not_allowed", "meetingId");
      assert.deepEqual(await conferenceSnapshot(t), before);
    });

    it("the chair declines with a reason, the proposer is told and reads the reason; a declined item is not admitted", async () => {
      assertProblem(await chair.post(`/api/v1/agenda-items/${itemId}/decline`, {}), 400, "invalid_input", "reason");
      assertProblem(await focal.post(`/api/v1/agenda-items/${itemId}/decline`, { reason: "Zelf afwijzen" }), 403, "forbidden");
      const declined = itemIn(await ok(chair.post(`/api/v1/agenda-items/${itemId}/decline`, { reason: "Past beter in het signalenoverleg." })), itemId)!;
      assert.equal(declined.status, "declined");
      const seen = itemIn(await ok(focal.get(`/api/v1/meetings/${meetingId()}`)), itemId)!;
      assert.equal(seen.declineReason, "Past beter in het signalenoverleg.");
      const told = await notificationsOf(t, user("aandacht@zevenaar.demo"), "agenda_answered");
      assert.deepEqual(told.map((n) => n.params), [{ reference: meeting.reference, admitted: false }]);
      assertProblem(await chair.post(`/api/v1/agenda-items/${itemId}/admit`), 409, "transition_not_allowed");
      assertProblem(await focal.post(`/api/v1/agenda-items/${itemId}/withdraw`), 409, "transition_not_allowed");
      // A delegate does not even see a declined item before the meeting.
      assert.equal(itemIn(await ok(police.get(`/api/v1/meetings/${meetingId()}`)), itemId), undefined);
      assertProblem(await police.post(`/api/v1/agenda-items/${itemId}/admit`), 404, "not_found");
    });
  });

  describe("a victim file", () => {
    let file: { id: string; reference: string };
    const proposeFile = (c: TestClient, more: Json = {}) =>
      c.post(`/api/v1/victim-files/${file.id}/conference-items`, { meetingId: meetingId(), question: "Veilige opvang nodig?", sharedParts: ["person", "exploitation"], ...more });

    before(async () => {
      file = await buildVictimFile(t, { coordinatorId: user("zorg@zorgcoordinatie.demo"), name: "Ioana Radu", birthDate: "1998-02-14", phone: "+40 712 999 888" });
    });

    it("without consent for the case conference with the organiser it is refused (409 consent_required); a basis needs its note", async () => {
      // Consent for another purpose, or for the case conference of another organisation, does not count.
      await buildConsent(t, file.id, { purpose: "case_conference", partyOrganisationId: ids.organisations.politie, recordedBy: user("zorg@zorgcoordinatie.demo") });
      await buildConsent(t, file.id, { purpose: "shelter", partyOrganisationId: ids.organisations.zvh, recordedBy: user("zorg@zorgcoordinatie.demo") });
      const before = await conferenceSnapshot(t);
      const refused = await proposeFile(care);
      assertProblem(refused, 409, "consent_required", "legalBasis");
      assert.match(refused.json().detail, /Zorg- en Veiligheidshuis Gelderland-Midden/);
      assertProblem(await proposeFile(care, { legalBasis: "vital_interest" }), 400, "invalid_input", "legalBasisNote", "required");
      assertProblem(await proposeFile(care, { legalBasis: "because" }), 400, "invalid_input", "legalBasis");
      assert.deepEqual(await conferenceSnapshot(t), before);
    });

    it("only a coordinator on the file's team brings it in; others get 404", async () => {
      const before = await conferenceSnapshot(t);
      for (const c of [await t.login("zorg2@zorgcoordinatie.demo"), focal, police, chair]) assertProblem(await proposeFile(c, { legalBasis: "vital_interest", legalBasisNote: "Acuut gevaar" }), 404, "not_found");
      assert.deepEqual(await conferenceSnapshot(t), before);
    });

    it("with a legal basis and its note it is brought in; the note goes into the file's history", async () => {
      const res = await ok(proposeFile(care, { legalBasis: "vital_interest", legalBasisNote: "Acuut gevaar voor de cliënt", sharedParts: ["exploitation"] }));
      const item = itemOf(res, file.reference);
      assert.equal(item.sharingBasis, "vital_interest");
      assert.equal(item.subjectType, "victim_file");
      assert.equal(item.municipalityName, null);
      assert.deepEqual((item.sharedContent as { part: string }[]).map((s) => s.part), ["exploitation"]);
      assert.ok(!JSON.stringify(item).includes("Ioana"), "the person was not shared");
      assert.deepEqual((await historyKinds(t, file.id)).at(-1), "brought_to_conference");
      const event = await t.db.query<{ reason_enc: string; details: unknown }>("select reason_enc, details from victim_file_events where file_id = $1 order by seq desc limit 1", [file.id]);
      assert.equal(t.kernel.crypto.decrypt("victim_file_events.reason", event[0]!.reason_enc), "Acuut gevaar voor de cliënt");
    });

    it("with consent for the case conference with the organiser it is brought in; of the person, the phone stays behind", async () => {
      await buildConsent(t, file.id, { purpose: "case_conference", partyOrganisationId: ids.organisations.zvh, recordedBy: user("zorg@zorgcoordinatie.demo") });
      const res = await ok(proposeFile(care));
      const items = (res.agenda as Json[]).filter((i) => i.subjectReference === file.reference);
      const item = items.find((i) => i.sharingBasis === "consent")!;
      const person = (item.sharedContent as { part: string; lines: string[] }[]).find((s) => s.part === "person")!;
      assert.match(person.lines[0]!, /^Ioana Radu, geboren 14-02-1998/);
      assert.ok(!JSON.stringify(item).includes("999 888"), "no phone");
      const stored = await t.db.query<{ legal_basis_note_enc: string | null }>("select legal_basis_note_enc from agenda_items where id = $1", [item.id]);
      assert.equal(stored[0]!.legal_basis_note_enc, null);
      // The chair is told, and admits it.
      const admitted = itemIn(await ok(chair.post(`/api/v1/agenda-items/${item.id as string}/admit`)), item.id as string)!;
      assert.equal(admitted.status, "admitted");
      const told = await notificationsOf(t, user("zorg@zorgcoordinatie.demo"), "agenda_answered");
      assert.deepEqual(told.at(-1)!.params, { reference: meeting.reference, admitted: true });
    });
  });

  describe("admitted items during and after the meeting", () => {
    let first: BuiltSignal;
    let second: BuiltSignal;
    let firstId = "";
    let secondId = "";
    const notes = (id: string, text: string | null) => chair.put(`/api/v1/agenda-items/${id}/notes`, { notes: text });
    const decide = (id: string) => chair.post(`/api/v1/agenda-items/${id}/decisions`, { kind: "no_action", description: "Geen interventie nodig." });
    const act = (id: string) => chair.post(`/api/v1/agenda-items/${id}/actions`, { description: "Navragen", ownerOrganisationId: ids.organisations.politie, deadline: isoIn(t, 7 * DAY).slice(0, 10) });

    before(async () => {
      first = await buildSignal(t, { reporterId: user("melder@zevenaar.demo"), municipalityId: ids.organisations.zevenaar });
      second = await buildSignal(t, { reporterId: user("melder@zevenaar.demo"), municipalityId: ids.organisations.zevenaar });
      firstId = itemOf(await ok(propose(focal, first.id)), first.reference).id as string;
      secondId = itemOf(await ok(propose(focal, second.id)), second.reference).id as string;
    });

    it("the chair admits an item in order; the proposer is told; the proposer may withdraw it only before the meeting", async () => {
      assertProblem(await focal.post(`/api/v1/agenda-items/${firstId}/admit`), 403, "forbidden");
      const admitted = itemIn(await ok(chair.post(`/api/v1/agenda-items/${firstId}/admit`)), firstId)!;
      assert.equal(admitted.status, "admitted");
      const positions = (await t.db.query<{ position: number }>("select position from agenda_items where meeting_id = $1 and status = 'admitted' order by position", [meetingId()])).map((r) => r.position);
      assert.deepEqual(positions, positions.map((_, i) => i + 1), "positions count up");
      assert.deepEqual((await notificationsOf(t, user("aandacht@zevenaar.demo"), "agenda_answered")).at(-1)!.params, { reference: meeting.reference, admitted: true });
      assertProblem(await chair.post(`/api/v1/agenda-items/${firstId}/admit`), 409, "transition_not_allowed");
      assertProblem(await chair.post(`/api/v1/agenda-items/${firstId}/withdraw`), 403, "forbidden");
      assertProblem(await police.post(`/api/v1/agenda-items/${firstId}/withdraw`), 404, "not_found");
      assert.equal(itemIn(await ok(chair.post(`/api/v1/agenda-items/${secondId}/admit`)), secondId)!.status, "admitted");
      assert.equal(itemIn(await ok(focal.post(`/api/v1/agenda-items/${secondId}/withdraw`)), secondId)!.status, "withdrawn");
    });

    it("before the meeting opens, no notes, decisions or actions are recorded", async () => {
      const before = await conferenceSnapshot(t);
      for (const res of [await notes(firstId, "Voorbereiding"), await decide(firstId), await act(firstId)]) assertProblem(res, 409, "transition_not_allowed");
      assert.deepEqual(await conferenceSnapshot(t), before);
    });

    it("while it runs, an admitted item takes notes, decisions and actions; other items do not, and a delegate may not record", async () => {
      await ok(chair.post(`/api/v1/meetings/${meetingId()}/open`));
      const noted = itemIn(await ok(notes(firstId, "Politie kent het adres.")), firstId)!;
      assert.equal(noted.notes, "Politie kent het adres.");
      assert.equal((itemIn(await ok(decide(firstId)), firstId)!.decisions as unknown[]).length, 1);
      assert.equal((itemIn(await ok(act(firstId)), firstId)!.actions as unknown[]).length, 1);
      const before = await conferenceSnapshot(t);
      for (const res of [await notes(secondId, "Ingetrokken"), await decide(secondId), await act(secondId)]) assertProblem(res, 409, "transition_not_allowed");
      assertProblem(await focal.post(`/api/v1/agenda-items/${firstId}/withdraw`), 409, "transition_not_allowed");
      assertProblem(await police.put(`/api/v1/agenda-items/${firstId}/notes`, { notes: "Van de politie" }), 403, "forbidden");
      assert.deepEqual(await conferenceSnapshot(t), before);
      // The chair admits what was proposed while the meeting runs.
      const late = await buildSignal(t, { reporterId: user("melder@zevenaar.demo"), municipalityId: ids.organisations.zevenaar });
      const lateId = itemOf(await ok(propose(focal, late.id)), late.reference).id as string;
      assert.equal(itemIn(await ok(chair.post(`/api/v1/agenda-items/${lateId}/admit`)), lateId)!.status, "admitted");
    });

    it("after closing, the chair still completes notes; clearing them stores nothing", async () => {
      await ok(chair.post(`/api/v1/meetings/${meetingId()}/close`));
      assert.equal(itemIn(await ok(notes(firstId, "Aangevuld na afloop.")), firstId)!.notes, "Aangevuld na afloop.");
      assert.equal(itemIn(await ok(notes(firstId, "")), firstId)!.notes, null);
      const stored = await t.db.query<{ notes_enc: string | null }>("select notes_enc from agenda_items where id = $1", [firstId]);
      assert.equal(stored[0]!.notes_enc, null);
    });
  });
});
