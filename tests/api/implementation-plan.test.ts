import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import type { LightMyRequestResponse } from "fastify";
import { assertProblem, dateIn, ok, pdfText, poppler } from "../support/conferences.ts";
import { createOrganisation, createRegion, createUser, demoIds, eventsSince, lastSeq, withoutInstance, type DemoIds } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The implementation plan (uitvoeringsplan) over HTTP: Arnhem, the central municipality, keeps a regional plan
 * with action lines, activities (partners, lead time, budget per year), progress and status; the overview adds
 * up costs and cover per year; bad input is refused with a code and leaves nothing behind; the region's other
 * municipalities, focal officers and administrators read, others do not even see that it exists; the progress
 * report comes as a PDF and an XLSX with the action lines and the budget figures. Set KZ_PLAN_DIR to keep the PDF.
 */
type Json = Record<string, unknown>;
type Plan = Json & { id: string; actionLines: (Json & { id: string; activities: (Json & { id: string })[] })[]; overview: Json & { budget: Json[]; totals: Json } };

const PLAN_TABLES = ["implementation_plans", "plan_action_lines", "plan_activities", "plan_activity_partners", "plan_activity_budgets", "plan_progress_notes"];

describe("the implementation plan: action lines, activities, progress, budget and reports", () => {
  let t: TestApp;
  let ids: DemoIds;
  const c = {} as Record<"arnhem" | "zevenaar" | "focal" | "admin" | "police" | "reporter" | "elsewhere", TestClient>;
  let plan: Plan;

  const plans = "/api/v1/implementation-plans";
  const lineOf = (p: Plan, n: number) => p.actionLines.find((l) => l.number === n)!;
  const activityOf = (p: Plan, code: string) => p.actionLines.flatMap((l) => l.activities).find((a) => a.code === code)!;

  async function snapshot(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const table of PLAN_TABLES) {
      const rows = await t.db.query<{ n: number; h: string }>(`select count(*)::int as n, coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as h from ${table} x`);
      out[table] = `${rows[0]!.n}:${rows[0]!.h}`;
    }
    const writes = await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where action in ('create', 'update', 'delete', 'export')");
    out.audited = String(writes[0]!.n);
    return out;
  }

  before(async () => {
    t = await startTestApp();
    ids = await demoIds(t);
    c.arnhem = await t.login("beleid@arnhem.demo");
    const zevenaarPolicy = await createUser(t, { organisationId: ids.organisations.zevenaar, roles: ["policy_officer"], displayName: "Zoë Beleid" });
    c.zevenaar = await t.login(zevenaarPolicy.email, { totpSecret: zevenaarPolicy.totpSecret });
    c.focal = await t.login("aandacht@zevenaar.demo");
    c.admin = await t.login("beheer@zevenaar.demo");
    c.police = await t.login("politie@politie.demo");
    c.reporter = await t.login("melder@zevenaar.demo");
    const farRegion = await createRegion(t, "Regio Zuid-Limburg (test)");
    const maastricht = await createOrganisation(t, { name: "Gemeente Maastricht (test)", regionIds: [farRegion] });
    const far = await createUser(t, { organisationId: maastricht, roles: ["policy_officer"] });
    c.elsewhere = await t.login(far.email, { totpSecret: far.totpSecret });
  });
  after(() => t?.close());

  it("the central municipality's policy officer sets up a regional plan with action lines and activities, and the overview adds up per year", async () => {
    const list = await ok(c.arnhem.get(plans));
    assert.deepEqual((list.newPlanOptions as Json[]).map((o) => o.scope), ["municipality", "region"]);
    plan = (await ok(c.arnhem.post(plans, {
      scope: "region", title: "Uitvoeringsplan mensenhandel Arnhem-Achterhoek 2022–2025", periodStart: 2022, periodEnd: 2025,
      description: "Naar een regio zonder uitbuiting.",
    }), 201)) as Plan;
    assert.deepEqual(plan.years, [2022, 2023, 2024, 2025]);
    assert.equal((plan.ownerOrganisation as Json).name, "Gemeente Arnhem");
    assert.deepEqual(plan.abilities, { read: true, list: true, create: true, update: true, report: true });

    plan = (await ok(c.arnhem.post(`${plans}/${plan.id}/action-lines`, { title: "Eerder en beter in beeld", goal: "Signalerend vermogen van de gemeente verbeteren." }), 201)) as Plan;
    plan = (await ok(c.arnhem.post(`${plans}/${plan.id}/action-lines`, { title: "Versterken van de samenwerking" }), 201)) as Plan;
    assert.deepEqual(plan.actionLines.map((l) => [l.number, l.title]), [[1, "Eerder en beter in beeld"], [2, "Versterken van de samenwerking"]]);

    plan = (await ok(c.arnhem.post(`/api/v1/plan-action-lines/${lineOf(plan, 1).id}/activities`, {
      title: "Training aandachtsfunctionarissen en e-learning signaleringsvaardigheden",
      intendedResult: "90% van de frontoffice heeft de e-learning gevolgd.",
      responsibleOrganisationId: ids.organisations.arnhem,
      partnerOrganisationIds: [ids.organisations.zevenaar, ids.organisations.duiven],
      startsOn: "2023-Q1", endsOn: "2025-Q4",
      budget: [
        { year: 2023, costs: 25000, cover: 25000, coverSource: "decentralisation_grant", coverNote: "DU VO" },
        { year: 2024, costs: 12500, cover: 12500, coverSource: "decentralisation_grant" },
        { year: 2025, costs: 12500, cover: 10000, coverSource: "municipal_budget" },
      ],
    }), 201)) as Plan;
    plan = (await ok(c.arnhem.post(`/api/v1/plan-action-lines/${lineOf(plan, 1).id}/activities`, {
      title: "Campagne 'Open je ogen voor mensenhandel'", responsibleOrganisationId: ids.organisations.zevenaar, startsOn: "2023-03-01", endsOn: "2023-06-30",
      budget: [{ year: 2023, costs: 4000, cover: 4000, coverSource: "decentralisation_grant" }, { year: 2024, costs: 4000 }],
    }), 201)) as Plan;
    plan = (await ok(c.arnhem.post(`/api/v1/plan-action-lines/${lineOf(plan, 2).id}/activities`, {
      title: "Zorgcoördinator mensenhandel", responsibleOrganisationId: ids.organisations.zorg, partnerOrganisationIds: [ids.organisations.politie],
      budget: [{ year: 2023, costs: 45000, cover: 45000, coverSource: "decentralisation_grant" }],
    }), 201)) as Plan;

    const training = activityOf(plan, "1.1");
    assert.equal(training.startsOn, "2023-01-01");
    assert.equal(training.endsOn, "2025-12-31");
    assert.equal(training.leadTimeUnit, "quarter");
    assert.deepEqual((training.partners as Json[]).map((p) => p.name), ["Gemeente Duiven", "Gemeente Zevenaar"]);
    assert.equal(activityOf(plan, "2.1").title, "Zorgcoördinator mensenhandel");

    assert.deepEqual(plan.overview.budget, [
      { year: 2022, costs: 0, cover: 0, gap: 0 },
      { year: 2023, costs: 74000, cover: 74000, gap: 0 },
      { year: 2024, costs: 16500, cover: 12500, gap: 4000 },
      { year: 2025, costs: 12500, cover: 10000, gap: 2500 },
    ]);
    assert.deepEqual(plan.overview.totals, { costs: 103000, cover: 96500, gap: 6500 });
    assert.deepEqual(lineOf(plan, 2).budget, [
      { year: 2022, costs: 0, cover: 0, gap: 0 }, { year: 2023, costs: 45000, cover: 45000, gap: 0 },
      { year: 2024, costs: 0, cover: 0, gap: 0 }, { year: 2025, costs: 0, cover: 0, gap: 0 },
    ]);
    const du = (plan.overview.coverBySource as Json[]).filter((c) => c.source === "decentralisation_grant").map((c) => c.amount);
    assert.deepEqual(du, [0, 74000, 12500, 0]);
    assert.deepEqual(plan.overview.statusCounts, { not_started: 3, in_progress: 0, done: 0, postponed: 0, cancelled: 0 });
    assert.equal(plan.overview.activityCount, 3);
  });

  it("status changes follow the whitelist and join the progress; notes are appended with their author; a past end date is overdue", async () => {
    const campaign = activityOf(plan, "1.2");
    plan = (await ok(c.arnhem.patch(`/api/v1/plan-activities/${campaign.id}`, { status: "in_progress" }))) as Plan;
    plan = (await ok(c.arnhem.post(`/api/v1/plan-activities/${campaign.id}/progress-notes`, { note: "Posters hangen in alle wijkcentra.", notedOn: dateIn(t, -1) }), 201)) as Plan;
    plan = (await ok(c.arnhem.post(`/api/v1/plan-activities/${campaign.id}/progress-notes`, { note: "Tweede ronde op sociale media gestart." }), 201)) as Plan;
    const progress = activityOf(plan, "1.2").progress as Json[];
    assert.deepEqual(progress.map((p) => [p.kind, p.note, p.statusTo]), [
      ["note", "Tweede ronde op sociale media gestart.", null],
      ["status", null, "in_progress"],
      ["note", "Posters hangen in alle wijkcentra.", null],
    ]);
    assert.ok(progress.every((p) => p.authorName === "Bas Beleid" && p.authorOrganisationName === "Gemeente Arnhem"));
    // June 2023 lies in the past: the campaign in progress is overdue; without an end date nothing is; the training
    // (not started, until the end of 2025) is overdue once 2025 is over.
    const trainingOverdue = dateIn(t, 0) > "2025-12-31";
    assert.equal(activityOf(plan, "1.2").overdue, true);
    assert.equal(activityOf(plan, "1.1").overdue, trainingOverdue);
    assert.equal(activityOf(plan, "2.1").overdue, false);
    assert.equal(plan.overview.overdueCount, trainingOverdue ? 2 : 1);

    plan = (await ok(c.arnhem.patch(`/api/v1/plan-activities/${campaign.id}`, { status: "done" }))) as Plan;
    assert.equal(activityOf(plan, "1.2").overdue, false);
    assert.deepEqual(plan.overview.statusCounts, { not_started: 2, in_progress: 0, done: 1, postponed: 0, cancelled: 0 });
    const before = await snapshot();
    assertProblem(await c.arnhem.patch(`/api/v1/plan-activities/${campaign.id}`, { status: "cancelled" }), 409, "transition_not_allowed", "status");
    assert.deepEqual(await snapshot(), before);
    // The progress is kept: there is no way to edit or delete a note.
    assert.equal((await c.arnhem.patch(`/api/v1/plan-activities/${campaign.id}/progress-notes`, { note: "x" })).statusCode, 404);
  });

  it("bad input answers 400 with a code per field and stores nothing", async () => {
    const line = lineOf(plan, 1).id;
    const activity = activityOf(plan, "1.1").id;
    const base = { title: "Iets", responsibleOrganisationId: ids.organisations.arnhem };
    const cases: [string, () => Promise<LightMyRequestResponse>, string, string?, string?][] = [
      ["end before start", () => c.arnhem.post(plans, { scope: "municipality", title: "X", periodStart: 2025, periodEnd: 2022 }), "invalid_input", "periodEnd", "before_start"],
      ["unknown field", () => c.arnhem.post(plans, { scope: "municipality", title: "X", periodStart: 2022, periodEnd: 2025, owner: "Arnhem" }), "invalid_input"],
      ["no title", () => c.arnhem.post(plans, { scope: "municipality", title: " ", periodStart: 2022, periodEnd: 2025 }), "invalid_input", "title"],
      ["duplicate line number", () => c.arnhem.post(`${plans}/${plan.id}/action-lines`, { number: 2, title: "Dubbel" }), "invalid_input", "number", "duplicate"],
      ["budget outside period", () => c.arnhem.post(`/api/v1/plan-action-lines/${line}/activities`, { ...base, budget: [{ year: 2026, costs: 1 }] }), "invalid_input", "budget.0.year", "outside_period"],
      ["year twice", () => c.arnhem.post(`/api/v1/plan-action-lines/${line}/activities`, { ...base, budget: [{ year: 2023, costs: 1 }, { year: 2023, costs: 2 }] }), "invalid_input", "budget.1.year", "duplicate"],
      ["cover without source", () => c.arnhem.post(`/api/v1/plan-action-lines/${line}/activities`, { ...base, budget: [{ year: 2023, costs: 10, cover: 10 }] }), "invalid_input", "budget.0.coverSource", "required"],
      ["negative costs", () => c.arnhem.post(`/api/v1/plan-action-lines/${line}/activities`, { ...base, budget: [{ year: 2023, costs: -5 }] }), "invalid_input", "budget.0.costs"],
      ["partner outside the region", () => c.arnhem.post(`/api/v1/plan-action-lines/${line}/activities`, { ...base, partnerOrganisationIds: [ids.organisations.zorgijssel] }), "invalid_input", "partnerOrganisationIds.0", "not_in_region"],
      ["responsible outside the region", () => c.arnhem.post(`/api/v1/plan-action-lines/${line}/activities`, { ...base, responsibleOrganisationId: ids.organisations.zorgijssel }), "invalid_input", "responsibleOrganisationId", "not_in_region"],
      ["date that does not exist", () => c.arnhem.post(`/api/v1/plan-action-lines/${line}/activities`, { ...base, startsOn: "2023-02-30" }), "invalid_input", "startsOn", "invalid_date"],
      ["quarter and date mixed", () => c.arnhem.post(`/api/v1/plan-action-lines/${line}/activities`, { ...base, startsOn: "2023-Q1", endsOn: "2023-12-31" }), "invalid_input", "endsOn", "mixed_lead_time"],
      ["end before start", () => c.arnhem.post(`/api/v1/plan-action-lines/${line}/activities`, { ...base, startsOn: "2024-Q2", endsOn: "2023-Q4" }), "invalid_input", "endsOn", "before_start"],
      ["lead time in words", () => c.arnhem.post(`/api/v1/plan-action-lines/${line}/activities`, { ...base, startsOn: "voorjaar" }), "invalid_input", "startsOn"],
      ["status unknown", () => c.arnhem.patch(`/api/v1/plan-activities/${activity}`, { status: "almost" }), "invalid_input", "status"],
      ["budget change outside period", () => c.arnhem.patch(`/api/v1/plan-activities/${activity}`, { budget: [{ year: 2021, costs: 5 }] }), "invalid_input", "budget.0.year", "outside_period"],
      ["progress in the future", () => c.arnhem.post(`/api/v1/plan-activities/${activity}/progress-notes`, { note: "Klaar", notedOn: dateIn(t, 3) }), "invalid_input", "notedOn", "future_date"],
      ["empty progress", () => c.arnhem.post(`/api/v1/plan-activities/${activity}/progress-notes`, { note: "" }), "invalid_input", "note"],
      ["period shorter than the budget", () => c.arnhem.patch(`${plans}/${plan.id}`, { periodEnd: 2024 }), "invalid_input", "periodEnd", "budget_outside_period"],
      ["regional plan by a municipality that is not central", () => c.zevenaar.post(plans, { scope: "region", title: "X", periodStart: 2022, periodEnd: 2025 }), "invalid_input", "scope", "not_central_municipality"],
      ["report in another format", () => c.arnhem.post(`${plans}/${plan.id}/reports`, { format: "docx" }), "invalid_input", "format"],
    ];
    for (const [name, request, code, field, fieldCode] of cases) {
      const before = await snapshot();
      const res = await request();
      assertProblem(res, 400, code, field, fieldCode);
      assert.deepEqual(await snapshot(), before, `${name}: nothing stored`);
    }
  });

  it("the region reads the plan, only the central municipality's policy officers change it, and outside the region it does not exist", async () => {
    for (const who of ["zevenaar", "focal", "admin"] as const) {
      const read = await ok(c[who].get(`${plans}/${plan.id}`));
      assert.equal(read.title, plan.title, who);
      assert.equal((read.abilities as Json).update, false, who);
      assert.ok(((await ok(c[who].get(plans))).items as Json[]).some((p) => p.id === plan.id), `${who} lists it`);
      const before = await snapshot();
      assertProblem(await c[who].patch(`${plans}/${plan.id}`, { title: "Overgenomen" }), 403, "forbidden");
      assertProblem(await c[who].post(`${plans}/${plan.id}/action-lines`, { title: "Erbij" }), 403, "forbidden");
      assertProblem(await c[who].patch(`/api/v1/plan-activities/${activityOf(plan, "1.1").id}`, { status: "in_progress" }), 403, "forbidden");
      assert.deepEqual(await snapshot(), before, who);
    }
    const missing = await c.elsewhere.get(`${plans}/00000000-0000-4000-8000-000000000000`);
    for (const who of ["elsewhere", "police", "reporter"] as const) {
      const res = await c[who].get(`${plans}/${plan.id}`);
      assert.equal(res.statusCode, 404, who);
      assert.deepEqual(withoutInstance(res.json()), withoutInstance(missing.json()), `${who}: as if it did not exist`);
      assert.equal((await c[who].post(`${plans}/${plan.id}/reports`, { format: "pdf" })).statusCode, 404, who);
      assert.equal((await c[who].post(`/api/v1/plan-activities/${activityOf(plan, "1.1").id}/progress-notes`, { note: "Ik ook" })).statusCode, 404, who);
      const listed = await c[who].get(plans);
      assert.equal(listed.statusCode, 200, who);
      assert.deepEqual(listed.json().items, [], who);
    }
    // Zevenaar keeps a plan of its own, which Arnhem reads but cannot change.
    const own = (await ok(c.zevenaar.post(plans, { scope: "municipality", title: "Uitvoeringsplan Zevenaar 2024–2026", periodStart: 2024, periodEnd: 2026 }), 201)) as Plan;
    assert.equal((own.ownerOrganisation as Json).name, "Gemeente Zevenaar");
    assert.equal(((await ok(c.arnhem.get(`${plans}/${own.id}`))).abilities as Json).update, false);
    assertProblem(await c.arnhem.post(`${plans}/${own.id}/action-lines`, { title: "Van Arnhem" }), 403, "forbidden");
    // Neither a focal officer nor an administrator draws up a plan.
    for (const who of ["focal", "admin"] as const) {
      assert.ok([403, 404].includes((await c[who].post(plans, { scope: "municipality", title: "X", periodStart: 2024, periodEnd: 2025 })).statusCode), who);
    }
  });

  it("reading and changing the plan are audited, with the staff whose names it shows", async () => {
    const seq = await lastSeq(t);
    await ok(c.focal.get(`${plans}/${plan.id}`));
    const events = await eventsSince(t, seq);
    const read = events.find((e) => e.action === "read" && e.object_type === "implementation_plan");
    assert.ok(read);
    assert.equal(read.actor_role, "focal_officer");
    assert.equal(read.owner_organisation_id, ids.organisations.arnhem);
    assert.deepEqual((JSON.parse(read.details!) as Json).staffShown, [ids.users["beleid@arnhem.demo"]]);
    const seq2 = await lastSeq(t);
    await c.zevenaar.patch(`${plans}/${plan.id}`, { title: "Overgenomen" });
    assert.ok((await eventsSince(t, seq2)).some((e) => e.action === "access_denied" && e.result === "denied"));
  });

  it("an activity without progress may be deleted, one with progress is cancelled instead; a line with activities stays", async () => {
    plan = (await ok(c.arnhem.post(`/api/v1/plan-action-lines/${lineOf(plan, 2).id}/activities`, { title: "Per ongeluk", responsibleOrganisationId: ids.organisations.arnhem }), 201)) as Plan;
    plan = (await ok(c.arnhem.delete(`/api/v1/plan-activities/${activityOf(plan, "2.2").id}`))) as Plan;
    assert.equal(lineOf(plan, 2).activities.length, 1);
    assertProblem(await c.arnhem.delete(`/api/v1/plan-activities/${activityOf(plan, "1.2").id}`), 409, "conflict");
    assertProblem(await c.arnhem.delete(`/api/v1/plan-action-lines/${lineOf(plan, 1).id}`), 409, "conflict");
    plan = (await ok(c.arnhem.post(`${plans}/${plan.id}/action-lines`, { title: "Opvang en hulpverlening" }), 201)) as Plan;
    plan = (await ok(c.arnhem.delete(`/api/v1/plan-action-lines/${lineOf(plan, 3).id}`))) as Plan;
    assert.deepEqual(plan.actionLines.map((l) => l.number), [1, 2]);
  });

  it("the progress report as PDF holds the action lines, the activities with status and latest note, and the budget figures", { skip: !poppler && "pdftotext is not installed" }, async () => {
    const seq = await lastSeq(t);
    const file = await ok(c.focal.post(`${plans}/${plan.id}/reports`, { format: "pdf" }));
    assert.equal(file.mediaType, "application/pdf");
    assert.match(file.fileName as string, /^voortgang-uitvoeringsplan-mensenhandel-arnhem-achterhoek-2022-2025-\d{4}-\d{2}-\d{2}\.pdf$/);
    if (process.env.KZ_PLAN_DIR) {
      mkdirSync(process.env.KZ_PLAN_DIR, { recursive: true });
      writeFileSync(join(process.env.KZ_PLAN_DIR, "plan-report.pdf"), Buffer.from(file.content as string, "base64"));
    }
    const text = pdfText(file.content as string);
    for (const expected of [
      "Voortgangsrapportage Uitvoeringsplan mensenhandel Arnhem-Achterhoek", "Actielijn 1: Eerder en beter in beeld", "Actielijn 2: Versterken van de samenwerking",
      "Signalerend vermogen van de gemeente verbeteren.", "1.1 Training aandachtsfunctionarissen", "Zorgcoördinator mensenhandel", "Tweede ronde op sociale media gestart.",
      "Afgerond", "Niet gestart", "2023 Q1 – 2025 Q4", "Begroting per jaar", "Totaal kosten", "€ 74.000", "€ 16.500", "€ 12.500", "€ 4.000", "Totaal dekking",
      "Dekking: decentralisatie-uitkering (DU VO)", "Tekort (kosten min dekking)", "€ 2.500", "Bas Beleid",
    ]) assert.ok(text.includes(expected), `PDF holds "${expected}"`);
    const exported = (await eventsSince(t, seq)).find((e) => e.action === "export");
    assert.ok(exported);
    assert.equal((JSON.parse(exported.details!) as Json).format, "pdf");
  });

  it("the progress report as XLSX has the sheets Plan, Activiteiten and Begroting with the right cells", async () => {
    const file = await ok(c.arnhem.post(`${plans}/${plan.id}/reports`, { format: "xlsx" }));
    assert.equal(file.mediaType, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert.match(file.fileName as string, /\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.content as string, "base64") as unknown as ArrayBuffer);
    assert.deepEqual(book.worksheets.map((s) => s.name), ["Plan", "Activiteiten", "Begroting"]);
    const info = book.getWorksheet("Plan")!;
    assert.equal(info.getCell("B1").value, "Uitvoeringsplan mensenhandel Arnhem-Achterhoek 2022–2025");
    assert.equal(info.getCell("B5").value, "2022–2025");

    const sheet = book.getWorksheet("Activiteiten")!;
    assert.equal(sheet.getCell("A1").value, "Actielijn");
    const rows = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    const campaign = rows.find((r) => r[1] === "1.2")!;
    assert.equal(campaign[0], "1. Eerder en beter in beeld");
    assert.equal(campaign[7], "Afgerond");
    assert.equal(campaign[9], "Tweede ronde op sociale media gestart.");
    assert.equal(campaign[11], "Bas Beleid");
    const training = rows.find((r) => r[1] === "1.1")!;
    assert.equal(training[5], "Gemeente Duiven, Gemeente Zevenaar");

    const budget = book.getWorksheet("Begroting")!;
    assert.deepEqual((budget.getRow(1).values as unknown[]).slice(1), ["Omschrijving", "2022", "2023", "2024", "2025"]);
    const byLabel = new Map(budget.getSheetValues().slice(2).map((r) => [(r as unknown[])[1] as string, (r as unknown[]).slice(2)]));
    assert.deepEqual(byLabel.get("Totaal kosten"), [0, 74000, 16500, 12500]);
    assert.deepEqual(byLabel.get("Totaal dekking"), [0, 74000, 12500, 10000]);
    assert.deepEqual(byLabel.get("Tekort (kosten min dekking)"), [0, 0, 4000, 2500]);
    assert.deepEqual(byLabel.get("Dekking: gemeentelijke begroting"), [0, 0, 0, 10000]);
    assert.deepEqual(byLabel.get("2.1 Zorgcoördinator mensenhandel"), [0, 45000, 0, 0]);
  });
});
