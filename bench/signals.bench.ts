/**
 * `npm run bench [-- --db=pglite|postgres|both] [--signals=N] [--pglite-signals=N]`: generates a national-scale
 * data set and measures the signals API through `app.inject` on the real app. See bench/README.md.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { buildApp } from "../src/server/app.ts";
import { createKernel } from "../src/server/boot.ts";
import { loadConfig } from "../src/server/config.ts";
import { openPglite, openPostgres, type Database } from "../src/server/kernel/db.ts";
import { generate, type Generated } from "./generate.ts";
import { measure, measureMonitor, type Figure, type Throughput } from "./measure.ts";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k!, v ?? "true"] as const;
  }),
);
const dbChoice = args.get("db") ?? "both";
if (!["pglite", "postgres", "both"].includes(dbChoice)) throw new Error("--db must be pglite, postgres or both");
const signals = Number(args.get("signals") ?? 1_000_000);
/** PGlite can be run at another size than PostgreSQL (it takes ~6 min and ~12 GB of temporary disk at 1M). */
const pgliteSignals = Number(args.get("pglite-signals") ?? signals);
const serverUrl = args.get("url") ?? process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const reads = Number(args.get("reads") ?? 50);

const log = (line: string) => console.log(line);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

interface RunResult {
  db: "pglite" | "postgres";
  generated: Generated;
  sizes: Record<string, number>;
  figures: Figure[];
  throughputs: Throughput[];
}

async function sizes(db: Database): Promise<Record<string, number>> {
  const rows = await db.query<{ name: string; bytes: string | number }>(
    `select 'database' as name, pg_database_size(current_database()) as bytes
     union all select relname, pg_total_relation_size(oid) from pg_class
      where relname in ('signals', 'signal_events', 'referrals', 'signal_persons', 'victim_files', 'audit_events', 'monitor_day_counts', 'monitor_country_counts',
                        'monitor_care_file_counts', 'monitor_care_counts', 'monitor_care_country_counts')
        and relkind = 'r'`,
  );
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.bytes)]));
}

async function runOn(kind: "pglite" | "postgres", count: number): Promise<RunResult> {
  log(`\n=== ${kind}: ${count.toLocaleString("en")} signals ===`);
  let db: Database;
  let cleanup: () => Promise<void>;
  if (kind === "postgres") {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query("drop database if exists kz_bench with (force)");
    await admin.query("create database kz_bench");
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = "/kz_bench";
    db = openPostgres(url.toString(), 10);
    cleanup = () => db.close();
  } else {
    // On disk rather than in memory: a million signals do not fit the WebAssembly heap.
    const dir = mkdtempSync(join(tmpdir(), "kz-bench-pglite-"));
    db = await openPglite(dir);
    cleanup = async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const keys = {
    encryptionKeys: new Map([["bench1", randomBytes(32)]]),
    currentKeyId: "bench1",
    blindIndexKey: randomBytes(32),
    auditChainKey: randomBytes(32),
  };
  const config = loadConfig({
    ENCRYPTION_KEYS: `bench1:${keys.encryptionKeys.get("bench1")!.toString("base64")}`,
    ENCRYPTION_KEY_ID: "bench1",
    BLIND_INDEX_KEY: keys.blindIndexKey.toString("base64"),
    AUDIT_CHAIN_KEY: keys.auditChainKey.toString("base64"),
    RATE_LIMIT_PER_MINUTE: "10000000",
    LOGIN_RATE_LIMIT_PER_MINUTE: "10000",
    LOG_LEVEL: "silent",
  });
  const kernel = await createKernel(config, db, keys);
  try {
    log("generating…");
    const generated = await generate(kernel, { signals: count, log });
    const size = await sizes(db);
    log(`generated in ${generated.seconds.toFixed(0)} s; database ${mb(size.database!)}; focal municipality has ${generated.focalSignals.toLocaleString("en")} signals`);
    const app = await buildApp(kernel);
    await app.ready();
    try {
      log("measuring…");
      const options = { reads, submits: 100, throughput: 500, concurrency: 8, log };
      const monitor = await measureMonitor(app, generated.focal, generated.national, options);
      const { figures, throughputs } = await measure(app, kernel, generated.focal, options);
      return { db: kind, generated, sizes: size, figures: [...figures, ...monitor], throughputs };
    } finally {
      await app.close();
    }
  } finally {
    await cleanup();
  }
}

function printTable(results: RunResult[]): void {
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (v: number) => v.toFixed(1).padStart(8);
  log("\n================ Ketenzicht signals benchmark ================");
  for (const r of results) {
    const c = r.generated.counts;
    log(`\n${r.db.toUpperCase()} — ${c.signals!.toLocaleString("en")} signals, ${c.signal_events!.toLocaleString("en")} events, ` +
      `${c.referrals!.toLocaleString("en")} referrals, ${c.signal_persons!.toLocaleString("en")} persons, ${(c.victim_files ?? 0).toLocaleString("en")} victim files; ` +
      `focal municipality ${r.generated.focal.municipalityName}: ${r.generated.focalSignals.toLocaleString("en")} signals`);
    log(`generation ${r.generated.seconds.toFixed(0)} s; database ${mb(r.sizes.database!)} ` +
      `(signals ${mb(r.sizes.signals ?? 0)}, signal_events ${mb(r.sizes.signal_events ?? 0)}, referrals ${mb(r.sizes.referrals ?? 0)}, persons ${mb(r.sizes.signal_persons ?? 0)}, ` +
      `monitor summaries ${mb((r.sizes.monitor_day_counts ?? 0) + (r.sizes.monitor_country_counts ?? 0))}, ` +
      `care summaries ${mb((r.sizes.monitor_care_file_counts ?? 0) + (r.sizes.monitor_care_counts ?? 0) + (r.sizes.monitor_care_country_counts ?? 0))})`);
    log(`${pad("measurement", 52)}${"n".padStart(5)}${"mean".padStart(9)}${"p50".padStart(9)}${"p95".padStart(9)}  target p95 (PostgreSQL)`);
    for (const f of r.figures) {
      const target = f.target === undefined ? "" : `< ${f.target} ms ${r.db === "postgres" ? (f.p95 < f.target ? "ok" : "MISSED") : ""}`;
      log(`${pad(f.label, 52)}${String(f.n).padStart(5)}${num(f.mean)}${num(f.p50)}${num(f.p95)}  ${pad(target, 16)}${f.note ?? ""}`);
    }
    for (const t of r.throughputs) {
      log(`${pad(t.label, 52)}${String(t.n).padStart(5)}  ${t.perSecond.toFixed(0).padStart(6)} signals/s (${t.seconds.toFixed(1)} s)`);
    }
  }
  log("\nTimes in ms through app.inject (routing, validation, policy, SQL, decryption, audit): a focal officer session; the national monitor as a policy officer of an organisation in all 25 regions.");
}

const results: RunResult[] = [];
if (dbChoice === "postgres" || dbChoice === "both") results.push(await runOn("postgres", signals));
if (dbChoice === "pglite" || dbChoice === "both") results.push(await runOn("pglite", pgliteSignals));
printTable(results);
