import { Button, Paragraph } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router-dom";
import type { Ability, Session } from "../api/types.ts";
import { useSession } from "../session/SessionContext.tsx";
import { stagePaths } from "../session/stages.ts";
import { AppLink } from "./links.tsx";
import { PageHeading } from "./PageHeading.tsx";
import { LoadError, Loading } from "./Status.tsx";

/** Waits for the first GET /session; shows a retry when the server cannot be reached. */
export function WithSession({ children }: { children: (session: Session) => ReactNode }) {
  const { t } = useTranslation();
  const { session, loadError, refresh } = useSession();
  if (session) return <>{children(session)}</>;
  if (!loadError) return <Loading />;
  return (
    <>
      <PageHeading>{t("app.notAvailable")}</PageHeading>
      <LoadError message={loadError} />
      <Paragraph>
        <Button appearance="secondary-action-button" onClick={() => void refresh().catch(() => undefined)}>
          {t("app.retry")}
        </Button>
      </Paragraph>
    </>
  );
}

/**
 * A page for logged-in users. Anyone else goes to the login step they are at, remembering the page they
 * wanted; a logged-in user without the ability sees "no access" (the server refuses it anyway).
 */
export function Authenticated({ ability, children }: { ability?: Ability; children: ReactNode }) {
  const location = useLocation();
  const { notice } = useSession();
  // After logging out nobody should land on the previous user's page when they log in next.
  const from = notice === "logged_out" ? undefined : `${location.pathname}${location.search}`;
  return (
    <WithSession>
      {(session) => {
        if (session.stage !== "authenticated") {
          return (
            <Navigate
              to={stagePaths[session.stage]}
              replace
              state={{ from }}
            />
          );
        }
        if (ability && session.abilities[ability] !== true) return <Forbidden />;
        return children;
      }}
    </WithSession>
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t("forbidden.title")}</PageHeading>
      <Paragraph>{t("forbidden.text")}</Paragraph>
      <Paragraph>
        <AppLink to="/">{t("forbidden.home")}</AppLink>
      </Paragraph>
    </>
  );
}
