import { z } from "zod";
import {
  ageGroups, closureReasons, consentPurposes, consentRecordings, consentStatuses, destinations, exploitationForms, fileSources,
  fileStatuses, genders, leaveKinds, needDomains, needStatuses, permitDecisions, permitKinds, placeTypes, policeReportStatuses,
  reflectionEndReasons, serviceStatuses, serviceTypes, teamPurposes, unableBases,
} from "./codes.ts";
import { fileParts } from "./purposes.ts";

/**
 * A victim file as one member of its case team may see it. Parts outside the member's purpose are null;
 * `visibleParts` says which parts were sent.
 */
const uuid = z.uuid();
const date = z.iso.date();
const datetime = z.iso.datetime();

const teamMember = z
  .object({
    id: uuid,
    userId: uuid,
    name: z.string().nullable(),
    organisationId: uuid,
    organisationName: z.string(),
    memberRole: z.enum(["coordinator", "partner"]),
    purpose: z.enum(teamPurposes).nullable(),
    purposeNote: z.string().nullable(),
    validFrom: date,
    validUntil: date.nullable(),
    basis: z.string().describe("coordinator, consent, of de wettelijke grondslag"),
    legalBasisNote: z.string().nullable(),
    active: z.boolean(),
    addedAt: datetime,
    endedAt: datetime.nullable(),
    endReason: z.string().nullable(),
  })
  .meta({ id: "CaseTeamMember" });

const consent = z
  .object({
    id: uuid,
    purpose: z.enum(consentPurposes),
    partyOrganisationId: uuid.nullable(),
    partyName: z.string(),
    status: z.enum(consentStatuses),
    /** given, but past its end date */
    expired: z.boolean(),
    decidedOn: date,
    validUntil: date.nullable(),
    recordedHow: z.enum(consentRecordings),
    interpreterUsed: z.boolean(),
    note: z.string().nullable(),
    recordedByName: z.string().nullable(),
    recordedAt: datetime,
  })
  .meta({ id: "Consent" });

const need = z.object({ domain: z.enum(needDomains), status: z.enum(needStatuses), note: z.string().nullable(), updatedAt: datetime });
const goal = z
  .object({
    id: uuid,
    domain: z.enum(needDomains),
    description: z.string(),
    targetDate: date,
    status: z.enum(["open", "achieved", "dropped"]),
    achievedOn: date.nullable(),
    overdue: z.boolean(),
  })
  .meta({ id: "CareGoal" });
const service = z
  .object({
    id: uuid,
    domain: z.enum(needDomains),
    serviceType: z.enum(serviceTypes),
    providerOrganisationId: uuid,
    providerName: z.string(),
    description: z.string().nullable(),
    startDate: date,
    endDate: date.nullable(),
    status: z.enum(serviceStatuses),
    /** planned but not started by its start date, or active past its end date */
    overdue: z.boolean(),
  })
  .meta({ id: "CareService" });
const placement = z
  .object({
    id: uuid,
    shelterOrganisationId: uuid,
    shelterName: z.string(),
    placeType: z.enum(placeTypes),
    admittedOn: date,
    leftOn: date.nullable(),
    leaveKind: z.enum(leaveKinds).nullable(),
    destination: z.enum(destinations).nullable(),
    note: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: "ShelterPlacement" });
const permit = z
  .object({
    id: uuid,
    kind: z.enum(permitKinds),
    appliedOn: date,
    decidedOn: date.nullable(),
    decision: z.enum(permitDecisions).nullable(),
    validUntil: date.nullable(),
  })
  .meta({ id: "ResidencePermit" });
const timelineEntry = z.object({ date, kind: z.string(), detail: z.string().nullable() }).meta({ id: "ResidenceTimelineEntry" });
const historyEntry = z
  .object({
    id: uuid,
    occurredAt: datetime,
    kind: z.string(),
    fromStatus: z.enum(fileStatuses).nullable(),
    toStatus: z.enum(fileStatuses).nullable(),
    reason: z.string().nullable(),
    actorName: z.string().nullable(),
    actorOrganisationName: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "VictimFileHistoryEntry" });

export const taskKinds = ["reflection_ending", "service_overdue", "goal_due", "consent_expiring", "permit_ending", "youth_route_missing"] as const;
export const taskSchema = z
  .object({
    kind: z.enum(taskKinds),
    fileId: uuid,
    reference: z.string(),
    date: date.nullable(),
    overdue: z.boolean(),
    detail: z.string().nullable(),
  })
  .meta({ id: "CareTask" });

export const victimFileSchema = z
  .object({
    id: uuid,
    reference: z.string(),
    organisationId: uuid,
    organisationName: z.string(),
    regionId: uuid,
    regionName: z.string(),
    status: z.enum(fileStatuses),
    closureReason: z.enum(closureReasons).nullable(),
    source: z.enum(fileSources),
    openedAt: datetime,
    closedAt: datetime.nullable(),
    minor: z.boolean(),
    visibleParts: z.array(z.enum(fileParts)),
    myMembership: z
      .object({ memberRole: z.enum(["coordinator", "partner"]), purpose: z.enum(teamPurposes).nullable(), validUntil: date.nullable() })
      .nullable(),
    coordinators: z.array(z.object({ userId: uuid, name: z.string().nullable() })),
    signal: z.object({ id: uuid, reference: z.string(), municipalityName: z.string().nullable() }).nullable(),
    transferredFrom: z.object({ reference: z.string(), organisationName: z.string() }).nullable(),
    pendingTransfer: z.object({ id: uuid, toOrganisationName: z.string(), proposedAt: datetime }).nullable(),
    person: z
      .object({
        name: z.string().nullable(),
        birthDate: date.nullable(),
        age: z.number().int().nullable(),
        phone: z.string().nullable(),
        contact: z.string().nullable(),
        gender: z.enum(genders),
        ageGroup: z.enum(ageGroups),
        nationality: z.string().nullable(),
        languages: z.array(z.string()),
        /** Another file or signal concerns the same name and date of birth (hit/no-hit, without content). */
        otherRecords: z.boolean(),
      })
      .nullable(),
    exploitation: z.object({ forms: z.array(z.enum(exploitationForms)), cameIntoView: z.string().nullable() }).nullable(),
    youth: z
      .object({
        veiligThuisNotifiedOn: date.nullable(),
        youthCareProvider: z.object({ id: uuid, name: z.string() }).nullable(),
        guardian: z.string().nullable(),
        adultOn: date.nullable(),
      })
      .nullable(),
    team: z.array(teamMember).nullable(),
    consents: z.object({ current: z.array(consent), history: z.array(consent) }).nullable(),
    carePlan: z.object({ needs: z.array(need), goals: z.array(goal), services: z.array(service) }).nullable(),
    shelter: z.object({ placements: z.array(placement) }).nullable(),
    residence: z
      .object({
        reflection: z
          .object({
            offeredOn: date,
            endsOn: date,
            endedEarlyOn: date.nullable(),
            endReason: z.enum(reflectionEndReasons).nullable(),
            running: z.boolean(),
            daysLeft: z.number().int().nullable(),
          })
          .nullable(),
        policeReport: z.object({
          status: z.enum(policeReportStatuses),
          date: date.nullable(),
          unableBasis: z.enum(unableBases).nullable(),
          unableStatement: z.string().nullable(),
        }),
        permits: z.array(permit),
        timeline: z.array(timelineEntry),
      })
      .nullable(),
    registration: z
      .object({
        comensha: z.object({
          registeredOn: date.nullable(),
          registeredByName: z.string().nullable(),
          basis: z.string().nullable(),
          number: z.string().nullable(),
          lastExportAt: datetime.nullable(),
        }),
        policeUnit: z.string().nullable(),
      })
      .nullable(),
    history: z.array(historyEntry).nullable(),
    tasks: z.array(taskSchema).nullable(),
    nextSteps: z.array(z.object({ to: z.enum(fileStatuses), needsReason: z.boolean(), needsClosureReason: z.boolean() })),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "VictimFile" });

export const fileListItemSchema = z
  .object({
    id: uuid,
    reference: z.string(),
    organisationName: z.string(),
    status: z.enum(fileStatuses),
    ageGroup: z.enum(ageGroups),
    minor: z.boolean(),
    /** null when the purpose of the membership does not open the forms of exploitation (purposes.ts) */
    exploitationForms: z.array(z.enum(exploitationForms)).nullable(),
    openedAt: datetime,
    closedAt: datetime.nullable(),
    memberRole: z.enum(["coordinator", "partner"]).nullable(),
    purpose: z.enum(teamPurposes).nullable(),
    /** Only for coordinators; partners see the name on the file's own page if their purpose allows. */
    name: z.string().nullable(),
  })
  .meta({ id: "VictimFileListItem" });

export const fileListSchema = z
  .object({ items: z.array(fileListItemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: "VictimFileList" });

export const teamCandidateSchema = z
  .object({ userId: uuid, name: z.string().nullable(), organisationId: uuid, organisationName: z.string(), roles: z.array(z.string()) })
  .meta({ id: "CaseTeamCandidate" });

export const exportFileSchema = z
  .object({
    fileName: z.string(),
    mediaType: z.enum(["text/csv", "application/json"]),
    content: z.string().describe("De inhoud van het bestand"),
  })
  .meta({ id: "ExportFile" });
