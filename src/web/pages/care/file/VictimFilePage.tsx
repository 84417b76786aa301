import { useTranslation } from "react-i18next";
import { PageHeading } from "../../../components/PageHeading.tsx";

/** One victim file (placeholder until the file page is built). */
export function VictimFilePage() {
  const { t } = useTranslation();
  return <PageHeading>{t("careFile.titleFallback")}</PageHeading>;
}
