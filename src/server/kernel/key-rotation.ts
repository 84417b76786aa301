import type { FieldCrypto } from "./crypto.ts";
import type { Database } from "./db.ts";

/**
 * Every encrypted column, with the field name bound into its ciphertext (AAD). A module that adds an
 * encrypted column adds it here, so key rotation re-encrypts it too.
 */
export const encryptedColumns = [
  { table: "users", key: "id", column: "email_enc", field: "users.email" },
  { table: "users", key: "id", column: "display_name_enc", field: "users.display_name" },
  { table: "users", key: "id", column: "totp_secret_enc", field: "users.totp_secret" },
  { table: "oidc_providers", key: "organisation_id", column: "client_secret_enc", field: "oidc_providers.client_secret" },
  { table: "sessions", key: "id_hash", column: "pending_totp_secret_enc", field: "sessions.pending_totp_secret" },
] as const;

/**
 * Re-encrypts every value written with an older key under the current key, a batch per transaction, so
 * the old key can be removed from ENCRYPTION_KEYS afterwards. Returns how many values per column moved.
 */
export async function rotateEncryptionKeys(db: Database, crypto: FieldCrypto, batchSize = 500): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const { table, key, column, field } of encryptedColumns) {
    let count = 0;
    let after = "";
    for (;;) {
      const rows = await db.query<{ k: string; v: string }>(
        `select ${key}::text as k, ${column} as v from ${table} where ${column} is not null and ${key}::text > $1 order by ${key}::text limit $2`,
        [after, batchSize],
      );
      const stale = rows.filter((row) => crypto.needsRotation(row.v));
      if (stale.length > 0) {
        await db.transaction(async (tx) => {
          for (const row of stale) {
            const fresh = crypto.encrypt(field, crypto.decrypt(field, row.v));
            // Only if unchanged meanwhile: a concurrent write already used the current key.
            await tx.query(`update ${table} set ${column} = $2 where ${key}::text = $1 and ${column} = $3`, [row.k, fresh, row.v]);
          }
        });
        count += stale.length;
      }
      if (rows.length < batchSize) break;
      after = rows[rows.length - 1]!.k;
    }
    moved[`${table}.${column}`] = count;
  }
  return moved;
}
