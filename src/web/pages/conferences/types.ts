import type { Ability } from "../../api/types.ts";

/** Abilities that open the conference pages. */
export const MEETING_LIST = "meeting.list" satisfies Ability;
export const MEASURE_LIST = "administrative_measure.list" satisfies Ability;
