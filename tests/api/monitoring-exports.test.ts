import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { LightMyRequestResponse } from "fastify";
import type { Actor } from "../../src/server/kernel/policy/policy.ts";
import { dashboardOf, resolveMonitorRequest, type MonitorRequest } from "../../src/server/modules/monitoring/dashboard.service.ts";
import { startExport, stopExports } from "../../src/server/modules/monitoring/exports.jobs.ts";
import { insertExport } from "../../src/server/modules/monitoring/exports.repository.ts";
import { actorOf, assertProblem, buildSignal, ok, pdfText } from "../support/conferences.ts";
import { demoIds, eventsSince, lastSeq, type DemoIds } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * Monitor exports over HTTP, on the Zevenaar data set (region Arnhem-Achterhoek 2019–2023: signals 57, 33, 53,
 * 74, 110 and care trajectories 42, 17, 23, 32, 48; Zevenaar 1, 0, 3, 3, 6, imported) plus signals recorded in
 * Ketenzicht this year and last. The internal export reproduces Zevenaar's table exactly; the published one
 * hides Zevenaar's 1, 0, 3, 3 as "<5". Jobs go from queued to done with their progress; only the requester
 * sees a job and its file; a policy officer gets published variants only; bad combinations are refused with
 * a code; the PDF reports open and name their sections (pages as PNG in /tmp/kz-shots/monitor-report-*.png);
 * each finished export writes one audit event without personal data; files expire after a day.
 */
type Json = Record<string, unknown>;
interface Job extends Json {
  id: string;
  status: string;
  progress: number;
  step: string | null;
  fileName: string | null;
  errorCode: string | null;
}

const SHOTS = "/tmp/kz-shots";
const THIS_YEAR = new Date().getFullYear();
const LAST_YEAR = THIS_YEAR - 1;
const HISTORIC = {
  region: { signals: [57, 33, 53, 74, 110], care_trajectories: [42, 17, 23, 32, 48] },
  zevenaar: { signals: [1, 0, 3, 3, 6] },
};
const poppler = !spawnSync("pdftoppm", ["-v"]).error && !spawnSync("pdftotext", ["-v"]).error;
const exportsUrl = "/api/v1/monitoring/exports";

describe("monitor exports: CSV, XLSX and PDF in the background, published with small numbers hidden", () => {
  let t: TestApp;
  let ids: DemoIds;
  const c = {} as Record<"focal" | "policy" | "coordinator" | "reporter", TestClient>;
  const year2023 = { from: "2023-01-01", to: "2023-12-31" };

  /** Polls the job until it is done or failed (the job runs after the 202). */
  async function finished(client: TestClient, id: string, seen: string[] = []): Promise<Job> {
    for (let i = 0; i < 600; i++) {
      const job = (await ok(client.get(`${exportsUrl}/${id}`))) as Job;
      seen.push(`${job.status}:${job.progress}`);
      if (job.status === "done" || job.status === "failed") return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.fail(`export ${id} did not finish`);
  }

  async function exported(client: TestClient, body: Json): Promise<{ job: Job; file: LightMyRequestResponse }> {
    const queued = (await ok(client.post(exportsUrl, body), 202)) as Job;
    assert.equal(queued.status, "queued");
    assert.equal(queued.progress, 0);
    const job = await finished(client, queued.id);
    assert.equal(job.status, "done", JSON.stringify(job));
    const file = await client.get(`${exportsUrl}/${job.id}/file`);
    assert.equal(file.statusCode, 200, file.body);
    return { job, file };
  }

  const csvRows = (file: LightMyRequestResponse) => {
    assert.deepEqual([...file.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], "a byte order mark for Excel");
    return parse(file.rawPayload.toString("utf8").slice(1), { delimiter: ";", relax_column_count: true }) as string[][];
  };

  /** Turns the PDF into PNG pages (60 dpi) named prefix-N.png in the screenshot folder; returns how many. */
  function pages(pdf: Buffer, prefix: string): number {
    mkdirSync(SHOTS, { recursive: true });
    for (const f of readdirSync(SHOTS).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith(".png"))) rmSync(join(SHOTS, f));
    const file = join(SHOTS, `${prefix}.pdf`);
    writeFileSync(file, pdf);
    const out = spawnSync("pdftoppm", ["-png", "-r", "60", file, join(SHOTS, prefix)], { encoding: "utf8" });
    assert.equal(out.status, 0, out.stderr);
    rmSync(file);
    return readdirSync(SHOTS).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith(".png")).length;
  }

  /** A queued dashboard export stored straight in the table, for a job the test runs with its own count. */
  function storedJob(actor: Actor, request: MonitorRequest) {
    const now = t.clock.now;
    return t.kernel.db.transaction((tx) => insertExport(tx, {
      requestedBy: actor.userId, organisationId: actor.organisationId, report: "dashboard", format: "xlsx", variant: "internal",
      params: { area: { kind: "municipality", id: request.area.id, name: request.area.name }, period: request.period, compare: false, tableId: null, year: null },
      step: "In de wachtrij", createdAt: now, expiresAt: new Date(now.getTime() + 3_600_000),
    }));
  }

  before(async () => {
    t = await startTestApp();
    ids = await demoIds(t);
    const zevenaar = ids.organisations.zevenaar;
    const importer = ids.users["aandacht@zevenaar.demo"]!;
    const now = t.clock.now.toISOString();
    const insert = async (municipalityId: string | null, measure: string, counts: number[]) => {
      for (const [i, count] of counts.entries()) {
        await t.db.query(
          "insert into monitor_historic_figures (region_id, municipality_id, year, measure, count, source, imported_by, imported_at) values ($1, $2, $3, $4, $5, $6, $7, $8)",
          [ids.regionId, municipalityId, 2019 + i, measure, count, "Zevenaar, Uitvoeringsplan mensenhandel 2024, tabel 1", importer, now],
        );
      }
    };
    await insert(null, "signals", HISTORIC.region.signals);
    await insert(null, "care_trajectories", HISTORIC.region.care_trajectories);
    await insert(zevenaar, "signals", HISTORIC.zevenaar.signals);

    // Recorded in Ketenzicht: this year 3 in Zevenaar, 6 in Arnhem; last year 7 in Zevenaar and 2 in Duiven.
    const reporter = ids.users["melder@zevenaar.demo"]!;
    const signal = (municipalityId: string, reporterTeam = "Team Publiekszaken") => buildSignal(t, { reporterId: reporter, municipalityId, reporterTeam });
    for (let i = 0; i < 3; i++) await signal(zevenaar);
    for (let i = 0; i < 6; i++) await signal(ids.organisations.arnhem, i % 2 ? "Team Werk en Inkomen" : "Team Publiekszaken");
    const earlier: string[] = [];
    for (let i = 0; i < 7; i++) earlier.push((await signal(zevenaar)).id);
    for (let i = 0; i < 2; i++) earlier.push((await signal(ids.organisations.duiven)).id);
    await t.db.query(
      `update signals set received_at = make_timestamptz($2, 1 + (array_position($1::uuid[], id) % 12), 10, 12, 0, 0, 'Europe/Amsterdam') where id = any($1::uuid[])`,
      [earlier, LAST_YEAR],
    );

    c.focal = await t.login("aandacht@zevenaar.demo");
    c.policy = await t.login("beleid@arnhem.demo");
    c.coordinator = await t.login("zorg@zorgcoordinatie.demo");
    c.reporter = await t.login("melder@zevenaar.demo");
  });
  after(() => t?.close());

  it("the internal CSV of the yearly table reproduces Zevenaar's table exactly; the job goes from queued to done", async () => {
    const queued = (await ok(c.focal.post(exportsUrl, { report: "table", format: "csv", tableId: "yearly", variant: "internal", area: ids.organisations.zevenaar, ...year2023 }), 202)) as Job;
    assert.deepEqual([queued.status, queued.progress, queued.step, queued.fileName], ["queued", 0, "In de wachtrij", null]);
    assert.equal(queued.variant, "internal");
    assert.deepEqual(queued.area, { kind: "municipality", id: ids.organisations.zevenaar, name: "Gemeente Zevenaar" });
    const seen: string[] = [];
    const job = await finished(c.focal, queued.id, seen);
    assert.deepEqual([job.status, job.progress, job.step, job.errorCode], ["done", 100, "Klaar", null]);
    // Progress only goes up.
    const progress = seen.map((s) => Number(s.split(":")[1]));
    assert.deepEqual(progress, [...progress].sort((a, b) => a - b));
    assert.match(job.fileName!, /^yearly-zevenaar-2023-01-01-2023-12-31-intern-\d{4}-\d{2}-\d{2}\.csv$/);

    const file = await c.focal.get(`${exportsUrl}/${job.id}/file`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers["content-type"], "text/csv; charset=utf-8");
    assert.equal(file.headers["content-disposition"], `attachment; filename="${job.fileName}"`);
    const rows = csvRows(file);
    assert.deepEqual(rows[0], ["Cijfer", "2019", "2020", "2021", "2022", "2023", "Ingelezen"]);
    assert.deepEqual(rows[1], ["Meldingen (regio)", "57", "33", "53", "74", "110", "alle"]);
    assert.deepEqual(rows[2], ["Zorgtrajecten (regio)", "42", "17", "23", "32", "48", "alle"]);
    assert.deepEqual(rows[3], ["Gemeente Zevenaar (meldingen)", "1", "0", "3", "3", "6", "alle"]);
    const footer = rows.slice(5).map((r) => r[0]).join("\n");
    assert.match(footer, /Intern — niet publiceren/);
    assert.match(footer, /Bron: Zevenaar, Uitvoeringsplan mensenhandel 2024, tabel 1/);
  });

  it("the published CSV and XLSX show Zevenaar's 1, 0, 3, 3 as <5 and every other figure exactly", async () => {
    const csv = await exported(c.focal, { report: "table", format: "csv", tableId: "yearly", variant: "published", area: ids.organisations.zevenaar, ...year2023 });
    assert.match(csv.job.fileName!, /-publicatie-/);
    const rows = csvRows(csv.file);
    assert.deepEqual(rows[1], ["Meldingen (regio)", "57", "33", "53", "74", "110", "alle"]);
    assert.deepEqual(rows[2], ["Zorgtrajecten (regio)", "42", "17", "23", "32", "48", "alle"]);
    assert.deepEqual(rows[3], ["Gemeente Zevenaar (meldingen)", "<5", "<5", "<5", "<5", "6", "alle"]);
    assert.match(rows.slice(5).map((r) => r[0]).join("\n"), /Afscherming: Aantallen onder de 5 \(ook 0\) zijn afgeschermd/);

    const xlsx = await exported(c.focal, { report: "table", format: "xlsx", tableId: "yearly", variant: "published", area: ids.organisations.zevenaar, ...year2023 });
    assert.equal(xlsx.file.headers["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.file.rawPayload as unknown as ArrayBuffer);
    assert.equal(book.worksheets[0]!.name, "Toelichting");
    const sheet = book.worksheets[1]!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    assert.deepEqual(values(2), ["Cijfer", "2019", "2020", "2021", "2022", "2023"]);
    assert.deepEqual(values(3), ["Meldingen (regio)", 57, 33, 53, 74, 110]);
    assert.deepEqual(values(4), ["Zorgtrajecten (regio)", 42, 17, 23, 32, 48]);
    assert.deepEqual(values(5), ["Gemeente Zevenaar (meldingen)", "<5", "<5", "<5", "<5", 6]);
  });

  it("the published workbook of the whole region dashboard leaves no hidden number recomputable from a total", async () => {
    const { job, file } = await exported(c.coordinator, { report: "dashboard", format: "xlsx", variant: "published", area: ids.regionId, from: `${LAST_YEAR}-01-01`, to: `${THIS_YEAR}-12-31` });
    assert.match(job.fileName!, /^monitor-arnhem-achterhoek-demo-/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    assert.ok(book.worksheets.length > 5, "a sheet per table");
    const byMunicipality = book.worksheets.find((s) => s.getCell("A1").value === "Meldingen per gemeente per jaar")!;
    assert.ok(byMunicipality, "the yearly table per municipality");
    const grid = byMunicipality.getSheetValues().slice(3).map((r) => (r as unknown[] | undefined)?.slice(2) ?? []).filter((r) => r.length > 0);
    const totalRow = grid.findIndex((_, i) => byMunicipality.getRow(i + 3).getCell(1).value === "Meldingen (regio)");
    assert.ok(totalRow > 0);
    for (let col = 0; col < grid[totalRow]!.length; col++) {
      const hidden = grid.slice(0, totalRow + 1).filter((r) => typeof r[col] === "string" && /^(<5|×)$/.test(r[col] as string)).length;
      assert.notEqual(hidden, 1, `column ${col + 2} holds exactly one hidden cell`);
    }
  });

  it("only the requester sees a job and its file; anyone else gets 404 as for a job that does not exist", async () => {
    const { job } = await exported(c.focal, { report: "table", format: "csv", tableId: "signals-by-source", area: ids.organisations.zevenaar });
    for (const other of [c.policy, c.coordinator, c.reporter]) {
      assertProblem(await other.get(`${exportsUrl}/${job.id}`), 404, "not_found");
      assertProblem(await other.get(`${exportsUrl}/${job.id}/file`), 404, "not_found");
    }
    assertProblem(await c.focal.get(`${exportsUrl}/00000000-0000-4000-8000-000000000000`), 404, "not_found");
    assertProblem(await t.client().get(`${exportsUrl}/${job.id}`), 401, "unauthenticated");
  });

  it("a policy officer gets published variants only: internal is 403, the default is published", async () => {
    assertProblem(await c.policy.post(exportsUrl, { report: "table", format: "csv", tableId: "yearly", variant: "internal", area: ids.organisations.zevenaar }), 403, "forbidden");
    assertProblem(await c.policy.post(exportsUrl, { report: "annual_report", format: "pdf", year: 2023, variant: "internal", area: ids.regionId }), 403, "forbidden");
    const { job, file } = await exported(c.policy, { report: "table", format: "csv", tableId: "yearly", area: ids.organisations.zevenaar, ...year2023 });
    assert.equal(job.variant, "published");
    assert.deepEqual(csvRows(file)[3], ["Gemeente Zevenaar (meldingen)", "<5", "<5", "<5", "<5", "6", "alle"]);
    // A reporter may not export the monitor at all, nor see that the area's monitor exists.
    assertProblem(await c.reporter.post(exportsUrl, { report: "table", format: "csv", tableId: "yearly", area: ids.organisations.zevenaar }), 404, "not_found");
  });

  it("refuses combinations that cannot be made with a code per field, and leaves no job behind", async () => {
    const before = await t.db.query<{ n: number }>("select count(*)::int as n from monitor_exports");
    const cases: [Json, string, string][] = [
      [{ report: "dashboard", format: "csv" }, "format", "format_not_available"],
      [{ report: "annual_report", format: "xlsx", year: 2023 }, "format", "format_not_available"],
      [{ report: "table", format: "pdf", tableId: "yearly" }, "format", "format_not_available"],
      [{ report: "table", format: "csv" }, "tableId", "required"],
      [{ report: "table", format: "csv", tableId: "no-such-table" }, "tableId", "unknown_table"],
      // A table that exists only for a region, asked for a municipality.
      [{ report: "table", format: "xlsx", tableId: "yearly-by-municipality", area: ids.organisations.zevenaar }, "tableId", "unknown_table"],
      [{ report: "annual_report", format: "pdf" }, "year", "required"],
      [{ report: "dashboard", format: "xlsx", year: 2023 }, "year", "not_allowed"],
      [{ report: "annual_report", format: "pdf", year: 2023, from: "2023-01-01" }, "from", "not_allowed"],
      [{ report: "evaluation_report", format: "pdf", from: "2024-01-01", to: "2023-01-01" }, "to", "period_reversed"],
      [{ report: "evaluation_report", format: "pdf", from: "2010-01-01", to: "2023-12-31" }, "to", "period_too_long"],
    ];
    for (const [body, param, code] of cases) assertProblem(await c.focal.post(exportsUrl, body), 400, "invalid_input", param, code);
    for (const body of [{ report: "poster", format: "pdf" }, { report: "table", format: "csv", tableId: "Yearly Table" }, { report: "annual_report", format: "pdf", year: 1200 }, { report: "dashboard", format: "xlsx", extra: 1 }]) {
      assertProblem(await c.focal.post(exportsUrl, body), 400, "invalid_input");
    }
    assertProblem(await c.focal.post(exportsUrl, { report: "dashboard", format: "xlsx", area: "00000000-0000-4000-8000-000000000000" }), 404, "not_found");
    assertProblem(await c.focal.get(`${exportsUrl}/not-a-uuid`), 400, "invalid_input");
    const afterwards = await t.db.query<{ n: number }>("select count(*)::int as n from monitor_exports");
    assert.equal(afterwards[0]!.n, before[0]!.n);
  });

  it("the annual report as PDF opens, names its sections and hides small numbers in the published version", { skip: !poppler && "poppler (pdftoppm, pdftotext) is not installed" }, async () => {
    const internal = await exported(c.focal, { report: "annual_report", format: "pdf", year: THIS_YEAR, variant: "internal", area: ids.organisations.zevenaar });
    assert.equal(internal.file.headers["content-type"], "application/pdf");
    assert.match(internal.job.fileName!, new RegExp(`^monitorrapport-${THIS_YEAR}-zevenaar-intern-`));
    assert.ok(pages(internal.file.rawPayload, "monitor-report-internal") >= 4, "the PDF converts into pages");
    const text = pdfText(internal.file.rawPayload);
    for (const expected of [
      `Monitor mensenhandel ${THIS_YEAR}`, "Gemeente Zevenaar", "Intern — niet publiceren", "Vergeleken met", "1. Signalen", "Signalen naar bron",
      "Samenwerking met ketenpartners", "Doorlooptijden in de meldroute", "Zorgtrajecten", "Welke zorg ontbreekt", "Werklast zorgcoördinatie", "Cijfers per jaar",
      "57*", "110*", "Over deze cijfers", "Telregels", "Ingelezen cijfers",
    ]) assert.ok(text.includes(expected), `the annual report holds "${expected}"`);

    const published = await exported(c.focal, { report: "annual_report", format: "pdf", year: THIS_YEAR, variant: "published", area: ids.organisations.zevenaar });
    assert.ok(pages(published.file.rawPayload, "monitor-report-published") >= 4);
    const publishedText = pdfText(published.file.rawPayload);
    for (const expected of ["Publicatieversie", "Afscherming van kleine aantallen", "<5*"]) assert.ok(publishedText.includes(expected), `the published report holds "${expected}"`);
    assert.ok(!/Gemeente Zevenaar \(meldingen\) 1\* 0\*/.test(publishedText), "Zevenaar's small numbers are not in the published report");
  });

  it("the evaluation report of a pilot year follows the Gooi en Vechtstreek points", { skip: !poppler && "poppler (pdftoppm, pdftotext) is not installed" }, async () => {
    const { job, file } = await exported(c.coordinator, { report: "evaluation_report", format: "pdf", area: ids.regionId, from: `${LAST_YEAR}-01-01`, to: `${LAST_YEAR}-12-31` });
    assert.match(job.fileName!, new RegExp(`^evaluatie-arnhem-achterhoek-demo-${LAST_YEAR}-01-01-${LAST_YEAR}-12-31-intern-`));
    assert.ok(pages(file.rawPayload, "monitor-report-evaluation") >= 4);
    const text = pdfText(file.rawPayload);
    for (const expected of [
      "Evaluatie pilotjaar mensenhandel", "Regio Arnhem-Achterhoek (demo)", "1. Signalen", "2. Vormen van uitbuiting", "3. De meldroute",
      "4. Samenwerking met opsporing en zorgpartners", "5. Welke zorg ontbreekt", "6. Werklast van de zorgcoördinator", "Signalen naar vorm van uitbuiting",
      "Gestarte zorgtrajecten naar vorm van uitbuiting", "Doorverwijzingen per ketenpartner",
    ]) assert.ok(text.includes(expected), `the evaluation report holds "${expected}"`);
  });

  it("every finished export writes one audit event with the report, format, variant, area and period, and no personal data", async () => {
    const seq = await lastSeq(t);
    await exported(c.focal, { report: "table", format: "xlsx", tableId: "signals-by-team", variant: "published", area: ids.organisations.zevenaar, from: `${THIS_YEAR}-01-01`, to: `${THIS_YEAR}-12-31` });
    const events = (await eventsSince(t, seq)).filter((e) => e.object_type === "monitor");
    assert.deepEqual(events.map((e) => e.action), ["export"]);
    const details = JSON.parse(events[0]!.details!) as Json;
    assert.deepEqual(details, {
      report: "table", format: "xlsx", variant: "published", area: ids.organisations.zevenaar, areaKind: "municipality",
      period: { from: `${THIS_YEAR}-01-01`, to: `${THIS_YEAR}-12-31` }, tableId: "signals-by-team",
    });
    assert.ok(!/Nowak|Busjesman|Mila|melder@/.test(events[0]!.details!));
  });

  it("files expire a day after the request: then the job and its file are gone", async () => {
    const { job } = await exported(c.focal, { report: "table", format: "csv", tableId: "signals-by-form", area: ids.organisations.zevenaar });
    t.clock.advance(24 * 3_600_000 + 60_000);
    // A day later the session has ended too: log in again.
    c.focal = await t.login("aandacht@zevenaar.demo");
    assertProblem(await c.focal.get(`${exportsUrl}/${job.id}`), 404, "not_found");
    assertProblem(await c.focal.get(`${exportsUrl}/${job.id}/file`), 404, "not_found");
    // The next request (or the deadline sweep) removes expired exports with their files.
    await exported(c.focal, { report: "table", format: "csv", tableId: "signals-by-form", area: ids.organisations.zevenaar });
    const left = await t.db.query<{ n: number }>("select count(*)::int as n from monitor_exports where id = $1", [job.id]);
    assert.equal(left[0]!.n, 0);
  });

  it("a job that breaks is marked failed with a stable code, and has no file", async () => {
    const actor = await actorOf(t, ids.users["aandacht@zevenaar.demo"]!);
    const request = await resolveMonitorRequest(t.kernel, t.db, actor, { area: ids.organisations.zevenaar });
    const row = await storedJob(actor, request);
    startExport(t.kernel, {
      id: row.id, actor, role: "focal_officer", report: "dashboard", format: "xlsx", request, tableId: null, year: null, clientAddress: "127.0.0.1",
      count: async () => {
        throw new Error("de database viel weg");
      },
    });
    const job = await finished(c.focal, row.id);
    assert.deepEqual([job.status, job.errorCode, job.step, job.fileName], ["failed", "export_failed", "Mislukt", null]);
    assertProblem(await c.focal.get(`${exportsUrl}/${row.id}/file`), 409, "conflict");
  });

  it("on shutdown the job in progress finishes and queued ones are marked interrupted, before the database closes", async () => {
    // A job held up while counting (its count waits for a gate), and one queued behind it.
    const actor = await actorOf(t, ids.users["aandacht@zevenaar.demo"]!);
    const request = await resolveMonitorRequest(t.kernel, t.db, actor, { area: ids.organisations.zevenaar });
    const held = await storedJob(actor, request);
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    startExport(t.kernel, {
      id: held.id, actor, role: "focal_officer", report: "dashboard", format: "xlsx", request, tableId: null, year: null, clientAddress: "127.0.0.1",
      count: async (kernel) => {
        await gate;
        return dashboardOf(kernel, kernel.db, request);
      },
    });
    // The held job starts after this tick and marks itself running in a transaction of its own: wait for that.
    const heldStatus = async () => ((await ok(c.focal.get(`${exportsUrl}/${held.id}`))) as Job).status;
    for (let i = 0; i < 250 && (await heldStatus()) === "queued"; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(await heldStatus(), "running");
    const queued = (await ok(c.focal.post(exportsUrl, { report: "dashboard", format: "xlsx", area: ids.organisations.zevenaar }), 202)) as Job;
    assert.equal(queued.status, "queued");

    const stopping = stopExports(t.kernel);
    release();
    await stopping;
    const status = async (id: string) => (await t.db.query<{ status: string; error_code: string | null }>("select status, error_code from monitor_exports where id = $1", [id]))[0]!;
    assert.deepEqual(await status(held.id), { status: "done", error_code: null });
    assert.deepEqual(await status(queued.id), { status: "failed", error_code: "interrupted" });
    assert.equal((await ok(c.focal.get(`${exportsUrl}/${queued.id}`))).errorCode, "interrupted");
    assertProblem(await c.focal.get(`${exportsUrl}/${queued.id}/file`), 409, "conflict");
  });
});
