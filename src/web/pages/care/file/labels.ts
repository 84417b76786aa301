import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime, formatList } from "../../../i18n/format.ts";
import {
  consentPurposes, isCode, legalBases, permitKinds, reflectionEndReasons, serviceTypes, unableBases, needDomains,
  type AgeGroup, type ClosureReason, type ConsentPurpose, type ConsentRecording, type ConsentStatus, type Destination,
  type ExploitationForm, type FilePart, type FileSource, type FileStatus, type Gender, type GoalStatus, type LeaveKind,
  type LegalBasis, type NeedDomain, type NeedStatus, type PermitDecision, type PermitKind, type PlaceType, type PoliceReportStatus,
  type PoliceUnit, type ReflectionEndReason, type ServiceStatus, type ServiceType, type TaskKind, type UnableBasis,
} from "../types.ts";

/**
 * The words for every code the file page shows, in one place. The labels of the care vocabulary are shared
 * by every care page (careOverview.codes); a code the web app does not know yet is shown as it is.
 */
export function useLabels() {
  const { t } = useTranslation();
  return {
    status: (v: FileStatus) => t(`careOverview.codes.status.${v}`),
    closureReason: (v: ClosureReason) => t(`careOverview.codes.closureReason.${v}`),
    source: (v: FileSource) => t(`careOverview.codes.source.${v}`),
    gender: (v: Gender) => t(`careOverview.codes.gender.${v}`),
    ageGroup: (v: AgeGroup) => t(`careOverview.codes.ageGroup.${v}`),
    form: (v: ExploitationForm) => t(`careOverview.codes.form.${v}`),
    forms: (v: ExploitationForm[]) => formatList(v.map((f) => t(`careOverview.codes.form.${f}`))),
    purpose: (v: ConsentPurpose) => t(`careOverview.codes.consentPurpose.${v}`),
    consentStatus: (v: ConsentStatus) => t(`careOverview.codes.consentStatus.${v}`),
    recording: (v: ConsentRecording) => t(`careOverview.codes.consentRecording.${v}`),
    legalBasis: (v: LegalBasis) => t(`careOverview.codes.legalBasis.${v}`),
    /** "consent", "coordinator" or a legal basis, as the API gives a sharing basis. */
    basis: (v: string | null) =>
      v === "consent" ? t("careFile.basis.consent") : v === "coordinator" ? t("careFile.basis.coordinator") : isCode(legalBases, v) ? t(`careOverview.codes.legalBasis.${v}`) : (v ?? ""),
    domain: (v: NeedDomain) => t(`careOverview.codes.needDomain.${v}`),
    needStatus: (v: NeedStatus) => t(`careOverview.codes.needStatus.${v}`),
    goalStatus: (v: GoalStatus) => t(`careOverview.codes.goalStatus.${v}`),
    serviceType: (v: ServiceType) => t(`careOverview.codes.serviceType.${v}`),
    serviceStatus: (v: ServiceStatus) => t(`careOverview.codes.serviceStatus.${v}`),
    placeType: (v: PlaceType) => t(`careOverview.codes.placeType.${v}`),
    leaveKind: (v: LeaveKind) => t(`careOverview.codes.leaveKind.${v}`),
    destination: (v: Destination) => t(`careOverview.codes.destination.${v}`),
    reflectionEndReason: (v: ReflectionEndReason) => t(`careOverview.codes.reflectionEndReason.${v}`),
    policeReport: (v: PoliceReportStatus) => t(`careOverview.codes.policeReport.${v}`),
    unableBasis: (v: UnableBasis) => t(`careOverview.codes.unableBasis.${v}`),
    permitKind: (v: PermitKind) => t(`careOverview.codes.permitKind.${v}`),
    permitDecision: (v: PermitDecision) => t(`careOverview.codes.permitDecision.${v}`),
    policeUnit: (v: PoliceUnit) => t(`careOverview.codes.policeUnit.${v}`),
    part: (v: FilePart) => t(`careOverview.codes.filePart.${v}`),
    taskKind: (v: TaskKind) => t(`careOverview.codes.taskKind.${v}`),
    memberRole: (v: "coordinator" | "partner") => t(`careOverview.codes.memberRole.${v}`),
    /**
     * The detail of a task or a timeline entry, read by its kind (the same code can mean two things:
     * "psychological" is a need domain and a ground for not cooperating with the police).
     */
    detail: (kind: string, v: string | null) => {
      if (!v) return "";
      if (kind === "service_overdue" && isCode(serviceTypes, v)) return t(`careOverview.codes.serviceType.${v}`);
      if (kind === "goal_due" && isCode(needDomains, v)) return t(`careOverview.codes.needDomain.${v}`);
      if (kind === "consent_expiring" && isCode(consentPurposes, v)) return t(`careOverview.codes.consentPurpose.${v}`);
      if (kind.startsWith("permit_") && isCode(permitKinds, v)) return t(`careOverview.codes.permitKind.${v}`);
      if (kind === "reflection_ended_early" && isCode(reflectionEndReasons, v)) return t(`careOverview.codes.reflectionEndReason.${v}`);
      if (kind.startsWith("police_report_") && isCode(unableBases, v)) return t(`careOverview.codes.unableBasis.${v}`);
      return v;
    },
  };
}

export type Labels = ReturnType<typeof useLabels>;

/**
 * A label inside a sentence: "Strafrechtelijk onderzoek" becomes "strafrechtelijk onderzoek", while names and
 * abbreviations keep their capitals ("COSM-plaats", "Registratie bij CoMensha" → "registratie bij CoMensha").
 */
export function lowerFirst(label: string): string {
  const second = label.charAt(1);
  return second && second === second.toLowerCase() ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** A calendar date of the API (2026-03-05) as "5 maart 2026". */
export function formatDay(value: string | null | undefined): string {
  if (!value) return "";
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(`${value}T12:00:00`) : formatDateTime(value);
}

/** Today in the Netherlands as an API date (the server's calendar). */
export function todayIso(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" }).format(new Date());
}

/** Language codes (ISO 639) in words where the browser knows them: "Pools (pol)". */
export function languageName(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: "language" }).of(code);
    return name && name.toLowerCase() !== code.toLowerCase() ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
