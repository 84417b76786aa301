import { stringify } from "csv-stringify/sync";
import type { CalendarDate } from "../../../kernel/dutch-time.ts";
import type { ClosureReason, ExploitationForm, FileStatus, ServiceType } from "../codes.ts";

/**
 * A victim file in the IOM Human Trafficking Case Data Standard 2.0 (HTCDS), for international partners.
 * Every field name, prefix and picklist value is the standard's own (the mapping is in docs/htcds-mapping.md
 * and a contract test checks it against the standard). Direct identifiers (name, date of birth, phone,
 * address) are left out: the partner learns the case, not who the person is.
 */
export interface HtcdsInput {
  organisationName: string;
  status: FileStatus;
  closureReason: ClosureReason | null;
  gender: "female" | "male" | "other" | "unknown";
  nationality: string | null;
  languages: readonly string[];
  forms: readonly ExploitationForm[];
  minor: boolean;
  consent: boolean;
  /**
   * Where the person came from: the referring municipality, or the region that handed the file over, and the
   * day the care coordination accepted that referral or transfer.
   */
  incoming: { organisation: string; transferred: boolean; acceptedOn: CalendarDate } | null;
  /** Where the file went, when it was handed over to another region, and the day the transfer was proposed. */
  outgoing: { organisation: string; date: CalendarDate } | null;
  services: readonly { serviceType: ServiceType; status: string; endDate: CalendarDate | null }[];
}

export const gender = { female: "Feminine", male: "Masculine", other: "NonConforming", unknown: "NonSpecifiedUnknown" } as const;

export const exploitationTypes: Record<ExploitationForm, string> = {
  sexual: "SexualExploitation",
  labour: "ForcedLabour",
  // HTCDS has no value of its own for forced criminality.
  criminal: "Other",
  organ_removal: "OrganRemoval",
  other: "Other",
};

export const supportPlanTypes: Record<ServiceType, string> = {
  shelter: "SocialCare",
  medical_care: "Health",
  mental_health_care: "Health",
  legal_aid: "Legal",
  interpreter: "SocialCare",
  income_support: "Financial",
  health_insurance: "Health",
  housing: "SocialCare",
  daytime_activity: "Livelihood",
  education: "Education",
  return_support: "SocialCare",
  youth_care: "SocialCare",
  victim_support: "SocialCare",
  other: "SocialCare",
};

const closureTexts: Record<ClosureReason, string> = {
  goals_reached: "Goals of the care plan reached",
  moved_region: "Moved to another region; handed over to its care coordination",
  returned_to_origin: "Returned to country of origin",
  lost_contact: "Contact lost",
  declined_help: "Declined further help",
  other: "Other",
};

function caseStatus(status: FileStatus, closure: ClosureReason | null): string {
  if (status === "closed") return closure === "moved_region" ? "ClosedReferred" : "Closed";
  return status === "aftercare" ? "FollowUp" : "Active";
}

export interface HtcdsRecord {
  person: { prs_Gender: string; prs_Citizenship: string[]; prs_PrimaryLanguage: string | null; prs_SecondaryLanguage: string | null };
  victimContext: {
    vic_TraffickingStatus: string;
    vic_TraffickingStatusDecisionMakingOrg: string;
    vic_TypeOfExploitation: string[];
  };
  case: {
    cas_Status: string;
    cas_ReasonForCaseClosure: string | null;
    cas_ReferringOrganisation: string | null;
    cas_IncomingReferralDate: CalendarDate | null;
    cas_ReasonForIncomingReferral: string | null;
    cas_ReferredOrganisation: string | null;
    cas_OutgoingReferralDate: CalendarDate | null;
    cas_ReasonForOutgoingReferral: string | null;
  };
  organisation: { org_Name: string; org_ShippingCountry: string };
  consent: { con_Consent: boolean };
  supportPlans: { spl_Type: string; spl_PlannedEndDate: CalendarDate | null; spl_ActualEndDate: CalendarDate | null }[];
}

export function htcdsRecord(input: HtcdsInput): HtcdsRecord {
  const types = new Set(input.forms.map((f) => exploitationTypes[f]));
  if (input.minor && input.forms.includes("labour")) types.add("ChildLabour");
  return {
    person: {
      prs_Gender: gender[input.gender],
      prs_Citizenship: input.nationality ? [input.nationality] : [],
      prs_PrimaryLanguage: input.languages[0] ?? null,
      prs_SecondaryLanguage: input.languages[1] ?? null,
    },
    victimContext: {
      // Ketenzicht's files are of presumed victims; no court has decided.
      vic_TraffickingStatus: "PossibleVictimOfTrafficking",
      vic_TraffickingStatusDecisionMakingOrg: "Other",
      vic_TypeOfExploitation: [...types],
    },
    case: {
      cas_Status: caseStatus(input.status, input.closureReason),
      cas_ReasonForCaseClosure: input.status === "closed" && input.closureReason ? closureTexts[input.closureReason] : null,
      cas_ReferringOrganisation: input.incoming?.organisation ?? null,
      cas_IncomingReferralDate: input.incoming?.acceptedOn ?? null,
      cas_ReasonForIncomingReferral: input.incoming ? (input.incoming.transferred ? "MigrationOrChangeOfLocation" : "AdditionalServicesRequired") : null,
      cas_ReferredOrganisation: input.outgoing?.organisation ?? null,
      cas_OutgoingReferralDate: input.outgoing?.date ?? null,
      cas_ReasonForOutgoingReferral: input.outgoing ? "MigrationOrChangeOfLocation" : null,
    },
    organisation: { org_Name: input.organisationName, org_ShippingCountry: "NLD" },
    // HTCDS 2.0 deprecates vic_AgreementToManagePersonalData in favour of this section.
    consent: { con_Consent: input.consent },
    supportPlans: input.services
      .filter((s) => s.status !== "cancelled")
      .map((s) => ({
        spl_Type: supportPlanTypes[s.serviceType],
        spl_PlannedEndDate: s.status === "completed" ? null : s.endDate,
        spl_ActualEndDate: s.status === "completed" ? s.endDate : null,
      })),
  };
}

/** The JSON file: the standard and the pseudonymous reference around the record. */
export function htcdsJson(reference: string, record: HtcdsRecord, exportedOn: CalendarDate): string {
  return JSON.stringify({ standard: "IOM Human Trafficking Case Data Standard", version: "2.0", reference, exportedOn, records: [record] }, null, 2);
}

/** The CSV file: HTCDS field names as headings, one row per support plan (the case's fields repeated), multiselects joined by ";". */
export function htcdsCsv(record: HtcdsRecord): string {
  const caseFields: Record<string, string> = {};
  for (const group of [record.person, record.victimContext, record.case, record.organisation, record.consent]) {
    for (const [key, value] of Object.entries(group)) {
      caseFields[key] = Array.isArray(value) ? value.join(";") : value === null ? "" : String(value);
    }
  }
  const planKeys = ["spl_Type", "spl_PlannedEndDate", "spl_ActualEndDate"] as const;
  const header = [...Object.keys(caseFields), ...planKeys];
  const plans = record.supportPlans.length > 0 ? record.supportPlans : [null];
  const rows = plans.map((plan) => [...Object.values(caseFields), ...planKeys.map((k) => (plan ? (plan[k] ?? "") : ""))]);
  return stringify([header, ...rows]);
}
