import { useTranslation } from "react-i18next";
import { isCode } from "../care/types.ts";
import { completions, offerKinds, targetStatuses, type Completion, type OfferKind, type TargetStatus } from "./types.ts";

/** Words for the expertise codes; a code the web app does not know yet is shown as it is. */
export function useTrainingLabels() {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "nl-NL", { maximumFractionDigits: 1 });
  return {
    kind: (v: OfferKind | string) => (isCode(offerKinds, v) ? t(`training.codes.kind.${v}`) : v),
    completion: (v: Completion | string) => (isCode(completions, v) ? t(`training.codes.completion.${v}`) : v),
    status: (v: TargetStatus | string) => (isCode(targetStatuses, v) ? t(`training.codes.status.${v}`) : v),
    percent: (v: number) => `${percent.format(v)}%`,
  };
}

/** The municipality chosen in the query string (?gemeente=…), for region administrators; else the own one. */
export const municipalityParam = "gemeente";
