import { createContext, useContext } from "react";
import type { CareNetwork } from "../../care/types.ts";
import type { Meeting } from "../types.ts";

/**
 * What every part of the meeting page shares: the meeting as the server last returned it, the region's
 * organisations (for the organiser's pickers; null for others or while they load) and `done`, which shows an
 * action's result and moves the focus to the message in the part where the action was taken.
 */
export type SectionId = "overview" | "participants" | "agenda" | "minutes" | `item-${string}`;

export interface MeetingMessage {
  text: string;
  section: SectionId;
  /** Counts messages, so the same text twice still moves the focus. */
  n: number;
}

/** An action's result: the meeting the server returned (or null: reload it) and the message for its part. */
export type MeetingDone = (next: Meeting | null, text: string, section: SectionId) => void;

export interface MeetingContextValue {
  meeting: Meeting;
  network: CareNetwork | null;
  done: MeetingDone;
  message: MeetingMessage | null;
}

export const MeetingContext = createContext<MeetingContextValue | null>(null);

export function useMeeting(): MeetingContextValue {
  const value = useContext(MeetingContext);
  if (!value) throw new Error("useMeeting() outside the meeting page");
  return value;
}

const enc = encodeURIComponent;
/** The meeting's API path with an optional sub-resource: meetingPath(meeting, "participants", orgId). */
export const meetingPath = (meeting: Pick<Meeting, "id">, ...rest: string[]) => ["/meetings", enc(meeting.id), ...rest.map(enc)].join("/");
export const itemPath = (itemId: string, ...rest: string[]) => ["/agenda-items", enc(itemId), ...rest.map(enc)].join("/");
export const itemSection = (itemId: string): SectionId => `item-${itemId}`;
