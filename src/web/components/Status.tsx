import { Alert, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";

/** "Bezig met laden…", announced politely. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Paragraph role="status" className="kz-loading">
      {t("app.loading")}
    </Paragraph>
  );
}

/** An error from loading data: the server's message. */
export function LoadError({ message }: { message: string }) {
  return <Alert type="error">{message}</Alert>;
}

/**
 * A confirmation after an action, announced as a status message (WCAG 4.1.3). The live region is always
 * in the page, so screen readers notice when the message appears in it.
 */
export function Confirmation({ message }: { message: string | null | undefined }) {
  return (
    <div role="status" className="kz-live">
      {message ? (
        <Alert type="ok" role="none">
          {message}
        </Alert>
      ) : null}
    </div>
  );
}
