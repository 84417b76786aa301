import type { VictimFile } from "../care/files.presenter.ts";
import type { presentSignal } from "../signals/signals.presenter.ts";
import type { FileItemPart, SignalItemPart } from "./codes.ts";
import type { SharedSection } from "./minutes-model.ts";

/**
 * What an agenda item shares, taken from the signal or file as its proposer sees it, and kept as a snapshot:
 * only the parts the proposer chose, as readable sections (Dutch, the language of the minutes). The reporter
 * is never shared; of a victim file, the person's phone and address stay behind.
 */
type Signal = Awaited<ReturnType<typeof presentSignal>>;

const day = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : null);
const join = (parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join(", ");

const forms: Record<string, string> = {
  sexual: "seksuele uitbuiting", labour: "arbeidsuitbuiting", criminal: "criminele uitbuiting", organ_removal: "gedwongen orgaanverwijdering",
  other: "overige uitbuiting", unclear: "vorm nog onduidelijk",
};
const genders: Record<string, string> = { female: "vrouw", male: "man", other: "anders", unknown: "geslacht onbekend" };
const needs: Record<string, string> = {
  safety: "veiligheid", shelter_housing: "opvang en huisvesting", medical: "medische zorg", psychological: "psychische zorg",
  legal_aid: "juridische hulp", income_benefits: "inkomen en uitkering", health_insurance: "zorgverzekering", residence_status: "verblijfsstatus",
  brp_registration: "inschrijving in de BRP", daytime_activity: "dagbesteding", children: "kinderen", return: "terugkeer",
};
const needStatuses: Record<string, string> = { need: "nodig", in_progress: "wordt geregeld", met: "geregeld", no_need: "niet nodig" };
const reports: Record<string, string> = { undecided: "nog niet besloten", made: "aangifte gedaan", declined: "geen aangifte", unable: "kan niet meewerken" };

const signalLabels: Record<SignalItemPart, string> = {
  description: "Omschrijving", indicators: "Indicatoren", location: "Locatie", victims: "Vermoedelijke slachtoffers",
  perpetrators: "Vermoedelijke daders", enrichments: "Informatie uit de verrijking",
};
const fileLabels: Record<FileItemPart, string> = {
  person: "Persoon", exploitation: "Uitbuiting", youth: "Jeugdroute", care_plan: "Zorgplan", shelter: "Opvang", residence: "Verblijfsregeling",
};

function personLine(p: { name: string | null; birthDate: string | null; gender: string | null; nationality: string | null; description: string | null }) {
  const who = p.name ?? "Naam onbekend";
  return join([p.birthDate ? `${who} (geboren ${day(p.birthDate)})` : who, p.gender && genders[p.gender], p.nationality && `nationaliteit ${p.nationality}`, p.description]);
}

function locationLine(location: Record<string, unknown> | null): string[] {
  if (!location) return ["Geen locatie vastgelegd."];
  if (location.kind === "address") {
    const number = `${String(location.houseNumber ?? "")}${String(location.houseLetter ?? "")}${location.addition ? `-${String(location.addition)}` : ""}`;
    return [join([location.street ? `${String(location.street)} ${number}` : `Huisnummer ${number}`, `${String(location.postcode ?? "")} ${String(location.city ?? "")}`.trim()])];
  }
  if (location.kind === "business") return [join([`KvK ${String(location.kvkNumber)}`, location.name as string | undefined])];
  return [String(location.description ?? "")];
}

export function signalSections(signal: Signal, parts: readonly SignalItemPart[]): SharedSection[] {
  const sections: SharedSection[] = [];
  for (const part of parts) {
    let lines: string[] = [];
    switch (part) {
      case "description":
        lines = [signal.description ?? "", join([signal.observedOn && `Waargenomen op ${day(signal.observedOn)}`, signal.observedPeriod])].filter(Boolean);
        break;
      case "indicators":
        lines = (signal.indicators ?? []).map((i) => i.textNl);
        {
          const assessed = signal.exploitationForms as readonly string[];
          if (assessed.length) lines.push(`Beoordeelde vorm: ${assessed.map((f) => forms[f] ?? f).join(", ")}`);
        }
        break;
      case "location":
        lines = locationLine(signal.location as Record<string, unknown> | null);
        break;
      case "victims":
        lines = (signal.victims ?? []).map(personLine);
        break;
      case "perpetrators":
        lines = (signal.perpetrators ?? []).map(personLine);
        break;
      case "enrichments":
        lines = (signal.enrichments ?? []).map((e) =>
          e.source === "brp" ? `BRP (${e.purpose}): ${e.registeredCount ?? 0} personen ingeschreven op het adres` : `${e.purpose}: ${e.note ?? ""}`,
        );
        break;
    }
    sections.push({ part, label: signalLabels[part], lines: lines.length ? lines : ["Niets vastgelegd."] });
  }
  return sections;
}

export function fileSections(file: VictimFile, parts: readonly FileItemPart[]): SharedSection[] {
  const sections: SharedSection[] = [];
  for (const part of parts) {
    let lines: string[] = [];
    switch (part) {
      case "person": {
        const p = file.person;
        if (p) {
          lines = [
            join([p.name ?? "Naam onbekend", p.birthDate && `geboren ${day(p.birthDate)}`, genders[p.gender], p.nationality && `nationaliteit ${p.nationality}`]),
            p.languages.length ? `Talen: ${p.languages.join(", ")}` : "",
            file.minor ? "Minderjarig" : "",
          ].filter(Boolean);
        }
        break;
      }
      case "exploitation":
        if (file.exploitation) {
          lines = [
            file.exploitation.forms.length ? `Vorm: ${file.exploitation.forms.map((f) => forms[f] ?? f).join(", ")}` : "Vorm nog niet vastgelegd",
            file.exploitation.cameIntoView ?? "",
          ].filter(Boolean);
        }
        break;
      case "youth":
        if (file.youth) {
          lines = [
            file.youth.veiligThuisNotifiedOn ? `Veilig Thuis ingelicht op ${day(file.youth.veiligThuisNotifiedOn)}` : "Veilig Thuis nog niet ingelicht",
            file.youth.youthCareProvider ? `Jeugdhulp: ${file.youth.youthCareProvider.name}` : "",
            file.youth.guardian ? `Voogd of vertegenwoordiger: ${file.youth.guardian}` : "",
          ].filter(Boolean);
        }
        break;
      case "care_plan":
        if (file.carePlan) {
          lines = [
            ...file.carePlan.needs.filter((n) => n.status !== "no_need").map((n) => `Behoefte ${needs[n.domain] ?? n.domain}: ${needStatuses[n.status] ?? n.status}`),
            ...file.carePlan.goals.filter((g) => g.status === "open").map((g) => `Doel: ${g.description} (streefdatum ${day(g.targetDate)})`),
            ...file.carePlan.services.filter((s) => s.status === "planned" || s.status === "active").map((s) => `Dienst: ${s.serviceType} bij ${s.providerName}`),
          ];
        }
        break;
      case "shelter":
        if (file.shelter) {
          lines = file.shelter.placements.filter((p) => p.current).map((p) => `Verblijft sinds ${day(p.admittedOn)} in ${p.shelterName} (${p.placeType === "cosm" ? "COSM-plaats" : p.placeType})`);
        }
        break;
      case "residence":
        if (file.residence) {
          const r = file.residence;
          lines = [
            r.reflection ? `Bedenktijd ${day(r.reflection.offeredOn)} tot en met ${day(r.reflection.endsOn)}${r.reflection.endedEarlyOn ? `, eerder beëindigd op ${day(r.reflection.endedEarlyOn)}` : ""}` : "Geen bedenktijd",
            `Aangifte: ${reports[r.policeReport.status] ?? r.policeReport.status}${r.policeReport.date ? ` (${day(r.policeReport.date)})` : ""}`,
            ...r.permits.map((p) => `Vergunning aangevraagd ${day(p.appliedOn)}${p.decision ? `: ${p.decision === "granted" ? `verleend tot ${day(p.validUntil)}` : p.decision}` : ", nog geen beslissing"}`),
          ];
        }
        break;
    }
    sections.push({ part, label: fileLabels[part], lines: lines.length ? lines : ["Niets vastgelegd."] });
  }
  return sections;
}
