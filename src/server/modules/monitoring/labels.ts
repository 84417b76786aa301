/**
 * The Dutch names of the codes the monitor counts by, in the order its tables list them. The tables carry
 * their labels (exports and the PDF need them without the web app's translations); the wording follows the
 * web app's (src/web/i18n/nl/*).
 */
type Labels = Readonly<Record<string, string>>;

export const organisationTypeLabels: Labels = {
  municipality: "Gemeente",
  care_coordination: "Zorgcoördinatie",
  police: "Politie",
  public_prosecutor: "Openbaar Ministerie",
  riec: "RIEC",
  zvh: "Zorg- en Veiligheidshuis",
  labour_inspectorate: "Nederlandse Arbeidsinspectie",
  tax_office: "Belastingdienst",
  veilig_thuis: "Veilig Thuis",
  shelter: "Opvang",
  other_partner: "Andere ketenpartner",
};

/** Signals: forms as the focal officer assesses them ("unclear" included); victim files: as the coordinator records them. */
export const signalFormLabels: Labels = {
  sexual: "Seksuele uitbuiting",
  labour: "Arbeidsuitbuiting",
  criminal: "Criminele uitbuiting",
  other: "Andere vorm van uitbuiting",
  unclear: "Onduidelijk",
};
export const fileFormLabels: Labels = {
  sexual: "Seksuele uitbuiting",
  labour: "Arbeidsuitbuiting",
  criminal: "Criminele uitbuiting",
  organ_removal: "Gedwongen orgaanverwijdering",
  other: "Andere vorm van uitbuiting",
};

export const indicatorGroupLabels: Labels = {
  general: "Algemene indicatoren",
  sexual: "Indicatoren seksuele uitbuiting",
  labour: "Indicatoren arbeidsuitbuiting",
  criminal: "Indicatoren criminele uitbuiting",
};

export const channelLabels: Labels = {
  care_coordination: "Zorgcoördinatie mensenhandel",
  zvh_signal_meeting: "Signaaloverleg Zorg- en Veiligheidshuis",
  local_undermining_meeting: "Lokaal ondermijningsoverleg",
  riec_case_conference: "Casusoverleg RIEC",
  police: "Politie",
  labour_inspectorate: "Nederlandse Arbeidsinspectie",
  veilig_thuis: "Veilig Thuis",
};

/** The steps of the reporting route, by the status a signal leaves. */
export const routeStepLabels: Labels = {
  received: "Ontvangen → geregistreerd",
  recorded: "Geregistreerd → verrijkt",
  enriched: "Verrijkt → beoordeeld",
  assessed: "Beoordeeld → doorgezet",
  referred: "Doorgezet → terugkoppeling ontvangen",
  feedback_collected: "Terugkoppeling ontvangen → melder geïnformeerd",
  reporter_informed: "Melder geïnformeerd → afgesloten",
};

export const genderLabels: Labels = { female: "Vrouw", male: "Man", other: "Anders", unknown: "Onbekend" };

export const ageGroupLabels: Labels = {
  under_18: "Jonger dan 18 jaar",
  "18_23": "18 tot en met 23 jaar",
  "24_30": "24 tot en met 30 jaar",
  "31_40": "31 tot en met 40 jaar",
  "41_50": "41 tot en met 50 jaar",
  "51_plus": "51 jaar of ouder",
  unknown: "Onbekend",
};

export const nationalityGroupLabels: Labels = {
  nld: "Nederlands",
  eu: "Andere EU-nationaliteit",
  non_eu: "Nationaliteit buiten de EU",
  unknown: "Onbekend",
};

/** The other 26 member states of the European Union (ISO 3166 alpha-3); NLD is a group of its own. */
export const euCountryCodes: readonly string[] = [
  "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
  "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE",
];

export const closureReasonLabels: Labels = {
  goals_reached: "Doelen bereikt",
  moved_region: "Verhuisd naar een andere regio",
  returned_to_origin: "Teruggekeerd naar het land van herkomst",
  lost_contact: "Geen contact meer",
  declined_help: "Hulp geweigerd",
  other: "Andere reden",
};

export const placeTypeLabels: Labels = {
  cosm: "COSM-plaats",
  regular: "Reguliere plaats",
  crisis: "Crisisplaats",
  youth: "Jeugdplaats",
  other: "Andere plaats",
};

export const reflectionEndReasonLabels: Labels = {
  decided_to_report: "Besloten aangifte te doen",
  declined_to_report: "Besloten geen aangifte te doen",
  left: "Vertrokken",
  other: "Andere reden",
};

export const policeReportLabels: Labels = {
  made: "Aangifte gedaan",
  declined: "Geen aangifte gedaan",
  unable: "Kan niet meewerken",
};

export const needDomainLabels: Labels = {
  safety: "Veiligheid",
  shelter_housing: "Opvang en huisvesting",
  medical: "Medische zorg",
  psychological: "Psychische zorg",
  legal_aid: "Juridische hulp",
  income_benefits: "Inkomen en uitkering",
  health_insurance: "Zorgverzekering",
  residence_status: "Verblijfsstatus",
  brp_registration: "Inschrijving in de BRP",
  daytime_activity: "Dagbesteding",
  children: "Kinderen",
  return: "Terugkeer",
};

export const serviceTypeLabels: Labels = {
  shelter: "Opvang",
  medical_care: "Medische zorg",
  mental_health_care: "Geestelijke gezondheidszorg",
  legal_aid: "Juridische hulp",
  interpreter: "Tolk",
  income_support: "Inkomensondersteuning",
  health_insurance: "Zorgverzekering",
  housing: "Huisvesting",
  daytime_activity: "Dagbesteding",
  education: "Onderwijs",
  return_support: "Hulp bij terugkeer",
  youth_care: "Jeugdhulp",
  victim_support: "Slachtofferhulp",
  other: "Andere hulp",
};

export const decisionKindLabels: Labels = {
  criminal_investigation: "Strafrechtelijk onderzoek",
  inspection: "Bestuurlijke controle",
  bibob_review: "Bibob-toets",
  closure: "Sluiting",
  permit_refusal: "Weigering van een vergunning",
  permit_withdrawal: "Intrekking van een vergunning",
  fine_or_order: "Bestuurlijke boete of last onder dwangsom",
  fiscal: "Fiscale aanpak",
  care: "Zorg en hulpverlening",
  no_action: "Geen interventie",
};

export const measureKindLabels: Labels = {
  housing_inspection: "Woningcontrole (huisvesting arbeidsmigranten)",
  prostitution_control: "Controle op illegale prostitutie",
  inspection: "Bestuurlijke controle",
  bibob_review: "Bibob-toets",
  closure: "Sluiting",
  permit_refusal: "Weigering van een vergunning",
  permit_withdrawal: "Intrekking van een vergunning",
  fine_or_order: "Bestuurlijke boete of last onder dwangsom",
  other: "Andere maatregel",
};

export const measureOutcomeLabels: Labels = {
  pending: "Nog geen uitkomst",
  no_findings: "Geen bevindingen",
  violation_found: "Overtreding vastgesteld",
  measure_imposed: "Maatregel opgelegd",
  measure_lifted: "Maatregel opgeheven",
  other: "Andere uitkomst",
};

/** The rows of a breakdown in the labels' order: key and label. */
export const rowsOf = (labels: Labels) => Object.entries(labels).map(([key, label]) => ({ key, label }));
