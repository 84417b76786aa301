import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.ts";
import { FieldCrypto } from "./crypto.ts";
import { encryptedColumns, rotateEncryptionKeys } from "./key-rotation.ts";

describe("key rotation", () => {
  let t: TestApp;
  /** The keys after the latest rotation in this file. */
  let keys: FieldCrypto;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it("re-encrypts every stored value under the new current key, and the data still reads the same", async () => {
    const before = await t.db.query<{ id: string; email_enc: string }>("select id, email_enc from users order by id");
    const emails = before.map((row) => t.kernel.crypto.decrypt("users.email", row.email_enc));

    const newKey = randomBytes(32);
    const rotated = t.kernel.crypto.withNewKey("test2", newKey);
    const moved = await rotateEncryptionKeys(t.db, rotated, 3);
    assert.equal(moved["users.email_enc"], before.length, "every e-mail address moved, across several batches");
    assert.ok((moved["users.totp_secret_enc"] ?? 0) > 0, "the demo TOTP secrets moved too");

    const after = await t.db.query<{ email_enc: string }>("select email_enc from users order by id");
    assert.ok(after.every((row) => FieldCrypto.keyIdOf(row.email_enc) === "test2"));
    assert.deepEqual(after.map((row) => rotated.decrypt("users.email", row.email_enc)), emails);

    const withoutOldKey = t.kernel.crypto.withNewKey("test2", newKey, { retire: true });
    for (const { table, column, field } of encryptedColumns) {
      const rows = await t.db.query<{ v: string }>(`select ${column} as v from ${table} where ${column} is not null`);
      for (const row of rows) assert.doesNotThrow(() => withoutOldKey.decrypt(field, row.v), `${table}.${column} readable without the old key`);
    }
    assert.deepEqual(Object.values(await rotateEncryptionKeys(t.db, rotated)).filter((n) => n > 0), [], "a second run has nothing left to do");
    keys = rotated;
  });

  it("knows every encrypted column of the schema, so rotation misses none", async () => {
    const columns = await t.db.query<{ table_name: string; column_name: string }>(
      "select table_name, column_name from information_schema.columns where table_schema = 'public' and column_name like '%\\_enc' order by 1, 2",
    );
    const registered = new Set(encryptedColumns.map((c) => `${c.table}.${c.column}`));
    const missing = columns.map((c) => `${c.table_name}.${c.column_name}`).filter((c) => !registered.has(c));
    assert.deepEqual(missing, []);
    assert.ok(columns.length >= 40, `found ${columns.length} encrypted columns`);
  });

  it("re-encrypts the append-only history, and history may change in nothing else", async () => {
    const id = await t.db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string }>(
        `insert into victim_files (reference, organisation_id, region_id, status, source, gender, age_group, opened_at, updated_at)
         select 'ZT-2026-99999', o.id, rm.region_id, 'intake', 'self', 'unknown', 'unknown', now(), now()
           from organisations o join region_members rm on rm.organisation_id = o.id where o.type = 'care_coordination' limit 1
         returning id`,
      );
      const fileId = rows[0]!.id;
      await tx.query("insert into victim_file_events (file_id, occurred_at, kind, reason_enc) values ($1, now(), 'note', $2)", [fileId, keys.encrypt("victim_file_events.reason", "een reden")]);
      return fileId;
    });
    const rotated = keys.withNewKey("test3", randomBytes(32));
    const moved = await rotateEncryptionKeys(t.db, rotated);
    assert.equal(moved["victim_file_events.reason_enc"], 1, "the history row moved to the new key");
    const row = await t.db.query<{ reason_enc: string }>("select reason_enc from victim_file_events where file_id = $1", [id]);
    assert.equal(rotated.decrypt("victim_file_events.reason", row[0]!.reason_enc), "een reden");
    await assert.rejects(t.db.query("update victim_file_events set kind = 'changed' where file_id = $1", [id]), /append-only/);
    await assert.rejects(t.db.query("delete from victim_file_events where file_id = $1", [id]), /append-only/);
  });
});
