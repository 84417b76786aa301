import { stringify } from "csv-stringify/sync";
import type { CalendarDate } from "../../../kernel/dutch-time.ts";
import { ageGroupOf, ageOn } from "../calendar.ts";
import type { AgeGroup, ExploitationForm, FileSource, PoliceUnit, SharingBasis } from "../codes.ts";

/**
 * The registration of a (presumed) victim with CoMensha, the national coordination centre: the facts its
 * figures need and nothing that identifies the person (docs/comensha-registration.md). The file's reference
 * is a pseudonym the coordinator can quote when CoMensha asks about the registration.
 */
export interface ComenshaInput {
  reference: string;
  openedOn: CalendarDate;
  forms: readonly ExploitationForm[];
  birthDate: CalendarDate | null;
  ageGroup: AgeGroup;
  gender: "female" | "male" | "other" | "unknown";
  nationality: string | null;
  policeUnit: PoliceUnit;
  source: FileSource;
  careCoordination: string;
  basis: SharingBasis;
  exportedOn: CalendarDate;
}

/** Who brought the person into view, in CoMensha's categories of reporter. */
export const reporterTypes = {
  referral: "municipality",
  police: "police",
  kmar: "kmar",
  labour_inspectorate: "labour_inspectorate",
  fairwork: "ngo",
  self: "self",
  other: "other",
} as const satisfies Record<FileSource, string>;
export type ReporterType = (typeof reporterTypes)[FileSource];

const formLabels: Record<ExploitationForm, string> = {
  sexual: "seksuele uitbuiting",
  labour: "arbeidsuitbuiting",
  criminal: "criminele uitbuiting",
  organ_removal: "gedwongen orgaanverwijdering",
  other: "overige uitbuiting",
};
const genderLabels = { female: "vrouw", male: "man", other: "anders", unknown: "onbekend" } as const;
const ageGroupLabels: Record<AgeGroup, string> = {
  under_18: "jonger dan 18", "18_23": "18-23", "24_30": "24-30", "31_40": "31-40", "41_50": "41-50", "51_plus": "51 of ouder", unknown: "onbekend",
};
export const policeUnitLabels: Record<PoliceUnit, string> = {
  noord_nederland: "Noord-Nederland", oost_nederland: "Oost-Nederland", midden_nederland: "Midden-Nederland", noord_holland: "Noord-Holland",
  amsterdam: "Amsterdam", den_haag: "Den Haag", rotterdam: "Rotterdam", zeeland_west_brabant: "Zeeland-West-Brabant", oost_brabant: "Oost-Brabant",
  limburg: "Limburg",
};
const reporterLabels: Record<ReporterType, string> = {
  municipality: "gemeente", police: "politie", kmar: "Koninklijke Marechaussee", labour_inspectorate: "Nederlandse Arbeidsinspectie",
  ngo: "hulpverlening (ngo)", self: "zelfmelder", other: "overig",
};
const basisLabels: Record<SharingBasis, string> = {
  consent: "toestemming", vital_interest: "vitaal belang", legal_obligation: "wettelijke verplichting", public_task: "publieke taak",
  child_protection: "bescherming van een minderjarige", criminal_justice_request: "vordering strafvordering",
};

export interface ComenshaRegistration {
  reference: string;
  dateInView: CalendarDate;
  exploitationForms: ExploitationForm[];
  age: number | null;
  ageGroup: AgeGroup;
  minor: boolean;
  gender: ComenshaInput["gender"];
  nationality: string;
  policeUnit: PoliceUnit;
  reporterType: ReporterType;
  careCoordination: string;
  basis: SharingBasis;
  exportedOn: CalendarDate;
}

/** The registration: age at the day the person came into view, the reporter type from the file's source. */
export function comenshaRegistration(input: ComenshaInput): ComenshaRegistration {
  const age = input.birthDate ? ageOn(input.birthDate, input.openedOn) : null;
  const ageGroup = age !== null ? ageGroupOf(age) : input.ageGroup;
  return {
    reference: input.reference,
    dateInView: input.openedOn,
    exploitationForms: [...input.forms],
    age,
    ageGroup,
    minor: ageGroup === "under_18",
    gender: input.gender,
    nationality: input.nationality ?? "onbekend",
    policeUnit: input.policeUnit,
    reporterType: reporterTypes[input.source],
    careCoordination: input.careCoordination,
    basis: input.basis,
    exportedOn: input.exportedOn,
  };
}

/** The CSV the coordinator sends: Dutch headings, one row, semicolons between forms. */
export const comenshaCsvColumns = [
  "Kenmerk", "Datum in beeld", "Vorm(en) van uitbuiting", "Leeftijd", "Leeftijdscategorie", "Minderjarig", "Geslacht",
  "Nationaliteit", "Regio (politie-eenheid)", "Type melder", "Zorgcoördinatie", "Grondslag", "Exportdatum",
] as const;

export function comenshaCsv(r: ComenshaRegistration): string {
  const row = [
    r.reference, r.dateInView, r.exploitationForms.map((f) => formLabels[f]).join("; "), r.age === null ? "" : String(r.age),
    ageGroupLabels[r.ageGroup], r.minor ? "ja" : "nee", genderLabels[r.gender], r.nationality, policeUnitLabels[r.policeUnit],
    reporterLabels[r.reporterType], r.careCoordination, basisLabels[r.basis], r.exportedOn,
  ];
  // A byte order mark so spreadsheet programs read the accents right.
  return `\uFEFF${stringify([[...comenshaCsvColumns], row], { delimiter: ";" })}`;
}
