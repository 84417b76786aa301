import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { buildConsent, buildVictimFile, careIds, careSnapshot, daysFromToday, todayIn, type BuiltFile, type CareIds } from "../support/care.ts";
import { createOrganisation, createRegion, createUser, eventsSince, lastSeq } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The registrations that leave Ketenzicht, through the API: the CoMensha registration file (every field
 * CoMensha counts, nothing that identifies the person), what stands in its way (no police unit, no form of
 * exploitation), recording the registration afterwards, and the HTCDS file for international partners.
 */
const ZORG = "zorg@zorgcoordinatie.demo";

describe("care exports: the CoMensha registration file", () => {
  let t: TestApp;
  let ids: CareIds;
  let care: TestClient;
  let file: BuiltFile;
  let year = 0;

  before(async () => {
    t = await startTestApp();
    ids = await careIds(t);
    care = await t.login(ZORG);
    year = Number(todayIn(t).slice(0, 4));
    file = await buildVictimFile(t, {
      coordinatorId: ids.users[ZORG]!,
      name: "Ana Popescu",
      birthDate: `${year - 27}-01-01`,
      phone: "+40 712 345 678",
      contact: "Logeert bij een tante in Velp",
      gender: "female",
      nationality: "ROU",
      exploitationForms: ["sexual", "labour"],
      source: "police",
    });
    await buildConsent(t, file.id, { purpose: "comensha_registration", partyName: "CoMensha", recordedBy: ids.users[ZORG]! });
  });
  after(() => t?.close());

  const exportFile = (format: "csv" | "json", id = file.id) => care.post(`/api/v1/victim-files/${id}/comensha-exports`, { format });
  const identifying = ["Popescu", "Ana", `${year - 27}-01-01`, "712 345", "+40", "Velp"];

  it("the CSV has every field CoMensha counts filled in, and nothing that identifies the person", async () => {
    const res = await exportFile("csv");
    assert.equal(res.statusCode, 200, res.body);
    const { fileName, mediaType, content } = res.json();
    assert.equal(fileName, `comensha-${file.reference}.csv`);
    assert.equal(mediaType, "text/csv");
    assert.ok(content.startsWith("\uFEFF"), "a byte order mark for spreadsheet programs");
    const [header, row, ...rest] = parse(content, { delimiter: ";", bom: true }) as string[][];
    assert.deepEqual(rest, []);
    const record = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
    assert.deepEqual(record, {
      "Kenmerk": file.reference,
      "Datum in beeld": todayIn(t),
      "Vorm(en) van uitbuiting": "seksuele uitbuiting; arbeidsuitbuiting",
      "Leeftijd": "27",
      "Leeftijdscategorie": "24-30",
      "Minderjarig": "nee",
      "Geslacht": "vrouw",
      "Nationaliteit": "ROU",
      "Regio (politie-eenheid)": "Oost-Nederland",
      "Type melder": "politie",
      "Zorgcoördinatie": "Zorgcoördinatie Mensenhandel Gelderland",
      "Grondslag": "toestemming",
      "Exportdatum": todayIn(t),
    });
    for (const value of Object.values(record)) assert.notEqual(value, "", "every field filled");
    for (const text of identifying) assert.ok(!content.includes(text), `no ${text} in the file`);
  });

  it("the JSON has the same fields as codes, and nothing that identifies the person", async () => {
    const res = await exportFile("json");
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().mediaType, "application/json");
    assert.equal(res.json().fileName, `comensha-${file.reference}.json`);
    const registration = JSON.parse(res.json().content);
    assert.deepEqual(registration, {
      reference: file.reference,
      dateInView: todayIn(t),
      exploitationForms: ["sexual", "labour"],
      age: 27,
      ageGroup: "24_30",
      minor: false,
      gender: "female",
      nationality: "ROU",
      policeUnit: "oost_nederland",
      reporterType: "police",
      careCoordination: "Zorgcoördinatie Mensenhandel Gelderland",
      basis: "consent",
      exportedOn: todayIn(t),
    });
    for (const text of identifying) assert.ok(!res.json().content.includes(text), `no ${text} in the file`);
  });

  it("every export is audited as an export, with its basis, and kept in the file's history", async () => {
    const seq = await lastSeq(t);
    assert.equal((await exportFile("json")).statusCode, 200);
    const events = (await eventsSince(t, seq)).filter((e) => e.object_type === "victim_file");
    assert.deepEqual(events.map((e) => [e.action, e.object_id, e.actor_role, e.data_subject_ref]), [["export", file.id, "care_coordinator", `victim_file:${file.id}`]]);
    const details = JSON.parse(events[0]!.details!);
    assert.equal(details.basis, "consent");
    assert.equal(details.fileName, `comensha-${file.reference}.json`);
    const purpose = await t.db.query<{ purpose: string }>("select purpose from audit_events where seq = $1", [events[0]!.seq]);
    assert.equal(purpose[0]!.purpose, "registratie CoMensha");
    const history = (await care.get(`/api/v1/victim-files/${file.id}`)).json().history;
    assert.equal(history.filter((h: { kind: string }) => h.kind === "comensha_exported").length, 3);
    assert.equal((await t.db.query("select 1 from comensha_exports where file_id = $1", [file.id])).length, 3);
  });

  it("a minor is reported with age and the minors' group", async () => {
    const minor = await buildVictimFile(t, { coordinatorId: ids.users[ZORG]!, name: "Jonge Persoon", birthDate: `${year - 16}-01-01`, gender: "male", nationality: "ERI", exploitationForms: ["criminal"] });
    await buildConsent(t, minor.id, { purpose: "comensha_registration", partyName: "CoMensha", recordedBy: ids.users[ZORG]! });
    const res = await exportFile("json", minor.id);
    assert.equal(res.statusCode, 200, res.body);
    const registration = JSON.parse(res.json().content);
    assert.equal(registration.age, 16);
    assert.equal(registration.ageGroup, "under_18");
    assert.equal(registration.minor, true);
    assert.equal(registration.gender, "male");
    assert.deepEqual(registration.exploitationForms, ["criminal"]);
  });

  it("without a date of birth the age group of the file is reported, and an unknown nationality as such", async () => {
    const unknown = await buildVictimFile(t, { coordinatorId: ids.users[ZORG]!, name: null, birthDate: null, ageGroup: "41_50", nationality: null, gender: "unknown" });
    await buildConsent(t, unknown.id, { purpose: "comensha_registration", partyName: "CoMensha", recordedBy: ids.users[ZORG]! });
    const res = await care.post(`/api/v1/victim-files/${unknown.id}/comensha-exports`, { format: "csv" });
    assert.equal(res.statusCode, 200, res.body);
    const [header, row] = parse(res.json().content, { delimiter: ";", bom: true }) as string[][];
    const record = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
    assert.equal(record["Leeftijd"], "");
    assert.equal(record["Leeftijdscategorie"], "41-50");
    assert.equal(record["Nationaliteit"], "onbekend");
    assert.equal(record["Geslacht"], "onbekend");
  });

  it("the reporter type follows how the person came into view", async () => {
    const expected = { police: "police", kmar: "kmar", labour_inspectorate: "labour_inspectorate", fairwork: "ngo", self: "self", other: "other" } as const;
    for (const [source, reporterType] of Object.entries(expected)) {
      const opened = await care.post("/api/v1/victim-files", { source, person: { name: `Bron ${source}`, gender: "female" }, ageGroup: "18_23", nationality: "bgr", exploitationForms: ["sexual"] });
      assert.equal(opened.statusCode, 201, opened.body);
      const consent = await care.post(`/api/v1/victim-files/${opened.json().id}/consents`, { purpose: "comensha_registration", status: "given", decidedOn: todayIn(t), recordedHow: "digital" });
      assert.equal(consent.statusCode, 200, consent.body);
      const res = await exportFile("json", opened.json().id);
      assert.equal(res.statusCode, 200, res.body);
      const registration = JSON.parse(res.json().content);
      assert.equal(registration.reporterType, reporterType, source);
      assert.equal(registration.nationality, "BGR");
      assert.equal(registration.ageGroup, "18_23");
    }
  });

  it("a file without a form of exploitation cannot be registered: 409 registration_incomplete", async () => {
    const formless = await buildVictimFile(t, { coordinatorId: ids.users[ZORG]!, exploitationForms: [] });
    await buildConsent(t, formless.id, { purpose: "comensha_registration", partyName: "CoMensha", recordedBy: ids.users[ZORG]! });
    const before = await careSnapshot(t);
    const res = await exportFile("csv", formless.id);
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().code, "registration_incomplete");
    assert.equal(res.json().invalidParams[0].name, "exploitationForms");
    assert.deepEqual(await careSnapshot(t), before);
  });

  it("a partner on the team may read the file but not export it", async () => {
    await buildConsent(t, file.id, { purpose: "criminal_investigation", partyOrganisationId: ids.organisations.politie, recordedBy: ids.users[ZORG]! });
    const added = await care.post(`/api/v1/victim-files/${file.id}/team-members`, {
      userId: ids.users["politie@politie.demo"], memberRole: "partner", purpose: "criminal_investigation", validUntil: daysFromToday(t, 30),
    });
    assert.equal(added.statusCode, 200, added.body);
    const police = await t.login("politie@politie.demo");
    const before = await careSnapshot(t);
    assert.equal((await police.post(`/api/v1/victim-files/${file.id}/comensha-exports`, { format: "csv" })).statusCode, 403);
    assert.equal((await police.post(`/api/v1/victim-files/${file.id}/htcds-exports`, { recipient: "IOM" })).statusCode, 403);
    assert.equal((await (await t.login("riec@riec.demo")).post(`/api/v1/victim-files/${file.id}/comensha-exports`, { format: "csv" })).statusCode, 404);
    assert.deepEqual(await careSnapshot(t), before);
  });
});

describe("care exports: a region without a police unit", () => {
  let t: TestApp;

  before(async () => {
    t = await startTestApp();
  });
  after(() => t?.close());

  it("cannot register with CoMensha: 409 police_unit_missing, and nothing is stored", async () => {
    const regionId = await createRegion(t, "Regio Zonder Eenheid");
    const organisationId = await createOrganisation(t, { name: "Zorgcoördinatie Zonder Eenheid", type: "care_coordination", regionIds: [regionId] });
    const user = await createUser(t, { organisationId, roles: ["care_coordinator"] });
    const coordinator = await t.login(user.email, { totpSecret: user.totpSecret });
    const opened = await coordinator.post("/api/v1/victim-files", { source: "self", ageGroup: "24_30", exploitationForms: ["labour"] });
    assert.equal(opened.statusCode, 201, opened.body);
    const id = opened.json().id;
    assert.equal(opened.json().registration.policeUnit, null);
    const consent = await coordinator.post(`/api/v1/victim-files/${id}/consents`, { purpose: "comensha_registration", status: "given", decidedOn: todayIn(t), recordedHow: "written" });
    assert.equal(consent.statusCode, 200, consent.body);
    const before = await careSnapshot(t);
    const res = await coordinator.post(`/api/v1/victim-files/${id}/comensha-exports`, { format: "csv" });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().code, "police_unit_missing");
    assert.match(res.json().detail, /politie-eenheid/);
    assert.deepEqual(await careSnapshot(t), before);
  });
});

describe("care exports: recording the registration with CoMensha", () => {
  let t: TestApp;
  let ids: CareIds;
  let care: TestClient;
  let file: BuiltFile;

  before(async () => {
    t = await startTestApp();
    ids = await careIds(t);
    care = await t.login(ZORG);
    file = await buildVictimFile(t, { coordinatorId: ids.users[ZORG]! });
    await buildConsent(t, file.id, { purpose: "comensha_registration", partyName: "CoMensha", recordedBy: ids.users[ZORG]! });
  });
  after(() => t?.close());

  const register = (body: Record<string, unknown>) => care.post(`/api/v1/victim-files/${file.id}/comensha-registration`, body);

  it("needs an export first: 409 export_required", async () => {
    const before = await careSnapshot(t);
    const res = await register({ registeredOn: todayIn(t) });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().code, "export_required");
    assert.deepEqual(await careSnapshot(t), before);
  });

  it("takes a date from the export to today, not before the export nor in the future", async () => {
    assert.equal((await care.post(`/api/v1/victim-files/${file.id}/comensha-exports`, { format: "csv" })).statusCode, 200);
    const before = await careSnapshot(t);
    for (const registeredOn of [daysFromToday(t, -1), daysFromToday(t, 1), "2020-01-01"]) {
      const res = await register({ registeredOn });
      assert.equal(res.statusCode, 400, `${registeredOn}: ${res.body}`);
      assert.deepEqual(res.json().invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [["registeredOn", "out_of_range"]]);
      assert.ok(res.json().detail.includes(todayIn(t)), "the detail names the export date");
    }
    assert.equal((await register({ registeredOn: "2026-02-30" })).statusCode, 400);
    assert.equal((await register({})).statusCode, 400);
    assert.deepEqual(await careSnapshot(t), before);
  });

  it("records who registered when, with CoMensha's number and the export's basis; a second time is 409 already_registered", async () => {
    const res = await register({ registeredOn: todayIn(t), comenshaNumber: "CM-2026-0815" });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual({ ...res.json().registration.comensha, lastExportAt: null }, {
      registeredOn: todayIn(t), registeredByName: "Zara Zorg", basis: "consent", number: "CM-2026-0815", lastExportAt: null,
    });
    assert.ok(res.json().registration.comensha.lastExportAt);
    assert.equal(res.json().history.at(-1).kind, "comensha_registered");
    const raw = await t.db.query<{ comensha_number_enc: string }>("select comensha_number_enc from victim_files where id = $1", [file.id]);
    assert.ok(!raw[0]!.comensha_number_enc.includes("0815"), "CoMensha's number is encrypted");
    const before = await careSnapshot(t);
    const again = await register({ registeredOn: todayIn(t) });
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().code, "already_registered");
    assert.deepEqual(await careSnapshot(t), before);
  });
});

describe("care exports: the HTCDS file for an international partner", () => {
  let t: TestApp;
  let ids: CareIds;
  let care: TestClient;
  let file: BuiltFile;

  before(async () => {
    t = await startTestApp();
    ids = await careIds(t);
    care = await t.login(ZORG);
    file = await buildVictimFile(t, { coordinatorId: ids.users[ZORG]!, name: "Ana Popescu", birthDate: "1996-08-08", languages: ["ro", "en"], exploitationForms: ["sexual"] });
    await buildConsent(t, file.id, { purpose: "international_exchange", partyName: "La Strada International", recordedBy: ids.users[ZORG]! });
  });
  after(() => t?.close());

  it("goes only to the partner the person consented to, whatever the spelling of its name", async () => {
    const before = await careSnapshot(t);
    const other = await care.post(`/api/v1/victim-files/${file.id}/htcds-exports`, { recipient: "IOM Den Haag" });
    assert.equal(other.statusCode, 409, other.body);
    assert.equal(other.json().code, "consent_required");
    assert.deepEqual(await careSnapshot(t), before);
    const res = await care.post(`/api/v1/victim-files/${file.id}/htcds-exports`, { recipient: "la strada internatiönal" });
    assert.equal(res.statusCode, 200, res.body);
    const document = JSON.parse(res.json().content);
    assert.equal(document.version, "2.0");
    assert.equal(document.reference, file.reference);
    const [record] = document.records;
    assert.equal(record.person.prs_Gender, "Feminine");
    assert.deepEqual(record.person.prs_Citizenship, ["ROU"]);
    assert.equal(record.person.prs_PrimaryLanguage, "ro");
    assert.deepEqual(record.victimContext.vic_TypeOfExploitation, ["SexualExploitation"]);
    assert.equal(record.consent.con_Consent, true);
    for (const text of ["Popescu", "1996-08-08", "+40"]) assert.ok(!res.json().content.includes(text), `no ${text} in the file`);
  });
});
