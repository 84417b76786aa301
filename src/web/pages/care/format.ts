import type { TFunction } from "i18next";
import { formatDate, formatList } from "../../i18n/format.ts";
import { isOneOf } from "../signals/types.ts";
import { consentPurposes, needDomains, permitKinds, serviceTypes, type CareTask, type ExploitationForm } from "./types.ts";

/**
 * Text for the care pages' codes and dates, shared by the overview, the list and the file page. The labels
 * themselves live in careOverview.codes (i18n).
 */

/** A calendar date from the API ("2026-03-05") in words, read as a date in the Netherlands, not as UTC midnight. */
export function formatDay(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return formatDate(value);
  const [, year, month, day] = match;
  return formatDate(new Date(Number(year), Number(month) - 1, Number(day)));
}

/** A label inside a sentence: "Registratie bij CoMensha" → "registratie bij CoMensha". */
export const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** "Arbeidsuitbuiting en seksuele uitbuiting", or "Nog niet vastgesteld". */
export function formsText(t: TFunction, forms: readonly ExploitationForm[]): string {
  if (forms.length === 0) return t("careOverview.noForms");
  const [first = "", ...rest] = forms.map((f) => t(`careOverview.codes.form.${f}`));
  // Only the first keeps its capital: "Arbeidsuitbuiting en seksuele uitbuiting".
  return formatList([first, ...rest.map(lowerFirst)]);
}

/** The code in a task's detail (service type, goal domain, consent purpose or permit kind) in words. */
function taskDetail(t: TFunction, task: CareTask): string {
  const detail = task.detail ?? "";
  switch (task.kind) {
    case "service_overdue":
      return isOneOf(serviceTypes, detail) ? t(`careOverview.codes.serviceType.${detail}`) : t("careOverview.tasks.unknownDetail");
    case "goal_due":
      return isOneOf(needDomains, detail) ? t(`careOverview.codes.needDomain.${detail}`) : t("careOverview.tasks.unknownDetail");
    case "consent_expiring":
      return isOneOf(consentPurposes, detail) ? lowerFirst(t(`careOverview.codes.consentPurpose.${detail}`)) : t("careOverview.tasks.unknownDetail");
    case "permit_ending":
      return isOneOf(permitKinds, detail) ? t(`careOverview.codes.permitKind.${detail}`) : t("careOverview.tasks.unknownDetail");
    default:
      return "";
  }
}

/** One sentence that says what a task asks: "De toestemming voor registratie bij CoMensha verloopt." */
export function taskSentence(t: TFunction, task: CareTask): string {
  return t(`careOverview.tasks.sentences.${task.kind}`, { detail: taskDetail(t, task) });
}
