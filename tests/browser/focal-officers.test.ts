import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { createUser, demoIds, type DemoIds } from "../support/fixtures.ts";
import type { TestClient } from "../support/test-app.ts";
import { assertAccessiblePage, hasChromium, mainNav, startWebHarness, type WebHarness } from "./support/browser.ts";

/*
 * Focal officers as their users keep them (issue 7, part 2): Zevenaar's administrator names Ahmed Aandacht for
 * safety with a substitute from Arnhem, then Sanne Sociaal for the social domain; the region administrator names
 * Arnhem's only focal officer; the policy officer of the region sees the overview flag Arnhem (only one) and
 * Duiven (none), without anything to change. Axe on every page and state; screenshots in /tmp/kz.
 */
const SHOTS = "/tmp/kz";
const TITLE = "Aandachtsfunctionarissen";

describe("focal officers per municipality, in the browser", { skip: hasChromium ? false : "no Chromium (set CHROMIUM_PATH)" }, () => {
  let h: WebHarness;
  let ids: DemoIds;
  const c = {} as Record<"admin" | "regionAdmin" | "policy", TestClient>;
  const pages = {} as Record<"admin" | "regionAdmin" | "policy", { page: Page; problems: string[] }>;

  const pageAs = (client: TestClient) => h.pageAs(client);
  async function shoot(page: Page, name: string) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/shots7-focal-${name}.png`, fullPage: true });
  }
  const status = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text }).first().waitFor();
  const row = (page: Page, region: string, municipality: string) =>
    page.getByRole("table", { name: `Aandachtsfunctionarissen per gemeente in ${region}` }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: municipality }) });

  before(async () => {
    h = await startWebHarness();
    ids = await demoIds(h.t);
    await createUser(h.t, { displayName: "Sanne Sociaal", organisationId: ids.organisations.zevenaar, roles: ["focal_officer"] });
    await createUser(h.t, { displayName: "Anouk Aandacht", organisationId: ids.organisations.arnhem, roles: ["focal_officer"] });
    for (const [key, email] of [["admin", "beheer@zevenaar.demo"], ["regionAdmin", "regiobeheer@arnhem.demo"], ["policy", "beleid@arnhem.demo"]] as const) {
      c[key] = await h.t.login(email);
      pages[key] = await pageAs(c[key]);
    }
  });
  after(() => h?.close());

  it("Zevenaar's administrator names a focal officer for safety with a substitute, then one for the social domain", async () => {
    const { page, problems } = pages.admin;
    await page.goto("/");
    await mainNav(page).getByRole("link", { name: TITLE }).click();
    await assertAccessiblePage(page, TITLE);
    const region = "Regio Arnhem-Achterhoek (demo)";
    assert.match(await row(page, region, "Gemeente Zevenaar").textContent() ?? "", /Nog niemand benoemd.*Geen aandachtsfunctionaris/);
    await page.getByRole("button", { name: "Aandachtsfunctionaris benoemen" }).click();
    await page.getByRole("button", { name: "Benoemen", exact: true }).click();
    await page.getByRole("heading", { name: "Er is iets niet goed ingevuld" }).waitFor();
    assert.match(await page.locator("main").textContent() ?? "", /Kies medewerker\..*Kies domein\./s);
    await assertAccessiblePage(page, TITLE);
    await shoot(page, "errors");

    await page.getByLabel("Medewerker").selectOption({ label: "Ahmed Aandacht" });
    await page.getByRole("radio", { name: "Veiligheid" }).check();
    await page.getByLabel(/^Vervanger/).selectOption({ label: "Anouk Aandacht (Gemeente Arnhem)" });
    await shoot(page, "form");
    await page.getByRole("button", { name: "Benoemen", exact: true }).click();
    await status(page, "Ahmed Aandacht is benoemd tot aandachtsfunctionaris van Gemeente Zevenaar.");
    await page.getByText("Maar één").first().waitFor();
    assert.match(await row(page, region, "Gemeente Zevenaar").textContent() ?? "", /Ahmed Aandacht \(Veiligheid\)Vervanger: Anouk Aandacht, Gemeente Arnhem.*Maar één/);

    await page.getByRole("button", { name: "Aandachtsfunctionaris benoemen" }).click();
    await page.getByLabel("Medewerker").selectOption({ label: "Sanne Sociaal" });
    await page.getByRole("radio", { name: "Sociaal domein" }).check();
    await page.getByLabel(/^Vervanger/).selectOption({ label: "Ahmed Aandacht" });
    await page.getByRole("button", { name: "Benoemen", exact: true }).click();
    await status(page, "Sanne Sociaal is benoemd");
    await page.getByText("Veiligheid en sociaal domein").waitFor();
    await assertAccessiblePage(page, TITLE);
    await shoot(page, "admin-after");

    // Changing the substitute from the row of the officer.
    await page.getByRole("button", { name: "Wijzigen: Ahmed Aandacht" }).click();
    await page.getByLabel(/^Vervanger/).selectOption({ label: "Sanne Sociaal" });
    await assertAccessiblePage(page, TITLE);
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await status(page, "De gegevens van Ahmed Aandacht zijn opgeslagen.");
    assert.match(await row(page, region, "Gemeente Zevenaar").textContent() ?? "", /Ahmed Aandacht \(Veiligheid\)Vervanger: Sanne Sociaal/);
    assert.deepEqual(problems, []);
  });

  it("the region administrator names Arnhem's one focal officer; the region's policy officer sees Arnhem and Duiven flagged", async () => {
    const admin = pages.regionAdmin;
    await admin.page.goto("/aandachtsfunctionarissen");
    await assertAccessiblePage(admin.page, TITLE);
    const arnhem = admin.page.getByRole("region", { name: "Beheren: Gemeente Arnhem" });
    await arnhem.getByRole("button", { name: "Aandachtsfunctionaris benoemen" }).click();
    await arnhem.getByLabel("Medewerker").selectOption({ label: "Anouk Aandacht" });
    await arnhem.getByRole("radio", { name: "Veiligheid" }).check();
    await arnhem.getByRole("button", { name: "Benoemen", exact: true }).click();
    await status(admin.page, "Anouk Aandacht is benoemd tot aandachtsfunctionaris van Gemeente Arnhem.");

    const { page, problems } = pages.policy;
    await page.goto("/");
    await mainNav(page).getByRole("link", { name: TITLE }).click();
    await assertAccessiblePage(page, TITLE);
    const region = "Regio Arnhem-Achterhoek (demo)";
    await page.getByText("2 gemeenten hebben geen of maar één aandachtsfunctionaris.").waitFor();
    assert.match(await row(page, region, "Gemeente Arnhem").textContent() ?? "", /Anouk Aandacht \(Veiligheid\)Geen vervanger.*Maar één/);
    assert.match(await row(page, region, "Gemeente Duiven").textContent() ?? "", /Nog niemand benoemd.*Geen aandachtsfunctionaris/);
    assert.match(await row(page, region, "Gemeente Zevenaar").textContent() ?? "", /Veiligheid en sociaal domein/);
    assert.equal(await page.getByRole("button", { name: "Aandachtsfunctionaris benoemen" }).count(), 0, "the policy officer looks, does not name");
    assert.equal(await page.getByRole("heading", { name: /^Beheren/ }).count(), 0);
    await shoot(page, "region");
    await page.setViewportSize({ width: 390, height: 844 });
    await assertAccessiblePage(page, TITLE);
    await shoot(page, "region-390");
    assert.deepEqual([...problems, ...admin.problems], []);
  });
});
