import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { dutchDate } from "../../src/server/kernel/dutch-time.ts";
import { addDays } from "../../src/server/modules/care/calendar.ts";
import { demoIds, type DemoIds } from "../support/fixtures.ts";
import type { TestClient } from "../support/test-app.ts";
import { assertAccessiblePage, focusedElement, hasChromium, logIn, mainNav, startWebHarness, type WebHarness } from "./support/browser.ts";

/*
 * The care coordinator's pages in the browser: the overview with what waits for them (a referral from the
 * reporting route, transfers from another region, the shelters' occupancy), accepting the referral and
 * opening a file from it, answering the transfers, opening a file directly (with the error summary for the
 * client's and the server's objections), the list of files with its filters, and a police user who finds the
 * Dossiers menu with nothing in it yet. Screenshots of every page, at 1280 and 390 pixels wide, go to
 * /tmp/kz-shots for a person to look at.
 */
const SHOTS = "/tmp/kz-shots";
const FILE_URL = /\/zorg\/dossiers\/[0-9a-f-]{36}$/;

describe("care coordination: overview, files and opening a file, in the browser", { skip: hasChromium ? false : "no Chromium (set CHROMIUM_PATH)" }, () => {
  let h: WebHarness;
  let ids: DemoIds;
  let signalReference = "";
  const transferReferences: string[] = [];
  // One browser for the coordinator throughout: a second login within 30 seconds would reuse a TOTP code.
  let zorg: Awaited<ReturnType<WebHarness["newPage"]>>;

  const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ }).first();
  const text = async (page: Page) => (await page.locator("main").textContent()) ?? "";

  async function shoot(page: Page, name: string) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    // In pieces of 1,000 pixels, so a person can read them at full size.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, n = 1; y < height; y += 1000, n++) {
      await page.screenshot({ path: `${SHOTS}/${name}-390-${n}.png`, fullPage: true, clip: { x: 0, y, width: 390, height: Math.min(1000, height - y) } });
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.ok(overflow <= 0, `${name}: the page scrolls sideways at 390 pixels (${overflow}px)`);
  }

  async function ok(response: { statusCode: number; body: string; json(): unknown }, expected = [200, 201]) {
    assert.ok(expected.includes(response.statusCode), response.body);
    return response.json() as Record<string, unknown> & { id: string; reference: string };
  }

  /** A signal of Zevenaar with two presumed victims, referred to the care coordination by the focal officer. */
  async function referToCare(focal: TestClient) {
    const signal = await ok(await focal.request("POST", "/api/v1/signals", {
      municipalityId: ids.organisations.zevenaar,
      description: "Twee vrouwen werken zeven dagen per week in een nagelsalon en slapen in de achterkamer.",
      victims: [
        { name: "Andrzej Nowak", birthDate: "1990-04-01", nationality: "POL" },
        { name: "Ewa Kowalska", nationality: "POL" },
      ],
    }, { "idempotency-key": randomUUID() }));
    await ok(await focal.post(`/api/v1/signals/${signal.id}/transitions`, { to: "recorded" }));
    await ok(await focal.post(`/api/v1/signals/${signal.id}/transitions`, {
      to: "assessed", reason: "Geen BRP-gegevens nodig voor de zorg", urgency: "high", exploitationForms: ["labour"],
    }));
    await ok(await focal.post(`/api/v1/signals/${signal.id}/referrals`, {
      organisationId: ids.organisations.zorg, channel: "care_coordination", purpose: "Zorg en opvang voor de twee vrouwen", sharedParts: ["description", "victims"],
    }));
    return signal.reference;
  }

  /** A file of the IJsselland region, offered to the Gelderland care coordination. */
  async function offerTransfer(ijssel: TestClient, name: string) {
    const file = await ok(await ijssel.post("/api/v1/victim-files", { source: "police", person: { name }, ageGroup: "24_30", exploitationForms: ["sexual"] }));
    await ok(await ijssel.post(`/api/v1/victim-files/${file.id}/transfers`, {
      organisationId: ids.organisations.zorg,
      reason: "De cliënt verhuist naar Arnhem en wil daar verder.",
      legalBasis: "vital_interest",
      legalBasisNote: "De cliënt is in Arnhem in veiligheid; de zorg moet zonder onderbreking doorgaan.",
    }));
    return file.reference;
  }

  before(async () => {
    h = await startWebHarness();
    ids = await demoIds(h.t);
    signalReference = await referToCare(await h.t.login("aandacht@zevenaar.demo"));
    const ijssel = await h.t.login("zorg@ijsselland.demo");
    transferReferences.push(await offerTransfer(ijssel, "Maria Ionescu"), await offerTransfer(ijssel, "Oksana Melnyk"));
    // A colleague's client in the COSM shelter: the occupancy counts it, whoever coordinates the file.
    const colleague = await h.t.login("zorg2@zorgcoordinatie.demo");
    const placed = await ok(await colleague.post("/api/v1/victim-files", { source: "self", exploitationForms: ["labour"] }));
    const today = dutchDate(h.t.clock.now);
    await ok(await colleague.post(`/api/v1/victim-files/${placed.id}/shelter-placements`, {
      shelterOrganisationId: ids.organisations.opvang, placeType: "cosm", admittedOn: today,
    }));
    // The shelter's worker joins that file's case team, for the shelter and for a month.
    await ok(await colleague.post(`/api/v1/victim-files/${placed.id}/team-members`, {
      userId: ids.users["opvang@delinde.demo"], memberRole: "partner", purpose: "shelter", validUntil: addDays(today, 30),
      legalBasis: "vital_interest", legalBasisNote: "Opvang is nodig voor de veiligheid van de cliënt.",
    }));
  });
  after(() => h?.close());

  it("the coordinator finds the overview in the menu: the referral, two transfers and the shelter's occupancy", async () => {
    zorg = await h.newPage();
    const { page, problems } = zorg;
    await logIn(page, "zorg@zorgcoordinatie.demo");
    await page.getByRole("link", { name: "Zorgcoördinatie", exact: true }).first().waitFor();
    await assertAccessiblePage(page, "Welkom, Zara Zorg");
    await page.getByRole("heading", { level: 3, name: "Zorgcoördinatie" }).waitFor();
    await shoot(page, "zorg-home");
    await mainNav(page).getByRole("link", { name: "Dossiers" }).waitFor();
    await mainNav(page).getByRole("link", { name: "Zorgcoördinatie" }).click();
    await assertAccessiblePage(page, "Zorgcoördinatie");
    const referrals = page.getByRole("table", { name: "Doorverwijzingen zonder dossier" });
    await referrals.getByRole("link", { name: signalReference }).waitFor();
    assert.match((await referrals.textContent()) ?? "", /Gemeente Zevenaar.*Nieuw/);
    for (const reference of transferReferences) await page.getByRole("heading", { level: 3, name: `Dossier ${reference}` }).waitFor();
    assert.match(await text(page), /Regio IJsselland \(demo\)/);
    assert.match(await text(page), /De cliënt verhuist naar Arnhem/);
    const shelter = page.getByRole("table", { name: /^Bezetting op/ });
    const row = shelter.getByRole("row", { name: /Opvang De Linde/ });
    assert.deepEqual((await row.getByRole("cell").allTextContents()).map((c) => c.trim()), ["1", "0", "0", "0", "0", "1"]);
    assert.match(await text(page), /U coördineert op dit moment geen lopende trajecten/);
    assert.match(await text(page), /geen termijnen die deze week uw aandacht vragen/);
    await shoot(page, "zorg-overview");
    assert.deepEqual(problems, []);
  });

  it("accepts the referral, with the focus on the confirmation, and opens the file for the chosen victim", async () => {
    const { page, problems } = zorg;
    await page.getByRole("button", { name: `Accepteren (doorverwijzing van signaal ${signalReference})` }).click();
    await status(page).filter({ hasText: "geaccepteerd" }).waitFor();
    assert.equal((await focusedElement(page)).tag, "DIV");
    assert.match((await focusedElement(page)).text, /geaccepteerd/);
    await assertAccessiblePage(page, "Zorgcoördinatie");

    await page.getByRole("link", { name: `Dossier openen (uit signaal ${signalReference})` }).click();
    await page.waitForURL(/\/zorg\/dossiers\/nieuw\?doorverwijzing=/);
    await page.getByRole("radio", { name: /Andrzej Nowak, geboren 1 april 1990/ }).waitFor();
    await assertAccessiblePage(page, "Dossier openen");
    assert.match(await text(page), /Zorg en opvang voor de twee vrouwen/);
    assert.match(await text(page), /Omschrijving en Slachtoffers/);
    await shoot(page, "zorg-open-from-referral");

    // Two victims shared: the coordinator must say which one this file is for.
    await page.getByRole("button", { name: "Dossier openen" }).click();
    const summary = page.locator(".kz-error-summary").filter({ hasText: "Kies om welke persoon het gaat." });
    await summary.waitFor();
    assert.equal((await focusedElement(page)).tag, "DIV");
    await summary.getByRole("link", { name: "Kies om welke persoon het gaat." }).click();
    assert.equal((await focusedElement(page)).id, "field-signalPersonId");
    await page.getByRole("radio", { name: /Andrzej Nowak/ }).check();
    await page.getByLabel("Talen die de persoon spreekt").fill("pl, en");
    await page.getByRole("button", { name: "Dossier openen" }).click();
    await page.waitForURL(FILE_URL);
    const rows = await h.t.db.query<{ source: string; languages: unknown; referral_id: string | null }>(
      "select source, languages, referral_id from victim_files where id = $1",
      [page.url().split("/").pop()],
    );
    assert.equal(rows[0]?.source, "referral");
    assert.ok(rows[0]?.referral_id);
    assert.deepEqual(typeof rows[0]?.languages === "string" ? JSON.parse(rows[0].languages) : rows[0]?.languages, ["pl", "en"]);
    assert.deepEqual(problems, []);
  });

  it("declines one transfer with a reason and accepts the other, which opens the new file", async () => {
    const { page, problems } = zorg;
    await mainNav(page).getByRole("link", { name: "Zorgcoördinatie" }).click();
    await assertAccessiblePage(page, "Zorgcoördinatie");
    assert.doesNotMatch(await text(page), new RegExp(signalReference), "the referral has its file now");
    const [declined = "", accepted = ""] = transferReferences;
    const card = (reference: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `Dossier ${reference}` }) });

    await card(declined).getByRole("button", { name: "Overdracht weigeren" }).click();
    assert.equal((await focusedElement(page)).id, `field-declineReason-${(await h.t.db.query<{ id: string }>("select t.id from victim_file_transfers t join victim_files f on f.id = t.file_id where f.reference = $1", [declined]))[0]!.id}`);
    await card(declined).getByRole("button", { name: "Overdracht weigeren" }).click();
    await card(declined).locator(".kz-error-summary").filter({ hasText: "Schrijf op waarom u de overdracht weigert." }).waitFor();
    await card(declined).getByLabel("Waarom weigert u de overdracht?").fill("Wij hebben op dit moment geen plek; vraag het over twee weken opnieuw.");
    await assertAccessiblePage(page, "Zorgcoördinatie");
    await shoot(page, "zorg-transfer-decline");
    await card(declined).getByRole("button", { name: "Overdracht weigeren" }).click();
    await status(page).filter({ hasText: `overdracht van dossier ${declined} geweigerd` }).waitFor();
    assert.match((await focusedElement(page)).text, /geweigerd/);
    await page.getByRole("heading", { name: `Dossier ${declined}` }).waitFor({ state: "detached" });

    await card(accepted).getByRole("button", { name: "Overdracht accepteren" }).click();
    await page.waitForURL(FILE_URL);
    const files = await h.t.db.query<{ reference: string }>("select f.reference from victim_files f join victim_files old on old.id = f.transferred_from_id where old.reference = $1", [accepted]);
    assert.equal(files.length, 1);
    assert.deepEqual(problems, []);
  });

  it("opens a file directly: the client's and the server's objections in the error summary, then the file", async () => {
    const { page, problems } = zorg;
    await mainNav(page).getByRole("link", { name: "Zorgcoördinatie" }).click();
    await page.getByRole("link", { name: "Nieuw dossier openen" }).click();
    await assertAccessiblePage(page, "Dossier openen");

    await page.getByRole("textbox", { name: /^Naam/ }).fill("Amina Diallo");
    await page.getByLabel("Telefoonnummer").fill("bel mij");
    await page.getByRole("button", { name: "Dossier openen" }).click();
    const summary = page.locator(".kz-error-summary");
    await summary.filter({ hasText: "Kies hoe de persoon bij u is gekomen." }).waitFor();
    assert.match((await summary.textContent()) ?? "", /Vul een geldig telefoonnummer in/);
    await assertAccessiblePage(page, "Dossier openen");
    await shoot(page, "zorg-open-direct-errors");

    await page.getByRole("radio", { name: "Politie" }).check();
    await page.getByLabel("Telefoonnummer").fill("+31 6 12345678");
    await page.getByLabel("Leeftijdsgroep").selectOption({ label: "Jonger dan 18 jaar" });
    await page.getByLabel("Nationaliteit").selectOption({ label: "Anders" });
    await page.getByLabel("Landcode (drie letters)").fill("gin");
    await page.getByRole("checkbox", { name: "Arbeidsuitbuiting" }).check();
    await page.getByLabel("Hoe is de persoon in beeld gekomen?").fill("Aangetroffen bij een controle in een distributiecentrum.");

    // What the server refuses lands on the field it names, with the field's label, in the summary.
    await page.route("**/api/v1/victim-files", (route) =>
      route.request().method() === "POST"
        ? route.fulfill({
            status: 400,
            contentType: "application/problem+json",
            body: JSON.stringify({
              type: "https://ketenzicht.nl/problems/invalid_input", title: "Ongeldige invoer", status: 400, code: "invalid_input",
              detail: "Een of meer velden zijn niet goed ingevuld.",
              invalidParams: [{ name: "person.phone", code: "invalid_format", reason: "geen geldig telefoonnummer" }],
            }),
          })
        : route.continue(),
    );
    await page.getByRole("button", { name: "Dossier openen" }).click();
    const serverError = summary.getByRole("link", { name: "Telefoonnummer: geen geldig telefoonnummer" });
    await serverError.waitFor();
    await serverError.click();
    assert.equal((await focusedElement(page)).id, "field-phone");
    await page.unroute("**/api/v1/victim-files");

    await page.getByRole("button", { name: "Dossier openen" }).click();
    await page.waitForURL(FILE_URL);
    const rows = await h.t.db.query<{ source: string; age_group: string; nationality: string }>(
      "select source, age_group, nationality from victim_files where id = $1",
      [page.url().split("/").pop()],
    );
    assert.deepEqual({ ...rows[0] }, { source: "police", age_group: "under_18", nationality: "GIN" });
    assert.deepEqual(problems, []);
  });

  it("the overview now counts three files in intake and asks for the minor's youth route", async () => {
    const { page, problems } = zorg;
    await mainNav(page).getByRole("link", { name: "Zorgcoördinatie" }).click();
    await assertAccessiblePage(page, "Zorgcoördinatie");
    await page.getByRole("link", { name: "3 in intake" }).waitFor();
    const tasks = page.getByRole("table", { name: "Wat er deze week moet gebeuren" });
    assert.match((await tasks.textContent()) ?? "", /Minderjarige zonder jeugdroute/);
    const open = page.getByRole("table", { name: "Lopende trajecten die u coördineert" });
    assert.equal(await open.getByRole("row").count(), 4);
    assert.match((await open.textContent()) ?? "", /Minderjarig/);
    await shoot(page, "zorg-overview-with-files");
    assert.deepEqual(problems, []);
  });

  it("lists the coordinator's files with names, and filters by phase and by search", async () => {
    const { page, problems } = zorg;
    await mainNav(page).getByRole("link", { name: "Dossiers" }).click();
    await assertAccessiblePage(page, "Dossiers");
    await page.getByText("3 resultaten").waitFor();
    const table = page.getByRole("table", { name: "Uw dossiers" });
    for (const name of ["Andrzej Nowak", "Oksana Melnyk", "Amina Diallo"]) assert.match((await table.textContent()) ?? "", new RegExp(name));
    await shoot(page, "zorg-files");

    await page.getByLabel("Zoek op dossiernummer of naam").fill("diallo");
    await page.getByRole("button", { name: "Toepassen" }).click();
    await page.getByText("1 resultaat").waitFor();
    assert.match(new URL(page.url()).search, /q=diallo/);
    const reference = ((await table.getByRole("rowheader").first().textContent()) ?? "").trim();
    assert.match(reference, /^ZT-\d{4}-\d{5}$/);

    await page.getByLabel("Zoek op dossiernummer of naam").fill(reference);
    await page.getByRole("button", { name: "Toepassen" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === reference);
    await page.getByText("1 resultaat").waitFor();

    await page.getByLabel("Zoek op dossiernummer of naam").fill("");
    await page.getByLabel("Fase").selectOption({ label: "Afgesloten" });
    await page.getByRole("button", { name: "Toepassen" }).click();
    await page.getByText("Er zijn geen dossiers die aan deze filters voldoen.").waitFor();
    await assertAccessiblePage(page, "Dossiers");

    await page.getByLabel("Zoek op dossiernummer of naam").fill("x");
    await page.getByRole("button", { name: "Toepassen" }).click();
    await page.locator(".kz-error-summary").filter({ hasText: "Vul ten minste twee tekens in om te zoeken." }).waitFor();
    assert.deepEqual(problems, []);
  });

  it("the notifications name the offered transfers and lead to the overview", async () => {
    const { page, problems } = zorg;
    await mainNav(page).getByRole("link", { name: /^Meldingen/ }).click();
    await assertAccessiblePage(page, "Meldingen");
    const sentence = page.getByRole("cell", { name: new RegExp(`wil dossier ${transferReferences[1]} aan uw organisatie overdragen`) });
    await sentence.waitFor();
    await shoot(page, "zorg-notifications");
    await sentence.getByRole("link", { name: "Zorgcoördinatie" }).click();
    await page.waitForURL(/\/zorg$/);
    await assertAccessiblePage(page, "Zorgcoördinatie");
    assert.deepEqual(problems, []);
  });

  it("a police user finds Dossiers in the menu, not the coordinator's overview, and an empty list that says why", async () => {
    const { page, problems } = await h.newPage();
    await logIn(page, "politie@politie.demo");
    const nav = mainNav(page);
    await nav.getByRole("link", { name: "Dossiers" }).waitFor();
    assert.equal(await nav.getByRole("link", { name: "Zorgcoördinatie" }).count(), 0);
    await nav.getByRole("link", { name: "Dossiers" }).click();
    await assertAccessiblePage(page, "Dossiers");
    await page.getByText("U zit op dit moment niet in het casusteam van een dossier.", { exact: false }).waitFor();
    assert.match(await text(page), /alleen de onderdelen die nodig zijn voor het doel/);
    assert.equal(await page.getByRole("link", { name: "Nieuw dossier openen" }).count(), 0);
    await shoot(page, "police-files-empty");
    await page.goto("/zorg");
    await assertAccessiblePage(page, "Geen toegang");
    assert.deepEqual(problems, []);
  });

  it("a shelter worker on a case team sees the file with their role and purpose, not the name; in English too", async () => {
    const { page, problems } = await h.newPage();
    await logIn(page, "opvang@delinde.demo");
    await mainNav(page).getByRole("link", { name: "Dossiers" }).click();
    await assertAccessiblePage(page, "Dossiers");
    const table = page.getByRole("table", { name: "Uw dossiers" });
    await table.getByRole("rowheader").first().waitFor();
    const row = ((await table.getByRole("row").nth(1).textContent()) ?? "").replace(/\s+/g, " ");
    assert.match(row, /Ketenpartner, doel: opvang/);
    assert.match(row, /Zorgcoördinatie Mensenhandel Gelderland/);
    assert.equal(await table.getByRole("columnheader", { name: "Naam" }).count(), 0);
    await shoot(page, "shelter-files");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await assertAccessiblePage(page, "Files");
    assert.match((await page.getByRole("table", { name: "Your files" }).textContent()) ?? "", /Chain partner, purpose: shelter/);
    await shoot(page, "shelter-files-en");
    assert.deepEqual(problems, []);
  });
});
