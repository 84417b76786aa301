/**
 * The draft of a signal as the reporter types it: every field as text, plus the Idempotency-Key that makes
 * a double click or a retry after a dropped connection create one signal. It is kept in sessionStorage per
 * user while typing (it survives a reload or a dropped connection, not closing the tab: a draft may name a
 * victim, and shared devices must not keep it) and is removed once the signal was received or discarded.
 */
export const genders = ["female", "male", "other", "unknown"] as const;
export const locationKinds = ["address", "business", "other", "none"] as const;
export type LocationKind = (typeof locationKinds)[number];

/** A short list of nationalities seen most in Dutch trafficking signals; anything else is "anders". */
export const nationalities = ["NLD", "POL", "ROU", "BGR", "HUN", "UKR", "NGA", "ERI", "SYR", "MAR", "TUR", "CHN", "VNM", "BRA"] as const;
export const OTHER_NATIONALITY = "other";

export interface PersonDraft {
  /** Stable React key; not sent. */
  key: string;
  name: string;
  birthDate: string;
  gender: string;
  nationality: string;
  nationalityOther: string;
  phone: string;
  description: string;
}

export interface IntakeDraft {
  idempotencyKey: string;
  municipalityId: string;
  indicatorCodes: string[];
  description: string;
  observedOn: string;
  locationKind: LocationKind;
  postcode: string;
  houseNumber: string;
  houseLetter: string;
  addition: string;
  kvkNumber: string;
  businessName: string;
  locationDescription: string;
  victims: PersonDraft[];
  perpetrators: PersonDraft[];
  reporterTeam: string;
  reporterAnonymous: boolean;
  immediateDanger: boolean;
}

export type PersonRole = "victims" | "perpetrators";

/** crypto.randomUUID needs a secure context; the fallback builds a version-4 UUID from random bytes. */
export function newUuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const emptyPerson = (): PersonDraft => ({
  key: newUuid(),
  name: "",
  birthDate: "",
  gender: "",
  nationality: "",
  nationalityOther: "",
  phone: "",
  description: "",
});

export const emptyDraft = (municipalityId = ""): IntakeDraft => ({
  idempotencyKey: newUuid(),
  municipalityId,
  indicatorCodes: [],
  description: "",
  observedOn: "",
  locationKind: "none",
  postcode: "",
  houseNumber: "",
  houseLetter: "",
  addition: "",
  kvkNumber: "",
  businessName: "",
  locationDescription: "",
  victims: [],
  perpetrators: [],
  reporterTeam: "",
  reporterAnonymous: false,
  immediateDanger: false,
});

/** Whether the reporter has typed or ticked anything: a preselected municipality alone is no draft. */
export function hasContent(draft: IntakeDraft): boolean {
  const texts = [
    draft.description, draft.observedOn, draft.postcode, draft.houseNumber, draft.houseLetter, draft.addition,
    draft.kvkNumber, draft.businessName, draft.locationDescription, draft.reporterTeam,
  ];
  return (
    texts.some((v) => v.trim() !== "") ||
    draft.indicatorCodes.length > 0 ||
    draft.locationKind !== "none" ||
    draft.victims.length > 0 ||
    draft.perpetrators.length > 0 ||
    draft.reporterAnonymous ||
    draft.immediateDanger
  );
}

const storageKey = (userId: string) => `ketenzicht.signalDraft.${userId}`;

const str = (v: unknown) => (typeof v === "string" ? v : "");

function readPerson(value: unknown): PersonDraft {
  const p = (value ?? {}) as Record<string, unknown>;
  return {
    key: str(p.key) || newUuid(),
    name: str(p.name),
    birthDate: str(p.birthDate),
    gender: str(p.gender),
    nationality: str(p.nationality),
    nationalityOther: str(p.nationalityOther),
    phone: str(p.phone),
    description: str(p.description),
  };
}

/** The stored draft of this user, if any; anything unreadable counts as no draft. */
export function loadDraft(userId: string): IntakeDraft | null {
  try {
    const raw = window.sessionStorage.getItem(storageKey(userId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Record<string, unknown>;
    if (typeof d !== "object" || d === null || typeof d.idempotencyKey !== "string") return null;
    const kind = locationKinds.find((k) => k === d.locationKind) ?? "none";
    return {
      idempotencyKey: d.idempotencyKey,
      municipalityId: str(d.municipalityId),
      indicatorCodes: Array.isArray(d.indicatorCodes) ? d.indicatorCodes.filter((c): c is string => typeof c === "string") : [],
      description: str(d.description),
      observedOn: str(d.observedOn),
      locationKind: kind,
      postcode: str(d.postcode),
      houseNumber: str(d.houseNumber),
      houseLetter: str(d.houseLetter),
      addition: str(d.addition),
      kvkNumber: str(d.kvkNumber),
      businessName: str(d.businessName),
      locationDescription: str(d.locationDescription),
      victims: Array.isArray(d.victims) ? d.victims.map(readPerson) : [],
      perpetrators: Array.isArray(d.perpetrators) ? d.perpetrators.map(readPerson) : [],
      reporterTeam: str(d.reporterTeam),
      reporterAnonymous: d.reporterAnonymous === true,
      immediateDanger: d.immediateDanger === true,
    };
  } catch {
    return null;
  }
}

export function saveDraft(userId: string, draft: IntakeDraft) {
  try {
    if (hasContent(draft)) window.sessionStorage.setItem(storageKey(userId), JSON.stringify(draft));
    else window.sessionStorage.removeItem(storageKey(userId));
  } catch {
    // Storage full or blocked (private mode): the form still works, only without a kept draft.
  }
}

export function clearDraft(userId: string) {
  try {
    window.sessionStorage.removeItem(storageKey(userId));
  } catch {
    // see saveDraft
  }
}

/* ---------- rules that mirror the server's (src/server/modules/signals/signals.schema.ts) ---------- */

export const normalisePostcode = (value: string) => value.replace(/\s+/g, "").toUpperCase();

/** Dutch postcode: four digits (not starting with 0) and two letters, except SA, SD and SS. */
export function isValidPostcode(value: string): boolean {
  const v = normalisePostcode(value.trim());
  return /^[1-9][0-9]{3}[A-Z]{2}$/.test(v) && !/(SA|SD|SS)$/.test(v);
}

export const isValidHouseNumber = (value: string) => /^[0-9]{1,5}$/.test(value.trim()) && Number(value) >= 1;
export const isValidHouseLetter = (value: string) => /^[A-Za-z]$/.test(value.trim());
export const isValidAddition = (value: string) => /^[A-Za-z0-9]{1,4}$/.test(value.trim());
export const isValidKvk = (value: string) => /^[0-9]{8}$/.test(value.trim());
export const isValidPhone = (value: string) => /^\+?[0-9 ()-]{6,20}$/.test(value.trim());
export const isValidCountryCode = (value: string) => /^[A-Z]{3}$/.test(value.trim().toUpperCase());

export function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Today as yyyy-mm-dd in the device's time zone (the max of the date fields). */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const opt = (value: string) => (value.trim() === "" ? undefined : value.trim());

function personBody(p: PersonDraft) {
  const nationality = p.nationality === OTHER_NATIONALITY ? opt(p.nationalityOther)?.toUpperCase() : opt(p.nationality);
  return {
    name: opt(p.name),
    birthDate: opt(p.birthDate),
    gender: opt(p.gender),
    nationality,
    phone: opt(p.phone),
    description: opt(p.description),
  };
}

/** An empty person group is not sent: the reporter added it and typed nothing. */
const personIsEmpty = (p: PersonDraft) => Object.values(personBody(p)).every((v) => v === undefined);

function locationBody(d: IntakeDraft) {
  switch (d.locationKind) {
    case "address":
      return {
        kind: "address" as const,
        postcode: normalisePostcode(d.postcode.trim()),
        houseNumber: Number(d.houseNumber.trim()),
        houseLetter: opt(d.houseLetter),
        addition: opt(d.addition),
      };
    case "business":
      return { kind: "business" as const, kvkNumber: d.kvkNumber.trim(), name: opt(d.businessName) };
    case "other":
      return { kind: "other" as const, description: d.locationDescription.trim() };
    default:
      return undefined;
  }
}

/**
 * The SignalIntake body. Person indexes in the server's error names (victims.0.birthDate) refer to the
 * sent array, so `victimIndexes`/`perpetratorIndexes` map them back to the groups on screen.
 */
export function toBody(d: IntakeDraft, knownCodes: Set<string>) {
  const victims = d.victims.map((p, i) => ({ p, i })).filter(({ p }) => !personIsEmpty(p));
  const perpetrators = d.perpetrators.map((p, i) => ({ p, i })).filter(({ p }) => !personIsEmpty(p));
  return {
    body: {
      municipalityId: d.municipalityId,
      indicatorCodes: d.indicatorCodes.filter((code) => knownCodes.has(code)),
      description: d.description.trim(),
      observedOn: opt(d.observedOn),
      location: locationBody(d),
      victims: victims.map(({ p }) => personBody(p)),
      perpetrators: perpetrators.map(({ p }) => personBody(p)),
      reporterTeam: opt(d.reporterTeam),
      reporterAnonymous: d.reporterAnonymous,
      immediateDanger: d.immediateDanger,
    },
    victimIndexes: victims.map(({ i }) => i),
    perpetratorIndexes: perpetrators.map(({ i }) => i),
  };
}
