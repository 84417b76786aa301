import { loadKeys, openDatabase } from "../src/server/boot.ts";
import { loadConfig } from "../src/server/config.ts";
import { AuditTrail } from "../src/server/kernel/audit.ts";
import { FieldCrypto } from "../src/server/kernel/crypto.ts";

/**
 * `npm run audit:verify`: walks the audit trail's hash chain with the configured keys and says whether it
 * is intact. Exit code 0 when it is, 1 at the first broken event (altered, inserted or removed), 2 when
 * the check could not run at all (configuration, keys, database).
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const keys = loadKeys(config);
  const db = await openDatabase(config);
  try {
    const result = await new AuditTrail(new FieldCrypto(keys)).verify(db);
    if (result.ok) {
      console.log(`audit trail intact: ${result.checked} events`);
      return 0;
    }
    console.error(`audit trail BROKEN at seq ${result.brokenSeq} (id ${result.brokenId}): ${result.reason}`);
    console.error(`${result.checked} events before it are intact`);
    return 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`audit:verify could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
