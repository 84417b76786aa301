import type { Kernel } from "../http/kernel.ts";
import { dutchDate } from "../kernel/dutch-time.ts";
import { addDays, createAgreementFor } from "../modules/network/agreements.service.ts";
import { agreementBody, entryBody } from "../modules/network/network.schema.ts";
import { createEntryFor } from "../modules/network/social-map.service.ts";
import { actorFor } from "./demo-care.ts";
import { demoOrganisations } from "./demo-region.ts";

/**
 * The demo region's social map, after the organisations the Zevenaar paper names (CoMensha, FairWork, CKM,
 * Moviera as regional care coordination) and a few local ones, and two cooperation agreements: a covenant
 * that lapses in six weeks (so its reminder shows) and an open-ended agreement with FairWork.
 */
export async function seedDemoNetwork(kernel: Kernel): Promise<void> {
  const focal = await actorFor(kernel, "aandacht@zevenaar.demo");
  const coordinator = await actorFor(kernel, "zorg@zorgcoordinatie.demo");
  const orgId = async (key: string) => {
    const name = demoOrganisations.find((o) => o.key === key)!.name;
    return (await kernel.db.query<{ id: string }>("select id from organisations where name = $1", [name]))[0]!.id;
  };
  const all = { nationalities: ["dutch", "non_dutch"], genders: ["female", "male", "other"] };
  const entries = [
    {
      organisationId: await orgId("zorg"), name: "Zorgcoördinatie Mensenhandel Gelderland (Moviera)",
      description: "Regionale zorgcoördinatie voor slachtoffers van mensenhandel: centraal aanspreekpunt, toeleiding naar opvang en zorg, aanmelding bij CoMensha.",
      offers: ["care_coordination", "shelter", "domestic_violence", "advice_expertise"], ageGroups: ["adults"], ...all,
      phone: "088 374 25 25", email: "zorgcoordinatie@moviera.example.nl", openingHours: "Ma–vr 9.00–17.00; buiten kantoortijd via Veilig Thuis",
      contacts: [{ name: "Zara Zorg", jobTitle: "Zorgcoördinator mensenhandel", phone: "06 2000 1001", email: "zara.zorg@moviera.example.nl" }],
    },
    {
      organisationId: await orgId("opvang"), name: "Opvang De Linde", description: "Categorale opvang (COSM) voor vrouwen en transgender slachtoffers zonder Nederlandse nationaliteit.",
      offers: ["shelter", "cosm", "psychological"], ageGroups: ["adults"], nationalities: ["non_dutch"], genders: ["female", "other"],
      phone: "026 300 40 50", address: "Adres op aanvraag (geheim)", openingHours: "24 uur per dag bereikbaar",
      contacts: [{ name: "Olga Opvang", jobTitle: "Teamleider", phone: "06 2000 1002" }],
    },
    {
      organisationId: await orgId("veiligthuis"), name: "Veilig Thuis Gelderland-Midden", description: "Advies en meldpunt huiselijk geweld en kindermishandeling, ook voor minderjarige slachtoffers.",
      offers: ["domestic_violence", "minors", "advice_expertise"], ageGroups: ["adults", "minors"], ...all, phone: "0800 2000", website: "https://www.veiligthuis.example.nl",
      openingHours: "24 uur per dag, 7 dagen per week", contacts: [],
    },
    {
      name: "CoMensha", description: "Coördinatiecentrum tegen Mensenhandel: registratie van slachtoffers en plaatsing in de eerste opvang voor meerderjarigen.",
      offers: ["registration", "shelter", "advice_expertise"], ageGroups: ["adults"], ...all, phone: "033 448 11 86", website: "https://www.comensha.example.nl",
      email: "info@comensha.example.nl", address: "Amersfoort", contacts: [{ name: "Carla Coördinatie", jobTitle: "Medewerker plaatsing", phone: "033 448 11 87" }],
    },
    {
      name: "FairWork", description: "Hulp voor vooral internationale slachtoffers van arbeidsuitbuiting: informatie over rechten, begeleiding en doorverwijzing.",
      offers: ["labour_rights", "legal_aid", "advice_expertise"], ageGroups: ["adults"], ...all, phone: "020 760 08 09", website: "https://www.fairwork.example.nl",
      email: "info@fairwork.example.nl", openingHours: "Ma–vr 9.00–17.00", contacts: [{ name: "Fenna Fairwork", jobTitle: "Casemanager", email: "fenna@fairwork.example.nl" }],
    },
    {
      name: "Centrum tegen Kinderhandel en Mensenhandel (CKM)", description: "Kennis en belangenbehartiging; verbetering van de rechtspositie van slachtoffers, ook minderjarigen.",
      offers: ["advice_expertise", "minors", "legal_aid"], ageGroups: ["adults", "minors"], ...all, website: "https://www.ckm.example.nl", contacts: [],
    },
    {
      name: "Het Juridisch Loket Arnhem", description: "Gratis juridisch advies; verwijst door naar een advocaat voor slachtoffers.",
      offers: ["legal_aid"], ageGroups: ["adults"], ...all, phone: "0900 8020", address: "Eusebiusbinnensingel 49, Arnhem", openingHours: "Ma–vr 9.00–17.00", contacts: [],
    },
    {
      name: "Huisartsenpraktijk De Brug, Zevenaar", description: "Huisartsenpraktijk die ook onverzekerden en mensen zonder BRP-inschrijving ziet.",
      offers: ["medical"], ageGroups: ["adults", "minors"], ...all, phone: "0316 50 60 70", address: "Kerkstraat 12, Zevenaar", openingHours: "Ma–vr 8.00–17.00",
      contacts: [{ name: "Dr. H. de Brug", jobTitle: "Huisarts", phone: "0316 50 60 71" }],
    },
    {
      name: "COSM-opvang Utrecht (buiten de regio)", description: "Categorale opvang voor mannelijke slachtoffers zonder Nederlandse nationaliteit.",
      offers: ["shelter", "cosm", "return"], ageGroups: ["adults"], nationalities: ["non_dutch"], genders: ["male"], phone: "030 200 30 40", contacts: [],
    },
  ];
  const ids = new Map<string, string>();
  for (const [index, entry] of entries.entries()) {
    const created = await createEntryFor(kernel, index % 2 ? coordinator : focal, entryBody.parse(entry), "demo");
    ids.set(entry.name, created.id);
  }
  const today = dutchDate(kernel.now());
  await createAgreementFor(kernel, coordinator, agreementBody.parse({
    kind: "covenant", title: "Convenant zorg en veiligheid mensenhandel regio Arnhem",
    partyEntryIds: [ids.get("Zorgcoördinatie Mensenhandel Gelderland (Moviera)"), ids.get("Opvang De Linde"), ids.get("Veilig Thuis Gelderland-Midden")],
    startsOn: addDays(today, -680), endsOn: addDays(today, 45), documentReference: "Z/2024/0815", note: "Evaluatie voor verlenging in het regionaal overleg.",
    ownerUserIds: [coordinator.userId, focal.userId],
  }), "demo");
  await createAgreementFor(kernel, focal, agreementBody.parse({
    kind: "agreement", title: "Samenwerkingsafspraak doorverwijzing arbeidsuitbuiting", partyEntryIds: [ids.get("FairWork")],
    startsOn: addDays(today, -200), documentReference: "Afsprakenkaart FairWork 2025",
  }), "demo");
}
