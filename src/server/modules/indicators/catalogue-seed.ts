import type { IloCode } from "./ilo.ts";

/**
 * Version 1 of every region's indicator catalogue: the signals of Bijlage 3 of the Zevenaar paper
 * ("Signalen van mensenhandel", after CoMensha), in the paper's own Dutch wording with an English
 * translation, each mapped onto the ILO indicators of forced labour it corresponds to. A signal that
 * matches no ILO indicator (e.g. school absence) keeps an empty list rather than a forced fit.
 */
export const indicatorGroups = ["general", "sexual", "criminal", "labour"] as const;
export type IndicatorGroup = (typeof indicatorGroups)[number];

/**
 * Per group: the code prefix (codes stay stable across versions and are never reused) and the paper's
 * lead-in sentence, which each signal's text completes.
 */
export const groupInfo: Record<IndicatorGroup, { prefix: string; titleNl: string; titleEn: string; leadNl: string; leadEn: string }> = {
  general: {
    prefix: "alg",
    titleNl: "Algemene/overkoepelende signalen",
    titleEn: "General/overarching signals",
    leadNl: "Iemand is (vermoedelijk) slachtoffer van een uitbuitingssituatie als de persoon:",
    leadEn: "Someone is (presumably) a victim of an exploitative situation if the person:",
  },
  sexual: {
    prefix: "sex",
    titleNl: "Signalen van seksuele uitbuiting",
    titleEn: "Signals of sexual exploitation",
    leadNl: "Iemand is (vermoedelijk) slachtoffer van seksuele uitbuiting als de persoon:",
    leadEn: "Someone is (presumably) a victim of sexual exploitation if the person:",
  },
  criminal: {
    prefix: "crim",
    titleNl: "Signalen van criminele uitbuiting",
    titleEn: "Signals of criminal exploitation",
    leadNl: "Iemand is (vermoedelijk) slachtoffer van criminele uitbuiting als:",
    leadEn: "Someone is (presumably) a victim of criminal exploitation if they:",
  },
  labour: {
    prefix: "arb",
    titleNl: "Signalen van arbeidsuitbuiting",
    titleEn: "Signals of labour exploitation",
    leadNl: "Iemand is (vermoedelijk) slachtoffer van arbeidsuitbuiting als de persoon:",
    leadEn: "Someone is (presumably) a victim of labour exploitation if the person:",
  },
};

export interface SeedIndicator {
  code: string;
  group: IndicatorGroup;
  textNl: string;
  textEn: string;
  iloCodes: IloCode[];
}

type Row = [textNl: string, textEn: string, iloCodes: IloCode[]];

const general: Row[] = [
  ["geen beschikking heeft over eigen paspoort of identiteitskaart", "has no access to their own passport or identity card", ["ilo_retention_of_identity_documents"]],
  ["extreem lange werkdagen maakt", "works extremely long days", ["ilo_excessive_overtime"]],
  ["plotseling veel nieuwe contacten heeft (niet leeftijdsconform)", "suddenly has many new contacts (not in keeping with their age)", ["ilo_abuse_of_vulnerability"]],
  ["beschermend is tegenover nieuwe vrienden en kennissen", "is protective of new friends and acquaintances", []],
  [
    "zich isoleert van familie en vrienden, liegt of sociaal wenselijk gedrag vertoont om geen wantrouwen te wekken",
    "isolates themselves from family and friends, lies or behaves in socially desirable ways so as not to arouse suspicion",
    ["ilo_isolation"],
  ],
  ["op verschillende plekken verschillend gedrag laat zien", "behaves differently in different places", []],
  ["onverklaarbare schulden heeft", "has unexplained debts", ["ilo_debt_bondage"]],
  ["geen beschikking heeft over eigen bankrekening, moet veel geld afstaan", "has no access to their own bank account, has to hand over a lot of money", ["ilo_withholding_of_wages"]],
  ["op geïsoleerde plekken en in slechte omstandigheden werkt", "works in isolated places and in poor conditions", ["ilo_isolation", "ilo_abusive_conditions"]],
  [
    "niet aanspreekbaar is (taalbarrière, onder invloed, wilsonbekwaam, analfabeet)",
    "cannot be communicated with (language barrier, under the influence, mentally incompetent, illiterate)",
    ["ilo_abuse_of_vulnerability"],
  ],
  ["geen vrijelijk toegang heeft tot medische zorg", "has no free access to medical care", ["ilo_restriction_of_movement"]],
  [
    "in een gesprek met een professional iemand bij zich aanwezig heeft die controle uitoefent (over het gesprek, de financiën, officiële documenten)",
    "in a conversation with a professional, has someone with them who exercises control (over the conversation, finances, official documents)",
    ["ilo_restriction_of_movement", "ilo_isolation"],
  ],
  ["het eigen adres niet weet, heeft geen sleutel", "does not know their own address, has no key", ["ilo_restriction_of_movement", "ilo_isolation"]],
  [
    "er ongezonder uit ziet (moe, vermagerd, zelfverwonding, sporen van mishandeling)",
    "looks less healthy (tired, emaciated, self-harm, signs of abuse)",
    ["ilo_physical_sexual_violence", "ilo_abusive_conditions"],
  ],
];

const sexual: Row[] = [
  [
    "wordt gedwongen om seks te hebben of seksuele handelingen te verrichten tegen de zin in",
    "is forced to have sex or perform sexual acts against their will",
    ["ilo_physical_sexual_violence"],
  ],
  [
    "wordt gedwongen om seks te hebben tegen betaling, waarbij hij of zij het geld moet afdragen",
    "is forced to have sex for payment and has to hand over the money",
    ["ilo_physical_sexual_violence", "ilo_withholding_of_wages"],
  ],
  ["wordt gedwongen om mee te doen aan de productie van pornografisch materiaal", "is forced to take part in the production of pornographic material", ["ilo_physical_sexual_violence"]],
  [
    "door de partner wordt gedwongen om seks te hebben met bekenden of vrienden",
    "is forced by their partner to have sex with acquaintances or friends",
    ["ilo_physical_sexual_violence", "ilo_abuse_of_vulnerability"],
  ],
  [
    "door de partner wordt gedwongen om 'schulden' af te lossen door seks te hebben met vreemden",
    "is forced by their partner to pay off 'debts' by having sex with strangers",
    ["ilo_physical_sexual_violence", "ilo_debt_bondage"],
  ],
  ["opvallend veranderd van gedrag, uiterlijk en/of kleding", "has noticeably changed in behaviour, appearance and/or clothing", []],
  ["angstig en onderdanig gedrag vertoont", "behaves anxiously and submissively", ["ilo_intimidation_threats"]],
  ["een tweede telefoon bezit", "has a second phone", []],
  [
    "veel nieuwe sociale contacten heeft die onbekend zijn voor eerder vrienden en/of familie",
    "has many new social contacts unknown to earlier friends and/or family",
    [],
  ],
  ["verzuimt op school", "is absent from school", []],
  ["bij gezondheidsproblemen geen medische hulp inschakelt", "does not seek medical help for health problems", []],
];

const criminal: Row[] = [
  [
    "wordt gedwongen om mensen te beroven of zakken te rollen, en daarna de buit moet afstaan",
    "are forced to rob people or pick pockets, and then have to hand over the proceeds",
    ["ilo_intimidation_threats", "ilo_withholding_of_wages"],
  ],
  [
    "wordt gedwongen om te bedelen, en daarna de buit moet afstaan",
    "are forced to beg, and then have to hand over the proceeds",
    ["ilo_intimidation_threats", "ilo_withholding_of_wages"],
  ],
  [
    "wordt gedwongen om in te breken of te stelen, en daarna de buit moet afstaan",
    "are forced to burgle or steal, and then have to hand over the proceeds",
    ["ilo_intimidation_threats", "ilo_withholding_of_wages"],
  ],
  ["beschikt over luxe artikelen, dure kleding en/of veel cash", "have luxury goods, expensive clothing and/or a lot of cash", []],
  [
    "veel meer geld uitgeeft dan je op basis van een (bij)baan kan verwachten",
    "spend much more money than you would expect from a (side) job",
    [],
  ],
  ["contact heeft met mensen die crimineel gedrag vertonen", "are in contact with people who behave criminally", []],
  ["middelen (drugs) gebruikt", "use substances (drugs)", ["ilo_abuse_of_vulnerability"]],
  ["verzuimt op school", "are absent from school", []],
];

// The paper lists seventeen labour signals; all are kept, including the two that overlap
// (mishandeld/gechanteerd/gedwongen/bedreigd and gechanteerd/afgeperst), as the paper has them.
const labour: Row[] = [
  ["gevaarlijk en ongezond werk moet doen", "has to do dangerous and unhealthy work", ["ilo_abusive_conditions"]],
  ["lange werkdagen moet maken", "has to work long days", ["ilo_excessive_overtime"]],
  [
    "niet of te weinig betaald krijgt, of lang op de betaling moet wachten",
    "is not paid or is underpaid, or has to wait a long time for payment",
    ["ilo_withholding_of_wages"],
  ],
  ["niet kan beschikken over een eigen paspoort", "has no access to their own passport", ["ilo_retention_of_identity_documents"]],
  ["met valse beloften naar Nederland is gehaald", "was brought to the Netherlands with false promises", ["ilo_deception"]],
  [
    "wordt mishandeld, gechanteerd, gedwongen of bedreigd",
    "is abused, blackmailed, coerced or threatened",
    ["ilo_physical_sexual_violence", "ilo_intimidation_threats"],
  ],
  ["een hoge schuld moet afbetalen aan de werkgever", "has to pay off a large debt to the employer", ["ilo_debt_bondage"]],
  ["illegaal in Nederland verblijft", "is staying in the Netherlands illegally", ["ilo_abuse_of_vulnerability"]],
  ["bang is voor uitzetting", "is afraid of deportation", ["ilo_abuse_of_vulnerability", "ilo_intimidation_threats"]],
  ["(een groot deel van) de inkomsten moet afdragen", "has to hand over (a large part of) their earnings", ["ilo_withholding_of_wages"]],
  ["niet kan beschikken over het geld op de eigen bankrekening", "has no access to the money in their own bank account", ["ilo_withholding_of_wages"]],
  [
    "zwart betaald wordt, of niet verzekerd is tegen bijvoorbeeld ongevallen",
    "is paid off the books, or is not insured against, for example, accidents",
    ["ilo_abusive_conditions"],
  ],
  [
    "in een bedrijfspand of op het bedrijfsterrein woont, of op een andere manier slecht is gehuisvest",
    "lives in company premises or on the company site, or is otherwise poorly housed",
    ["ilo_abusive_conditions"],
  ],
  ["beperkte bewegingsvrijheid heeft", "has limited freedom of movement", ["ilo_restriction_of_movement"]],
  ["wordt gechanteerd of afgeperst", "is blackmailed or extorted", ["ilo_intimidation_threats"]],
  ["op andere manieren onder druk wordt gezet", "is put under pressure in other ways", ["ilo_intimidation_threats"]],
  [
    "signalen van vermoeidheid, uitputting en/of gezondheidsklachten vertoont",
    "shows signs of fatigue, exhaustion and/or health complaints",
    ["ilo_abusive_conditions", "ilo_excessive_overtime"],
  ],
];

/** The code of the n-th (1-based) indicator of a group: "alg-01", "arb-17", "sex-12". */
export const indicatorCode = (group: IndicatorGroup, n: number) => `${groupInfo[group].prefix}-${String(n).padStart(2, "0")}`;

const rows: Record<IndicatorGroup, Row[]> = { general, sexual, criminal, labour };

export const seedIndicators: readonly SeedIndicator[] = indicatorGroups.flatMap((group) =>
  rows[group].map(([textNl, textEn, iloCodes], i) => ({ code: indicatorCode(group, i + 1), group, textNl, textEn, iloCodes })),
);

export const SEED_CHANGE_NOTE = "Eerste versie: de signalen van Bijlage 3 (algemeen; seksuele, criminele en arbeidsuitbuiting) met de ILO-indicatoren van dwangarbeid.";
