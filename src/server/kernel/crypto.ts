import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Field encryption (AES-256-GCM from node:crypto) and keyed hashes (HMAC-SHA256) for exact-match lookups.
 * An encrypted field is stored as "v1.<keyId>.<iv>.<tag>.<ciphertext>" (base64url parts), so old rows keep
 * decrypting after a new key becomes current. The field's name is bound as additional authenticated data:
 * a ciphertext copied into another column does not decrypt.
 */
export interface KeyMaterial {
  encryptionKeys: ReadonlyMap<string, Buffer>;
  currentKeyId: string;
  blindIndexKey: Buffer;
  auditChainKey: Buffer;
}

export class FieldCrypto {
  constructor(private readonly keys: KeyMaterial) {
    if (!keys.encryptionKeys.has(keys.currentKeyId)) throw new Error("current encryption key id has no key");
    for (const [id, key] of keys.encryptionKeys) {
      if (key.length !== 32) throw new Error(`encryption key ${id} must be 32 bytes`);
    }
  }

  encrypt(field: string, plaintext: string): string {
    const key = this.keys.encryptionKeys.get(this.keys.currentKeyId)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(Buffer.from(field, "utf8"));
    const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    const tag = cipher.getAuthTag();
    return ["v1", this.keys.currentKeyId, b64(iv), b64(tag), b64(ciphertext)].join(".");
  }

  encryptOptional(field: string, plaintext: string | null | undefined): string | null {
    return plaintext === null || plaintext === undefined ? null : this.encrypt(field, plaintext);
  }

  decrypt(field: string, envelope: string): string {
    const [version, keyId, iv, tag, ciphertext] = envelope.split(".");
    if (version !== "v1" || !keyId || iv === undefined || tag === undefined || ciphertext === undefined) {
      throw new Error("not an encrypted field");
    }
    const key = this.keys.encryptionKeys.get(keyId);
    if (!key) throw new Error(`no key with id ${keyId} to decrypt ${field}`);
    const decipher = createDecipheriv("aes-256-gcm", key, unb64(iv));
    decipher.setAAD(Buffer.from(field, "utf8"));
    decipher.setAuthTag(unb64(tag));
    return Buffer.concat([decipher.update(unb64(ciphertext)), decipher.final()]).toString("utf8");
  }

  decryptOptional(field: string, envelope: string | null | undefined): string | null {
    return envelope === null || envelope === undefined ? null : this.decrypt(field, envelope);
  }

  /** The same keys plus a new one that becomes current (rotation); `retire` drops the older encryption keys. */
  withNewKey(keyId: string, key: Buffer, options: { retire?: boolean } = {}): FieldCrypto {
    const keys = options.retire ? new Map<string, Buffer>() : new Map(this.keys.encryptionKeys);
    keys.set(keyId, key);
    return new FieldCrypto({ ...this.keys, encryptionKeys: keys, currentKeyId: keyId });
  }

  /** The key id an envelope was written with, for re-encryption after rotation. */
  static keyIdOf(envelope: string): string | undefined {
    return envelope.split(".")[1];
  }

  needsRotation(envelope: string): boolean {
    return FieldCrypto.keyIdOf(envelope) !== this.keys.currentKeyId;
  }

  /** Keyed hash of a normalised value; the kind keeps equal values of different kinds apart. */
  blindIndex(kind: BlindIndexKind, value: string): string {
    return createHmac("sha256", this.keys.blindIndexKey)
      .update(`${kind}\u0000${normalise(kind, value)}`, "utf8")
      .digest("hex");
  }

  /** HMAC over an audit event's canonical form, chained to the previous hash. */
  auditSeal(previousHash: string, canonical: string): string {
    return createHmac("sha256", this.keys.auditChainKey).update(previousHash).update("\n").update(canonical).digest("hex");
  }
}

export type BlindIndexKind = "email" | "name" | "word" | "bsn" | "phone" | "postcode_house" | "kvk" | "oidc_subject" | "date";

/** Normalisation makes equal things hash equal: case, spacing, accents and punctuation don't count. */
export function normalise(kind: BlindIndexKind, value: string): string {
  const trimmed = value.normalize("NFKC").trim();
  switch (kind) {
    case "email":
      return trimmed.toLowerCase();
    case "name":
    case "word":
      return trimmed
        .normalize("NFKD")
        .replace(/\p{Diacritic}/gu, "")
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim();
    case "bsn":
    case "kvk":
    case "phone":
      return trimmed.replace(/\D+/g, "");
    case "postcode_house":
      return trimmed.toUpperCase().replace(/\s+/g, "");
    case "oidc_subject":
    case "date":
      return trimmed;
  }
}

export function randomToken(bytes = 32): string {
  return b64(randomBytes(bytes));
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Reads ENCRYPTION_KEYS ("id:base64,id:base64") into a key map. */
export function parseKeyList(list: string): Map<string, Buffer> {
  return new Map(
    list.split(",").map((pair) => {
      const [id, key] = pair.split(":");
      return [id!, Buffer.from(key!, "base64")];
    }),
  );
}

function b64(buffer: Buffer): string {
  return buffer.toString("base64url");
}
function unb64(text: string): Buffer {
  return Buffer.from(text, "base64url");
}
