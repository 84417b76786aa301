import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { DEMO_PASSWORD, demoAccounts } from "../../../src/server/demo/demo-region.ts";
import { currentTotp } from "../../../src/server/modules/accounts/second-factor.ts";
import { startTestApp, type TestApp } from "../../support/test-app.ts";
import { connectDemoBrp } from "../../../src/server/demo/demo-brp.ts";

/**
 * The whole of Ketenzicht in a real browser: the built web app served by the app under test on a free
 * port, and headless Chromium. Pages run under the production Content-Security-Policy, so a CSP violation
 * shows up as a console error and fails the test.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface WebHarness {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser profile (no cookies, no stored language) with a console watcher. */
  newPage(): Promise<{ context: BrowserContext; page: Page; problems: string[] }>;
  /** A fresh page already logged in with the API client's session (for flows that do not test the login). */
  pageAs(client: { cookie: string | null }): Promise<{ context: BrowserContext; page: Page; problems: string[] }>;
  close(): Promise<void>;
}

export async function startWebHarness(): Promise<WebHarness> {
  // The server serves dist/web only if it exists when the app is built. The test runner sets
  // NODE_ENV=test, which would give Vite a development build of React: test what ships instead.
  execFileSync(process.execPath, ["scripts/build-web-if-needed.mjs"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  const t = await startTestApp();
  const brp = await connectDemoBrp(t.kernel);
  const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const newPage = async () => {
    // A Dutch browser, as the users have: date fields read dd-mm-jjjj.
    const context = await browser.newContext({ baseURL: address, viewport: { width: 1280, height: 900 }, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      // Failed API calls (401, 400) are logged by the browser itself; they are part of the flows tested.
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    return { context, page, problems };
  };
  return {
    t,
    baseUrl: address,
    browser,
    newPage,
    async pageAs(client) {
      if (!client.cookie) throw new Error("pageAs: the client has no session; log it in first");
      const opened = await newPage();
      await opened.context.addCookies([{ name: "kz_session", value: client.cookie, domain: "127.0.0.1", path: "/", httpOnly: true, secure: true, sameSite: "Strict" }]);
      return opened;
    },
    async close() {
      await browser.close();
      await t.close();
      await brp.close();
    },
  };
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** WCAG 2.1 A and AA checks of axe-core on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  // page.evaluate is not bound by the page's CSP; a <script> tag would be refused, as it should be.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** What every page must have: one h1, the title after it, main landmark, and no axe violations. */
export async function assertAccessiblePage(page: Page, h1: string | RegExp) {
  await page.getByRole("heading", { level: 1, name: h1, exact: typeof h1 === "string" }).waitFor();
  await page.waitForLoadState("networkidle");
  const headings = await page.locator("h1").allTextContents();
  assert.equal(headings.length, 1, `one h1 expected, found ${JSON.stringify(headings)}`);
  if (typeof h1 === "string") assert.equal(headings[0], h1);
  else assert.match(headings[0] ?? "", h1);
  assert.match(await page.title(), /Ketenzicht$/);
  assert.equal(await page.locator("main").count(), 1);
  assert.deepEqual(await axeViolations(page), [], `axe on ${page.url()}`);
}

/** Logs a demo account in through the login page (and the second factor, when it has one). */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres", { exact: true }).fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  const secret = demoAccounts.find((account) => account.email === email)?.totpSecret;
  if (secret) {
    await page.waitForURL("**/inloggen/tweede-factor");
    await page.getByLabel("Code", { exact: true }).fill(currentTotp(secret));
    await page.getByRole("button", { name: "Controleren" }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith("/inloggen"));
}

export const mainNav = (page: Page) => page.getByRole("navigation", { name: "Hoofdmenu" });

export async function focusedElement(page: Page) {
  return page.evaluate(() => ({
    tag: document.activeElement?.tagName ?? "",
    id: document.activeElement?.id ?? "",
    text: document.activeElement?.textContent?.trim() ?? "",
    html: document.activeElement?.outerHTML.slice(0, 120) ?? "",
  }));
}
