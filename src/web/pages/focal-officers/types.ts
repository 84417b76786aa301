import type { Ability } from "../../api/types.ts";

/** The focal officer answers of the API (focal-officers.schema.ts on the server). */
export const domains = ["safety", "social"] as const;
export type Domain = (typeof domains)[number];
export type Coverage = "none" | "one" | "one_domain" | "complete";

export const FOCAL_OFFICER_LIST = "focal_officer_assignment.list" satisfies Ability;

export interface FocalOfficerPerson {
  userId: string;
  name: string | null;
  municipalityId: string;
  municipalityName: string;
  current: boolean;
}

export interface FocalOfficer {
  id: string;
  municipalityId: string;
  userId: string;
  name: string | null;
  domain: Domain;
  current: boolean;
  substitute: FocalOfficerPerson | null;
  namedAt: string;
  abilities: { update?: boolean; end?: boolean };
}

export interface MunicipalityOfficers {
  municipalityId: string;
  municipalityName: string;
  officers: FocalOfficer[];
  count: number;
  domains: Domain[];
  coverage: Coverage;
  abilities: { create?: boolean };
}

export interface FocalOfficerOverview {
  regions: { regionId: string; regionName: string; municipalities: MunicipalityOfficers[] }[];
}

export interface FocalOfficerCandidates {
  officers: { userId: string; name: string | null; named: boolean }[];
  substitutes: { userId: string; name: string | null; municipalityId: string; municipalityName: string }[];
}
