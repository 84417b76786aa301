import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { assertAccessiblePage, hasChromium, logIn, mainNav, startWebHarness, type WebHarness } from "./support/browser.ts";

/*
 * Keeping the reporting route: the region administrator adds an indicator (a new catalogue version), the
 * municipality's administrator shortens a deadline, and the focal officer finds a new signal among their
 * notifications and marks everything read.
 */
const SHOTS = "/tmp/shots";

describe("administering the reporting route, and notifications", { skip: hasChromium ? false : "no Chromium (set CHROMIUM_PATH)" }, () => {
  let h: WebHarness;
  before(async () => {
    h = await startWebHarness();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(() => h?.close());

  it("the region administrator adds an indicator (version 2), rewords it, and retires one after confirming", async () => {
    const { page, problems } = await h.newPage();
    await logIn(page, "regiobeheer@arnhem.demo");
    await mainNav(page).getByRole("link", { name: "Indicatoren" }).click();
    await page.waitForURL("**/beheer/indicatoren");
    await page.getByText(/^Versie 1, gepubliceerd op/).waitFor();
    await assertAccessiblePage(page, "Indicatoren");
    await page.screenshot({ path: `${SHOTS}/indicators-v1.png`, fullPage: true });

    // Submitting the empty form: the error summary names what is missing.
    await page.getByRole("button", { name: "Indicator toevoegen" }).click();
    await page.getByRole("heading", { name: "Er is iets niet goed ingevuld" }).waitFor();
    await assertAccessiblePage(page, "Indicatoren");

    await page.getByLabel("Groep", { exact: true }).selectOption({ label: "Signalen van arbeidsuitbuiting" });
    await page.getByLabel("Nederlandse tekst", { exact: true }).fill("moet een deel van het loon contant terugbetalen aan de werkgever");
    await page.getByLabel("Engelse tekst", { exact: true }).fill("has to pay part of the wages back to the employer in cash");
    const ilo = page.getByRole("group", { name: "ILO-indicatoren waar deze indicator bij hoort" });
    await ilo.getByLabel("Inhouden van loon", { exact: true }).check();
    await ilo.getByLabel("Schuldslavernij", { exact: true }).check();
    await page.getByRole("button", { name: "Indicator toevoegen" }).click();
    await page.getByRole("status").getByText("Versie 2 van de indicatorenlijst is gepubliceerd.").waitFor();
    await page.getByText(/^Versie 2, gepubliceerd op/).waitFor();
    await page.getByRole("cell", { name: "moet een deel van het loon contant terugbetalen aan de werkgever", exact: true }).waitFor();
    const history = page.getByRole("table", { name: "Gepubliceerde versies, nieuwste eerst" });
    await history.getByRole("rowheader", { name: "2", exact: true }).waitFor();
    assert.equal(await history.getByRole("row").count(), 3, "header row and two versions");
    await assertAccessiblePage(page, "Indicatoren");
    await page.screenshot({ path: `${SHOTS}/indicators-v2.png`, fullPage: true });

    // Rewording the new indicator: its texts in a form below the group's table; publishing makes version 3.
    const added = page
      .getByRole("table", { name: "Indicatoren in de groep Signalen van arbeidsuitbuiting" })
      .getByRole("row")
      .filter({ hasText: "moet een deel van het loon contant terugbetalen aan de werkgever" });
    const addedCode = ((await added.getByRole("rowheader").textContent()) ?? "").trim();
    await page.getByRole("button", { name: `Indicator ${addedCode} wijzigen`, exact: true }).click();
    const reword = page.getByRole("group", { name: `Indicator ${addedCode} wijzigen` });
    assert.equal(await reword.getByLabel("Engelse tekst", { exact: true }).inputValue(), "has to pay part of the wages back to the employer in cash");
    await reword.getByLabel("Engelse tekst", { exact: true }).fill("has to pay part of their wages back to the employer in cash");
    await assertAccessiblePage(page, "Indicatoren");
    await reword.screenshot({ path: `${SHOTS}/indicators-reword.png` });
    await reword.getByRole("button", { name: "Wijziging publiceren" }).click();
    await page.getByText(/^Versie 3, gepubliceerd op/).waitFor();
    await page.getByRole("cell", { name: "has to pay part of their wages back to the employer in cash", exact: true }).waitFor();

    // Retiring asks first; confirming publishes version 4.
    const retire = page.getByRole("button", { name: /^Indicator \S+ intrekken$/ }).first();
    const label = (await retire.getAttribute("aria-label")) ?? "";
    const code = label.replace(/^Indicator (\S+) intrekken$/, "$1");
    await retire.click();
    await page.getByText(`Weet u zeker dat u indicator ${code} wilt intrekken?`, { exact: false }).waitFor();
    await assertAccessiblePage(page, "Indicatoren");
    await page.screenshot({ path: `${SHOTS}/indicators-retire-confirm.png` });
    await page.getByRole("button", { name: "Ja, intrekken" }).click();
    await page.getByText(/^Versie 4, gepubliceerd op/).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent ?? ""), await page.getByText(/^Versie 4, gepubliceerd op/).textContent(), "the focus goes to the new version");
    assert.equal(await page.getByRole("rowheader", { name: code, exact: true }).count(), 0, "the retired indicator is gone from the list");
    assert.deepEqual(problems, []);
  });

  it("the municipality's administrator sets the acute feedback deadline to 2 working days", async () => {
    const { page, problems } = await h.newPage();
    await logIn(page, "beheer@zevenaar.demo");
    await mainNav(page).getByRole("link", { name: "Meldroute" }).click();
    await page.waitForURL("**/beheer/meldroute");
    const municipality = page.getByLabel("Gemeente", { exact: true });
    await municipality.waitFor();
    assert.equal(await municipality.locator("option:checked").textContent(), "Gemeente Zevenaar");
    const acuteFeedback = page.getByRole("spinbutton", { name: "Acuut Terugkoppeling van de partner", exact: true });
    await acuteFeedback.waitFor();
    await assertAccessiblePage(page, "Meldroute");
    await page.screenshot({ path: `${SHOTS}/route-settings-before.png`, fullPage: true });

    await acuteFeedback.fill("200");
    await page.getByRole("button", { name: "Instellingen opslaan" }).click();
    await page.getByRole("heading", { name: "Er is iets niet goed ingevuld" }).waitFor();
    assert.equal(await acuteFeedback.getAttribute("aria-invalid"), "true");
    await assertAccessiblePage(page, "Meldroute");

    await acuteFeedback.fill("2");
    await page.getByRole("button", { name: "Instellingen opslaan" }).click();
    await page.getByRole("status").getByText("De instellingen van Gemeente Zevenaar zijn opgeslagen.").waitFor();

    await page.reload();
    await page.getByRole("spinbutton", { name: "Acuut Terugkoppeling van de partner", exact: true }).waitFor();
    assert.equal(await page.getByRole("spinbutton", { name: "Acuut Terugkoppeling van de partner", exact: true }).inputValue(), "2");
    await assertAccessiblePage(page, "Meldroute");
    await page.screenshot({ path: `${SHOTS}/route-settings-after.png`, fullPage: true });
    assert.deepEqual(problems, []);
  });

  it("the focal officer sees a notification of a new signal and marks all read", async () => {
    // A reporter submits a signal through the API: the focal officers of Zevenaar are notified.
    const reporter = await h.t.login("melder@zevenaar.demo");
    const region = (await reporter.get("/api/v1/regions")).json() as { items: { id: string }[] };
    const catalogue = (await reporter.get(`/api/v1/regions/${region.items[0]!.id}/indicator-catalogue`)).json() as {
      groups: { group: string; indicators: { code: string }[] }[];
    };
    const labour = catalogue.groups.find((g) => g.group === "labour")!.indicators;
    const zevenaar = (await h.t.db.query<{ id: string }>("select id from organisations where name = 'Gemeente Zevenaar'"))[0]!.id;
    const submitted = await reporter.request(
      "POST",
      "/api/v1/signals",
      { municipalityId: zevenaar, indicatorCodes: [labour[0]!.code], description: "Busje haalt elke ochtend om vijf uur mensen op bij het adres." },
      { "idempotency-key": randomUUID() },
    );
    assert.equal(submitted.statusCode, 201, submitted.body);
    const reference = (submitted.json() as { reference: string }).reference;

    const { page, problems } = await h.newPage();
    await logIn(page, "aandacht@zevenaar.demo");
    const navLink = mainNav(page).getByRole("link", { name: "Meldingen (1)", exact: true });
    await navLink.waitFor();
    await navLink.click();
    await page.waitForURL("**/meldingen");
    await page.getByRole("link", { name: reference, exact: true }).waitFor();
    const row = page.getByRole("row").filter({ hasText: reference });
    assert.match((await row.textContent()) ?? "", /^Nieuw/, "unread is said in words, not only by colour");
    await page.getByRole("status").getByText("U heeft 1 ongelezen melding.").waitFor();
    await assertAccessiblePage(page, "Meldingen");
    await page.screenshot({ path: `${SHOTS}/notifications-unread.png`, fullPage: true });

    await page.getByRole("button", { name: "Alles als gelezen markeren" }).click();
    await page.getByRole("status").getByText("Alle meldingen zijn als gelezen gemarkeerd.").waitFor();
    await mainNav(page).getByRole("link", { name: "Meldingen", exact: true }).waitFor();
    await page.getByRole("status").getByText("U heeft geen ongelezen meldingen.").waitFor();
    assert.match((await row.textContent()) ?? "", /^Gelezen/);
    await assertAccessiblePage(page, "Meldingen");
    await page.screenshot({ path: `${SHOTS}/notifications-read.png`, fullPage: true });
    assert.deepEqual(problems, []);
  });
});
