/**
 * Dutch, the default language. en.ts must have exactly these keys (the type checker enforces it).
 * Longer texts per area live in their own files under ./nl/.
 */
import { accessibilityNl } from "./nl/accessibility.ts";
import { adminRouteNl } from "./nl/admin-route.ts";
import { notificationsNl } from "./nl/notifications.ts";
import { adminNl } from "./nl/admin.ts";
import { auditNl } from "./nl/audit.ts";
import { authNl } from "./nl/auth.ts";
import { publicNl } from "./nl/public.ts";
import { signalsIntakeNl } from "./nl/signals-intake.ts";
import { signalsRouteNl } from "./nl/signals-route.ts";
import { careOverviewNl } from "./nl/care-overview.ts";
import { careFileNl } from "./nl/care-file.ts";
import { conferencesNl } from "./nl/conferences.ts";
import { measuresNl } from "./nl/measures.ts";
import { implementationPlanNl } from "./nl/implementation-plan.ts";
import { trainingNl } from "./nl/training.ts";
import { focalOfficersNl } from "./nl/focal-officers.ts";
import { baselineNl } from "./nl/baseline.ts";
import { networkNl } from "./nl/network.ts";
import { monitoringNl } from "./nl/monitoring.ts";
import { monitorHistoricNl } from "./nl/monitor-historic.ts";

export const nl = {
  app: {
    name: "Ketenzicht",
    tagline: "Ketenaanpak mensenhandel",
    titleSuffix: "Ketenzicht",
    skipLink: "Direct naar de inhoud",
    mainNav: "Hoofdmenu",
    userMenu: "Uw account",
    loggedInAs: "Ingelogd als {{name}}",
    logout: "Uitloggen",
    switchLanguage: "English",
    switchLanguageLang: "en",
    switchLanguageLabel: "Switch to English",
    loading: "Bezig met laden…",
    notAvailable: "Ketenzicht is op dit moment niet bereikbaar.",
    retry: "Opnieuw proberen",
  },
  nav: {
    home: "Start",
    users: "Gebruikers",
    organisations: "Organisaties",
    audit: "Audittrail",
  },
  footer: {
    label: "Over Ketenzicht",
    about: "Ketenzicht is het systeem van gemeenten, regio's en ketenpartners voor de ketenaanpak mensenhandel.",
    accessibility: "Toegankelijkheid",
    emergency: "Direct gevaar? Bel 112. Anoniem melden: Meld Misdaad Anoniem, 0800-7000.",
  },
  common: {
    yes: "Ja",
    no: "Nee",
    save: "Opslaan",
    cancel: "Annuleren",
    search: "Zoeken",
    filter: "Filteren",
    clearFilters: "Filters wissen",
    never: "Nooit",
    active: "Actief",
    inactive: "Gedeactiveerd",
    optional: "niet verplicht",
    resultCount_one: "{{count}} resultaat",
    resultCount_other: "{{count}} resultaten",
    noResults: "Geen resultaten gevonden.",
  },
  pagination: {
    label: "Paginering",
    previous: "Vorige pagina",
    next: "Volgende pagina",
    status: "Pagina {{page}} van {{pages}}",
  },
  errors: {
    summaryTitle: "Er is iets niet goed ingevuld",
    unexpected: "Er ging iets mis. Probeer het later opnieuw.",
    network: "Ketenzicht is niet bereikbaar. Controleer uw internetverbinding en probeer het opnieuw.",
    networkTitle: "Geen verbinding",
    required: "Vul {{field}} in.",
    chooseOne: "Kies ten minste één {{field}}.",
  },
  roles: {
    reporter: "Medewerker (melder)",
    focal_officer: "Aandachtsfunctionaris",
    care_coordinator: "Zorgcoördinator",
    partner: "Ketenpartner",
    conference_chair: "Voorzitter/secretaris casusoverleg",
    policy_officer: "Beleidsmedewerker",
    privacy_officer: "Privacyfunctionaris (FG)",
    administrator: "Functioneel beheerder",
  },
  organisationTypes: {
    municipality: "Gemeente",
    care_coordination: "Zorgcoördinatie",
    police: "Politie",
    public_prosecutor: "Openbaar Ministerie",
    riec: "RIEC",
    zvh: "Zorg- en Veiligheidshuis",
    labour_inspectorate: "Nederlandse Arbeidsinspectie",
    tax_office: "Belastingdienst",
    veilig_thuis: "Veilig Thuis",
    shelter: "Opvang",
    other_partner: "Andere ketenpartner",
  },
  home: {
    title: "Welkom, {{name}}",
    intro: "U werkt in Ketenzicht namens {{organisation}} ({{type}}).",
    rolesHeading: "Uw rollen",
    regionAdmin: "Regiobeheerder van {{regions}}",
    tasksHeading: "Wat u kunt doen",
    careTile: "Zorgcoördinatie",
    careTileText: "Uw lopende zorgtrajecten, wat er deze week moet gebeuren, nieuwe doorverwijzingen en overdrachten.",
    filesTile: "Dossiers",
    filesTileText: "De dossiers van (vermoedelijke) slachtoffers waarvan u in het casusteam zit.",
    usersTile: "Gebruikers beheren",
    usersTileText: "Accounts aanmaken, rollen toekennen en accounts deactiveren.",
    organisationsTile: "Organisaties",
    organisationsTileText: "De gemeenten en ketenpartners in uw regio.",
    auditTile: "Audittrail",
    auditTileText: "Wie heeft wanneer wat gedaan of ingezien, en over wie.",
    comingHeading: "Binnenkort in Ketenzicht",
    comingIntro: "Ketenzicht wordt stap voor stap gebouwd. Voor uw rol komt hier het volgende:",
    coming: {
      reporter: "Een signaal van mensenhandel melden en zien dat het is opgepakt.",
      focal_officer: "De meldroute: signalen registreren, verrijken, beoordelen, doorzetten en terugkoppelen.",
      care_coordinator: "Dossiers inbrengen in het casusoverleg, en cijfers over zorgtrajecten per gemeente en per jaar.",
      partner: "Doorverwijzingen ontvangen, accepteren of afwijzen en terugkoppelen.",
      conference_chair: "Casusoverleggen voorbereiden: agenda, besluiten en actiepunten.",
      policy_officer: "Cijfers per gemeente en regio, het uitvoeringsplan en de basisnormen, zonder persoonsgegevens.",
      privacy_officer: "Verzoeken om inzage en verwijdering afhandelen.",
      administrator: "De instellingen van de meldroute per gemeente.",
    },
    accountHeading: "Uw account",
    secondFactorOn: "Uw tweede factor is ingesteld.",
    secondFactorOff: "U heeft nog geen tweede factor ingesteld.",
    reenrol: "Tweede factor (opnieuw) instellen",
  },
  forbidden: {
    title: "Geen toegang",
    text: "U heeft geen toegang tot deze pagina. Denkt u dat dit niet klopt? Neem contact op met de functioneel beheerder van uw organisatie.",
    home: "Naar de startpagina",
  },
  notFound: {
    title: "Pagina niet gevonden",
    text: "De pagina die u zoekt bestaat niet (meer). Controleer het adres of ga naar de startpagina.",
    home: "Naar de startpagina",
  },
  auth: authNl,
  admin: adminNl,
  adminRoute: adminRouteNl,
  notifications: notificationsNl,
  audit: auditNl,
  accessibility: accessibilityNl,
  public: publicNl,
  signalsIntake: signalsIntakeNl,
  signalsRoute: signalsRouteNl,
  careOverview: careOverviewNl,
  careFile: careFileNl,
  conferences: conferencesNl,
  measures: measuresNl,
  implementationPlan: implementationPlanNl,
  training: trainingNl,
  focalOfficers: focalOfficersNl,
  baseline: baselineNl,
  network: networkNl,
  monitoring: monitoringNl,
  monitorHistoric: monitorHistoricNl,
};

export type Messages = typeof nl;
