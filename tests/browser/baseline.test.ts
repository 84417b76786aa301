import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { dutchDate } from "../../src/server/kernel/dutch-time.ts";
import { buildSignal } from "../support/conferences.ts";
import { createUser, demoIds, type DemoIds } from "../support/fixtures.ts";
import type { TestClient } from "../support/test-app.ts";
import { assertAccessiblePage, hasChromium, mainNav, startWebHarness, type WebHarness } from "./support/browser.ts";

/*
 * The baseline checklist as its users use it (issue 7, part 5): Arnhem's policy officer opens the region's
 * overview, goes to Arnhem's checklist and attests the prostitution policy with a note (after trying without);
 * with the rest attested and a focal officer, a signal and a reached training target, the region administrator's
 * overview shows that Arnhem meets the baseline and Zevenaar and Duiven do not. Axe on every page and state.
 */
const SHOTS = "/tmp/kz";
const OVERVIEW = "Basisniveau bestuurlijke aanpak";
const NOTE = "Prostitutiebeleid 2025 vastgesteld; voorlichting en uitstapprogramma via de GGD.";

describe("the baseline checklist, in the browser", { skip: hasChromium ? false : "no Chromium (set CHROMIUM_PATH)" }, () => {
  let h: WebHarness;
  let ids: DemoIds;
  let today = "";
  const c = {} as Record<"policy" | "regionAdmin", TestClient>;
  const pages = {} as Record<"policy" | "regionAdmin", { page: Page; problems: string[] }>;

  const pageAs = (client: TestClient) => h.pageAs(client);
  async function shoot(page: Page, name: string) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/shots7-baseline-${name}.png`, fullPage: true });
  }
  const status = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text }).first().waitFor();
  const rowOf = (page: Page, table: string, header: string) =>
    page.getByRole("table", { name: table }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: header }) });

  before(async () => {
    h = await startWebHarness();
    ids = await demoIds(h.t);
    today = dutchDate(h.t.clock.now);
    for (const [key, email] of [["policy", "beleid@arnhem.demo"], ["regionAdmin", "regiobeheer@arnhem.demo"]] as const) {
      c[key] = await h.t.login(email);
      pages[key] = await pageAs(c[key]);
    }
  });
  after(() => h?.close());

  it("the policy officer of Arnhem attests the prostitution policy with a note, from the region's overview", async () => {
    const { page, problems } = pages.policy;
    await page.goto("/");
    await mainNav(page).getByRole("link", { name: "Basisniveau" }).click();
    await assertAccessiblePage(page, OVERVIEW);
    await page.getByText("0 van 3 gemeenten voldoen aan het basisniveau.").waitFor();
    await page.getByRole("link", { name: "Basisniveau van Gemeente Arnhem bekijken" }).click();
    await assertAccessiblePage(page, "Basisniveau Gemeente Arnhem");
    const table = "Criteria van het basisniveau voor Gemeente Arnhem";
    assert.match(await rowOf(page, table, "Prostitutiebeleid").textContent() ?? "", /Verklaard.*Niet verklaard/);
    assert.match(await rowOf(page, table, "Actieve signalering").textContent() ?? "", /Berekend.*Niet voldaan.*0 signalen in 12 maanden/);

    await page.getByRole("button", { name: "Verklaring vastleggen" }).click();
    await page.getByRole("button", { name: "Verklaring vastleggen" }).last().click();
    await page.getByRole("heading", { name: "Er is iets niet goed ingevuld" }).waitFor();
    assert.match(await page.locator("main").textContent() ?? "", /Geef een verwijzing naar een document of een toelichting\./);
    await assertAccessiblePage(page, "Basisniveau Gemeente Arnhem");
    await shoot(page, "attest-errors");

    await page.getByLabel("Criterium", { exact: true }).selectOption({ label: "Prostitutiebeleid" });
    await page.getByRole("radio", { name: "Ja, voldaan" }).check();
    await page.getByLabel("Toelichting").fill(NOTE);
    await page.getByRole("button", { name: "Verklaring vastleggen" }).last().click();
    await status(page, "De verklaring over 'Prostitutiebeleid' is vastgelegd.");
    assert.match(await rowOf(page, table, "Prostitutiebeleid").textContent() ?? "", new RegExp(`Voldaan.*verklaard op .*${NOTE.slice(0, 20)}`));
    const history = await rowOf(page, "Alle verklaringen van Gemeente Arnhem, nieuwste eerst", "Prostitutiebeleid").textContent() ?? "";
    assert.match(history, /Voldaan.*Bas Beleid/);
    await assertAccessiblePage(page, "Basisniveau Gemeente Arnhem");
    await shoot(page, "checklist");
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, "checklist-390");
    assert.deepEqual(problems, []);
  });

  it("the region's overview shows who meets the baseline: Arnhem does, Zevenaar and Duiven not yet", async () => {
    // The rest of Arnhem's baseline: the other attestations, a focal officer, a signal and a reached target.
    for (const criterion of ["reporting_route", "local_policy", "local_rules", "partner_cooperation"]) {
      const res = await c.policy.post(`/api/v1/municipalities/${ids.organisations.arnhem}/baseline-attestations`, { criterion, met: true, attestedOn: today, documentReference: `Besluit ${criterion}` });
      assert.equal(res.statusCode, 201, res.body);
    }
    const officer = await createUser(h.t, { organisationId: ids.organisations.arnhem, roles: ["focal_officer"] });
    await h.t.db.query("insert into focal_officer_assignments (municipality_id, user_id, domain, created_at, updated_at) values ($1,$2,'safety',now(),now())", [ids.organisations.arnhem, officer.id]);
    await buildSignal(h.t, { reporterId: ids.users["melder@zevenaar.demo"]!, municipalityId: ids.organisations.arnhem });
    const team = (await h.t.db.query<{ id: string }>("insert into training_teams (municipality_id, name, staff_count, created_at, updated_at) values ($1,'Publiekszaken',2,now(),now()) returning id", [ids.organisations.arnhem]))[0]!.id;
    await h.t.db.query("insert into training_targets (municipality_id, team_id, target_percent, due_on, created_at, updated_at) values ($1,$2,50,$3,now(),now())", [ids.organisations.arnhem, team, today]);
    const offer = (await h.t.db.query<{ id: string }>("insert into training_offers (municipality_id, kind, title, created_at, updated_at) values ($1,'e_learning','E-learning CCV',now(),now()) returning id", [ids.organisations.arnhem]))[0]!.id;
    const session = (await h.t.db.query<{ id: string }>("insert into training_sessions (offer_id, municipality_id, starts_on, created_at, updated_at) values ($1,$2,$3,now(),now()) returning id", [offer, ids.organisations.arnhem, today]))[0]!.id;
    await h.t.db.query("insert into training_participants (session_id, municipality_id, team_id, name_enc, name_hash, completion, created_at, updated_at) values ($1,$2,$3,'x','h1','completed',now(),now())", [session, ids.organisations.arnhem, team]);

    const { page, problems } = pages.regionAdmin;
    await page.goto("/");
    await mainNav(page).getByRole("link", { name: "Basisniveau" }).click();
    await assertAccessiblePage(page, OVERVIEW);
    await page.getByText("1 van 3 gemeenten voldoet aan het basisniveau.").waitFor();
    const table = "Basisniveau per gemeente in Regio Arnhem-Achterhoek (demo)";
    assert.match(await rowOf(page, table, "Gemeente Arnhem").textContent() ?? "", /Voldoet.*Voldaan1 signaal in 12 maanden.*Voldaan1 aandachtsfunctionaris.*1 van 1 doelen gehaald/);
    assert.match(await rowOf(page, table, "Gemeente Zevenaar").textContent() ?? "", /Voldoet niet \(0 van 8\).*Niet verklaard/);
    assert.match(await rowOf(page, table, "Gemeente Duiven").textContent() ?? "", /Voldoet niet/);
    await shoot(page, "overview");
    await page.setViewportSize({ width: 390, height: 844 });
    await assertAccessiblePage(page, OVERVIEW);
    await shoot(page, "overview-390");
    assert.deepEqual(problems, []);
  });
});
