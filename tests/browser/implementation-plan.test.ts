import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { pdfText, poppler } from "../support/conferences.ts";
import type { TestClient } from "../support/test-app.ts";
import { assertAccessiblePage, hasChromium, mainNav, startWebHarness, type WebHarness } from "./support/browser.ts";

/*
 * The implementation plan as Arnhem's policy officer keeps it (issue 7, part 4): they draw up a regional plan,
 * add an action line and an activity with partners, a lead time in quarters and a budget for two years, record
 * progress, change the status, read the overview's totals (costs, cover and the gap per year, the activity past
 * its end date) and download the progress report as PDF and XLSX. Zevenaar's focal officer reads the plan
 * without the forms. Axe runs on every page and state; screenshots go to /tmp/kz/shots7-plan-*.png.
 */
const SHOTS = "/tmp/kz";
const TITLE = "Uitvoeringsplan mensenhandel Arnhem-Achterhoek 2023–2025";
const LINE = "Eerder en beter in beeld";
const ACTIVITY = "Training signaleringsvaardigheden voor frontoffice en wijkteams";
const NOTE = "Eerste twee trainingen gegeven aan 40 medewerkers van de frontoffice.";

describe("the implementation plan in the browser", { skip: hasChromium ? false : "no Chromium (set CHROMIUM_PATH)" }, () => {
  let h: WebHarness;
  const c = {} as Record<"policy" | "focal", TestClient>;
  const pages = {} as Record<"policy" | "focal", { page: Page; problems: string[] }>;
  let planUrl = "";

  const status = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text }).first().waitFor();

  async function shoot(page: Page, name: string, phone = false) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/shots7-plan-${name}.png`, fullPage: true });
    if (phone) {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${SHOTS}/shots7-plan-${name}-390.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  }

  /** A browser page with the session of an API login (one TOTP login per account per 30 seconds). */
  const pageAs = (client: TestClient) => h.pageAs(client);

  async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
    return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  }

  before(async () => {
    h = await startWebHarness();
    c.policy = await h.t.login("beleid@arnhem.demo");
    c.focal = await h.t.login("aandacht@zevenaar.demo");
    pages.policy = await pageAs(c.policy);
    pages.focal = await pageAs(c.focal);
  });
  after(() => h?.close());

  it("the policy officer draws up a regional plan from the menu", async () => {
    const { page, problems } = pages.policy;
    await page.goto("/");
    await mainNav(page).getByRole("link", { name: "Uitvoeringsplan", exact: true }).click();
    await assertAccessiblePage(page, "Uitvoeringsplan");
    await page.getByText("Er is nog geen uitvoeringsplan.").waitFor();
    await page.getByRole("button", { name: "Nieuw plan opstellen" }).click();
    await page.getByRole("button", { name: "Plan opstellen", exact: true }).click();
    await page.getByRole("heading", { name: "Er is iets niet goed ingevuld" }).waitFor();
    await assertAccessiblePage(page, "Uitvoeringsplan");
    await page.getByRole("radio", { name: "Regionaal plan voor Regio Arnhem-Achterhoek (demo)" }).check();
    await page.getByLabel("Titel", { exact: true }).fill(TITLE);
    await page.getByLabel("Eerste jaar").fill("2023");
    await page.getByLabel("Laatste jaar").fill("2025");
    await assertAccessiblePage(page, "Uitvoeringsplan");
    await shoot(page, "new", true);
    await page.getByRole("button", { name: "Plan opstellen", exact: true }).click();
    await page.waitForURL(/\/uitvoeringsplan\/[0-9a-f-]{36}$/);
    planUrl = new URL(page.url()).pathname;
    await status(page, `Het plan “${TITLE}” is opgesteld.`);
    await assertAccessiblePage(page, TITLE);
    assert.deepEqual(problems, []);
  });

  it("adds an action line and an activity with partners, a lead time in quarters and a budget for two years", async () => {
    const { page, problems } = pages.policy;
    await page.getByRole("button", { name: "Actielijn toevoegen" }).click();
    await page.getByLabel("Titel van de actielijn").fill(LINE);
    await page.getByLabel("Doel").fill("Het signalerend vermogen van de gemeenten vergroten.");
    await assertAccessiblePage(page, TITLE);
    await page.getByRole("button", { name: "Actielijn toevoegen", exact: true }).last().click();
    await status(page, `Actielijn 1 “${LINE}” is toegevoegd.`);
    await page.getByRole("heading", { level: 3, name: `Actielijn 1: ${LINE}` }).waitFor();

    await page.getByRole("button", { name: "Activiteit toevoegen aan actielijn 1" }).click();
    const form = page.locator("#activity-add-1-panel");
    // Cover without its source is refused before anything is sent.
    await form.getByLabel("Dekking 2023", { exact: true }).fill("25000");
    await form.getByRole("button", { name: "Activiteit toevoegen", exact: true }).click();
    await form.getByRole("heading", { name: "Er is iets niet goed ingevuld" }).waitFor();
    await form.getByRole("link", { name: "Kies de bron van de dekking in 2023." }).waitFor();
    await assertAccessiblePage(page, TITLE);
    await shoot(page, "activity-errors");

    await form.getByLabel("Activiteit", { exact: true }).fill(ACTIVITY);
    await form.getByLabel(/^Beoogd resultaat/).fill("90% van de frontoffice herkent signalen van mensenhandel.");
    await form.getByLabel("Verantwoordelijke organisatie").selectOption({ label: "Gemeente Arnhem" });
    await form.getByRole("checkbox", { name: "Gemeente Zevenaar" }).check();
    await form.getByRole("checkbox", { name: "Politie Oost-Nederland (AVIM)" }).check();
    await form.getByLabel(/^Eerste kwartaal/).selectOption({ label: "2023 Q1" });
    await form.getByLabel(/^Laatste kwartaal/).selectOption({ label: "2024 Q4" });
    await form.getByLabel("Kosten 2023", { exact: true }).fill("25000");
    await form.getByLabel("Bron van de dekking 2023").selectOption({ label: "Decentralisatie-uitkering (DU VO)" });
    await form.getByLabel("Kosten 2024", { exact: true }).fill("12500");
    await form.getByLabel("Dekking 2024", { exact: true }).fill("10000");
    await form.getByLabel("Bron van de dekking 2024").selectOption({ label: "Gemeentelijke begroting" });
    await assertAccessiblePage(page, TITLE);
    await shoot(page, "activity-form", true);
    await form.getByRole("button", { name: "Activiteit toevoegen", exact: true }).click();
    await status(page, `Activiteit 1.1 “${ACTIVITY}” is toegevoegd.`);
    const card = page.getByRole("article", { name: `1.1 ${ACTIVITY}` });
    await card.getByText("Gemeente Zevenaar, Politie Oost-Nederland (AVIM)").waitFor();
    await card.getByText("2023 Q1 – 2024 Q4").waitFor();
    await assertAccessiblePage(page, TITLE);
    assert.deepEqual(problems, []);
  });

  it("records progress and changes the status; the overview adds up costs, cover and the gap and flags the activity past its end", async () => {
    const { page, problems } = pages.policy;
    const card = page.getByRole("article", { name: `1.1 ${ACTIVITY}` });
    await card.getByRole("button", { name: "Voortgang toevoegen aan 1.1" }).click();
    await card.getByLabel("Wat is er gedaan of bereikt?").fill(NOTE);
    await assertAccessiblePage(page, TITLE);
    await card.getByRole("button", { name: "Voortgang vastleggen" }).click();
    await status(page, "De voortgang van 1.1 is vastgelegd.");
    await card.getByText(NOTE).waitFor();
    await card.getByText(/Bas Beleid, Gemeente Arnhem/).first().waitFor();

    await card.getByRole("button", { name: "Status wijzigen van 1.1" }).click();
    await card.getByLabel("Nieuwe status").selectOption({ label: "In uitvoering" });
    await assertAccessiblePage(page, TITLE);
    await card.getByRole("button", { name: "Status opslaan" }).click();
    await status(page, "De status van 1.1 is nu: In uitvoering.");
    await card.getByText("Status gewijzigd van Niet gestart naar In uitvoering.").waitFor();

    const budget = page.getByRole("table", { name: "Begroting per jaar: kosten, dekking en tekort" });
    const row = async (label: string) => ((await budget.getByRole("row").filter({ has: page.getByRole("rowheader", { name: label, exact: true }) }).innerText()).replace(/\s+/g, " "));
    assert.match(await row("2023"), /€ 25\.000 € 25\.000 Geen tekort/);
    assert.match(await row("2024"), /€ 12\.500 € 10\.000 € 2\.500/);
    assert.match(await row("2025"), /€ 0 € 0 Geen tekort/);
    assert.match(await row("Totaal"), /€ 37\.500 € 35\.000 € 2\.500/);
    const statuses = page.getByRole("table", { name: "Activiteiten per status" });
    assert.match((await statuses.getByRole("row").filter({ hasText: "In uitvoering" }).innerText()).replace(/\s+/g, " "), /In uitvoering 1/);
    // The end of 2024 lies in the past: the activity in progress is overdue.
    await page.getByText("1 activiteit is over de einddatum en nog niet afgerond.").waitFor();
    await card.getByText("Over de einddatum").waitFor();
    await assertAccessiblePage(page, TITLE);
    await shoot(page, "overview", true);
    assert.deepEqual(problems, []);
  });

  it("downloads the progress report as PDF and as XLSX", async () => {
    const { page, problems } = pages.policy;
    const pdf = await download(page, "Download als PDF");
    assert.match(pdf.name, /^voortgang-uitvoeringsplan-mensenhandel-arnhem-achterhoek-2023-2025-\d{4}-\d{2}-\d{2}\.pdf$/);
    assert.equal(pdf.bytes.subarray(0, 5).toString(), "%PDF-");
    await status(page, `${pdf.name} is gedownload.`);
    if (poppler) {
      const text = pdfText(pdf.bytes.toString("base64"));
      for (const expected of [`Actielijn 1: ${LINE}`, "1.1 Training signaleringsvaardigheden", "In uitvoering", NOTE, "€ 25.000", "€ 12.500", "€ 10.000", "€ 2.500", "Totaal kosten"]) {
        assert.ok(text.includes(expected), `PDF holds "${expected}"`);
      }
    }
    const xlsx = await download(page, "Download als Excel (XLSX)");
    assert.match(xlsx.name, /\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    assert.deepEqual(book.worksheets.map((s) => s.name), ["Plan", "Activiteiten", "Begroting"]);
    assert.equal(book.getWorksheet("Activiteiten")!.getCell("C2").value, ACTIVITY);
    const totals = book.getWorksheet("Begroting")!.getSheetValues().find((r) => (r as unknown[])?.[1] === "Totaal kosten") as unknown[];
    assert.deepEqual(totals.slice(2), [25000, 12500, 0]);
    await assertAccessiblePage(page, TITLE);
    assert.deepEqual(problems, []);
  });

  it("Zevenaar's focal officer reads the plan without the forms", async () => {
    const { page, problems } = pages.focal;
    await page.goto("/");
    await mainNav(page).getByRole("link", { name: "Uitvoeringsplan", exact: true }).click();
    await assertAccessiblePage(page, "Uitvoeringsplan");
    assert.equal(await page.getByRole("button", { name: "Nieuw plan opstellen" }).count(), 0);
    await page.getByRole("link", { name: TITLE }).click();
    await page.waitForURL(`**${planUrl}`);
    await assertAccessiblePage(page, TITLE);
    await page.getByText("U kunt dit plan lezen. De beleidsmedewerkers van Gemeente Arnhem houden het bij.").waitFor();
    await page.getByRole("article", { name: `1.1 ${ACTIVITY}` }).getByText(NOTE).waitFor();
    for (const button of ["Actielijn toevoegen", "Activiteit toevoegen aan actielijn 1", "Status wijzigen van 1.1", "Voortgang toevoegen aan 1.1"]) {
      assert.equal(await page.getByRole("button", { name: button }).count(), 0, button);
    }
    assert.equal(await page.getByRole("button", { name: "Download als PDF" }).count(), 1);
    await shoot(page, "read-only");
    assert.deepEqual(problems, []);
  });
});
