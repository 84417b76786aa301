import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { dutchDate } from "../../src/server/kernel/dutch-time.ts";
import { addDays } from "../../src/server/modules/care/calendar.ts";
import sql from "sql-template-tag";
import { sweepCareTasks } from "../../src/server/modules/care/care-sweep.ts";
import { dueTasks } from "../../src/server/modules/care/tasks.ts";
import { demoIds, type DemoIds } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/** The care coordinators' reminders: every task of an open file notifies the file's coordinators once. */
describe("care reminders", () => {
  let t: TestApp;
  let ids: DemoIds;
  let zorg: TestClient;
  const DAY = 86_400_000;

  before(async () => {
    t = await startTestApp();
    ids = await demoIds(t);
    zorg = await t.login("zorg@zorgcoordinatie.demo");
  });
  after(() => t.close());

  const notificationsOf = (email: string) =>
    t.db.query<{ kind: string; params: Record<string, unknown> | string; victim_file_id: string | null }>(
      "select n.kind, n.params, n.victim_file_id from notifications n where n.user_id = $1 and n.kind = 'care_task' order by n.created_at, n.id",
      [ids.users[email]],
    );
  const paramsOf = (p: Record<string, unknown> | string) => (typeof p === "string" ? (JSON.parse(p) as Record<string, unknown>) : p);

  it("reminds the coordinator once when a service has not started, again when a reflection period nears its end, and not the other coordinator", async () => {
    const today = dutchDate(t.clock.now);
    const opened = await zorg.post("/api/v1/victim-files", { source: "police", person: { name: "Mara Test" }, nationality: "MDA", exploitationForms: ["labour"] });
    assert.equal(opened.statusCode, 201, opened.body);
    const file = opened.json();
    const service = await zorg.post(`/api/v1/victim-files/${file.id}/services`, {
      domain: "medical", serviceType: "medical_care", providerOrganisationId: ids.organisations.opvang, startDate: today, status: "planned",
    });
    assert.equal(service.statusCode, 200, service.body);
    const reflection = await zorg.request("PUT", `/api/v1/victim-files/${file.id}/reflection-period`, { offeredOn: addDays(today, -70) });
    assert.equal(reflection.statusCode, 200, reflection.body);

    // Today: the reflection period ends in about three weeks and the service starts today: nothing is due yet.
    assert.deepEqual(await sweepCareTasks(t.kernel, t.clock.now), { tasks: 0, notifications: 0 });

    t.clock.advance(10 * DAY);
    const first = await sweepCareTasks(t.kernel, t.clock.now);
    assert.deepEqual(first, { tasks: 2, notifications: 2 });
    const mine = await notificationsOf("zorg@zorgcoordinatie.demo");
    assert.deepEqual(mine.map((n) => paramsOf(n.params).task).sort(), ["reflection_ending", "service_overdue"]);
    assert.ok(mine.every((n) => n.victim_file_id === file.id && paramsOf(n.params).reference === file.reference));
    // A notification names the file by its reference only: no name, no content.
    assert.ok(mine.every((n) => !JSON.stringify(n.params).includes("Mara")));
    assert.deepEqual(await notificationsOf("zorg2@zorgcoordinatie.demo"), [], "a colleague who is not on the team is not reminded");

    assert.deepEqual(await sweepCareTasks(t.kernel, t.clock.now), { tasks: 2, notifications: 0 }, "each task reminds once");

    // When the reflection period has passed without a decision on the police report, it reminds once more.
    t.clock.advance(14 * DAY);
    const later = await sweepCareTasks(t.kernel, t.clock.now);
    assert.equal(later.notifications, 1);
    const overdue = (await notificationsOf("zorg@zorgcoordinatie.demo")).map((n) => paramsOf(n.params)).filter((p) => p.overdue === true && p.task === "reflection_ending");
    assert.equal(overdue.length, 1);
  });

  it("has nothing to say about a closed trajectory", async () => {
    zorg = await t.login("zorg@zorgcoordinatie.demo"); // the clock moved past the session's lifetime
    const opened = await zorg.post("/api/v1/victim-files", { source: "self", person: { name: "Gesloten Dossier" }, exploitationForms: ["sexual"] });
    assert.equal(opened.statusCode, 201, opened.body);
    const file = opened.json();
    const today = dutchDate(t.clock.now);
    await zorg.post(`/api/v1/victim-files/${file.id}/goals`, { domain: "safety", description: "Veilig wonen", targetDate: today });
    t.clock.advance(3 * DAY);
    const tasksOf = () => dueTasks(t.db, sql`f.id = ${file.id}`, dutchDate(t.clock.now));
    assert.deepEqual((await tasksOf()).map((task) => [task.kind, task.overdue]), [["goal_due", true]], "open: the goal is overdue");

    zorg = await t.login("zorg@zorgcoordinatie.demo");
    const closed = await zorg.post(`/api/v1/victim-files/${file.id}/transitions`, { to: "closed", closureReason: "declined_help" });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.deepEqual(await tasksOf(), [], "closed: nothing is due");
    await sweepCareTasks(t.kernel, t.clock.now);
    const about = (await notificationsOf("zorg@zorgcoordinatie.demo")).filter((n) => n.victim_file_id === file.id);
    assert.deepEqual(about, []);
  });
});
