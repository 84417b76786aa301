import type { TFunction } from "i18next";
import { locale } from "../../i18n/i18n.ts";
import type { CriterionView } from "./types.ts";

/** A calendar date short enough for a table cell: "26 nov 2026". */
export const shortDay = (value: string) => new Intl.DateTimeFormat(locale(), { dateStyle: "medium" }).format(new Date(`${value}T12:00:00`));

/** A criterion's state in words. */
export function stateText(t: TFunction, c: CriterionView): string {
  return t(`baseline.state.${c.state}`);
}

/** The figures behind a derived criterion ("2 signalen in 12 maanden"), or the day an attested one was stated. */
export function detailText(t: TFunction, c: CriterionView): string {
  const d = c.detail;
  if (c.criterion === "active_signalling") return t("baseline.detail.signals", { count: d.signals ?? 0 });
  if (c.criterion === "focal_officer_named") return t("baseline.detail.officers", { count: d.officers ?? 0 });
  if (c.criterion === "training_coverage") {
    if (!d.targets) return t("baseline.detail.noTargets");
    const reached = t("baseline.detail.targets", { met: d.targetsMet ?? 0, targets: d.targets });
    return d.targetsOverdue ? `${reached}; ${t("baseline.detail.overdue", { count: d.targetsOverdue })}` : reached;
  }
  return c.date ? t("baseline.stateOn", { date: shortDay(c.date) }) : "";
}
