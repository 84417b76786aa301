/**
 * The vocabulary of the implementation plan (uitvoeringsplan): the status of an activity and which status
 * may follow which, and where the cover of the costs comes from. The migration's checks hold the same lists.
 */
export const activityStatuses = ["not_started", "in_progress", "done", "postponed", "cancelled"] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

/** The whitelist of status changes: finished work reopens to "in progress", a cancelled activity restarts. */
export const statusTransitions: Record<ActivityStatus, readonly ActivityStatus[]> = {
  not_started: ["in_progress", "done", "postponed", "cancelled"],
  in_progress: ["done", "postponed", "cancelled"],
  postponed: ["in_progress", "not_started", "cancelled"],
  done: ["in_progress"],
  cancelled: ["not_started"],
};

/** Statuses whose activity still has to be finished: past its end date it is overdue. */
export const openStatuses: readonly ActivityStatus[] = ["not_started", "in_progress", "postponed"];

/** Where the cover (dekking) of the costs comes from, as in the Zuid-Limburg table (DU VO, own budget, …). */
export const coverSources = ["decentralisation_grant", "municipal_budget", "regional_funds", "national_subsidy", "other"] as const;
export type CoverSource = (typeof coverSources)[number];

export const planScopes = ["municipality", "region"] as const;
export type PlanScope = (typeof planScopes)[number];

export const statusLabels: Record<ActivityStatus, string> = {
  not_started: "niet gestart",
  in_progress: "in uitvoering",
  done: "afgerond",
  postponed: "uitgesteld",
  cancelled: "geannuleerd",
};

export const coverSourceLabels: Record<CoverSource, string> = {
  decentralisation_grant: "decentralisatie-uitkering (DU VO)",
  municipal_budget: "gemeentelijke begroting",
  regional_funds: "regionale middelen",
  national_subsidy: "rijkssubsidie",
  other: "overig",
};
