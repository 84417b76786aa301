/**
 * The vocabulary of case conferences: kinds of meeting, the interventions a decision can be, actions and the
 * register of administrative measures. The migration's check constraints hold the same lists.
 */
export const meetingKinds = ["case_conference", "signal_meeting", "undermining_meeting", "regie_group"] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingStatuses = ["planned", "in_progress", "closed", "cancelled"] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const itemStatuses = ["proposed", "admitted", "declined", "withdrawn"] as const;
export type ItemStatus = (typeof itemStatuses)[number];

/** What a signal brings into a meeting (never the reporter) and what a victim file may bring. */
export const signalItemParts = ["description", "indicators", "location", "victims", "perpetrators", "enrichments"] as const;
export const fileItemParts = ["person", "exploitation", "youth", "care_plan", "shelter", "residence"] as const;
export type SignalItemPart = (typeof signalItemParts)[number];
export type FileItemPart = (typeof fileItemParts)[number];

/**
 * Decisions are interventions of a kind: criminal, administrative (inspection, Bibob review, closure, permit
 * refusal or withdrawal, fine or order), fiscal, care, or none.
 */
export const decisionKinds = [
  "criminal_investigation", "inspection", "bibob_review", "closure", "permit_refusal", "permit_withdrawal",
  "fine_or_order", "fiscal", "care", "no_action",
] as const;
export type DecisionKind = (typeof decisionKinds)[number];
/** The administrative ones: each becomes a measure in the municipality's register. */
export const administrativeKinds = ["inspection", "bibob_review", "closure", "permit_refusal", "permit_withdrawal", "fine_or_order"] as const satisfies readonly DecisionKind[];
export const isAdministrative = (kind: DecisionKind): kind is (typeof administrativeKinds)[number] => (administrativeKinds as readonly string[]).includes(kind);

export const actionStatuses = ["open", "done", "cancelled"] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const measureKinds = [
  "housing_inspection", "prostitution_control", "inspection", "bibob_review", "closure", "permit_refusal", "permit_withdrawal", "fine_or_order", "other",
] as const;
export type MeasureKind = (typeof measureKinds)[number];
export const measureOutcomes = ["pending", "no_findings", "violation_found", "measure_imposed", "measure_lifted", "other"] as const;
export type MeasureOutcome = (typeof measureOutcomes)[number];

/** Roles whose holders may be named as a meeting's delegates (never administrators, privacy or policy officers). */
export const delegateRoles = ["partner", "focal_officer", "care_coordinator", "conference_chair"] as const;
