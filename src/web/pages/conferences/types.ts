import type { z } from "zod";
import type {
  actionSchema, agendaItemSchema, candidateSchema, decisionSchema, meetingListItemSchema, meetingListSchema, meetingSchema, minutesFileSchema,
  sharedSectionSchema,
  locationHistorySchema, measureListSchema, measureSchema,
} from "../../../server/modules/conferences/conferences.schema.ts";
import type {
  ActionStatus, DecisionKind, FileItemPart, ItemStatus, MeasureKind, MeasureOutcome, MeetingKind, MeetingStatus, SignalItemPart,
} from "../../../server/modules/conferences/codes.ts";
import type { Ability } from "../../api/types.ts";

/** Abilities that open the conference pages. */
export const MEETING_LIST = "meeting.list" satisfies Ability;
export const MEASURE_LIST = "administrative_measure.list" satisfies Ability;
export const MEETING_CREATE = "meeting.create" satisfies Ability;

/*
 * The shapes of the case conference API as the web pages use them: inferred (type-only, erased from the
 * bundle) from the server's zod schemas in src/server/modules/conferences/conferences.schema.ts, the source
 * of truth. The code lists below mirror codes.ts; `satisfies` keeps them from naming a code the server lacks.
 */
export type Meeting = z.output<typeof meetingSchema>;
export type MeetingListItem = z.output<typeof meetingListItemSchema>;
export type MeetingList = z.output<typeof meetingListSchema>;
export type AgendaItem = z.output<typeof agendaItemSchema>;
export type ConferenceDecision = z.output<typeof decisionSchema>;
export type ConferenceAction = z.output<typeof actionSchema>;
export type SharedSection = z.output<typeof sharedSectionSchema>;
export type DelegateCandidate = z.output<typeof candidateSchema>;
export type MinutesFile = z.output<typeof minutesFileSchema>;
export type Participant = Meeting["participants"][number];

export type { ActionStatus, DecisionKind, FileItemPart, ItemStatus, MeasureKind, MeasureOutcome, MeetingKind, MeetingStatus, SignalItemPart };

export const meetingKinds = ["case_conference", "signal_meeting", "undermining_meeting", "regie_group"] as const satisfies readonly MeetingKind[];
export const meetingStatuses = ["planned", "in_progress", "closed", "cancelled"] as const satisfies readonly MeetingStatus[];
export const itemStatuses = ["proposed", "admitted", "declined", "withdrawn"] as const satisfies readonly ItemStatus[];
export const signalItemParts = ["description", "indicators", "location", "victims", "perpetrators", "enrichments"] as const satisfies readonly SignalItemPart[];
export const fileItemParts = ["person", "exploitation", "youth", "care_plan", "shelter", "residence"] as const satisfies readonly FileItemPart[];
export const decisionKinds = [
  "criminal_investigation", "inspection", "bibob_review", "closure", "permit_refusal", "permit_withdrawal", "fine_or_order", "fiscal", "care", "no_action",
] as const satisfies readonly DecisionKind[];
/** The administrative kinds: each becomes a measure against an address or business in the municipality's register. */
export const administrativeKinds = ["inspection", "bibob_review", "closure", "permit_refusal", "permit_withdrawal", "fine_or_order"] as const satisfies readonly DecisionKind[];
export const actionStatuses = ["open", "done", "cancelled"] as const satisfies readonly ActionStatus[];
export const measureKinds = [
  "housing_inspection", "prostitution_control", "inspection", "bibob_review", "closure", "permit_refusal", "permit_withdrawal", "fine_or_order", "other",
] as const satisfies readonly MeasureKind[];
export const measureOutcomes = ["pending", "no_findings", "violation_found", "measure_imposed", "measure_lifted", "other"] as const satisfies readonly MeasureOutcome[];
/** How an item may share what it shares: the signal's route, or (for a victim file) consent or a legal basis. */
export const sharingBases = ["route", "consent", "vital_interest", "legal_obligation", "public_task", "child_protection", "criminal_justice_request"] as const;

export const isAdministrativeKind = (kind: string): boolean => (administrativeKinds as readonly string[]).includes(kind);

/*
 * The register of administrative measures and a place's history (the measures page), inferred from the same
 * schemas. A measure's location is the address or business as the signal intake takes it.
 */
export type AdministrativeMeasure = z.output<typeof measureSchema>;
export type MeasureList = z.output<typeof measureListSchema>;
export type LocationHistory = z.output<typeof locationHistorySchema>;
export type LocationHistorySignal = LocationHistory["signals"][number];
