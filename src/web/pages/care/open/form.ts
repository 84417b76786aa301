import type { TFunction } from "i18next";
import type { FieldErrors } from "../../../components/useFormErrors.ts";
import { isValidCountryCode, isValidDate, isValidPhone, OTHER_NATIONALITY, today } from "../../signals/intake/draft.ts";
import type { AgeGroup, ExploitationForm, Gender } from "../types.ts";

/**
 * The form that opens a victim file: its fields, the client-side rules (mirroring files.schema.ts on the
 * server), the request body, and the server's field names mapped onto the form's.
 */
export interface OpenDraft {
  source: string;
  /** A victim of the referred signal, NO_PERSON, or "" (not chosen). */
  signalPersonId: string;
  name: string;
  birthDate: string;
  gender: string;
  phone: string;
  contact: string;
  ageGroup: string;
  nationality: string;
  nationalityOther: string;
  languages: string;
  exploitationForms: string[];
  cameIntoView: string;
  regionId: string;
}

export const NO_PERSON = "none";

export const emptyOpenDraft = (): OpenDraft => ({
  source: "",
  signalPersonId: "",
  name: "",
  birthDate: "",
  gender: "",
  phone: "",
  contact: "",
  ageGroup: "",
  nationality: "",
  nationalityOther: "",
  languages: "",
  exploitationForms: [],
  cameIntoView: "",
  regionId: "",
});

/** The fields in the order of the form: the error summary lists them in this order. */
export const OPEN_FIELDS = [
  "source", "signalPersonId", "name", "birthDate", "gender", "phone", "contact", "ageGroup", "nationality", "nationalityOther",
  "languages", "exploitationForms", "cameIntoView", "regionId",
] as const;

/** "pl, ro,en" → ["pl", "ro", "en"]. */
export const languageCodes = (value: string) => value.split(/[\s,;]+/).map((code) => code.trim().toLowerCase()).filter(Boolean);

export interface OpenContext {
  referral: { id: string; victimCount: number } | null;
  /** The organisation works in more than one region: the region must be chosen. */
  chooseRegion: boolean;
}

export function validateOpen(t: TFunction, d: OpenDraft, context: OpenContext): FieldErrors {
  const errors: FieldErrors = {};
  if (!context.referral && !d.source) errors.source = t("careOverview.open.errors.source");
  if (context.referral && context.referral.victimCount > 1 && !d.signalPersonId) errors.signalPersonId = t("careOverview.open.errors.signalPerson");
  if (d.birthDate && (!isValidDate(d.birthDate) || d.birthDate > today())) errors.birthDate = t("careOverview.open.errors.birthDate");
  if (d.phone.trim() && !isValidPhone(d.phone)) errors.phone = t("careOverview.open.errors.phone");
  if (d.nationality === OTHER_NATIONALITY && !isValidCountryCode(d.nationalityOther)) errors.nationalityOther = t("careOverview.open.errors.nationality");
  const languages = languageCodes(d.languages);
  if (languages.some((code) => !/^[a-z]{2,3}$/.test(code))) errors.languages = t("careOverview.open.errors.languages");
  else if (new Set(languages).size > 10) errors.languages = t("careOverview.open.errors.languagesTooMany");
  if (context.chooseRegion && !d.regionId) errors.regionId = t("careOverview.open.errors.region");
  return errors;
}

const text = (value: string) => value.trim() || undefined;

/** The body of POST /victim-files: only what was filled in, so the server carries over the rest. */
export function toOpenBody(d: OpenDraft, context: OpenContext) {
  const person = {
    name: text(d.name),
    birthDate: d.birthDate || undefined,
    phone: text(d.phone),
    contact: text(d.contact),
    gender: (d.gender || undefined) as Gender | undefined,
  };
  const nationality = d.nationality === OTHER_NATIONALITY ? d.nationalityOther.trim().toUpperCase() : d.nationality;
  return {
    source: context.referral ? "referral" : d.source,
    referralId: context.referral?.id,
    signalPersonId: context.referral && d.signalPersonId && d.signalPersonId !== NO_PERSON ? d.signalPersonId : undefined,
    regionId: d.regionId || undefined,
    person: Object.values(person).some((value) => value !== undefined) ? person : undefined,
    ageGroup: !d.birthDate && d.ageGroup ? (d.ageGroup as AgeGroup) : undefined,
    nationality: nationality || undefined,
    languages: [...new Set(languageCodes(d.languages))],
    exploitationForms: d.exploitationForms as ExploitationForm[],
    cameIntoView: text(d.cameIntoView),
  };
}

/** The server's name of a field ("person.birthDate", "languages.2") as the form's field. */
export function formField(name: string, d: OpenDraft): string {
  const [head = "", second = ""] = name.split(/[.[\]]+/).filter(Boolean);
  if (head === "person") return second;
  if (head === "nationality" && d.nationality === OTHER_NATIONALITY) return "nationalityOther";
  return head;
}
