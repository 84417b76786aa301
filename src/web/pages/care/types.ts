import type { Ability } from "../../api/types.ts";

/**
 * The shapes of the care coordination API as the web pages use them. They mirror the zod schemas in
 * src/server/modules/care/ (codes.ts, file-view.schema.ts, overview.schema.ts), the source of truth.
 */
export const fileStatuses = ["intake", "active", "aftercare", "closed"] as const;
export const closureReasons = ["goals_reached", "moved_region", "returned_to_origin", "lost_contact", "declined_help", "other"] as const;
/** The reasons a coordinator may choose; "moved_region" comes only from an accepted transfer. */
export const chosenClosureReasons = closureReasons.filter((r) => r !== "moved_region");
export const fileSources = ["referral", "police", "kmar", "labour_inspectorate", "fairwork", "self", "other"] as const;
export const directSources = ["police", "kmar", "labour_inspectorate", "fairwork", "self", "other"] as const;
export const genders = ["female", "male", "other", "unknown"] as const;
export const ageGroups = ["under_18", "18_23", "24_30", "31_40", "41_50", "51_plus", "unknown"] as const;
export const exploitationForms = ["sexual", "labour", "criminal", "organ_removal", "other"] as const;
export const teamPurposes = ["criminal_investigation", "shelter", "care_provision", "residence_procedure", "youth_protection"] as const;
export const consentPurposes = [...teamPurposes, "comensha_registration", "international_exchange", "transfer", "case_conference"] as const;
export const consentStatuses = ["given", "refused", "withdrawn"] as const;
export const consentRecordings = ["written", "verbal", "digital", "via_representative"] as const;
export const legalBases = ["vital_interest", "legal_obligation", "public_task", "child_protection", "criminal_justice_request"] as const;
export const needDomains = [
  "safety", "shelter_housing", "medical", "psychological", "legal_aid", "income_benefits", "health_insurance",
  "residence_status", "brp_registration", "daytime_activity", "children", "return",
] as const;
export const needStatuses = ["need", "in_progress", "met", "no_need"] as const;
export const goalStatuses = ["open", "achieved", "dropped"] as const;
export const serviceTypes = [
  "shelter", "medical_care", "mental_health_care", "legal_aid", "interpreter", "income_support", "health_insurance",
  "housing", "daytime_activity", "education", "return_support", "youth_care", "victim_support", "other",
] as const;
export const serviceStatuses = ["planned", "active", "completed", "cancelled"] as const;
export const placeTypes = ["cosm", "regular", "crisis", "youth", "other"] as const;
export const leaveKinds = ["throughflow", "outflow"] as const;
export const destinations = ["other_shelter", "own_housing", "family", "returned_to_origin", "unknown", "other"] as const;
export const reflectionEndReasons = ["decided_to_report", "declined_to_report", "left", "other"] as const;
export const policeReportStatuses = ["undecided", "made", "declined", "unable"] as const;
export const unableBases = ["threat", "medical", "psychological"] as const;
export const permitKinds = ["b8_temporary", "continued_residence", "renewal"] as const;
export const permitDecisions = ["granted", "refused", "withdrawn"] as const;
export const policeUnits = [
  "noord_nederland", "oost_nederland", "midden_nederland", "noord_holland", "amsterdam", "den_haag",
  "rotterdam", "zeeland_west_brabant", "oost_brabant", "limburg",
] as const;
export const fileParts = ["person", "exploitation", "youth", "consent", "team", "care_plan", "shelter", "residence", "registration", "history"] as const;
export const taskKinds = ["reflection_ending", "service_overdue", "goal_due", "consent_expiring", "permit_ending", "youth_route_missing"] as const;

export type FileStatus = (typeof fileStatuses)[number];
export type ClosureReason = (typeof closureReasons)[number];
export type FileSource = (typeof fileSources)[number];
export type Gender = (typeof genders)[number];
export type AgeGroup = (typeof ageGroups)[number];
export type ExploitationForm = (typeof exploitationForms)[number];
export type TeamPurpose = (typeof teamPurposes)[number];
export type ConsentPurpose = (typeof consentPurposes)[number];
export type ConsentStatus = (typeof consentStatuses)[number];
export type ConsentRecording = (typeof consentRecordings)[number];
export type LegalBasis = (typeof legalBases)[number];
export type NeedDomain = (typeof needDomains)[number];
export type NeedStatus = (typeof needStatuses)[number];
export type GoalStatus = (typeof goalStatuses)[number];
export type ServiceType = (typeof serviceTypes)[number];
export type ServiceStatus = (typeof serviceStatuses)[number];
export type PlaceType = (typeof placeTypes)[number];
export type LeaveKind = (typeof leaveKinds)[number];
export type Destination = (typeof destinations)[number];
export type ReflectionEndReason = (typeof reflectionEndReasons)[number];
export type PoliceReportStatus = (typeof policeReportStatuses)[number];
export type UnableBasis = (typeof unableBases)[number];
export type PermitKind = (typeof permitKinds)[number];
export type PermitDecision = (typeof permitDecisions)[number];
export type PoliceUnit = (typeof policeUnits)[number];
export type FilePart = (typeof fileParts)[number];
export type TaskKind = (typeof taskKinds)[number];

/** Opens the care coordinator's pages (overview, new file). */
export const VICTIM_FILE_CREATE = "victim_file.create" satisfies Ability;
/** Opens the list of files one is on the case team of (coordinators and partner users). */
export const VICTIM_FILE_LIST = "victim_file.list" satisfies Ability;

export interface TeamMember {
  id: string;
  userId: string;
  name: string | null;
  organisationId: string;
  organisationName: string;
  memberRole: "coordinator" | "partner";
  purpose: TeamPurpose | null;
  purposeNote: string | null;
  validFrom: string;
  validUntil: string | null;
  /** "coordinator", "consent", or the legal basis */
  basis: string;
  legalBasisNote: string | null;
  active: boolean;
  addedAt: string;
  endedAt: string | null;
  endReason: string | null;
}

export interface Consent {
  id: string;
  purpose: ConsentPurpose;
  partyOrganisationId: string | null;
  partyName: string;
  status: ConsentStatus;
  expired: boolean;
  decidedOn: string;
  validUntil: string | null;
  recordedHow: ConsentRecording;
  interpreterUsed: boolean;
  note: string | null;
  recordedByName: string | null;
  recordedAt: string;
}

export interface Need {
  domain: NeedDomain;
  status: NeedStatus;
  note: string | null;
  updatedAt: string;
}

export interface Goal {
  id: string;
  domain: NeedDomain;
  description: string;
  targetDate: string;
  status: GoalStatus;
  achievedOn: string | null;
  overdue: boolean;
}

export interface Service {
  id: string;
  domain: NeedDomain;
  serviceType: ServiceType;
  providerOrganisationId: string;
  providerName: string;
  description: string | null;
  startDate: string;
  endDate: string | null;
  status: ServiceStatus;
  overdue: boolean;
}

export interface Placement {
  id: string;
  shelterOrganisationId: string;
  shelterName: string;
  placeType: PlaceType;
  admittedOn: string;
  leftOn: string | null;
  leaveKind: LeaveKind | null;
  destination: Destination | null;
  note: string | null;
  current: boolean;
}

export interface Permit {
  id: string;
  kind: PermitKind;
  appliedOn: string;
  decidedOn: string | null;
  decision: PermitDecision | null;
  validUntil: string | null;
}

export interface CareTask {
  kind: TaskKind;
  fileId: string;
  reference: string;
  date: string | null;
  overdue: boolean;
  /** A code: the service type, goal domain, consent purpose or permit kind. */
  detail: string | null;
}

export interface FileHistoryEntry {
  id: string;
  occurredAt: string;
  kind: string;
  fromStatus: FileStatus | null;
  toStatus: FileStatus | null;
  reason: string | null;
  actorName: string | null;
  actorOrganisationName: string | null;
  details: Record<string, unknown>;
}

/** One victim file as the actor may see it: parts outside their purpose are null. */
export interface VictimFile {
  id: string;
  reference: string;
  organisationId: string;
  organisationName: string;
  regionId: string;
  regionName: string;
  status: FileStatus;
  closureReason: ClosureReason | null;
  source: FileSource;
  openedAt: string;
  closedAt: string | null;
  minor: boolean;
  visibleParts: FilePart[];
  myMembership: { memberRole: "coordinator" | "partner"; purpose: TeamPurpose | null; validUntil: string | null } | null;
  coordinators: { userId: string; name: string | null }[];
  signal: { id: string; reference: string; municipalityName: string | null } | null;
  transferredFrom: { reference: string; organisationName: string } | null;
  pendingTransfer: { id: string; toOrganisationName: string; proposedAt: string } | null;
  person: {
    name: string | null;
    birthDate: string | null;
    age: number | null;
    phone: string | null;
    contact: string | null;
    gender: Gender;
    ageGroup: AgeGroup;
    nationality: string | null;
    languages: string[];
    otherRecords: boolean;
  } | null;
  exploitation: { forms: ExploitationForm[]; cameIntoView: string | null } | null;
  youth: {
    veiligThuisNotifiedOn: string | null;
    youthCareProvider: { id: string; name: string } | null;
    guardian: string | null;
    adultOn: string | null;
  } | null;
  team: TeamMember[] | null;
  consents: { current: Consent[]; history: Consent[] } | null;
  carePlan: { needs: Need[]; goals: Goal[]; services: Service[] } | null;
  shelter: { placements: Placement[] } | null;
  residence: {
    reflection: {
      offeredOn: string;
      endsOn: string;
      endedEarlyOn: string | null;
      endReason: ReflectionEndReason | null;
      running: boolean;
      daysLeft: number | null;
    } | null;
    policeReport: { status: PoliceReportStatus; date: string | null; unableBasis: UnableBasis | null; unableStatement: string | null };
    permits: Permit[];
    timeline: { date: string; kind: string; detail: string | null }[];
  } | null;
  registration: {
    comensha: { registeredOn: string | null; registeredByName: string | null; basis: string | null; number: string | null; lastExportAt: string | null };
    policeUnit: PoliceUnit | null;
  } | null;
  history: FileHistoryEntry[] | null;
  tasks: CareTask[] | null;
  nextSteps: { to: FileStatus; needsReason: boolean; needsClosureReason: boolean }[];
  /** create, read, list, update, manage_team, record_consent, transition, transfer, export */
  abilities: Record<string, boolean>;
}

export interface VictimFileListItem {
  id: string;
  reference: string;
  organisationName: string;
  status: FileStatus;
  ageGroup: AgeGroup;
  minor: boolean;
  /** null when the member's purpose does not open the forms of exploitation */
  exploitationForms: ExploitationForm[] | null;
  openedAt: string;
  closedAt: string | null;
  memberRole: "coordinator" | "partner" | null;
  purpose: TeamPurpose | null;
  name: string | null;
}

export interface VictimFileList {
  items: VictimFileListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TeamCandidate {
  userId: string;
  name: string | null;
  organisationId: string;
  organisationName: string;
  roles: string[];
}

export interface ExportFile {
  fileName: string;
  mediaType: "text/csv" | "application/json";
  content: string;
}

export interface CareOverview {
  date: string;
  counts: { intake: number; active: number; aftercare: number };
  openFiles: {
    id: string;
    reference: string;
    status: FileStatus;
    ageGroup: AgeGroup;
    minor: boolean;
    exploitationForms: ExploitationForm[];
    openedAt: string;
    taskCount: number;
  }[];
  tasks: CareTask[];
  waitingReferrals: {
    id: string;
    signalId: string;
    signalReference: string;
    municipalityName: string;
    status: "open" | "accepted" | "answered";
    createdAt: string;
    dueAt: string;
    overdue: boolean;
  }[];
  incomingTransfers: {
    id: string;
    fileReference: string;
    fromOrganisationName: string;
    fromRegionName: string;
    reason: string;
    ageGroup: AgeGroup;
    exploitationForms: ExploitationForm[];
    proposedAt: string;
  }[];
}

export interface Transfer {
  id: string;
  direction: "incoming" | "outgoing";
  fileId: string | null;
  fileReference: string;
  fromOrganisationName: string;
  fromRegionName: string;
  toOrganisationName: string;
  toRegionName: string;
  ageGroup: AgeGroup;
  gender: Gender;
  exploitationForms: ExploitationForm[];
  reason: string;
  basis: string;
  proposedByName: string | null;
  proposedAt: string;
  status: "pending" | "accepted" | "declined" | "withdrawn";
  respondedAt: string | null;
  declineReason: string | null;
  newFileId: string | null;
}

export interface ShelterOccupancy {
  date: string;
  items: { organisationId: string; name: string; current: number; byPlaceType: Partial<Record<PlaceType, number>> }[];
}

export interface CareNetwork {
  /** `offers`: what the region's social map says the organisation offers (empty without an entry). */
  organisations: { id: string; name: string; type: string; regionId: string; regionName: string; offers: string[] }[];
  transferTargets: { id: string; name: string; regionId: string; regionName: string }[];
}

/** Whether a string from the API is one of a list of codes (and so may be looked up as a label). */
export const isCode = <T extends string>(list: readonly T[], value: string | null | undefined): value is T =>
  value !== null && value !== undefined && (list as readonly string[]).includes(value);

/** Why a case team membership ended (case_team_members.end_reason). */
export const memberEndReasons = ["ended_by_coordinator", "consent_withdrawn", "file_closed", "transferred", "period_ended"] as const;
export type MemberEndReason = (typeof memberEndReasons)[number];

/** The entries of a file's history (victim_file_events.kind). */
export const fileEventKinds = [
  "opened", "transferred_in", "updated", "transition", "reopened", "consent_recorded", "team_member_added", "team_member_ended",
  "need_updated", "goal_added", "goal_updated", "service_added", "service_updated", "placement_added", "placement_left",
  "reflection_started", "reflection_changed", "reflection_ended_early", "police_report_updated", "permit_applied", "permit_decided",
  "comensha_exported", "comensha_registered", "htcds_exported", "transfer_proposed", "transfer_accepted", "transfer_declined",
  "transfer_withdrawn", "brought_to_conference", "conference_decision", "conference_action_done",
] as const;
export type FileEventKind = (typeof fileEventKinds)[number];

/** The entries of the residence scheme's timeline (residence.timeline[].kind). */
export const timelineKinds = [
  "reflection_offered", "reflection_ended_early", "reflection_ends", "police_report_made", "police_report_declined", "police_report_unable",
  "permit_applied", "permit_granted", "permit_refused", "permit_withdrawn", "permit_ends",
] as const;
export type TimelineKind = (typeof timelineKinds)[number];
