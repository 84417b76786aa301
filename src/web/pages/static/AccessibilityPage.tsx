import { Heading, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "../../components/PageHeading.tsx";
import { formatDate } from "../../i18n/format.ts";

/** Date of the last revision of the statement; change it with the text. */
const UPDATED = "2025-01-01";

/** The accessibility statement, public, linked from every page's footer. */
export function AccessibilityPage() {
  const { t } = useTranslation();
  const section = (id: string, heading: string, children: ReactNode) => (
    <section aria-labelledby={id} className="kz-section">
      <Heading level={2} id={id}>{heading}</Heading>
      {children}
    </section>
  );
  return (
    <div className="kz-prose">
      <PageHeading>{t("accessibility.title")}</PageHeading>
      <Paragraph appearance="lead">{t("accessibility.intro")}</Paragraph>
      {section("standard", t("accessibility.standardHeading"), <Paragraph>{t("accessibility.standardText")}</Paragraph>)}
      {section("status", t("accessibility.statusHeading"), <Paragraph>{t("accessibility.statusText")}</Paragraph>)}
      {section(
        "measures",
        t("accessibility.measuresHeading"),
        <UnorderedList>
          <UnorderedListItem>{t("accessibility.measures1")}</UnorderedListItem>
          <UnorderedListItem>{t("accessibility.measures2")}</UnorderedListItem>
          <UnorderedListItem>{t("accessibility.measures3")}</UnorderedListItem>
          <UnorderedListItem>{t("accessibility.measures4")}</UnorderedListItem>
          <UnorderedListItem>{t("accessibility.measures5")}</UnorderedListItem>
        </UnorderedList>,
      )}
      {section("limits", t("accessibility.limitsHeading"), <Paragraph>{t("accessibility.limitsText")}</Paragraph>)}
      {section(
        "report",
        t("accessibility.reportHeading"),
        <>
          <Paragraph>{t("accessibility.reportText")}</Paragraph>
          <Paragraph>{t("accessibility.complaintText")}</Paragraph>
        </>,
      )}
      <Paragraph appearance="small">{t("accessibility.updated", { date: formatDate(UPDATED) })}</Paragraph>
    </div>
  );
}
