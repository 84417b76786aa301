import { accessibilityEn } from "./en/accessibility.ts";
import { adminRouteEn } from "./en/admin-route.ts";
import { notificationsEn } from "./en/notifications.ts";
import { adminEn } from "./en/admin.ts";
import { auditEn } from "./en/audit.ts";
import { authEn } from "./en/auth.ts";
import { publicEn } from "./en/public.ts";
import { signalsIntakeEn } from "./en/signals-intake.ts";
import { signalsRouteEn } from "./en/signals-route.ts";
import { careOverviewEn } from "./en/care-overview.ts";
import { careFileEn } from "./en/care-file.ts";
import { conferencesEn } from "./en/conferences.ts";
import { measuresEn } from "./en/measures.ts";
import { implementationPlanEn } from "./en/implementation-plan.ts";
import { trainingEn } from "./en/training.ts";
import { focalOfficersEn } from "./en/focal-officers.ts";
import { baselineEn } from "./en/baseline.ts";
import { networkEn } from "./en/network.ts";
import { monitoringEn } from "./en/monitoring.ts";
import { monitorHistoricEn } from "./en/monitor-historic.ts";
import type { Messages } from "./nl.ts";

/** English. The type makes a missing or extra key a compile error. */
export const en: Messages = {
  app: {
    name: "Ketenzicht",
    tagline: "Chain approach against human trafficking",
    titleSuffix: "Ketenzicht",
    skipLink: "Skip to content",
    mainNav: "Main menu",
    userMenu: "Your account",
    loggedInAs: "Logged in as {{name}}",
    logout: "Log out",
    switchLanguage: "Nederlands",
    switchLanguageLang: "nl",
    switchLanguageLabel: "Wissel naar Nederlands",
    loading: "Loading…",
    notAvailable: "Ketenzicht cannot be reached at the moment.",
    retry: "Try again",
  },
  nav: {
    home: "Home",
    users: "Users",
    organisations: "Organisations",
    audit: "Audit trail",
  },
  footer: {
    label: "About Ketenzicht",
    about: "Ketenzicht is the system of municipalities, regions and chain partners for the chain approach against human trafficking.",
    accessibility: "Accessibility",
    emergency: "In immediate danger? Call 112. Report anonymously: Meld Misdaad Anoniem, 0800-7000.",
  },
  common: {
    yes: "Yes",
    no: "No",
    save: "Save",
    cancel: "Cancel",
    search: "Search",
    filter: "Filter",
    clearFilters: "Clear filters",
    never: "Never",
    active: "Active",
    inactive: "Deactivated",
    optional: "optional",
    resultCount_one: "{{count}} result",
    resultCount_other: "{{count}} results",
    noResults: "No results found.",
  },
  pagination: {
    label: "Pagination",
    previous: "Previous page",
    next: "Next page",
    status: "Page {{page}} of {{pages}}",
  },
  errors: {
    summaryTitle: "Something was not filled in correctly",
    unexpected: "Something went wrong. Please try again later.",
    network: "Ketenzicht cannot be reached. Check your internet connection and try again.",
    networkTitle: "No connection",
    required: "Enter {{field}}.",
    chooseOne: "Choose at least one {{field}}.",
  },
  roles: {
    reporter: "Staff member (reporter)",
    focal_officer: "Focal officer",
    care_coordinator: "Care coordinator",
    partner: "Chain partner",
    conference_chair: "Case conference chair/secretary",
    policy_officer: "Policy officer",
    privacy_officer: "Privacy officer (DPO)",
    administrator: "Application administrator",
  },
  organisationTypes: {
    municipality: "Municipality",
    care_coordination: "Care coordination",
    police: "Police",
    public_prosecutor: "Public Prosecution Service",
    riec: "RIEC",
    zvh: "Care and Safety House",
    labour_inspectorate: "Netherlands Labour Authority",
    tax_office: "Tax Administration",
    veilig_thuis: "Veilig Thuis",
    shelter: "Shelter",
    other_partner: "Other chain partner",
  },
  home: {
    title: "Welcome, {{name}}",
    intro: "You work in Ketenzicht on behalf of {{organisation}} ({{type}}).",
    rolesHeading: "Your roles",
    regionAdmin: "Region administrator of {{regions}}",
    tasksHeading: "What you can do",
    careTile: "Care coordination",
    careTileText: "Your ongoing care trajectories, what needs to be done this week, new referrals and transfers.",
    filesTile: "Files",
    filesTileText: "The files of (presumed) victims whose case team you are on.",
    usersTile: "Manage users",
    usersTileText: "Create accounts, assign roles and deactivate accounts.",
    organisationsTile: "Organisations",
    organisationsTileText: "The municipalities and chain partners in your region.",
    auditTile: "Audit trail",
    auditTileText: "Who did or viewed what, when, and about whom.",
    comingHeading: "Coming soon in Ketenzicht",
    comingIntro: "Ketenzicht is being built step by step. For your role, this is coming:",
    coming: {
      reporter: "Reporting a signal of human trafficking and seeing that it was picked up.",
      focal_officer: "The reporting route: recording, enriching, assessing, referring signals and collecting feedback.",
      care_coordinator: "Putting files on the agenda of the case conference, and figures on care trajectories per municipality and per year.",
      partner: "Receiving referrals, accepting or declining them and giving feedback.",
      conference_chair: "Preparing case conferences: agenda, decisions and action items.",
      policy_officer: "Figures per municipality and region, the implementation plan and the baseline, without personal data.",
      privacy_officer: "Handling requests for access and erasure.",
      administrator: "The reporting route settings per municipality.",
    },
    accountHeading: "Your account",
    secondFactorOn: "Your second factor is set up.",
    secondFactorOff: "You have not set up a second factor yet.",
    reenrol: "Set up (a new) second factor",
  },
  forbidden: {
    title: "No access",
    text: "You do not have access to this page. Do you think this is wrong? Contact the application administrator of your organisation.",
    home: "Go to the home page",
  },
  notFound: {
    title: "Page not found",
    text: "The page you are looking for does not exist (any more). Check the address or go to the home page.",
    home: "Go to the home page",
  },
  auth: authEn,
  admin: adminEn,
  adminRoute: adminRouteEn,
  notifications: notificationsEn,
  audit: auditEn,
  accessibility: accessibilityEn,
  public: publicEn,
  signalsIntake: signalsIntakeEn,
  signalsRoute: signalsRouteEn,
  careOverview: careOverviewEn,
  careFile: careFileEn,
  conferences: conferencesEn,
  measures: measuresEn,
  implementationPlan: implementationPlanEn,
  training: trainingEn,
  focalOfficers: focalOfficersEn,
  baseline: baselineEn,
  network: networkEn,
  monitoring: monitoringEn,
  monitorHistoric: monitorHistoricEn,
};
