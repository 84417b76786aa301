import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertAccessiblePage, hasChromium, logIn, mainNav, startWebHarness, type WebHarness } from "./support/browser.ts";

/*
 * The foundation's journey as its users walk it: an administrator creates an account, its owner logs
 * in, and the privacy officer finds that login in the audit trail.
 */
describe("an account from creation to the audit trail", { skip: hasChromium ? false : "no Chromium (set CHROMIUM_PATH)" }, () => {
  let h: WebHarness;
  before(async () => {
    h = await startWebHarness();
  });
  after(() => h?.close());

  it("an administrator creates a user who logs in, and the privacy officer sees that login", async () => {
    const admin = await h.newPage();
    await logIn(admin.page, "beheer@zevenaar.demo");
    await mainNav(admin.page).getByRole("link", { name: "Gebruikers" }).click();
    await admin.page.getByRole("link", { name: "Nieuwe gebruiker" }).click();
    await assertAccessiblePage(admin.page, "Nieuwe gebruiker");
    await admin.page.getByLabel("E-mailadres", { exact: true }).fill("jan.journey@zevenaar.demo");
    await admin.page.getByLabel("Naam", { exact: true }).fill("Jan Journey");
    await admin.page.getByLabel("Beleidsmedewerker").check();
    await admin.page.getByLabel("Eerste wachtwoord").fill("Journey-wachtwoord-2026");
    await admin.page.getByRole("button", { name: "Gebruiker aanmaken" }).click();
    await admin.page.waitForURL(/\/beheer\/gebruikers\/[0-9a-f-]{36}$/);
    await assertAccessiblePage(admin.page, "Jan Journey");
    assert.deepEqual(admin.problems, []);

    const user = await h.newPage();
    await logIn(user.page, "jan.journey@zevenaar.demo", "Journey-wachtwoord-2026");
    await assertAccessiblePage(user.page, "Welkom, Jan Journey");
    assert.deepEqual(user.problems, []);

    const privacy = await h.newPage();
    await logIn(privacy.page, "privacy@zevenaar.demo");
    await mainNav(privacy.page).getByRole("link", { name: "Audittrail" }).click();
    await privacy.page.locator("table").waitFor();
    await privacy.page.getByLabel("Persoon", { exact: true }).selectOption({ label: "Jan Journey (jan.journey@zevenaar.demo)" });
    await privacy.page.getByRole("button", { name: "Tijdlijn tonen" }).click();
    await privacy.page.waitForURL(/\/audit\/persoon\/[0-9a-f-]{36}$/);
    await privacy.page.getByRole("heading", { name: "Wat deze persoon deed" }).waitFor();
    await assertAccessiblePage(privacy.page, "Tijdlijn van Jan Journey");
    // Both tables load asynchronously: wait for the rows that must be there (a timeout fails the test).
    await privacy.page.getByRole("cell", { name: "Ingelogd", exact: true }).first().waitFor();
    await privacy.page.getByRole("cell", { name: /Bram Beheer/ }).first().waitFor();
    const text = (await privacy.page.locator("main").textContent()) ?? "";
    assert.match(text, /Ingelogd/, "the new user's login is in their timeline");
    assert.match(text, /Bram Beheer/, "the administrator who created the account shows among who handled it");
    assert.deepEqual(privacy.problems, []);
  });
});
