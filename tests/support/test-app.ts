import { randomBytes } from "node:crypto";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { buildApp } from "../../src/server/app.ts";
import { createKernel } from "../../src/server/boot.ts";
import { loadConfig, type Config } from "../../src/server/config.ts";
import type { Kernel } from "../../src/server/http/kernel.ts";
import { openPostgres, type Database } from "../../src/server/kernel/db.ts";
import { DEMO_PASSWORD, demoAccounts } from "../../src/server/demo/demo-region.ts";
import { seedDemo } from "../../src/server/demo/seed.ts";
import { currentTotp } from "../../src/server/modules/accounts/second-factor.ts";
import { openTestPglite } from "./pglite-template.ts";

/**
 * A whole Ketenzicht for one test file: a fresh database (in-memory PGlite, or a new database on the
 * server named by TEST_DATABASE_URL), migrations, the demo region, and the app ready for `inject`.
 */
export interface TestApp {
  app: FastifyInstance;
  kernel: Kernel;
  db: Database;
  clock: { now: Date; advance(ms: number): void };
  client(clientAddress?: string): TestClient;
  /** Logs a demo account (or any account with a known TOTP secret) in fully. */
  login(email: string, options?: { password?: string; totpSecret?: string | null; clientAddress?: string }): Promise<TestClient>;
  close(): Promise<void>;
}

export const testKeys = () => ({
  ENCRYPTION_KEYS: `test1:${randomBytes(32).toString("base64")}`,
  ENCRYPTION_KEY_ID: "test1",
  BLIND_INDEX_KEY: randomBytes(32).toString("base64"),
  AUDIT_CHAIN_KEY: randomBytes(32).toString("base64"),
});

async function openTestDatabase(): Promise<{ db: Database; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await openTestPglite();
    return { db, drop: async () => undefined };
  }
  const name = `kz_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), 5);
  return {
    db,
    drop: async () => {
      const again = new pg.Client({ connectionString: serverUrl });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

export async function startTestApp(overrides: Partial<Record<keyof Config, string>> = {}): Promise<TestApp> {
  const config = loadConfig({
    KETENZICHT_DEMO: "true",
    LOGIN_RATE_LIMIT_PER_MINUTE: "10000",
    RATE_LIMIT_PER_MINUTE: "100000",
    ...testKeys(),
    ...overrides,
  });
  const { db, drop } = await openTestDatabase();
  const clock = {
    now: new Date(),
    offset: 0,
    advance(ms: number) {
      this.offset += ms;
    },
  };
  const kernel = await createKernel(config, db, {
    encryptionKeys: new Map([["test1", Buffer.from(config.ENCRYPTION_KEYS!.split(":")[1]!, "base64")]]),
    currentKeyId: "test1",
    blindIndexKey: Buffer.from(config.BLIND_INDEX_KEY!, "base64"),
    auditChainKey: Buffer.from(config.AUDIT_CHAIN_KEY!, "base64"),
  }, () => new Date(Date.now() + clock.offset));
  await seedDemo(kernel);
  const app = await buildApp(kernel);
  await app.ready();

  const client = (clientAddress = "127.0.0.1") => new TestClient(app, clientAddress);
  return {
    app,
    kernel,
    db,
    clock: {
      get now() {
        return kernel.now();
      },
      advance: (ms: number) => clock.advance(ms),
    },
    client,
    async login(email, options = {}) {
      const c = client(options.clientAddress);
      const account = demoAccounts.find((a) => a.email === email);
      const secret = options.totpSecret !== undefined ? options.totpSecret : (account?.totpSecret ?? null);
      const res = await c.post("/api/v1/session", { email, password: options.password ?? DEMO_PASSWORD });
      if (res.statusCode !== 200) throw new Error(`login of ${email} failed: ${res.statusCode} ${res.body}`);
      if (res.json().stage === "second_factor") {
        if (!secret) throw new Error(`${email} needs a second factor but no secret is known`);
        const second = await c.post("/api/v1/session/second-factor", { code: currentTotp(secret, kernel.now()) });
        if (second.statusCode !== 200) throw new Error(`second factor of ${email} failed: ${second.body}`);
      }
      return c;
    },
    async close() {
      await app.close();
      await db.close();
      await drop();
    },
  };
}

/** A browser-like client: keeps the session cookie and sends the CSRF token on state-changing requests. */
export class TestClient {
  cookie: string | null = null;
  csrfToken: string | null = null;
  constructor(
    private readonly app: FastifyInstance,
    readonly clientAddress: string,
  ) {}

  async request(method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.clientAddress,
      headers: {
        ...(this.cookie ? { cookie: `kz_session=${this.cookie}` } : {}),
        ...(method !== "GET" && this.csrfToken ? { "x-csrf-token": this.csrfToken } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === "string" ? body : JSON.stringify(body) } : {}),
    });
    const setCookie = res.cookies.find((c) => c.name === "kz_session");
    if (setCookie) this.cookie = setCookie.value || null;
    if (res.headers["content-type"]?.toString().startsWith("application/json")) {
      const json = res.json() as { csrfToken?: string | null; session?: { csrfToken?: string | null } };
      if (json && typeof json === "object" && "csrfToken" in json) this.csrfToken = json.csrfToken ?? null;
      if (json?.session && "csrfToken" in json.session) this.csrfToken = json.session.csrfToken ?? null;
    }
    return res;
  }
  get(url: string) {
    return this.request("GET", url);
  }
  post(url: string, body: unknown = {}) {
    return this.request("POST", url, body);
  }
  patch(url: string, body: unknown) {
    return this.request("PATCH", url, body);
  }
  put(url: string, body: unknown) {
    return this.request("PUT", url, body);
  }
  delete(url: string) {
    return this.request("DELETE", url);
  }
}
