import { z } from "zod";
import { ageGroups, exploitationForms, fileStatuses, genders, placeTypes } from "./codes.ts";
import { taskSchema } from "./file-view.schema.ts";

/** Representations of the coordinator's overview, transfers, shelter occupancy and the region's network. */
const uuid = z.uuid();
const datetime = z.iso.datetime();

export const overviewSchema = z
  .object({
    date: z.iso.date(),
    counts: z.object({ intake: z.number().int(), active: z.number().int(), aftercare: z.number().int() }),
    openFiles: z.array(
      z.object({
        id: uuid,
        reference: z.string(),
        status: z.enum(fileStatuses),
        ageGroup: z.enum(ageGroups),
        minor: z.boolean(),
        exploitationForms: z.array(z.enum(exploitationForms)),
        openedAt: datetime,
        taskCount: z.number().int(),
      }),
    ),
    tasks: z.array(taskSchema),
    waitingReferrals: z.array(
      z.object({
        id: uuid,
        signalId: uuid,
        signalReference: z.string(),
        municipalityName: z.string(),
        status: z.enum(["open", "accepted", "answered"]),
        createdAt: datetime,
        dueAt: datetime,
        overdue: z.boolean(),
      }),
    ),
    incomingTransfers: z.array(
      z.object({
        id: uuid,
        fileReference: z.string(),
        fromOrganisationName: z.string(),
        fromRegionName: z.string(),
        reason: z.string().describe("Waarom de andere regio het dossier overdraagt"),
        ageGroup: z.enum(ageGroups),
        exploitationForms: z.array(z.enum(exploitationForms)),
        proposedAt: datetime,
      }),
    ),
  })
  .meta({ id: "CareOverview" });

export const transferSchema = z
  .object({
    id: uuid,
    direction: z.enum(["incoming", "outgoing"]),
    fileId: uuid.nullable().describe("Alleen voor de verzendende coördinatoren"),
    fileReference: z.string(),
    fromOrganisationName: z.string(),
    fromRegionName: z.string(),
    toOrganisationName: z.string(),
    toRegionName: z.string(),
    ageGroup: z.enum(ageGroups),
    gender: z.enum(genders),
    exploitationForms: z.array(z.enum(exploitationForms)),
    reason: z.string(),
    basis: z.string(),
    proposedByName: z.string().nullable(),
    proposedAt: datetime,
    status: z.enum(["pending", "accepted", "declined", "withdrawn"]),
    respondedAt: datetime.nullable(),
    declineReason: z.string().nullable(),
    newFileId: uuid.nullable().describe("Het nieuwe dossier, voor de ontvangende regio"),
  })
  .meta({ id: "VictimFileTransfer" });

export const transferListSchema = z.object({ items: z.array(transferSchema) }).meta({ id: "VictimFileTransferList" });
export const transferListQuery = z.object({ status: z.enum(["pending", "accepted", "declined", "withdrawn"]).optional() }).strict();

export const occupancySchema = z
  .object({
    date: z.iso.date(),
    items: z.array(
      z.object({
        organisationId: uuid,
        name: z.string(),
        current: z.number().int(),
        byPlaceType: z.partialRecord(z.enum(placeTypes), z.number().int()),
      }),
    ),
  })
  .meta({ id: "ShelterOccupancy" });

export const networkSchema = z
  .object({
    organisations: z.array(z.object({
      id: uuid, name: z.string(), type: z.string(), regionId: uuid, regionName: z.string(),
      offers: z.array(z.string()).describe("Wat de organisatie volgens de sociale kaart van de regio biedt (leeg zonder plek op de kaart)"),
    })),
    transferTargets: z.array(z.object({ id: uuid, name: z.string(), regionId: uuid, regionName: z.string() })),
  })
  .meta({ id: "CareNetwork" });
export const networkQuery = z.object({ regionId: uuid.optional() }).strict();
