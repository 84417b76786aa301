import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildConsent, buildVictimFile, careIds, daysFromToday, todayIn, type BuiltFile, type CareIds } from "../support/care.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The coordinator's overview through the API: open trajectories per status, and what is due — services
 * not started or not ended on time, goals due, consent about to lapse, permits about to end — appearing
 * when due and going away when dealt with. References and codes only, never names.
 */
describe("care overview: what is due this week", () => {
  let t: TestApp;
  let ids: CareIds;
  let care: TestClient;
  let file: BuiltFile;
  let zorg = "";

  before(async () => {
    t = await startTestApp();
    ids = await careIds(t);
    care = await t.login("zorg@zorgcoordinatie.demo");
    zorg = ids.users["zorg@zorgcoordinatie.demo"]!;
    file = await buildVictimFile(t, { coordinatorId: zorg, name: "Ana Popescu", birthDate: "1995-05-12" });
  });
  after(() => t?.close());

  const overview = async () => {
    const res = await care.get("/api/v1/care-overview");
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const tasks = async (kind: string) =>
    ((await overview()).tasks as { kind: string; fileId: string; date: string | null; overdue: boolean; detail: string | null }[])
      .filter((task) => task.kind === kind && task.fileId === file.id)
      .map((task) => ({ date: task.date, overdue: task.overdue, detail: task.detail }));

  it("counts the open trajectories per status, without names", async () => {
    const other = await buildVictimFile(t, { coordinatorId: zorg, name: "Maria Kowalska" });
    assert.equal((await care.post(`/api/v1/victim-files/${other.id}/transitions`, { to: "active" })).statusCode, 200);
    const o = await overview();
    assert.deepEqual(o.counts, { intake: 1, active: 1, aftercare: 0 });
    assert.deepEqual(o.openFiles.map((f: { id: string }) => f.id).sort(), [file.id, other.id].sort());
    assert.ok(!JSON.stringify(o).includes("Popescu") && !JSON.stringify(o).includes("Kowalska"));
    assert.equal((await care.post(`/api/v1/victim-files/${other.id}/transitions`, { to: "closed", closureReason: "lost_contact" })).statusCode, 200);
    assert.deepEqual((await overview()).counts, { intake: 1, active: 0, aftercare: 0 });
  });

  it("a planned service that has not started by its start date is overdue, until it starts", async () => {
    const added = await care.post(`/api/v1/victim-files/${file.id}/services`, {
      domain: "medical", serviceType: "medical_care", providerOrganisationId: ids.organisations.zvh, startDate: daysFromToday(t, -2), endDate: daysFromToday(t, 20),
    });
    assert.equal(added.statusCode, 200, added.body);
    const service = added.json().carePlan.services[0];
    assert.equal(service.overdue, true);
    assert.deepEqual(await tasks("service_overdue"), [{ date: daysFromToday(t, -2), overdue: true, detail: "medical_care" }]);
    const started = await care.request("PATCH", `/api/v1/victim-files/${file.id}/services/${service.id}`, { status: "active" });
    assert.equal(started.statusCode, 200, started.body);
    assert.deepEqual(await tasks("service_overdue"), []);
  });

  it("an active service past its end date is overdue, until it is completed", async () => {
    const added = await care.post(`/api/v1/victim-files/${file.id}/services`, {
      domain: "legal_aid", serviceType: "legal_aid", providerOrganisationId: ids.organisations.zvh, startDate: daysFromToday(t, -30), endDate: daysFromToday(t, -1), status: "active",
    });
    assert.equal(added.statusCode, 200, added.body);
    const service = added.json().carePlan.services.find((s: { serviceType: string }) => s.serviceType === "legal_aid");
    assert.deepEqual(await tasks("service_overdue"), [{ date: daysFromToday(t, -1), overdue: true, detail: "legal_aid" }]);
    const done = await care.request("PATCH", `/api/v1/victim-files/${file.id}/services/${service.id}`, { status: "completed" });
    assert.equal(done.statusCode, 200, done.body);
    assert.deepEqual(await tasks("service_overdue"), []);
  });

  it("a goal due within a week is a task, overdue once its date has passed, gone once achieved", async () => {
    const later = await care.post(`/api/v1/victim-files/${file.id}/goals`, { domain: "income_benefits", description: "Uitkering aangevraagd", targetDate: daysFromToday(t, 8) });
    assert.equal(later.statusCode, 200, later.body);
    assert.deepEqual(await tasks("goal_due"), []);
    t.clock.advance(86_400_000);
    care = await t.login("zorg@zorgcoordinatie.demo");
    assert.deepEqual(await tasks("goal_due"), [{ date: daysFromToday(t, 7), overdue: false, detail: "income_benefits" }]);
    t.clock.advance(8 * 86_400_000);
    care = await t.login("zorg@zorgcoordinatie.demo");
    assert.deepEqual((await tasks("goal_due")).map((task) => task.overdue), [true]);
    const goalId = later.json().carePlan.goals[0].id;
    const achieved = await care.request("PATCH", `/api/v1/victim-files/${file.id}/goals/${goalId}`, { status: "achieved" });
    assert.equal(achieved.statusCode, 200, achieved.body);
    assert.equal(achieved.json().carePlan.goals[0].achievedOn, todayIn(t));
    assert.deepEqual(await tasks("goal_due"), []);
  });

  it("consent lapsing within two weeks is a task, until it is renewed or withdrawn", async () => {
    const shelterConsent = await care.post(`/api/v1/victim-files/${file.id}/consents`, {
      purpose: "shelter", partyOrganisationId: ids.organisations.opvang, status: "given", decidedOn: todayIn(t), validUntil: daysFromToday(t, 10), recordedHow: "written",
    });
    assert.equal(shelterConsent.statusCode, 200, shelterConsent.body);
    assert.deepEqual(await tasks("consent_expiring"), [{ date: daysFromToday(t, 10), overdue: false, detail: "shelter" }]);
    const renewed = await care.post(`/api/v1/victim-files/${file.id}/consents`, {
      purpose: "shelter", partyOrganisationId: ids.organisations.opvang, status: "given", decidedOn: todayIn(t), validUntil: daysFromToday(t, 200), recordedHow: "written",
    });
    assert.equal(renewed.statusCode, 200, renewed.body);
    assert.deepEqual(await tasks("consent_expiring"), []);
  });

  it("consent to a party outside Ketenzicht lapses once per party, however its name was spelled", async () => {
    await buildConsent(t, file.id, { purpose: "international_exchange", partyName: "La Strada International", validUntil: daysFromToday(t, 5), recordedBy: zorg });
    assert.deepEqual(await tasks("consent_expiring"), [{ date: daysFromToday(t, 5), overdue: false, detail: "international_exchange" }]);
    const withdrawn = await care.post(`/api/v1/victim-files/${file.id}/consents`, {
      purpose: "international_exchange", partyName: "La Stráda  international", status: "withdrawn", decidedOn: todayIn(t), recordedHow: "verbal",
    });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    const current = withdrawn.json().consents.current.filter((c: { purpose: string }) => c.purpose === "international_exchange");
    assert.deepEqual(current.map((c: { status: string; partyName: string }) => [c.status, c.partyName]), [["withdrawn", "La Strada International"]], "one party, withdrawn, under its first spelling");
    assert.deepEqual(await tasks("consent_expiring"), [], "withdrawn consent does not lapse");
  });

  it("a granted permit ending within 60 days is a task, until a renewal is applied for", async () => {
    const applied = await care.post(`/api/v1/victim-files/${file.id}/residence-permits`, { kind: "b8_temporary", appliedOn: daysFromToday(t, -200) });
    assert.equal(applied.statusCode, 200, applied.body);
    const permitId = applied.json().residence.permits[0].id;
    const granted = await care.post(`/api/v1/victim-files/${file.id}/residence-permits/${permitId}/decision`, {
      decidedOn: daysFromToday(t, -150), decision: "granted", validUntil: daysFromToday(t, 40),
    });
    assert.equal(granted.statusCode, 200, granted.body);
    assert.deepEqual(await tasks("permit_ending"), [{ date: daysFromToday(t, 40), overdue: false, detail: "b8_temporary" }]);
    assert.deepEqual(granted.json().residence.timeline.map((e: { kind: string }) => e.kind), ["permit_applied", "permit_granted", "permit_ends"]);
    const renewal = await care.post(`/api/v1/victim-files/${file.id}/residence-permits`, { kind: "renewal", appliedOn: todayIn(t) });
    assert.equal(renewal.statusCode, 200, renewal.body);
    assert.deepEqual(await tasks("permit_ending"), []);
  });

  it("a closed trajectory has no tasks", async () => {
    const service = await care.post(`/api/v1/victim-files/${file.id}/services`, {
      domain: "daytime_activity", serviceType: "daytime_activity", providerOrganisationId: ids.organisations.zvh, startDate: daysFromToday(t, -3),
    });
    assert.equal(service.statusCode, 200, service.body);
    assert.equal((await tasks("service_overdue")).length, 1);
    assert.equal((await care.post(`/api/v1/victim-files/${file.id}/transitions`, { to: "closed", closureReason: "declined_help" })).statusCode, 200);
    const o = await overview();
    assert.deepEqual(o.tasks.filter((task: { fileId: string }) => task.fileId === file.id), []);
    assert.equal((await care.get(`/api/v1/victim-files/${file.id}`)).json().tasks, null);
  });
});

describe("care overview: shelter occupancy", () => {
  let t: TestApp;
  let ids: CareIds;
  let care: TestClient;

  before(async () => {
    t = await startTestApp();
    ids = await careIds(t);
    care = await t.login("zorg@zorgcoordinatie.demo");
  });
  after(() => t?.close());

  const deLinde = async (client: TestClient) => {
    const res = await client.get("/api/v1/shelter-occupancy");
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().date, todayIn(t));
    return res.json().items.find((i: { organisationId: string }) => i.organisationId === ids.organisations.opvang) as { name: string; current: number; byPlaceType: Record<string, number> };
  };

  it("counts who is in each shelter of the region today, per type of place, and no one after they left", async () => {
    assert.deepEqual(await deLinde(care), { organisationId: ids.organisations.opvang, name: "Opvang De Linde (COSM)", current: 0, byPlaceType: {} });
    const zorg = ids.users["zorg@zorgcoordinatie.demo"]!;
    const first = await buildVictimFile(t, { coordinatorId: zorg, nationality: "NGA" });
    const second = await buildVictimFile(t, { coordinatorId: zorg, nationality: "NLD", name: "Sanne de Boer" });
    const place = async (fileId: string, placeType: string) => {
      const res = await care.post(`/api/v1/victim-files/${fileId}/shelter-placements`, { shelterOrganisationId: ids.organisations.opvang, placeType, admittedOn: daysFromToday(t, -4) });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().shelter.placements[0].id as string;
    };
    const cosm = await place(first.id, "cosm");
    await place(second.id, "crisis");
    const full = await deLinde(care);
    assert.equal(full.current, 2);
    assert.deepEqual(full.byPlaceType, { cosm: 1, crisis: 1 });
    assert.ok(!JSON.stringify(full).includes(first.reference), "counts, not files");
    const left = await care.post(`/api/v1/victim-files/${first.id}/shelter-placements/${cosm}/leave`, { leftOn: todayIn(t), leaveKind: "throughflow", destination: "other_shelter" });
    assert.equal(left.statusCode, 200, left.body);
    assert.equal(left.json().shelter.placements[0].current, false);
    assert.deepEqual((await deLinde(care)).byPlaceType, { crisis: 1 });
    const policy = await deLinde(await t.login("beleid@arnhem.demo"));
    assert.equal(policy.current, 1, "the region's policy officer sees the counts too");
    const police = await (await t.login("politie@politie.demo")).get("/api/v1/shelter-occupancy");
    assert.equal(police.statusCode, 404, "a partner sees no occupancy");
    const ijssel = await (await t.login("zorg@ijsselland.demo")).get("/api/v1/shelter-occupancy");
    assert.equal(ijssel.statusCode, 200, ijssel.body);
    assert.equal(ijssel.json().items.some((i: { organisationId: string }) => i.organisationId === ids.organisations.opvang), false, "another region's shelters are not listed");
  });
});
