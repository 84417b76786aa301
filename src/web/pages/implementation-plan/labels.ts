import { useTranslation } from "react-i18next";
import { formatDay } from "../care/file/labels.ts";
import type { Activity, ActivityStatus, CoverSource } from "./types.ts";

/** Amounts in whole euros as "€ 94.000" (nl) or "€94,000" (en). */
export function formatEuro(amount: number, language: string): string {
  return new Intl.NumberFormat(language === "en" ? "en-GB" : "nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(amount);
}

/** The words for the plan's codes, and its amounts and lead times in the reader's language. */
export function usePlanLabels() {
  const { t, i18n } = useTranslation();
  const quarter = (date: string) => {
    const [y, m] = date.split("-").map(Number) as [number, number];
    return t("implementationPlan.quarter", { year: y, quarter: Math.floor((m - 1) / 3) + 1 });
  };
  return {
    status: (s: ActivityStatus) => t(`implementationPlan.status.${s}`),
    coverSource: (s: CoverSource) => t(`implementationPlan.coverSource.${s}`),
    euro: (amount: number) => formatEuro(amount, i18n.language),
    leadTime: (a: Pick<Activity, "startsOn" | "endsOn" | "leadTimeUnit">) => {
      const bound = (d: string | null) => (d ? (a.leadTimeUnit === "quarter" ? quarter(d) : formatDay(d)) : null);
      const start = bound(a.startsOn);
      const end = bound(a.endsOn);
      if (start && end) return start === end ? start : t("implementationPlan.leadTime.range", { start, end });
      if (start) return t("implementationPlan.leadTime.from", { start });
      if (end) return t("implementationPlan.leadTime.until", { end });
      return t("implementationPlan.leadTime.none");
    },
  };
}
