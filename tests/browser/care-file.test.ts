import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Download, Locator, Page } from "playwright-core";
import { dutchDate } from "../../src/server/kernel/dutch-time.ts";
import { addDays } from "../../src/server/modules/care/calendar.ts";
import { assertAccessiblePage, hasChromium, logIn, startWebHarness, type WebHarness } from "./support/browser.ts";

/*
 * One victim file in the browser. The coordinator (whose session comes from the API login that opened the
 * file) records consent, needs, a goal, a service, a COSM placement and a reflection period, adds the police
 * user to the case team for the criminal investigation (after the server refused a purpose without consent),
 * and downloads the CoMensha registration and an HTCDS file (the latter on a legal basis, after the server
 * asked for one). The police user then sees person, exploitation and residence scheme only, read-only, and a
 * RIEC user finds nothing. Screenshots at 1280 and 390 pixels go to /tmp/kz-shots/file-*.png.
 */
const SHOTS = "/tmp/kz-shots";
const NAME = "Elena Popescu";

describe("one victim file: the coordinator's forms and a partner's view, in the browser", { skip: hasChromium ? false : "no Chromium (set CHROMIUM_PATH)" }, () => {
  let h: WebHarness;
  let fileUrl = "";
  let reference = "";
  let title = "";
  let today = "";
  // One browser for the coordinator throughout: a second login within 30 seconds would reuse a TOTP code.
  let zorg: Awaited<ReturnType<WebHarness["newPage"]>>;
  let zorgApi: Awaited<ReturnType<WebHarness["t"]["login"]>>;

  before(async () => {
    h = await startWebHarness();
    today = dutchDate(h.t.clock.now);
  });
  after(() => h?.close());

  const text = async (page: Page) => (await page.locator("main").textContent()) ?? "";
  const section = (page: Page, id: string) => page.locator(`section#${id}`);
  /** The message of a section's status region, once it has one. */
  const statusIn = (page: Page, id: string) => section(page, id).getByRole("status").filter({ hasText: /\S/ });
  /** A disclosure's toggle (its submit button may carry the same words, but is not expandable). */
  const open = (scope: Page | Locator, name: string) => scope.getByRole("button", { name, expanded: false }).click();

  async function shoot(page: Page, name: string) {
    mkdirSync(SHOTS, { recursive: true });
    // In pieces, so a person can read them at full size.
    const wide = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, n = 1; y < wide && n <= 12; y += 1000, n++) {
      await page.screenshot({ path: `${SHOTS}/file-${name}-1280-${n}.png`, fullPage: true, clip: { x: 0, y, width: 1280, height: Math.min(1000, wide - y) } });
    }
    await page.setViewportSize({ width: 390, height: 844 });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, n = 1; y < height && n <= 16; y += 1200, n++) {
      await page.screenshot({ path: `${SHOTS}/file-${name}-390-${n}.png`, fullPage: true, clip: { x: 0, y, width: 390, height: Math.min(1200, height - y) } });
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.ok(overflow <= 0, `${name}: the page scrolls sideways at 390 pixels (${overflow}px)`);
  }

  async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; content: string }> {
    const [download] = await Promise.all([page.waitForEvent("download"), click()]);
    const path = await download.path();
    return { download, content: readFileSync(path, "utf8") };
  }

  it("the coordinator records consent, the care plan, a placement, the reflection period, the team and both exports", async () => {
    // The file is opened through the API; the browser takes over that session (a second login would reuse the TOTP code).
    const api = await h.t.login("zorg@zorgcoordinatie.demo");
    zorgApi = api;
    const opened = await api.post("/api/v1/victim-files", {
      source: "police",
      person: { name: NAME, birthDate: "1996-05-12", gender: "female", phone: "+40 712 345 678" },
      nationality: "ROU",
      languages: ["ro", "en"],
      exploitationForms: ["sexual"],
      cameIntoView: "Aangetroffen bij een controle van de politie in een woning aan de rand van Arnhem.",
    });
    assert.equal(opened.statusCode, 201, opened.body);
    const file = opened.json() as { id: string; reference: string };
    reference = file.reference;
    title = `Dossier ${reference}`;
    fileUrl = `/zorg/dossiers/${file.id}`;

    zorg = await h.newPage();
    const { context, page, problems } = zorg;
    await context.addCookies([{ name: "kz_session", value: api.cookie!, domain: "127.0.0.1", path: "/", httpOnly: true, secure: true, sameSite: "Strict" }]);
    await page.goto(fileUrl);
    await assertAccessiblePage(page, title);
    const toc = page.getByRole("navigation", { name: "Op deze pagina" });
    for (const heading of ["Overzicht", "Persoon", "Toestemming", "Casusteam", "Zorgplan", "Opvang", "Verblijfsregeling (B8/3)", "Registratie", "Stappen in het traject", "Geschiedenis"]) {
      await toc.getByRole("link", { name: heading, exact: true }).waitFor();
    }
    assert.match(await text(page), new RegExp(NAME));

    // Consent: first the client-side checks, then consent for the criminal investigation by the police.
    const consent = section(page, "consent");
    await open(consent, "Toestemming vastleggen");
    const consentForm = page.locator("#consent-record-panel");
    await consentForm.getByRole("button", { name: "Toestemming vastleggen" }).click();
    await consentForm.getByText("Er is iets niet goed ingevuld").waitFor();
    assert.match((await consentForm.textContent()) ?? "", /Kies doel/);
    await assertAccessiblePage(page, title);
    await shoot(page, "consent-errors");
    await consentForm.getByLabel("Doel", { exact: true }).selectOption("criminal_investigation");
    await consentForm.getByLabel("Ontvangende organisatie").selectOption({ label: "Politie Oost-Nederland (AVIM)" });
    await consentForm.getByLabel("Hoe vastgelegd").selectOption("written");
    await consentForm.getByLabel("Er is een tolk gebruikt").check();
    await consentForm.getByRole("button", { name: "Toestemming vastleggen" }).click();
    await statusIn(page, "consent").filter({ hasText: "strafrechtelijk onderzoek" }).waitFor();
    assert.match((await consent.locator("table").textContent()) ?? "", /Politie Oost-Nederland \(AVIM\).*Gegeven/);

    // Needs in two domains, a goal and a service.
    const plan = section(page, "care-plan");
    await plan.getByRole("button", { name: "Wijzigen: Veiligheid" }).click();
    await page.locator("#need-edit-safety").getByRole("radio", { name: "Nodig", exact: true }).check();
    await page.locator("#need-edit-safety").getByLabel("Toelichting").fill("Dreiging vanuit het netwerk van de uitbuiter.");
    await page.locator("#need-edit-safety").getByRole("button", { name: "Opslaan" }).click();
    await statusIn(page, "care-plan").filter({ hasText: "Veiligheid" }).waitFor();
    await plan.getByRole("button", { name: "Wijzigen: Opvang en huisvesting" }).click();
    await page.locator("#need-edit-shelter_housing").getByRole("radio", { name: "Wordt geregeld", exact: true }).check();
    await page.locator("#need-edit-shelter_housing").getByRole("button", { name: "Opslaan" }).click();
    await statusIn(page, "care-plan").filter({ hasText: "Opvang en huisvesting" }).waitFor();
    const needs = (await plan.locator("table").first().textContent()) ?? "";
    assert.match(needs, /Dreiging vanuit het netwerk/);

    await open(plan, "Doel toevoegen");
    const goal = page.locator("#goal-add-panel");
    await goal.getByLabel("Domein").selectOption("safety");
    await goal.getByLabel("Omschrijving").fill("Een veilige verblijfplaats buiten Arnhem");
    await goal.getByLabel("Streefdatum").fill(addDays(today, 30));
    await goal.getByRole("button", { name: "Doel toevoegen" }).click();
    await statusIn(page, "care-plan").filter({ hasText: "doel is toegevoegd" }).waitFor();

    await open(plan, "Dienst inzetten");
    const service = page.locator("#service-add-panel");
    await service.getByLabel("Domein").selectOption("shelter_housing");
    await service.getByLabel("Soort dienst").selectOption("shelter");
    await service.getByLabel("Aanbieder").selectOption({ label: "Opvang De Linde (COSM)" });
    await service.getByRole("button", { name: "Dienst inzetten" }).click();
    await statusIn(page, "care-plan").filter({ hasText: "dienst is ingezet" }).waitFor();
    assert.match((await plan.textContent()) ?? "", /Een veilige verblijfplaats buiten Arnhem/);

    // A COSM placement in the demo shelter, and the reflection period.
    await open(section(page, "shelter"), "Plaatsing vastleggen");
    const placement = page.locator("#placement-add-panel");
    await placement.getByLabel("Opvang", { exact: true }).selectOption({ label: "Opvang De Linde (COSM)" });
    await placement.getByRole("radio", { name: "COSM-plaats", exact: true }).check();
    await placement.getByRole("button", { name: "Plaatsing vastleggen" }).click();
    await statusIn(page, "shelter").filter({ hasText: "Opvang De Linde" }).waitFor();
    assert.match((await section(page, "shelter").textContent()) ?? "", /Verblijft hier nu/);

    await open(section(page, "residence"), "Bedenktijd vastleggen");
    await page.locator("#reflection-start-panel").getByRole("button", { name: "Bedenktijd vastleggen" }).click();
    await statusIn(page, "residence").filter({ hasText: "bedenktijd is vastgelegd" }).waitFor();
    const timeline = section(page, "residence").locator("ol.kz-timeline");
    assert.deepEqual(
      (await timeline.locator("li").allTextContents()).map((t) => t.replace(/^.*?\d{4}/, "").trim()),
      ["Bedenktijd aangeboden", "Bedenktijd eindigt (nog niet bereikt)"],
    );
    assert.match((await section(page, "residence").textContent()) ?? "", /Loopt nog \d+ dagen/);

    // The case team: without consent for the residence procedure the server asks for a legal basis.
    const team = section(page, "team");
    await open(team, "Iemand aan het casusteam toevoegen");
    const member = page.locator("#team-add-panel");
    await member.getByLabel("Organisatie", { exact: true }).selectOption({ label: "Politie Oost-Nederland (AVIM)" });
    await member.getByLabel("Medewerker").selectOption({ label: "Pieter Politie" });
    await member.getByLabel("Doel", { exact: true }).selectOption("residence_procedure");
    await member.getByLabel("Toegang tot en met").fill(addDays(today, 90));
    await member.getByRole("button", { name: "Toevoegen aan het casusteam" }).click();
    await member.getByText(/kan niet: er is geen toestemming vastgelegd/).first().waitFor();
    await member.getByLabel("Grondslag", { exact: true }).waitFor();
    await assertAccessiblePage(page, title);
    await shoot(page, "team-consent-required");
    // With consent for the criminal investigation, no basis is needed.
    await member.getByLabel("Doel", { exact: true }).selectOption("criminal_investigation");
    await member.getByLabel("Delen zonder toestemming, op een wettelijke grondslag").uncheck();
    await member.getByRole("button", { name: "Toevoegen aan het casusteam" }).click();
    await statusIn(page, "team").filter({ hasText: "Pieter Politie is toegevoegd" }).waitFor();
    const teamTable = (await team.locator("table").textContent()) ?? "";
    assert.match(teamTable, /Pieter Politie.*Politie Oost-Nederland \(AVIM\).*Strafrechtelijk onderzoek/);
    assert.match(teamTable, /Toestemming van de cliënt/);

    // CoMensha: consent first (CoMensha is the default party), then the download, then the registration.
    await open(consent, "Toestemming vastleggen");
    await consentForm.getByLabel("Doel", { exact: true }).selectOption("comensha_registration");
    assert.equal(await consentForm.getByLabel("Naam van de ontvanger").inputValue(), "CoMensha");
    await consentForm.getByLabel("Hoe vastgelegd").selectOption("verbal");
    await consentForm.getByRole("button", { name: "Toestemming vastleggen" }).click();
    await statusIn(page, "consent").filter({ hasText: "registratie bij CoMensha" }).waitFor();

    const registration = section(page, "registration");
    const comensha = await downloaded(page, () => registration.getByRole("button", { name: "Registratiebestand downloaden" }).click());
    assert.equal(comensha.download.suggestedFilename(), `comensha-${reference}.csv`);
    assert.match(comensha.content, /oost_nederland|Oost-Nederland/i);
    await statusIn(page, "registration").filter({ hasText: `comensha-${reference}.csv is gedownload` }).waitFor();
    await open(registration, "Registratie bij CoMensha vastleggen");
    await page.locator("#comensha-register-panel").getByLabel("Registratienummer van CoMensha").fill("CM-2026-0412");
    await page.locator("#comensha-register-panel").getByRole("button", { name: "Registratie vastleggen" }).click();
    await statusIn(page, "registration").filter({ hasText: "registratie bij CoMensha is vastgelegd" }).waitFor();
    assert.match((await registration.textContent()) ?? "", /CM-2026-0412/);

    // HTCDS for an international partner: no consent for that recipient, so the coordinator states a basis.
    await open(registration, "HTCDS-bestand maken");
    const htcds = page.locator("#htcds-export-panel");
    await htcds.getByLabel("Ontvanger").fill("IOM Roemenië");
    await htcds.getByRole("button", { name: "HTCDS-bestand downloaden" }).click();
    await htcds.getByLabel("Grondslag", { exact: true }).waitFor();
    await htcds.getByText(/geen geldige toestemming om gegevens uit te wisselen met IOM Roemenië/).first().waitFor();
    await assertAccessiblePage(page, title);
    await shoot(page, "htcds-basis");
    await htcds.getByLabel("Grondslag", { exact: true }).selectOption("vital_interest");
    await htcds.getByLabel("Toelichting op de grondslag").fill("Terugkeer naar Roemenië wordt voorbereid; de opvang daar heeft de gegevens nodig.");
    const exported = await downloaded(page, () => htcds.getByRole("button", { name: "HTCDS-bestand downloaden" }).click());
    assert.equal(exported.download.suggestedFilename(), `htcds-${reference}.json`);
    assert.doesNotThrow(() => JSON.parse(exported.content));
    assert.doesNotMatch(exported.content, new RegExp(NAME));
    await statusIn(page, "registration").filter({ hasText: `htcds-${reference}.json voor IOM Roemenië is gedownload` }).waitFor();

    const history = (await section(page, "history").textContent()) ?? "";
    for (const entry of ["Toestemming gegeven voor strafrechtelijk onderzoek", "Instroom in Opvang De Linde (COSM)", "Toegevoegd aan het casusteam: Politie Oost-Nederland (AVIM)", "Registratiebestand voor CoMensha gemaakt (CSV)", "HTCDS-bestand gemaakt voor IOM Roemenië (JSON)"]) {
      assert.ok(history.includes(entry), `history has "${entry}"`);
    }
    await assertAccessiblePage(page, title);
    await shoot(page, "coordinator");
    assert.deepEqual(problems, []);
  });

  it("the police user sees person, exploitation and residence scheme, read-only, and nothing else", async () => {
    const { page, problems } = await h.newPage();
    await logIn(page, "politie@politie.demo");
    await page.goto(fileUrl);
    await assertAccessiblePage(page, title);
    const main = await text(page);
    assert.match(main, /U ziet de delen van dit dossier die nodig zijn voor uw doel: strafrechtelijk onderzoek\./);
    assert.match(main, /Zara Zorg/);
    assert.match(main, new RegExp(NAME));
    assert.match(main, /Bedenktijd aangeboden/);
    const headings = await page.locator("main h2").allTextContents();
    for (const seen of ["Overzicht", "Persoon", "Uitbuiting en hoe de persoon in beeld kwam", "Verblijfsregeling (B8/3)"]) assert.ok(headings.includes(seen), `sees ${seen}`);
    for (const unseen of ["Zorgplan", "Opvang", "Toestemming", "Casusteam", "Registratie", "Geschiedenis", "Stappen in het traject"]) {
      assert.ok(!headings.includes(unseen), `does not see ${unseen}`);
    }
    assert.doesNotMatch(main, /Opvang De Linde|Dreiging vanuit het netwerk|CM-2026-0412|IOM Roemenië/);
    assert.equal(await page.locator("main form").count(), 0, "no forms for a partner");
    assert.equal(await page.locator("main button[aria-expanded]").count(), 0, "no actions for a partner");
    await shoot(page, "police");

    // The same in English.
    await page.getByRole("button", { name: "Switch to English" }).click();
    await assertAccessiblePage(page, `File ${reference}`);
    assert.match(await text(page), /You see the parts of this file that your purpose needs: criminal investigation\./);
    await page.getByRole("heading", { name: "Residence scheme (B8/3)", level: 2 }).waitFor();
    await shoot(page, "police-en");
    assert.deepEqual(problems, []);
  });

  it("a RIEC user, not on the case team, finds nothing", async () => {
    const { page, problems } = await h.newPage();
    await logIn(page, "riec@riec.demo");
    await page.goto(fileUrl);
    await page.getByText("bestaat niet of u heeft er geen toegang toe").waitFor();
    await assertAccessiblePage(page, "Dossier");
    assert.doesNotMatch(await text(page), new RegExp(`${NAME}|${reference}`));
    assert.deepEqual(problems, []);
  });

  it("the coordinator corrects the person, records the police report and a permit, and closes the trajectory", async () => {
    const { page, problems } = zorg;
    await page.goto(fileUrl);
    await assertAccessiblePage(page, title);

    // A wrong country code is caught before it is sent, and lands on its field.
    await open(section(page, "person"), "Persoonsgegevens wijzigen");
    const person = page.locator("#person-edit-panel");
    await person.getByLabel("Nationaliteit").fill("RO");
    await person.getByRole("button", { name: "Opslaan" }).click();
    await person.getByRole("link", { name: "Vul een landcode van drie letters in, bijvoorbeeld IND." }).waitFor();
    await assertAccessiblePage(page, title);
    await shoot(page, "person-errors");
    await person.getByLabel("Nationaliteit").fill("mda");
    await person.getByRole("button", { name: "Opslaan" }).click();
    await statusIn(page, "person").filter({ hasText: "persoonsgegevens zijn opgeslagen" }).waitFor();
    assert.match((await section(page, "person").textContent()) ?? "", /MDA/);

    // Unable to cooperate with the police, on a psychological ground; a B8 permit applied for and granted.
    const residence = section(page, "residence");
    await open(residence, "Aangifte bijwerken");
    const report = page.locator("#police-report-edit-panel");
    await report.getByRole("radio", { name: "Kan niet meewerken" }).check();
    await report.getByLabel("Datum").fill(today);
    await report.getByLabel("Grond").selectOption("psychological");
    await report.getByLabel("Waarop de verklaring berust").fill("Verklaring van de behandelend psycholoog van 20 november.");
    await report.getByRole("button", { name: "Opslaan" }).click();
    await statusIn(page, "residence").filter({ hasText: "kan niet meewerken" }).waitFor();
    await open(residence, "Aanvraag vastleggen");
    await page.locator("#permit-apply-panel").getByRole("button", { name: "Aanvraag vastleggen" }).click();
    await statusIn(page, "residence").filter({ hasText: "aanvraag is vastgelegd" }).waitFor();
    await open(residence, "Beslissing op tijdelijke verblijfsvergunning (B8/3) vastleggen");
    const decision = page.locator("#permit-decide-panel");
    await decision.getByRole("radio", { name: "Verleend" }).check();
    await decision.getByLabel("Geldig tot en met").fill(addDays(today, 365));
    await decision.getByRole("button", { name: "Beslissing vastleggen" }).click();
    await statusIn(page, "residence").filter({ hasText: "beslissing is vastgelegd" }).waitFor();
    const entries = await residence.locator("ol.kz-timeline li").allTextContents();
    for (const entry of ["Kan niet meewerken aan aangifte: psychische reden", "Vergunning aangevraagd: tijdelijke verblijfsvergunning (B8/3)", "Vergunning verleend", "Vergunning loopt af"]) {
      assert.ok(entries.some((e) => e.includes(entry)), `timeline has "${entry}": ${JSON.stringify(entries)}`);
    }

    // The goal is achieved, the client moves on from the shelter, and the trajectory runs and closes.
    await section(page, "care-plan").getByRole("button", { name: "Wijzigen: Een veilige verblijfplaats buiten Arnhem" }).click();
    await page.locator("tr.kz-file-edit-row").getByRole("radio", { name: "Behaald" }).check();
    await page.locator("tr.kz-file-edit-row").getByRole("button", { name: "Opslaan" }).click();
    await statusIn(page, "care-plan").filter({ hasText: "behaald" }).waitFor();
    await open(section(page, "shelter"), "Vertrek uit Opvang De Linde (COSM) vastleggen");
    const leave = page.locator("#placement-leave-panel");
    await leave.getByRole("radio", { name: "Doorstroom" }).check();
    await leave.getByLabel("Bestemming").selectOption("own_housing");
    await leave.getByRole("button", { name: "Vertrek vastleggen" }).click();
    await statusIn(page, "shelter").filter({ hasText: "vertrek uit Opvang De Linde" }).waitFor();

    const lifecycle = section(page, "lifecycle");
    await lifecycle.getByRole("button", { name: "Naar actief" }).click();
    await statusIn(page, "lifecycle").filter({ hasText: "staat nu op actief" }).waitFor();
    await open(lifecycle, "Traject afsluiten");
    await page.locator("#step-close-panel").getByRole("radio", { name: "Doelen bereikt" }).check();
    await page.locator("#step-close-panel").getByRole("button", { name: "Traject afsluiten" }).click();
    await statusIn(page, "lifecycle").filter({ hasText: "staat nu op afgesloten" }).waitFor();
    await lifecycle.getByRole("button", { name: "Traject heropenen", expanded: false }).waitFor();
    assert.match((await section(page, "overview").textContent()) ?? "", /Afgesloten — Doelen bereikt/);
    await assertAccessiblePage(page, title);
    assert.deepEqual(problems, []);
  });

  it("a minor: the youth route comes first; a transfer needs consent or a basis and can be withdrawn", async () => {
    const { page, problems } = zorg;
    const opened = await zorgApi.post("/api/v1/victim-files", {
      source: "labour_inspectorate", person: { name: "Chidi Okafor", birthDate: addDays(today, -16 * 365) }, nationality: "NGA", exploitationForms: ["criminal"],
    });
    assert.equal(opened.statusCode, 201, opened.body);
    const minor = opened.json() as { id: string; reference: string };
    await page.goto(`/zorg/dossiers/${minor.id}`);
    const minorTitle = `Dossier ${minor.reference}`;
    await assertAccessiblePage(page, minorTitle);
    assert.match((await section(page, "overview").textContent()) ?? "", /Minderjarige\..*jeugdroute/);

    const lifecycle = section(page, "lifecycle");
    await lifecycle.getByRole("button", { name: "Naar actief" }).click();
    await lifecycle.getByText(/leg eerst vast wanneer Veilig Thuis is ingelicht/).first().waitFor();
    await open(section(page, "youth"), "Jeugdroute bijwerken");
    const youth = page.locator("#youth-edit-panel");
    await youth.getByLabel("Veilig Thuis ingelicht op").fill(today);
    await youth.getByLabel("Jeugdhulp").selectOption({ label: "Veilig Thuis Gelderland-Midden" });
    await youth.getByLabel("Voogd of wettelijk vertegenwoordiger").fill("Nidos, mevrouw De Vries");
    await youth.getByRole("button", { name: "Opslaan" }).click();
    await statusIn(page, "youth").filter({ hasText: "jeugdroute is bijgewerkt" }).waitFor();
    await lifecycle.getByRole("button", { name: "Naar actief" }).click();
    await statusIn(page, "lifecycle").filter({ hasText: "staat nu op actief" }).waitFor();

    await open(lifecycle, "Overdragen aan een andere regio");
    const transfer = page.locator("#transfer-panel");
    await transfer.getByLabel("Zorgcoördinatie van de andere regio").selectOption({ label: "Zorgcoördinatie Mensenhandel IJsselland (Regio IJsselland (demo))" });
    await transfer.getByLabel("Reden van overdracht").fill("Het gezin verhuist naar Zwolle.");
    await transfer.getByRole("button", { name: "Overdracht voorstellen" }).click();
    await transfer.getByLabel("Grondslag", { exact: true }).waitFor();
    await transfer.getByLabel("Grondslag", { exact: true }).selectOption("child_protection");
    await transfer.getByLabel("Toelichting op de grondslag").fill("Continuïteit van de jeugdbescherming na de verhuizing.");
    await transfer.getByRole("button", { name: "Overdracht voorstellen" }).click();
    await statusIn(page, "lifecycle").filter({ hasText: "overdracht aan Zorgcoördinatie Mensenhandel IJsselland is voorgesteld" }).waitFor();
    assert.match((await section(page, "overview").textContent()) ?? "", /Voorgesteld aan Zorgcoördinatie Mensenhandel IJsselland/);
    await assertAccessiblePage(page, minorTitle);
    await shoot(page, "minor-transfer");
    await lifecycle.getByRole("button", { name: "Overdracht intrekken" }).click();
    await statusIn(page, "lifecycle").filter({ hasText: "is ingetrokken" }).waitFor();
    await lifecycle.getByRole("button", { name: "Overdragen aan een andere regio", expanded: false }).waitFor();
    assert.deepEqual(problems, []);
  });
});
