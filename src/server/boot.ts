import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Config } from "./config.ts";
import type { Kernel } from "./http/kernel.ts";
import { AuditTrail } from "./kernel/audit.ts";
import { FieldCrypto, parseKeyList, type KeyMaterial } from "./kernel/crypto.ts";
import { openPglite, openPostgres, type Database } from "./kernel/db.ts";
import { migrate } from "./kernel/migrate.ts";

/** Opens the database the configuration names: a PostgreSQL server, or else embedded PGlite. */
export async function openDatabase(config: Config, options: { inMemory?: boolean } = {}): Promise<Database> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL);
  if (options.inMemory) return openPglite();
  mkdirSync(config.PGLITE_DATA_DIR, { recursive: true });
  return openPglite(config.PGLITE_DATA_DIR);
}

/**
 * Key material from the configuration. Only in demo mode may keys be generated; they are kept in a file
 * beside the data (never in the database they protect) so a restarted demo still reads its data.
 */
export function loadKeys(config: Config): KeyMaterial {
  if (config.ENCRYPTION_KEYS && config.ENCRYPTION_KEY_ID && config.BLIND_INDEX_KEY && config.AUDIT_CHAIN_KEY) {
    return {
      encryptionKeys: parseKeyList(config.ENCRYPTION_KEYS),
      currentKeyId: config.ENCRYPTION_KEY_ID,
      blindIndexKey: Buffer.from(config.BLIND_INDEX_KEY, "base64"),
      auditChainKey: Buffer.from(config.AUDIT_CHAIN_KEY, "base64"),
    };
  }
  if (!config.KETENZICHT_DEMO) throw new Error("keys are required outside demo mode");
  const file = `${config.PGLITE_DATA_DIR.replace(/\/$/, "")}-keys.json`;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const generate = () => randomBytes(32).toString("base64");
    writeFileSync(file, JSON.stringify({ keyId: "demo1", encryptionKey: generate(), blindIndexKey: generate(), auditChainKey: generate() }), { mode: 0o600 });
  }
  const stored = JSON.parse(readFileSync(file, "utf8")) as { keyId: string; encryptionKey: string; blindIndexKey: string; auditChainKey: string };
  return {
    encryptionKeys: new Map([[stored.keyId, Buffer.from(stored.encryptionKey, "base64")]]),
    currentKeyId: stored.keyId,
    blindIndexKey: Buffer.from(stored.blindIndexKey, "base64"),
    auditChainKey: Buffer.from(stored.auditChainKey, "base64"),
  };
}

export async function createKernel(config: Config, db: Database, keys: KeyMaterial, now: () => Date = () => new Date()): Promise<Kernel> {
  await migrate(db);
  const crypto = new FieldCrypto(keys);
  return { config, db, crypto, audit: new AuditTrail(crypto, now), now };
}
