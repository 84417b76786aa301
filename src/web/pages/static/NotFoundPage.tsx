import { Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t("notFound.title")}</PageHeading>
      <Paragraph>{t("notFound.text")}</Paragraph>
      <Paragraph>
        <AppLink to="/">{t("notFound.home")}</AppLink>
      </Paragraph>
    </>
  );
}
