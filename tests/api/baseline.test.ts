import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { dutchDate } from "../../src/server/kernel/dutch-time.ts";
import { derivedFigures } from "../../src/server/modules/baseline/baseline.repository.ts";
import { assertProblem, buildSignal, DAY, ENGLISH, type BuiltSignal } from "../support/conferences.ts";
import { createOrganisation, createRegion, createUser, demoIds, eventsSince, lastSeq, withoutInstance, type DemoIds } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/*
 * The baseline checklist (issue 7, part 5): derived criteria computed in SQL from the data (signals in the last
 * twelve months, a focal officer named, training coverage), attested criteria as an append-only history of the
 * policy officer's statements, and the region's overview of who meets it. Counts only: a policy officer never
 * gets a signal's content from it, and another region sees nothing.
 */
type Json = Record<string, unknown>;
type Criterion = { criterion: string; kind: string; state: string; date: string | null; detail: Json; documentReference?: string | null; note?: string | null };
type Checklist = { municipalityId: string; municipalityName: string; asOf: string; meetsBaseline: boolean; metCount: number; criteria: Criterion[]; abilities: Json; history?: Json[] };

describe("the baseline checklist", () => {
  let t: TestApp;
  let ids: DemoIds;
  let today: string;
  const signals: BuiltSignal[] = [];
  let farRegion: string;
  const c = {} as Record<"policyArnhem" | "policyZevenaar" | "admin" | "regionAdmin" | "focal" | "reporter" | "farAdmin", TestClient>;

  const overview = async (client: TestClient, query = "") => {
    const res = await client.get(`/api/v1/baseline-checklists${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { asOf: string; criteria: string[]; regions: { regionId: string; municipalities: Checklist[] }[] };
  };
  const of = (list: Checklist, criterion: string) => list.criteria.find((x) => x.criterion === criterion)!;
  const row = async (client: TestClient, municipalityId: string) =>
    (await overview(client)).regions.flatMap((r) => r.municipalities).find((m) => m.municipalityId === municipalityId)!;
  const attestations = async () => (await t.db.query<{ n: number }>("select count(*)::int as n from baseline_attestations"))[0]!.n;

  /** A team of `staff`, a target of `percent` due on `dueOn`, and `trained` people who completed a session. */
  async function trainingTarget(municipalityId: string, team: string, staff: number, percent: number, dueOn: string, trained: number) {
    const now = t.clock.now;
    const teamId = (await t.db.query<{ id: string }>(
      "insert into training_teams (municipality_id, name, staff_count, created_at, updated_at) values ($1,$2,$3,$4,$4) returning id", [municipalityId, team, staff, now]))[0]!.id;
    await t.db.query("insert into training_targets (municipality_id, team_id, target_percent, due_on, created_at, updated_at) values ($1,$2,$3,$4,$5,$5)", [municipalityId, teamId, percent, dueOn, now]);
    const offer = (await t.db.query<{ id: string }>(
      "insert into training_offers (municipality_id, kind, title, created_at, updated_at) values ($1,'e_learning','E-learning signalering mensenhandel (CCV)',$2,$2) returning id", [municipalityId, now]))[0]!.id;
    const session = (await t.db.query<{ id: string }>(
      "insert into training_sessions (offer_id, municipality_id, starts_on, created_at, updated_at) values ($1,$2,$3,$4,$4) returning id", [offer, municipalityId, dutchDate(new Date(now.getTime() - 30 * DAY)), now]))[0]!.id;
    for (let i = 0; i < trained; i++) {
      await t.db.query(
        "insert into training_participants (session_id, municipality_id, team_id, name_enc, name_hash, completion, created_at, updated_at) values ($1,$2,$3,'x',$4,'completed',$5,$5)",
        [session, municipalityId, teamId, randomUUID(), now]);
    }
  }

  before(async () => {
    t = await startTestApp();
    ids = await demoIds(t);
    today = dutchDate(t.clock.now);
    const policyZevenaar = await createUser(t, { displayName: "Paula Plan", organisationId: ids.organisations.zevenaar, roles: ["policy_officer"] });
    farRegion = await createRegion(t, "Regio Elders");
    const far = await createOrganisation(t, { name: "Gemeente Elders", regionIds: [farRegion] });
    const farAdmin = await createUser(t, { organisationId: far, roles: ["administrator"], regionAdministratorOf: [farRegion] });
    c.policyArnhem = await t.login("beleid@arnhem.demo");
    c.policyZevenaar = await t.login(policyZevenaar.email, { totpSecret: null });
    c.admin = await t.login("beheer@zevenaar.demo");
    c.regionAdmin = await t.login("regiobeheer@arnhem.demo");
    c.focal = await t.login("aandacht@zevenaar.demo");
    c.reporter = await t.login("melder@zevenaar.demo");
    c.farAdmin = await t.login(farAdmin.email, { totpSecret: farAdmin.totpSecret });
    // Zevenaar: four signals, of which one is older than a year and one was merged as a duplicate.
    for (let i = 0; i < 4; i++) {
      signals.push(await buildSignal(t, { reporterId: ids.users["melder@zevenaar.demo"]!, municipalityId: ids.organisations.zevenaar, description: `Geheime omschrijving ${i}` }));
    }
    await t.db.query("update signals set received_at = received_at - interval '13 months' where id = $1", [signals[2]!.id]);
    await t.db.query("update signals set status = 'closed', outcome = 'merged', merged_into_id = $1, closed_at = now() where id = $2", [signals[0]!.id, signals[3]!.id]);
  });
  after(() => t?.close());

  it("derives the criteria in SQL: signals of the last twelve months (not merged ones), focal officers who count, training targets", async () => {
    const before = await row(c.policyArnhem, ids.organisations.zevenaar);
    assert.deepEqual(of(before, "active_signalling"), { criterion: "active_signalling", kind: "derived", state: "met", date: today, detail: { signals: 2 } });
    assert.equal(of(before, "focal_officer_named").state, "not_met");
    assert.deepEqual(of(before, "training_coverage").detail, { targets: 0, targetsMet: 0, targetsOverdue: 0 });
    assert.equal(of(before, "training_coverage").state, "not_met", "no targets set: not met");
    assert.equal(of(before, "local_rules").state, "not_attested");

    await t.db.query(
      "insert into focal_officer_assignments (municipality_id, user_id, domain, created_at, updated_at) values ($1,$2,'safety',now(),now())",
      [ids.organisations.zevenaar, ids.users["aandacht@zevenaar.demo"]]);
    await trainingTarget(ids.organisations.zevenaar, "Publiekszaken", 4, 50, dutchDate(new Date(t.clock.now.getTime() - 5 * DAY)), 3);
    await trainingTarget(ids.organisations.zevenaar, "Toezicht", 10, 90, dutchDate(new Date(t.clock.now.getTime() + 200 * DAY)), 1);
    await trainingTarget(ids.organisations.duiven, "Gebiedsteam", 10, 80, dutchDate(new Date(t.clock.now.getTime() - 1 * DAY)), 9);
    await trainingTarget(ids.organisations.duiven, "Publiekszaken", 10, 80, dutchDate(new Date(t.clock.now.getTime() - 1 * DAY)), 2);

    const after = await row(c.policyArnhem, ids.organisations.zevenaar);
    assert.deepEqual(of(after, "focal_officer_named").detail, { officers: 1 });
    assert.equal(of(after, "focal_officer_named").state, "met");
    assert.equal(of(after, "training_coverage").state, "met", "the due target is reached; next year's is not due yet");
    assert.deepEqual(of(after, "training_coverage").detail, { targets: 2, targetsMet: 1, targetsOverdue: 0 });
    const duiven = await row(c.policyArnhem, ids.organisations.duiven);
    assert.equal(of(duiven, "training_coverage").state, "not_met", "a target whose date passed is missed");
    assert.deepEqual(of(duiven, "training_coverage").detail, { targets: 2, targetsMet: 1, targetsOverdue: 1 });
    assert.equal(of(duiven, "active_signalling").state, "not_met");

    // The twelve months end at the start of the same Dutch day a year before.
    const figures = await derivedFigures(t.db, [ids.organisations.zevenaar, ids.organisations.arnhem], dutchDate(new Date(t.clock.now.getTime() + 400 * DAY)));
    assert.deepEqual(figures.map((f) => f.signals).sort(), [0, 0]);
  });

  it("the policy officer attests a criterion with a note or a document; the latest statement counts, earlier ones stay", async () => {
    const seq = await lastSeq(t);
    const url = `/api/v1/municipalities/${ids.organisations.zevenaar}/baseline-attestations`;
    const first = await c.policyZevenaar.post(url, { criterion: "local_rules", met: true, attestedOn: "2025-03-01", documentReference: "APV Zevenaar 2025, art. 3:3" });
    assert.equal(first.statusCode, 201, first.body);
    const list = first.json() as Checklist;
    assert.deepEqual(of(list, "local_rules"), {
      criterion: "local_rules", kind: "attested", state: "met", date: "2025-03-01", detail: {}, documentReference: "APV Zevenaar 2025, art. 3:3", note: null,
    });
    assert.equal(list.history!.length, 1);
    assert.equal(list.history![0]!.recordedBy, "Paula Plan");

    const second = await c.policyZevenaar.post(url, { criterion: "local_rules", met: false, attestedOn: today, note: "Artikel over prostitutie vervalt bij de herziening; nieuw voorstel volgt." });
    const now = second.json() as Checklist;
    assert.equal(of(now, "local_rules").state, "not_met");
    assert.equal(of(now, "local_rules").date, today);
    assert.equal(now.history!.length, 2);
    // An older document recorded afterwards does not overrule the newer statement.
    await c.policyZevenaar.post(url, { criterion: "local_rules", met: true, attestedOn: "2024-01-10", documentReference: "APV 2024" });
    assert.equal(of(await row(c.policyArnhem, ids.organisations.zevenaar), "local_rules").state, "not_met");

    const events = await eventsSince(t, seq);
    assert.equal(events.filter((e) => e.action === "create" && e.object_type === "baseline_attestation" && e.owner_organisation_id === ids.organisations.zevenaar).length, 3);
    await assert.rejects(t.db.query("update baseline_attestations set met = true"), /append-only/);
    await assert.rejects(t.db.query("delete from baseline_attestations"), /append-only/);
  });

  it("refuses bad attestations with a stable code, a Dutch detail and the field, and stores nothing", async () => {
    const before = await attestations();
    const url = `/api/v1/municipalities/${ids.organisations.zevenaar}/baseline-attestations`;
    const tomorrow = dutchDate(new Date(t.clock.now.getTime() + 2 * DAY));
    const cases: [Json, string, string?][] = [
      [{ criterion: "local_policy", met: true, attestedOn: tomorrow, note: "Vastgesteld" }, "attestedOn", "future_date"],
      [{ criterion: "local_policy", met: true, attestedOn: today }, "documentReference", "required"],
      [{ criterion: "local_policy", met: true, attestedOn: today, note: "   " }, "note", "required"],
      [{ criterion: "focal_officer_named", met: true, attestedOn: today, note: "Afgeleid criterium" }, "criterion"],
      [{ criterion: "local_policy", met: "ja", attestedOn: today, note: "x" }, "met"],
      [{ criterion: "local_policy", met: true, attestedOn: "1-3-2025", note: "x" }, "attestedOn"],
      [{ criterion: "local_policy", met: true, attestedOn: today, note: "x".repeat(2001) }, "note"],
    ];
    for (const [body, param, code] of cases) {
      const res = await c.policyZevenaar.post(url, body);
      assertProblem(res, 400, "invalid_input", param, code);
      assert.doesNotMatch(res.json().detail as string, ENGLISH, res.body);
    }
    assert.equal(await attestations(), before);
  });

  it("the region's overview shows who meets the baseline, to the region's policy officers, focal officers and administrator", async () => {
    // Arnhem attests everything and has a focal officer, a signal and a reached target: it meets the baseline.
    await t.db.query(
      "insert into focal_officer_assignments (municipality_id, user_id, domain, created_at, updated_at) values ($1,$2,'social',now(),now())",
      [ids.organisations.arnhem, (await createUser(t, { organisationId: ids.organisations.arnhem, roles: ["focal_officer"] })).id]);
    await buildSignal(t, { reporterId: ids.users["melder@zevenaar.demo"]!, municipalityId: ids.organisations.arnhem });
    await trainingTarget(ids.organisations.arnhem, "Publiekszaken", 2, 50, today, 1);
    for (const criterion of ["reporting_route", "local_policy", "local_rules", "prostitution_policy", "partner_cooperation"]) {
      const res = await c.policyArnhem.post(`/api/v1/municipalities/${ids.organisations.arnhem}/baseline-attestations`, { criterion, met: true, attestedOn: today, note: "Vastgesteld door het college." });
      assert.equal(res.statusCode, 201, res.body);
    }
    for (const client of [c.policyArnhem, c.policyZevenaar, c.focal, c.regionAdmin]) {
      const o = await overview(client);
      assert.equal(o.asOf, today);
      assert.equal(o.criteria.length, 8);
      const meets = Object.fromEntries(o.regions[0]!.municipalities.map((m) => [m.municipalityName, m.meetsBaseline]));
      assert.deepEqual(meets, { "Gemeente Arnhem": true, "Gemeente Duiven": false, "Gemeente Zevenaar": false });
    }
    const arnhem = await row(c.policyArnhem, ids.organisations.arnhem);
    assert.equal(arnhem.metCount, 8);
    assert.equal(arnhem.abilities.attest, true);
    assert.equal((await row(c.policyArnhem, ids.organisations.zevenaar)).abilities.attest, false, "another municipality's policy officer only looks");
    // The municipality's administrator sees their own municipality only.
    assert.deepEqual((await overview(c.admin)).regions[0]!.municipalities.map((m) => m.municipalityName), ["Gemeente Zevenaar"]);
  });

  it("only the municipality's own policy officer attests: 403 for others in the region, 404 for another region", async () => {
    const url = `/api/v1/municipalities/${ids.organisations.zevenaar}/baseline-attestations`;
    const body = { criterion: "local_policy", met: true, attestedOn: today, note: "Integrale Veiligheidsagenda" };
    assert.equal((await c.policyArnhem.post(url, body)).statusCode, 403);
    assert.equal((await c.admin.post(url, body)).statusCode, 403);
    assert.equal((await c.focal.post(url, body)).statusCode, 403);
    assert.equal((await c.farAdmin.post(url, body)).statusCode, 404);
    assert.equal((await c.reporter.post(url, body)).statusCode, 404);
    assert.equal((await c.policyZevenaar.post(`/api/v1/municipalities/${ids.organisations.politie}/baseline-attestations`, body)).statusCode, 404, "only municipalities");
  });

  it("another region sees nothing: its overview holds its own municipalities, asking for this region or a checklist answers 404 like nothing", async () => {
    const o = await overview(c.farAdmin);
    assert.deepEqual(o.regions.map((r) => r.regionId), [farRegion]);
    assert.equal((await c.farAdmin.get(`/api/v1/baseline-checklists?regionId=${ids.regionId}`)).statusCode, 404);
    const theirs = await c.farAdmin.get(`/api/v1/municipalities/${ids.organisations.zevenaar}/baseline-checklist`);
    const none = await c.farAdmin.get(`/api/v1/municipalities/${randomUUID()}/baseline-checklist`);
    assert.equal(theirs.statusCode, 404);
    assert.deepEqual(withoutInstance(theirs.json()), withoutInstance(none.json()));
    assert.equal((await c.reporter.get("/api/v1/baseline-checklists")).statusCode, 403);
    assert.equal((await c.reporter.get(`/api/v1/municipalities/${ids.organisations.zevenaar}/baseline-checklist`)).statusCode, 404);
  });

  it("a policy officer gets counts, never a signal: no reference or text in the checklist, and the signals themselves stay closed", async () => {
    const seq = await lastSeq(t);
    const res = await c.policyZevenaar.get(`/api/v1/municipalities/${ids.organisations.zevenaar}/baseline-checklist`);
    assert.equal(res.statusCode, 200, res.body);
    for (const s of signals) assert.ok(!res.body.includes(s.reference) && !res.body.includes(s.id), "no signal reference or id");
    assert.ok(!res.body.includes("Geheime omschrijving"));
    assert.ok(!res.body.includes("Andrzej"), "no victim");
    const list = await c.policyZevenaar.get("/api/v1/signals");
    assert.ok([403, 404].includes(list.statusCode) || (list.json().items as unknown[]).length === 0, list.body);
    assert.equal((await c.policyZevenaar.get(`/api/v1/signals/${signals[0]!.id}`)).statusCode, 404);
    const overviewBody = JSON.stringify(await overview(c.policyArnhem));
    for (const s of signals) assert.ok(!overviewBody.includes(s.reference));
    const read = (await eventsSince(t, seq)).find((e) => e.action === "read" && e.object_type === "baseline");
    assert.equal(read?.owner_organisation_id, ids.organisations.zevenaar, "reading the history (with staff names) is audited");
  });
});
