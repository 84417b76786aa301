import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { createKernel, loadKeys, openDatabase } from "../../src/server/boot.ts";
import { loadConfig } from "../../src/server/config.ts";
import { openPglite, type Database } from "../../src/server/kernel/db.ts";
import { seedDemo } from "../../src/server/demo/seed.ts";
import { auditRows } from "../support/fixtures.ts";
import { startTestApp, type TestApp } from "../support/test-app.ts";

/** Changes audit_events as a superuser would, past the append-only trigger (same connection: one transaction). */
async function tamper(db: Database, statement: string, params: unknown[] = []): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query("set local session_replication_role = replica");
    await tx.query(statement, params);
  });
}

describe("verifying the audit trail's hash chain", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    // Some ordinary traffic: logins, reads, a search.
    const admin = await t.login("beheer@zevenaar.demo");
    await admin.get("/api/v1/users");
    const privacy = await t.login("privacy@zevenaar.demo");
    await privacy.get("/api/v1/audit-events");
    await t.client().post("/api/v1/session", { email: "melder@zevenaar.demo", password: "verkeerd" });
  });
  after(() => t.close());

  it("finds an untouched trail intact", async () => {
    const count = (await t.db.query<{ n: number }>("select count(*)::int as n from audit_events"))[0]!.n;
    assert.ok(count >= 5);
    assert.deepEqual(await t.kernel.audit.verify(t.db), { ok: true, checked: count });
    // Also when it has to read the chain in several batches.
    assert.deepEqual(await t.kernel.audit.verify(t.db, 2), { ok: true, checked: count });
  });

  it("names the row whose content was altered, and is intact again once it is restored", async () => {
    const rows = await auditRows(t);
    const victim = rows[2]!;
    await tamper(t.db, "update audit_events set client_address = '203.0.113.66' where id = $1", [victim.id]);
    const result = await t.kernel.audit.verify(t.db);
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.brokenSeq, victim.seq);
    assert.equal(result.brokenId, victim.id);
    assert.equal(result.checked, 2);
    assert.match(result.reason, /altered/);

    await tamper(t.db, "update audit_events set client_address = $2 where id = $1", [victim.id, victim.client_address]);
    assert.equal((await t.kernel.audit.verify(t.db)).ok, true);
  });

  it("detects a re-sealed row: without the chain key a forger cannot make the hash fit", async () => {
    const rows = await auditRows(t);
    const victim = rows[1]!;
    const original = await t.db.query<{ hash: string; result: string }>("select hash, result from audit_events where id = $1", [victim.id]);
    await tamper(t.db, "update audit_events set result = 'failure', hash = md5(hash) where id = $1", [victim.id]);
    const result = await t.kernel.audit.verify(t.db);
    assert.ok(!result.ok);
    assert.equal(result.brokenSeq, victim.seq);
    await tamper(t.db, "update audit_events set result = $2, hash = $3 where id = $1", [victim.id, original[0]!.result, original[0]!.hash]);
    assert.equal((await t.kernel.audit.verify(t.db)).ok, true);
  });

  it("detects a deleted row at the event after it", async () => {
    const rows = await auditRows(t);
    const removed = rows[3]!;
    const next = rows[4]!;
    await tamper(t.db, "delete from audit_events where id = $1", [removed.id]);
    const result = await t.kernel.audit.verify(t.db);
    assert.ok(!result.ok);
    assert.equal(result.brokenSeq, next.seq);
    assert.equal(result.brokenId, next.id);
    assert.match(result.reason, /removed or altered/);
  });
});

describe("npm run audit:verify (scripts/audit-verify.ts)", () => {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  let dir: string;
  let dataDir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "kz-audit-verify-"));
    dataDir = join(dir, "pglite");
    const config = loadConfig({ KETENZICHT_DEMO: "true", PGLITE_DATA_DIR: dataDir });
    const db = await openDatabase(config);
    const kernel = await createKernel(config, db, loadKeys(config));
    await seedDemo(kernel);
    for (let i = 0; i < 3; i += 1) {
      await kernel.audit.recordAlone(db, { actor: null, actorLabel: "system", action: "read", objectType: "region", result: "success", details: { i } });
    }
    await db.close();
  });
  after(() => rm(dir, { recursive: true, force: true }));

  function runScript(): Promise<{ code: number; output: string }> {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, KETENZICHT_DEMO: "true", PGLITE_DATA_DIR: dataDir };
    return new Promise((resolve) => {
      execFile(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], { cwd: root, env, timeout: 60_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      });
    });
  }

  it("exits 0 and reports the number of events on an intact trail", async () => {
    const { code, output } = await runScript();
    assert.equal(code, 0, output);
    assert.match(output, /audit trail intact: 4 events/);
  });

  it("exits 1 and names the sequence number of the altered event", async () => {
    const db = await openPglite(dataDir);
    try {
      await tamper(db, "update audit_events set actor_label = 'iemand anders' where seq = 3");
    } finally {
      await db.close();
    }
    const { code, output } = await runScript();
    assert.equal(code, 1, output);
    assert.match(output, /seq 3\b/);
    assert.match(output, /altered/);
  });
});
