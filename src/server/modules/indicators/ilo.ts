/**
 * The ILO's eleven indicators of forced labour ("ILO Indicators of Forced Labour", 2012). Every signal in
 * the catalogue is mapped onto the ones it corresponds to, so that a region can compare its signals with
 * the international vocabulary used by the Labour Inspectorate and in case law.
 */
export const iloIndicators = [
  { code: "ilo_abuse_of_vulnerability", nl: "Misbruik van kwetsbaarheid", en: "Abuse of vulnerability" },
  { code: "ilo_deception", nl: "Misleiding", en: "Deception" },
  { code: "ilo_restriction_of_movement", nl: "Beperking van de bewegingsvrijheid", en: "Restriction of movement" },
  { code: "ilo_isolation", nl: "Isolatie", en: "Isolation" },
  { code: "ilo_physical_sexual_violence", nl: "Fysiek en seksueel geweld", en: "Physical and sexual violence" },
  { code: "ilo_intimidation_threats", nl: "Intimidatie en bedreiging", en: "Intimidation and threats" },
  { code: "ilo_retention_of_identity_documents", nl: "Achterhouden van identiteitsdocumenten", en: "Retention of identity documents" },
  { code: "ilo_withholding_of_wages", nl: "Inhouden van loon", en: "Withholding of wages" },
  { code: "ilo_debt_bondage", nl: "Schuldslavernij", en: "Debt bondage" },
  { code: "ilo_abusive_conditions", nl: "Mensonwaardige werk- en leefomstandigheden", en: "Abusive working and living conditions" },
  { code: "ilo_excessive_overtime", nl: "Buitensporig overwerk", en: "Excessive overtime" },
] as const;

export type IloCode = (typeof iloIndicators)[number]["code"];

/** The codes as a non-empty tuple, for z.enum. */
export const iloCodes = iloIndicators.map((i) => i.code) as [IloCode, ...IloCode[]];

export const isIloCode = (value: string): value is IloCode => (iloCodes as readonly string[]).includes(value);
