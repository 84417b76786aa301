import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { dateIn, ok } from "../support/conferences.ts";
import { demoIds, type DemoIds } from "../support/fixtures.ts";
import type { TestClient } from "../support/test-app.ts";
import { assertAccessiblePage, hasChromium, mainNav, startWebHarness, type WebHarness } from "./support/browser.ts";

/*
 * The social map in the browser, as its users use it. The focal officer of Zevenaar opens "Sociale kaart",
 * is told what is missing, then puts FairWork on the map with its offers, target group, phone and website and
 * a contact person; searches the map by offer and target group; and records a covenant with FairWork and the
 * shelter that ends in a month — it shows as lapsing soon, with the reminder date. A reporter reads the map
 * but cannot change it and sees no agreements. Axe runs on every page and state; screenshots go to
 * /tmp/kz/shots7-a-*.png.
 */
const SHOTS = "/tmp/kz";
const TITLE = "Sociale kaart";

describe("the social map in the browser", { skip: hasChromium ? false : "no Chromium (set CHROMIUM_PATH)" }, () => {
  let h: WebHarness;
  let ids: DemoIds;
  const c = {} as Record<"focal" | "admin" | "reporter", TestClient>;

  before(async () => {
    h = await startWebHarness();
    ids = await demoIds(h.t);
    // One API login per account; the browser takes the session over (a second TOTP login within 30 s would fail).
    c.focal = await h.t.login("aandacht@zevenaar.demo");
    c.admin = await h.t.login("beheer@zevenaar.demo");
    c.reporter = await h.t.login("melder@zevenaar.demo");
    // The shelter, an organisation in Ketenzicht, is on the map already.
    await ok(c.admin.post("/api/v1/social-map-entries", {
      organisationId: ids.organisations.opvang, name: "Opvang De Linde", description: "Categorale opvang voor vrouwen zonder Nederlandse nationaliteit.",
      offers: ["shelter", "cosm"], ageGroups: ["adults"], nationalities: ["non_dutch"], genders: ["female"], phone: "026 300 40 50", contacts: [],
    }), 201);
  });
  after(() => h?.close());

  const pageAs = (client: TestClient) => h.pageAs(client);

  async function shoot(page: Page, name: string) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/shots7-a-${name}.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/shots7-a-${name}-390.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.ok(overflow <= 0, `${name}: the page scrolls sideways at 390 pixels (${overflow}px)`);
  }

  const statusWith = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });
  const cards = (page: Page) => page.locator("article.kz-map-entry h3");

  it("the focal officer adds FairWork with its offers and a contact person, searches by offer and target group, and records a covenant", async () => {
    const { page, problems } = await pageAs(c.focal);
    await page.goto("/");
    await mainNav(page).getByRole("link", { name: TITLE }).click();
    await assertAccessiblePage(page, TITLE);
    assert.deepEqual(await cards(page).allTextContents(), ["Opvang De Linde"]);

    // Sent empty: each field says what is missing.
    await page.getByRole("button", { name: "Organisatie toevoegen", expanded: false }).click();
    const form = page.locator("#entry-add-panel");
    await form.getByRole("checkbox", { name: "Volwassenen" }).uncheck();
    await form.getByRole("button", { name: "Op de kaart zetten" }).click();
    await form.getByText("Er is iets niet goed ingevuld").waitFor();
    const errors = (await form.textContent()) ?? "";
    for (const message of ["Vul de naam van de organisatie in.", "Kies ten minste één aanbod.", "Kies ten minste één leeftijdsgroep."]) assert.ok(errors.includes(message), `${message} in ${errors}`);
    await assertAccessiblePage(page, TITLE);
    await shoot(page, "form-errors");

    await form.getByLabel("Naam van de organisatie").fill("FairWork");
    await form.getByLabel("Omschrijving (niet verplicht)").fill("Hulp voor vooral internationale slachtoffers van arbeidsuitbuiting.");
    for (const offer of ["Arbeidsrecht", "Juridische hulp", "Advies en expertise"]) await form.getByRole("checkbox", { name: offer, exact: true }).check();
    await form.getByRole("checkbox", { name: "Volwassenen" }).check();
    await form.getByLabel("Telefoon (niet verplicht)").fill("020 760 08 09");
    await form.getByLabel("Website (niet verplicht)").fill("www.fairwork.nl");
    await form.getByRole("button", { name: "Nog een contactpersoon" }).click();
    const contact = form.getByRole("group", { name: "Contactpersoon 1" });
    await contact.getByLabel("Naam", { exact: true }).fill("Fenna de Wit");
    await contact.getByLabel("Functie (niet verplicht)").fill("Casemanager");
    await contact.getByLabel("E-mailadres (niet verplicht)").fill("fenna@fairwork.example.nl");
    // The server refuses a web address without http(s): the message lands at the field.
    await form.getByRole("button", { name: "Op de kaart zetten" }).click();
    await form.getByText("een webadres dat met http:// of https:// begint").first().waitFor();
    await assertAccessiblePage(page, TITLE);
    await form.getByLabel("Website (niet verplicht)").fill("https://www.fairwork.nl");
    await form.getByRole("button", { name: "Op de kaart zetten" }).click();
    await statusWith(page, "FairWork staat op de sociale kaart.").waitFor();
    const card = page.locator("article.kz-map-entry").filter({ has: page.getByRole("heading", { name: "FairWork" }) });
    const cardText = (await card.textContent()) ?? "";
    for (const text of ["Arbeidsrecht", "Juridische hulp", "Werkt niet in Ketenzicht", "020 760 08 09", "Fenna de Wit, Casemanager", "fenna@fairwork.example.nl"]) {
      assert.ok(cardText.includes(text), `${text} in ${cardText}`);
    }
    await assertAccessiblePage(page, TITLE);

    // Search by offer and target group.
    const search = page.getByRole("search", { name: "Sociale kaart doorzoeken" });
    await search.getByLabel("Aanbod").selectOption({ label: "Arbeidsrecht" });
    await search.getByRole("button", { name: "Zoeken" }).click();
    await statusWith(page, "1 resultaat").waitFor();
    assert.deepEqual(await cards(page).allTextContents(), ["FairWork"]);
    await search.getByLabel("Aanbod").selectOption({ label: "COSM (categorale opvang)" });
    await search.getByLabel("Gender").selectOption({ label: "Vrouwen" });
    await search.getByRole("button", { name: "Zoeken" }).click();
    await page.waitForURL(/aanbod=cosm/);
    await page.getByRole("heading", { level: 3, name: "Opvang De Linde" }).waitFor();
    assert.deepEqual(await cards(page).allTextContents(), ["Opvang De Linde"]);
    await search.getByLabel("Gender").selectOption({ label: "Mannen" });
    await search.getByRole("button", { name: "Zoeken" }).click();
    await page.getByText("Geen organisaties gevonden die bij deze zoekvragen passen.").waitFor();
    await assertAccessiblePage(page, TITLE);
    await shoot(page, "search-empty");
    await page.getByRole("link", { name: "Filters wissen" }).click();
    await statusWith(page, "2 resultaten").waitFor();

    // A covenant with FairWork and the shelter that ends in a month: within the 60-day reminder period.
    await page.getByRole("button", { name: "Afspraak vastleggen", expanded: false }).click();
    const agreement = page.locator("#agreement-add-panel");
    await agreement.getByRole("radio", { name: "Convenant" }).check();
    await agreement.getByLabel("Titel").fill("Convenant opvang en arbeidsuitbuiting");
    await agreement.getByRole("checkbox", { name: "FairWork" }).check();
    await agreement.getByRole("checkbox", { name: "Opvang De Linde" }).check();
    await agreement.getByLabel("Ingangsdatum").fill(dateIn(h.t, -300));
    await agreement.getByLabel("Einddatum (niet verplicht)").fill(dateIn(h.t, 30));
    await agreement.getByLabel("Kenmerk of vindplaats van het document (niet verplicht)").fill("Z/2026/001");
    await agreement.getByRole("checkbox", { name: /Ahmed Aandacht/ }).waitFor();
    assert.equal(await agreement.getByRole("checkbox", { name: /Ahmed Aandacht/ }).isChecked(), true, "the author owns it by default");
    await assertAccessiblePage(page, TITLE);
    await agreement.getByRole("button", { name: "Afspraak vastleggen" }).click();
    await statusWith(page, "De afspraak Convenant opvang en arbeidsuitbuiting is vastgelegd.").waitFor();
    const row = page.getByRole("table", { name: "Samenwerkingsafspraken en convenanten" }).getByRole("row").filter({ hasText: "Convenant opvang en arbeidsuitbuiting" });
    const rowText = (await row.textContent()) ?? "";
    for (const text of ["Convenant", "Z/2026/001", "FairWork", "Opvang De Linde", "Ahmed Aandacht", "Loopt binnenkort af"]) assert.ok(rowText.includes(text), `${text} in ${rowText}`);
    await assertAccessiblePage(page, TITLE);
    await shoot(page, "agreement");
    assert.deepEqual(problems, []);
  });

  it("a reporter reads the map and its contact persons but changes nothing and sees no agreements", async () => {
    const { page, problems } = await pageAs(c.reporter);
    await page.goto("/");
    await mainNav(page).getByRole("link", { name: TITLE }).click();
    await assertAccessiblePage(page, TITLE);
    await page.getByRole("heading", { level: 3, name: "FairWork" }).waitFor();
    assert.ok(((await page.locator("main").textContent()) ?? "").includes("Fenna de Wit"));
    assert.equal(await page.getByRole("button", { name: "Organisatie toevoegen" }).count(), 0);
    assert.equal(await page.getByRole("button", { name: /wijzigen$/ }).count(), 0);
    assert.equal(await page.getByRole("heading", { name: "Samenwerkingsafspraken en convenanten" }).count(), 0);
    await shoot(page, "reporter");
    assert.deepEqual(problems, []);
  });
});
