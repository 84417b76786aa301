import type { z } from "zod";
import type { planListSchema, planSchema, reportFileSchema } from "../../../server/modules/plan/implementation-plan.schema.ts";
import type { ActivityStatus, CoverSource } from "../../../server/modules/plan/plan-codes.ts";
import type { Ability } from "../../api/types.ts";

/*
 * The shapes of the implementation plan API as the pages use them, inferred (type-only) from the server's zod
 * schemas; the code lists mirror plan-codes.ts, and `satisfies` keeps them from naming a code the server lacks.
 */
export const PLAN_LIST = "implementation_plan.list" satisfies Ability;
export const PLAN_CREATE = "implementation_plan.create" satisfies Ability;

export type Plan = z.output<typeof planSchema>;
export type PlanList = z.output<typeof planListSchema>;
export type PlanListItem = PlanList["items"][number];
export type ActionLine = Plan["actionLines"][number];
export type Activity = ActionLine["activities"][number];
export type ReportFile = z.output<typeof reportFileSchema>;
export type { ActivityStatus, CoverSource };

export const activityStatuses = ["not_started", "in_progress", "done", "postponed", "cancelled"] as const satisfies readonly ActivityStatus[];
export const coverSources = ["decentralisation_grant", "municipal_budget", "regional_funds", "national_subsidy", "other"] as const satisfies readonly CoverSource[];

export const planPath = (id: string) => `/uitvoeringsplan/${id}`;
