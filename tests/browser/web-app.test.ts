import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { currentTotp } from "../../src/server/modules/accounts/second-factor.ts";
import { createUser, demoIds } from "../support/fixtures.ts";
import {
  assertAccessiblePage,
  focusedElement,
  hasChromium,
  logIn,
  mainNav,
  startWebHarness,
  type WebHarness,
} from "./support/browser.ts";

/*
 * The web app end to end, in headless Chromium against the real app. A TOTP code is accepted once, so
 * each test logs in with its own demo account where a second factor is involved.
 */
describe("the web app in a browser", { skip: hasChromium ? false : "no Chromium (set CHROMIUM_PATH)" }, () => {
  let h: WebHarness;
  before(async () => {
    h = await startWebHarness();
  });
  after(() => h?.close());

  it("serves the public pages accessibly: login, accessibility statement, not found", async () => {
    const { page, problems } = await h.newPage();
    await page.goto("/inloggen");
    await assertAccessiblePage(page, "Inloggen");
    assert.equal(await page.getAttribute("html", "lang"), "nl");
    await page.getByRole("link", { name: "Toegankelijkheid" }).click();
    await assertAccessiblePage(page, "Toegankelijkheidsverklaring");
    await page.goto("/bestaat-niet");
    await assertAccessiblePage(page, "Pagina niet gevonden");
    assert.deepEqual(problems, []);
  });

  it("summarises login errors with links to the fields and moves the focus there", async () => {
    const { page, problems } = await h.newPage();
    await page.goto("/inloggen");
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    const summary = page.locator(".kz-error-summary");
    await summary.waitFor();
    assert.equal((await focusedElement(page)).text.startsWith("Er is iets niet goed ingevuld"), true);
    assert.equal(await summary.getByRole("link").first().getAttribute("href"), "#field-email");
    assert.equal(await page.getByLabel("E-mailadres", { exact: true }).getAttribute("aria-invalid"), "true");
    await summary.getByRole("link").first().click();
    assert.equal((await focusedElement(page)).id, "field-email");
    await assertAccessiblePage(page, "Inloggen");

    await page.getByLabel("E-mailadres", { exact: true }).fill("beheer@zevenaar.demo");
    await page.getByLabel("Wachtwoord", { exact: true }).fill("niet-het-wachtwoord");
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    await page.waitForFunction(() => !document.querySelector(".kz-error-summary")?.textContent?.includes("niet goed ingevuld"));
    assert.match((await focusedElement(page)).text, /onjuist/);
    assert.deepEqual(problems, []);
  });

  it("lets an administrator create a user, then deactivate and reactivate the account", async () => {
    const { page, problems } = await h.newPage();
    await logIn(page, "beheer@zevenaar.demo");
    await assertAccessiblePage(page, "Welkom, Bram Beheer");
    await mainNav(page).getByRole("link", { name: "Gebruikers" }).click();
    await page.locator("table").waitFor();
    assert.equal((await focusedElement(page)).tag, "H1", "the focus moves to the h1 after a route change");
    await assertAccessiblePage(page, "Gebruikers");

    await page.getByRole("link", { name: "Nieuwe gebruiker" }).click();
    await assertAccessiblePage(page, "Nieuwe gebruiker");
    await page.getByLabel("E-mailadres", { exact: true }).fill("browser.test@zevenaar.demo");
    await page.getByLabel("Naam", { exact: true }).fill("Bea Browser");
    await page.getByLabel("Beleidsmedewerker").check();
    await page.getByLabel("Eerste wachtwoord").fill("kort");
    await page.getByRole("button", { name: "Gebruiker aanmaken" }).click();
    await page.locator(".kz-error-summary").waitFor();
    assert.equal(await page.locator(".kz-error-summary a").first().getAttribute("href"), "#field-password");
    await assertAccessiblePage(page, "Nieuwe gebruiker");

    await page.getByLabel("Eerste wachtwoord").fill("Een-lang-wachtwoord-2026");
    await page.getByRole("button", { name: "Gebruiker aanmaken" }).click();
    await page.waitForURL(/\/beheer\/gebruikers\/[0-9a-f-]{36}$/);
    await assertAccessiblePage(page, "Bea Browser");
    await page.getByRole("button", { name: "Account deactiveren" }).click();
    await page.getByRole("button", { name: "Ja, deactiveren" }).click();
    await page.getByRole("button", { name: "Account weer activeren" }).waitFor();
    assert.equal((await focusedElement(page)).text, "Account weer activeren");
    await assertAccessiblePage(page, "Bea Browser");
    await page.getByRole("button", { name: "Account weer activeren" }).click();
    await page.getByRole("button", { name: "Account deactiveren" }).waitFor();

    await mainNav(page).getByRole("link", { name: "Organisaties" }).click();
    await page.getByRole("table", { name: "Organisaties" }).waitFor();
    await assertAccessiblePage(page, "Organisaties");
    assert.deepEqual(problems, []);
  });

  it("lets the region administrator set the region's police unit, which members then see", async () => {
    // A region administrator of its own, so no other test's login meets this one's TOTP code.
    const ids = await demoIds(h.t);
    const admin = await createUser(h.t, { organisationId: ids.organisations.arnhem, roles: ["administrator"], regionAdministratorOf: [ids.regionId] });
    const api = await h.t.login(admin.email, { totpSecret: admin.totpSecret });
    const { context, page, problems } = await h.newPage();
    await context.addCookies([{ name: "kz_session", value: api.cookie!, domain: "127.0.0.1", path: "/", httpOnly: true, secure: true, sameSite: "Strict" }]);
    await page.goto("/");
    await mainNav(page).getByRole("link", { name: "Organisaties" }).click();
    const regions = page.getByRole("table", { name: "Regio's en hun politie-eenheid" });
    await regions.getByRole("row", { name: /Regio Arnhem-Achterhoek \(demo\).*Oost-Nederland/ }).waitFor();
    await assertAccessiblePage(page, "Organisaties");
    await page.getByLabel("Politie-eenheid van Regio Arnhem-Achterhoek (demo)").selectOption("midden_nederland");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.getByRole("status").filter({ hasText: "De politie-eenheid van Regio Arnhem-Achterhoek (demo) is opgeslagen." }).waitFor();
    await regions.getByRole("row", { name: /Regio Arnhem-Achterhoek \(demo\).*Midden-Nederland/ }).waitFor();
    await assertAccessiblePage(page, "Organisaties");
    const stored = await h.t.db.query<{ police_unit: string }>("select police_unit from regions where name = 'Regio Arnhem-Achterhoek (demo)'");
    assert.equal(stored[0]!.police_unit, "midden_nederland");
    await h.t.db.query("update regions set police_unit = 'oost_nederland' where name = 'Regio Arnhem-Achterhoek (demo)'");

    // The monitor's threshold for small numbers: a wrong value is named at the field and nothing is stored; 10 is.
    const threshold = page.getByLabel("Drempel kleine aantallen van Regio Arnhem-Achterhoek (demo)");
    await threshold.fill("1");
    await page.getByRole("button", { name: "Drempel wijzigen" }).click();
    await page.getByText("Vul een geheel getal van 2 tot en met 50 in.").waitFor();
    await assertAccessiblePage(page, "Organisaties");
    const thresholdNow = async () => (await h.t.db.query<{ t: number }>("select suppression_threshold as t from regions where name = 'Regio Arnhem-Achterhoek (demo)'"))[0]!.t;
    assert.equal(await thresholdNow(), 5);
    await threshold.fill("10");
    await page.getByRole("button", { name: "Drempel wijzigen" }).click();
    await page.getByRole("status").filter({ hasText: "De drempel voor kleine aantallen van Regio Arnhem-Achterhoek (demo) is nu 10." }).waitFor();
    await regions.getByRole("row", { name: /Regio Arnhem-Achterhoek \(demo\).*Oost-Nederland.*10/ }).waitFor();
    await assertAccessiblePage(page, "Organisaties");
    await page.screenshot({ path: "/tmp/kz-shots/organisations-threshold.png", fullPage: true });
    assert.equal(await thresholdNow(), 10);
    await h.t.db.query("update regions set suppression_threshold = 5 where name = 'Regio Arnhem-Achterhoek (demo)'");

    // A member of the region sees the unit, without the form.
    const member = await h.newPage();
    await logIn(member.page, "beleid@arnhem.demo");
    await mainNav(member.page).getByRole("link", { name: "Organisaties" }).click();
    await member.page.getByRole("table", { name: "Regio's en hun politie-eenheid" }).getByRole("row", { name: /Oost-Nederland/ }).waitFor();
    assert.equal(await member.page.getByRole("button", { name: "Opslaan" }).count(), 0);
    await assertAccessiblePage(member.page, "Organisaties");
    await member.page.screenshot({ path: "/tmp/kz-shots/organisations-member.png", fullPage: true });
    await page.screenshot({ path: "/tmp/kz-shots/organisations-region-admin.png", fullPage: true });
    assert.deepEqual(problems, []);
    assert.deepEqual(member.problems, []);
  });

  it("walks a new user through setting up the second factor and shows the recovery codes once", async () => {
    const admin = await h.t.login("regiobeheer@arnhem.demo");
    const organisations = (await admin.get("/api/v1/organisations")).json().items as { id: string; name: string }[];
    const zevenaar = organisations.find((o) => o.name === "Gemeente Zevenaar");
    assert.ok(zevenaar);
    const created = await admin.post("/api/v1/users", {
      email: "nieuw.af@zevenaar.demo",
      displayName: "Noor Nieuw",
      organisationId: zevenaar.id,
      roles: ["focal_officer"],
      password: "Een-lang-wachtwoord-2026",
    });
    assert.equal(created.statusCode, 201, created.body);

    const { page, problems } = await h.newPage();
    await page.goto("/inloggen");
    await page.getByLabel("E-mailadres", { exact: true }).fill("nieuw.af@zevenaar.demo");
    await page.getByLabel("Wachtwoord", { exact: true }).fill("Een-lang-wachtwoord-2026");
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    await page.waitForURL("**/inloggen/tweede-factor-instellen");
    await page.locator("img.kz-qr").waitFor();
    await assertAccessiblePage(page, "Tweede factor instellen");
    assert.match((await page.getAttribute("img.kz-qr", "src")) ?? "", /^data:image\/png;base64,/);
    const secret = ((await page.locator(".kz-secret code").textContent()) ?? "").replace(/\s/g, "");
    await page.getByLabel("Code uit de app").fill(currentTotp(secret));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.locator("ol.kz-recovery-codes").waitFor();
    await assertAccessiblePage(page, "Bewaar uw herstelcodes");
    assert.equal((await focusedElement(page)).tag, "H1");
    assert.ok((await page.locator("ol.kz-recovery-codes li").count()) >= 8);

    await page.getByRole("button", { name: "Verder naar Ketenzicht" }).click();
    await page.locator(".kz-error-summary").waitFor();
    await page.getByLabel("Ik heb mijn herstelcodes veilig bewaard").check();
    await page.getByRole("button", { name: "Verder naar Ketenzicht" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await assertAccessiblePage(page, "Welkom, Noor Nieuw");
    assert.deepEqual(problems, []);
  });

  it("gives the privacy officer the audit trail and a person's timeline", async () => {
    const { page, problems } = await h.newPage();
    await logIn(page, "privacy@zevenaar.demo");
    await mainNav(page).getByRole("link", { name: "Audittrail" }).click();
    await page.locator("table").waitFor();
    await assertAccessiblePage(page, "Audittrail");
    await page.getByLabel("Actie", { exact: true }).selectOption("login");
    await page.getByRole("button", { name: "Filteren" }).click();
    await page.waitForURL(/action=login/);
    // The filtered rows replace the earlier ones asynchronously: wait until they have (or time out).
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll("table tbody tr td:nth-child(3)")];
      return cells.length > 0 && cells.every((cell) => cell.textContent === "Ingelogd");
    });
    const actions = await page.locator("table tbody tr td:nth-child(3)").allTextContents();
    assert.ok(actions.length > 0 && actions.every((a) => a === "Ingelogd"), JSON.stringify(actions));

    await page.getByLabel("Persoon", { exact: true }).selectOption({ label: "Mila de Melder (melder@zevenaar.demo)" });
    await page.getByRole("button", { name: "Tijdlijn tonen" }).click();
    await page.waitForURL(/\/audit\/persoon\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: "Wat deze persoon deed" }).waitFor();
    await assertAccessiblePage(page, "Tijdlijn van Mila de Melder");
    assert.deepEqual(problems, []);
  });

  it("shows only what the abilities allow", async () => {
    const { page, problems } = await h.newPage();
    await logIn(page, "melder@zevenaar.demo");
    await assertAccessiblePage(page, "Welkom, Mila de Melder");
    const links = await mainNav(page).getByRole("link").allTextContents();
    // A front-desk employee reports and follows her own signals, looks up where victims can go (the
    // region's social map is open to everyone in the region) and sees nothing of cases, care or policy.
    assert.deepEqual(links, ["Start", "Signaal melden", "Mijn signalen", "Sociale kaart", "Organisaties", "Meldingen"]);
    await page.goto("/audit");
    await assertAccessiblePage(page, "Geen toegang");
    assert.deepEqual(problems, []);
  });

  it("switches to English, sets <html lang> and remembers the choice", async () => {
    const { page, problems } = await h.newPage();
    await page.goto("/inloggen");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("heading", { level: 1, name: "Log in" }).waitFor();
    assert.equal(await page.getAttribute("html", "lang"), "en");
    await page.reload();
    await assertAccessiblePage(page, "Log in");
    assert.equal(await page.getAttribute("html", "lang"), "en");
    await page.getByRole("button", { name: "Wissel naar Nederlands" }).click();
    assert.equal(await page.getAttribute("html", "lang"), "nl");
    assert.deepEqual(problems, []);
  });

  it("sends the user back to the login page with a message when the session is gone", async () => {
    const { context, page, problems } = await h.newPage();
    await logIn(page, "beleid@arnhem.demo");
    // Let the start page's own requests (e.g. the menu's unread count) finish with the session still there.
    await page.waitForLoadState("networkidle");
    await context.clearCookies();
    // The menu's unread count may ask the server first and find the session gone: then the login page is
    // already there (with the same message) before the link could be clicked.
    await mainNav(page).getByRole("link", { name: "Organisaties" }).click({ timeout: 5_000 }).catch(() => undefined);
    await page.waitForURL("**/inloggen");
    await page.getByText("Uw sessie is verlopen").waitFor();
    await assertAccessiblePage(page, "Inloggen");
    assert.deepEqual(problems, []);
  });

  it("works with the keyboard alone: skip link, login form, focus on the new page's h1", async () => {
    const { page, problems } = await h.newPage();
    await page.goto("/inloggen");
    await page.locator("h1").waitFor();
    await page.waitForLoadState("networkidle");
    await page.keyboard.press("Tab");
    const first = await focusedElement(page);
    assert.equal(first.text, "Direct naar de inhoud", first.html);
    await page.keyboard.press("Enter");
    assert.equal((await focusedElement(page)).id, "main");
    await page.keyboard.press("Tab");
    assert.equal((await focusedElement(page)).id, "field-email");
    await page.keyboard.type("melder@zevenaar.demo");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Ketenzicht-demo-2026");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/");
    await page.locator("h1").waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    assert.deepEqual(problems, []);
  });
});
