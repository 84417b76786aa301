import { api } from "../../api/client.ts";
import type { Organisation, Region, SessionUser } from "../../api/types.ts";
import { useLoad } from "../../api/useLoad.ts";

/**
 * What an administrator manages, as the UI offers it: their own organisation and, for a region
 * administrator, the organisations of their regions. The server decides; this only shapes the forms.
 */
export function useAdminScope(user: SessionUser) {
  const organisations = useLoad(() => api.get<{ items: Organisation[] }>("/organisations"), "organisations");
  const regions = useLoad(() => api.get<{ items: Region[] }>("/regions"), "regions");

  const administeredRegions = (regions.data?.items ?? []).filter((region) => user.regionAdministratorOf.includes(region.id));
  const managedIds = new Set([user.organisation.id, ...administeredRegions.flatMap((region) => region.organisationIds)]);
  const loaded = organisations.data?.items.filter((organisation) => managedIds.has(organisation.id)) ?? [];
  const managedOrganisations =
    loaded.length > 0 ? loaded : [{ id: user.organisation.id, name: user.organisation.name, type: user.organisation.type }];

  return {
    loading: organisations.loading || regions.loading,
    managedOrganisations: managedOrganisations.map(({ id, name }) => ({ id, name })),
    administeredRegions,
    regionsById: new Map((regions.data?.items ?? []).map((region) => [region.id, region])),
  };
}

/** Regions someone in this organisation can be made administrator of. */
export function regionsFor(organisationId: string, administeredRegions: Region[]): Region[] {
  return administeredRegions.filter((region) => region.organisationIds.includes(organisationId));
}
