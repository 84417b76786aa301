import { useTranslation } from "react-i18next";
import type { AgeGroup } from "./types.ts";

/** The age group in words; a minor is flagged in bold words ("Minderjarig"), never by colour alone. */
export function AgeGroupText({ ageGroup, minor }: { ageGroup: AgeGroup; minor: boolean }) {
  const { t } = useTranslation();
  if (minor) return <strong className="kz-minor">{t("careOverview.minor")}</strong>;
  return <>{t(`careOverview.codes.ageGroup.${ageGroup}`)}</>;
}
