import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Download, Locator, Page } from "playwright-core";
import { dutchDate } from "../../src/server/kernel/dutch-time.ts";
import { addDays } from "../../src/server/modules/care/calendar.ts";
import { demoIds, type DemoIds } from "../support/fixtures.ts";
import { assertAccessiblePage, hasChromium, logIn, mainNav, startWebHarness, type WebHarness } from "./support/browser.ts";

/*
 * Care coordination from the referral to the registrations, as its users walk it (issue 4): the focal officer
 * refers a signal with a presumed victim to the care coordination; the coordinator accepts the referral on the
 * overview, opens the file from it, records consent, needs, a shelter placement and a service, starts the
 * reflection period and adds a police user to the case team for the criminal investigation; the police user
 * sees the file, but not the parts outside that purpose; a partner outside the team finds nothing; and the
 * coordinator exports the CoMensha registration and the HTCDS file. Screenshots go to /tmp/kz-shots/journey-*.
 */
const SHOTS = "/tmp/kz-shots";
const VICTIM = "Daria Melnyk";

describe("care coordination from the referral to the registrations, in the browser", { skip: hasChromium ? false : "no Chromium (set CHROMIUM_PATH)" }, () => {
  let h: WebHarness;
  let ids: DemoIds;
  let today = "";
  let signalReference = "";
  let fileUrl = "";
  let title = "";
  // One browser for the coordinator: a second login within 30 seconds would reuse a TOTP code.
  let zorg: Awaited<ReturnType<WebHarness["newPage"]>>;

  const text = async (page: Page) => (await page.locator("main").textContent()) ?? "";
  const section = (page: Page, id: string) => page.locator(`section#${id}`);
  const statusIn = (page: Page, id: string) => section(page, id).getByRole("status").filter({ hasText: /\S/ });
  const open = (scope: Page | Locator, name: string) => scope.getByRole("button", { name, expanded: false }).click();

  async function shoot(page: Page, name: string) {
    mkdirSync(SHOTS, { recursive: true });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, n = 1; y < height && n <= 12; y += 1000, n++) {
      await page.screenshot({ path: `${SHOTS}/journey-${name}-${n}.png`, fullPage: true, clip: { x: 0, y, width: 1280, height: Math.min(1000, height - y) } });
    }
  }

  async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; content: string }> {
    const [download] = await Promise.all([page.waitForEvent("download"), click()]);
    return { download, content: readFileSync(await download.path(), "utf8") };
  }

  before(async () => {
    h = await startWebHarness();
    ids = await demoIds(h.t);
    today = dutchDate(h.t.clock.now);
    // The reporting route up to the referral (its own browser test walks it in the browser).
    const focal = await h.t.login("aandacht@zevenaar.demo");
    const submitted = await focal.request("POST", "/api/v1/signals", {
      municipalityId: ids.organisations.zevenaar,
      description: "Een jonge vrouw werkt 's nachts in een massagesalon en mag het pand niet alleen verlaten.",
      victims: [{ name: VICTIM, birthDate: "2001-09-14", gender: "female", nationality: "UKR" }],
    }, { "idempotency-key": randomUUID() });
    assert.equal(submitted.statusCode, 201, submitted.body);
    const signal = submitted.json() as { id: string; reference: string };
    signalReference = signal.reference;
    for (const step of [{ to: "recorded" }, { to: "assessed", reason: "Direct beoordeeld: zorg is nodig", urgency: "high", exploitationForms: ["sexual"] }]) {
      const moved = await focal.post(`/api/v1/signals/${signal.id}/transitions`, step);
      assert.equal(moved.statusCode, 200, moved.body);
    }
    const referred = await focal.post(`/api/v1/signals/${signal.id}/referrals`, {
      organisationId: ids.organisations.zorg, channel: "care_coordination", purpose: "Veiligheid, opvang en zorg voor de vrouw", sharedParts: ["description", "victims"],
    });
    assert.equal(referred.statusCode, 200, referred.body);
  });
  after(() => h?.close());

  it("the coordinator accepts the referral from the route and opens the file from it", async () => {
    zorg = await h.newPage();
    const { page, problems } = zorg;
    await logIn(page, "zorg@zorgcoordinatie.demo");
    await mainNav(page).getByRole("link", { name: "Zorgcoördinatie" }).click();
    await assertAccessiblePage(page, "Zorgcoördinatie");
    await page.getByRole("table", { name: "Doorverwijzingen zonder dossier" }).getByRole("link", { name: signalReference }).waitFor();
    await shoot(page, "overview");
    await page.getByRole("button", { name: `Accepteren (doorverwijzing van signaal ${signalReference})` }).click();
    await page.getByRole("status").filter({ hasText: "geaccepteerd" }).first().waitFor();
    await page.getByRole("link", { name: `Dossier openen (uit signaal ${signalReference})` }).click();
    await page.waitForURL(/\/zorg\/dossiers\/nieuw\?doorverwijzing=/);
    // The referral's summary and its victims load after the page itself.
    await page.getByRole("radio", { name: new RegExp(VICTIM) }).waitFor();
    await assertAccessiblePage(page, "Dossier openen");
    assert.match(await text(page), /Veiligheid, opvang en zorg voor de vrouw/);
    await page.getByRole("radio", { name: new RegExp(VICTIM) }).check();
    await page.getByLabel("Talen die de persoon spreekt").fill("uk, ru");
    await shoot(page, "open");
    await page.getByRole("button", { name: "Dossier openen" }).click();
    await page.waitForURL(/\/zorg\/dossiers\/[0-9a-f-]{36}$/);
    fileUrl = new URL(page.url()).pathname;
    await page.getByRole("heading", { level: 1, name: /ZT-\d{4}-\d{5}/ }).waitFor();
    const reference = (await page.locator("h1").textContent())?.match(/ZT-\d{4}-\d{5}/)?.[0] ?? "";
    assert.match(reference, /^ZT-\d{4}-\d{5}$/);
    title = `Dossier ${reference}`;
    await assertAccessiblePage(page, title);
    // What the referral shared came along: the person, the form of exploitation, the signal.
    const main = await text(page);
    assert.match(main, new RegExp(VICTIM));
    assert.match(main, new RegExp(signalReference));
    assert.match(main, /Seksuele uitbuiting/);
    assert.deepEqual(problems, []);
  });

  it("records consent, needs, a shelter placement and a service, starts the reflection period and adds the police for one purpose", async () => {
    const { page, problems } = zorg;
    const consent = section(page, "consent");
    const consentForm = page.locator("#consent-record-panel");
    await open(consent, "Toestemming vastleggen");
    await consentForm.getByLabel("Doel", { exact: true }).selectOption("criminal_investigation");
    await consentForm.getByLabel("Ontvangende organisatie").selectOption({ label: "Politie Oost-Nederland (AVIM)" });
    await consentForm.getByLabel("Hoe vastgelegd").selectOption("written");
    await consentForm.getByRole("button", { name: "Toestemming vastleggen" }).click();
    await statusIn(page, "consent").filter({ hasText: "strafrechtelijk onderzoek" }).waitFor();

    const plan = section(page, "care-plan");
    await plan.getByRole("button", { name: "Wijzigen: Veiligheid" }).click();
    await page.locator("#need-edit-safety").getByRole("radio", { name: "Nodig", exact: true }).check();
    await page.locator("#need-edit-safety").getByLabel("Toelichting").fill("Angst voor de eigenaar van de salon.");
    await page.locator("#need-edit-safety").getByRole("button", { name: "Opslaan" }).click();
    await statusIn(page, "care-plan").filter({ hasText: "Veiligheid" }).waitFor();
    await plan.getByRole("button", { name: "Wijzigen: Medisch" }).click();
    await page.locator("#need-edit-medical").getByRole("radio", { name: "Nodig", exact: true }).check();
    await page.locator("#need-edit-medical").getByRole("button", { name: "Opslaan" }).click();
    await statusIn(page, "care-plan").filter({ hasText: "Medisch" }).waitFor();

    await open(section(page, "shelter"), "Plaatsing vastleggen");
    const placement = page.locator("#placement-add-panel");
    await placement.getByLabel("Opvang", { exact: true }).selectOption({ label: "Opvang De Linde (COSM)" });
    await placement.getByRole("radio", { name: "COSM-plaats", exact: true }).check();
    await placement.getByRole("button", { name: "Plaatsing vastleggen" }).click();
    await statusIn(page, "shelter").filter({ hasText: "Opvang De Linde" }).waitFor();

    await open(plan, "Dienst inzetten");
    const service = page.locator("#service-add-panel");
    await service.getByLabel("Domein").selectOption("medical");
    await service.getByLabel("Soort dienst").selectOption("medical_care");
    await service.getByLabel("Aanbieder").selectOption({ label: "Opvang De Linde (COSM)" });
    await service.getByRole("button", { name: "Dienst inzetten" }).click();
    await statusIn(page, "care-plan").filter({ hasText: "dienst is ingezet" }).waitFor();

    await open(section(page, "residence"), "Bedenktijd vastleggen");
    await page.locator("#reflection-start-panel").getByRole("button", { name: "Bedenktijd vastleggen" }).click();
    await statusIn(page, "residence").filter({ hasText: "bedenktijd is vastgelegd" }).waitFor();
    assert.match((await section(page, "residence").textContent()) ?? "", /Loopt nog \d+ dagen/);

    const member = page.locator("#team-add-panel");
    await open(section(page, "team"), "Iemand aan het casusteam toevoegen");
    await member.getByLabel("Organisatie", { exact: true }).selectOption({ label: "Politie Oost-Nederland (AVIM)" });
    await member.getByLabel("Medewerker").selectOption({ label: "Pieter Politie" });
    await member.getByLabel("Doel", { exact: true }).selectOption("criminal_investigation");
    await member.getByLabel("Toegang tot en met").fill(addDays(today, 90));
    await member.getByRole("button", { name: "Toevoegen aan het casusteam" }).click();
    await statusIn(page, "team").filter({ hasText: "Pieter Politie is toegevoegd" }).waitFor();

    await assertAccessiblePage(page, title);
    await shoot(page, "file-coordinator");
    // Everything recorded stands in the database, under the file.
    const id = fileUrl.split("/").pop()!;
    const stored = await h.t.db.query<{ consents: number; needs: number; placements: number; services: number; reflection: string | null; members: number }>(
      `select (select count(*)::int from consents where file_id = $1) as consents,
              (select count(*)::int from victim_needs where file_id = $1) as needs,
              (select count(*)::int from shelter_placements where file_id = $1 and place_type = 'cosm') as placements,
              (select count(*)::int from care_services where file_id = $1) as services,
              (select to_char(reflection_offered_on, 'YYYY-MM-DD') from residence_schemes where file_id = $1) as reflection,
              (select count(*)::int from case_team_members where file_id = $1 and member_role = 'partner' and purpose = 'criminal_investigation') as members`,
      [id],
    );
    assert.deepEqual(stored[0], { consents: 1, needs: 2, placements: 1, services: 1, reflection: today, members: 1 });
    assert.deepEqual(problems, []);
  });

  it("the police user sees the file, but not the parts outside the criminal investigation", async () => {
    const { page, problems } = await h.newPage();
    await logIn(page, "politie@politie.demo");
    await mainNav(page).getByRole("link", { name: "Dossiers" }).click();
    await page.getByRole("link", { name: title.replace("Dossier ", "") }).first().click();
    await assertAccessiblePage(page, title);
    const main = await text(page);
    assert.match(main, new RegExp(VICTIM));
    assert.match(main, /Bedenktijd aangeboden/);
    const headings = await page.locator("main h2").allTextContents();
    for (const seen of ["Persoon", "Uitbuiting en hoe de persoon in beeld kwam", "Verblijfsregeling (B8/3)"]) assert.ok(headings.includes(seen), `sees ${seen}`);
    for (const unseen of ["Zorgplan", "Opvang", "Toestemming", "Casusteam", "Registratie", "Geschiedenis"]) assert.ok(!headings.includes(unseen), `does not see ${unseen}`);
    assert.doesNotMatch(main, /Angst voor de eigenaar|Opvang De Linde|COSM-plaats/);
    await shoot(page, "file-police");
    assert.deepEqual(problems, []);
  });

  it("a partner outside the team gets 'does not exist or no access', in the browser and from the API", async () => {
    const { page, problems } = await h.newPage();
    await logIn(page, "inspectie@arbeidsinspectie.demo");
    await page.goto(fileUrl);
    await page.getByText("bestaat niet of u heeft er geen toegang toe").waitFor();
    await assertAccessiblePage(page, "Dossier");
    assert.doesNotMatch(await text(page), new RegExp(VICTIM));
    const status = await page.evaluate(async (url) => (await fetch(`/api/v1/victim-files/${url.split("/").pop()}`)).status, fileUrl);
    assert.equal(status, 404);
    assert.deepEqual(problems, []);
  });

  it("the coordinator exports the CoMensha registration and the HTCDS file", async () => {
    const { page, problems } = zorg;
    await page.goto(fileUrl);
    await assertAccessiblePage(page, title);
    await open(section(page, "consent"), "Toestemming vastleggen");
    const consentForm = page.locator("#consent-record-panel");
    await consentForm.getByLabel("Doel", { exact: true }).selectOption("comensha_registration");
    await consentForm.getByLabel("Hoe vastgelegd").selectOption("verbal");
    await consentForm.getByRole("button", { name: "Toestemming vastleggen" }).click();
    await statusIn(page, "consent").filter({ hasText: "registratie bij CoMensha" }).waitFor();
    await open(section(page, "consent"), "Toestemming vastleggen");
    await consentForm.getByLabel("Doel", { exact: true }).selectOption("international_exchange");
    await consentForm.getByLabel("Naam van de ontvanger").fill("La Strada International");
    await consentForm.getByLabel("Hoe vastgelegd").selectOption("written");
    await consentForm.getByRole("button", { name: "Toestemming vastleggen" }).click();
    await statusIn(page, "consent").filter({ hasText: "internationale" }).waitFor();

    const registration = section(page, "registration");
    const comensha = await downloaded(page, () => registration.getByRole("button", { name: "Registratiebestand downloaden" }).click());
    const [header, row] = comensha.content.replace(/^\uFEFF/, "").trim().split("\n");
    assert.match(header ?? "", /Vorm\(en\) van uitbuiting;Leeftijd;Leeftijdscategorie;Minderjarig;Geslacht;Nationaliteit;Regio \(politie-eenheid\);Type melder/);
    assert.match(row ?? "", /seksuele uitbuiting;\d+;.*;nee;vrouw;UKR;Oost-Nederland;gemeente;/);
    assert.doesNotMatch(comensha.content, new RegExp(`${VICTIM}|2001-09-14`));
    await open(registration, "Registratie bij CoMensha vastleggen");
    await page.locator("#comensha-register-panel").getByRole("button", { name: "Registratie vastleggen" }).click();
    await statusIn(page, "registration").filter({ hasText: "registratie bij CoMensha is vastgelegd" }).waitFor();

    await open(registration, "HTCDS-bestand maken");
    const htcds = page.locator("#htcds-export-panel");
    await htcds.getByLabel("Ontvanger").fill("La Strada International");
    const exported = await downloaded(page, () => htcds.getByRole("button", { name: "HTCDS-bestand downloaden" }).click());
    const json = JSON.parse(exported.content) as { records: { victimContext: { vic_TypeOfExploitation: string[] }; consent: { con_Consent: boolean } }[] };
    assert.deepEqual(json.records[0]!.victimContext.vic_TypeOfExploitation, ["SexualExploitation"]);
    assert.equal(json.records[0]!.consent.con_Consent, true);
    assert.doesNotMatch(exported.content, new RegExp(VICTIM));
    await statusIn(page, "registration").filter({ hasText: "voor La Strada International is gedownload" }).waitFor();

    // Both exports are in the file's history (the page reloads it after an export).
    await section(page, "history").getByText(/Registratiebestand voor CoMensha gemaakt/).first().waitFor();
    await section(page, "history").getByText(/HTCDS-bestand gemaakt voor La Strada International/).first().waitFor();
    await assertAccessiblePage(page, title);
    await shoot(page, "file-registered");
    // Every look and every export is in the audit trail.
    const id = fileUrl.split("/").pop()!;
    const events = await h.t.db.query<{ action: string; actor_role: string | null; result: string }>(
      "select action, actor_role, result from audit_events where object_id = $1 order by seq",
      [id],
    );
    assert.deepEqual([...new Set(events.filter((e) => e.action === "read").map((e) => e.actor_role))].sort(), ["care_coordinator", "partner"]);
    assert.equal(events.filter((e) => e.action === "export").length, 2);
    assert.ok(events.some((e) => e.action === "access_denied"), "the inspector's attempt is recorded");
    assert.deepEqual(problems, []);
  });
});
