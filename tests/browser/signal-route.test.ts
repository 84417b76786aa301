import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { assertAccessiblePage, hasChromium, logIn, mainNav, startWebHarness, type WebHarness } from "./support/browser.ts";

/*
 * The whole reporting route as its users walk it, each in their own browser: an employee reports a signal;
 * the focal officer records, enriches from the (local) population register, assesses as acute and refers to
 * the police and the care coordinator; the police accept and report back, the care coordinator declines with
 * a reason; the focal officer informs the reporter and closes; the employee reads the feedback; a user of a
 * third organisation finds nothing; and the audit trail holds every look.
 */
describe("the reporting route from signal to feedback, in the browser", { skip: hasChromium ? false : "no Chromium (set CHROMIUM_PATH)" }, () => {
  let h: WebHarness;
  before(async () => {
    h = await startWebHarness();
  });
  after(() => h?.close());

  const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ }).first();
  const FEEDBACK = "De politie is een onderzoek gestart. Dank voor uw oplettendheid.";
  // One browser per person for the whole route: a second login within the same 30 seconds would reuse a
  // TOTP code, which Ketenzicht refuses (replay protection).
  let focal: Awaited<ReturnType<WebHarness["newPage"]>>;
  let signalUrl = "";
  let reference = "";

  it("an employee reports a signal with indicators and a victim", async () => {
    const { page, problems } = await h.newPage();
    await logIn(page, "melder@zevenaar.demo");
    await mainNav(page).getByRole("link", { name: "Signaal melden" }).click();
    await assertAccessiblePage(page, "Signaal melden");
    await page.getByLabel("Gemeente", { exact: true }).selectOption({ label: "Gemeente Zevenaar" });
    await page.locator("summary", { hasText: "Algemeen" }).click();
    await page.getByRole("group", { name: "Algemeen" }).getByRole("checkbox").first().check();
    await page.locator("summary", { hasText: "Arbeidsuitbuiting" }).click();
    await page.getByRole("group", { name: "Arbeidsuitbuiting" }).getByRole("checkbox").first().check();
    await page.getByLabel("Wat is er gebeurd?").fill("Veertien arbeidsmigranten op één adres; een busje haalt ze om vijf uur op.");
    await page.getByRole("radio", { name: "Adres" }).check();
    await page.getByLabel("Postcode").fill("6901 AB");
    await page.getByLabel("Huisnummer").fill("12");
    await page.getByRole("button", { name: "Slachtoffer toevoegen" }).click();
    await page.getByRole("group", { name: "Vermoedelijk slachtoffer 1" }).getByLabel("Naam").fill("Andrzej Nowak");
    await page.getByRole("button", { name: "Signaal versturen" }).click();
    await page.getByRole("heading", { name: "Signaal ontvangen" }).waitFor();
    reference = ((await page.locator("main").textContent()) ?? "").match(/ZEV-\d{4}-\d{5}/)?.[0] ?? "";
    assert.match(reference, /^ZEV-\d{4}-\d{5}$/);
    assert.deepEqual(problems, []);
  });

  it("the focal officer records, enriches from the BRP, assesses as acute and refers to police and care coordination", async () => {
    focal = await h.newPage();
    const { page, problems } = focal;
    await logIn(page, "aandacht@zevenaar.demo");
    await mainNav(page).getByRole("link", { name: "Werkvoorraad" }).click();
    await assertAccessiblePage(page, "Werkvoorraad signalen");
    await page.getByRole("link", { name: reference }).click();
    await page.waitForURL(/\/signalen\/[0-9a-f-]{36}$/);
    signalUrl = new URL(page.url()).pathname;
    await assertAccessiblePage(page, `Signaal ${reference}`);
    assert.match((await page.locator("main").textContent()) ?? "", /Andrzej Nowak/);

    await page.getByRole("button", { name: "Registreren" }).click();
    await status(page).filter({ hasText: "geregistreerd" }).waitFor();
    await page.getByLabel("Doel van de BRP-bevraging").fill("Nagaan hoeveel personen op het adres staan ingeschreven");
    await page.getByRole("button", { name: "Verrijken met BRP" }).click();
    await status(page).filter({ hasText: "BRP is bevraagd" }).waitFor();
    assert.match((await page.locator("main").textContent()) ?? "", /14/);
    await page.getByRole("button", { name: "Verrijking afronden" }).click();
    await status(page).filter({ hasText: "verrijking is afgerond" }).waitFor();

    await page.getByRole("radio", { name: /Acuut/ }).check();
    await page.getByRole("group", { name: /Vormen van uitbuiting/ }).getByRole("checkbox", { name: /Arbeidsuitbuiting/ }).check();
    await page.getByRole("button", { name: "Beoordelen", exact: true }).click();
    await status(page).filter({ hasText: "beoordeeld" }).waitFor();
    await assertAccessiblePage(page, `Signaal ${reference}`);

    for (const [organisation, channel, purpose] of [
      ["Politie Oost-Nederland (AVIM)", "police", "Onderzoek naar mogelijke arbeidsuitbuiting"],
      ["Zorgcoördinatie Mensenhandel Gelderland", "care_coordination", "Zorg en opvang voor het slachtoffer"],
    ] as const) {
      const org = await h.t.db.query<{ id: string }>("select id from organisations where name = $1", [organisation]);
      await page.getByLabel("Organisatie", { exact: true }).selectOption(org[0]!.id);
      await page.getByLabel("Kanaal", { exact: true }).selectOption(channel);
      await page.getByLabel("Doel van het doorzetten").fill(purpose);
      await page.getByRole("button", { name: "Doorzetten", exact: true }).click();
      await status(page).filter({ hasText: organisation }).waitFor();
    }
    const text = (await page.locator("main").textContent()) ?? "";
    assert.match(text, /Politie Oost-Nederland/);
    assert.match(text, /Zorgcoördinatie Mensenhandel Gelderland/);
    assert.deepEqual(problems, []);
  });

  it("the police accept and report back", async () => {
    const { page, problems } = await h.newPage();
    await logIn(page, "politie@politie.demo");
    await mainNav(page).getByRole("link", { name: "Werkvoorraad" }).click();
    await page.getByRole("link", { name: reference }).click();
    await assertAccessiblePage(page, `Signaal ${reference}`);
    await page.getByRole("button", { name: "Accepteren" }).click();
    await status(page).filter({ hasText: "geaccepteerd" }).waitFor();
    await page.getByLabel("Uitkomst", { exact: true }).selectOption("investigation_started");
    await page.getByLabel("Terugkoppeling", { exact: true }).fill("AVIM start een onderzoek naar de werkgever.");
    await page.getByRole("button", { name: "Terugkoppeling geven" }).click();
    await status(page).filter({ hasText: "terugkoppeling is verstuurd" }).waitFor();
    await assertAccessiblePage(page, `Signaal ${reference}`);
    assert.deepEqual(problems, []);
  });

  it("the care coordinator declines with a reason", async () => {
    const { page, problems } = await h.newPage();
    await logIn(page, "zorg@zorgcoordinatie.demo");
    await page.goto(signalUrl);
    await assertAccessiblePage(page, `Signaal ${reference}`);
    await page.getByRole("button", { name: "Afwijzen" }).click();
    await page.getByLabel("Reden van afwijzing").fill("Het slachtoffer is nog niet in beeld; eerst het politieonderzoek.");
    await page.getByRole("button", { name: "Afwijzen" }).last().click();
    await status(page).filter({ hasText: "afgewezen" }).waitFor();
    assert.deepEqual(problems, []);
  });

  it("the focal officer informs the reporter and closes the signal", async () => {
    const { page, problems } = focal;
    await page.goto(signalUrl);
    await assertAccessiblePage(page, `Signaal ${reference}`);
    const text = (await page.locator("main").textContent()) ?? "";
    assert.match(text, /AVIM start een onderzoek/);
    assert.match(text, /nog niet in beeld/);
    await page.getByLabel("Terugkoppeling aan de melder").fill(FEEDBACK);
    await page.getByRole("button", { name: "Melder informeren" }).click();
    await status(page).filter({ hasText: "geïnformeerd" }).waitFor();
    await page.getByLabel("Uitkomst", { exact: true }).selectOption("referred_to_investigation");
    await page.getByRole("button", { name: "Afsluiten" }).click();
    await status(page).filter({ hasText: "afgesloten" }).waitFor();
    await assertAccessiblePage(page, `Signaal ${reference}`);
    assert.deepEqual(problems, []);
  });

  it("the employee sees the feedback meant for them, and nothing else", async () => {
    const { page, problems } = await h.newPage();
    await logIn(page, "melder@zevenaar.demo");
    await mainNav(page).getByRole("link", { name: "Mijn signalen" }).click();
    await assertAccessiblePage(page, "Mijn signalen");
    await page.getByText(FEEDBACK).waitFor();
    const text = (await page.locator("main").textContent()) ?? "";
    assert.match(text, new RegExp(reference));
    assert.doesNotMatch(text, /AVIM start een onderzoek/);
    await page.goto(signalUrl);
    await page.getByText("bestaat niet of u heeft er geen toegang toe").waitFor();
    assert.doesNotMatch((await page.locator("main").textContent()) ?? "", /Andrzej|arbeidsmigranten/);
    assert.deepEqual(problems, []);
  });

  it("a user of a third organisation finds nothing", async () => {
    const { page, problems } = await h.newPage();
    await logIn(page, "riec@riec.demo");
    await page.goto(signalUrl);
    await page.getByText("bestaat niet of u heeft er geen toegang toe").waitFor();
    await assertAccessiblePage(page, "Signaal");
    assert.doesNotMatch((await page.locator("main").textContent()) ?? "", /Andrzej|arbeidsmigranten|ZEV-/);
    await page.goto("/signalen");
    await assertAccessiblePage(page, "Werkvoorraad signalen");
    assert.doesNotMatch((await page.locator("main").textContent()) ?? "", new RegExp(reference));
    assert.deepEqual(problems, []);
  });

  it("the audit trail holds every look at the signal, and the refused ones", async () => {
    const id = signalUrl.split("/").pop()!;
    const rows = await h.t.db.query<{ action: string; actor_role: string | null; result: string }>(
      "select action, actor_role, result from audit_events where object_id = $1 order by seq",
      [id],
    );
    const readers = new Set(rows.filter((r) => r.action === "read" && r.result === "success").map((r) => r.actor_role));
    assert.deepEqual([...readers].sort(), ["care_coordinator", "focal_officer", "partner"]);
    const denied = rows.filter((r) => r.action === "access_denied");
    assert.ok(denied.length >= 2, "the reporter's and the RIEC user's attempts are recorded as denied");
    const brp = await h.t.db.query("select 1 from audit_events where object_type = 'brp_address' and object_id = $1", [id]);
    assert.equal(brp.length, 1);

    const { page } = await h.newPage();
    await logIn(page, "privacy@zevenaar.demo");
    await mainNav(page).getByRole("link", { name: "Audittrail" }).click();
    await page.locator("table").waitFor();
    await assertAccessiblePage(page, "Audittrail");
  });
});
