import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { assertAccessiblePage, axeViolations, hasChromium, startWebHarness, type WebHarness } from "./support/browser.ts";

/*
 * A citizen without an account: finds the public page from the login page, reads what to do in danger,
 * and reports anonymously to their municipality.
 */
const SHOTS = process.env.SCREENSHOT_DIR ?? "/tmp/shots";

describe("an anonymous report by a citizen", { skip: hasChromium ? false : "no Chromium (set CHROMIUM_PATH)" }, () => {
  let h: WebHarness;
  before(async () => {
    h = await startWebHarness();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(() => h?.close());

  it("an anonymous visitor reads the 112 advice, reports, and gets a reference", async () => {
    const { page, problems } = await h.newPage();
    await page.goto("/inloggen");
    await page.getByRole("link", { name: "Iets gezien? Meld het anoniem" }).click();
    await page.waitForURL("**/melden");
    await assertAccessiblePage(page, "Mensenhandel herkennen en melden");
    const main = page.locator("main");
    assert.match((await main.textContent()) ?? "", /Bel dan meteen 112/);
    assert.match((await main.textContent()) ?? "", /0800-7000/);
    assert.match((await main.textContent()) ?? "", /comensha\.nl/);
    // The honeypot is there for bots, not for people: out of the tab order and hidden from assistive tech.
    assert.equal(await page.locator("#field-website").getAttribute("tabindex"), "-1");
    assert.equal(await page.getByRole("textbox", { name: "Website (niet invullen)" }).count(), 0);
    await page.getByLabel("Gemeente", { exact: true }).locator("option", { hasText: "Gemeente Zevenaar" }).waitFor({ state: "attached" });
    await page.screenshot({ path: `${SHOTS}/melden-desktop.png`, fullPage: true });

    // Nothing filled in: the error summary says what is missing, in Dutch.
    await page.getByRole("button", { name: "Melding versturen" }).click();
    await page.getByText("Er is iets niet goed ingevuld").waitFor();
    assert.match((await main.textContent()) ?? "", /Vul de gemeente in/);
    assert.deepEqual(await axeViolations(page), []);

    await page.getByLabel("Gemeente", { exact: true }).selectOption({ label: "Gemeente Zevenaar" });
    await page.getByLabel("Wat heeft u gezien of gehoord?").fill("Bij de autowasstraat aan de Hoofdstraat werken jongens die er ook lijken te slapen.");
    assert.match((await main.textContent()) ?? "", /Nog 4\.?9\d\d van 5\.?000 tekens over/);
    await page.getByLabel("Ik weet het adres (postcode en huisnummer)").check();
    await page.getByLabel("Postcode", { exact: true }).fill("6901 AB");
    await page.getByLabel("Huisnummer", { exact: true }).fill("12");
    await page.getByRole("button", { name: "Melding versturen" }).click();

    const reference = page.getByTestId("report-reference");
    await reference.waitFor();
    const text = (await reference.textContent()) ?? "";
    assert.match(text, /^ZEV-\d{4}-\d{5}$/);
    await assertAccessiblePage(page, "Mensenhandel herkennen en melden");
    assert.match((await main.textContent()) ?? "", /Is er toch gevaar\? Bel meteen 112/);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Bedankt, uw melding is ontvangen");

    const rows = await h.t.db.query<{ source: string; municipality_name: string }>(
      "select s.source, o.name as municipality_name from signals s join organisations o on o.id = s.municipality_id where s.reference = $1",
      [text],
    );
    assert.deepEqual(rows, [{ source: "citizen", municipality_name: "Gemeente Zevenaar" }]);
    await page.screenshot({ path: `${SHOTS}/melden-done-desktop.png`, fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("link", { name: "Nog een melding doen" }).click();
    await page.getByRole("button", { name: "Melding versturen" }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Anoniem melden bij uw gemeente");
    // A fresh visit on a phone.
    await page.goto("/melden");
    await page.getByRole("button", { name: "Melding versturen" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/melden-390-top.png` });
    await page.screenshot({ path: `${SHOTS}/melden-390.png`, fullPage: true });
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
  });
});
