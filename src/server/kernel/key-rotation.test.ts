import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { startTestApp, type TestApp } from "../../../tests/support/test-app.ts";
import { FieldCrypto } from "./crypto.ts";
import { encryptedColumns, rotateEncryptionKeys } from "./key-rotation.ts";

describe("key rotation", () => {
  let t: TestApp;
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
  });
});
