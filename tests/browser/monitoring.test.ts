import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { buildSignal, pdfText, poppler } from "../support/conferences.ts";
import { demoIds, type DemoIds } from "../support/fixtures.ts";
import type { TestClient } from "../support/test-app.ts";
import { assertAccessiblePage, focusedElement, hasChromium, mainNav, startWebHarness, type WebHarness } from "./support/browser.ts";

/*
 * The monitor (issue 6) in the browser. The data set: the Zevenaar table imported as historic figures (region
 * Arnhem-Achterhoek 2019–2023: signals 57, 33, 53, 74, 110, care trajectories 42, 17, 23, 32, 48; Zevenaar 1, 0,
 * 3, 3, 6) and signals recorded in Ketenzicht: three in Zevenaar this year, seven in Zevenaar and two in Arnhem
 * last year. Zevenaar's focal officer opens the dashboard (exact figures), switches to last year, downloads a
 * table as CSV, all tables as XLSX and the annual report as PDF (turned into PNG pages and looked at), and reads
 * it in English. Arnhem's policy officer sees the published figures only, with Zevenaar's small numbers as "<5"
 * and no internal option. Axe runs on every state; screenshots go to /tmp/kz-shots/monitor-*.png.
 */
const SHOTS = "/tmp/kz-shots";
const TITLE = "Monitor mensenhandel";
const THIS_YEAR = new Date().getFullYear();
const LAST_YEAR = THIS_YEAR - 1;
const REGION = "Regio Arnhem-Achterhoek (demo)";
const HISTORIC = {
  region: { signals: [57, 33, 53, 74, 110], care_trajectories: [42, 17, 23, 32, 48] },
  zevenaar: { signals: [1, 0, 3, 3, 6] },
};

describe("the monitor in the browser", { skip: hasChromium ? false : "no Chromium (set CHROMIUM_PATH)" }, () => {
  let h: WebHarness;
  let ids: DemoIds;
  const c = {} as Record<"policy" | "focal", TestClient>;
  const pages = {} as Record<"policy" | "focal", { page: Page; problems: string[] }>;

  async function shoot(page: Page, name: string, phone = false) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/monitor-${name}.png`, fullPage: true });
    if (phone) {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${SHOTS}/monitor-${name}-390.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  }

  /** A browser page with the session of an API login (one TOTP login per account per 30 seconds). */
  const pageAs = (client: TestClient) => h.pageAs(client);

  /** Waits until the dashboard of this period is on screen (the status line names it), charts drawn. */
  async function shown(page: Page, text: string | RegExp) {
    await page.locator(".kz-monitor-shown").getByText(text).waitFor();
    await page.getByText("De grafiek wordt getekend…").first().waitFor({ state: "detached" });
  }

  /** A table by its caption, and one row of it as text ("Totaal 3"). */
  const table = (page: Page, caption: string | RegExp) => page.getByRole("table", { name: caption });
  async function rowText(t: Locator, header: string | RegExp): Promise<string> {
    const row = t.getByRole("row").filter({ has: t.page().getByRole("rowheader", { name: header }) });
    return (await row.innerText()).replace(/\s+/g, " ").trim();
  }
  async function columnHeaders(t: Locator): Promise<string[]> {
    return (await t.getByRole("columnheader").allInnerTexts()).map((s) => s.trim());
  }

  /** Clicks an export button, watches its progress and returns the downloaded file. */
  async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
    return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  }

  before(async () => {
    h = await startWebHarness();
    ids = await demoIds(h.t);
    const zevenaar = ids.organisations.zevenaar;
    const importer = ids.users["aandacht@zevenaar.demo"]!;
    const now = h.t.clock.now.toISOString();
    const insert = (municipalityId: string | null, measure: string, counts: number[]) =>
      Promise.all(counts.map((count, i) =>
        h.t.db.query(
          "insert into monitor_historic_figures (region_id, municipality_id, year, measure, count, source, imported_by, imported_at) values ($1, $2, $3, $4, $5, $6, $7, $8)",
          [ids.regionId, municipalityId, 2019 + i, measure, count, "Tabel Zevenaar (handmatig bijgehouden)", importer, now],
        )));
    await insert(null, "signals", HISTORIC.region.signals);
    await insert(null, "care_trajectories", HISTORIC.region.care_trajectories);
    await insert(zevenaar, "signals", HISTORIC.zevenaar.signals);

    const reporter = ids.users["melder@zevenaar.demo"]!;
    const signal = (municipalityId: string) => buildSignal(h.t, { reporterId: reporter, municipalityId, reporterTeam: "Team Publiekszaken" });
    for (let i = 0; i < 3; i++) await signal(zevenaar);
    const earlier: string[] = [];
    for (let i = 0; i < 7; i++) earlier.push((await signal(zevenaar)).id);
    for (let i = 0; i < 2; i++) earlier.push((await signal(ids.organisations.arnhem)).id);
    // Last year, spread over its months.
    await h.t.db.query(
      `update signals set received_at = make_timestamptz($2, 1 + (array_position($1::uuid[], id) % 12), 10, 12, 0, 0, 'Europe/Amsterdam'),
         updated_at = make_timestamptz($2, 1 + (array_position($1::uuid[], id) % 12), 10, 12, 0, 0, 'Europe/Amsterdam') where id = any($1::uuid[])`,
      [earlier, LAST_YEAR],
    );

    c.focal = await h.t.login("aandacht@zevenaar.demo");
    c.policy = await h.t.login("beleid@arnhem.demo");
    pages.focal = await pageAs(c.focal);
    pages.policy = await pageAs(c.policy);
  });
  after(() => h?.close());

  it("the focal officer opens the monitor from the menu: Zevenaar's exact figures, imported years marked, charts with their tables", async () => {
    const { page, problems } = pages.focal;
    await page.goto("/");
    await mainNav(page).getByRole("link", { name: "Monitor", exact: true }).click();
    await page.waitForURL("**/monitor");
    await shown(page, `Cijfers van Gemeente Zevenaar, 1 januari ${THIS_YEAR}`);
    await assertAccessiblePage(page, TITLE);
    await page.getByText("Exacte cijfers (intern): deel ze niet buiten uw organisatie.").waitFor();
    assert.equal(await page.getByRole("radio", { name: "Exacte cijfers (intern)" }).isChecked(), true);
    assert.equal(await page.getByRole("combobox", { name: "Gebied" }).inputValue(), ids.organisations.zevenaar);
    assert.equal(await page.getByLabel("Vanaf").inputValue(), `${THIS_YEAR}-01-01`);

    // The Zevenaar table: the imported years exactly, with their marker, then the recorded ones.
    const yearly = table(page, /^Meldingen en zorgtrajecten per jaar/);
    const headers = await columnHeaders(yearly);
    assert.deepEqual(headers.slice(1, 6), ["2019", "2020", "2021", "2022", "2023"]);
    assert.match(headers.at(-1)!, new RegExp(`^${THIS_YEAR}`));
    assert.match(await rowText(yearly, "Meldingen (regio)"), /^Meldingen \(regio\) 57\* \(geïmporteerd\) 33\* \(geïmporteerd\) 53\* \(geïmporteerd\) 74\* \(geïmporteerd\) 110\* \(geïmporteerd\) .* 3$/);
    assert.match(await rowText(yearly, "Zorgtrajecten (regio)"), /^Zorgtrajecten \(regio\) 42\* \(geïmporteerd\) 17\* \(geïmporteerd\) 23\* \(geïmporteerd\) 32\* \(geïmporteerd\) 48\* \(geïmporteerd\)/);
    assert.match(await rowText(yearly, "Gemeente Zevenaar (meldingen)"), /^Gemeente Zevenaar \(meldingen\) 1\* \(geïmporteerd\) 0\* \(geïmporteerd\) 3\* \(geïmporteerd\) 3\* \(geïmporteerd\) 6\* \(geïmporteerd\) .* 3$/);
    await page.getByText("geïmporteerd cijfer (van vóór Ketenzicht)").first().waitFor();
    assert.equal(await page.getByText("<5", { exact: true }).count(), 0, "no suppression in the internal view");

    // Every chart is a named image in a figure, with its table right after it.
    const charts = page.locator("figure.kz-monitor-chart svg[role=img]");
    assert.ok((await charts.count()) >= 2);
    const labels = await charts.evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute("aria-label")));
    assert.ok(labels.some((label) => /^Meldingen en zorgtrajecten per jaar\. De cijfers staan in de tabel Meldingen en zorgtrajecten per jaar/.test(label ?? "")), JSON.stringify(labels));
    const bySource = table(page, "Signalen naar bron");
    assert.match(await rowText(bySource, "Totaal"), /^Totaal 3$/);

    // The table of contents leads to the sections.
    const contents = page.getByRole("navigation", { name: "Inhoud" });
    await contents.getByRole("link", { name: "Signalen", exact: true }).click();
    await page.waitForURL(/#monitor-signals$/);
    assert.equal(await page.getByRole("link", { name: "Cijfers van vóór Ketenzicht (historische cijfers)" }).getAttribute("href"), "/monitor/historische-cijfers");
    await shoot(page, "focal", true);
    assert.deepEqual(problems, []);
  });

  it("changes the period to last year: the tables follow, the URL holds the choice and the back button returns", async () => {
    const { page, problems } = pages.focal;
    await page.getByRole("link", { name: "Vorig jaar", exact: true }).click();
    await page.waitForURL(new RegExp(`from=${LAST_YEAR}-01-01&to=${LAST_YEAR}-12-31`));
    await shown(page, `1 januari ${LAST_YEAR} tot en met 31 december ${LAST_YEAR}`);
    await assertAccessiblePage(page, TITLE);
    assert.match(await rowText(table(page, "Signalen naar bron"), "Totaal"), /^Totaal 7$/);
    const yearly = table(page, /^Meldingen en zorgtrajecten per jaar/);
    assert.equal((await columnHeaders(yearly)).at(-1), String(LAST_YEAR));
    assert.match(await rowText(yearly, "Meldingen (regio)"), / 9$/);
    assert.match(await rowText(yearly, "Gemeente Zevenaar (meldingen)"), / 7$/);
    assert.equal(await page.getByLabel("Tot en met").inputValue(), `${LAST_YEAR}-12-31`);
    assert.equal(await page.getByRole("link", { name: "Vorig jaar", exact: true }).getAttribute("aria-current"), "true");

    await page.goBack();
    await shown(page, `1 januari ${THIS_YEAR}`);
    assert.match(await rowText(table(page, "Signalen naar bron"), "Totaal"), /^Totaal 3$/);
    await page.goForward();
    await shown(page, `1 januari ${LAST_YEAR} tot en met 31 december ${LAST_YEAR}`);

    // The form with the comparison: a GET of the same page with the choice in the URL.
    await page.getByRole("checkbox", { name: "Vergelijk met een jaar eerder" }).check();
    await page.getByRole("button", { name: "Cijfers tonen" }).click();
    await page.waitForURL(/compare=true/);
    await shown(page, `Vergeleken met 1 januari ${LAST_YEAR - 1} tot en met 31 december ${LAST_YEAR - 1}`);
    await assertAccessiblePage(page, TITLE);
    await shoot(page, "focal-compare");
    assert.deepEqual(problems, []);
  });

  it("refuses a period that ends before it starts, in the error summary", async () => {
    const { page, problems } = pages.focal;
    await page.getByLabel("Vanaf").fill(`${LAST_YEAR}-06-01`);
    await page.getByLabel("Tot en met").fill(`${LAST_YEAR}-02-01`);
    await page.getByRole("button", { name: "Cijfers tonen" }).click();
    await page.getByRole("heading", { name: "Er is iets niet goed ingevuld" }).waitFor();
    assert.match((await focusedElement(page)).text, /^Er is iets niet goed ingevuld/);
    await page.getByRole("link", { name: /De datum “tot en met” ligt vóór de datum “vanaf”/ }).click();
    assert.equal((await focusedElement(page)).id, "field-to");
    await assertAccessiblePage(page, TITLE);

    // The server's refusal of a URL someone typed is shown the same way.
    await page.goto(`/monitor?from=${LAST_YEAR}-13-01`);
    await page.getByRole("heading", { name: "Er is iets niet goed ingevuld" }).waitFor();
    await page.getByRole("link", { name: /^Vanaf: / }).waitFor();
    await assertAccessiblePage(page, TITLE);
    await shoot(page, "errors");
    assert.deepEqual(problems, []);
  });

  it("downloads a table as CSV, all tables as XLSX and the annual report as PDF, with progress", async () => {
    const { page, problems } = pages.focal;
    await page.goto(`/monitor?from=${LAST_YEAR}-01-01&to=${LAST_YEAR}-12-31`);
    await shown(page, `1 januari ${LAST_YEAR} tot en met 31 december ${LAST_YEAR}`);
    await assertAccessiblePage(page, TITLE);

    const sourceDownloads = page.getByRole("group", { name: "Downloads van de tabel Signalen naar bron" });
    const csv = await download(page, sourceDownloads.getByRole("button", { name: "CSV van de tabel Signalen naar bron" }));
    assert.match(csv.name, /\.csv$/);
    const csvText = csv.bytes.toString("utf8");
    assert.match(csvText, /Totaal[;,]"?7"?/);
    await sourceDownloads.getByRole("status").getByText(`${csv.name} wordt gedownload`, { exact: false }).waitFor();
    await sourceDownloads.getByRole("link", { name: `${csv.name} opnieuw downloaden` }).waitFor();

    const exportsSection = page.getByRole("region", { name: "Downloaden" });
    const xlsx = await download(page, exportsSection.getByRole("button", { name: "Alles als XLSX" }));
    assert.match(xlsx.name, /\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const tablesOnPage = await page.locator("main table").count();
    assert.ok(book.worksheets.length >= tablesOnPage, `one sheet per table (${book.worksheets.length} sheets, ${tablesOnPage} tables)`);
    const cellsOf = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])).map((v) => (typeof v === "object" && v !== null && "result" in v ? v.result : v));
    const yearlySheet = book.worksheets.find((sheet) => cellsOf(sheet).includes("Gemeente Zevenaar (meldingen)"));
    assert.ok(yearlySheet, "the yearly table is in the workbook");
    const zevenaarRow = yearlySheet.getSheetValues().find((row) => Array.isArray(row) && row.includes("Gemeente Zevenaar (meldingen)")) as unknown[];
    assert.deepEqual(zevenaarRow.filter((v) => typeof v === "number").slice(0, 5), HISTORIC.zevenaar.signals);

    // The annual report of last year: the progress bar while the server composes it, then the file.
    await exportsSection.getByLabel("Jaar van de jaarrapportage").selectOption(String(LAST_YEAR));
    // Note every <progress> that appears while the report is made, with its label and the status text.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenProgress: string[] }).seenProgress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>("#monitor-exports progress");
        if (bar) seen.push(`${bar.labels[0]?.textContent ?? ""} ${bar.value}`);
      }).observe(document.getElementById("monitor-exports")!, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const pdf = await download(page, exportsSection.getByRole("button", { name: "Jaarrapportage (PDF)" }));
    const seen = await page.evaluate(() => (window as unknown as { seenProgress: string[] }).seenProgress);
    assert.ok(seen.some((s) => s.startsWith(`Voortgang: Jaarrapportage ${LAST_YEAR} (PDF)`)), `a labelled progress bar while the report is made: ${JSON.stringify(seen)}`);
    assert.match(pdf.name, /\.pdf$/);
    assert.equal(pdf.bytes.subarray(0, 5).toString(), "%PDF-");
    await exportsSection.getByRole("status").getByText(`Jaarrapportage ${LAST_YEAR} (PDF) is klaar`, { exact: false }).waitFor();
    await assertAccessiblePage(page, TITLE);
    await shoot(page, "downloads");
    if (poppler) {
      const text = pdfText(pdf.bytes.toString("base64"));
      for (const expected of ["Gemeente Zevenaar", "57", "110", String(LAST_YEAR)]) assert.ok(text.includes(expected), `PDF holds "${expected}"`);
      for (const old of readdirSync(SHOTS).filter((f) => f.startsWith("monitor-pdf-"))) rmSync(`${SHOTS}/${old}`);
      writeFileSync(`${SHOTS}/monitor-annual.pdf`, pdf.bytes);
      const png = spawnSync("pdftoppm", ["-png", "-r", "60", `${SHOTS}/monitor-annual.pdf`, `${SHOTS}/monitor-pdf`], { encoding: "utf8" });
      assert.equal(png.status, 0, png.stderr);
      assert.ok(readdirSync(SHOTS).filter((f) => f.startsWith("monitor-pdf-")).length >= 2, "the report has pages");
    }
    assert.deepEqual(problems, []);
  });

  it("reads the monitor in English", async () => {
    const { page, problems } = pages.focal;
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("heading", { level: 1, name: "Human trafficking monitor" }).waitFor();
    await assertAccessiblePage(page, "Human trafficking monitor");
    await page.getByRole("button", { name: "Everything as XLSX" }).waitFor();
    await page.getByText("imported figure (from before Ketenzicht)").first().waitFor();
    await shoot(page, "english");
    await page.getByRole("button", { name: "Wissel naar Nederlands" }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    assert.deepEqual(problems, []);
  });

  it("the policy officer sees published figures only: no internal option, Zevenaar's small numbers as <5", async () => {
    const { page, problems } = pages.policy;
    await page.goto("/");
    await mainNav(page).getByRole("link", { name: "Monitor", exact: true }).click();
    await shown(page, `Cijfers van Gemeente Arnhem, 1 januari ${THIS_YEAR}`);
    await assertAccessiblePage(page, TITLE);
    await page.getByText("Publicatieversie: aantallen onder 5 zijn afgeschermd.").waitFor();
    assert.equal(await page.getByRole("radio").count(), 0, "no choice of the internal figures");
    assert.equal(await page.getByText("Exacte cijfers (intern)").count(), 0);

    await page.getByRole("combobox", { name: "Gebied" }).selectOption({ label: REGION });
    await page.getByRole("link", { name: "Vorig jaar", exact: true }).click();
    await page.waitForURL(new RegExp(`area=${ids.regionId}&from=${LAST_YEAR}-01-01`));
    await shown(page, `Cijfers van ${REGION}, 1 januari ${LAST_YEAR}`);
    await assertAccessiblePage(page, TITLE);
    const byMunicipality = table(page, "Meldingen per gemeente per jaar");
    assert.match(await rowText(byMunicipality, "Gemeente Zevenaar"), /^Gemeente Zevenaar <5\* \(geïmporteerd\) <5\* \(geïmporteerd\) <5\* \(geïmporteerd\) <5\* \(geïmporteerd\) 6\* \(geïmporteerd\) /);
    await page.getByText("“<5”: minder dan 5 (ook 0). Kleine aantallen worden afgeschermd, zodat niemand herkenbaar is.").first().waitFor();
    const yearly = table(page, "Meldingen en zorgtrajecten per jaar");
    assert.match(await rowText(yearly, "Meldingen (regio)"), /^Meldingen \(regio\) 57\* \(geïmporteerd\) 33\* \(geïmporteerd\) 53\* \(geïmporteerd\) 74\* \(geïmporteerd\) 110\* \(geïmporteerd\)/);
    await shoot(page, "policy", true);

    // The published workbook says the same: "<5" for Zevenaar's small years.
    const xlsx = await download(page, page.getByRole("button", { name: "Alles als XLSX" }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets.find((s) => s.name.startsWith("Meldingen per gemeente per jaar"));
    assert.ok(sheet, `a sheet of the yearly table per municipality in ${JSON.stringify(book.worksheets.map((s) => s.name))}`);
    const zevenaar = (sheet.getSheetValues() as unknown[]).find((row): row is unknown[] => Array.isArray(row) && row[1] === "Gemeente Zevenaar");
    assert.ok(zevenaar, "Zevenaar's row is in the workbook");
    assert.deepEqual(zevenaar.filter((v) => v !== undefined && v !== null).slice(1, 6), ["<5", "<5", "<5", "<5", 6]);
    assert.deepEqual(problems, []);
  });
});
