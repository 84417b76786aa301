import { useTranslation } from "react-i18next";

/** "Te laat": in words and bold, not by colour alone. */
export function OverdueMarker() {
  const { t } = useTranslation();
  return <strong className="kz-result--failure">{t("signalsRoute.overdue")}</strong>;
}
