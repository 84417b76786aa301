import type { CalendarDate } from "../../kernel/dutch-time.ts";
import type { ConsentPurpose, ConsentStatus, LegalBasis, SharingBasis } from "./codes.ts";

/**
 * Consent per purpose and receiving party. Records are appended; the latest for a purpose and party is the
 * one that counts. Sharing that needs consent goes ahead only with consent that is given and still valid,
 * or, where the person did not or could not consent, with a legal basis the coordinator states.
 */
export interface ConsentRecord {
  seq: number;
  purpose: ConsentPurpose;
  partyOrganisationId: string | null;
  partyName: string | null;
  status: ConsentStatus;
  decidedOn: CalendarDate;
  validUntil: CalendarDate | null;
}

export interface Party {
  organisationId?: string | null;
  name?: string | null;
}

/** Parties outside Ketenzicht are matched by name, without regard to case, accents or spacing. */
export const partyNameKey = (name: string) =>
  name.normalize("NFKD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

const partyKey = (party: Party) => (party.organisationId ? `org:${party.organisationId}` : `name:${partyNameKey(party.name ?? "")}`);
const recordKey = (r: ConsentRecord) => `${r.purpose}|${partyKey({ organisationId: r.partyOrganisationId, name: r.partyName })}`;

/** The latest record for every purpose and party. */
export function currentConsents<T extends ConsentRecord>(records: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const r of [...records].sort((a, b) => a.seq - b.seq)) latest.set(recordKey(r), r);
  return [...latest.values()];
}

export type ConsentState = "given" | "refused" | "withdrawn" | "expired" | "none";

export function consentState<T extends ConsentRecord>(
  records: readonly T[],
  purpose: ConsentPurpose,
  party: Party,
  today: CalendarDate,
): { state: ConsentState; record: T | null } {
  const key = `${purpose}|${partyKey(party)}`;
  const record = currentConsents(records).find((r) => recordKey(r) === key) ?? null;
  if (!record) return { state: "none", record: null };
  if (record.status === "given" && record.validUntil !== null && record.validUntil < today) return { state: "expired", record };
  return { state: record.status, record };
}

export interface Override {
  legalBasis?: LegalBasis | undefined;
  legalBasisNote?: string | undefined;
}

export type SharingDecision =
  | { allowed: true; basis: SharingBasis; consentValidUntil: CalendarDate | null }
  | { allowed: false; state: ConsentState };

/**
 * May data be shared for this purpose with this party today? Valid consent comes first; without it, a
 * stated legal basis with its explanation. The caller records the basis with the sharing.
 */
export function decideSharing(records: readonly ConsentRecord[], purpose: ConsentPurpose, party: Party, today: CalendarDate, override: Override): SharingDecision {
  const { state, record } = consentState(records, purpose, party, today);
  if (state === "given") return { allowed: true, basis: "consent", consentValidUntil: record?.validUntil ?? null };
  if (override.legalBasis && override.legalBasisNote) return { allowed: true, basis: override.legalBasis, consentValidUntil: null };
  return { allowed: false, state };
}
