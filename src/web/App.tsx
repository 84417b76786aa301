import { createBrowserRouter, RouterProvider, type RouteObject } from "react-router-dom";
import { Authenticated } from "./components/guards.tsx";
import { Layout } from "./components/Layout.tsx";
import { CareOverviewPage } from "./pages/care/CareOverviewPage.tsx";
import { VictimFilePage } from "./pages/care/file/VictimFilePage.tsx";
import { FileListPage } from "./pages/care/FileListPage.tsx";
import { FileOpenPage } from "./pages/care/FileOpenPage.tsx";
import { VICTIM_FILE_CREATE, VICTIM_FILE_LIST } from "./pages/care/types.ts";
import { ActionsPage } from "./pages/conferences/ActionsPage.tsx";
import { MeetingPage } from "./pages/conferences/MeetingPage.tsx";
import { MeetingsPage } from "./pages/conferences/MeetingsPage.tsx";
import { MEASURE_LIST, MEETING_LIST } from "./pages/conferences/types.ts";
import { MeasuresPage } from "./pages/measures/MeasuresPage.tsx";
import { OfferPage } from "./pages/training/OfferPage.tsx";
import { SessionPage } from "./pages/training/SessionPage.tsx";
import { TrainingPage } from "./pages/training/TrainingPage.tsx";
import { TRAINING_COVERAGE, TRAINING_MANAGE } from "./pages/training/types.ts";
import { PlanPage } from "./pages/implementation-plan/PlanPage.tsx";
import { PlansPage } from "./pages/implementation-plan/PlansPage.tsx";
import { PLAN_LIST } from "./pages/implementation-plan/types.ts";
import { FocalOfficersPage } from "./pages/focal-officers/FocalOfficersPage.tsx";
import { FOCAL_OFFICER_LIST } from "./pages/focal-officers/types.ts";
import { BaselinePage } from "./pages/baseline/BaselinePage.tsx";
import { BaselineChecklistPage } from "./pages/baseline/BaselineChecklistPage.tsx";
import { BASELINE_LIST } from "./pages/baseline/types.ts";
import { SocialMapPage } from "./pages/network/SocialMapPage.tsx";
import { SOCIAL_MAP_LIST } from "./pages/network/types.ts";
import { MonitorPage } from "./pages/monitoring/MonitorPage.tsx";
import { MONITOR_READ } from "./pages/monitoring/types.ts";
import { HistoricFiguresPage } from "./pages/monitoring/historic/HistoricFiguresPage.tsx";
import { AuditPage } from "./pages/audit/AuditPage.tsx";
import { PersonTimelinePage } from "./pages/audit/PersonTimelinePage.tsx";
import { EnrolmentPage } from "./pages/auth/EnrolmentPage.tsx";
import { LoginPage } from "./pages/auth/LoginPage.tsx";
import { SecondFactorPage } from "./pages/auth/SecondFactorPage.tsx";
import { HomePage } from "./pages/home/HomePage.tsx";
import { IndicatorCataloguePage } from "./pages/admin/IndicatorCataloguePage.tsx";
import { ROUTE_SETTINGS_READ, RouteSettingsPage } from "./pages/admin/RouteSettingsPage.tsx";
import { NotificationsPage } from "./pages/notifications/NotificationsPage.tsx";
import { OrganisationsPage } from "./pages/organisations/OrganisationsPage.tsx";
import { MySignalsPage } from "./pages/signals/MySignalsPage.tsx";
import { SignalIntakePage } from "./pages/signals/SignalIntakePage.tsx";
import { SignalDetailPage } from "./pages/signals/SignalDetailPage.tsx";
import { SignalQueuePage } from "./pages/signals/SignalQueuePage.tsx";
import { SIGNAL_LIST } from "./pages/signals/types.ts";
import { PublicInfoPage } from "./pages/public/PublicInfoPage.tsx";
import { AccessibilityPage } from "./pages/static/AccessibilityPage.tsx";
import { NotFoundPage } from "./pages/static/NotFoundPage.tsx";
import { UserCreatePage } from "./pages/users/UserCreatePage.tsx";
import { UserDetailPage } from "./pages/users/UserDetailPage.tsx";
import { UserListPage } from "./pages/users/UserListPage.tsx";
import { SessionProvider } from "./session/SessionContext.tsx";

/**
 * Every page of the web app, by its Dutch path. A page that needs an ability says so here; the menu and
 * the start page show only what the session's abilities allow, and the server checks every request anyway.
 */
export const routes: RouteObject[] = [
  {
    element: (
      <SessionProvider>
        <Layout />
      </SessionProvider>
    ),
    children: [
      { path: "/", element: <Authenticated><HomePage /></Authenticated> },
      { path: "/inloggen", element: <LoginPage /> },
      { path: "/inloggen/tweede-factor", element: <SecondFactorPage /> },
      { path: "/inloggen/tweede-factor-instellen", element: <EnrolmentPage /> },
      { path: "/beheer/gebruikers", element: <Authenticated ability="user.list"><UserListPage /></Authenticated> },
      { path: "/beheer/gebruikers/nieuw", element: <Authenticated ability="user.create"><UserCreatePage /></Authenticated> },
      { path: "/beheer/gebruikers/:id", element: <Authenticated><UserDetailPage /></Authenticated> },
      { path: "/beheer/organisaties", element: <Authenticated ability="organisation.list"><OrganisationsPage /></Authenticated> },
      { path: "/beheer/indicatoren", element: <Authenticated><IndicatorCataloguePage /></Authenticated> },
      { path: "/beheer/meldroute", element: <Authenticated ability={ROUTE_SETTINGS_READ}><RouteSettingsPage /></Authenticated> },
      { path: "/meldingen", element: <Authenticated><NotificationsPage /></Authenticated> },
      { path: "/audit", element: <Authenticated ability="audit_event.list"><AuditPage /></Authenticated> },
      { path: "/audit/persoon/:userId", element: <Authenticated ability="audit_event.list"><PersonTimelinePage /></Authenticated> },
      { path: "/signalen", element: <Authenticated ability={SIGNAL_LIST}><SignalQueuePage /></Authenticated> },
      { path: "/signalen/:id", element: <Authenticated><SignalDetailPage /></Authenticated> },
      { path: "/signalen/nieuw", element: <Authenticated><SignalIntakePage /></Authenticated> },
      { path: "/signalen/mijn", element: <Authenticated><MySignalsPage /></Authenticated> },
      { path: "/zorg", element: <Authenticated ability={VICTIM_FILE_CREATE}><CareOverviewPage /></Authenticated> },
      { path: "/zorg/dossiers", element: <Authenticated ability={VICTIM_FILE_LIST}><FileListPage /></Authenticated> },
      // A literal segment outranks ":id" in the router, and it is listed first as well.
      { path: "/zorg/dossiers/nieuw", element: <Authenticated ability={VICTIM_FILE_CREATE}><FileOpenPage /></Authenticated> },
      { path: "/zorg/dossiers/:id", element: <Authenticated><VictimFilePage /></Authenticated> },
      { path: "/overleg", element: <Authenticated ability={MEETING_LIST}><MeetingsPage /></Authenticated> },
      { path: "/overleg/acties", element: <Authenticated><ActionsPage /></Authenticated> },
      { path: "/overleg/:id", element: <Authenticated><MeetingPage /></Authenticated> },
      { path: "/maatregelen", element: <Authenticated ability={MEASURE_LIST}><MeasuresPage /></Authenticated> },
      { path: "/deskundigheid", element: <Authenticated ability={TRAINING_COVERAGE}><TrainingPage /></Authenticated> },
      { path: "/deskundigheid/aanbod/:id", element: <Authenticated ability={TRAINING_MANAGE}><OfferPage /></Authenticated> },
      { path: "/deskundigheid/sessies/:id", element: <Authenticated ability={TRAINING_MANAGE}><SessionPage /></Authenticated> },
      { path: "/uitvoeringsplan", element: <Authenticated ability={PLAN_LIST}><PlansPage /></Authenticated> },
      { path: "/uitvoeringsplan/:id", element: <Authenticated ability={PLAN_LIST}><PlanPage /></Authenticated> },
      { path: "/aandachtsfunctionarissen", element: <Authenticated ability={FOCAL_OFFICER_LIST}><FocalOfficersPage /></Authenticated> },
      { path: "/basisniveau", element: <Authenticated ability={BASELINE_LIST}><BaselinePage /></Authenticated> },
      { path: "/basisniveau/:id", element: <Authenticated ability={BASELINE_LIST}><BaselineChecklistPage /></Authenticated> },
      { path: "/netwerk", element: <Authenticated ability={SOCIAL_MAP_LIST}><SocialMapPage /></Authenticated> },
      { path: "/monitor", element: <Authenticated ability={MONITOR_READ}><MonitorPage /></Authenticated> },
      { path: "/monitor/historische-cijfers", element: <Authenticated ability={MONITOR_READ}><HistoricFiguresPage /></Authenticated> },
      { path: "/melden", element: <PublicInfoPage /> },
      { path: "/toegankelijkheid", element: <AccessibilityPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

const router = createBrowserRouter(routes);

export function App() {
  return <RouterProvider router={router} />;
}
