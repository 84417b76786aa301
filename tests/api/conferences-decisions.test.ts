import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { administrativeKinds, decisionKinds, isAdministrative } from "../../src/server/modules/conferences/codes.ts";
import { buildConsent, buildVictimFile, type BuiltFile } from "../support/care.ts";
import {
  admitSignal, assertProblem, buildSignal, conferenceIds, conferenceSnapshot, dateIn, invite, notificationsOf, ok, paramsOf, planMeeting, itemIn,
  type BuiltSignal, type ConferenceIds,
} from "../support/conferences.ts";
import { createUser, eventsSince, lastSeq, type FixtureUser } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * What a running meeting decides and agrees, over HTTP. Every kind of intervention is recorded on an admitted
 * item; an administrative one enters the municipality's register of measures for the signal's address or KvK
 * number; each decision flows back into the signal's (or victim file's) history and is told to the focal
 * officer of the municipality (or the file's coordinators). Actions go to a participating organisation, with
 * an owner and a deadline; their owners follow and finish them. The register of measures and a place's
 * history belong to the municipality's focal officer.
 */
type Json = Record<string, unknown>;

describe("conferences: decisions, actions and the register of measures", () => {
  let t: TestApp;
  let ids: ConferenceIds;
  const c = {} as Record<"chair" | "focal" | "police" | "tax" | "riec" | "analyst" | "inspector" | "duiven" | "care", TestClient>;
  let analyst: FixtureUser;
  let duivenFocal: FixtureUser;
  let meeting: Json;
  let atAddress: BuiltSignal;
  let atBusiness: BuiltSignal;
  let nowhere: BuiltSignal;
  let file: BuiltFile;
  const item = {} as Record<"address" | "business" | "nowhere" | "file", string>;
  const user = (email: string) => ids.users[email]!;
  const meetingId = () => meeting.id as string;
  const ADDRESS = { kind: "address", postcode: "6901AB", houseNumber: 12, street: "Kerkstraat", city: "Zevenaar" };
  const BUSINESS = { kind: "business", kvkNumber: "12345678", name: "Uitzendbureau Snel BV" };
  const decide = (id: string, body: Json, who: TestClient = c.chair) => who.post(`/api/v1/agenda-items/${id}/decisions`, body);
  const act = (id: string, body: Json, who: TestClient = c.chair) => who.post(`/api/v1/agenda-items/${id}/actions`, body);

  before(async () => {
    t = await startTestApp();
    ids = await conferenceIds(t);
    for (const [key, email] of [
      ["chair", "voorzitter@zvh.demo"], ["focal", "aandacht@zevenaar.demo"], ["police", "politie@politie.demo"], ["tax", "fiscus@belastingdienst.demo"],
      ["riec", "riec@riec.demo"], ["inspector", "inspectie@arbeidsinspectie.demo"], ["care", "zorg@zorgcoordinatie.demo"],
    ] as const) c[key] = await t.login(email);
    analyst = await createUser(t, { organisationId: ids.organisations.riec, roles: ["partner"], displayName: "Ruud Analist" });
    c.analyst = await t.login(analyst.email, { totpSecret: analyst.totpSecret });
    duivenFocal = await createUser(t, { organisationId: ids.organisations.duiven, roles: ["focal_officer"] });
    c.duiven = await t.login(duivenFocal.email, { totpSecret: duivenFocal.totpSecret });

    meeting = await planMeeting(t, c.chair);
    for (const [org, email] of [["politie", "politie@politie.demo"], ["belastingdienst", "fiscus@belastingdienst.demo"], ["riec", "riec@riec.demo"]] as const) {
      await invite(c.chair, meetingId(), ids.organisations[org], [user(email)]);
    }
    const reporterId = user("melder@zevenaar.demo");
    atAddress = await buildSignal(t, { reporterId, municipalityId: ids.organisations.zevenaar, location: ADDRESS, description: "Veertien bedden op de zolder van Kerkstraat 12." });
    atBusiness = await buildSignal(t, { reporterId, municipalityId: ids.organisations.zevenaar, location: BUSINESS });
    nowhere = await buildSignal(t, { reporterId, municipalityId: ids.organisations.zevenaar });
    item.address = await admitSignal(c.chair, c.focal, meetingId(), atAddress, { sharedParts: ["description", "location"] });
    item.business = await admitSignal(c.chair, c.focal, meetingId(), atBusiness);
    item.nowhere = await admitSignal(c.chair, c.focal, meetingId(), nowhere);
    file = await buildVictimFile(t, { coordinatorId: user("zorg@zorgcoordinatie.demo"), name: "Ioana Radu" });
    await buildConsent(t, file.id, { purpose: "case_conference", partyOrganisationId: ids.organisations.zvh, recordedBy: user("zorg@zorgcoordinatie.demo") });
    const proposed = await ok(c.care.post(`/api/v1/victim-files/${file.id}/conference-items`, { meetingId: meetingId(), question: "Veilige opvang?", sharedParts: ["exploitation"] }));
    item.file = (proposed.agenda as Json[]).find((i) => i.subjectReference === file.reference)!.id as string;
    await ok(c.chair.post(`/api/v1/agenda-items/${item.file}/admit`));
    await ok(c.chair.post(`/api/v1/meetings/${meetingId()}/open`));
  });
  after(() => t?.close());

  const measureRows = () =>
    t.db.query<{ id: string; municipality_id: string; subject_kind: string; location_enc: string; location_hash: string; kind: string; decision_id: string | null; outcome: string; decided_on: string }>(
      "select id, municipality_id, subject_kind, location_enc, location_hash, kind, decision_id, outcome, to_char(decided_on, 'YYYY-MM-DD') as decided_on from administrative_measures order by created_at, id",
    );
  const signalHash = async (id: string) => (await t.db.query<{ location_hash: string }>("select location_hash from signals where id = $1", [id]))[0]!.location_hash;
  const history = async (signalId: string) => (await ok(c.focal.get(`/api/v1/signals/${signalId}`))).history as Json[];

  describe("decisions", () => {
    it("every kind of intervention is recorded on an admitted item of a running meeting; the administrative ones enter the register for the signal's address", async () => {
      const seq = await lastSeq(t);
      let answer: Json = {};
      for (const kind of decisionKinds) answer = await ok(decide(item.address, { kind, description: `Besluit ${kind} over Kerkstraat` }));
      const decisions = itemIn(answer, item.address)!.decisions as Json[];
      assert.deepEqual(decisions.map((d) => d.kind), [...decisionKinds]);
      assert.ok(decisions.every((d) => d.recordedByName === "Vera Voorzitter"));
      for (const d of decisions) assert.equal(d.measureId !== null, isAdministrative(d.kind as never), `${d.kind as string}: a measure exactly for an administrative kind`);

      const measures = await measureRows();
      assert.deepEqual(measures.map((m) => m.kind), [...administrativeKinds]);
      const hash = await signalHash(atAddress.id);
      for (const m of measures) {
        assert.equal(m.municipality_id, ids.organisations.zevenaar);
        assert.equal(m.subject_kind, "address");
        assert.equal(m.location_hash, hash, "the same keyed hash as the signal's");
        assert.equal(m.outcome, "pending");
        assert.equal(m.decided_on, dateIn(t, 0));
        assert.equal(JSON.parse(t.kernel.crypto.decrypt("administrative_measures.location", m.location_enc)).street, "Kerkstraat");
        assert.equal(m.decision_id, decisions.find((d) => d.measureId === m.id)!.id);
      }
      assert.ok(!JSON.stringify(measures).includes("Kerkstraat"), "the location is stored encrypted");

      // Back into the signal's history, with the meeting and the measure.
      const entries = (await history(atAddress.id)).filter((h) => h.kind === "conference_decision");
      assert.equal(entries.length, decisionKinds.length);
      for (const [i, kind] of decisionKinds.entries()) {
        assert.equal(entries[i]!.reason, `Besluit ${kind} over Kerkstraat`);
        assert.equal(entries[i]!.actorOrganisationName, "Zorg- en Veiligheidshuis Gelderland-Midden");
        const details = entries[i]!.details as Json;
        assert.equal(details.meeting, meeting.reference);
        assert.equal(details.meetingId, meetingId());
        assert.equal(details.itemId, item.address);
        assert.equal(details.decisionKind, kind);
        assert.equal(details.decisionId, decisions[i]!.id);
        assert.equal(details.measureId, decisions[i]!.measureId);
      }
      // The focal officer of Zevenaar hears of each decision, by reference only; nobody else does.
      const told = await notificationsOf(t, user("aandacht@zevenaar.demo"), "conference_decision");
      assert.equal(told.length, decisionKinds.length);
      assert.ok(told.every((n) => n.signal_id === atAddress.id && n.meeting_id === meetingId() && paramsOf(n.params).reference === meeting.reference));
      assert.ok(!JSON.stringify(told).includes("Kerkstraat"));
      for (const other of ["politie@politie.demo", "voorzitter@zvh.demo"]) assert.deepEqual(await notificationsOf(t, user(other), "conference_decision"), []);
      assert.deepEqual(await notificationsOf(t, duivenFocal.id, "conference_decision"), []);

      // Each decision is an audited update of the item, with the signal as data subject.
      const audited = (await eventsSince(t, seq)).filter((e) => e.action === "update" && e.object_type === "agenda_item");
      assert.equal(audited.length, decisionKinds.length);
      for (const e of audited) {
        assert.equal(e.object_id, item.address);
        assert.equal(e.data_subject_ref, `signal:${atAddress.id}`);
        assert.equal(e.actor_role, "conference_chair");
        const details = JSON.parse(e.details!) as Json;
        assert.equal(details.command, "record");
        assert.ok(decisions.some((d) => d.id === details.decisionId && d.kind === details.kind));
        assert.ok(!e.details!.includes("Kerkstraat"), "the decision's text is not in the audit trail");
      }
    });

    it("an administrative decision on a business registers its KvK number; a place given overrides; without a place it is refused", async () => {
      const closure = itemIn(await ok(decide(item.business, { kind: "closure", description: "Sluiting van het uitzendbureau" })), item.business)!;
      const measureId = (closure.decisions as Json[])[0]!.measureId as string;
      const stored = (await measureRows()).find((m) => m.id === measureId)!;
      assert.equal(stored.subject_kind, "business");
      assert.equal(stored.location_hash, await signalHash(atBusiness.id));
      assert.equal(stored.location_hash, t.kernel.crypto.blindIndex("kvk", "12345678"));

      const before = await conferenceSnapshot(t);
      assertProblem(await decide(item.nowhere, { kind: "inspection", description: "Controle" }), 400, "invalid_input", "location", "required");
      assertProblem(await decide(item.nowhere, { kind: "care", description: "Zorg", location: ADDRESS }), 400, "invalid_input", "location", "not_allowed");
      assert.deepEqual(await conferenceSnapshot(t), before);
      const given = itemIn(await ok(decide(item.nowhere, { kind: "inspection", description: "Controle op het adres", location: { ...ADDRESS, postcode: "6901 ab" } })), item.nowhere)!;
      const givenMeasure = (await measureRows()).find((m) => m.id === (given.decisions as Json[])[0]!.measureId)!;
      assert.equal(givenMeasure.location_hash, await signalHash(atAddress.id), "the postcode is normalised before hashing");
    });

    it("on a victim file: administrative kinds are refused; a care decision flows into the file's history and is told to its coordinators", async () => {
      const before = await conferenceSnapshot(t);
      assertProblem(await decide(item.file, { kind: "bibob_review", description: "Bibob", location: BUSINESS }), 400, "invalid_input", "kind", "no_municipality");
      assert.deepEqual(await conferenceSnapshot(t), before);
      await ok(decide(item.file, { kind: "care", description: "Plaatsing in de categorale opvang" }));
      const events = await t.db.query<{ kind: string; reason_enc: string; details: unknown }>(
        "select kind, reason_enc, details from victim_file_events where file_id = $1 and kind = 'conference_decision'", [file.id],
      );
      assert.equal(events.length, 1);
      assert.equal(t.kernel.crypto.decrypt("victim_file_events.reason", events[0]!.reason_enc), "Plaatsing in de categorale opvang");
      assert.equal(paramsOf(events[0]!.details).decisionKind, "care");
      const fileView = await ok(c.care.get(`/api/v1/victim-files/${file.id}`));
      assert.ok(JSON.stringify(fileView.history).includes("conference_decision"), "the coordinator sees it in the file's history");
      const told = await notificationsOf(t, user("zorg@zorgcoordinatie.demo"), "conference_decision");
      assert.deepEqual(told.map((n) => n.victim_file_id), [file.id]);
      assert.deepEqual(await notificationsOf(t, user("zorg2@zorgcoordinatie.demo"), "conference_decision"), [], "a colleague off the team is not told");
    });

    it("bad input gets 400 with a stable code; a delegate or the focal officer may not record (403), others do not see the item (404); nothing is stored", async () => {
      const before = await conferenceSnapshot(t);
      assertProblem(await decide(item.address, { kind: "arrest", description: "Aanhouden" }), 400, "invalid_input", "kind");
      assertProblem(await decide(item.address, { kind: "fiscal", description: "   " }), 400, "invalid_input", "description");
      assertProblem(await decide(item.address, { kind: "fiscal", description: "x".repeat(5001) }), 400, "invalid_input", "description");
      assertProblem(await decide(item.address, { kind: "fiscal", description: "Boekenonderzoek", extra: true }), 400, "invalid_input");
      assertProblem(await decide(item.address, { kind: "closure", description: "Sluiting", location: { kind: "address", postcode: "1234", houseNumber: 1 } }), 400, "invalid_input");
      assertProblem(await decide(item.address, { kind: "fiscal", description: "Boekenonderzoek" }, c.police), 403, "forbidden");
      assertProblem(await decide(item.address, { kind: "fiscal", description: "Boekenonderzoek" }, c.focal), 403, "forbidden");
      assertProblem(await decide(item.address, { kind: "fiscal", description: "Boekenonderzoek" }, c.inspector), 404, "not_found");
      assertProblem(await decide(item.address, { kind: "fiscal", description: "Boekenonderzoek" }, c.duiven), 404, "not_found");
      assertProblem(await decide(randomUUID(), { kind: "fiscal", description: "Boekenonderzoek" }), 404, "not_found");
      assert.deepEqual(await conferenceSnapshot(t), before);
    });
  });

  describe("actions", () => {
    const actions: Record<string, string> = {};

    it("go to a participating organisation with a deadline; its delegates, or the named owner alone, are notified; audited", async () => {
      const seq = await lastSeq(t);
      const deadline = dateIn(t, 14);
      const taxAnswer = itemIn(await ok(act(item.address, { description: "Fiscale gegevens van de verhuurder opvragen", ownerOrganisationId: ids.organisations.belastingdienst, deadline })), item.address)!;
      const taxAction = (taxAnswer.actions as Json[]).find((a) => a.ownerOrganisationId === ids.organisations.belastingdienst)!;
      assert.equal(taxAction.deadline, deadline);
      assert.equal(taxAction.status, "open");
      assert.equal(taxAction.overdue, false);
      assert.equal(taxAction.ownerUserId, null);
      assert.equal(taxAction.ownerOrganisationName, "Belastingdienst Oost");
      actions.tax = taxAction.id as string;
      const riecAnswer = itemIn(await ok(act(item.address, { description: "Analyse van de eigenaar", ownerOrganisationId: ids.organisations.riec, ownerUserId: analyst.id, deadline: dateIn(t, 1) })), item.address)!;
      const riecAction = (riecAnswer.actions as Json[]).find((a) => a.ownerOrganisationId === ids.organisations.riec)!;
      assert.equal(riecAction.ownerName, "Ruud Analist");
      actions.riec = riecAction.id as string;
      // The proposing municipality may take on an action too.
      const zevAnswer = itemIn(await ok(act(item.business, { description: "Huisbezoek", ownerOrganisationId: ids.organisations.zevenaar, deadline })), item.business)!;
      actions.zevenaar = (zevAnswer.actions as Json[])[0]!.id as string;

      const taxTold = await notificationsOf(t, user("fiscus@belastingdienst.demo"), "conference_action_assigned");
      assert.equal(taxTold.length, 1);
      assert.deepEqual(paramsOf(taxTold[0]!.params), { reference: meeting.reference, deadline });
      assert.equal((await notificationsOf(t, analyst.id, "conference_action_assigned")).length, 1);
      assert.deepEqual(await notificationsOf(t, user("riec@riec.demo"), "conference_action_assigned"), [], "a named owner is told alone");
      assert.deepEqual(await notificationsOf(t, user("politie@politie.demo"), "conference_action_assigned"), []);
      // The municipality has no delegate in the meeting: whoever brought the item in (its focal officer) hears of it.
      assert.equal((await notificationsOf(t, user("aandacht@zevenaar.demo"), "conference_action_assigned")).length, 1);
      const audited = (await eventsSince(t, seq)).filter((e) => e.action === "update" && e.object_type === "agenda_item").map((e) => JSON.parse(e.details!) as Json);
      assert.deepEqual(audited.map((d) => d.actionId).sort(), Object.values(actions).sort());
    });

    it("bad input gets 400 with a stable code and stores nothing; only the chair records them", async () => {
      const before = await conferenceSnapshot(t);
      const body = { description: "Controle", ownerOrganisationId: ids.organisations.belastingdienst, deadline: dateIn(t, 7) };
      assertProblem(await act(item.address, { ...body, deadline: dateIn(t, -1) }), 400, "invalid_input", "deadline", "past_date");
      assertProblem(await act(item.address, { ...body, deadline: "31-12-2026" }), 400, "invalid_input", "deadline");
      assertProblem(await act(item.address, { ...body, deadline: "2026-02-30" }), 400, "invalid_input", "deadline");
      assertProblem(await act(item.address, { ...body, ownerOrganisationId: ids.organisations.inspectie }), 400, "invalid_input", "ownerOrganisationId", "not_participating");
      assertProblem(await act(item.address, { ...body, ownerOrganisationId: randomUUID() }), 400, "invalid_input", "ownerOrganisationId", "not_participating");
      assertProblem(await act(item.address, { ...body, ownerUserId: user("politie@politie.demo") }), 400, "invalid_input", "ownerUserId", "not_eligible");
      assertProblem(await act(item.address, { ...body, ownerOrganisationId: "belastingdienst" }), 400, "invalid_input", "ownerOrganisationId");
      assertProblem(await act(item.address, { ...body, description: "" }), 400, "invalid_input", "description");
      assertProblem(await act(item.address, body, c.tax), 403, "forbidden");
      assertProblem(await act(item.address, body, c.inspector), 404, "not_found");
      assert.deepEqual(await conferenceSnapshot(t), before);
    });

    it("are listed per organisation and per meeting, with filters on status, meeting and overdue", async () => {
      const list = async (who: TestClient, query = "") => ((await ok(who.get(`/api/v1/conference-actions${query}`))).items as Json[]).map((a) => a.id).sort();
      assert.deepEqual(await list(c.chair, `?meetingId=${meetingId()}`), Object.values(actions).sort());
      assert.deepEqual(await list(c.chair, `?meetingId=${randomUUID()}`), []);
      assert.deepEqual(await list(c.tax), [actions.tax]);
      assert.deepEqual(await list(c.riec), [actions.riec], "the owner organisation sees an action named to one of its people");
      assert.deepEqual(await list(c.analyst), [actions.riec]);
      assert.deepEqual(await list(c.focal), [actions.zevenaar]);
      assert.deepEqual(await list(c.police), []);
      assert.deepEqual(await list(c.inspector), []);
      assert.deepEqual(await list(c.tax, "?status=open"), [actions.tax]);
      assert.deepEqual(await list(c.tax, "?status=done"), []);
      assert.deepEqual(await list(c.chair, "?overdue=true"), []);
      // A deadline that has passed (the service refuses one in the past; sessions do not survive days of clock).
      await t.db.query("update conference_actions set deadline = $1::date where id = $2", [dateIn(t, -1), actions.riec]);
      assert.deepEqual(await list(c.chair, "?overdue=true"), [actions.riec], "the RIEC's deadline has passed");
      assert.deepEqual(await list(c.chair, "?overdue=false"), [actions.tax, actions.zevenaar].sort());
      const riec = ((await ok(c.analyst.get("/api/v1/conference-actions"))).items as Json[])[0]!;
      assert.equal(riec.overdue, true);
      assert.equal(riec.meetingReference, meeting.reference);
      assert.equal(riec.subjectReference, atAddress.reference);
      for (const bad of ["?status=late", "?overdue=yes", "?meetingId=42", "?page=1"]) assertProblem(await c.chair.get(`/api/v1/conference-actions${bad}`), 400, "invalid_input");
    });

    it("the owner organisation finishes one with its result: the signal's history and the focal officer hear of it; a stranger gets 404", async () => {
      const patch = (who: TestClient, id: string, body: Json) => who.patch(`/api/v1/conference-actions/${id}`, body);
      const before = await conferenceSnapshot(t);
      assertProblem(await patch(c.tax, actions.tax!, { status: "done" }), 400, "invalid_input", "result", "required");
      assertProblem(await patch(c.tax, actions.tax!, { status: "finished", result: "Klaar" }), 400, "invalid_input", "status");
      assertProblem(await patch(c.tax, actions.tax!, { status: "open" }), 409, "transition_not_allowed");
      assertProblem(await patch(c.police, actions.tax!, { status: "done", result: "Gedaan" }), 404, "not_found");
      assertProblem(await patch(c.inspector, actions.tax!, { status: "done", result: "Gedaan" }), 404, "not_found");
      assertProblem(await patch(c.duiven, actions.tax!, { status: "done", result: "Gedaan" }), 404, "not_found");
      assertProblem(await patch(c.tax, actions.riec!, { status: "done", result: "Gedaan" }), 404, "not_found");
      assertProblem(await patch(c.tax, randomUUID(), { status: "done", result: "Gedaan" }), 404, "not_found");
      assert.deepEqual(await conferenceSnapshot(t), before);

      const seq = await lastSeq(t);
      const done = await ok(patch(c.tax, actions.tax!, { status: "done", result: "Verhuurder heeft drie panden op naam" }));
      assert.equal(done.status, "done");
      assert.equal(done.result, "Verhuurder heeft drie panden op naam");
      assert.ok(done.doneAt);
      const entry = (await history(atAddress.id)).filter((h) => h.kind === "conference_action_done");
      assert.equal(entry.length, 1);
      assert.equal(entry[0]!.reason, "Fiscale gegevens van de verhuurder opvragen — Verhuurder heeft drie panden op naam");
      assert.equal(entry[0]!.actorOrganisationName, "Belastingdienst Oost");
      assert.deepEqual(entry[0]!.details, { meeting: meeting.reference, meetingId: meetingId(), itemId: item.address, actionId: actions.tax, owner: "Belastingdienst Oost" });
      const told = await notificationsOf(t, user("aandacht@zevenaar.demo"), "conference_action_done");
      assert.deepEqual(told.map((n) => n.signal_id), [atAddress.id]);
      const audit = (await eventsSince(t, seq)).filter((e) => e.action === "update" && e.object_type === "conference_action");
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.object_id, actions.tax);
      assert.equal(audit[0]!.actor_organisation_id, ids.organisations.belastingdienst);
      assert.deepEqual(JSON.parse(audit[0]!.details!), { meeting: meeting.reference, from: "open", to: "done" });
      assertProblem(await patch(c.tax, actions.tax!, { status: "cancelled" }), 409, "transition_not_allowed");
      // The chair, too, follows up the actions of the meeting: reopening one.
      assert.equal((await ok(patch(c.chair, actions.tax!, { status: "open" }))).status, "open");
    });
  });

  describe("the register of measures and a place's history", () => {
    let measureId = "";
    const post = (who: TestClient, body: Json) => who.post("/api/v1/administrative-measures", body);

    it("the focal officer registers a measure for an address and records its outcome; audited without the address", async () => {
      const seq = await lastSeq(t);
      const created = await ok(post(c.focal, { location: { ...ADDRESS, postcode: "6901 ab" }, kind: "housing_inspection", decidedOn: dateIn(t, -3), note: "Na melding buren" }), 201);
      measureId = created.id as string;
      assert.equal(created.municipalityId, ids.organisations.zevenaar);
      assert.equal(created.outcome, "pending");
      assert.equal(created.outcomeOn, null);
      assert.equal(created.decisionId, null);
      assert.equal(created.meetingReference, null);
      assert.equal((created.location as Json).postcode, "6901AB");
      assert.equal(created.otherSignals, 1, "the signal about the same address");
      assert.equal((created.abilities as Json).update, true);
      const updated = await ok(c.focal.patch(`/api/v1/administrative-measures/${measureId}`, { outcome: "violation_found", outcomeOn: dateIn(t, -1), note: "Twaalf bedden" }));
      assert.equal(updated.outcome, "violation_found");
      assert.equal(updated.outcomeOn, dateIn(t, -1));
      assert.equal(updated.note, "Twaalf bedden");
      const events = (await eventsSince(t, seq)).filter((e) => e.object_type === "administrative_measure");
      assert.deepEqual(events.map((e) => e.action), ["create", "update"]);
      for (const e of events) {
        assert.equal(e.object_id, measureId);
        assert.equal(e.owner_organisation_id, ids.organisations.zevenaar);
        assert.ok(!e.details!.includes("6901") && !e.details!.includes("Kerkstraat"));
      }
      assert.deepEqual(JSON.parse(events[1]!.details!), { from: "pending", to: "violation_found" });
      // The list holds it beside the measures the meeting decided, with their meeting.
      const list = await ok(c.focal.get("/api/v1/administrative-measures?pageSize=100"));
      assert.equal(list.total, (await measureRows()).length);
      assert.ok((list.items as Json[]).some((m) => m.id === measureId));
      assert.ok((list.items as Json[]).filter((m) => m.decisionId).every((m) => m.meetingReference === meeting.reference));
      assert.deepEqual(((await ok(c.focal.get("/api/v1/administrative-measures?outcome=violation_found"))).items as Json[]).map((m) => m.id), [measureId]);
    });

    it("bad input gets 400 with a stable code and stores nothing", async () => {
      const before = await conferenceSnapshot(t);
      const body = { location: ADDRESS, kind: "closure", decidedOn: dateIn(t, 0) };
      assertProblem(await post(c.focal, { ...body, decidedOn: dateIn(t, 1) }), 400, "invalid_input", "decidedOn", "future_date");
      assertProblem(await post(c.focal, { ...body, outcome: "measure_imposed" }), 400, "invalid_input", "outcomeOn", "required");
      assertProblem(await post(c.focal, { ...body, outcomeOn: dateIn(t, 0) }), 400, "invalid_input", "outcomeOn", "not_allowed");
      assertProblem(await post(c.focal, { ...body, decidedOn: dateIn(t, -2), outcome: "no_findings", outcomeOn: dateIn(t, -3) }), 400, "invalid_input", "outcomeOn", "out_of_range");
      assertProblem(await post(c.focal, { ...body, kind: "demolition" }), 400, "invalid_input", "kind");
      assertProblem(await post(c.focal, { ...body, location: { kind: "business", kvkNumber: "1234" } }), 400, "invalid_input");
      assertProblem(await post(c.focal, { ...body, location: { kind: "other", description: "Ergens" } }), 400, "invalid_input");
      assertProblem(await c.focal.patch(`/api/v1/administrative-measures/${measureId}`, { outcome: "measure_lifted", outcomeOn: dateIn(t, 1) }), 400, "invalid_input", "outcomeOn", "out_of_range");
      assertProblem(await c.focal.patch(`/api/v1/administrative-measures/${measureId}`, { outcome: "other" }), 400, "invalid_input", "outcomeOn", "required");
      assertProblem(await c.focal.get("/api/v1/administrative-measures?outcome=bad"), 400, "invalid_input");
      assert.deepEqual(await conferenceSnapshot(t), before);
    });

    it("another municipality's focal officer neither sees nor changes it (404) and registers in their own; partners have no register", async () => {
      const before = await conferenceSnapshot(t);
      assertProblem(await c.duiven.patch(`/api/v1/administrative-measures/${measureId}`, { outcome: "no_findings", outcomeOn: dateIn(t, 0) }), 404, "not_found");
      assert.deepEqual((await ok(c.duiven.get("/api/v1/administrative-measures"))).items, []);
      for (const partner of [c.police, c.chair, c.care]) {
        assertProblem(await partner.patch(`/api/v1/administrative-measures/${measureId}`, { outcome: "no_findings", outcomeOn: dateIn(t, 0) }), 404, "not_found");
        assertProblem(await post(partner, { location: ADDRESS, kind: "closure", decidedOn: dateIn(t, 0) }), 404, "not_found");
        assert.deepEqual((await ok(partner.get("/api/v1/administrative-measures"))).items, []);
      }
      assert.deepEqual(await conferenceSnapshot(t), before);
      const own = await ok(post(c.duiven, { location: ADDRESS, kind: "closure", decidedOn: dateIn(t, 0) }), 201);
      assert.equal(own.municipalityId, ids.organisations.duiven);
      assert.equal(own.otherSignals, 0, "Zevenaar's signal about the address is not counted for Duiven");
    });

    it("a place's history: the municipality's signals and measures about an address or KvK number, matched by the signals' hash; audited without the address", async () => {
      const seq = await lastSeq(t);
      const byAddress = await ok(c.focal.get("/api/v1/location-history?postcode=6901%20ab&houseNumber=12"));
      assert.deepEqual((byAddress.signals as Json[]).map((s) => s.reference), [atAddress.reference]);
      assert.equal((byAddress.signals as Json[])[0]!.id, atAddress.id);
      const hash = await signalHash(atAddress.id);
      const expected = (await measureRows()).filter((m) => m.location_hash === hash && m.municipality_id === ids.organisations.zevenaar).map((m) => m.id).sort();
      assert.equal(expected.length, administrativeKinds.length + 2, "six decided by the meeting, one given, one registered by hand");
      assert.deepEqual((byAddress.measures as Json[]).map((m) => m.id).sort(), expected);
      const byKvk = await ok(c.focal.get("/api/v1/location-history?kvkNumber=12345678"));
      assert.deepEqual((byKvk.signals as Json[]).map((s) => s.reference), [atBusiness.reference]);
      assert.deepEqual((byKvk.measures as Json[]).map((m) => m.kind), ["closure"]);
      const nothing = await ok(c.focal.get("/api/v1/location-history?postcode=6901AB&houseNumber=12&houseLetter=a"));
      assert.deepEqual(nothing, { signals: [], measures: [] }, "another house letter is another address");
      // Duiven sees its own measure at the address, not Zevenaar's signal or measures.
      const duiven = await ok(c.duiven.get("/api/v1/location-history?postcode=6901AB&houseNumber=12"));
      assert.deepEqual(duiven.signals, []);
      assert.deepEqual((duiven.measures as Json[]).map((m) => m.municipalityId), [ids.organisations.duiven]);
      const searches = (await eventsSince(t, seq)).filter((e) => e.action === "search" && e.object_type === "location_history");
      assert.equal(searches.length, 4);
      assert.deepEqual(JSON.parse(searches[0]!.details!), { signals: [atAddress.reference], measures: expected.length });
      assert.ok(searches.every((e) => !e.details!.includes("6901") && !e.details!.includes("12345678")), "the place searched for is not logged");

      assertProblem(await c.focal.get("/api/v1/location-history?postcode=6901AB"), 400, "invalid_input", "houseNumber", "required");
      assertProblem(await c.focal.get("/api/v1/location-history?postcode=1234&houseNumber=1"), 400, "invalid_input", "postcode", "required");
      assertProblem(await c.focal.get("/api/v1/location-history"), 400, "invalid_input");
      assertProblem(await c.focal.get("/api/v1/location-history?kvkNumber=1234"), 400, "invalid_input", "kvkNumber");
      for (const partner of [c.police, c.chair, c.tax]) assertProblem(await partner.get("/api/v1/location-history?kvkNumber=12345678"), 404, "not_found");
    });
  });
});
