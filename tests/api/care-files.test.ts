import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { ageGroupOf, ageOn } from "../../src/server/modules/care/calendar.ts";
import { buildConsent, buildVictimFile, careIds, careSnapshot, daysFromToday, todayIn, type BuiltFile, type CareIds } from "../support/care.ts";
import { eventsSince, lastSeq, withoutInstance } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

const ageGroupNow = (birthDate: string, today: string) => ageGroupOf(ageOn(birthDate, today));

/**
 * Victim files through the API: opened from a referral of the reporting route (and only once it is
 * accepted), read only by the case team, listed and searched, and the person corrected. The trajectory's
 * lifecycle is in care-lifecycle.test.ts; other care behaviour in the other tests/api/care-*.test.ts.
 */
describe("care files: opened from a referral of the reporting route", () => {
  let t: TestApp;
  let ids: CareIds;
  let focal: TestClient;
  let care: TestClient;
  let ijssel: TestClient;
  let signalId = "";
  let signalReference = "";
  let referralId = "";
  let fileId = "";

  before(async () => {
    t = await startTestApp();
    ids = await careIds(t);
    focal = await t.login("aandacht@zevenaar.demo");
    care = await t.login("zorg@zorgcoordinatie.demo");
    ijssel = await t.login("zorg@ijsselland.demo");
  });
  after(() => t?.close());

  it("the focal officer records, enriches, assesses and refers a signal with a victim to care coordination", async () => {
    const submitted = await focal.post("/api/v1/signals", {
      municipalityId: ids.organisations.zevenaar,
      description: "Jonge man slaapt in de kas van een kwekerij, werkt zeven dagen per week en heeft geen eigen paspoort.",
      victims: [{ name: "Andrzej Nowak", birthDate: "1990-04-01", nationality: "pol", gender: "male", phone: "+48 600 123 456" }],
    });
    assert.equal(submitted.statusCode, 201, submitted.body);
    signalId = submitted.json().id;
    signalReference = submitted.json().reference;
    const step = async (body: Record<string, unknown>) => {
      const res = await focal.post(`/api/v1/signals/${signalId}/transitions`, body);
      assert.equal(res.statusCode, 200, res.body);
    };
    await step({ to: "recorded" });
    const note = await focal.post(`/api/v1/signals/${signalId}/enrichments`, { source: "manual", purpose: "Bewoning", note: "Op het adres staat niemand ingeschreven." });
    assert.equal(note.statusCode, 200, note.body);
    await step({ to: "enriched" });
    await step({ to: "assessed", urgency: "high", exploitationForms: ["labour"] });
    const referred = await focal.post(`/api/v1/signals/${signalId}/referrals`, {
      organisationId: ids.organisations.zorg, channel: "care_coordination", purpose: "Zorg en opvang voor het slachtoffer", sharedParts: ["victims", "description"],
    });
    assert.equal(referred.statusCode, 200, referred.body);
    referralId = referred.json().referrals.find((r: { organisationId: string }) => r.organisationId === ids.organisations.zorg).id;
  });

  it("the coordinator sees the referral waiting, and cannot open a file from it before accepting it", async () => {
    const overview = (await care.get("/api/v1/care-overview")).json();
    assert.deepEqual(overview.waitingReferrals.map((r: { id: string; status: string }) => [r.id, r.status]), [[referralId, "open"]]);
    const before = await careSnapshot(t);
    const early = await care.post("/api/v1/victim-files", { source: "referral", referralId });
    assert.equal(early.statusCode, 409, early.body);
    assert.equal(early.json().code, "referral_not_accepted");
    assert.match(early.json().detail, /Accepteer eerst de doorverwijzing/);
    assert.deepEqual(await careSnapshot(t), before, "nothing is stored");
  });

  it("a coordinator of another region gets the same 404 as for a referral that does not exist", async () => {
    const before = await careSnapshot(t);
    const seq = await lastSeq(t);
    const foreign = await ijssel.post("/api/v1/victim-files", { source: "referral", referralId });
    const missing = await ijssel.post("/api/v1/victim-files", { source: "referral", referralId: randomUUID() });
    assert.equal(foreign.statusCode, 404, foreign.body);
    assert.equal(missing.statusCode, 404, missing.body);
    assert.deepEqual(withoutInstance(foreign.json()), withoutInstance(missing.json()));
    assert.equal((await ijssel.post(`/api/v1/referrals/${referralId}/accept`)).statusCode, 404);
    assert.deepEqual(await careSnapshot(t), before);
    const denied = (await eventsSince(t, seq)).filter((e) => e.action === "access_denied" && e.object_id === referralId);
    assert.ok(denied.length >= 1, "the attempt on someone else's referral is in the audit trail");
  });

  it("after accepting, the file carries over the person, the forms and how the person came into view", async () => {
    const accepted = await care.post(`/api/v1/referrals/${referralId}/accept`);
    assert.equal(accepted.statusCode, 200, accepted.body);
    const seq = await lastSeq(t);
    const opened = await care.post("/api/v1/victim-files", { source: "referral", referralId, languages: ["pl"] });
    assert.equal(opened.statusCode, 201, opened.body);
    const file = opened.json();
    fileId = file.id;
    assert.match(file.reference, /^ZT-\d{4}-\d{5}$/);
    assert.equal(file.status, "intake");
    assert.equal(file.source, "referral");
    assert.equal(file.regionId, ids.regionId);
    assert.equal(file.person.name, "Andrzej Nowak");
    assert.equal(file.person.birthDate, "1990-04-01");
    assert.equal(file.person.phone, "+48 600 123 456");
    assert.equal(file.person.gender, "male");
    assert.equal(file.person.nationality, "POL");
    assert.deepEqual(file.person.languages, ["pl"]);
    assert.equal(file.person.ageGroup, "31_40");
    assert.equal(file.minor, false);
    assert.deepEqual(file.exploitation.forms, ["labour"]);
    assert.ok(file.exploitation.cameIntoView.includes(signalReference), file.exploitation.cameIntoView);
    assert.ok(file.exploitation.cameIntoView.includes("Gemeente Zevenaar"));
    assert.ok(file.exploitation.cameIntoView.includes("Zorg en opvang voor het slachtoffer"), "the referral's purpose");
    assert.ok(file.exploitation.cameIntoView.includes("slaapt in de kas"), "the shared description");
    assert.deepEqual(file.signal, { id: signalId, reference: signalReference, municipalityName: "Gemeente Zevenaar" });
    assert.deepEqual(file.team.map((m: { userId: string; memberRole: string }) => [m.userId, m.memberRole]), [[ids.users["zorg@zorgcoordinatie.demo"], "coordinator"]]);
    assert.deepEqual(file.history.map((h: { kind: string; toStatus: string }) => [h.kind, h.toStatus]), [["opened", "intake"]]);
    assert.equal(file.history[0].details.signalReference, signalReference);

    const stored = await t.db.query<Record<string, unknown>>("select * from victim_files where id = $1", [fileId]);
    assert.equal(stored[0]!.referral_id, referralId);
    assert.ok(!JSON.stringify(stored).includes("Nowak"), "the person is encrypted at rest");
    assert.ok(!JSON.stringify(stored).includes("1990-04-01"));

    const events = (await eventsSince(t, seq)).filter((e) => e.object_type === "victim_file");
    assert.deepEqual(events.map((e) => [e.action, e.object_id, e.actor_role]), [["create", fileId, "care_coordinator"]]);
    assert.equal(events[0]!.data_subject_ref, `victim_file:${fileId}`);

    const overview = (await care.get("/api/v1/care-overview")).json();
    assert.deepEqual(overview.waitingReferrals, [], "a referral with a file no longer waits");
    assert.deepEqual(overview.openFiles.map((f: { id: string }) => f.id), [fileId]);
  });

  it("a second file for the same person from the same referral is refused with 409, naming the first", async () => {
    const before = await careSnapshot(t);
    const again = await care.post("/api/v1/victim-files", { source: "referral", referralId });
    assert.equal(again.statusCode, 409, again.body);
    const first = (await care.get(`/api/v1/victim-files/${fileId}`)).json();
    assert.ok(again.json().detail.includes(first.reference), again.json().detail);
    assert.deepEqual(await careSnapshot(t), before);
  });

  it("file numbers are unique across organisations: a file of another region never shares one", async () => {
    const other = await ijssel.post("/api/v1/victim-files", { source: "self", person: { name: "Ander Dossier" } });
    assert.equal(other.statusCode, 201, other.body);
    const mine = (await care.get(`/api/v1/victim-files/${fileId}`)).json();
    assert.notEqual(other.json().reference, mine.reference);
    const numbers = await t.db.query<{ n: number; distinct_n: number }>("select count(*)::int as n, count(distinct reference)::int as distinct_n from victim_files");
    assert.equal(numbers[0]!.n, numbers[0]!.distinct_n);
  });

  it("a person who is not a victim on the referred signal is refused", async () => {
    const before = await careSnapshot(t);
    const res = await care.post("/api/v1/victim-files", { source: "referral", referralId, signalPersonId: randomUUID() });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().invalidParams[0].name, "signalPersonId");
    assert.deepEqual(await careSnapshot(t), before);
  });

  it("nobody but the case team reads the file: not the focal officer, not a colleague outside the team, not another region", async () => {
    for (const email of ["aandacht@zevenaar.demo", "zorg2@zorgcoordinatie.demo", "politie@politie.demo", "beleid@arnhem.demo"]) {
      const other = email === "aandacht@zevenaar.demo" ? focal : await t.login(email);
      const res = await other.get(`/api/v1/victim-files/${fileId}`);
      assert.equal(res.statusCode, 404, `${email}: ${res.body}`);
    }
    assert.equal((await ijssel.get(`/api/v1/victim-files/${fileId}`)).statusCode, 404);
    assert.deepEqual(withoutInstance((await ijssel.get(`/api/v1/victim-files/${fileId}`)).json()), withoutInstance((await ijssel.get(`/api/v1/victim-files/${randomUUID()}`)).json()));
  });
});

describe("care files: list and search", () => {
  let t: TestApp;
  let ids: CareIds;
  let care: TestClient;
  let colleague: TestClient;
  let police: TestClient;
  let nowak: BuiltFile;
  let kowalska: BuiltFile;
  let others: BuiltFile;

  before(async () => {
    t = await startTestApp();
    ids = await careIds(t);
    care = await t.login("zorg@zorgcoordinatie.demo");
    colleague = await t.login("zorg2@zorgcoordinatie.demo");
    police = await t.login("politie@politie.demo");
    const zorg = ids.users["zorg@zorgcoordinatie.demo"]!;
    nowak = await buildVictimFile(t, { coordinatorId: zorg, name: "Andrzej Nowak", birthDate: "1990-04-01", exploitationForms: ["labour"] });
    kowalska = await buildVictimFile(t, { coordinatorId: zorg, name: "Maria Kowalska-Nowicka", birthDate: "1985-09-09" });
    others = await buildVictimFile(t, { coordinatorId: ids.users["zorg2@zorgcoordinatie.demo"]!, name: "Piotr Nowak", birthDate: "1979-01-01" });
    await buildConsent(t, nowak.id, { purpose: "criminal_investigation", partyOrganisationId: ids.organisations.politie, recordedBy: zorg });
    const added = await care.post(`/api/v1/victim-files/${nowak.id}/team-members`, {
      userId: ids.users["politie@politie.demo"], memberRole: "partner", purpose: "criminal_investigation", validUntil: daysFromToday(t, 60),
    });
    assert.equal(added.statusCode, 200, added.body);
  });
  after(() => t?.close());

  const list = async (client: TestClient, query = "") => {
    const res = await client.get(`/api/v1/victim-files${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { items: { id: string; name: string | null; memberRole: string; purpose: string | null; reference: string }[]; total: number };
  };

  it("lists only the files on whose case team one is, even within one organisation", async () => {
    assert.deepEqual((await list(care)).items.map((i) => i.id).sort(), [nowak.id, kowalska.id].sort());
    assert.deepEqual((await list(colleague)).items.map((i) => i.id), [others.id]);
    assert.equal((await list(await t.login("zorg@ijsselland.demo"))).total, 0);
    assert.equal((await list(await t.login("riec@riec.demo"))).total, 0);
    const policy = await (await t.login("beleid@arnhem.demo")).get("/api/v1/victim-files");
    assert.equal(policy.statusCode, 200, policy.body);
    assert.equal(policy.json().total, 0, "a policy officer sees no victim files");
  });

  it("finds a file by its reference and by a whole word of the name, not by part of a word or someone else's file", async () => {
    const byReference = await list(care, `?q=${kowalska.reference.toLowerCase()}`);
    assert.deepEqual(byReference.items.map((i) => i.id), [kowalska.id]);
    assert.deepEqual((await list(care, "?q=nowak")).items.map((i) => i.id), [nowak.id], "Piotr Nowak is not on this team");
    assert.deepEqual((await list(care, "?q=Kowalska")).items.map((i) => i.id), [kowalska.id]);
    assert.deepEqual((await list(care, "?q=nowicka")).items.map((i) => i.id), [kowalska.id], "a word of a double-barrelled name");
    assert.deepEqual((await list(care, "?q=ANDRZEJ%20nowak")).items.map((i) => i.id), [nowak.id]);
    assert.equal((await list(care, "?q=Nowa")).total, 0, "part of a word finds nothing");
    assert.equal((await list(care, "?q=andrzej%20kowalska")).total, 0, "every word must match");
    assert.equal((await list(care, `?q=${others.reference}`)).total, 0, "a colleague's file is not found by its reference");
    assert.deepEqual((await list(colleague, `?q=${others.reference}`)).items.map((i) => i.id), [others.id]);
    assert.equal((await colleague.get("/api/v1/victim-files?q=a")).statusCode, 400, "one letter is too short to search");
  });

  it("a search is audited as a search, without the words searched for", async () => {
    const seq = await lastSeq(t);
    await list(care, "?q=Kowalska");
    const events = (await eventsSince(t, seq)).filter((e) => e.object_type === "victim_file");
    assert.deepEqual(events.map((e) => e.action), ["search"]);
    assert.ok(!events[0]!.details!.toLowerCase().includes("kowalska"));
    assert.deepEqual(JSON.parse(events[0]!.details!).references, [kowalska.reference]);
  });

  it("a partner on the team finds the file in their list without the name", async () => {
    const items = (await list(police)).items;
    assert.equal(items.length, 1);
    assert.equal(items[0]!.id, nowak.id);
    assert.equal(items[0]!.memberRole, "partner");
    assert.equal(items[0]!.purpose, "criminal_investigation");
    assert.equal(items[0]!.name, null);
    assert.equal((await list(care)).items.find((i) => i.id === nowak.id)!.name, "Andrzej Nowak");
    assert.equal((await list(police, "?q=nowak")).total, 1, "the partner may search the files they are on");
  });

  it("filters by status: one status, or everything open", async () => {
    const closed = await care.post(`/api/v1/victim-files/${kowalska.id}/transitions`, { to: "closed", closureReason: "declined_help" });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.deepEqual((await list(care, "?status=closed")).items.map((i) => i.id), [kowalska.id]);
    assert.deepEqual((await list(care, "?status=open")).items.map((i) => i.id), [nowak.id]);
    assert.deepEqual((await list(care, "?status=intake")).items.map((i) => i.id), [nowak.id]);
    assert.equal((await care.get("/api/v1/victim-files?status=archived")).statusCode, 400);
    const paged = await list(care, "?pageSize=1&page=2");
    assert.equal(paged.items.length, 1);
    assert.equal(paged.total, 2);
  });
});

describe("care files: correcting the person", () => {
  let t: TestApp;
  let ids: CareIds;
  let care: TestClient;
  let file: BuiltFile;

  before(async () => {
    t = await startTestApp();
    ids = await careIds(t);
    care = await t.login("zorg@zorgcoordinatie.demo");
    file = await buildVictimFile(t, { coordinatorId: ids.users["zorg@zorgcoordinatie.demo"]!, name: "Ana Popescu", birthDate: "1995-05-12" });
  });
  after(() => t?.close());

  const update = async (body: Record<string, unknown>) => {
    const res = await care.patch(`/api/v1/victim-files/${file.id}`, body);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const found = async (q: string) => (await care.get(`/api/v1/victim-files?q=${encodeURIComponent(q)}`)).json().total as number;

  it("a new name is what the search finds; the old one no longer", async () => {
    assert.equal(await found("Popescu"), 1);
    const seq = await lastSeq(t);
    const updated = await update({ name: "Ana Ionescu-Popa" });
    assert.equal(updated.person.name, "Ana Ionescu-Popa");
    assert.equal(await found("Popescu"), 0);
    assert.equal(await found("ionescu"), 1);
    assert.equal(await found("popa"), 1);
    const last = updated.history.at(-1);
    assert.equal(last.kind, "updated");
    assert.deepEqual(last.details.fields, ["name"]);
    assert.ok(!JSON.stringify(last).includes("Ionescu"), "the history names the fields, not their content");
    const updates = (await eventsSince(t, seq)).filter((e) => e.action === "update" && e.object_id === file.id);
    assert.equal(updates.length, 1);
    assert.ok(!updates[0]!.details!.includes("Ionescu"), "nor does the audit trail");
  });

  it("a corrected date of birth sets the age group as it was when the file was opened", async () => {
    const year = Number(todayIn(t).slice(0, 4));
    const younger = await update({ birthDate: `${year - 20}-01-01` });
    assert.equal(younger.person.ageGroup, "18_23");
    assert.equal(younger.person.age, 20);
    const minor = await update({ birthDate: `${year - 16}-01-01` });
    assert.equal(minor.person.ageGroup, "under_18");
    assert.equal(minor.minor, true);
    assert.ok(minor.youth, "the youth part is there");
    assert.equal(minor.youth.adultOn, `${year + 2}-01-01`);
    const adult = await update({ birthDate: "1995-05-12" });
    assert.equal(adult.person.ageGroup, ageGroupNow("1995-05-12", todayIn(t)));
    assert.equal(adult.minor, false);
  });

  it("an age group cannot contradict a known date of birth, in the file, the list or the overview", async () => {
    // As when the file is opened, the date of birth decides; the age group sent along does not count.
    const res = await care.patch(`/api/v1/victim-files/${file.id}`, { ageGroup: "under_18" });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().person.ageGroup, ageGroupNow("1995-05-12", todayIn(t)));
    const read = (await care.get(`/api/v1/victim-files/${file.id}`)).json();
    assert.equal(read.person.birthDate, "1995-05-12");
    assert.equal(read.person.ageGroup, ageGroupNow("1995-05-12", todayIn(t)));
    assert.equal(read.minor, false);
    assert.ok(!read.tasks.some((task: { kind: string }) => task.kind === "youth_route_missing"), "no youth route asked for an adult");
    assert.equal((await care.get("/api/v1/victim-files")).json().items[0].minor, false);
    assert.equal((await care.get("/api/v1/care-overview")).json().openFiles[0].minor, false);
  });

  it("without a date of birth, the age group is what the coordinator says", async () => {
    const cleared = await update({ birthDate: null, ageGroup: "41_50" });
    assert.equal(cleared.person.birthDate, null);
    assert.equal(cleared.person.age, null);
    assert.equal(cleared.person.ageGroup, "41_50");
    const stored = await t.db.query<{ identity_hash: string | null }>("select identity_hash from victim_files where id = $1", [file.id]);
    assert.equal(stored[0]!.identity_hash, null, "no hit/no-hit hash without a date of birth");
  });
});
