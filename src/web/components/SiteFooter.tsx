import { Heading, PageFooter, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { AppLink } from "./links.tsx";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <PageFooter className="kz-footer">
      <div className="kz-footer__inner">
        <Heading level={2} className="kz-footer__heading">
          {t("footer.label")}
        </Heading>
        <Paragraph>{t("footer.about")}</Paragraph>
        <Paragraph>{t("footer.emergency")}</Paragraph>
        <nav aria-label={t("footer.label")}>
          <ul className="kz-footer__links">
            <li>
              <AppLink to="/toegankelijkheid" className="kz-footer__link">
                {t("footer.accessibility")}
              </AppLink>
            </li>
          </ul>
        </nav>
      </div>
    </PageFooter>
  );
}
