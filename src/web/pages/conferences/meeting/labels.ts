import { useTranslation } from "react-i18next";
import { isCode } from "../../care/types.ts";
import {
  fileItemParts, sharingBases, signalItemParts, type ActionStatus, type DecisionKind, type ItemStatus, type MeetingKind, type MeetingStatus,
} from "../types.ts";

/**
 * The words for the codes of case conferences (conferences.codes). A code the web app does not know yet is
 * shown as it is, never hidden.
 */
export function useConferenceLabels() {
  const { t } = useTranslation();
  return {
    kind: (v: MeetingKind) => t(`conferences.codes.meetingKind.${v}`),
    status: (v: MeetingStatus) => t(`conferences.codes.meetingStatus.${v}`),
    itemStatus: (v: ItemStatus) => t(`conferences.codes.itemStatus.${v}`),
    subject: (v: "signal" | "victim_file") => t(`conferences.codes.subjectType.${v}`),
    decision: (v: DecisionKind) => t(`conferences.codes.decisionKind.${v}`),
    actionStatus: (v: ActionStatus) => t(`conferences.codes.actionStatus.${v}`),
    part: (v: string) => (isCode(signalItemParts, v) || isCode(fileItemParts, v) ? t(`conferences.codes.sharedPart.${v}`) : v),
    basis: (v: string) => (isCode(sharingBases, v) ? t(`conferences.codes.sharingBasis.${v}`) : v),
  };
}

/** A label inside a sentence: "Kies de Soort interventie" → "kies de soort interventie". */
export const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
