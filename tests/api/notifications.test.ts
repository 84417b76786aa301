import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { SMTPServer } from "smtp-server";
import { deliverPendingEmails, createMailer } from "../../src/server/modules/notifications/mailer.ts";
import { escalationDue, sweepDeadlines } from "../../src/server/modules/notifications/deadline-sweep.ts";
import { notifyUsers } from "../../src/server/modules/notifications/notify.ts";
import { demoIds, type DemoIds } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

const POLICE = "politie@politie.demo";
const FOCAL = "aandacht@zevenaar.demo";
const CARE = "zorg@zorgcoordinatie.demo";
const DESCRIPTION = "Geheime omschrijving: vrouw werkt zeven dagen per week in nagelstudio";

let counter = 0;

/** The message as a reader sees it: folded headers unfolded, quoted-printable decoded. */
function readable(raw: string): { headers: string; body: string } {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw
    .slice(split + 4)
    .replace(/=\r\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return { headers, body };
}

/** A minimal signal (and optionally a referral to the police) straight in SQL: the route module is not under test. */
async function buildSignal(
  t: TestApp,
  demo: DemoIds,
  input: { status?: string; dueAt?: Date | null; referralDueAt?: Date },
): Promise<{ signalId: string; referralId: string | null; reference: string }> {
  await t.db.query(
    "insert into indicator_catalogues (region_id, version, change_note) values ($1, 1, 'test') on conflict (region_id, version) do nothing",
    [demo.regionId],
  );
  const catalogue = await t.db.query<{ id: string }>("select id from indicator_catalogues where region_id = $1 and version = 1", [demo.regionId]);
  counter += 1;
  const reference = `ZEV-2026-9${String(counter).padStart(4, "0")}`;
  const received = new Date("2026-03-02T09:00:00Z");
  const signal = await t.db.query<{ id: string }>(
    `insert into signals (reference, municipality_id, catalogue_id, source, status, urgency, description_enc, location_kind, received_at, due_at, updated_at)
     values ($1, $2, $3, 'employee', $4, 'normal', $5, 'none', $6, $7, $6) returning id`,
    [reference, demo.organisations.zevenaar, catalogue[0]!.id, input.status ?? "referred", t.kernel.crypto.encrypt("signals.description", DESCRIPTION), received, input.dueAt ?? null],
  );
  const signalId = signal[0]!.id;
  if (!input.referralDueAt) return { signalId, referralId: null, reference };
  const referral = await t.db.query<{ id: string }>(
    `insert into referrals (signal_id, organisation_id, channel, purpose_enc, shared_parts, status, created_by, created_at, due_at)
     values ($1, $2, 'police', $3, '{description}', 'open', $4, $5, $6) returning id`,
    [signalId, demo.organisations.politie, t.kernel.crypto.encrypt("referrals.purpose", "onderzoek"), demo.users[FOCAL], received, input.referralDueAt],
  );
  return { signalId, referralId: referral[0]!.id, reference };
}

const notificationsOf = (t: TestApp, userId: string, kind?: string) =>
  t.db.query<{ id: string; kind: string; signal_id: string | null; referral_id: string | null; params: Record<string, unknown> }>(
    "select id, kind, signal_id, referral_id, params from notifications where user_id = $1 and ($2::text is null or kind = $2) order by created_at, id",
    [userId, kind ?? null],
  );

describe("when a reminder escalates", () => {
  it("counts working days on the Dutch calendar: Easter Monday is skipped, Good Friday is not", () => {
    const reminded = new Date("2026-04-02T08:00:00Z"); // Thursday 10:00 in Amsterdam
    assert.equal(escalationDue(reminded, new Date("2026-04-07T07:59:00Z")), false);
    assert.equal(escalationDue(reminded, new Date("2026-04-07T08:00:00Z")), true);
  });

  it("keeps the Dutch wall-clock time across the change to summer time", () => {
    const reminded = new Date("2026-03-27T09:00:00Z"); // Friday 10:00 CET
    assert.equal(escalationDue(reminded, new Date("2026-03-31T07:59:00Z")), false);
    assert.equal(escalationDue(reminded, new Date("2026-03-31T08:00:00Z")), true); // Tuesday 10:00 CEST
  });
});

describe("notifications", () => {
  let t: TestApp;
  let demo: DemoIds;
  before(async () => {
    t = await startTestApp();
    demo = await demoIds(t);
  });
  after(() => t.close());

  describe("the deadline sweep", () => {
    // Thursday 5 March 2026, 13:00 in Amsterdam; the reminder comes on Friday, before a weekend.
    const referralDue = new Date("2026-03-05T12:00:00Z");
    let referral: Awaited<ReturnType<typeof buildSignal>>;
    before(async () => {
      referral = await buildSignal(t, demo, { referralDueAt: referralDue });
    });

    it("does nothing before the referral is due", async () => {
      const result = await sweepDeadlines(t.kernel, new Date("2026-03-05T11:59:00Z"));
      assert.deepEqual(result, { reminders: 0, escalations: 0, overdueSignals: 0, notifications: 0 });
      assert.equal((await t.db.query("select 1 from notifications where referral_id = $1", [referral.referralId])).length, 0);
    });

    it("reminds the partner's users once when the referral is past due", async () => {
      const friday = new Date("2026-03-06T09:00:00Z"); // 10:00 in Amsterdam
      const result = await sweepDeadlines(t.kernel, friday);
      assert.equal(result.reminders, 1);
      const reminders = await notificationsOf(t, demo.users[POLICE]!, "referral_reminder");
      assert.equal(reminders.length, 1);
      assert.equal(reminders[0]!.referral_id, referral.referralId);
      assert.equal(reminders[0]!.signal_id, referral.signalId);
      assert.deepEqual(reminders[0]!.params, { reference: referral.reference });
      // Only the organisation the signal was referred to, not other partners or care coordination.
      assert.equal((await notificationsOf(t, demo.users[CARE]!)).length, 0);
      assert.equal((await notificationsOf(t, demo.users["riec@riec.demo"]!)).length, 0);

      const again = await sweepDeadlines(t.kernel, new Date("2026-03-06T09:05:00Z"));
      assert.equal(again.reminders, 0);
      assert.equal((await notificationsOf(t, demo.users[POLICE]!, "referral_reminder")).length, 1);
    });

    it("escalates to the focal officers two working days after the reminder, not counting the weekend", async () => {
      for (const notYet of ["2026-03-07T12:00:00Z", "2026-03-08T12:00:00Z", "2026-03-09T12:00:00Z", "2026-03-10T08:59:00Z"]) {
        const result = await sweepDeadlines(t.kernel, new Date(notYet));
        assert.equal(result.escalations, 0, `no escalation at ${notYet}`);
      }
      assert.equal((await notificationsOf(t, demo.users[FOCAL]!, "referral_escalated")).length, 0);

      const tuesday = await sweepDeadlines(t.kernel, new Date("2026-03-10T09:00:00Z")); // Tuesday 10:00 in Amsterdam
      assert.equal(tuesday.escalations, 1);
      const escalations = await notificationsOf(t, demo.users[FOCAL]!, "referral_escalated");
      assert.equal(escalations.length, 1);
      assert.equal(escalations[0]!.referral_id, referral.referralId);
      assert.equal((await notificationsOf(t, demo.users[POLICE]!, "referral_escalated")).length, 0);
      assert.equal((await sweepDeadlines(t.kernel, new Date("2026-03-11T09:00:00Z"))).escalations, 0);
    });

    it("leaves answered referrals alone", async () => {
      const answered = await buildSignal(t, demo, { referralDueAt: referralDue });
      await t.db.query("update referrals set status = 'answered' where id = $1", [answered.referralId]);
      await sweepDeadlines(t.kernel, new Date("2026-03-20T09:00:00Z"));
      assert.equal((await t.db.query("select 1 from notifications where referral_id = $1", [answered.referralId])).length, 0);
    });

    it("tells the focal officers once per status when a signal is overdue", async () => {
      const overdue = await buildSignal(t, demo, { status: "recorded", dueAt: new Date("2026-03-12T09:00:00Z") });
      const closedSignal = await buildSignal(t, demo, { status: "recorded", dueAt: new Date("2026-03-12T09:00:00Z") });
      await t.db.query("update signals set status = 'closed', outcome = 'no_indication', closed_at = $2 where id = $1", [closedSignal.signalId, new Date("2026-03-12T08:00:00Z")]);

      assert.equal((await sweepDeadlines(t.kernel, new Date("2026-03-12T08:59:00Z"))).overdueSignals, 0);
      const first = await sweepDeadlines(t.kernel, new Date("2026-03-12T09:01:00Z"));
      assert.equal(first.overdueSignals, 1);
      const notes = await notificationsOf(t, demo.users[FOCAL]!, "signal_overdue");
      assert.deepEqual(notes.map((n) => [n.signal_id, n.params]), [[overdue.signalId, { reference: overdue.reference, status: "recorded" }]]);
      assert.equal((await sweepDeadlines(t.kernel, new Date("2026-03-12T10:00:00Z"))).overdueSignals, 0);

      // The next step overdue is news again.
      await t.db.query("update signals set status = 'assessed' where id = $1", [overdue.signalId]);
      assert.equal((await sweepDeadlines(t.kernel, new Date("2026-03-12T11:00:00Z"))).overdueSignals, 1);
      assert.equal((await notificationsOf(t, demo.users[FOCAL]!, "signal_overdue")).length, 2);
      // Nothing in a notification comes from the signal's content.
      const all = await t.db.query<{ params: unknown }>("select params from notifications");
      assert.ok(all.every((n) => !JSON.stringify(n.params).includes("nagelstudio")));
    });
  });

  describe("GET /notifications and marking as read", () => {
    let focal: TestClient;
    let police: TestClient;
    let policeNotification: string;
    before(async () => {
      focal = await t.login(FOCAL);
      police = await t.login(POLICE);
      const signal = await buildSignal(t, demo, {});
      await t.db.transaction(async (tx) => {
        await notifyUsers(tx, { userIds: [demo.users[FOCAL]!], kind: "signal_received", signalId: signal.signalId, params: { reference: signal.reference }, now: t.kernel.now() });
        policeNotification = (await notifyUsers(tx, { userIds: [demo.users[POLICE]!], kind: "referral_received", signalId: signal.signalId, params: { reference: signal.reference }, now: t.kernel.now() }))[0]!;
      });
    });

    it("lists only one's own notifications, newest first, with the unread count", async () => {
      const res = await focal.get("/api/v1/notifications");
      assert.equal(res.statusCode, 200);
      const body = res.json();
      const own = await notificationsOf(t, demo.users[FOCAL]!);
      assert.equal(body.total, own.length);
      assert.equal(body.unreadCount, own.length);
      assert.deepEqual(new Set(body.items.map((n: { id: string }) => n.id)), new Set(own.map((n) => n.id)));
      assert.equal(body.items[0].kind, "signal_received");
      assert.ok(!body.items.some((n: { id: string }) => n.id === policeNotification));

      const paged = (await focal.get("/api/v1/notifications?pageSize=1&page=2")).json();
      assert.equal(paged.items.length, 1);
      assert.equal(paged.total, own.length);
      assert.equal(paged.page, 2);
    });

    it("marks one as read, filters on unread, and marks all as read", async () => {
      const list = (await focal.get("/api/v1/notifications")).json();
      const first = list.items[0];
      const read = await focal.post(`/api/v1/notifications/${first.id}/read`);
      assert.equal(read.statusCode, 200);
      assert.equal(read.json().id, first.id);
      assert.ok(read.json().readAt);

      const unread = (await focal.get("/api/v1/notifications?unread=true")).json();
      assert.equal(unread.unreadCount, list.unreadCount - 1);
      assert.equal(unread.total, list.unreadCount - 1);
      assert.ok(unread.items.every((n: { readAt: string | null }) => n.readAt === null));

      const all = await focal.post("/api/v1/notifications/read-all");
      assert.equal(all.statusCode, 200);
      assert.deepEqual(all.json(), { updated: list.unreadCount - 1, unreadCount: 0 });
      assert.equal((await focal.get("/api/v1/notifications")).json().unreadCount, 0);
      // The police officer's notification was not touched.
      assert.equal((await police.get("/api/v1/notifications")).json().unreadCount, (await notificationsOf(t, demo.users[POLICE]!)).length);
    });

    it("answers 404 for someone else's notification and for one that does not exist", async () => {
      const res = await focal.post(`/api/v1/notifications/${policeNotification}/read`);
      assert.equal(res.statusCode, 404);
      const row = await t.db.query<{ read_at: Date | null }>("select read_at from notifications where id = $1", [policeNotification]);
      assert.equal(row[0]!.read_at, null);
      assert.equal((await focal.post("/api/v1/notifications/00000000-0000-4000-8000-000000000000/read")).statusCode, 404);
      assert.equal((await t.client().get("/api/v1/notifications")).statusCode, 401);
    });
  });
});

describe("notification e-mail", () => {
  let t: TestApp;
  let demo: DemoIds;
  let smtp: SMTPServer;
  const received: { to: string[]; raw: string }[] = [];

  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: "https://ketenzicht.example.nl" });
    demo = await demoIds(t);
  });
  after(async () => {
    await t.close();
  });

  it("sends a short Dutch e-mail with the reference and a link, never the content", async () => {
    const mailer = createMailer(t.kernel.config);
    assert.ok(mailer);
    const signal = await buildSignal(t, demo, {});
    const [id] = await t.db.transaction((tx) =>
      notifyUsers(tx, { userIds: [demo.users[POLICE]!], kind: "referral_reminder", signalId: signal.signalId, params: { reference: signal.reference }, now: t.kernel.now() }),
    );
    const result = await deliverPendingEmails(t.kernel, mailer, { limit: 10 });
    assert.deepEqual(result, { sent: 1, failed: 0 });
    assert.equal(received.length, 1);
    const message = received[0]!;
    assert.deepEqual(message.to, [POLICE]);
    const { headers, body } = readable(message.raw);
    assert.match(headers, new RegExp(`^Subject: Ketenzicht: Herinnering: terugkoppeling gevraagd voor ${signal.reference}\r?$`, "m"));
    assert.ok(body.includes(`signaal ${signal.reference} is verstreken`));
    assert.ok(body.includes(`https://ketenzicht.example.nl/signalen/${signal.signalId}`));
    assert.ok(!message.raw.includes("nagelstudio") && !body.includes("nagelstudio"));
    const row = await t.db.query<{ emailed_at: Date | null }>("select emailed_at from notifications where id = $1", [id]);
    assert.ok(row[0]!.emailed_at);

    // Sent once: a second run finds nothing.
    assert.deepEqual(await deliverPendingEmails(t.kernel, mailer, { limit: 10 }), { sent: 0, failed: 0 });
  });

  it("keeps the notification pending and does not throw when the SMTP server is down", async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    const mailer = createMailer(t.kernel.config)!;
    const signal = await buildSignal(t, demo, {});
    const [id] = await t.db.transaction((tx) =>
      notifyUsers(tx, { userIds: [demo.users[FOCAL]!], kind: "signal_overdue", signalId: signal.signalId, params: { reference: signal.reference }, now: t.kernel.now() }),
    );
    const logged: string[] = [];
    const result = await deliverPendingEmails(t.kernel, mailer, { limit: 10, log: (message) => logged.push(message) });
    assert.deepEqual(result, { sent: 0, failed: 1 });
    assert.equal(logged.length, 1);
    const row = await t.db.query<{ emailed_at: Date | null }>("select emailed_at from notifications where id = $1", [id]);
    assert.equal(row[0]!.emailed_at, null);
  });

  it("has no mailer without SMTP_URL", () => {
    assert.equal(createMailer({ ...t.kernel.config, SMTP_URL: undefined }), null);
  });
});
