import type { ActionStatus, DecisionKind, MeetingKind, MeetingStatus } from "./codes.ts";

/**
 * The minutes of a meeting as data, and what one recipient organisation may read of them. The minutes are
 * produced per recipient: the organiser, the organisation that brought an item in and an organisation that
 * took on an action on it read the item in full; another organisation that took part reads what was decided
 * and agreed, without what was shared about the people; an organisation that did not take part reads the
 * item's heading and its own actions only (minutes-pdf.ts renders the result).
 */
export interface SharedSection {
  /** The part of the signal or file the section shows (the web app translates its heading by it). */
  part: string;
  /** The heading in Dutch, e.g. "Omschrijving", "Vermoedelijke slachtoffers". */
  label: string;
  lines: string[];
}

export interface MinutesDecision {
  kind: DecisionKind;
  description: string;
  recordedAt: string;
}

export interface MinutesAction {
  description: string;
  ownerOrganisationId: string;
  ownerOrganisationName: string;
  ownerName: string | null;
  deadline: string;
  status: ActionStatus;
  result: string | null;
}

export interface MinutesItem {
  position: number;
  subjectType: "signal" | "victim_file";
  subjectReference: string;
  municipalityName: string | null;
  proposerOrganisationId: string;
  proposerOrganisationName: string;
  question: string;
  sharedContent: SharedSection[];
  notes: string | null;
  decisions: MinutesDecision[];
  actions: MinutesAction[];
}

export interface MinutesParticipant {
  organisationId: string;
  organisationName: string;
  delegates: string[];
}

export interface MinutesMeeting {
  reference: string;
  kind: MeetingKind;
  title: string;
  organisationId: string;
  organisationName: string;
  regionName: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  chairName: string | null;
  secretaryName: string | null;
  status: MeetingStatus;
  participants: MinutesParticipant[];
  items: MinutesItem[];
}

export type ItemVisibility = "full" | "decisions" | "heading";

export interface MinutesDocumentItem {
  position: number;
  subjectType: "signal" | "victim_file";
  subjectReference: string;
  municipalityName: string | null;
  proposerOrganisationName: string;
  visibility: ItemVisibility;
  /** null where the recipient may not read them. */
  question: string | null;
  sharedContent: SharedSection[] | null;
  notes: string | null;
  decisions: MinutesDecision[] | null;
  /** All actions where the recipient reads decisions; otherwise only the recipient's own. */
  actions: MinutesAction[];
}

export interface MinutesDocument {
  recipientOrganisationId: string;
  recipientOrganisationName: string;
  generatedAt: string;
  meeting: Omit<MinutesMeeting, "items" | "organisationId">;
  items: MinutesDocumentItem[];
}

export function itemVisibility(meeting: MinutesMeeting, item: MinutesItem, recipientId: string): ItemVisibility {
  if (recipientId === meeting.organisationId || recipientId === item.proposerOrganisationId) return "full";
  if (item.actions.some((a) => a.ownerOrganisationId === recipientId && a.status !== "cancelled")) return "full";
  const tookPart = meeting.participants.some((p) => p.organisationId === recipientId && p.delegates.length > 0);
  return tookPart ? "decisions" : "heading";
}

export function minutesFor(meeting: MinutesMeeting, recipientId: string, generatedAt: Date): MinutesDocument {
  // The recipient is invited, the organiser, or an organisation that brought an item in or took on an action.
  const recipient =
    meeting.participants.find((p) => p.organisationId === recipientId)?.organisationName ??
    (recipientId === meeting.organisationId ? meeting.organisationName : undefined) ??
    meeting.items.find((i) => i.proposerOrganisationId === recipientId)?.proposerOrganisationName ??
    meeting.items.flatMap((i) => i.actions).find((a) => a.ownerOrganisationId === recipientId)?.ownerOrganisationName ??
    "";
  const { items, organisationId: _organiser, ...header } = meeting;
  return {
    recipientOrganisationId: recipientId,
    recipientOrganisationName: recipient,
    generatedAt: generatedAt.toISOString(),
    meeting: header,
    items: items.map((item) => {
      const visibility = itemVisibility(meeting, item, recipientId);
      return {
        position: item.position,
        subjectType: item.subjectType,
        subjectReference: item.subjectReference,
        municipalityName: item.municipalityName,
        proposerOrganisationName: item.proposerOrganisationName,
        visibility,
        question: visibility === "full" ? item.question : null,
        sharedContent: visibility === "full" ? item.sharedContent : null,
        notes: visibility === "full" ? item.notes : null,
        decisions: visibility === "heading" ? null : item.decisions,
        actions: visibility === "heading" ? item.actions.filter((a) => a.ownerOrganisationId === recipientId) : item.actions,
      };
    }),
  };
}
