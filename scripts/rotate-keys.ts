import { loadKeys, openDatabase } from "../src/server/boot.ts";
import { loadConfig } from "../src/server/config.ts";
import { FieldCrypto } from "../src/server/kernel/crypto.ts";
import { rotateEncryptionKeys } from "../src/server/kernel/key-rotation.ts";

/**
 * `npm run keys:rotate`: after adding a new key to ENCRYPTION_KEYS and making it ENCRYPTION_KEY_ID,
 * re-encrypts every stored value that still uses an older key. Then the old key can be dropped.
 */
const config = loadConfig();
const db = await openDatabase(config);
try {
  const moved = await rotateEncryptionKeys(db, new FieldCrypto(loadKeys(config)));
  for (const [column, count] of Object.entries(moved)) console.log(`${column.padEnd(40)} ${count} re-encrypted`);
  console.log(`all values now use key "${config.ENCRYPTION_KEY_ID ?? "(demo key)"}"`);
} finally {
  await db.close();
}
