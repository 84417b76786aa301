import type { Ability } from "../../api/types.ts";

/** The baseline checklist answers of the API (baseline.schema.ts on the server). */
export const criteria = [
  "active_signalling", "focal_officer_named", "training_coverage", "reporting_route", "local_policy", "local_rules", "prostitution_policy", "partner_cooperation",
] as const;
export const attestedCriteria = ["reporting_route", "local_policy", "local_rules", "prostitution_policy", "partner_cooperation"] as const;
export type Criterion = (typeof criteria)[number];
export type CriterionState = "met" | "not_met" | "not_attested";

export const BASELINE_LIST = "baseline.list" satisfies Ability;

export interface CriterionView {
  criterion: Criterion;
  kind: "derived" | "attested";
  state: CriterionState;
  date: string | null;
  detail: { signals?: number; officers?: number; targets?: number; targetsMet?: number; targetsOverdue?: number };
  documentReference?: string | null;
  note?: string | null;
}

export interface MunicipalityBaseline {
  municipalityId: string;
  municipalityName: string;
  asOf: string;
  meetsBaseline: boolean;
  metCount: number;
  criteria: CriterionView[];
  abilities: { attest?: boolean };
}

export interface BaselineOverview {
  asOf: string;
  criteria: Criterion[];
  regions: { regionId: string; regionName: string; municipalities: MunicipalityBaseline[] }[];
}

export interface Attestation {
  id: string;
  criterion: Criterion;
  met: boolean;
  attestedOn: string;
  documentReference: string | null;
  note: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

export interface BaselineChecklist extends MunicipalityBaseline {
  history: Attestation[];
}
