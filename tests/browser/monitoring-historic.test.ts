import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { demoRegion } from "../../src/server/demo/demo-region.ts";
import { createUser, demoIds } from "../support/fixtures.ts";
import type { TestClient } from "../support/test-app.ts";
import { assertAccessiblePage, focusedElement, hasChromium, startWebHarness, type WebHarness } from "./support/browser.ts";

/*
 * Historic figures in the browser. The central municipality has imported the region's rows of the Zevenaar
 * table; Zevenaar's policy officer opens Historische cijfers, reads the format, imports a file with one wrong
 * line (the error table names it, the focus goes there, nothing is stored), checks the corrected file, imports
 * it and sees the figures in the table; she deletes one after confirming. A care coordinator only reads.
 * Axe on every page and state; screenshots to /tmp/kz-shots/monitor-historic-*.png.
 */
const SHOTS = "/tmp/kz-shots";
const PATH = "/monitor/historische-cijfers";
const TITLE = "Historische cijfers";
const SOURCE = "Zevenaar, Uitvoeringsplan mensenhandel 2024, tabel 1";
const REGION = demoRegion.name.replace(/^Regio /, "");
const regionCsv = [
  "niveau;gebied;jaar;meldingen;zorgtrajecten;bron",
  ...[[2019, 57, 42], [2020, 33, 17], [2021, 53, 23], [2022, 74, 32], [2023, 110, 48]].map(([y, s, c]) => `regio;${REGION};${y};${s};${c};"${SOURCE}"`),
].join("\n");
const zevenaarRows = (y2021: string) => [
  "niveau;gebied;jaar;meldingen;zorgtrajecten;bron",
  `gemeente;Zevenaar;2019;1;;"${SOURCE}"`,
  `gemeente;Zevenaar;2020;0;;"${SOURCE}"`,
  `gemeente;Zevenaar;2021;${y2021};;"${SOURCE}"`,
  `gemeente;Zevenaar;2022;3;;"${SOURCE}"`,
  `gemeente;Zevenaar;2023;6;;"${SOURCE}"`,
].join("\r\n");

describe("monitor: historic figures in the browser", { skip: hasChromium ? false : "no Chromium (set CHROMIUM_PATH)" }, () => {
  let h: WebHarness;
  const c = {} as Record<"zevenaar" | "coordinator", TestClient>;

  before(async () => {
    h = await startWebHarness();
    const t = h.t;
    const ids = await demoIds(t);
    const arnhem = await t.login("beleid@arnhem.demo");
    const region = await arnhem.post("/api/v1/monitoring/historic-figures", { fileName: "regio.csv", content: regionCsv });
    assert.equal(region.statusCode, 200, region.body);
    const policy = await createUser(t, { organisationId: ids.organisations.zevenaar, roles: ["policy_officer"], displayName: "Pien Beleid" });
    c.zevenaar = await t.login(policy.email, { totpSecret: policy.totpSecret });
    c.coordinator = await t.login("zorg@zorgcoordinatie.demo");
  });
  after(() => h?.close());

  const pageAs = (client: TestClient) => h.pageAs(client);

  async function shoot(page: Page, name: string) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/monitor-historic-${name}.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/monitor-historic-${name}-390.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.ok(overflow <= 0, `${name}: the page scrolls sideways at 390 pixels (${overflow}px)`);
  }
  const statusWith = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });
  const upload = (page: Page, name: string, text: string) => page.getByLabel("Bestand", { exact: true }).setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });

  it("Zevenaar's policy officer imports her row: a wrong line is named, the corrected file is checked, imported and shown", async () => {
    const { page, problems } = await pageAs(c.zevenaar);
    await page.goto(PATH);
    await assertAccessiblePage(page, TITLE);
    await page.getByText("U kunt cijfers inlezen voor: Gemeente Zevenaar.").waitFor();
    await page.getByRole("table", { name: "De kolommen van het bestand" }).waitFor();
    const example = page.getByRole("link", { name: "Voorbeeldbestand downloaden: de tabel van Zevenaar (CSV)" });
    const exampleFile = await page.request.get((await example.getAttribute("href"))!);
    assert.equal(exampleFile.status(), 200);
    assert.match(await exampleFile.text(), /^niveau;gebied;jaar;meldingen;zorgtrajecten;bron\r\nregio;Achterhoek\/Arnhem;2019;57;42;/);
    // The region's figures, imported by the central municipality: Zevenaar sees them but cannot delete them.
    const regionTable = page.getByRole("table", { name: `Ingelezen cijfers van ${demoRegion.name}` });
    assert.equal(await regionTable.getByRole("row").count(), 11);
    assert.equal(await regionTable.getByRole("button").count(), 0);
    await shoot(page, "start");

    // No file chosen: the field says so and gets the focus.
    await page.getByRole("button", { name: "Inlezen" }).click();
    await page.getByText("Kies een bestand.").waitFor();
    assert.equal((await focusedElement(page)).id, "field-historicFile");
    await assertAccessiblePage(page, TITLE);

    // One wrong line: the error table names it, nothing is stored.
    await upload(page, "zevenaar-fout.csv", zevenaarRows("drie"));
    await page.getByRole("button", { name: "Inlezen" }).click();
    const errors = page.getByRole("table", { name: "Fouten per regel in zevenaar-fout.csv" });
    await errors.waitFor();
    assert.match((await errors.textContent()) ?? "", /Regel 4meldingenRegel 4: het aantal meldingen “drie” is geen geheel getal/);
    await page.getByText("1 regel heeft een fout. Er is niets ingelezen; verbeter het bestand en lees het opnieuw in.").waitFor();
    await page.getByRole("heading", { name: "zevenaar-fout.csv is niet ingelezen" }).waitFor();
    assert.match((await focusedElement(page)).html, /kz-historic-result/, "the focus moves to the result");
    assert.equal(await page.getByRole("table", { name: "Ingelezen cijfers van Gemeente Zevenaar" }).count(), 0, "nothing stored");
    await assertAccessiblePage(page, TITLE);
    await shoot(page, "errors");

    // The corrected file: checked first, then imported.
    await upload(page, "zevenaar.csv", zevenaarRows("3"));
    await page.getByRole("button", { name: "Controleren" }).click();
    await page.getByText("5 cijfers in zevenaar.csv zijn in orde. Er is nog niets opgeslagen: kies Inlezen om ze op te slaan.").waitFor();
    const preview = page.getByRole("table", { name: "Wat er uit zevenaar.csv zou worden ingelezen" });
    assert.equal(await preview.getByRole("row").count(), 6);
    await assertAccessiblePage(page, TITLE);
    await shoot(page, "checked");
    await page.getByRole("button", { name: "Inlezen" }).click();
    await statusWith(page, "5 cijfers uit zevenaar.csv zijn ingelezen.").waitFor();
    const own = page.getByRole("table", { name: "Ingelezen cijfers van Gemeente Zevenaar" });
    await own.waitFor();
    assert.equal(await own.getByRole("row").count(), 6);
    const row2023 = (await own.getByRole("row").filter({ hasText: "2023" }).textContent()) ?? "";
    assert.match(row2023, /2023\s*Meldingen\s*6\s*Zevenaar, Uitvoeringsplan mensenhandel 2024, tabel 1\s*Pien Beleid/);
    await assertAccessiblePage(page, TITLE);
    await shoot(page, "imported");

    // Importing again replaces and says so.
    await upload(page, "correctie.csv", "niveau;gebied;jaar;meldingen;bron\ngemeente;Zevenaar;2023;7;Jaarverslag 2023\n");
    await page.getByRole("button", { name: "Inlezen" }).click();
    await statusWith(page, "1 cijfer uit correctie.csv is ingelezen. 1 daarvan verving een eerder ingelezen cijfer.").waitFor();
    await own.getByRole("row").filter({ hasText: "Jaarverslag 2023" }).waitFor();

    // Deleting asks first; "Nee" keeps it, "Ja" deletes it.
    await own.getByRole("button", { name: "Schrappen: meldingen 2019 van Gemeente Zevenaar" }).click();
    await page.getByText("Het ingelezen cijfer meldingen 2019 van Gemeente Zevenaar (1) schrappen?", { exact: false }).waitFor();
    await assertAccessiblePage(page, TITLE);
    await shoot(page, "confirm");
    await page.getByRole("button", { name: "Nee, terug" }).click();
    assert.equal((await focusedElement(page)).text, "Schrappen");
    await own.getByRole("button", { name: "Schrappen: meldingen 2019 van Gemeente Zevenaar" }).click();
    await page.getByRole("button", { name: "Ja, schrappen" }).click();
    await statusWith(page, "Het cijfer meldingen 2019 van Gemeente Zevenaar is geschrapt.").waitFor();
    await own.getByRole("row").filter({ hasText: "2019" }).waitFor({ state: "detached" });
    await own.getByRole("row").filter({ hasText: "2020" }).waitFor();
    assert.equal(await own.getByRole("row").count(), 5);
    await assertAccessiblePage(page, TITLE);
    assert.deepEqual(problems, []);
  });

  it("a care coordinator reads the figures but has nothing to import or delete", async () => {
    const { page, problems } = await pageAs(c.coordinator);
    await page.goto(PATH);
    await assertAccessiblePage(page, TITLE);
    await page.getByRole("table", { name: "Ingelezen cijfers van Gemeente Zevenaar" }).waitFor();
    assert.equal(await page.getByRole("heading", { name: "Cijfers inlezen" }).count(), 0);
    assert.equal(await page.getByRole("button", { name: /^Schrappen/ }).count(), 0);
    await shoot(page, "coordinator");
    assert.deepEqual(problems, []);
  });
});
