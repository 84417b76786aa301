import type { Ability } from "../../api/types.ts";

/** Mirrors src/server/modules/network/codes.ts and network.schema.ts. */
export const offerCategories = [
  "shelter", "cosm", "legal_aid", "medical", "psychological", "labour_rights", "return", "minors",
  "care_coordination", "exit_programme", "domestic_violence", "registration", "advice_expertise",
] as const;
export type OfferCategory = (typeof offerCategories)[number];
export const ageGroups = ["adults", "minors"] as const;
export const nationalities = ["dutch", "non_dutch"] as const;
export const genders = ["female", "male", "other"] as const;
export const agreementKinds = ["agreement", "covenant"] as const;

export const SOCIAL_MAP_LIST = "social_map_entry.list" satisfies Ability;
export const SOCIAL_MAP_CREATE = "social_map_entry.create" satisfies Ability;
export const AGREEMENT_LIST = "cooperation_agreement.list" satisfies Ability;
export const AGREEMENT_CREATE = "cooperation_agreement.create" satisfies Ability;

export interface Contact {
  id?: string;
  name: string;
  jobTitle: string | null;
  phone: string | null;
  email: string | null;
}

export interface SocialMapEntry {
  id: string;
  regionId: string;
  regionName: string;
  organisationId: string | null;
  organisationName: string | null;
  name: string;
  description: string | null;
  offers: OfferCategory[];
  ageGroups: (typeof ageGroups)[number][];
  nationalities: (typeof nationalities)[number][];
  genders: (typeof genders)[number][];
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  openingHours: string | null;
  active: boolean;
  contacts: Contact[];
  updatedAt: string;
  abilities: { read?: boolean; update?: boolean };
}

export interface EntryList {
  items: SocialMapEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export type AgreementStatus = "current" | "expiring" | "expired" | "future";
export interface Agreement {
  id: string;
  regionId: string;
  kind: (typeof agreementKinds)[number];
  title: string;
  parties: { entryId: string; name: string }[];
  startsOn: string;
  endsOn: string | null;
  documentReference: string | null;
  note: string | null;
  remindDaysBefore: number;
  remindOn: string | null;
  remindedAt: string | null;
  status: AgreementStatus;
  owners: { userId: string; name: string | null }[];
  abilities: { update?: boolean };
}

/** What the map says an organisation in Ketenzicht offers (GET /organisation-offers). */
export interface OrganisationOffers {
  organisationId: string;
  regionId: string;
  entryId: string;
  offers: OfferCategory[];
}
