import { z } from "zod";
import {
  destinations, leaveKinds, needDomains, needStatuses, permitDecisions, permitKinds, placeTypes, policeReportStatuses,
  reflectionEndReasons, serviceStatuses, serviceTypes, unableBases,
} from "./codes.ts";
import { isoDate, optionalText, overrideFields, text } from "./files.schema.ts";

/** The API contract of the care plan, shelter, the residence scheme, the registrations and transfers. */
const uuid = z.uuid();

export const needDomainSchema = z.enum(needDomains);
export const needParams = z.object({ id: uuid, domain: needDomainSchema }).strict();
export const needBody = z.object({ status: z.enum(needStatuses), note: optionalText(2000) }).strict().meta({ id: "VictimNeed" });

export const goalBody = z
  .object({ domain: needDomainSchema, description: text(2000), targetDate: isoDate })
  .strict()
  .meta({ id: "CareGoalCreate" });
export const goalUpdateBody = z
  .object({
    description: text(2000).optional(),
    targetDate: isoDate.optional(),
    status: z.enum(["open", "achieved", "dropped"]).optional(),
    achievedOn: isoDate.optional().describe("Standaard vandaag, bij status 'achieved'"),
  })
  .strict()
  .meta({ id: "CareGoalUpdate" });

export const serviceBody = z
  .object({
    domain: needDomainSchema,
    serviceType: z.enum(serviceTypes),
    providerOrganisationId: uuid.describe("Een organisatie uit het netwerk van de regio"),
    description: optionalText(2000),
    startDate: isoDate,
    endDate: isoDate.optional(),
    status: z.enum(serviceStatuses).default("planned"),
  })
  .strict()
  .meta({ id: "CareServiceCreate" });
export const serviceUpdateBody = z
  .object({
    description: optionalText(2000),
    startDate: isoDate.optional(),
    endDate: isoDate.nullable().optional(),
    status: z.enum(serviceStatuses).optional(),
  })
  .strict()
  .meta({ id: "CareServiceUpdate" });

export const placementBody = z
  .object({
    shelterOrganisationId: uuid.describe("Een opvangorganisatie in de regio"),
    placeType: z.enum(placeTypes),
    admittedOn: isoDate,
    note: optionalText(2000),
  })
  .strict()
  .meta({ id: "ShelterPlacementCreate" });
export const placementLeaveBody = z
  .object({ leftOn: isoDate, leaveKind: z.enum(leaveKinds), destination: z.enum(destinations), note: optionalText(2000) })
  .strict()
  .meta({ id: "ShelterPlacementLeave" });

export const reflectionBody = z
  .object({
    offeredOn: isoDate.describe("De dag waarop de bedenktijd is aangeboden"),
    endedEarlyOn: isoDate.optional().describe("Als de bedenktijd eerder eindigt"),
    endReason: z.enum(reflectionEndReasons).optional(),
  })
  .strict()
  .meta({ id: "ReflectionPeriod" });

export const policeReportBody = z
  .object({
    status: z.enum(policeReportStatuses),
    date: isoDate.optional(),
    unableBasis: z.enum(unableBases).optional().describe("Bij 'unable': dreiging, medische of psychische reden"),
    unableStatement: optionalText(2000).describe("Waarop de verklaring berust (wie, welke verklaring, wanneer)"),
  })
  .strict()
  .meta({ id: "PoliceReport" });

export const permitBody = z.object({ kind: z.enum(permitKinds), appliedOn: isoDate }).strict().meta({ id: "ResidencePermitApplication" });
export const permitDecisionBody = z
  .object({ decidedOn: isoDate, decision: z.enum(permitDecisions), validUntil: isoDate.optional() })
  .strict()
  .meta({ id: "ResidencePermitDecision" });

export const comenshaExportBody = z
  .object({ format: z.enum(["csv", "json"]).default("csv"), ...overrideFields })
  .strict()
  .meta({ id: "ComenshaExportRequest" });
export const comenshaRegistrationBody = z
  .object({
    registeredOn: isoDate.describe("De dag waarop de registratie naar CoMensha is gestuurd"),
    comenshaNumber: optionalText(50).describe("Het registratienummer dat CoMensha teruggaf"),
  })
  .strict()
  .meta({ id: "ComenshaRegistration" });
export const htcdsExportBody = z
  .object({
    format: z.enum(["csv", "json"]).default("json"),
    recipient: text(200).describe("De internationale partner die het bestand ontvangt"),
    ...overrideFields,
  })
  .strict()
  .meta({ id: "HtcdsExportRequest" });

export const transferBody = z
  .object({
    organisationId: uuid.describe("De zorgcoördinatie van de andere regio"),
    reason: text(2000),
    ...overrideFields,
  })
  .strict()
  .meta({ id: "VictimFileTransferRequest" });
export const transferDeclineBody = z.object({ reason: text(2000) }).strict().meta({ id: "VictimFileTransferDecline" });

export const goalParams = z.object({ id: uuid, goalId: uuid }).strict();
export const serviceParams = z.object({ id: uuid, serviceId: uuid }).strict();
export const placementParams = z.object({ id: uuid, placementId: uuid }).strict();
export const permitParams = z.object({ id: uuid, permitId: uuid }).strict();
export const memberParams = z.object({ id: uuid, memberId: uuid }).strict();
