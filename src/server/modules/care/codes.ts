/**
 * The vocabulary of care coordination: every code a victim file, its plan and its registration use, in one
 * place. The migration's check constraints hold the same lists; schemas and the web app derive from these.
 */
export const fileStatuses = ["intake", "active", "aftercare", "closed"] as const;
export type FileStatus = (typeof fileStatuses)[number];

export const closureReasons = ["goals_reached", "moved_region", "returned_to_origin", "lost_contact", "declined_help", "other"] as const;
export type ClosureReason = (typeof closureReasons)[number];

/** How the person came to the care coordinator: through the reporting route, or directly from a source. */
export const fileSources = ["referral", "police", "kmar", "labour_inspectorate", "fairwork", "self", "other"] as const;
export type FileSource = (typeof fileSources)[number];
export const directSources = ["police", "kmar", "labour_inspectorate", "fairwork", "self", "other"] as const;

export const genders = ["female", "male", "other", "unknown"] as const;
export const ageGroups = ["under_18", "18_23", "24_30", "31_40", "41_50", "51_plus", "unknown"] as const;
export type AgeGroup = (typeof ageGroups)[number];

/** The glossary's forms of exploitation (DESIGN.md). */
export const exploitationForms = ["sexual", "labour", "criminal", "organ_removal", "other"] as const;
export type ExploitationForm = (typeof exploitationForms)[number];

/** Why a partner user is on the case team; each purpose opens a fixed set of parts (purposes.ts). */
export const teamPurposes = ["criminal_investigation", "shelter", "care_provision", "residence_procedure", "youth_protection"] as const;
export type TeamPurpose = (typeof teamPurposes)[number];

/** What the person may consent to: sharing for a team purpose, and the registrations and handovers. */
export const consentPurposes = [...teamPurposes, "comensha_registration", "international_exchange", "transfer", "case_conference"] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
export const consentStatuses = ["given", "refused", "withdrawn"] as const;
export type ConsentStatus = (typeof consentStatuses)[number];
export const consentRecordings = ["written", "verbal", "digital", "via_representative"] as const;

/**
 * Where the law allows sharing without consent, the basis that is stated with it (AVG art. 6 and 9, the
 * Jeugdwet and the Wetboek van Strafvordering). A coordinator states one of these and explains it.
 */
export const legalBases = ["vital_interest", "legal_obligation", "public_task", "child_protection", "criminal_justice_request"] as const;
export type LegalBasis = (typeof legalBases)[number];
export type SharingBasis = "consent" | LegalBasis;

export const needDomains = [
  "safety", "shelter_housing", "medical", "psychological", "legal_aid", "income_benefits", "health_insurance",
  "residence_status", "brp_registration", "daytime_activity", "children", "return",
] as const;
export type NeedDomain = (typeof needDomains)[number];
export const needStatuses = ["need", "in_progress", "met", "no_need"] as const;

export const goalStatuses = ["open", "achieved", "dropped"] as const;
export const serviceTypes = [
  "shelter", "medical_care", "mental_health_care", "legal_aid", "interpreter", "income_support", "health_insurance",
  "housing", "daytime_activity", "education", "return_support", "youth_care", "victim_support", "other",
] as const;
export type ServiceType = (typeof serviceTypes)[number];
export const serviceStatuses = ["planned", "active", "completed", "cancelled"] as const;

/** COSM: the categorical shelter for non-Dutch adult victims in the reflection period. */
export const placeTypes = ["cosm", "regular", "crisis", "youth", "other"] as const;
export const leaveKinds = ["throughflow", "outflow"] as const;
export const destinations = ["other_shelter", "own_housing", "family", "returned_to_origin", "unknown", "other"] as const;

export const reflectionEndReasons = ["decided_to_report", "declined_to_report", "left", "other"] as const;
export const policeReportStatuses = ["undecided", "made", "declined", "unable"] as const;
/** Unable to cooperate with the police: because of a threat, or a medical or psychological reason. */
export const unableBases = ["threat", "medical", "psychological"] as const;
export const permitKinds = ["b8_temporary", "continued_residence", "renewal"] as const;
export const permitDecisions = ["granted", "refused", "withdrawn"] as const;

/** The ten units of the Dutch national police; CoMensha counts per unit. */
export const policeUnits = [
  "noord_nederland", "oost_nederland", "midden_nederland", "noord_holland", "amsterdam", "den_haag",
  "rotterdam", "zeeland_west_brabant", "oost_brabant", "limburg",
] as const;
export type PoliceUnit = (typeof policeUnits)[number];

/** Roles whose holders may be added to a case team as partner users (never administrators, privacy or policy officers). */
export const partnerMemberRoles = ["partner", "focal_officer", "care_coordinator", "conference_chair"] as const;
