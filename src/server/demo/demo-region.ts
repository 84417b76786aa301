import type { Role } from "../kernel/policy/matrix.ts";

/** The demo region. It exists only in demo mode (KETENZICHT_DEMO=true, which `npm start` sets). */
export const DEMO_PASSWORD = "Ketenzicht-demo-2026";

export const demoRegion = { name: "Regio Arnhem-Achterhoek (demo)", policeUnit: "oost_nederland" } as const;
/** A second region, so that a victim file can be handed over when the person moves (care coordination only). */
export const demoOtherRegion = { name: "Regio IJsselland (demo)", policeUnit: "oost_nederland" } as const;

export const demoOrganisations = [
  { key: "arnhem", name: "Gemeente Arnhem", type: "municipality", isCentralMunicipality: true, otherRegion: false },
  { key: "zevenaar", name: "Gemeente Zevenaar", type: "municipality", isCentralMunicipality: false, otherRegion: false },
  { key: "duiven", name: "Gemeente Duiven", type: "municipality", isCentralMunicipality: false, otherRegion: false },
  { key: "zorg", name: "Zorgcoördinatie Mensenhandel Gelderland", type: "care_coordination", isCentralMunicipality: false, otherRegion: false },
  { key: "politie", name: "Politie Oost-Nederland (AVIM)", type: "police", isCentralMunicipality: false, otherRegion: false },
  { key: "riec", name: "RIEC Oost-Nederland", type: "riec", isCentralMunicipality: false, otherRegion: false },
  { key: "zvh", name: "Zorg- en Veiligheidshuis Gelderland-Midden", type: "zvh", isCentralMunicipality: false, otherRegion: false },
  { key: "inspectie", name: "Nederlandse Arbeidsinspectie", type: "labour_inspectorate", isCentralMunicipality: false, otherRegion: false },
  { key: "opvang", name: "Opvang De Linde (COSM)", type: "shelter", isCentralMunicipality: false, otherRegion: false },
  { key: "veiligthuis", name: "Veilig Thuis Gelderland-Midden", type: "veilig_thuis", isCentralMunicipality: false, otherRegion: false },
  { key: "belastingdienst", name: "Belastingdienst Oost", type: "tax_office", isCentralMunicipality: false, otherRegion: false },
  { key: "zorgijssel", name: "Zorgcoördinatie Mensenhandel IJsselland", type: "care_coordination", isCentralMunicipality: false, otherRegion: true },
] as const;

export type DemoOrganisationKey = (typeof demoOrganisations)[number]["key"];

export interface DemoAccount {
  email: string;
  displayName: string;
  organisation: DemoOrganisationKey;
  roles: Role[];
  regionAdministrator?: boolean;
  /** Base32 TOTP secret, already enrolled; null where the role needs no second factor. */
  totpSecret: string | null;
}

export const demoAccounts: DemoAccount[] = [
  { email: "melder@zevenaar.demo", displayName: "Mila de Melder", organisation: "zevenaar", roles: ["reporter"], totpSecret: null },
  { email: "aandacht@zevenaar.demo", displayName: "Ahmed Aandacht", organisation: "zevenaar", roles: ["focal_officer", "reporter"], totpSecret: "KZDEMOAANDACHTZEVENAAR22" },
  { email: "zorg@zorgcoordinatie.demo", displayName: "Zara Zorg", organisation: "zorg", roles: ["care_coordinator"], totpSecret: "KZDEMOZORGCOORDINATIE222" },
  { email: "zorg2@zorgcoordinatie.demo", displayName: "Zeno Zorg", organisation: "zorg", roles: ["care_coordinator"], totpSecret: "KZDEMOZORGCOORDINATIE333" },
  { email: "zorg@ijsselland.demo", displayName: "IJsbrand IJssel", organisation: "zorgijssel", roles: ["care_coordinator"], totpSecret: "KZDEMOZORGIJSSELLAND2222" },
  { email: "opvang@delinde.demo", displayName: "Olga Opvang", organisation: "opvang", roles: ["partner"], totpSecret: "KZDEMOOPVANGDELINDE22222" },
  { email: "fiscus@belastingdienst.demo", displayName: "Frits Fiscus", organisation: "belastingdienst", roles: ["partner"], totpSecret: "KZDEMOBELASTINGDIENST222" },
  { email: "politie@politie.demo", displayName: "Pieter Politie", organisation: "politie", roles: ["partner"], totpSecret: "KZDEMOPOLITIEAVIMOOST222" },
  { email: "riec@riec.demo", displayName: "Rita RIEC", organisation: "riec", roles: ["partner"], totpSecret: "KZDEMORIECOOSTNEDERLAND2" },
  { email: "inspectie@arbeidsinspectie.demo", displayName: "Ivo Inspectie", organisation: "inspectie", roles: ["partner"], totpSecret: "KZDEMOARBEIDSINSPECTIE22" },
  { email: "voorzitter@zvh.demo", displayName: "Vera Voorzitter", organisation: "zvh", roles: ["conference_chair", "partner"], totpSecret: "KZDEMOVOORZITTERZVHGELD2" },
  { email: "beleid@arnhem.demo", displayName: "Bas Beleid", organisation: "arnhem", roles: ["policy_officer"], totpSecret: null },
  { email: "privacy@zevenaar.demo", displayName: "Petra Privacy", organisation: "zevenaar", roles: ["privacy_officer"], totpSecret: "KZDEMOPRIVACYZEVENAAR222" },
  { email: "beheer@zevenaar.demo", displayName: "Bram Beheer", organisation: "zevenaar", roles: ["administrator"], totpSecret: "KZDEMOBEHEERZEVENAAR2222" },
  { email: "regiobeheer@arnhem.demo", displayName: "Rosa Regiobeheer", organisation: "arnhem", roles: ["administrator"], regionAdministrator: true, totpSecret: "KZDEMOREGIOBEHEERARNHEM2" },
];
