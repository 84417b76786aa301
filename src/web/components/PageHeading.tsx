import { Heading } from "@utrecht/component-library-react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * The one h1 of a page. It also sets the document title, and takes tabIndex -1 so the layout can move the
 * focus to it after a route change (screen readers then announce the new page).
 */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  const { t } = useTranslation();
  const text = title ?? (typeof children === "string" ? children : undefined);
  useEffect(() => {
    document.title = text ? `${text} | ${t("app.titleSuffix")}` : t("app.titleSuffix");
  }, [text, t]);
  return (
    <Heading level={1} tabIndex={-1} className="kz-page-heading">
      {children}
    </Heading>
  );
}
