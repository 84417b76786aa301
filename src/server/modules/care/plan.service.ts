import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { invalidInput } from "../../kernel/errors.ts";
import { authorize, can, type Actor } from "../../kernel/policy/policy.ts";
import type { NeedDomain } from "./codes.ts";
import { careRefusal, fileCommand, type FileContext } from "./file-command.ts";
import { isMinor } from "./files.presenter.ts";
import { regionOrganisation } from "./network.ts";
import {
  findGoal, insertGoal, insertPlacement, insertService, leavePlacement, needsOf, occupancy, placementsOf, servicesOf, updateGoal,
  updateService, upsertNeed,
} from "./plan.repository.ts";
import type { goalBody, goalUpdateBody, needBody, placementBody, placementLeaveBody, serviceBody, serviceUpdateBody } from "./plan.schema.ts";

/**
 * The care plan (needs per domain, goals with dates, services by providers of the region's network) and
 * shelter placements. A closed trajectory is no longer planned: reopen it first.
 */
const field = (name: string, code: string, reason: string) => [{ name, code, reason }];

function open(ctx: FileContext) {
  if (ctx.row.status === "closed") throw careRefusal("transition_not_allowed", "Dit traject is afgesloten; heropen het om het zorgplan bij te werken.");
}

export function setNeedFor(kernel: Kernel, actor: Actor, id: string, domain: NeedDomain, body: z.infer<typeof needBody>, clientAddress: string) {
  return fileCommand(kernel, actor, id, "update", clientAddress, async (ctx) => {
    open(ctx);
    const before = (await needsOf(ctx.tx, ctx.row.id)).find((n) => n.domain === domain)?.status ?? null;
    await upsertNeed(ctx.tx, { fileId: ctx.row.id, domain, status: body.status, noteEnc: kernel.crypto.encryptOptional("victim_needs.note", body.note), by: actor.userId, at: ctx.now });
    const details = { domain, status: body.status, previous: before };
    await ctx.event("need_updated", details);
    return { details };
  });
}

export function addGoalFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof goalBody>, clientAddress: string) {
  return fileCommand(kernel, actor, id, "update", clientAddress, async (ctx) => {
    open(ctx);
    if (body.targetDate < ctx.today) throw invalidInput("De streefdatum ligt in het verleden.", field("targetDate", "past_date", "vandaag of later"));
    const goalId = await insertGoal(ctx.tx, { fileId: ctx.row.id, domain: body.domain, descriptionEnc: kernel.crypto.encrypt("care_goals.description", body.description), targetDate: body.targetDate, by: actor.userId, at: ctx.now });
    const details = { goalId, domain: body.domain, targetDate: body.targetDate };
    await ctx.event("goal_added", details);
    return { details };
  });
}

export function updateGoalFor(kernel: Kernel, actor: Actor, id: string, goalId: string, body: z.infer<typeof goalUpdateBody>, clientAddress: string) {
  return fileCommand(kernel, actor, id, "update", clientAddress, async (ctx) => {
    open(ctx);
    const goal = await findGoal(ctx.tx, ctx.row.id, goalId);
    if (!goal) throw invalidInput("Dit doel hoort niet bij dit dossier.", field("goalId", "unknown", "onbekend doel"));
    const status = body.status ?? goal.status;
    const achievedOn = status === "achieved" ? (body.achievedOn ?? goal.achieved_on ?? ctx.today) : null;
    if (body.achievedOn && status !== "achieved") throw invalidInput("Een datum van behalen hoort bij een behaald doel.", field("achievedOn", "not_allowed", "alleen bij status 'achieved'"));
    if (achievedOn && achievedOn > ctx.today) throw invalidInput("Een doel wordt niet in de toekomst behaald.", field("achievedOn", "future_date", "vandaag of eerder"));
    await updateGoal(ctx.tx, goal.id, {
      descriptionEnc: body.description ? kernel.crypto.encrypt("care_goals.description", body.description) : goal.description_enc,
      targetDate: body.targetDate ?? goal.target_date,
      status,
      achievedOn,
      at: ctx.now,
    });
    const details = { goalId, status, previousStatus: goal.status, targetDate: body.targetDate ?? goal.target_date };
    await ctx.event("goal_updated", details);
    return { details };
  });
}

function checkServiceDates(status: string, startDate: string, endDate: string | null, today: string) {
  if (endDate && endDate < startDate) throw invalidInput("De einddatum ligt voor de begindatum.", field("endDate", "before_start", "na de begindatum"));
  if (status === "active" && startDate > today) throw invalidInput("Een lopende dienst is al begonnen: de begindatum ligt in de toekomst.", field("startDate", "future_date", "vandaag of eerder bij status 'active'"));
  if (status === "completed" && (!endDate || endDate > today)) {
    throw invalidInput("Een afgeronde dienst heeft een einddatum van vandaag of eerder.", field("endDate", "required", "vandaag of eerder bij status 'completed'"));
  }
}

export function addServiceFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof serviceBody>, clientAddress: string) {
  return fileCommand(kernel, actor, id, "update", clientAddress, async (ctx) => {
    open(ctx);
    const provider = await regionOrganisation(ctx.tx, ctx.row.region_id, body.providerOrganisationId);
    if (!provider) throw invalidInput("Kies een aanbieder uit het netwerk van de regio.", field("providerOrganisationId", "unknown_organisation", "niet in de regio"));
    checkServiceDates(body.status, body.startDate, body.endDate ?? null, ctx.today);
    const serviceId = await insertService(ctx.tx, {
      fileId: ctx.row.id, domain: body.domain, serviceType: body.serviceType, providerId: provider.id,
      descriptionEnc: kernel.crypto.encryptOptional("care_services.description", body.description), startDate: body.startDate,
      endDate: body.endDate ?? null, status: body.status, by: actor.userId, at: ctx.now,
    });
    const details = { serviceId, domain: body.domain, serviceType: body.serviceType, provider: provider.name, status: body.status, startDate: body.startDate, endDate: body.endDate ?? null };
    await ctx.event("service_added", details);
    return { details };
  });
}

export function updateServiceFor(kernel: Kernel, actor: Actor, id: string, serviceId: string, body: z.infer<typeof serviceUpdateBody>, clientAddress: string) {
  return fileCommand(kernel, actor, id, "update", clientAddress, async (ctx) => {
    open(ctx);
    const service = (await servicesOf(ctx.tx, ctx.row.id)).find((s) => s.id === serviceId);
    if (!service) throw invalidInput("Deze dienst hoort niet bij dit dossier.", field("serviceId", "unknown", "onbekende dienst"));
    const status = body.status ?? service.status;
    const startDate = body.startDate ?? service.start_date;
    const endDate = body.endDate !== undefined ? body.endDate : service.end_date;
    checkServiceDates(status, startDate, endDate, ctx.today);
    await updateService(ctx.tx, service.id, {
      descriptionEnc: body.description !== undefined ? kernel.crypto.encryptOptional("care_services.description", body.description) : service.description_enc,
      startDate,
      endDate,
      status,
      at: ctx.now,
    });
    const details = { serviceId, status, previousStatus: service.status, startDate, endDate };
    await ctx.event("service_updated", details);
    return { details };
  });
}

export function addPlacementFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof placementBody>, clientAddress: string) {
  return fileCommand(kernel, actor, id, "update", clientAddress, async (ctx) => {
    open(ctx);
    const shelter = await regionOrganisation(ctx.tx, ctx.row.region_id, body.shelterOrganisationId);
    const offersShelter = shelter && (shelter.type === "shelter" || shelter.offers.includes("shelter") || shelter.offers.includes("cosm"));
    if (!shelter || !offersShelter) throw invalidInput("Kies een opvangorganisatie in de regio.", field("shelterOrganisationId", "unknown_organisation", "geen opvang in de regio"));
    if (body.admittedOn > ctx.today) throw invalidInput("Een plaatsing begint niet in de toekomst; leg die vast op de dag van instroom.", field("admittedOn", "future_date", "vandaag of eerder"));
    if (body.placeType === "cosm") {
      // COSM: the categorical shelter for non-Dutch adult victims.
      const birthDate = kernel.crypto.decryptOptional("victim_files.birth_date", ctx.row.birth_date_enc);
      if (isMinor(birthDate, ctx.row.age_group, ctx.today)) throw careRefusal("not_eligible", "COSM is voor meerderjarigen; kies een plek voor jeugd.", "placeType");
      if (ctx.row.nationality === "NLD") throw careRefusal("not_eligible", "COSM is voor slachtoffers zonder Nederlandse nationaliteit.", "placeType");
    }
    const placements = await placementsOf(ctx.tx, ctx.row.id);
    if (placements.some((p) => p.left_on === null)) {
      throw careRefusal("placement_open", "Er loopt al een plaatsing. Leg eerst de door- of uitstroom daaruit vast.", "shelterOrganisationId");
    }
    const placementId = await insertPlacement(ctx.tx, {
      fileId: ctx.row.id, shelterId: shelter.id, placeType: body.placeType, admittedOn: body.admittedOn,
      noteEnc: kernel.crypto.encryptOptional("shelter_placements.note", body.note), by: actor.userId, at: ctx.now,
    });
    const details = { placementId, shelter: shelter.name, placeType: body.placeType, admittedOn: body.admittedOn };
    await ctx.event("placement_added", details);
    return { details };
  });
}

export function leavePlacementFor(kernel: Kernel, actor: Actor, id: string, placementId: string, body: z.infer<typeof placementLeaveBody>, clientAddress: string) {
  return fileCommand(kernel, actor, id, "update", clientAddress, async (ctx) => {
    const placement = (await placementsOf(ctx.tx, ctx.row.id)).find((p) => p.id === placementId);
    if (!placement) throw invalidInput("Deze plaatsing hoort niet bij dit dossier.", field("placementId", "unknown", "onbekende plaatsing"));
    if (placement.left_on) throw careRefusal("transition_not_allowed", "Voor deze plaatsing is de door- of uitstroom al vastgelegd.");
    if (body.leftOn < placement.admitted_on) throw invalidInput("De datum van vertrek ligt voor de instroom.", field("leftOn", "before_start", "op of na de instroom"));
    if (body.leftOn > ctx.today) throw invalidInput("Leg het vertrek vast op of na de dag zelf.", field("leftOn", "future_date", "vandaag of eerder"));
    if (body.leaveKind === "throughflow" && !["other_shelter", "own_housing", "family"].includes(body.destination)) {
      throw invalidInput("Doorstroom gaat naar een vervolgplek: een andere opvang, eigen woonruimte of familie.", field("destination", "invalid_for_throughflow", "kies een vervolgplek"));
    }
    await leavePlacement(ctx.tx, placement.id, { leftOn: body.leftOn, leaveKind: body.leaveKind, destination: body.destination, noteEnc: kernel.crypto.encryptOptional("shelter_placements.note", body.note), at: ctx.now });
    const details = { placementId, shelter: placement.shelter_name, leftOn: body.leftOn, leaveKind: body.leaveKind, destination: body.destination };
    await ctx.event("placement_left", details);
    return { details };
  });
}

/** Current occupancy of every shelter in the actor's regions: counts per type of place, never who. */
export function shelterOccupancyFor(kernel: Kernel, actor: Actor) {
  return kernel.db.transaction(async (tx) => {
    const today = dutchDate(kernel.now());
    const regionIds = actor.regionIds.filter((regionId) => can(actor, "read", "shelter_occupancy", { regionId }));
    if (regionIds.length === 0) authorize(actor, "read", "shelter_occupancy", { regionId: "" });
    const shelters = new Map<string, { organisationId: string; name: string; current: number; byPlaceType: Record<string, number> }>();
    for (const r of await occupancy(tx, regionIds, today)) {
      const entry = shelters.get(r.organisation_id) ?? { organisationId: r.organisation_id, name: r.name, current: 0, byPlaceType: {} };
      if (r.place_type) {
        entry.byPlaceType[r.place_type] = r.current;
        entry.current += r.current;
      }
      shelters.set(r.organisation_id, entry);
    }
    return { date: today, items: [...shelters.values()] };
  });
}
