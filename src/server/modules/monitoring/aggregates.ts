import type { MonitorSection } from "../../../shared/monitoring.ts";
import type { Queryable } from "../../kernel/db.ts";
import type { MonitorContext } from "./context.ts";
import { careGapsSection, careSection, workloadSection } from "./section-care.ts";
import { conferencesSection, interventionsSection } from "./section-chain.ts";
import { referralsSection, reporterInformedSection, routeSection } from "./section-route.ts";
import { reflectionSection, shelterSection } from "./section-shelter.ts";
import { signalsSection } from "./section-signals.ts";
import { yearlySection } from "./section-yearly.ts";

/**
 * The monitor's sections, each counted in the database with one statement (two for the workload): the
 * records never leave it, only their counts. The order is the dashboard's; the ids are stable (exports and
 * the reports refer to them).
 */
export type SectionBuilder = (q: Queryable, ctx: MonitorContext) => Promise<MonitorSection>;

export const sectionBuilders = {
  signals: signalsSection,
  referrals: referralsSection,
  route: routeSection,
  "reporter-informed": reporterInformedSection,
  care: careSection,
  shelter: shelterSection,
  reflection: reflectionSection,
  "care-gaps": careGapsSection,
  workload: workloadSection,
  conferences: conferencesSection,
  interventions: interventionsSection,
  yearly: yearlySection,
} as const satisfies Record<string, SectionBuilder>;

export type SectionId = keyof typeof sectionBuilders;
export const sectionIds = Object.keys(sectionBuilders) as SectionId[];

/** Builds the sections asked for (all by default), one after the other on the same connection or transaction. */
export async function buildSections(q: Queryable, ctx: MonitorContext, ids: readonly SectionId[] = sectionIds): Promise<MonitorSection[]> {
  const sections: MonitorSection[] = [];
  for (const id of sectionIds.filter((s) => ids.includes(s))) sections.push(await sectionBuilders[id](q, ctx));
  return sections;
}

export {
  careGapsSection, careSection, conferencesSection, interventionsSection, referralsSection, reflectionSection, reporterInformedSection, routeSection,
  shelterSection, signalsSection, workloadSection, yearlySection,
};
