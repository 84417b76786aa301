import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { assertAccessiblePage, focusedElement, hasChromium, logIn, mainNav, startWebHarness, type WebHarness } from "./support/browser.ts";

/*
 * A reporter in the street: on a phone-sized screen, Mila de Melder reports a signal with two indicators,
 * a presumed victim and an address. A malformed postcode is caught in Dutch without losing anything, a
 * reload halfway restores the draft, a double click creates one signal, and "Mijn signalen" lists it.
 */
const SHOTS = "/tmp/shots";

describe("reporting a signal on a phone", { skip: hasChromium ? false : "no Chromium (set CHROMIUM_PATH)" }, () => {
  let h: WebHarness;
  before(async () => {
    h = await startWebHarness();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(() => h?.close());

  it("a reporter reports a signal, keeps the draft over a reload, and sees it under Mijn signalen", async () => {
    const { page, problems } = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, "melder@zevenaar.demo");
    await mainNav(page).getByRole("link", { name: "Signaal melden" }).click();
    await page.waitForURL("**/signalen/nieuw");
    // The indicator groups are closed disclosures, so the form stays short on a phone.
    const summary = (name: string) => page.locator("summary", { hasText: name });
    await summary("Seksuele uitbuiting").waitFor();
    assert.equal(await page.getByRole("group", { name: "Seksuele uitbuiting", exact: true }).isVisible(), false);
    await assertAccessiblePage(page, "Signaal melden");
    await page.screenshot({ path: `${SHOTS}/signal-intake-collapsed-phone.png`, fullPage: true });

    // The reporter's own municipality is chosen already.
    const municipality = page.getByLabel("Gemeente", { exact: true });
    assert.equal(await municipality.locator("option:checked").textContent(), "Gemeente Zevenaar");

    // Two indicators of different groups: the hint names both forms, and always the caution.
    await summary("Seksuele uitbuiting").click();
    await page.getByRole("group", { name: "Seksuele uitbuiting", exact: true }).getByRole("checkbox").first().check();
    await page.screenshot({ path: `${SHOTS}/signal-intake-group-open-phone.png` });
    await summary("Arbeidsuitbuiting").click();
    await page.getByRole("group", { name: "Arbeidsuitbuiting", exact: true }).getByRole("checkbox").first().check();
    assert.match((await summary("Seksuele uitbuiting").textContent()) ?? "", /\(1 aangevinkt\)/);
    const hint = page.getByRole("complementary", { name: "Wat de indicatoren aangeven" });
    await hint.getByText("seksuele uitbuiting en arbeidsuitbuiting", { exact: false }).waitFor();
    assert.match((await hint.textContent()) ?? "", /nooit een oordeel/);

    await page.getByLabel("Wat is er gebeurd?").fill("Drie jonge vrouwen worden elke avond met een busje opgehaald bij de nagelstudio.");
    await page.getByLabel("Adres", { exact: true }).check();
    await page.getByLabel("Postcode", { exact: true }).fill("0690 AB");
    await page.getByLabel("Huisnummer", { exact: true }).fill("12");
    await page.getByRole("button", { name: "Slachtoffer toevoegen" }).click();
    const victim = page.getByRole("group", { name: "Vermoedelijk slachtoffer 1" });
    await victim.getByLabel("Naam").fill("Ana P.");
    await victim.getByLabel("Nationaliteit").selectOption({ label: "Roemeens" });
    await victim.getByLabel("Geboortedatum").fill("2004-05-17");

    // The connection drops and the page is opened again: the draft, with its Idempotency-Key, is back.
    const keyBefore = await page.evaluate(() => Object.entries(sessionStorage).find(([k]) => k.startsWith("ketenzicht.signalDraft."))?.[1]);
    assert.ok(keyBefore, "the draft is kept while typing");
    await page.reload();
    await page.getByRole("heading", { name: "Concept hersteld" }).waitFor();
    assert.equal(await page.getByLabel("Wat is er gebeurd?").inputValue(), "Drie jonge vrouwen worden elke avond met een busje opgehaald bij de nagelstudio.");
    assert.equal(await page.getByLabel("Postcode", { exact: true }).inputValue(), "0690 AB");
    assert.equal(await page.getByRole("group", { name: "Vermoedelijk slachtoffer 1" }).getByLabel("Naam").inputValue(), "Ana P.");
    // Groups with ticked indicators open by themselves; the others stay closed.
    await page.getByRole("group", { name: "Seksuele uitbuiting", exact: true }).waitFor();
    assert.equal(await page.getByRole("group", { name: "Seksuele uitbuiting", exact: true }).getByRole("checkbox").first().isChecked(), true);
    assert.equal(await page.getByRole("group", { name: "Algemeen", exact: true }).isVisible(), false);
    await assertAccessiblePage(page, "Signaal melden");
    await page.screenshot({ path: `${SHOTS}/signal-intake-phone.png`, fullPage: true });

    // Immediate danger: 112 is shown prominently, right below the checkbox.
    await page.getByLabel("Er is direct gevaar").check();
    await page.getByRole("heading", { name: "Bel nu 112" }).waitFor();
    assert.equal(await page.getByRole("link", { name: "Bel 112" }).getAttribute("href"), "tel:112");
    await page.screenshot({ path: `${SHOTS}/signal-intake-danger-phone.png` });
    await page.getByLabel("Er is direct gevaar").uncheck();

    // A malformed postcode: a Dutch message in the summary (which takes the focus) and at the field.
    await page.getByRole("button", { name: "Signaal versturen" }).click();
    await page.getByRole("heading", { name: "Er is iets niet goed ingevuld" }).waitFor();
    assert.equal((await focusedElement(page)).tag, "DIV", "the error summary takes the focus");
    const postcode = page.getByLabel("Postcode", { exact: true });
    assert.equal(await postcode.getAttribute("aria-invalid"), "true");
    const describedBy = (await postcode.getAttribute("aria-describedby")) ?? "";
    assert.match(describedBy, /field-location-postcode-error/);
    assert.match((await page.locator("#field-location-postcode-error").textContent()) ?? "", /geldige Nederlandse postcode/);
    await page.screenshot({ path: `${SHOTS}/signal-intake-error-phone.png`, fullPage: false });
    await assertAccessiblePage(page, "Signaal melden");
    assert.equal(await page.getByLabel("Huisnummer", { exact: true }).inputValue(), "12", "nothing is lost");
    assert.equal(await page.getByRole("group", { name: "Vermoedelijk slachtoffer 1" }).getByLabel("Naam").inputValue(), "Ana P.");

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SHOTS}/signal-intake-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });

    // Corrected and sent with a double click: one signal, its reference shown.
    await postcode.fill("6901 AB");
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().endsWith("/api/v1/signals")) posts.push(request.headers()["idempotency-key"] ?? "");
    });
    await page.getByRole("button", { name: "Signaal versturen" }).dblclick();
    await page.getByRole("heading", { level: 1, name: "Signaal ontvangen" }).waitFor();
    await assertAccessiblePage(page, "Signaal ontvangen");
    const reference = ((await page.locator(".kz-reference").textContent()) ?? "").trim();
    assert.ok(reference.length > 0, "the reference is shown");
    assert.ok(posts.length >= 1 && posts.every((key) => key === posts[0]), "every attempt carries the draft's one Idempotency-Key");
    assert.equal(
      await page.evaluate(() => Object.keys(sessionStorage).some((k) => k.startsWith("ketenzicht.signalDraft."))),
      false,
      "the draft is gone after success",
    );
    await page.screenshot({ path: `${SHOTS}/signal-intake-done-phone.png`, fullPage: true });

    await page.getByRole("link", { name: "Naar Mijn signalen" }).click();
    await page.waitForURL("**/signalen/mijn");
    await page.getByRole("heading", { level: 2, name: `Kenmerk ${reference}` }).waitFor();
    await assertAccessiblePage(page, "Mijn signalen");
    const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `Kenmerk ${reference}` }) });
    assert.equal(await item.count(), 1, "one signal for one draft, even after a double click");
    assert.match((await item.textContent()) ?? "", /Ontvangen/);
    await page.screenshot({ path: `${SHOTS}/my-signals-phone.png`, fullPage: true });

    // Opening the form again starts a clean draft without the notice.
    await mainNav(page).getByRole("link", { name: "Signaal melden" }).click();
    await assertAccessiblePage(page, "Signaal melden");
    assert.equal(await page.getByRole("heading", { name: "Concept hersteld" }).count(), 0);
    assert.deepEqual(problems, []);
  });
});
