import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { AUTO_CLOSE_AFTER_MS, sweepConferences } from "../../src/server/modules/conferences/conference-sweep.ts";
import { scheduleDeadlineSweeps } from "../../src/server/modules/notifications/deadline-sweep.ts";
import {
  admitSignal, buildSignal, conferenceIds, dateIn, DAY, HOUR, invite, isoIn, itemIn, notificationsOf, ok, paramsOf, planMeeting, type ConferenceIds,
} from "../support/conferences.ts";
import { createUser, type FixtureUser } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The follow-up sweep of case conferences (conference-sweep.ts, run by the deadline sweep): an open action past
 * its deadline reminds its owner once (the named owner, else the owner organisation's delegates, else the local
 * level that brought the item in); a meeting still running twelve hours after its end is closed, which ends the
 * delegates' access. The sweep is called with the moment it runs at, as the scheduler does with the kernel clock.
 */
type Json = Record<string, unknown>;
const MINUTE = 60_000;

describe("conferences: the follow-up sweep", () => {
  let t: TestApp;
  let ids: ConferenceIds;
  const c = {} as Record<"chair" | "focal" | "police" | "tax", TestClient>;
  let analyst: FixtureUser;
  let meeting: Json;
  const items: string[] = [];
  const actions = {} as Record<"tax" | "riec" | "municipality" | "later" | "done" | "cancelled", string>;
  const deadlines = {} as Record<keyof typeof actions, string>;
  /** Noon (UTC, so the same Dutch date in summer and winter) `days` after a date. */
  const noonAfter = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY);
  const user = (email: string) => ids.users[email]!;
  const meetingId = () => meeting.id as string;
  const overdueNotes = (userId: string) => notificationsOf(t, userId, "conference_action_overdue");

  before(async () => {
    t = await startTestApp({ SESSION_IDLE_MINUTES: "1440", SESSION_ABSOLUTE_HOURS: "72" });
    ids = await conferenceIds(t);
    c.chair = await t.login("voorzitter@zvh.demo");
    c.focal = await t.login("aandacht@zevenaar.demo");
    c.police = await t.login("politie@politie.demo");
    c.tax = await t.login("fiscus@belastingdienst.demo");
    analyst = await createUser(t, { organisationId: ids.organisations.riec, roles: ["partner"], displayName: "Ruud Analist" });

    meeting = await planMeeting(t, c.chair);
    await invite(c.chair, meetingId(), ids.organisations.politie, [user("politie@politie.demo")]);
    await invite(c.chair, meetingId(), ids.organisations.belastingdienst, [user("fiscus@belastingdienst.demo")]);
    // The RIEC is invited without a delegate: its action is named to an analyst.
    await invite(c.chair, meetingId(), ids.organisations.riec);
    for (let i = 0; i < 3; i++) {
      const signal = await buildSignal(t, { reporterId: user("melder@zevenaar.demo"), municipalityId: ids.organisations.zevenaar });
      items.push(await admitSignal(c.chair, c.focal, meetingId(), signal));
    }
    await ok(c.chair.post(`/api/v1/meetings/${meetingId()}/open`));
    const soon = dateIn(t, 2);
    const act = async (key: keyof typeof actions, itemId: string, ownerOrganisationId: string, deadline: string, more: Json = {}) => {
      deadlines[key] = deadline;
      const answer = await ok(c.chair.post(`/api/v1/agenda-items/${itemId}/actions`, { description: "Uitzoeken", ownerOrganisationId, deadline: deadlines[key], ...more }));
      actions[key] = ((itemIn(answer, itemId)!.actions as Json[]).at(-1)!).id as string;
    };
    await act("tax", items[0]!, ids.organisations.belastingdienst, soon);
    await act("riec", items[0]!, ids.organisations.riec, soon, { ownerUserId: analyst.id });
    await act("municipality", items[0]!, ids.organisations.zevenaar, soon);
    await act("later", items[0]!, ids.organisations.belastingdienst, dateIn(t, 10));
    await act("done", items[1]!, ids.organisations.belastingdienst, soon);
    await act("cancelled", items[1]!, ids.organisations.belastingdienst, soon);
    await ok(c.tax.patch(`/api/v1/conference-actions/${actions.done}`, { status: "done", result: "Gegevens gedeeld" }));
    await ok(c.tax.patch(`/api/v1/conference-actions/${actions.cancelled}`, { status: "cancelled", result: "Niet nodig" }));
    await ok(c.chair.post(`/api/v1/agenda-items/${items[1]!}/decisions`, { kind: "fiscal", description: "Boekenonderzoek" }));
  });
  after(() => t?.close());

  const meetingStatus = async (id: string) => (await t.db.query<{ status: string; closed_at: Date | null }>("select status, closed_at from meetings where id = $1", [id]))[0]!;
  const policeReads = async () => itemIn(await ok(c.police.get(`/api/v1/meetings/${meetingId()}`)), items[0]!)!.readable;

  it("closes a meeting still running twelve hours after its end, not a minute before; the delegates' access ends", async () => {
    const endsAt = new Date(meeting.endsAt as string);
    assert.equal(await policeReads(), true, "the police delegate reads the item while the meeting runs");
    assert.deepEqual(await sweepConferences(t.kernel, new Date(endsAt.getTime() + AUTO_CLOSE_AFTER_MS - MINUTE)), { reminders: 0, closed: 0, notifications: 0 });
    assert.equal((await meetingStatus(meetingId())).status, "in_progress");
    // A planned meeting whose time has passed is not closed: it never ran.
    const planned = await planMeeting(t, c.chair, { startsAt: isoIn(t, 30 * MINUTE), endsAt: isoIn(t, HOUR) });
    const at = new Date(endsAt.getTime() + AUTO_CLOSE_AFTER_MS + MINUTE);
    assert.deepEqual(await sweepConferences(t.kernel, at), { reminders: 0, closed: 1, notifications: 0 });
    const closed = await meetingStatus(meetingId());
    assert.equal(closed.status, "closed");
    assert.equal(new Date(closed.closed_at!).getTime(), at.getTime());
    assert.equal((await meetingStatus(planned.id as string)).status, "planned");
    assert.equal(await policeReads(), false, "after closing, the police (no action) sees the heading only");
    assert.deepEqual(await sweepConferences(t.kernel, at), { reminders: 0, closed: 0, notifications: 0 }, "closed once");
  });

  it("the meeting list counts the items still waiting for feedback, for each viewer over the items they may read", async () => {
    const waiting = async (who: TestClient) => ((await ok(who.get("/api/v1/meetings?scope=all&pageSize=100"))).items as Json[]).find((m) => m.id === meetingId())?.waitingForFeedback;
    // Item 1 has open actions, item 2 a decision and none open, item 3 no decision: 1 and 3 wait.
    const agenda = (await ok(c.chair.get(`/api/v1/meetings/${meetingId()}`))).agenda as Json[];
    assert.deepEqual(items.map((id) => agenda.find((i) => i.id === id)!.waitingForFeedback), [true, false, true]);
    assert.equal(await waiting(c.chair), 2, "the organiser reads every item");
    assert.equal(await waiting(c.focal), 2, "the municipality's focal officer reads its signals' items");
    assert.equal(await waiting(c.tax), 1, "the tax office keeps the item it has an open action on (its other action was cancelled or done)");
    assert.equal(await waiting(c.police), 0, "the police, without an action, reads no item after the meeting");
    const upcoming = ((await ok(c.chair.get("/api/v1/meetings?scope=upcoming"))).items as Json[]);
    assert.ok(upcoming.every((m) => m.waitingForFeedback === 0), "a meeting that has not closed waits for nothing yet");
  });

  it("reminds the owners of an overdue open action once: the named owner, the delegates, or the proposer; not done, cancelled or later ones", async () => {
    assert.deepEqual(await sweepConferences(t.kernel, noonAfter(deadlines.tax, 0)), { reminders: 0, closed: 0, notifications: 0 }, "on the deadline itself nothing is overdue");
    const at = noonAfter(deadlines.tax, 1);
    assert.deepEqual(await sweepConferences(t.kernel, at), { reminders: 3, closed: 0, notifications: 3 });
    const expected = { reference: meeting.reference, deadline: deadlines.tax };
    for (const userId of [user("fiscus@belastingdienst.demo"), analyst.id, user("aandacht@zevenaar.demo")]) {
      const notes = await overdueNotes(userId);
      assert.equal(notes.length, 1, userId);
      assert.equal(notes[0]!.meeting_id, meetingId());
      assert.deepEqual(paramsOf(notes[0]!.params), expected, "a reference and the deadline, no content");
    }
    assert.deepEqual(await overdueNotes(user("riec@riec.demo")), [], "the RIEC's other people are not reminded of an action named to the analyst");
    assert.deepEqual(await overdueNotes(user("politie@politie.demo")), []);
    assert.deepEqual(await overdueNotes(user("voorzitter@zvh.demo")), []);
    const reminded = await t.db.query<{ id: string }>("select id from conference_actions where reminded_at is not null order by id");
    assert.deepEqual(reminded.map((r) => r.id), [actions.tax, actions.riec, actions.municipality].sort());

    assert.deepEqual(await sweepConferences(t.kernel, at), { reminders: 0, closed: 0, notifications: 0 }, "not twice");
    assert.deepEqual(await sweepConferences(t.kernel, new Date(at.getTime() + DAY)), { reminders: 0, closed: 0, notifications: 0 }, "not the next day either");
    assert.equal((await overdueNotes(user("fiscus@belastingdienst.demo"))).length, 1);

    // The later action is reminded when its own deadline has passed.
    assert.deepEqual(await sweepConferences(t.kernel, noonAfter(deadlines.later, 0)), { reminders: 0, closed: 0, notifications: 0 });
    assert.deepEqual(await sweepConferences(t.kernel, noonAfter(deadlines.later, 1)), { reminders: 1, closed: 0, notifications: 1 });
    const fiscus = await overdueNotes(user("fiscus@belastingdienst.demo"));
    assert.deepEqual(fiscus.map((n) => paramsOf(n.params).deadline), [deadlines.tax, deadlines.later]);
  });

  it("runs within the deadline sweep on the kernel clock", async () => {
    const second = await planMeeting(t, c.chair);
    await ok(c.chair.post(`/api/v1/meetings/${second.id as string}/open`));
    t.clock.advance(3 * HOUR + AUTO_CLOSE_AFTER_MS + MINUTE);
    const problems: unknown[] = [];
    const sweeps = scheduleDeadlineSweeps(t.kernel, { mailer: null, intervalMs: 20, log: (_message, error) => problems.push(error) });
    try {
      const deadline = Date.now() + 10_000;
      while ((await meetingStatus(second.id as string)).status !== "closed" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    } finally {
      await sweeps.stop();
    }
    assert.deepEqual(problems, []);
    assert.equal((await meetingStatus(second.id as string)).status, "closed");
  });
});
