import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import {
  assertProblem, buildSignal, conferenceIds, conferenceSnapshot, DAY, HOUR, invite, isoIn, itemIn, notificationsOf, ok, planMeeting, type ConferenceIds,
} from "../support/conferences.ts";
import { createOrganisation, createUser, eventsSince, lastSeq, type FixtureUser } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * Planning and running meetings through the API: the organising organisation's conference chairs plan a
 * meeting in their region, invite the region's organisations and their delegates, open it from two hours
 * before the start, close or cancel it, and edit it only while it is planned. Who sees which meetings, and
 * what is audited.
 */
type Json = Record<string, unknown>;

describe("conferences: planning and running meetings", () => {
  let t: TestApp;
  let ids: ConferenceIds;
  let chair: TestClient;
  let police: TestClient;
  let focal: TestClient;
  let inspector: TestClient;
  let elsewhere: TestClient;
  let secretary: FixtureUser;
  const user = (email: string) => ids.users[email]!;

  before(async () => {
    // Opening waits for the clock: sessions must survive an hour's jump.
    t = await startTestApp({ SESSION_IDLE_MINUTES: "1440", SESSION_ABSOLUTE_HOURS: "72" });
    ids = await conferenceIds(t);
    chair = await t.login("voorzitter@zvh.demo");
    police = await t.login("politie@politie.demo");
    focal = await t.login("aandacht@zevenaar.demo");
    inspector = await t.login("inspectie@arbeidsinspectie.demo");
    elsewhere = await t.login("zorg@ijsselland.demo");
    secretary = await createUser(t, { email: "secretaris@zvh.test", displayName: "Sem Secretaris", organisationId: ids.organisations.zvh, roles: ["conference_chair"] });
  });
  after(() => t?.close());

  const meetingRow = async (id: string) => (await t.db.query<{ status: string; title: string }>("select status, title from meetings where id = $1", [id]))[0]!;

  it("a chair plans a meeting: a reference, the times, and the organiser with its chair and secretary taking part; audited", async () => {
    const seq = await lastSeq(t);
    const meeting = await planMeeting(t, chair, { secretaryUserId: secretary.id, videoLink: "https://video.example.nl/zvh-42", kind: "signal_meeting" });
    assert.match(meeting.reference as string, /^OV-\d{4}-\d{4}$/);
    assert.equal(meeting.status, "planned");
    assert.equal(meeting.kind, "signal_meeting");
    assert.equal(meeting.organisationId, ids.organisations.zvh);
    assert.equal(meeting.regionId, ids.regionId);
    assert.deepEqual(meeting.chair, { userId: user("voorzitter@zvh.demo"), name: "Vera Voorzitter" });
    assert.deepEqual(meeting.secretary, { userId: secretary.id, name: "Sem Secretaris" });
    assert.equal(meeting.videoLink, "https://video.example.nl/zvh-42");
    const participants = meeting.participants as { organisationId: string; delegates: { userId: string }[] }[];
    assert.deepEqual(participants.map((p) => p.organisationId), [ids.organisations.zvh]);
    assert.deepEqual(participants[0]!.delegates.map((d) => d.userId).sort(), [user("voorzitter@zvh.demo"), secretary.id].sort());
    assert.equal((meeting.abilities as Json).run, true);
    const created = (await eventsSince(t, seq)).filter((e) => e.action === "create" && e.object_type === "meeting");
    assert.equal(created.length, 1);
    assert.equal(created[0]!.object_id, meeting.id);
    assert.equal(created[0]!.actor_role, "conference_chair");
    assert.equal(created[0]!.owner_organisation_id, ids.organisations.zvh);
    // The video link is kept encrypted.
    const raw = await t.db.query<Json>("select * from meetings where id = $1", [meeting.id]);
    assert.ok(!JSON.stringify(raw).includes("zvh-42"));
  });

  it("a chair or secretary who is no conference chair of the organiser, and impossible times, are refused; nothing is stored", async () => {
    const inactive = await createUser(t, { organisationId: ids.organisations.zvh, roles: ["conference_chair"], active: false });
    const zvhPartner = await createUser(t, { organisationId: ids.organisations.zvh, roles: ["partner"] });
    const before = await conferenceSnapshot(t);
    const plan = (more: Json) => chair.post("/api/v1/meetings", { kind: "case_conference", title: "Overleg", startsAt: isoIn(t, DAY), endsAt: isoIn(t, DAY + 2 * HOUR), ...more });
    assertProblem(await plan({ secretaryUserId: user("politie@politie.demo") }), 400, "invalid_input", "secretaryUserId", "not_eligible");
    assertProblem(await plan({ chairUserId: zvhPartner.id }), 400, "invalid_input", "chairUserId", "not_eligible");
    assertProblem(await plan({ chairUserId: inactive.id }), 400, "invalid_input", "chairUserId", "not_eligible");
    assertProblem(await plan({ chairUserId: randomUUID() }), 400, "invalid_input", "chairUserId", "not_eligible");
    assertProblem(await plan({ secretaryUserId: user("voorzitter@zvh.demo") }), 400, "invalid_input", "secretaryUserId", "same_as_chair");
    assertProblem(await plan({ chairUserId: secretary.id, secretaryUserId: secretary.id }), 400, "invalid_input", "secretaryUserId", "same_as_chair");
    assertProblem(await plan({ endsAt: isoIn(t, DAY - HOUR) }), 400, "invalid_input", "endsAt", "before_start");
    assertProblem(await plan({ endsAt: isoIn(t, DAY + 13 * HOUR) }), 400, "invalid_input", "endsAt", "too_long");
    assertProblem(await plan({ startsAt: isoIn(t, -3 * HOUR), endsAt: isoIn(t, -HOUR) }), 400, "invalid_input", "startsAt", "past");
    assertProblem(await plan({ startsAt: "2026-12-03T14:00:00" }), 400, "invalid_input", "startsAt");
    assertProblem(await plan({ regionId: ids.otherRegionId }), 400, "invalid_input", "regionId");
    assert.deepEqual(await conferenceSnapshot(t), before);
  });

  it("only conference chairs plan: a focal officer (who sees the region's meetings) gets 403, a partner 404", async () => {
    const before = await conferenceSnapshot(t);
    const body = { kind: "case_conference", title: "Eigen overleg", startsAt: isoIn(t, DAY), endsAt: isoIn(t, DAY + HOUR) };
    assertProblem(await focal.post("/api/v1/meetings", body), 403, "forbidden");
    assertProblem(await police.post("/api/v1/meetings", body), 404, "not_found");
    assert.deepEqual(await conferenceSnapshot(t), before);
  });

  describe("the organiser's chairs and secretaries, before a meeting exists", () => {
    it("a chair gets the active conference chairs of their own organisation, by name; audited as a list of its users", async () => {
      const inactive = await createUser(t, { organisationId: ids.organisations.zvh, roles: ["conference_chair"], active: false, displayName: "Ina Inactief" });
      const zvhPartner = await createUser(t, { organisationId: ids.organisations.zvh, roles: ["partner"], displayName: "Piet Partner" });
      const riecChair = await createUser(t, { organisationId: ids.organisations.riec, roles: ["conference_chair"], displayName: "Rik RIEC" });
      const seq = await lastSeq(t);
      const res = await chair.get("/api/v1/meeting-organisers");
      assert.equal(res.statusCode, 200, res.body);
      const organisers = res.json() as { userId: string; name: string | null }[];
      const expected = await t.db.query<{ id: string }>(
        `select u.id from users u where u.organisation_id = $1 and u.active and exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'conference_chair')`,
        [ids.organisations.zvh],
      );
      assert.deepEqual(organisers.map((o) => o.userId).sort(), expected.map((r) => r.id).sort());
      assert.ok(organisers.some((o) => o.userId === user("voorzitter@zvh.demo") && o.name === "Vera Voorzitter"), "the chair themself");
      assert.ok(organisers.some((o) => o.userId === secretary.id && o.name === "Sem Secretaris"), "a colleague chair");
      for (const other of [inactive, zvhPartner, riecChair]) assert.ok(!organisers.some((o) => o.userId === other.id), "no inactive chair, no partner, no chair of another organisation");
      assert.ok(organisers.every((o) => Object.keys(o).sort().join() === "name,userId"), "only the id and the name");
      const listed = (await eventsSince(t, seq)).filter((e) => e.action === "list" && e.object_type === "user");
      assert.equal(listed.length, 1);
      assert.equal(listed[0]!.actor_user_id, user("voorzitter@zvh.demo"));
      assert.equal(listed[0]!.actor_role, "conference_chair");
      assert.equal(listed[0]!.owner_organisation_id, ids.organisations.zvh);
      assert.deepEqual(JSON.parse(listed[0]!.details!), { count: organisers.length });
    });

    it("as for planning: a focal officer gets 403, a partner 404, an anonymous request 401; nothing is listed", async () => {
      const seq = await lastSeq(t);
      assertProblem(await focal.get("/api/v1/meeting-organisers"), 403, "forbidden");
      assertProblem(await police.get("/api/v1/meeting-organisers"), 404, "not_found");
      assertProblem(await inspector.get("/api/v1/meeting-organisers"), 404, "not_found");
      assertProblem(await t.client().get("/api/v1/meeting-organisers"), 401, "unauthenticated");
      const events = await eventsSince(t, seq);
      assert.equal(events.filter((e) => e.action === "list").length, 0);
      assert.equal(events.filter((e) => e.action === "access_denied" && e.object_type === "meeting").length, 3, "each refusal is audited");
    });
  });

  it("an organiser in two regions names the region; invitations stay within it", async () => {
    const both = await createOrganisation(t, { name: "RIEC Twee Regio's", type: "riec", regionIds: [ids.regionId, ids.otherRegionId] });
    const twoChair = await createUser(t, { organisationId: both, roles: ["conference_chair"] });
    const c = await t.login(twoChair.email, { totpSecret: twoChair.totpSecret });
    const body = { kind: "undermining_meeting", title: "Ondermijning", startsAt: isoIn(t, DAY), endsAt: isoIn(t, DAY + HOUR) };
    assertProblem(await c.post("/api/v1/meetings", body), 400, "invalid_input", "regionId", "required");
    const meeting = await ok(c.post("/api/v1/meetings", { ...body, regionId: ids.otherRegionId }), 201);
    assert.equal(meeting.regionId, ids.otherRegionId);
    const res = await c.post(`/api/v1/meetings/${meeting.id as string}/participants`, { organisationId: ids.organisations.politie });
    assertProblem(res, 400, "invalid_input", "organisationId", "unknown_organisation");
    await invite(c, meeting.id as string, ids.organisations.zorgijssel, [user("zorg@ijsselland.demo")]);
  });

  describe("invitations", () => {
    let meeting: Json;
    before(async () => {
      meeting = await planMeeting(t, chair, { startsAt: isoIn(t, 3 * HOUR), endsAt: isoIn(t, 5 * HOUR) });
    });
    const id = () => meeting.id as string;

    it("the chair invites the police with a delegate and the RIEC without one; the delegate is notified", async () => {
      const candidates = await ok(chair.get(`/api/v1/meetings/${id()}/candidates?organisationId=${ids.organisations.politie}`)) as unknown as Json[];
      assert.deepEqual(candidates.map((c) => c.userId), [user("politie@politie.demo")]);
      assert.equal(candidates[0]!.delegate, false);
      const invited = await invite(chair, id(), ids.organisations.politie, [user("politie@politie.demo")]);
      const after = await invite(chair, id(), ids.organisations.riec);
      const orgs = after.participants as { organisationId: string; delegates: { userId: string }[] }[];
      assert.deepEqual(orgs.find((p) => p.organisationId === ids.organisations.politie)!.delegates.map((d) => d.userId), [user("politie@politie.demo")]);
      assert.deepEqual(orgs.find((p) => p.organisationId === ids.organisations.riec)!.delegates, []);
      assert.equal((invited.participants as unknown[]).length, 2);
      const notes = await notificationsOf(t, user("politie@politie.demo"), "meeting_invited");
      assert.equal(notes.length, 1);
      assert.equal(notes[0]!.meeting_id, id());
      // Inviting again adds nobody twice.
      await invite(chair, id(), ids.organisations.politie, [user("politie@politie.demo")]);
      const rows = await t.db.query("select 1 from meeting_participants where meeting_id = $1 and organisation_id = $2", [id(), ids.organisations.politie]);
      assert.equal(rows.length, 2);
    });

    it("only eligible people of the invited organisation, and only organisations of the region, are invited; nothing is stored", async () => {
      const before = await conferenceSnapshot(t);
      const post = (body: Json) => chair.post(`/api/v1/meetings/${id()}/participants`, body);
      assertProblem(await post({ organisationId: ids.organisations.arnhem, userIds: [user("beleid@arnhem.demo")] }), 400, "invalid_input", "userIds", "not_eligible");
      assertProblem(await post({ organisationId: ids.organisations.zevenaar, userIds: [user("beheer@zevenaar.demo")] }), 400, "invalid_input", "userIds", "not_eligible");
      assertProblem(await post({ organisationId: ids.organisations.riec, userIds: [user("politie@politie.demo")] }), 400, "invalid_input", "userIds", "not_eligible");
      assertProblem(await post({ organisationId: ids.organisations.zorgijssel, userIds: [user("zorg@ijsselland.demo")] }), 400, "invalid_input", "organisationId", "unknown_organisation");
      assertProblem(await post({ organisationId: randomUUID() }), 400, "invalid_input", "organisationId", "unknown_organisation");
      assertProblem(await chair.get(`/api/v1/meetings/${id()}/candidates?organisationId=${ids.organisations.zorgijssel}`), 400, "invalid_input", "organisationId");
      assert.deepEqual(await conferenceSnapshot(t), before);
    });

    it("a delegate sees who takes part; a focal officer of the region sees the organisations only; others get 404", async () => {
      const seen = await ok(police.get(`/api/v1/meetings/${id()}`));
      assert.equal(seen.isDelegate, true);
      assert.equal(seen.videoLink, null, "no video link was given");
      assert.ok((seen.participants as { delegates: unknown[] }[]).some((p) => p.delegates.length > 0));
      assert.equal((seen.abilities as Json).update, false);
      const region = await ok(focal.get(`/api/v1/meetings/${id()}`));
      assert.equal(region.isDelegate, false);
      assert.ok((region.participants as { delegates: unknown[] }[]).every((p) => p.delegates.length === 0), "no delegate names for a region member");
      assertProblem(await inspector.get(`/api/v1/meetings/${id()}`), 404, "not_found");
      assertProblem(await elsewhere.get(`/api/v1/meetings/${id()}`), 404, "not_found");
      // A delegate does not change the meeting or invite others.
      assertProblem(await police.post(`/api/v1/meetings/${id()}/participants`, { organisationId: ids.organisations.inspectie }), 403, "forbidden");
      assertProblem(await police.patch(`/api/v1/meetings/${id()}`, { title: "Anders" }), 403, "forbidden");
    });

    it("removing a delegate or an organisation ends their view; the organiser and the chair stay", async () => {
      const fiscus = user("fiscus@belastingdienst.demo");
      await invite(chair, id(), ids.organisations.belastingdienst, [fiscus]);
      const tax = await t.login("fiscus@belastingdienst.demo");
      await ok(tax.get(`/api/v1/meetings/${id()}`));
      const removed = await ok(chair.delete(`/api/v1/meetings/${id()}/participants/${ids.organisations.belastingdienst}/delegates/${fiscus}`));
      const taxEntry = (removed.participants as { organisationId: string; delegates: unknown[] }[]).find((p) => p.organisationId === ids.organisations.belastingdienst);
      assert.deepEqual(taxEntry?.delegates, []);
      assertProblem(await tax.get(`/api/v1/meetings/${id()}`), 404, "not_found");
      const gone = await ok(chair.delete(`/api/v1/meetings/${id()}/participants/${ids.organisations.riec}`));
      assert.ok(!(gone.participants as { organisationId: string }[]).some((p) => p.organisationId === ids.organisations.riec));
      const before = await conferenceSnapshot(t);
      assertProblem(await chair.delete(`/api/v1/meetings/${id()}/participants/${ids.organisations.zvh}`), 409, "not_eligible");
      assertProblem(await chair.delete(`/api/v1/meetings/${id()}/participants/${ids.organisations.zvh}/delegates/${user("voorzitter@zvh.demo")}`), 409, "not_eligible");
      assertProblem(await chair.delete(`/api/v1/meetings/${id()}/participants/${ids.organisations.riec}`), 404, "not_found");
      assert.deepEqual(await conferenceSnapshot(t), before);
    });

    it("is opened no earlier than two hours before the start; then it runs, and edits are refused", async () => {
      assertProblem(await chair.post(`/api/v1/meetings/${id()}/open`), 409, "transition_not_allowed");
      assert.equal((await meetingRow(id())).status, "planned");
      const edited = await ok(chair.patch(`/api/v1/meetings/${id()}`, { title: "Casusoverleg december", secretaryUserId: secretary.id, location: null }));
      assert.equal(edited.title, "Casusoverleg december");
      assert.equal(edited.location, null);
      assert.ok((edited.participants as { delegates: { userId: string }[] }[]).some((p) => p.delegates.some((d) => d.userId === secretary.id)), "the new secretary takes part");
      assertProblem(await chair.patch(`/api/v1/meetings/${id()}`, { startsAt: isoIn(t, -2 * HOUR), endsAt: isoIn(t, -HOUR) }), 400, "invalid_input", "startsAt", "past");
      // The secretary stays someone other than the chair, whichever of the two changes.
      assertProblem(await chair.patch(`/api/v1/meetings/${id()}`, { chairUserId: secretary.id }), 400, "invalid_input", "secretaryUserId", "same_as_chair");
      assertProblem(await chair.patch(`/api/v1/meetings/${id()}`, { secretaryUserId: user("voorzitter@zvh.demo") }), 400, "invalid_input", "secretaryUserId", "same_as_chair");
      t.clock.advance(HOUR + 60_000);
      const opened = await ok(chair.post(`/api/v1/meetings/${id()}/open`));
      assert.equal(opened.status, "in_progress");
      assert.ok(opened.openedAt);
      assertProblem(await chair.post(`/api/v1/meetings/${id()}/open`), 409, "transition_not_allowed");
      assertProblem(await chair.post(`/api/v1/meetings/${id()}/cancel`), 409, "transition_not_allowed");
      assertProblem(await chair.patch(`/api/v1/meetings/${id()}`, { title: "Te laat" }), 409, "transition_not_allowed");
      assert.equal((await meetingRow(id())).title, "Casusoverleg december");
    });

    it("is closed once: afterwards nothing is edited and nobody invited", async () => {
      const seq = await lastSeq(t);
      const closed = await ok(chair.post(`/api/v1/meetings/${id()}/close`));
      assert.equal(closed.status, "closed");
      assert.ok(closed.closedAt);
      const update = (await eventsSince(t, seq)).find((e) => e.action === "update" && e.object_id === id());
      assert.deepEqual(JSON.parse(update!.details!), { reference: meeting.reference, command: "run", to: "closed" });
      const before = await conferenceSnapshot(t);
      assertProblem(await chair.post(`/api/v1/meetings/${id()}/close`), 409, "transition_not_allowed");
      assertProblem(await chair.post(`/api/v1/meetings/${id()}/participants`, { organisationId: ids.organisations.inspectie }), 409, "transition_not_allowed");
      assertProblem(await chair.delete(`/api/v1/meetings/${id()}/participants/${ids.organisations.politie}`), 409, "transition_not_allowed");
      assertProblem(await chair.patch(`/api/v1/meetings/${id()}`, { title: "Na afloop" }), 409, "transition_not_allowed");
      assertProblem(await police.post(`/api/v1/meetings/${id()}/close`), 403, "forbidden");
      assert.deepEqual(await conferenceSnapshot(t), before);
    });
  });

  it("cancelling a planned meeting withdraws its proposed and admitted items", async () => {
    const meeting = await planMeeting(t, chair, { startsAt: isoIn(t, 2 * DAY), endsAt: isoIn(t, 2 * DAY + HOUR) });
    const id = meeting.id as string;
    const items: string[] = [];
    for (const question of ["Eerste vraag", "Tweede vraag"]) {
      const signal = await buildSignal(t, { reporterId: user("melder@zevenaar.demo"), municipalityId: ids.organisations.zevenaar });
      const proposed = await ok(focal.post(`/api/v1/signals/${signal.id}/conference-items`, { meetingId: id, question, sharedParts: ["description"] }));
      items.push((proposed.agenda as Json[]).find((i) => i.subjectReference === signal.reference)!.id as string);
    }
    await ok(chair.post(`/api/v1/agenda-items/${items[0]!}/admit`));
    const cancelled = await ok(chair.post(`/api/v1/meetings/${id}/cancel`));
    assert.equal(cancelled.status, "cancelled");
    assert.deepEqual(items.map((i) => itemIn(cancelled, i)!.status), ["withdrawn", "withdrawn"]);
    assertProblem(await chair.post(`/api/v1/meetings/${id}/cancel`), 409, "transition_not_allowed");
    assertProblem(await chair.post(`/api/v1/meetings/${id}/open`), 409, "transition_not_allowed");
    assertProblem(await police.post(`/api/v1/meetings/${id}/cancel`), 404, "not_found");
  });

  it("lists: upcoming or all; each sees the meetings they organise, attend or (focal officers) of their region", async () => {
    const seq = await lastSeq(t);
    const list = async (c: TestClient, scope: "upcoming" | "all") => (await ok(c.get(`/api/v1/meetings?scope=${scope}&pageSize=100`))).items as Json[];
    const all = await t.db.query<{ id: string; status: string; region_id: string; organisation_id: string }>("select id, status, region_id, organisation_id from meetings");
    const inRegion = all.filter((m) => m.region_id === ids.regionId);
    const chairAll = await list(chair, "all");
    assert.deepEqual(chairAll.map((m) => m.id).sort(), all.filter((m) => m.organisation_id === ids.organisations.zvh).map((m) => m.id).sort());
    assert.ok(chairAll.every((m) => m.isOrganiser === true));
    const upcoming = await list(chair, "upcoming");
    assert.ok(upcoming.length > 0 && upcoming.every((m) => m.status === "planned" || m.status === "in_progress"));
    assert.ok(upcoming.length < chairAll.length, "closed and cancelled meetings only under all");
    const focalAll = await list(focal, "all");
    assert.deepEqual(focalAll.map((m) => m.id).sort(), inRegion.map((m) => m.id).sort());
    assert.ok(focalAll.every((m) => m.isOrganiser === false));
    const cancelled = focalAll.find((m) => m.status === "cancelled")!;
    assert.equal(cancelled.admittedItems, 0, "withdrawn items are not counted");
    const policeAll = await list(police, "all");
    const attended = await t.db.query<{ meeting_id: string }>("select distinct meeting_id from meeting_participants where user_id = $1", [user("politie@politie.demo")]);
    assert.deepEqual(policeAll.map((m) => m.id).sort(), attended.map((r) => r.meeting_id).sort());
    assert.ok(policeAll.length > 0 && policeAll.every((m) => m.isDelegate === true));
    assert.deepEqual(await list(inspector, "all"), []);
    const other = await list(elsewhere, "all");
    assert.deepEqual(other.map((m) => m.id).sort(), all.filter((m) => m.region_id === ids.otherRegionId).map((m) => m.id).sort());
    const listed = (await eventsSince(t, seq)).filter((e) => e.action === "list" && e.object_type === "meeting");
    assert.equal(listed.length, 6);
    assert.equal(JSON.parse(listed[0]!.details!).count, chairAll.length);
  });
});
