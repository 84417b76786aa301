import { normalise, type FieldCrypto } from "../../kernel/crypto.ts";

/**
 * Search in encrypted text: every word of the description, names and location is stored as a keyed hash
 * (search_tokens), and a search looks for the hashes of its words. The database never holds the words;
 * what it can learn is that two signals share a word. 16 hex characters (64 bits) keep the index small.
 */
const MAX_TOKENS = 400;

export function wordsOf(text: string): string[] {
  return normalise("word", text).split(" ").filter((w) => w.length >= 2);
}

export function tokenOf(crypto: FieldCrypto, word: string): string {
  return crypto.blindIndex("word", word).slice(0, 16);
}

export function searchTokens(crypto: FieldCrypto, texts: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const text of texts) if (text) for (const w of wordsOf(text)) words.add(w);
  return [...words].slice(0, MAX_TOKENS).map((w) => tokenOf(crypto, w));
}
