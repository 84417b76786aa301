import { Button, NavBar, NavList, PageHeader } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useSession } from "../session/SessionContext.tsx";
import { currentLanguage } from "../i18n/i18n.ts";
import { NavItem } from "./links.tsx";
import { SIGNAL_LIST } from "../pages/signals/types.ts";
import { Link as RouterLink } from "react-router-dom";
import { useUnreadCount } from "../pages/notifications/useUnreadCount.ts";
import { INDICATOR_CATALOGUE_UPDATE } from "../pages/admin/IndicatorCataloguePage.tsx";
import { ROUTE_SETTINGS_UPDATE } from "../pages/admin/RouteSettingsPage.tsx";
import { MEASURE_LIST, MEETING_LIST } from "../pages/conferences/types.ts";
import { TRAINING_COVERAGE } from "../pages/training/types.ts";
import { VICTIM_FILE_CREATE, VICTIM_FILE_LIST } from "../pages/care/types.ts";
import { PLAN_LIST } from "../pages/implementation-plan/types.ts";
import { FOCAL_OFFICER_LIST } from "../pages/focal-officers/types.ts";
import { BASELINE_LIST } from "../pages/baseline/types.ts";
import { SOCIAL_MAP_LIST } from "../pages/network/types.ts";
import { MONITOR_READ } from "../pages/monitoring/types.ts";

/** The banner: name of the application, language switch, the user and logout; then the main menu. */
export function SiteHeader() {
  const { t, i18n } = useTranslation();
  const { session, can, logout } = useSession();
  const navigate = useNavigate();
  const user = session?.stage === "authenticated" ? session.user : null;
  const otherLanguage = currentLanguage() === "nl" ? "en" : "nl";
  const unread = useUnreadCount(user !== null);

  const onLogout = async () => {
    await logout().catch(() => undefined);
    navigate("/inloggen");
  };

  return (
    <>
      <PageHeader className="kz-header">
        <div className="kz-header__inner">
          <RouterLink to="/" className="kz-brand">
            <span className="kz-brand__mark" aria-hidden="true" />
            <span className="kz-brand__text">
              <span className="kz-brand__name">{t("app.name")}</span>
              <span className="kz-brand__tagline">{t("app.tagline")}</span>
            </span>
          </RouterLink>
          <div className="kz-header__tools">
            <Button
              appearance="subtle-button"
              className="kz-language"
              onClick={() => void i18n.changeLanguage(otherLanguage)}
              aria-label={t("app.switchLanguageLabel")}
              lang={t("app.switchLanguageLang")}
            >
              {t("app.switchLanguage")}
            </Button>
            {user ? (
              <div className="kz-user" role="group" aria-label={t("app.userMenu")}>
                <span className="kz-user__name">{t("app.loggedInAs", { name: user.displayName })}</span>
                <Button appearance="secondary-action-button" onClick={() => void onLogout()}>
                  {t("app.logout")}
                </Button>
              </div>
            ) : null}
          </div>
        </div>
      </PageHeader>
      {user ? (
        <NavBar aria-label={t("app.mainNav")} className="kz-nav">
          <NavList>
            <NavItem to="/" end>
              {t("nav.home")}
            </NavItem>
            {can(SIGNAL_LIST) ? <NavItem to="/signalen" end>{t("signalsRoute.nav")}</NavItem> : null}
            <NavItem to="/signalen/nieuw">{t("signalsIntake.nav.report")}</NavItem>
            <NavItem to="/signalen/mijn">{t("signalsIntake.nav.mine")}</NavItem>
            {can(VICTIM_FILE_CREATE) ? <NavItem to="/zorg" end>{t("careOverview.nav")}</NavItem> : null}
            {can(VICTIM_FILE_LIST) ? <NavItem to="/zorg/dossiers">{t("careOverview.navFiles")}</NavItem> : null}
            {can(MEETING_LIST) ? <NavItem to="/overleg">{t("conferences.nav")}</NavItem> : null}
            {can(MEASURE_LIST) ? <NavItem to="/maatregelen">{t("measures.nav")}</NavItem> : null}
            {can(TRAINING_COVERAGE) ? <NavItem to="/deskundigheid">{t("training.nav")}</NavItem> : null}
            {can(PLAN_LIST) ? <NavItem to="/uitvoeringsplan">{t("implementationPlan.nav")}</NavItem> : null}
            {can(FOCAL_OFFICER_LIST) ? <NavItem to="/aandachtsfunctionarissen">{t("focalOfficers.nav")}</NavItem> : null}
            {can(BASELINE_LIST) ? <NavItem to="/basisniveau">{t("baseline.nav")}</NavItem> : null}
            {can(SOCIAL_MAP_LIST) ? <NavItem to="/netwerk">{t("network.nav")}</NavItem> : null}
            {can(MONITOR_READ) ? <NavItem to="/monitor">{t("monitoring.nav")}</NavItem> : null}
            {can("user.list") ? <NavItem to="/beheer/gebruikers">{t("nav.users")}</NavItem> : null}
            {can("organisation.list") ? <NavItem to="/beheer/organisaties">{t("nav.organisations")}</NavItem> : null}
            {can(INDICATOR_CATALOGUE_UPDATE) ? <NavItem to="/beheer/indicatoren">{t("adminRoute.nav.indicators")}</NavItem> : null}
            {can(ROUTE_SETTINGS_UPDATE) ? <NavItem to="/beheer/meldroute">{t("adminRoute.nav.routeSettings")}</NavItem> : null}
            {can("audit_event.list") ? <NavItem to="/audit">{t("nav.audit")}</NavItem> : null}
            <NavItem to="/meldingen">{unread ? t("notifications.navWithCount", { count: unread }) : t("notifications.nav")}</NavItem>
          </NavList>
        </NavBar>
      ) : null}
    </>
  );
}
