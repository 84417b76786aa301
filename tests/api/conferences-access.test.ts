import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  buildSignal, conferenceIds, DAY, invite, isoIn, itemIn, ok, planMeeting, type BuiltSignal, type ConferenceIds,
} from "../support/conferences.ts";
import { createUser, eventsSince, lastSeq, type FixtureUser } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The access rule over HTTP: participants see an agenda item only while they take part in the
 * meeting, and only what it shares; before the meeting its heading, not its content; afterwards access ends,
 * except for an organisation that took on an action on it (its delegates and the action's named owner),
 * until that action is cancelled. The organiser and the proposer's side always see it; an organisation not
 * invited sees nothing. Every read of the content is audited with the data subject.
 */
type Json = Record<string, unknown>;

describe("conferences: who sees an agenda item, by the meeting's phase", () => {
  let t: TestApp;
  let ids: ConferenceIds;
  let signal: BuiltSignal;
  let meeting: Json;
  let itemId = "";
  let analyst: FixtureUser;
  const c = {} as Record<"chair" | "focal" | "colleague" | "police" | "tax" | "riec" | "analyst" | "inspector" | "duiven" | "care", TestClient>;
  const user = (email: string) => ids.users[email]!;
  const VICTIM = "Andrzej Nowak";
  const QUESTION = "Is een gezamenlijke controle bij het uitzendbureau nodig?";

  before(async () => {
    t = await startTestApp();
    ids = await conferenceIds(t);
    c.chair = await t.login("voorzitter@zvh.demo");
    c.focal = await t.login("aandacht@zevenaar.demo");
    c.police = await t.login("politie@politie.demo");
    c.tax = await t.login("fiscus@belastingdienst.demo");
    c.riec = await t.login("riec@riec.demo");
    c.inspector = await t.login("inspectie@arbeidsinspectie.demo");
    c.care = await t.login("zorg@zorgcoordinatie.demo");
    const colleague = await createUser(t, { organisationId: ids.organisations.zevenaar, roles: ["focal_officer"] });
    c.colleague = await t.login(colleague.email, { totpSecret: colleague.totpSecret });
    const duiven = await createUser(t, { organisationId: ids.organisations.duiven, roles: ["focal_officer"] });
    c.duiven = await t.login(duiven.email, { totpSecret: duiven.totpSecret });
    analyst = await createUser(t, { organisationId: ids.organisations.riec, roles: ["partner"], displayName: "Ruud Analist" });
    c.analyst = await t.login(analyst.email, { totpSecret: analyst.totpSecret });

    meeting = await planMeeting(t, c.chair);
    for (const [org, email] of [["politie", "politie@politie.demo"], ["belastingdienst", "fiscus@belastingdienst.demo"], ["riec", "riec@riec.demo"]] as const) {
      await invite(c.chair, meeting.id as string, ids.organisations[org], [user(email)]);
    }
    signal = await buildSignal(t, { reporterId: user("melder@zevenaar.demo"), municipalityId: ids.organisations.zevenaar, victims: [{ name: VICTIM, nationality: "POL" }] });
    const proposed = await ok(c.focal.post(`/api/v1/signals/${signal.id}/conference-items`, { meetingId: meeting.id, question: QUESTION, sharedParts: ["description", "victims"] }));
    itemId = (proposed.agenda as Json[])[0]!.id as string;
    await ok(c.chair.post(`/api/v1/agenda-items/${itemId}/admit`));
  });
  after(() => t?.close());

  /** What `who` gets of the item: 404 for the meeting, the heading only, or the content. */
  async function view(who: keyof typeof c): Promise<"no meeting" | "heading" | "content"> {
    const res = await c[who].get(`/api/v1/meetings/${meeting.id as string}`);
    if (res.statusCode === 404) {
      assert.equal(res.json().code, "not_found");
      return "no meeting";
    }
    assert.equal(res.statusCode, 200, res.body);
    const item = itemIn(res.json(), itemId);
    assert.ok(item, `${who} sees the admitted item's heading`);
    assert.equal(item.subjectReference, signal.reference);
    assert.equal(item.proposerOrganisationName, "Gemeente Zevenaar");
    assert.deepEqual(item.sharedParts, ["description", "victims"]);
    if (!item.readable) {
      for (const key of ["question", "sharedContent", "notes", "decisions", "actions", "declineReason", "subjectId"]) assert.equal(item[key], null, `${who}: ${key}`);
      assert.ok(!res.body.includes(VICTIM) && !res.body.includes(QUESTION), `${who}: content in the answer`);
      return "heading";
    }
    assert.equal(item.question, QUESTION);
    assert.ok(JSON.stringify(item.sharedContent).includes(VICTIM));
    return "content";
  }

  async function views(): Promise<Record<string, string>> {
    const result: Record<string, string> = {};
    for (const who of Object.keys(c) as (keyof typeof c)[]) result[who] = await view(who);
    return result;
  }

  /** The reads of the item's content since `seq`, as (user → count), each with the signal as data subject. */
  async function contentReads(seq: string) {
    const reads = (await eventsSince(t, seq)).filter((e) => e.action === "read" && e.object_type === "agenda_item");
    for (const e of reads) {
      assert.equal(e.object_id, itemId);
      assert.equal(e.data_subject_ref, `signal:${signal.id}`);
      assert.equal(e.owner_organisation_id, ids.organisations.zevenaar);
    }
    return reads.map((e) => e.actor_user_id).sort();
  }

  const organiserSide = { chair: "content", focal: "content", colleague: "content" };

  it("before the meeting: delegates see the heading, not the content; the organiser and the proposer's side see it all", async () => {
    const seq = await lastSeq(t);
    assert.deepEqual(await views(), {
      ...organiserSide, police: "heading", tax: "heading", riec: "heading", analyst: "no meeting", inspector: "no meeting", duiven: "heading", care: "heading",
    });
    assert.deepEqual(await contentReads(seq), [user("voorzitter@zvh.demo"), user("aandacht@zevenaar.demo"), (await idOf(c.colleague))].sort());
  });

  it("while it is in progress: every delegate sees the content, each read audited; an organisation not invited sees nothing", async () => {
    await ok(c.chair.post(`/api/v1/meetings/${meeting.id as string}/open`));
    const seq = await lastSeq(t);
    assert.deepEqual(await views(), {
      ...organiserSide, police: "content", tax: "content", riec: "content", analyst: "no meeting", inspector: "no meeting", duiven: "heading", care: "heading",
    });
    const reads = await contentReads(seq);
    assert.deepEqual(reads, [user("voorzitter@zvh.demo"), user("aandacht@zevenaar.demo"), await idOf(c.colleague), user("politie@politie.demo"), user("fiscus@belastingdienst.demo"), user("riec@riec.demo")].sort());
    const police = (await eventsSince(t, seq)).find((e) => e.object_type === "agenda_item" && e.actor_user_id === user("politie@politie.demo"))!;
    assert.equal(police.actor_role, "partner");
    assert.equal(police.actor_organisation_id, ids.organisations.politie);
  });

  it("the tax office and the RIEC (with a named owner who is no delegate) take on actions; the police none", async () => {
    const deadline = isoIn(t, 14 * DAY).slice(0, 10);
    await ok(c.chair.post(`/api/v1/agenda-items/${itemId}/actions`, { description: "Fiscale gegevens opvragen", ownerOrganisationId: ids.organisations.belastingdienst, deadline }));
    await ok(c.chair.post(`/api/v1/agenda-items/${itemId}/actions`, {
      description: "Analyse van het uitzendbureau", ownerOrganisationId: ids.organisations.riec, ownerUserId: analyst.id, deadline,
    }));
    const res = await c.chair.post(`/api/v1/agenda-items/${itemId}/actions`, { description: "Controle", ownerOrganisationId: ids.organisations.inspectie, deadline });
    assert.equal(res.statusCode, 400, res.body);
    await ok(c.chair.post(`/api/v1/meetings/${meeting.id as string}/close`));
  });

  it("after closing: only organisations with an action (their delegates and the named owner) keep the content", async () => {
    const seq = await lastSeq(t);
    assert.deepEqual(await views(), {
      ...organiserSide, police: "heading", tax: "content", riec: "content", analyst: "content", inspector: "no meeting", duiven: "heading", care: "heading",
    });
    const reads = await contentReads(seq);
    assert.ok(!reads.includes(user("politie@politie.demo")), "no content read for the police");
    assert.ok(reads.includes(analyst.id), "the named owner's read is audited");
    // The action owners follow their own actions.
    const taxActions = (await ok(c.tax.get("/api/v1/conference-actions"))).items as Json[];
    assert.deepEqual(taxActions.map((a) => a.description), ["Fiscale gegevens opvragen"]);
    const analystActions = (await ok(c.analyst.get("/api/v1/conference-actions"))).items as Json[];
    assert.deepEqual(analystActions.map((a) => a.ownerName), ["Ruud Analist"]);
    assert.deepEqual((await ok(c.police.get("/api/v1/conference-actions"))).items, []);
  });

  it("cancelling the tax office's action ends its access; the RIEC's finished action keeps the RIEC's", async () => {
    const actions = (await ok(c.chair.get(`/api/v1/conference-actions?meetingId=${meeting.id as string}`))).items as Json[];
    const taxAction = actions.find((a) => a.ownerOrganisationId === ids.organisations.belastingdienst)!;
    const riecAction = actions.find((a) => a.ownerOrganisationId === ids.organisations.riec)!;
    assert.equal((await ok(c.tax.patch(`/api/v1/conference-actions/${taxAction.id as string}`, { status: "cancelled", result: "Niet nodig" }))).status, "cancelled");
    assert.equal((await ok(c.analyst.patch(`/api/v1/conference-actions/${riecAction.id as string}`, { status: "done", result: "Analyse gedeeld met de politie" }))).status, "done");
    assert.deepEqual(await views(), {
      ...organiserSide, police: "heading", tax: "heading", riec: "content", analyst: "content", inspector: "no meeting", duiven: "heading", care: "heading",
    });
  });

  async function idOf(client: TestClient): Promise<string> {
    return ((await ok(client.get("/api/v1/session"))).user as Json).id as string;
  }
});
