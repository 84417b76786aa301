/**
 * The region's indicator catalogue (GET /regions/{regionId}/indicator-catalogue), reduced to what the
 * intake form needs: indicators per group. The reader accepts a flat list of indicators with a `group`
 * or a list of groups with their indicators, so it does not depend on how the catalogue is nested.
 */
export const indicatorGroups = ["general", "sexual", "criminal", "labour"] as const;
export type IndicatorGroup = (typeof indicatorGroups)[number];

/** The exploitation form each group points to; general indicators point to none on their own. */
export const groupForms: Record<IndicatorGroup, "sexual" | "criminal" | "labour" | null> = {
  general: null,
  sexual: "sexual",
  criminal: "criminal",
  labour: "labour",
};

export interface IndicatorOption {
  code: string;
  group: IndicatorGroup;
  textNl: string;
  textEn: string;
}

export interface MunicipalityOption {
  id: string;
  name: string;
  regionId: string;
  regionName: string;
}

const isGroup = (value: unknown): value is IndicatorGroup => indicatorGroups.some((g) => g === value);

function readIndicator(value: unknown, group: unknown): IndicatorOption | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const g = v.group ?? group;
  if (typeof v.code !== "string" || !isGroup(g) || v.active === false) return null;
  const textNl = typeof v.textNl === "string" ? v.textNl : typeof v.text === "string" ? v.text : v.code;
  const textEn = typeof v.textEn === "string" ? v.textEn : textNl;
  return { code: v.code, group: g, textNl, textEn };
}

export function readCatalogue(response: unknown): IndicatorOption[] {
  const root = (response ?? {}) as Record<string, unknown>;
  const result: IndicatorOption[] = [];
  const add = (list: unknown, group?: unknown) => {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      const indicator = readIndicator(item, group);
      if (indicator) result.push(indicator);
    }
  };
  if (Array.isArray(response)) add(response);
  add(root.indicators);
  if (Array.isArray(root.groups)) {
    for (const g of root.groups as Record<string, unknown>[]) add(g?.indicators, g?.group ?? g?.code ?? g?.key ?? g?.id);
  } else if (typeof root.groups === "object" && root.groups !== null) {
    for (const [group, list] of Object.entries(root.groups)) add(list, group);
  }
  const seen = new Set<string>();
  return result.filter((i) => (seen.has(i.code) ? false : (seen.add(i.code), true)));
}

/** The forms the ticked indicators point to, in group order. */
export function suggestedForms(indicators: IndicatorOption[], ticked: string[]): ("sexual" | "criminal" | "labour")[] {
  const groups = new Set(indicators.filter((i) => ticked.includes(i.code)).map((i) => i.group));
  return indicatorGroups.flatMap((g) => {
    const form = groupForms[g];
    return form && groups.has(g) ? [form] : [];
  });
}

/** Per group, the sentence each indicator's text completes ("Iemand is … als de persoon:"), if given. */
export type GroupLeads = Partial<Record<IndicatorGroup, { nl: string; en: string }>>;

export function readLeads(response: unknown): GroupLeads {
  const groups = (response as { groups?: unknown } | null)?.groups;
  const leads: GroupLeads = {};
  if (!Array.isArray(groups)) return leads;
  for (const g of groups as Record<string, unknown>[]) {
    if (isGroup(g?.group) && typeof g.leadNl === "string") {
      leads[g.group] = { nl: g.leadNl, en: typeof g.leadEn === "string" ? g.leadEn : g.leadNl };
    }
  }
  return leads;
}
