import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { addDays } from "../../src/server/modules/care/calendar.ts";
import { buildVictimFile, careIds, careSnapshot, daysFromToday, todayIn, type BuiltFile, type CareIds } from "../support/care.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The residence scheme for victims (B8/3) through the API: the reflection period's end date by the calendar
 * rule, who is eligible, ending it early, the reminder in the coordinator's overview, and the police report.
 */
describe("care residence: the reflection period", () => {
  let t: TestApp;
  let ids: CareIds;
  let care: TestClient;
  let file: BuiltFile;

  before(async () => {
    t = await startTestApp();
    ids = await careIds(t);
    care = await t.login("zorg@zorgcoordinatie.demo");
    file = await buildVictimFile(t, { coordinatorId: ids.users["zorg@zorgcoordinatie.demo"]!, nationality: "NGA" });
  });
  after(() => t?.close());

  const reflection = (body: Record<string, unknown>, id = file.id) => care.put(`/api/v1/victim-files/${id}/reflection-period`, body);

  it("ends on the day the calendar rule says", async () => {
    const cases: [string, string][] = [
      ["2026-01-15", "2026-04-14"],
      ["2026-01-31", "2026-04-30"],
      ["2025-11-30", "2026-02-28"],
      ["2023-11-30", "2024-02-29"],
      ["2025-11-28", "2026-02-27"],
      ["2025-10-15", "2026-01-14"],
    ];
    for (const [offeredOn, endsOn] of cases) {
      const res = await reflection({ offeredOn });
      assert.equal(res.statusCode, 200, res.body);
      const r = res.json().residence.reflection;
      assert.equal(r.offeredOn, offeredOn);
      assert.equal(r.endsOn, endsOn, `offered ${offeredOn}`);
      assert.equal(r.running, false, "long over");
      assert.equal(r.daysLeft, null);
    }
    const stored = await t.db.query<{ offered: string; ends: string }>(
      "select to_char(reflection_offered_on, 'YYYY-MM-DD') as offered, to_char(reflection_ends_on, 'YYYY-MM-DD') as ends from residence_schemes where file_id = $1",
      [file.id],
    );
    assert.deepEqual(stored, [{ offered: "2025-10-15", ends: "2026-01-14" }]);
    const kinds = (await care.get(`/api/v1/victim-files/${file.id}`)).json().history.map((h: { kind: string }) => h.kind);
    assert.deepEqual(kinds.filter((k: string) => k.startsWith("reflection")), ["reflection_started", ...Array(5).fill("reflection_changed")]);
  });

  it("a running period counts the days left and shows on the timeline", async () => {
    const offeredOn = daysFromToday(t, -10);
    const res = await reflection({ offeredOn });
    assert.equal(res.statusCode, 200, res.body);
    const { reflection: r, timeline } = res.json().residence;
    assert.equal(r.running, true);
    assert.ok(r.daysLeft >= 78 && r.daysLeft <= 81, String(r.daysLeft));
    assert.equal(addDays(todayIn(t), r.daysLeft), r.endsOn);
    assert.deepEqual(timeline.map((e: { kind: string }) => e.kind), ["reflection_offered", "reflection_ends"]);
    assert.equal(timeline[1].date, r.endsOn);
  });

  it("ends early with a reason on a day within the period, not before it, after it or in the future", async () => {
    const before = await careSnapshot(t);
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ offeredOn: "2026-01-31", endedEarlyOn: "2026-03-01" }, "endReason", "required"],
      [{ offeredOn: "2026-01-31", endReason: "left" }, "endedEarlyOn", "required"],
      [{ offeredOn: "2026-01-31", endedEarlyOn: "2026-01-30", endReason: "left" }, "endedEarlyOn", "out_of_range"],
      [{ offeredOn: "2026-01-31", endedEarlyOn: "2026-05-01", endReason: "left" }, "endedEarlyOn", "out_of_range"],
      [{ offeredOn: daysFromToday(t, -5), endedEarlyOn: daysFromToday(t, 1), endReason: "left" }, "endedEarlyOn", "out_of_range"],
      [{ offeredOn: daysFromToday(t, 1) }, "offeredOn", "future_date"],
    ];
    for (const [body, name, code] of refusals) {
      const res = await reflection(body);
      assert.equal(res.statusCode, 400, `${JSON.stringify(body)}: ${res.body}`);
      assert.equal(res.json().code, "invalid_input");
      assert.deepEqual(res.json().invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [[name, code]], JSON.stringify(body));
    }
    const wrongReason = await reflection({ offeredOn: "2026-01-31", endedEarlyOn: "2026-03-01", endReason: "bored" });
    assert.equal(wrongReason.statusCode, 400);
    assert.deepEqual(await careSnapshot(t), before);

    for (const endedEarlyOn of ["2026-01-31", "2026-03-01", "2026-04-30"]) {
      const res = await reflection({ offeredOn: "2026-01-31", endedEarlyOn, endReason: "decided_to_report" });
      assert.equal(res.statusCode, 200, `${endedEarlyOn}: ${res.body}`);
      const r = res.json().residence.reflection;
      assert.equal(r.endedEarlyOn, endedEarlyOn);
      assert.equal(r.endReason, "decided_to_report");
      assert.equal(r.endsOn, "2026-04-30");
      assert.equal(r.running, false);
      assert.deepEqual(res.json().residence.timeline.map((e: { kind: string }) => e.kind), ["reflection_offered", "reflection_ended_early"]);
    }
    const last = (await care.get(`/api/v1/victim-files/${file.id}`)).json().history.at(-1);
    assert.equal(last.kind, "reflection_ended_early");
    assert.equal(last.details.endReason, "decided_to_report");
  });

  it("is not for Dutch nationals: 409 not_eligible, and nothing is stored", async () => {
    const dutch = await buildVictimFile(t, { coordinatorId: ids.users["zorg@zorgcoordinatie.demo"]!, nationality: "NLD", name: "Sanne de Boer" });
    const before = await careSnapshot(t);
    const res = await reflection({ offeredOn: daysFromToday(t, -1) }, dutch.id);
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().code, "not_eligible");
    assert.match(res.json().detail, /Nederlandse nationaliteit/);
    assert.deepEqual(await careSnapshot(t), before);
    const read = (await care.get(`/api/v1/victim-files/${dutch.id}`)).json();
    assert.equal(read.residence.reflection, null);
  });
});

describe("care residence: the reminder when a reflection period is about to end", () => {
  let t: TestApp;
  let ids: CareIds;
  let care: TestClient;
  let file: BuiltFile;
  let endsOn = "";

  before(async () => {
    t = await startTestApp();
    ids = await careIds(t);
    care = await t.login("zorg@zorgcoordinatie.demo");
    file = await buildVictimFile(t, { coordinatorId: ids.users["zorg@zorgcoordinatie.demo"]!, nationality: "VNM", exploitationForms: ["criminal"] });
  });
  after(() => t?.close());

  const reflectionTasks = async (client: TestClient) => {
    const overview = await client.get("/api/v1/care-overview");
    assert.equal(overview.statusCode, 200, overview.body);
    return (overview.json().tasks as { kind: string; fileId: string; date: string; overdue: boolean; reference: string }[])
      .filter((task) => task.kind === "reflection_ending" && task.fileId === file.id);
  };

  it("is not there while the end is more than 14 days away", async () => {
    const res = await care.put(`/api/v1/victim-files/${file.id}/reflection-period`, { offeredOn: daysFromToday(t, -60) });
    assert.equal(res.statusCode, 200, res.body);
    endsOn = res.json().residence.reflection.endsOn;
    assert.ok(endsOn > daysFromToday(t, 14), endsOn);
    assert.deepEqual(await reflectionTasks(care), []);
  });

  it("appears in the overview and on the file once the end is within 14 days", async () => {
    t.clock.advance(20 * 86_400_000);
    assert.ok(endsOn <= daysFromToday(t, 14) && endsOn >= todayIn(t), `${endsOn} within two weeks of ${todayIn(t)}`);
    care = await t.login("zorg@zorgcoordinatie.demo");
    const tasks = await reflectionTasks(care);
    assert.deepEqual(tasks.map((task) => [task.date, task.overdue, task.reference]), [[endsOn, false, file.reference]]);
    const overview = (await care.get("/api/v1/care-overview")).json();
    assert.equal(overview.openFiles.find((f: { id: string }) => f.id === file.id).taskCount, 1);
    const read = (await care.get(`/api/v1/victim-files/${file.id}`)).json();
    assert.ok(read.tasks.some((task: { kind: string }) => task.kind === "reflection_ending"));
    assert.ok(read.residence.reflection.daysLeft <= 14);
    const other = await t.login("zorg2@zorgcoordinatie.demo");
    assert.deepEqual(await reflectionTasks(other), [], "only the file's own coordinators are reminded");
  });

  it("disappears once the police report is decided", async () => {
    const incomplete = await care.put(`/api/v1/victim-files/${file.id}/police-report`, { status: "made" });
    assert.equal(incomplete.statusCode, 400, "a police report made has a date");
    assert.equal((await reflectionTasks(care)).length, 1);
    const made = await care.put(`/api/v1/victim-files/${file.id}/police-report`, { status: "made", date: todayIn(t) });
    assert.equal(made.statusCode, 200, made.body);
    assert.equal(made.json().residence.policeReport.status, "made");
    assert.ok(made.json().residence.timeline.some((e: { kind: string; date: string }) => e.kind === "police_report_made" && e.date === todayIn(t)));
    assert.deepEqual(await reflectionTasks(care), []);
    assert.ok(!made.json().tasks.some((task: { kind: string }) => task.kind === "reflection_ending"));
  });

  it("comes back when the decision is undone, and is overdue once the end has passed", async () => {
    assert.equal((await care.put(`/api/v1/victim-files/${file.id}/police-report`, { status: "undecided" })).statusCode, 200);
    t.clock.advance(15 * 86_400_000);
    care = await t.login("zorg@zorgcoordinatie.demo");
    assert.ok(endsOn < todayIn(t));
    assert.deepEqual((await reflectionTasks(care)).map((task) => [task.date, task.overdue]), [[endsOn, true]]);
  });

  it("unable to cooperate needs the basis and what the statement rests on; then the reminder goes too", async () => {
    const bare = await care.put(`/api/v1/victim-files/${file.id}/police-report`, { status: "unable" });
    assert.equal(bare.statusCode, 400);
    assert.equal(bare.json().invalidParams[0].name, "unableBasis");
    const noStatement = await care.put(`/api/v1/victim-files/${file.id}/police-report`, { status: "unable", unableBasis: "threat" });
    assert.equal(noStatement.json().invalidParams[0].name, "unableStatement");
    const unable = await care.put(`/api/v1/victim-files/${file.id}/police-report`, {
      status: "unable", date: todayIn(t), unableBasis: "psychological", unableStatement: "Verklaring van de behandelend psycholoog van 3 maart",
    });
    assert.equal(unable.statusCode, 200, unable.body);
    assert.equal(unable.json().residence.policeReport.unableStatement, "Verklaring van de behandelend psycholoog van 3 maart");
    const raw = await t.db.query<{ unable_statement_enc: string }>("select unable_statement_enc from residence_schemes where file_id = $1", [file.id]);
    assert.ok(!raw[0]!.unable_statement_enc.includes("psycholoog"));
    assert.deepEqual(await reflectionTasks(care), []);
  });
});
