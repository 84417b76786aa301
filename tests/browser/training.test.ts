import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { createUser, demoIds, type DemoIds } from "../support/fixtures.ts";
import type { TestClient } from "../support/test-app.ts";
import { assertAccessiblePage, hasChromium, mainNav, startWebHarness, type WebHarness } from "./support/browser.ts";

/*
 * Expertise in the browser. Zevenaar's policy officer opens Deskundigheid, adds the front office team, adds
 * the CCV e-learning and a session of it, imports a participant list: first an Excel file with mistakes (a
 * table names every wrong row and nothing is stored), then a good CSV (checked first, then imported). She
 * corrects one result, sets a target of 75% of the front office by a date and sees it met. The focal officer sees the
 * coverage only. Axe on every page and state; screenshots to /tmp/kz/shots7-training-*.png.
 */
const SHOTS = "/tmp/kz";
const DAY = 86_400_000;

describe("expertise: offers, sessions, importing participants and coverage, in the browser", { skip: hasChromium ? false : "no Chromium (set CHROMIUM_PATH)" }, () => {
  let h: WebHarness;
  let ids: DemoIds;
  const c = {} as Record<"policy" | "focal", TestClient>;
  const day = (offset: number) => new Date(h.t.clock.now.getTime() + offset * DAY).toISOString().slice(0, 10);
  const dutch = (offset: number) => day(offset).split("-").reverse().join("-");

  before(async () => {
    h = await startWebHarness();
    const t = h.t;
    ids = await demoIds(t);
    const policy = await createUser(t, { organisationId: ids.organisations.zevenaar, roles: ["policy_officer"], displayName: "Pien Beleid" });
    c.policy = await t.login(policy.email, { totpSecret: policy.totpSecret });
    c.focal = await t.login("aandacht@zevenaar.demo");
    for (const [name, staffCount] of [["Handhaving", 3], ["Wijkteam", 6]] as const) {
      const res = await c.policy.post("/api/v1/training-teams", { name, staffCount });
      assert.equal(res.statusCode, 201, res.body);
    }
  });
  after(() => h?.close());

  const pageAs = (client: TestClient) => h.pageAs(client);

  async function shoot(page: Page, name: string) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/shots7-training-${name}.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/shots7-training-${name}-390.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.ok(overflow <= 0, `${name}: the page scrolls sideways at 390 pixels (${overflow}px)`);
  }
  const statusWith = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

  it("the policy officer adds a team, an offer and a session, imports participants and sets a target", async () => {
    const { page, problems } = await pageAs(c.policy);
    const title = "Deskundigheid Gemeente Zevenaar";
    await page.goto("/");
    await mainNav(page).getByRole("link", { name: "Deskundigheid" }).click();
    await assertAccessiblePage(page, title);

    // The front office team.
    await page.getByRole("button", { name: "Team toevoegen", expanded: false }).click();
    const teamForm = page.locator("#team-add-panel");
    await teamForm.getByRole("button", { name: "Team toevoegen" }).click();
    await teamForm.getByText("Er is iets niet goed ingevuld").waitFor();
    await assertAccessiblePage(page, title);
    await teamForm.getByLabel("Team", { exact: true }).fill("Publiekszaken");
    await teamForm.getByLabel("Aantal medewerkers").fill("4");
    await teamForm.getByRole("button", { name: "Team toevoegen" }).click();
    await statusWith(page, "Team Publiekszaken is toegevoegd.").waitFor();

    // The CCV e-learning.
    await page.getByRole("button", { name: "Aanbod toevoegen", expanded: false }).click();
    const offerForm = page.locator("#offer-add-panel");
    await offerForm.getByLabel("Soort").selectOption("e_learning");
    await offerForm.getByLabel("Titel").fill("E-learning Mensenhandel herkennen");
    await offerForm.getByLabel("Aanbieder (niet verplicht)").fill("CCV");
    await offerForm.getByLabel("Link (niet verplicht)").fill("https://www.hetccv.nl/");
    await offerForm.getByRole("button", { name: "Aanbod toevoegen" }).click();
    await statusWith(page, "Het aanbod “E-learning Mensenhandel herkennen” is toegevoegd.").waitFor();
    await page.getByRole("table", { name: "Trainingsaanbod van de gemeente" }).getByRole("link", { name: "E-learning Mensenhandel herkennen" }).click();

    // A session of it.
    await assertAccessiblePage(page, "E-learning Mensenhandel herkennen");
    await page.getByRole("button", { name: "Sessie toevoegen", expanded: false }).click();
    const sessionForm = page.locator("#session-add-panel");
    await sessionForm.getByLabel("Eerste dag").fill(day(-30));
    await sessionForm.getByLabel("Plaats (niet verplicht)").fill("Online");
    await sessionForm.getByRole("button", { name: "Sessie toevoegen" }).click();
    await statusWith(page, /De sessie van .* is toegevoegd\./).waitFor();
    await assertAccessiblePage(page, "E-learning Mensenhandel herkennen");
    await shoot(page, "offer");
    await page.getByRole("table", { name: "Sessies van “E-learning Mensenhandel herkennen”" }).getByRole("link", { name: /^Sessie van / }).click();
    await assertAccessiblePage(page, /^E-learning Mensenhandel herkennen: Sessie van /);

    // A bad Excel file: every wrong row is named, nothing is stored.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Deelnemers");
    for (const row of [
      ["naam", "team", "e-mail", "datum"],
      ["Anouk de Vries", "Publiekszaken", "anouk@zevenaar.nl", dutch(-20)],
      ["Daan Jansen", "Balie", "", ""],
      ["Fatima El Amrani", "Handhaving", "fatima@@zevenaar", ""],
      ["Anouk de Vries", "Publiekszaken", "", "31-02-2026"],
    ]) sheet.addRow(row);
    const bad = Buffer.from(await workbook.xlsx.writeBuffer());
    await page.getByLabel("Bestand").setInputFiles({ name: "deelnemers-fout.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bad });
    await page.getByRole("button", { name: "Inlezen" }).click();
    const errors = page.getByRole("table", { name: "Fouten per regel in deelnemers-fout.xlsx" });
    await errors.waitFor();
    const text = (await errors.textContent()) ?? "";
    for (const expected of [/Regel 3team.*Regel 3: het team “Balie” bestaat niet/, /Regel 4e-mail.*“fatima@@zevenaar” is geen geldig e-mailadres/, /Regel 5datum.*“31-02-2026” is geen geldige datum/, /Regel 5naam.*Regel 5: “Anouk de Vries” staat ook op regel 2/]) {
      assert.match(text, expected);
    }
    await page.getByText("3 regels hebben een fout. Er is niets ingelezen").waitFor();
    assert.equal(await page.getByRole("table", { name: "Deelnemers van de sessie" }).count(), 0, "nothing stored");
    await page.getByText("Er staan nog geen deelnemers op de lijst.").waitFor();
    await assertAccessiblePage(page, /Sessie van/);
    await shoot(page, "import-errors");

    // The good CSV: checked first, then imported.
    const csv = `naam;team;e-mail;status;datum\nAnouk de Vries;Publiekszaken;anouk@zevenaar.nl;afgerond;${dutch(-20)}\nDaan Jansen;Publiekszaken;;afgerond;\n` +
      `Jeroen Bakker;Publiekszaken;;afwezig;\nFatima El Amrani;Handhaving;;afgerond;\n`;
    await page.getByLabel("Bestand").setInputFiles({ name: "deelnemers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByLabel("Alleen controleren, nog niet inlezen").check();
    await page.getByRole("button", { name: "Controleren" }).click();
    await page.getByText("deelnemers.csv is in orde: 4 deelnemers kunnen worden ingelezen. Er is nog niets opgeslagen.").waitFor();
    await page.getByRole("table", { name: "Deelnemers die worden ingelezen uit deelnemers.csv" }).waitFor();
    await assertAccessiblePage(page, /Sessie van/);
    await page.getByLabel("Alleen controleren, nog niet inlezen").uncheck();
    await page.getByRole("button", { name: "Inlezen" }).click();
    await statusWith(page, "4 deelnemers zijn ingelezen uit deelnemers.csv.").waitFor();
    const participants = page.getByRole("table", { name: "Deelnemers van de sessie" });
    // The status comes with the reload of the list; wait for the list itself.
    await participants.getByRole("row").filter({ hasText: "Jeroen Bakker" }).filter({ hasText: "Afwezig" }).waitFor();
    assert.equal(await participants.getByRole("row").count(), 5);
    // Jeroen did finish after all: his result is corrected in his row.
    await participants.getByRole("button", { name: "Wijzigen: Jeroen Bakker" }).click();
    const change = page.getByRole("form", { name: "Wijzigen: Jeroen Bakker" });
    await change.getByLabel("Resultaat").selectOption("completed");
    await assertAccessiblePage(page, /Sessie van/);
    await shoot(page, "session-edit");
    await change.getByRole("button", { name: "Resultaat opslaan" }).click();
    await statusWith(page, "Het resultaat van Jeroen Bakker is opgeslagen.").waitFor();
    await participants.getByRole("row").filter({ hasText: "Jeroen Bakker" }).filter({ hasText: "Afgerond" }).waitFor();
    await assertAccessiblePage(page, /Sessie van/);
    await shoot(page, "session");

    // The target for the front office, and the coverage.
    await page.goto("/deskundigheid");
    await assertAccessiblePage(page, title);
    await page.getByRole("button", { name: "Doel stellen", expanded: false }).click();
    const targetForm = page.locator("#target-add-panel");
    await targetForm.getByLabel("Team", { exact: true }).selectOption({ label: "Publiekszaken" });
    await targetForm.getByLabel("Doel (procent getraind)").fill("75");
    await targetForm.getByLabel("Te halen op").fill(day(60));
    await targetForm.getByRole("button", { name: "Doel stellen" }).click();
    await statusWith(page, /^Doel gesteld: 75% van Publiekszaken getraind op /).waitFor();
    const coverage = page.getByRole("table", { name: /^Dekking per team op / });
    await coverage.getByRole("row").filter({ hasText: "Publiekszaken" }).filter({ hasText: /75%.*75% op .*: Gehaald/ }).waitFor();
    assert.match((await coverage.getByRole("row").filter({ hasText: "Handhaving" }).textContent()) ?? "", /33,3%.*Geen doel/);
    await assertAccessiblePage(page, title);
    await shoot(page, "coverage");
    assert.deepEqual(problems, []);
  });

  it("the focal officer sees the coverage only", async () => {
    const { page, problems } = await pageAs(c.focal);
    await page.goto("/");
    await mainNav(page).getByRole("link", { name: "Deskundigheid" }).click();
    await assertAccessiblePage(page, "Deskundigheid Gemeente Zevenaar");
    await page.getByRole("table", { name: /^Dekking per team op / }).getByRole("row").filter({ hasText: "Publiekszaken" }).waitFor();
    assert.equal(await page.getByRole("heading", { name: "Trainingsaanbod" }).count(), 0);
    assert.equal(await page.getByRole("button", { name: "Team toevoegen" }).count(), 0);
    await shoot(page, "focal");
    assert.deepEqual(problems, []);
  });
});
