/**
 * The vocabulary of the social map. The offers follow the papers: shelter and COSM, legal aid, medical and
 * psychological care, labour rights (FairWork), return, minors, care coordination (Moviera), exit programmes
 * (GGD, Gooi en Vechtstreek), domestic violence (Veilig Thuis), registration (CoMensha) and advice/expertise
 * (CKM, Samen Weerbaar). The migration's check constraints hold the same lists.
 */
export const offerCategories = [
  "shelter", "cosm", "legal_aid", "medical", "psychological", "labour_rights", "return", "minors",
  "care_coordination", "exit_programme", "domestic_violence", "registration", "advice_expertise",
] as const;
export type OfferCategory = (typeof offerCategories)[number];

export const ageGroups = ["adults", "minors"] as const;
export const nationalities = ["dutch", "non_dutch"] as const;
export const genders = ["female", "male", "other"] as const;

export const agreementKinds = ["agreement", "covenant"] as const;
export type AgreementKind = (typeof agreementKinds)[number];

/** Who keeps the map and the agreements (matrix.ts grants them create/update): also who may own an agreement. */
export const maintainerRoles = ["focal_officer", "care_coordinator", "policy_officer", "administrator"] as const;

/** Days before an agreement's end date that its owners are reminded, unless the agreement says otherwise. */
export const DEFAULT_REMIND_DAYS = 60;
