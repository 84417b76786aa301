import type { Ability } from "../../api/types.ts";

/**
 * The shapes of the signals API as the work queue and the signal page use them. They mirror the zod
 * schemas in src/server/modules/signals/signals.schema.ts, which are the source of truth.
 */
export const statuses = [
  "received", "recorded", "enriched", "assessed", "referred", "feedback_collected", "reporter_informed", "closed",
] as const;
export const urgencies = ["acute", "high", "normal"] as const;
export const exploitationForms = ["sexual", "criminal", "labour", "other", "unclear"] as const;
export const outcomes = [
  "referred_to_care", "referred_to_investigation", "administrative_action", "no_indication", "insufficient_information", "merged",
] as const;
/** The outcomes a person may choose when closing ("merged" comes only from merging). */
export const closeOutcomes = outcomes.filter((o) => o !== "merged");
export const channels = [
  "care_coordination", "zvh_signal_meeting", "local_undermining_meeting", "riec_case_conference", "police", "labour_inspectorate", "veilig_thuis",
] as const;
export const sharedParts = ["description", "indicators", "location", "victims", "perpetrators", "enrichments", "reporter"] as const;
export const feedbackOutcomes = [
  "investigation_started", "care_started", "administrative_action", "discussed_no_action", "no_indication", "other",
] as const;
export const genders = ["female", "male", "other", "unknown"] as const;
export const referralStatuses = ["open", "accepted", "declined", "answered", "withdrawn"] as const;
export const indicatorGroups = ["general", "sexual", "criminal", "labour"] as const;
export const queueSorts = ["due_at", "-due_at", "received_at", "-received_at", "urgency", "reference"] as const;

export type SignalStatus = (typeof statuses)[number];
export type Urgency = (typeof urgencies)[number];
export type ExploitationForm = (typeof exploitationForms)[number];
export type Outcome = (typeof outcomes)[number];
export type Channel = (typeof channels)[number];
export type SharedPart = (typeof sharedParts)[number];
export type FeedbackOutcome = (typeof feedbackOutcomes)[number];
export type Gender = (typeof genders)[number];
export type ReferralStatus = (typeof referralStatuses)[number];
export type IndicatorGroup = (typeof indicatorGroups)[number];
export type QueueSort = (typeof queueSorts)[number];

/** The session ability that opens the work queue (not yet in the shared Ability list). */
export const SIGNAL_LIST = "signal.list" satisfies Ability;

export interface SignalQueueItem {
  id: string;
  reference: string;
  municipalityName: string;
  source: "employee" | "citizen";
  status: SignalStatus;
  urgency: Urgency;
  exploitationForms: ExploitationForm[];
  receivedAt: string;
  dueAt: string | null;
  overdue: boolean;
  referralCount: number;
  openReferralCount: number;
}

export interface SignalQueue {
  items: SignalQueueItem[];
  total: number;
  page: number;
  pageSize: number;
}

export type SignalLocation =
  | { kind: "address"; postcode: string; houseNumber: number; houseLetter?: string; addition?: string; street?: string; city?: string }
  | { kind: "business"; kvkNumber: string; name?: string; postcode?: string; houseNumber?: number }
  | { kind: "other"; description: string };

export interface SignalPerson {
  id: string;
  role: "victim" | "perpetrator";
  name: string | null;
  birthDate: string | null;
  gender: Gender | null;
  nationality: string | null;
  phone: string | null;
  description: string | null;
  otherSignals: boolean;
}

export interface SignalHistoryEntry {
  id: string;
  occurredAt: string;
  kind: string;
  fromStatus: SignalStatus | null;
  toStatus: SignalStatus | null;
  skipped: SignalStatus[];
  reason: string | null;
  actorName: string | null;
  actorOrganisationName: string | null;
  details: Record<string, unknown>;
}

export interface Referral {
  id: string;
  signalId: string;
  signalReference: string;
  organisationId: string;
  organisationName: string;
  channel: Channel;
  purpose: string;
  sharedParts: SharedPart[];
  status: ReferralStatus;
  createdAt: string;
  dueAt: string;
  overdue: boolean;
  respondedAt: string | null;
  declineReason: string | null;
  feedbackOutcome: FeedbackOutcome | null;
  feedback: string | null;
  feedbackAt: string | null;
  abilities: Record<string, boolean>;
}

export interface SignalEnrichment {
  id: string;
  source: "brp" | "manual";
  purpose: string;
  performedAt: string;
  performedByName: string | null;
  note: string | null;
  registeredCount: number | null;
  residents: { registeredSince: string | null }[];
}

export interface IndicatorRef {
  code: string;
  group: string;
  textNl: string;
  textEn: string;
}

export interface NextStep {
  to: SignalStatus;
  skips: SignalStatus[];
  needsReason: boolean;
}

export interface Signal {
  id: string;
  reference: string;
  municipalityId: string;
  municipalityName: string;
  source: "employee" | "citizen";
  status: SignalStatus;
  urgency: Urgency;
  urgencyAssessed: boolean;
  exploitationForms: ExploitationForm[];
  outcome: Outcome | null;
  mergedIntoId: string | null;
  receivedAt: string;
  dueAt: string | null;
  overdue: boolean;
  closedAt: string | null;
  visibleParts: SharedPart[];
  catalogue: { id: string; version: number };
  indicators: IndicatorRef[] | null;
  suggestedForms: string[] | null;
  description: string | null;
  observedOn: string | null;
  observedPeriod: string | null;
  location: SignalLocation | null;
  locationOtherSignals: boolean | null;
  victims: SignalPerson[] | null;
  perpetrators: SignalPerson[] | null;
  reporter: { name: string | null; organisationName: string | null; team: string | null; anonymous: boolean } | null;
  feedbackToReporter: string | null;
  enrichments: SignalEnrichment[] | null;
  referrals: Referral[];
  history: SignalHistoryEntry[] | null;
  brpAvailable: boolean;
  nextSteps: NextStep[];
  abilities: Record<string, boolean>;
}

export const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);
