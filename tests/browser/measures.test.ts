import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { buildVictimFile, type BuiltFile } from "../support/care.ts";
import {
  admitSignal, buildSignal, conferenceIds, dateIn, DAY, HOUR, invite, isoIn, ok, planMeeting, type BuiltSignal, type ConferenceIds,
} from "../support/conferences.ts";
import type { TestClient } from "../support/test-app.ts";
import { assertAccessiblePage, hasChromium, startWebHarness, type WebHarness } from "./support/browser.ts";

/*
 * The follow-up of a case conference in the browser. Through the API a chair holds a meeting about a signal
 * at Kerkstraat 12 in Zevenaar: an administrative inspection (which enters the register) and an action for
 * the tax office. In the browser the focal officer registers a measure against the same address, records its
 * outcome and looks up the address's history (the signal and both measures); brings another signal into the
 * next meeting from the signal page, and reads the decision in the signal's history. The tax office's
 * delegate completes the action on /overleg/acties and it leaves the open list. The care coordinator brings a
 * file in: refused without consent, accepted on a legal basis. Axe runs on every page and state; screenshots
 * go to /tmp/kz/shots-c-*.png.
 */
const SHOTS = "/tmp/kz";
const ADDRESS = { kind: "address", postcode: "6901AB", houseNumber: 12, street: "Kerkstraat", city: "Zevenaar" };
const ACTION = "Fiscale toets van de verhuurder van Kerkstraat 12";

describe("measures register, a place's history, action follow-up and bringing cases in, in the browser", { skip: hasChromium ? false : "no Chromium (set CHROMIUM_PATH)" }, () => {
  let h: WebHarness;
  let ids: ConferenceIds;
  const c = {} as Record<"chair" | "focal" | "tax" | "care", TestClient>;
  let atAddress: BuiltSignal;
  let other: BuiltSignal;
  let file: BuiltFile;
  let held: Record<string, unknown>;
  let next: Record<string, unknown>;
  const user = (email: string) => ids.users[email]!;

  before(async () => {
    h = await startWebHarness();
    const t = h.t;
    ids = await conferenceIds(t);
    // One API login per account (a second one within 30 seconds would reuse the TOTP code); the browser takes the session over.
    for (const [key, email] of [["chair", "voorzitter@zvh.demo"], ["focal", "aandacht@zevenaar.demo"], ["tax", "fiscus@belastingdienst.demo"], ["care", "zorg@zorgcoordinatie.demo"]] as const) {
      c[key] = await t.login(email);
    }
    const reporterId = user("melder@zevenaar.demo");
    atAddress = await buildSignal(t, { reporterId, municipalityId: ids.organisations.zevenaar, location: ADDRESS, description: "Veertien bedden op de zolder van Kerkstraat 12." });
    other = await buildSignal(t, { reporterId, municipalityId: ids.organisations.zevenaar, description: "Een nagelsalon waar de medewerkers ook lijken te wonen." });
    file = await buildVictimFile(t, { coordinatorId: user("zorg@zorgcoordinatie.demo"), name: "Ioana Radu" });

    // A meeting that was held: an inspection of the address and an action for the tax office, then closed.
    held = await planMeeting(t, c.chair, { title: "Casusoverleg mensenhandel november" });
    const heldId = held.id as string;
    await invite(c.chair, heldId, ids.organisations.belastingdienst, [user("fiscus@belastingdienst.demo")]);
    const item = await admitSignal(c.chair, c.focal, heldId, atAddress, { sharedParts: ["description", "location"] });
    await ok(c.chair.post(`/api/v1/meetings/${heldId}/open`));
    await ok(c.chair.post(`/api/v1/agenda-items/${item}/decisions`, { kind: "inspection", description: "Bestuurlijke controle op de bewoning van Kerkstraat 12." }));
    await ok(c.chair.post(`/api/v1/agenda-items/${item}/actions`, {
      description: ACTION, ownerOrganisationId: ids.organisations.belastingdienst, ownerUserId: user("fiscus@belastingdienst.demo"), deadline: dateIn(t, 14),
    }));
    await ok(c.chair.post(`/api/v1/meetings/${heldId}/close`));
    // The next meeting, in two days: the one to bring cases into.
    next = await planMeeting(t, c.chair, { title: "Casusoverleg mensenhandel december", startsAt: isoIn(t, 2 * DAY), endsAt: isoIn(t, 2 * DAY + 2 * HOUR) });
  });
  after(() => h?.close());

  const pageAs = (client: TestClient) => h.pageAs(client);

  /** The whole page at 1280 pixels and at 390 (a phone), which must not scroll sideways. */
  async function shoot(page: Page, name: string) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/shots-c-${name}.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/shots-c-${name}-390.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.ok(overflow <= 0, `${name}: the page scrolls sideways at 390 pixels (${overflow}px)`);
  }

  const statusWith = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

  it("the focal officer registers a measure against an address, records its outcome and finds the address's signals and measures", async () => {
    const { page, problems } = await pageAs(c.focal);
    const title = "Bestuurlijke maatregelen";
    await page.goto("/maatregelen");
    await assertAccessiblePage(page, title);
    const register = page.getByRole("table", { name: "Maatregelen, het nieuwste besluit eerst" });
    // The inspection decided in the meeting is in the register already, with the meeting it came from.
    await register.getByRole("row").filter({ hasText: "Bestuurlijke controle" }).filter({ hasText: held.reference as string }).waitFor();

    // Checks before sending: each field says what is wrong.
    await page.getByRole("button", { name: "Maatregel toevoegen", expanded: false }).click();
    const form = page.locator("#measure-add-panel");
    await form.getByLabel("Postcode", { exact: true }).fill("69O1 AB");
    await form.getByRole("button", { name: "Maatregel vastleggen" }).click();
    await form.getByText("Er is iets niet goed ingevuld").waitFor();
    const errors = (await form.textContent()) ?? "";
    for (const message of ["Vul een postcode in zoals 6901 AB.", "Vul een huisnummer in (alleen cijfers).", "Kies soort maatregel."]) assert.ok(errors.includes(message), `${message} in ${errors}`);
    await assertAccessiblePage(page, title);
    await shoot(page, "measures-errors");

    await form.getByLabel("Postcode", { exact: true }).fill("6901 AB");
    await form.getByLabel("Huisnummer", { exact: true }).fill("12");
    await form.getByLabel("Straat (niet verplicht)").fill("Kerkstraat");
    await form.getByLabel("Plaats (niet verplicht)").fill("Zevenaar");
    await form.getByLabel("Soort maatregel").selectOption("housing_inspection");
    await form.getByLabel("Toelichting (niet verplicht)").fill("Controle huisvesting arbeidsmigranten na melding van buren.");
    await form.getByRole("button", { name: "Maatregel vastleggen" }).click();
    const place = "Kerkstraat 12, 6901 AB Zevenaar";
    await statusWith(page, `De maatregel “Woningcontrole (huisvesting arbeidsmigranten)” voor ${place} is vastgelegd.`).waitFor();
    const row = register.getByRole("row").filter({ hasText: "Woningcontrole" });
    assert.match((await row.textContent()) ?? "", /Nog geen uitkomst.*Niet uit een overleg.*1 signaal/);

    // The outcome, in the row's own form.
    await page.getByRole("button", { name: `Uitkomst vastleggen: Woningcontrole (huisvesting arbeidsmigranten), ${place}` }).click();
    const outcome = page.getByRole("form", { name: `Uitkomst vastleggen voor ${place}` });
    await outcome.getByLabel("Uitkomst", { exact: true }).selectOption("violation_found");
    await assertAccessiblePage(page, title);
    await outcome.getByRole("button", { name: "Uitkomst vastleggen" }).click();
    await statusWith(page, `De uitkomst “overtreding vastgesteld” voor ${place} is vastgelegd.`).waitFor();
    // The register reloads after the message: wait for the row to show the outcome.
    await row.filter({ hasText: "Overtreding vastgesteld" }).waitFor();
    assert.match((await row.textContent()) ?? "", /Overtreding vastgesteld op \d{1,2} \p{L}+ \d{4}/u);
    await shoot(page, "measures-register");

    // The address's history: the signal about it and both measures.
    const search = page.getByRole("search", { name: "Geschiedenis zoeken" });
    await search.getByLabel("Postcode", { exact: true }).fill("6901ab");
    await search.getByLabel("Huisnummer", { exact: true }).fill("12");
    await search.getByRole("button", { name: "Geschiedenis zoeken" }).click();
    await statusWith(page, "1 signaal en 2 maatregelen.").waitFor();
    const signals = page.getByRole("table", { name: /^Signalen van de gemeente over 6901 AB, huisnummer 12/ });
    await signals.getByRole("link", { name: atAddress.reference }).waitFor();
    const measures = page.getByRole("table", { name: /^Maatregelen tegen 6901 AB, huisnummer 12/ });
    const measureText = (await measures.textContent()) ?? "";
    assert.match(measureText, /Bestuurlijke controle/);
    assert.match(measureText, /Woningcontrole/);
    assert.match(measureText, new RegExp(held.reference as string));
    await assertAccessiblePage(page, title);
    await shoot(page, "measures-history");
    assert.deepEqual(problems, []);
  });

  it("the focal officer brings a signal into the next meeting from the signal page, and reads the decision in the other signal's history", async () => {
    const { page, problems } = await pageAs(c.focal);
    const title = `Signaal ${other.reference}`;
    await page.goto(`/signalen/${other.id}`);
    await assertAccessiblePage(page, title);
    const section = page.locator("section#overleg");
    await section.getByRole("heading", { name: "Inbrengen in een overleg" }).waitFor();
    await section.getByRole("button", { name: "Inbrengen" }).click();
    await section.getByText("Er is iets niet goed ingevuld").waitFor();
    const errors = (await section.textContent()) ?? "";
    for (const message of ["Kies het overleg waarin u het inbrengt.", "Vul vraag aan het overleg in.", "Kies ten minste één deel om te delen."]) assert.ok(errors.includes(message), `${message} in ${errors}`);
    await assertAccessiblePage(page, title);

    await section.getByLabel("Overleg", { exact: true }).selectOption(next.id as string);
    await section.getByLabel("Vraag aan het overleg").fill("Moeten we de nagelsalon samen met de arbeidsinspectie controleren?");
    await section.getByRole("checkbox", { name: "Omschrijving" }).check();
    await section.getByRole("checkbox", { name: "Indicatoren" }).check();
    await section.getByRole("button", { name: "Inbrengen" }).click();
    await statusWith(page, `Signaal ${other.reference} is ingebracht voor overleg ${next.reference as string} (Casusoverleg mensenhandel december).`).waitFor();
    await section.getByText(/Stand van het agendapunt: voorgesteld\./).waitFor();
    await section.getByRole("link", { name: `Naar overleg ${next.reference as string}` }).waitFor();
    const history = page.locator("section", { has: page.getByRole("heading", { name: "Geschiedenis", level: 2 }) });
    await history.getByText(`Ingebracht in overleg ${next.reference as string} (Casusoverleg mensenhandel december)`).waitFor();
    await history.getByText("Gedeeld met het overleg: omschrijving en indicatoren").waitFor();
    await assertAccessiblePage(page, title);
    await shoot(page, "signal-proposal");

    // The decision about the first signal, back in its history.
    await page.goto(`/signalen/${atAddress.id}`);
    await assertAccessiblePage(page, `Signaal ${atAddress.reference}`);
    await page.getByText(`Besluit in overleg ${held.reference as string}: bestuurlijke controle`).waitFor();
    await page.getByText("Besluit: Bestuurlijke controle op de bewoning van Kerkstraat 12.").waitFor();
    assert.deepEqual(problems, []);
  });

  it("the tax office's delegate completes the action: it leaves the open list, and the item no longer waits for feedback", async () => {
    const { page, problems } = await pageAs(c.tax);
    const title = "Acties uit overleggen";
    await page.goto("/overleg/acties");
    await assertAccessiblePage(page, title);
    const group = page.getByRole("region", { name: `Overleg ${held.reference as string}` });
    const table = group.getByRole("table", { name: `Acties uit overleg ${held.reference as string}` });
    await table.getByRole("row").filter({ hasText: ACTION }).waitFor();
    assert.match((await table.textContent()) ?? "", /Open/);
    const waiting = page.getByRole("table", { name: "Overleggen met punten die op terugkoppeling wachten" });
    await waiting.getByRole("row").filter({ hasText: held.reference as string }).filter({ hasText: "1 punt" }).waitFor();
    await shoot(page, "actions-open");

    await table.getByRole("button", { name: `Bijwerken: ${ACTION}` }).click();
    const form = page.getByRole("form", { name: /^Bijwerken: Fiscale toets/ });
    await form.getByRole("radio", { name: "Afronden" }).check();
    await form.getByRole("button", { name: "Actie afronden" }).click();
    await form.getByText("Er is iets niet goed ingevuld").waitFor();
    assert.match((await form.textContent()) ?? "", /Vul resultaat in\./);
    await assertAccessiblePage(page, title);
    await shoot(page, "actions-form");
    await form.getByLabel("Resultaat", { exact: true }).fill("Verhuurder staat niet ingeschreven als ondernemer; naheffing in voorbereiding.");
    await form.getByRole("button", { name: "Actie afronden" }).click();
    await statusWith(page, `De actie “${ACTION}” is afgerond.`).waitFor();
    await page.getByText("U heeft geen openstaande acties uit overleggen.").waitFor();
    assert.equal(await page.getByRole("row").filter({ hasText: ACTION }).count(), 0, "the completed action left the open list");
    await page.getByText("Er zijn geen punten die op terugkoppeling wachten.").waitFor();
    await assertAccessiblePage(page, title);
    await shoot(page, "actions-done");

    // With every status it is still there, completed, with its result.
    await page.getByLabel("Stand", { exact: true }).selectOption("alle");
    await page.getByRole("button", { name: "Toon acties" }).click();
    const done = page.getByRole("row").filter({ hasText: ACTION });
    await done.waitFor();
    assert.match((await done.textContent()) ?? "", /Afgerond.*naheffing in voorbereiding/);
    await assertAccessiblePage(page, title);
    assert.deepEqual(problems, []);

    // The completion flows back into the signal's history.
    const signal = await ok(c.focal.get(`/api/v1/signals/${atAddress.id}`));
    assert.ok((signal.history as { kind: string }[]).some((e) => e.kind === "conference_action_done"));
  });

  it("the care coordinator brings a file in: refused without consent, in Dutch, and accepted on a legal basis", async () => {
    const { page, problems } = await pageAs(c.care);
    const title = `Dossier ${file.reference}`;
    await page.goto(`/zorg/dossiers/${file.id}`);
    await assertAccessiblePage(page, title);
    const section = page.locator("section#conference");
    await section.getByText("Er is geen geldige toestemming voor het casusoverleg vastgelegd.").waitFor();
    await section.getByLabel("Overleg", { exact: true }).selectOption(next.id as string);
    await section.getByLabel("Vraag aan het overleg").fill("Is er een veilige opvangplek buiten de regio?");
    await section.getByRole("checkbox", { name: "Uitbuiting" }).check();
    await section.getByRole("radio", { name: "Toestemming van de cliënt" }).check();
    await section.getByRole("button", { name: "Dossier inbrengen" }).click();
    await section.getByText(/kan niet zonder toestemming van de cliënt/).first().waitFor();
    assert.ok(await section.getByRole("radio", { name: "Een wettelijke grondslag, zonder toestemming" }).isChecked(), "the legal basis is offered");
    await assertAccessiblePage(page, title);
    await shoot(page, "file-consent-required");

    await section.getByLabel("Grondslag", { exact: true }).selectOption("vital_interest");
    await section.getByLabel("Toelichting op de grondslag").fill("Acute dreiging vanuit het netwerk; opvang buiten de regio is nodig.");
    await section.getByRole("button", { name: "Dossier inbrengen" }).click();
    await statusWith(page, `Dossier ${file.reference} is ingebracht voor overleg ${next.reference as string} (Casusoverleg mensenhandel december).`).waitFor();
    await section.getByText(/Stand van het agendapunt: voorgesteld\./).waitFor();
    await page.locator("section#history").getByText(`Ingebracht in overleg ${next.reference as string} (Casusoverleg mensenhandel december); gedeeld: uitbuiting`).waitFor();
    await assertAccessiblePage(page, title);
    await shoot(page, "file-conference");
    assert.deepEqual(problems, []);
  });
});
