import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { isCode } from "../care/types.ts";
import {
  actionStatuses, decisionKinds, itemStatuses, measureKinds, measureOutcomes, meetingKinds, sharingBases, fileItemParts, signalItemParts, type ActionStatus,
  type DecisionKind, type ItemStatus, type MeasureKind, type MeasureOutcome, type MeetingKind,
} from "../conferences/types.ts";

/**
 * The words for the conference codes these pages show (kept with the meeting pages' words, so a code has one
 * label everywhere), and a place (address or business) in one line. A code the web app does not know yet is
 * shown as it is.
 */
export function useMeasureLabels() {
  const { t } = useTranslation();
  return {
    actionStatus: (v: ActionStatus | string) => (isCode(actionStatuses, v) ? t(`conferences.codes.actionStatus.${v}`) : v),
    meetingKind: (v: MeetingKind | string) => (isCode(meetingKinds, v) ? t(`conferences.codes.meetingKind.${v}`) : v),
    measureKind: (v: MeasureKind | string) => (isCode(measureKinds, v) ? t(`conferences.codes.measureKind.${v}`) : v),
    outcome: (v: MeasureOutcome | string) => (isCode(measureOutcomes, v) ? t(`conferences.codes.measureOutcome.${v}`) : v),
    decisionKind: (v: DecisionKind | string) => (isCode(decisionKinds, v) ? t(`conferences.codes.decisionKind.${v}`) : v),
    itemStatus: (v: ItemStatus | string) => (isCode(itemStatuses, v) ? t(`conferences.codes.itemStatus.${v}`) : v),
    sharedPart: (v: string) => (isCode(signalItemParts, v) || isCode(fileItemParts, v) ? t(`conferences.codes.sharedPart.${v}`) : v),
    sharingBasis: (v: string) => (isCode(sharingBases, v) ? t(`conferences.codes.sharingBasis.${v}`) : v),
    place: (location: Record<string, unknown>) => placeText(t, location),
  };
}

const str = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : "");

/** "6901AB" as people write it: "6901 AB". */
export const formatPostcode = (postcode: string) => (/^\d{4}[A-Z]{2}$/.test(postcode) ? `${postcode.slice(0, 4)} ${postcode.slice(4)}` : postcode);

/** "Dorpsstraat 12A-1, 6901 AB Zevenaar", "6901 AB, huisnummer 12" or "Bouwbedrijf Oost (KvK 12345678)". */
export function placeText(t: TFunction, location: Record<string, unknown>): string {
  if (location.kind === "business") {
    const kvkNumber = str(location.kvkNumber);
    const name = str(location.name);
    return name ? t("measures.place.business", { name, kvkNumber }) : t("measures.place.businessNoName", { kvkNumber });
  }
  if (location.kind === "address") {
    const number = `${String(location.houseNumber ?? "")}${str(location.houseLetter)}${str(location.addition) ? `-${str(location.addition)}` : ""}`;
    const postcode = formatPostcode(str(location.postcode));
    const street = str(location.street);
    const city = str(location.city);
    if (!street) return t("measures.place.addressNoStreet", { postcode, number });
    return city ? t("measures.place.address", { street, number, postcode, city }) : t("measures.place.addressNoCity", { street, number, postcode });
  }
  return t("measures.place.unknown");
}
