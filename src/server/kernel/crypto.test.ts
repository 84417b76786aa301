import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import { FieldCrypto, type KeyMaterial } from "./crypto.ts";

const key = () => randomBytes(32);
const keys = (encryptionKeys: Map<string, Buffer>, currentKeyId: string, shared?: Partial<KeyMaterial>): KeyMaterial => ({
  encryptionKeys,
  currentKeyId,
  blindIndexKey: shared?.blindIndexKey ?? key(),
  auditChainKey: shared?.auditChainKey ?? key(),
});

/** Replaces one base64url part of an envelope with a copy that has one bit flipped. */
function flip(envelope: string, part: 2 | 3 | 4): string {
  const parts = envelope.split(".");
  const bytes = Buffer.from(parts[part]!, "base64url");
  bytes[0] = bytes[0]! ^ 0x01;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

describe("field encryption (AES-256-GCM)", () => {
  const crypto = new FieldCrypto(keys(new Map([["k1", key()]]), "k1"));

  it("decrypts what it encrypted, with the key id in the envelope", () => {
    const envelope = crypto.encrypt("users.email", "Jan.de.Vries@example.nl");
    assert.match(envelope, /^v1\.k1\./);
    assert.ok(!envelope.includes("Jan"));
    assert.equal(crypto.decrypt("users.email", envelope), "Jan.de.Vries@example.nl");
  });

  it("uses a fresh IV: the same plaintext encrypts differently each time", () => {
    assert.notEqual(crypto.encrypt("users.email", "a@b.nl"), crypto.encrypt("users.email", "a@b.nl"));
  });

  it("round-trips empty and non-ASCII text, and optional nulls", () => {
    assert.equal(crypto.decrypt("f", crypto.encrypt("f", "")), "");
    assert.equal(crypto.decrypt("f", crypto.encrypt("f", "Zoë Çelik 🙂")), "Zoë Çelik 🙂");
    assert.equal(crypto.encryptOptional("f", null), null);
    assert.equal(crypto.decryptOptional("f", undefined), null);
  });

  it("refuses a tampered ciphertext", () => {
    const envelope = crypto.encrypt("users.email", "someone@example.nl");
    assert.throws(() => crypto.decrypt("users.email", flip(envelope, 4)));
  });

  it("refuses a tampered authentication tag", () => {
    const envelope = crypto.encrypt("users.email", "someone@example.nl");
    assert.throws(() => crypto.decrypt("users.email", flip(envelope, 3)));
  });

  it("refuses a tampered IV", () => {
    const envelope = crypto.encrypt("users.email", "someone@example.nl");
    assert.throws(() => crypto.decrypt("users.email", flip(envelope, 2)));
  });

  it("refuses a ciphertext moved into another field (the field name is bound as AAD)", () => {
    const envelope = crypto.encrypt("users.email", "someone@example.nl");
    assert.throws(() => crypto.decrypt("users.display_name", envelope));
  });

  it("refuses something that is not an envelope, and an unknown key id", () => {
    assert.throws(() => crypto.decrypt("f", "plain text"), /not an encrypted field/);
    const envelope = crypto.encrypt("f", "x").replace(/^v1\.k1\./, "v1.k9.");
    assert.throws(() => crypto.decrypt("f", envelope), /no key with id k9/);
  });

  it("refuses key material without the current key or with a short key", () => {
    assert.throws(() => new FieldCrypto(keys(new Map([["k1", key()]]), "k2")), /current encryption key id/);
    assert.throws(() => new FieldCrypto(keys(new Map([["k1", randomBytes(16)]]), "k1")), /32 bytes/);
  });

  it("keeps decrypting envelopes of an old key after rotation, and writes new ones with the new key", () => {
    const k1 = key();
    const shared = { blindIndexKey: key(), auditChainKey: key() };
    const before = new FieldCrypto(keys(new Map([["k1", k1]]), "k1", shared));
    const old = before.encrypt("users.email", "old@example.nl");
    const after = new FieldCrypto(keys(new Map([["k1", k1], ["k2", key()]]), "k2", shared));
    assert.equal(after.decrypt("users.email", old), "old@example.nl");
    assert.equal(after.needsRotation(old), true);
    const fresh = after.encrypt("users.email", "new@example.nl");
    assert.equal(FieldCrypto.keyIdOf(fresh), "k2");
    assert.equal(after.needsRotation(fresh), false);
    assert.equal(after.decrypt("users.email", fresh), "new@example.nl");
  });
});

describe("blind indexes (keyed hashes for exact-match lookups)", () => {
  const crypto = new FieldCrypto(keys(new Map([["k1", key()]]), "k1"));

  it("hash e-mail addresses equal regardless of case and surrounding spaces", () => {
    assert.equal(crypto.blindIndex("email", "  Jan.de.Vries@Example.NL "), crypto.blindIndex("email", "jan.de.vries@example.nl"));
    assert.notEqual(crypto.blindIndex("email", "jan@example.nl"), crypto.blindIndex("email", "jans@example.nl"));
  });

  it("hash names equal regardless of case, accents, spacing and punctuation", () => {
    const reference = crypto.blindIndex("name", "zoe celik");
    for (const variant of ["Zoë Çelik", "  ZOË   ÇELIK ", "zoë-çelik", "Zoe\tCelik"]) {
      assert.equal(crypto.blindIndex("name", variant), reference, variant);
    }
    assert.notEqual(crypto.blindIndex("name", "Zoë Çelik"), crypto.blindIndex("name", "Zoë Çelikx"));
  });

  it("hash numbers by their digits and postcodes without case or spaces", () => {
    assert.equal(crypto.blindIndex("bsn", "1234.56.782"), crypto.blindIndex("bsn", "123456782"));
    assert.equal(crypto.blindIndex("phone", "06-12 34 56 78"), crypto.blindIndex("phone", "0612345678"));
    assert.equal(crypto.blindIndex("postcode_house", "1234 ab 5"), crypto.blindIndex("postcode_house", "1234AB5"));
  });

  it("keep equal values of different kinds apart", () => {
    assert.notEqual(crypto.blindIndex("bsn", "123456782"), crypto.blindIndex("kvk", "123456782"));
    assert.notEqual(crypto.blindIndex("email", "a@b.nl"), crypto.blindIndex("oidc_subject", "a@b.nl"));
    assert.notEqual(crypto.blindIndex("name", "jan"), crypto.blindIndex("email", "jan"));
  });

  it("depend on the key: another key gives other hashes", () => {
    const other = new FieldCrypto(keys(new Map([["k1", key()]]), "k1"));
    assert.notEqual(crypto.blindIndex("email", "a@b.nl"), other.blindIndex("email", "a@b.nl"));
    assert.match(crypto.blindIndex("email", "a@b.nl"), /^[0-9a-f]{64}$/);
  });
});

describe("audit seals", () => {
  it("change with the content and with the previous hash", () => {
    const crypto = new FieldCrypto(keys(new Map([["k1", key()]]), "k1"));
    const seal = crypto.auditSeal("genesis", "[1]");
    assert.equal(crypto.auditSeal("genesis", "[1]"), seal);
    assert.notEqual(crypto.auditSeal("genesis", "[2]"), seal);
    assert.notEqual(crypto.auditSeal("other", "[1]"), seal);
  });
});
