/**
 * The criteria of the baseline for the municipal approach ("basisniveau bestuurlijke aanpak mensenhandel"):
 * the three of the Handreiking as the Gooi en Vechtstreek proposal quotes them (active signalling, a designated
 * official, policy and local rules including prostitution policy), made checkable with the Zevenaar paper
 * (3.2–3.4, 4.2: training, the reporting route, cooperation with RIEC, ZVH and the care coordinator).
 * Derived criteria are computed from the data; attested ones are stated by the municipality's policy officer.
 */
export const derivedCriteria = ["active_signalling", "focal_officer_named", "training_coverage"] as const;
export const attestedCriteria = ["reporting_route", "local_policy", "local_rules", "prostitution_policy", "partner_cooperation"] as const;
export const criteria = [...derivedCriteria, ...attestedCriteria] as const;

export type DerivedCriterion = (typeof derivedCriteria)[number];
export type AttestedCriterion = (typeof attestedCriteria)[number];
export type Criterion = (typeof criteria)[number];

export const criterionStates = ["met", "not_met", "not_attested"] as const;
export type CriterionState = (typeof criterionStates)[number];

export const isAttested = (c: Criterion): c is AttestedCriterion => (attestedCriteria as readonly string[]).includes(c);
