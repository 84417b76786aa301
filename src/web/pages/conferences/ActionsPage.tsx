import { useTranslation } from "react-i18next";
import { PageHeading } from "../../components/PageHeading.tsx";

/** Placeholder until the page is built. */
export function ActionsPage() {
  const { t } = useTranslation();
  return <PageHeading>{t("conferences.nav")}</PageHeading>;
}
