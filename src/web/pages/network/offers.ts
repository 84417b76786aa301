import type { TFunction } from "i18next";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { offerCategories, type OfferCategory, type OrganisationOffers } from "./types.ts";

/**
 * What the social map says an organisation offers, for the pickers of other modules: the referral form of a
 * signal, and the service and shelter forms of a victim file.
 */
export function offersText(t: TFunction, offers: readonly string[]): string {
  return offers.filter((o): o is OfferCategory => (offerCategories as readonly string[]).includes(o)).map((o) => t(`network.offers.${o}`)).join(", ");
}

/** A picker's label: the name, and the map's offers when it has any. */
export function withOffers(t: TFunction, label: string, offers: readonly string[] | undefined): string {
  return offers && offers.length > 0 ? `${label} — ${offersText(t, offers)}` : label;
}

/** Which of the map's offers serve a need of the care plan (care/codes.ts needDomains). */
export const offersForDomain: Record<string, readonly OfferCategory[]> = {
  safety: ["shelter", "cosm", "domestic_violence"],
  shelter_housing: ["shelter", "cosm"],
  medical: ["medical"],
  psychological: ["psychological"],
  legal_aid: ["legal_aid"],
  residence_status: ["legal_aid"],
  income_benefits: ["labour_rights"],
  daytime_activity: ["exit_programme"],
  children: ["minors"],
  return: ["return"],
};

export const servesDomain = (offers: readonly string[] | undefined, domain: string) =>
  (offersForDomain[domain] ?? []).some((o) => offers?.includes(o) === true);

/** The offers of the organisations in Ketenzicht, by organisation id (GET /organisation-offers). */
export function useOrganisationOffers(enabled = true): Map<string, OfferCategory[]> {
  const result = useLoad(() => api.get<OrganisationOffers[]>("/organisation-offers"), "organisation-offers", enabled);
  const map = new Map<string, OfferCategory[]>();
  for (const row of result.data ?? []) map.set(row.organisationId, [...new Set([...(map.get(row.organisationId) ?? []), ...row.offers])]);
  return map;
}
