import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { dutchDate } from "../../src/server/kernel/dutch-time.ts";
import { insertFile, insertSignals, monitorIds, valuesOf, type MonitorIds } from "../support/monitoring.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The care side of the monitor on a small hand-made data set with exact expected counts: care trajectories,
 * shelter, reflection periods and police reports, missing care, the coordinators' workload, case conference
 * actions and interventions. Period 2025, compared with 2024.
 */
const PERIOD = "from=2025-01-01&to=2025-12-31&compare=true";

interface Dashboard {
  sections: { id: string; summary: string; tables: { id: string; columns: { key: string }[]; rows: { key: string; label: string; cells: { value: number | null; display: string }[] }[]; additive: { rows: boolean } }[] }[];
}

describe("the monitor's care trajectories, shelter, conferences and interventions", () => {
  let t: TestApp;
  let ids: MonitorIds;
  let coordinator: TestClient;
  let region: Dashboard;
  let zevenaar: Dashboard;
  let thisYear: Dashboard;

  before(async () => {
    t = await startTestApp();
    ids = await monitorIds(t);
    const o = ids.organisations;
    const zara = ids.users["zorg@zorgcoordinatie.demo"]!;
    const zeno = ids.users["zorg2@zorgcoordinatie.demo"]!;
    const chair = ids.users["voorzitter@zvh.demo"]!;
    const focalId = ids.users["aandacht@zevenaar.demo"]!;
    const [signal] = await insertSignals(t, ids, [{ municipalityId: o.zevenaar, receivedAt: "2025-01-10T09:00:00Z", reporterOrganisationId: o.zevenaar }]);

    const f1 = await insertFile(t, ids, { signalId: signal, openedAt: "2025-02-01T09:00:00Z", gender: "female", ageGroup: "24_30", nationality: "ROU", forms: ["sexual"], coordinators: [zara] });
    const f2 = await insertFile(t, ids, { openedAt: "2025-03-01T09:00:00Z", closedAt: "2025-09-01T09:00:00Z", closureReason: "goals_reached", gender: "male", ageGroup: "31_40", nationality: "NLD", forms: ["labour", "criminal"], coordinators: [zara] });
    const f3 = await insertFile(t, ids, { openedAt: "2025-04-01T09:00:00Z", gender: "female", ageGroup: "under_18", nationality: "NGA", forms: [], coordinators: [zara, zeno] });
    const f4 = await insertFile(t, ids, { openedAt: "2024-05-01T09:00:00Z", closedAt: "2025-01-15T09:00:00Z", closureReason: "lost_contact", gender: "female", ageGroup: "18_23", nationality: null, forms: ["labour"], coordinators: [zeno] });
    await insertFile(t, ids, { openedAt: "2024-06-01T09:00:00Z", closedAt: "2024-12-01T09:00:00Z", closureReason: "returned_to_origin", gender: "male", ageGroup: "41_50", nationality: "POL", forms: ["sexual"], coordinators: [zeno] });
    // Taken over from another region: counts here. Taken over within the region: the same trajectory, not a new one.
    const f6 = await insertFile(t, ids, { regionId: ids.otherRegionId, openedAt: "2025-05-01T09:00:00Z", closedAt: "2025-06-01T09:00:00Z", closureReason: "moved_region" });
    await insertFile(t, ids, { openedAt: "2025-06-01T09:00:00Z", transferredFromId: f6 });
    await insertFile(t, ids, { openedAt: "2025-07-01T09:00:00Z", transferredFromId: f1, signalId: signal });

    const placement = (fileId: string, placeType: string, admitted: string, left?: string, leaveKind?: string) =>
      t.db.query(
        `insert into shelter_placements (file_id, shelter_organisation_id, place_type, admitted_on, left_on, leave_kind, destination, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, now(), now())`,
        [fileId, o.opvang, placeType, admitted, left ?? null, leaveKind ?? null, left ? "other" : null],
      );
    await placement(f1, "cosm", "2025-02-05");
    await placement(f2, "regular", "2025-03-05", "2025-08-01", "throughflow");
    await placement(f4, "crisis", "2024-05-05", "2025-01-10", "outflow");
    await placement(f3, "youth", "2025-04-05");

    const scheme = (fileId: string, s: { offered: string; ends: string; endedEarly?: string; reason?: string; police?: string; policeOn?: string; unable?: string }) =>
      t.db.query(
        `insert into residence_schemes (file_id, reflection_offered_on, reflection_ends_on, reflection_ended_early_on, reflection_end_reason, police_report, police_report_on, unable_basis, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
        [fileId, s.offered, s.ends, s.endedEarly ?? null, s.reason ?? null, s.police ?? "undecided", s.policeOn ?? null, s.unable ?? null],
      );
    await scheme(f1, { offered: "2025-02-10", ends: "2025-05-10", police: "made", policeOn: "2025-04-01" });
    await scheme(f3, { offered: "2025-11-01", ends: "2026-02-01" });
    await scheme(f2, { offered: "2025-03-10", ends: "2025-06-10", endedEarly: "2025-04-01", reason: "declined_to_report", police: "declined", policeOn: "2025-04-01" });
    await scheme(f4, { offered: "2024-06-01", ends: "2024-09-01", police: "unable", policeOn: "2024-07-01", unable: "threat" });

    const need = (fileId: string, domain: string, status: string) =>
      t.db.query("insert into victim_needs (file_id, domain, status, updated_at) values ($1, $2, $3, now())", [fileId, domain, status]);
    await need(f1, "shelter_housing", "need");
    await need(f1, "medical", "need");
    await need(f1, "legal_aid", "in_progress");
    await need(f3, "medical", "need");
    await need(f3, "psychological", "met");
    await need(f2, "safety", "need");
    const service = (fileId: string, domain: string, type: string, status: string, updatedAt: string) =>
      t.db.query(
        `insert into care_services (file_id, domain, service_type, provider_organisation_id, start_date, status, created_at, updated_at)
         values ($1, $2, $3, $4, '2025-01-01', $5, $6, $6)`,
        [fileId, domain, type, o.opvang, status, updatedAt],
      );
    await service(f1, "shelter_housing", "shelter", "planned", "2025-02-05T09:00:00Z");
    await service(f3, "medical", "medical_care", "cancelled", "2025-06-01T09:00:00Z");
    await service(f4, "legal_aid", "legal_aid", "cancelled", "2024-08-01T09:00:00Z");

    // A case conference of the region's Zorg- en Veiligheidshuis about Zevenaar's signal, with its actions and decisions.
    const enc = (text: string) => t.kernel.crypto.encrypt("conference.text", text);
    const meeting = (await t.db.query<{ id: string }>(
      `insert into meetings (reference, organisation_id, region_id, kind, title, starts_at, ends_at, status, created_at, updated_at)
       values ('OV-2025-00001', $1, $2, 'case_conference', 'Casusoverleg januari', '2025-01-20T09:00:00Z', '2025-01-20T11:00:00Z', 'closed', now(), now()) returning id`,
      [o.zvh, ids.regionId],
    ))[0]!.id;
    const item = (await t.db.query<{ id: string }>(
      `insert into agenda_items (meeting_id, subject_type, signal_id, subject_reference, municipality_id, proposed_by, proposer_organisation_id, proposed_at,
         question_enc, shared_parts, shared_content_enc, sharing_basis, status)
       values ($1, 'signal', $2, 'MON-2025-00001', $3, $4, $3, '2025-01-15T09:00:00Z', $5, '{description}', $5, 'public_task', 'admitted') returning id`,
      [meeting, signal, o.zevenaar, focalId, enc("Wat doen we?")],
    ))[0]!.id;
    const action = (deadline: string, status: string, doneAt: string | null) =>
      t.db.query(
        `insert into conference_actions (item_id, description_enc, owner_organisation_id, deadline, status, done_at, created_by, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, now(), now())`,
        [item, enc("Controle uitvoeren"), o.politie, deadline, status, doneAt, chair],
      );
    await action("2025-02-01", "done", "2025-01-31T10:00:00Z");
    await action("2025-02-01", "done", "2025-02-03T10:00:00Z");
    await action("2025-03-01", "open", null);
    await action("2025-03-01", "cancelled", null);
    await action("2024-06-01", "done", "2024-05-30T10:00:00Z");
    const today = dutchDate(t.clock.now);
    const later = `${today.slice(0, 4)}-12-31`;
    await action(later, "open", null);
    const decision = (kind: string, at: string) =>
      t.db.query("insert into conference_decisions (item_id, kind, description_enc, recorded_by, recorded_at) values ($1, $2, $3, $4, $5)", [item, kind, enc("Besluit"), chair, at]);
    await decision("closure", "2025-01-20T10:00:00Z");
    await decision("care", "2025-01-20T10:30:00Z");
    await decision("closure", "2024-06-01T10:00:00Z");

    const measure = (municipalityId: string, kind: string, decidedOn: string, outcome: string) =>
      t.db.query(
        `insert into administrative_measures (municipality_id, subject_kind, location_enc, location_hash, kind, decided_on, outcome, outcome_on, created_at, updated_at)
         values ($1, 'address', $2, 'hash', $3, $4, $5, $6, now(), now())`,
        [municipalityId, enc("Geheimstraat 12"), kind, decidedOn, outcome, outcome === "pending" ? null : decidedOn],
      );
    await measure(o.zevenaar, "closure", "2025-03-01", "measure_imposed");
    await measure(o.zevenaar, "inspection", "2025-04-01", "pending");
    await measure(o.duiven, "closure", "2025-05-01", "no_findings");
    await measure(o.zevenaar, "bibob_review", "2024-02-01", "violation_found");

    coordinator = await t.login("zorg@zorgcoordinatie.demo");
    const get = async (query: string) => {
      const res = await coordinator.get(`/api/v1/monitoring/dashboard?${query}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Dashboard;
    };
    region = await get(`area=${ids.regionId}&${PERIOD}`);
    zevenaar = await get(`area=${o.zevenaar}&${PERIOD}`);
    thisYear = await get(`area=${ids.regionId}&from=${today.slice(0, 4)}-01-01&to=${later}`);
  });
  after(() => t.close());

  const summary = (d: Dashboard, id: string) => d.sections.find((s) => s.id === id)!.summary;

  it("care trajectories started, running at the end and closed, counting a transfer within the area once", () => {
    const v = valuesOf(region);
    assert.deepEqual(v["care-trajectories"], { started: [4, 2], active: [3, 1], closed: [2, 1] });
    assert.equal(summary(region, "care"), "In deze periode startten 4 zorgtrajecten, 2 meer dan een jaar eerder. Aan het eind van de periode liepen er 3; 2 trajecten werden afgesloten. De meeste gestarte trajecten gingen over seksuele uitbuiting (2).");
    // A municipality counts the trajectories that came from its signals.
    assert.deepEqual(valuesOf(zevenaar)["care-trajectories"], { started: [1, 0], active: [1, 0], closed: [0, 0] });
  });

  it("started trajectories by form, gender, age group and nationality group; closures by reason", () => {
    const v = valuesOf(region);
    assert.deepEqual(v["care-by-form"], { sexual: [2, 1], labour: [1, 1], criminal: [1, 0], organ_removal: [0, 0], other: [0, 0], none: [1, 0], total: [4, 2] });
    assert.deepEqual(v["care-by-gender"], { female: [3, 1], male: [1, 1], other: [0, 0], unknown: [0, 0], total: [4, 2] });
    assert.deepEqual(v["care-by-age-group"], { under_18: [1, 0], "18_23": [0, 1], "24_30": [2, 0], "31_40": [1, 0], "41_50": [0, 1], "51_plus": [0, 0], unknown: [0, 0], total: [4, 2] });
    assert.deepEqual(v["care-by-nationality"], { nld: [1, 0], eu: [2, 1], non_eu: [1, 0], unknown: [0, 1], total: [4, 2] });
    assert.deepEqual(v["care-closure-reasons"], { goals_reached: [1, 0], moved_region: [0, 0], returned_to_origin: [0, 1], lost_contact: [1, 0], declined_help: [0, 0], other: [0, 0], total: [2, 1] });
    const tables = region.sections.find((s) => s.id === "care")!.tables;
    assert.equal(tables.find((x) => x.id === "care-by-gender")!.additive.rows, true);
    assert.equal(tables.find((x) => x.id === "care-by-form")!.additive.rows, false);
  });

  it("shelter: occupancy today per shelter, placements by place type, in-, through- and outflow", () => {
    const v = valuesOf(region);
    assert.deepEqual(v["shelter-occupancy"], { [ids.organisations.opvang]: [2], total: [2] });
    assert.equal(region.sections.find((s) => s.id === "shelter")!.tables[0]!.rows[0]!.label, "Opvang De Linde (COSM)");
    assert.deepEqual(v["shelter-placements-by-type"], { cosm: [1, 0], regular: [1, 0], crisis: [0, 1], youth: [1, 0], other: [0, 0], total: [3, 1] });
    assert.deepEqual(v["shelter-flow"], { inflow: [3, 1], throughflow: [1, 0], outflow: [1, 0] });
  });

  it("reflection periods started, ended early by reason and running; decisions on a police report", () => {
    const v = valuesOf(region);
    assert.deepEqual(v["reflection-periods"], { started: [3, 1], ended_early: [1, 0], running: [1, 0] });
    assert.deepEqual(v["reflection-ended-early"], { decided_to_report: [0, 0], declined_to_report: [1, 0], left: [0, 0], other: [0, 0], total: [1, 0] });
    assert.deepEqual(v["police-reports"], { made: [1, 0], declined: [1, 0], unable: [0, 1], total: [2, 1] });
    assert.equal(summary(region, "reflection"), "In deze periode startten 3 bedenktijden; aan het eind liepen er 1. 1 persoon deed aangifte.");
  });

  it("missing care: needs not met in the running trajectories, with and without a service; cancelled services", () => {
    const v = valuesOf(region);
    const needs = v["care-gaps-needs"]!;
    assert.deepEqual(needs.shelter_housing, [1, 0, 0]);
    assert.deepEqual(needs.medical, [2, 2, 0], "a cancelled service leaves the need without a service");
    assert.deepEqual(needs.legal_aid, [0, 0, 1]);
    assert.deepEqual(needs.safety, [0, 0, 0], "a closed trajectory's needs do not count");
    assert.deepEqual(v["care-gaps-cancelled-services"]!.medical_care, [1, 0]);
    assert.deepEqual(v["care-gaps-cancelled-services"]!.legal_aid, [0, 1]);
    assert.deepEqual(v["care-gaps-cancelled-services"]!.total, [1, 1]);
    assert.equal(summary(region, "care-gaps"), "In de lopende trajecten zijn 2 behoeften nog niet geregeld en nog zonder dienst. Dat geldt het vaakst voor medische zorg (2). In deze periode werd 1 dienst geannuleerd.");
  });

  it("the coordinators' workload as a distribution, without names", () => {
    const workload = region.sections.find((s) => s.id === "workload")!;
    const [summaryTable] = workload.tables;
    assert.deepEqual(summaryTable!.rows.map((r) => [r.key, r.cells.map((c) => c.display)]), [
      ["period", ["3", "2", "1,5", "2", "0,3"]],
      ["previous", ["1", "1", "1", "1", "0,2"]],
    ]);
    assert.deepEqual(valuesOf(region)["workload-distribution"], { "1-5": [2, 1], "6-10": [0, 0], "11-15": [0, 0], "16-20": [0, 0], "21+": [0, 0], total: [2, 1] });
    const json = JSON.stringify(workload);
    for (const name of ["Zara", "Zeno"]) assert.ok(!json.includes(name), `no coordinator's name (${name})`);
  });

  it("case conference actions with a deadline in the period: on time, late, overdue, open, cancelled", () => {
    assert.deepEqual(valuesOf(region)["conference-actions"], { on_time: [1, 1], late: [1, 0], overdue: [1, 0], open: [0, 0], cancelled: [1, 0], total: [4, 1] });
    assert.deepEqual(valuesOf(zevenaar)["conference-actions"], { on_time: [1, 1], late: [1, 0], overdue: [1, 0], open: [0, 0], cancelled: [1, 0], total: [4, 1] });
    assert.deepEqual(valuesOf(thisYear)["conference-actions"]!.open, [1], "a deadline still ahead is open, not overdue");
    assert.equal(summary(region, "conferences"), "In deze periode hadden 4 acties uit casusoverleggen hun termijn. Van de 2 afgeronde acties was 50% op tijd. 1 actie staat nog open na de termijn.");
  });

  it("interventions: administrative measures by kind and outcome, conference decisions by kind", () => {
    const v = valuesOf(region);
    assert.deepEqual(v["interventions-by-kind"], {
      housing_inspection: [0, 0], prostitution_control: [0, 0], inspection: [1, 0], bibob_review: [0, 1], closure: [2, 0], permit_refusal: [0, 0],
      permit_withdrawal: [0, 0], fine_or_order: [0, 0], other: [0, 0], total: [3, 1],
    });
    assert.deepEqual(v["interventions-by-outcome"], { pending: [1, 0], no_findings: [1, 0], violation_found: [0, 1], measure_imposed: [1, 0], measure_lifted: [0, 0], other: [0, 0], total: [3, 1] });
    assert.deepEqual(v["conference-decisions-by-kind"]!.closure, [1, 1]);
    assert.deepEqual(v["conference-decisions-by-kind"]!.care, [1, 0]);
    assert.deepEqual(valuesOf(zevenaar)["interventions-by-kind"]!.total, [2, 1], "a municipality counts its own measures");
    assert.equal(summary(region, "interventions"), "In deze periode werden 3 bestuurlijke maatregelen genomen. De meest genomen maatregel was sluiting (2). In casusoverleggen werden 2 besluiten over een interventie vastgelegd.");
  });
});
