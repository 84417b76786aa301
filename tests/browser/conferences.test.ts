import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Download, Page } from "playwright-core";
import { buildSignal, conferenceIds, dateIn, pdfText, poppler, type BuiltSignal, type ConferenceIds } from "../support/conferences.ts";
import type { TestClient } from "../support/test-app.ts";
import { assertAccessiblePage, hasChromium, mainNav, startWebHarness, type WebHarness } from "./support/browser.ts";

/*
 * A case conference as its users hold it (issue 5): the chair of the Zorg- en Veiligheidshuis plans a meeting
 * and invites the police, the RIEC and the tax office; Zevenaar's focal officer brings a signal in from the
 * signal's page; the chair admits it and opens the meeting; the police delegate reads the item while the
 * meeting runs; the chair records notes, an administrative inspection and an action for the tax office, and
 * closes the meeting; afterwards the police delegate sees only the item's heading, the tax office's delegate
 * (who took on the action) still reads it; the minutes for the police render (PDF to PNG) without what the
 * police may no longer see; and the focal officer reads the decision in the signal's history.
 * Axe runs on every page and state visited; screenshots go to /tmp/kz-shots/conference-*.png.
 */
const SHOTS = "/tmp/kz-shots";
const DESCRIPTION = "Zes vrouwen wonen boven de nagelsalon aan de Kerkstraat en werken er van acht tot tien.";
const QUESTION = "Kan de gemeente een bestuurlijke controle doen, en kijkt de Belastingdienst naar de eigenaar?";
const DECISION = "Bestuurlijke controle van de woonruimte boven de salon binnen twee weken.";
const ACTION = "Fiscaal onderzoek naar de eigenaar van de nagelsalon";
const NOTES = "De politie kent het adres uit een eerdere melding; de RIEC zoekt de eigenaar uit.";

/** Date (yyyy-mm-dd) and time (HH:MM) of a moment in Amsterdam, as the plan form takes them. */
function amsterdam(moment: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(moment).map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * A meeting that starts within two hours (so it may be opened now) and ends an hour later on the same day in
 * Amsterdam, whatever the time the test runs: near midnight it starts just after it.
 */
function meetingTimes(now: Date): { date: string; start: string; end: string } {
  const step = 5 * 60_000;
  let start = new Date(Math.ceil((now.getTime() + 10 * 60_000) / step) * step);
  let end = new Date(start.getTime() + 60 * 60_000);
  if (amsterdam(end).date !== amsterdam(start).date) {
    // Crosses midnight: start five minutes into the next day (still within two hours of now).
    const nextDay = amsterdam(end).date;
    while (amsterdam(start).date !== nextDay || amsterdam(start).time < "00:05") start = new Date(start.getTime() + step);
    end = new Date(start.getTime() + 60 * 60_000);
  }
  return { date: amsterdam(start).date, start: amsterdam(start).time, end: amsterdam(end).time };
}

describe("a case conference from planning to the feedback to the municipality, in the browser", { skip: hasChromium ? false : "no Chromium (set CHROMIUM_PATH)" }, () => {
  let h: WebHarness;
  let ids: ConferenceIds;
  let signal: BuiltSignal;
  let meetingUrl = "";
  let meetingReference = "";
  const c = {} as Record<"chair" | "focal" | "police" | "tax", TestClient>;
  const pages = {} as Record<"chair" | "focal" | "police" | "tax", { page: Page; problems: string[] }>;

  const main = async (page: Page) => (await page.locator("main").textContent()) ?? "";
  const item = (page: Page) => page.getByRole("article", { name: new RegExp(signal.reference) });
  const status = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text }).first().waitFor();

  async function shoot(page: Page, name: string) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/conference-${name}.png`, fullPage: true });
  }

  /** A browser page with the session of an API login (one TOTP login per account per 30 seconds). */
  const pageAs = (client: TestClient) => h.pageAs(client);

  async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent("download"), click()]);
    return { download, bytes: readFileSync(await download.path()) };
  }

  /** The police's view of the meeting's item over the API: its shared content and question, if it may read them. */
  async function policeItem() {
    const res = await c.police.get(`/api/v1/meetings/${meetingUrl.split("/").at(-1)}`);
    assert.equal(res.statusCode, 200, res.body);
    return (res.json().agenda as Record<string, unknown>[]).find((i) => i.subjectReference === signal.reference);
  }

  before(async () => {
    h = await startWebHarness();
    ids = await conferenceIds(h.t);
    for (const [key, email] of [["chair", "voorzitter@zvh.demo"], ["focal", "aandacht@zevenaar.demo"], ["police", "politie@politie.demo"], ["tax", "fiscus@belastingdienst.demo"]] as const) {
      c[key] = await h.t.login(email);
      pages[key] = await pageAs(c[key]);
    }
    // A signal reported by Zevenaar's front desk (the intake has its own browser test).
    signal = await buildSignal(h.t, {
      reporterId: ids.users["melder@zevenaar.demo"]!,
      municipalityId: ids.organisations.zevenaar,
      description: DESCRIPTION,
      location: { kind: "address", postcode: "6901AB", houseNumber: 12, street: "Kerkstraat", city: "Zevenaar" },
    });
  });
  after(() => h?.close());

  it("the chair plans a meeting and invites the police, the RIEC and the tax office with their delegates", async () => {
    const { page, problems } = pages.chair;
    await page.goto("/");
    await mainNav(page).getByRole("link", { name: "Overleg", exact: true }).click();
    await assertAccessiblePage(page, "Overleggen");
    await page.getByRole("button", { name: "Nieuw overleg plannen" }).click();
    const when = meetingTimes(new Date());
    await page.getByLabel("Soort overleg").selectOption({ label: "Casusoverleg" });
    await page.getByLabel("Titel", { exact: true }).fill("Casusoverleg mensenhandel Liemers");
    await page.getByLabel("Datum", { exact: true }).fill(when.date);
    await page.getByLabel("Begintijd").fill(when.start);
    await page.getByLabel("Eindtijd").fill(when.end);
    await page.getByLabel(/^Plaats/).fill("ZVH, zaal 2");
    await assertAccessiblePage(page, "Overleggen");
    await shoot(page, "plan");
    await page.getByRole("button", { name: "Overleg plannen", exact: true }).click();
    await page.waitForURL(/\/overleg\/[0-9a-f-]{36}$/);
    meetingUrl = new URL(page.url()).pathname;
    await status(page, /is gepland/);
    meetingReference = (await page.locator("h1").textContent())?.match(/OV-\d{4}-\d{4}/)?.[0] ?? "";
    assert.match(meetingReference, /^OV-\d{4}-\d{4}$/);
    await assertAccessiblePage(page, `Overleg ${meetingReference}`);

    const invitations = [
      { organisation: "Politie Oost-Nederland (AVIM)", person: "Pieter Politie" },
      { organisation: "RIEC Oost-Nederland", person: "Rita RIEC" },
      { organisation: "Belastingdienst Oost", person: "Frits Fiscus" },
    ];
    for (const { organisation, person } of invitations) {
      await page.getByRole("button", { name: "Organisatie uitnodigen" }).click();
      await page.getByLabel("Organisatie", { exact: true }).selectOption({ label: organisation });
      await page.getByRole("checkbox", { name: person }).check();
      if (organisation.startsWith("Politie")) await assertAccessiblePage(page, `Overleg ${meetingReference}`);
      await page.getByRole("button", { name: "Uitnodigen", exact: true }).click();
      await status(page, `${organisation} is uitgenodigd, met ${person}.`);
    }
    const participants = page.getByRole("table", { name: "Uitgenodigde organisaties en hun deelnemers" });
    for (const { organisation, person } of invitations) {
      await participants.getByRole("row").filter({ hasText: organisation }).filter({ hasText: person }).waitFor();
    }
    await assertAccessiblePage(page, `Overleg ${meetingReference}`);
    await shoot(page, "invited");
    assert.deepEqual(problems, []);
  });

  it("the focal officer brings the signal in from its page, sharing the description and the location", async () => {
    const { page, problems } = pages.focal;
    await page.goto(`/signalen/${signal.id}`);
    const section = page.locator("section#overleg");
    await section.getByRole("heading", { name: "Inbrengen in een overleg" }).waitFor();
    // The options name the meeting by date, reference and title; their values are the meetings' ids.
    const option = section.getByRole("option", { name: new RegExp(meetingReference) });
    await section.getByLabel("Overleg", { exact: true }).selectOption(await option.getAttribute("value") ?? "");
    await section.getByLabel("Vraag aan het overleg").fill(QUESTION);
    await section.getByRole("checkbox", { name: "Omschrijving" }).check();
    await section.getByRole("checkbox", { name: "Locatie" }).check();
    await assertAccessiblePage(page, new RegExp(signal.reference));
    await section.getByRole("button", { name: "Inbrengen", exact: true }).click();
    await status(page, `Signaal ${signal.reference} is ingebracht voor overleg ${meetingReference}`);
    await section.getByText(/Stand van het agendapunt: voorgesteld/).waitFor();
    await assertAccessiblePage(page, new RegExp(signal.reference));
    await shoot(page, "proposed");
    assert.deepEqual(problems, []);
  });

  it("the chair admits the item and opens the meeting; before it opened the police saw only the heading", async () => {
    const police = pages.police.page;
    await police.goto(meetingUrl);
    await assertAccessiblePage(police, `Overleg ${meetingReference}`);
    // Proposed, not yet admitted: the police do not even see the item's heading among the admitted ones.
    assert.doesNotMatch(await main(police), new RegExp(DESCRIPTION));

    const { page, problems } = pages.chair;
    await page.reload();
    await page.getByRole("button", { name: `${signal.reference} toelaten tot de agenda` }).click();
    await status(page, `${signal.reference} staat op de agenda.`);
    await item(page).getByText(QUESTION).waitFor();
    await assertAccessiblePage(page, `Overleg ${meetingReference}`);

    // Admitted, meeting still planned: the police delegate sees the heading and when the content comes.
    await police.reload();
    await item(police).getByText("De inhoud ziet u zodra het overleg is geopend.").waitFor();
    assert.doesNotMatch(await main(police), new RegExp(DESCRIPTION));
    await assertAccessiblePage(police, `Overleg ${meetingReference}`);
    await shoot(police, "police-before");

    await page.getByRole("button", { name: "Overleg openen" }).click();
    await page.getByRole("button", { name: "Ja, overleg openen" }).click();
    await status(page, /Het overleg is geopend/);
    await assertAccessiblePage(page, `Overleg ${meetingReference}`);
    assert.deepEqual(problems, []);
  });

  it("while the meeting runs the police delegate reads the item: the question, the description and the location", async () => {
    const { page, problems } = pages.police;
    await page.reload();
    await item(page).getByText(DESCRIPTION).waitFor();
    const text = await item(page).textContent();
    assert.match(text ?? "", new RegExp(QUESTION.slice(0, 40)));
    assert.match(text ?? "", /Kerkstraat 12/);
    await assertAccessiblePage(page, `Overleg ${meetingReference}`);
    await shoot(page, "police-during");
    assert.deepEqual(problems, []);
  });

  it("the chair records notes, an administrative inspection and an action for the tax office, and closes the meeting", async () => {
    const { page, problems } = pages.chair;
    const it1 = item(page);
    await it1.getByRole("button", { name: "Aantekeningen bijwerken" }).click();
    await it1.getByLabel("Aantekeningen bij dit punt").fill(NOTES);
    await it1.getByRole("button", { name: "Aantekeningen opslaan" }).click();
    await status(page, `De aantekeningen bij ${signal.reference} zijn opgeslagen.`);

    await it1.getByRole("button", { name: "Besluit toevoegen" }).click();
    await it1.getByLabel("Soort interventie").selectOption({ label: "Bestuurlijke controle" });
    await it1.getByLabel("Wat is besloten").fill(DECISION);
    await it1.getByRole("radio", { name: "De locatie uit het signaal" }).check();
    await assertAccessiblePage(page, `Overleg ${meetingReference}`);
    await it1.getByRole("button", { name: "Besluit vastleggen" }).click();
    await status(page, `Het besluit bij ${signal.reference} is vastgelegd.`);
    await it1.getByText(DECISION).waitFor();

    await it1.getByRole("button", { name: "Actie toevoegen" }).click();
    await it1.getByLabel("Wat moet er gebeuren").fill(ACTION);
    await it1.getByLabel("Organisatie die de actie neemt").selectOption({ label: "Belastingdienst Oost" });
    await it1.getByLabel(/^Eigenaar/).selectOption({ label: "Frits Fiscus" });
    await it1.getByLabel("Uiterlijk klaar op").fill(dateIn(h.t, 21));
    await it1.getByRole("button", { name: "Actie vastleggen" }).click();
    await status(page, "De actie voor Belastingdienst Oost is vastgelegd.");
    await it1.getByRole("table", { name: `Acties bij ${signal.reference}` }).getByRole("row").filter({ hasText: ACTION }).waitFor();
    await assertAccessiblePage(page, `Overleg ${meetingReference}`);
    await shoot(page, "during");

    // The decision went into the municipality's register of administrative measures, against the signal's address.
    const measures = await h.t.db.query<{ kind: string; municipality_id: string }>(
      `select m.kind, m.municipality_id from administrative_measures m join conference_decisions d on d.id = m.decision_id
         join agenda_items ai on ai.id = d.item_id where ai.signal_id = $1`,
      [signal.id],
    );
    assert.deepEqual(measures, [{ kind: "inspection", municipality_id: ids.organisations.zevenaar }]);

    await page.getByRole("button", { name: "Overleg sluiten" }).click();
    await page.getByRole("button", { name: "Ja, overleg sluiten" }).click();
    await status(page, /Het overleg is gesloten/);
    await assertAccessiblePage(page, `Overleg ${meetingReference}`);
    assert.deepEqual(problems, []);
  });

  it("after the meeting the police delegate sees only the heading; the tax office, with its action, still reads the item", async () => {
    const police = pages.police.page;
    await police.reload();
    await item(police).getByText("Het overleg is gesloten; alleen organisaties met een actie houden de inhoud.").waitFor();
    const policeText = await main(police);
    for (const hidden of [DESCRIPTION, QUESTION, "Kerkstraat 12", NOTES]) assert.ok(!policeText.includes(hidden), `the police still see "${hidden}"`);
    await assertAccessiblePage(police, `Overleg ${meetingReference}`);
    await shoot(police, "police-after");
    // The API agrees: no question, no shared content.
    const seen = await policeItem();
    assert.ok(seen, "the police still see the item's heading");
    assert.ok(!JSON.stringify(seen).includes(DESCRIPTION));
    assert.ok(!JSON.stringify(seen).includes("Kerkstraat"));

    const tax = pages.tax.page;
    await tax.goto(meetingUrl);
    await item(tax).getByText(DESCRIPTION).waitFor();
    const taxText = (await item(tax).textContent()) ?? "";
    assert.match(taxText, /Kerkstraat 12/);
    assert.match(taxText, new RegExp(ACTION));
    await assertAccessiblePage(tax, `Overleg ${meetingReference}`);
    await shoot(tax, "tax-after");
    assert.deepEqual(pages.police.problems, []);
    assert.deepEqual(pages.tax.problems, []);
  });

  it("the minutes render as a PDF; the police's copy hides the item's content, the organiser's holds it", { skip: poppler ? false : "no pdftotext (poppler-utils)" }, async () => {
    const { page, problems } = pages.chair;
    const minutes = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "Verslag" }) });
    const copies: Record<string, string> = {};
    for (const [key, organisation] of [["police", "Politie Oost-Nederland (AVIM)"], ["organiser", "Zorg- en Veiligheidshuis Gelderland-Midden"]] as const) {
      await minutes.getByLabel("Verslag voor").selectOption({ label: organisation });
      const { download, bytes } = await downloaded(page, () => minutes.getByRole("button", { name: "Verslag downloaden (PDF)" }).click());
      assert.match(download.suggestedFilename(), new RegExp(`^verslag-${meetingReference}-.*\\.pdf$`));
      assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-");
      await status(page, /Het verslag .* is gedownload/);
      copies[key] = pdfText(bytes.toString("base64"));
      // Page 1 as PNG, to look at.
      mkdirSync(SHOTS, { recursive: true });
      const pdf = `${SHOTS}/conference-minutes-${key}.pdf`;
      await download.saveAs(pdf);
      const png = spawnSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", pdf, `${SHOTS}/conference-minutes-${key}`]);
      assert.equal(png.status, 0, String(png.stderr));
    }
    await assertAccessiblePage(page, `Overleg ${meetingReference}`);

    // Both copies: the meeting, the item's heading, the decision and the action.
    for (const text of Object.values(copies)) {
      for (const shown of [meetingReference, signal.reference, "Bestuurlijke controle", ACTION.slice(0, 30)]) assert.ok(text.includes(shown), `"${shown}" missing in the minutes`);
    }
    // The police may no longer see what the item shared; the organiser's copy holds it.
    for (const hidden of [DESCRIPTION.slice(0, 40), "Kerkstraat 12", NOTES.slice(0, 40), QUESTION.slice(0, 40)]) {
      assert.ok(!copies.police!.includes(hidden), `the police's minutes show "${hidden}"`);
      assert.ok(copies.organiser!.includes(hidden), `the organiser's minutes lack "${hidden}"`);
    }
    assert.deepEqual(problems, []);
  });

  it("the focal officer reads the decision in the signal's history", async () => {
    const { page, problems } = pages.focal;
    await page.reload();
    await page.getByText(`Besluit in overleg ${meetingReference}: bestuurlijke controle`).waitFor();
    assert.match(await main(page), new RegExp(DECISION));
    await page.getByText(`Ingebracht in overleg ${meetingReference}`).first().waitFor();
    await assertAccessiblePage(page, new RegExp(signal.reference));
    await shoot(page, "signal-page");
    await page.locator('section[aria-labelledby="history-heading"]').screenshot({ path: `${SHOTS}/conference-signal-history.png` });
    // And was told: the feedback to the local level.
    const told = await h.t.db.query<{ kind: string }>(
      "select n.kind from notifications n join users u on u.id = n.user_id where u.id = $1 and n.signal_id = $2 and n.kind = 'conference_decision'",
      [ids.users["aandacht@zevenaar.demo"]!, signal.id],
    );
    assert.equal(told.length, 1);
    assert.deepEqual(problems, []);
  });
});
