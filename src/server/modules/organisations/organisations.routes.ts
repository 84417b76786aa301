import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { requireActor } from "../../http/auth.ts";
import { conflict, invalidInput, notFound } from "../../kernel/errors.ts";
import { accessFilter, authorize, recordAbilities, type Actor } from "../../kernel/policy/policy.ts";
import { policeUnits } from "../care/codes.ts";
import {
  findOrganisation,
  findRegion,
  insertOrganisation,
  listOrganisations,
  listRegions,
  organisationNameTaken,
  updateOrganisation,
  updateRegion,
  type OrganisationRow,
  type RegionRow,
} from "./organisations.repository.ts";

export const organisationTypes = [
  "municipality", "care_coordination", "police", "public_prosecutor", "riec", "zvh",
  "labour_inspectorate", "tax_office", "veilig_thuis", "shelter", "other_partner",
] as const;

const organisationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.enum(organisationTypes),
    isCentralMunicipality: z.boolean(),
    active: z.boolean(),
    regionIds: z.array(z.uuid()),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "Organisation" });

const createBody = z
  .object({
    name: z.string().trim().min(2).max(200),
    type: z.enum(organisationTypes),
    isCentralMunicipality: z.boolean().default(false),
    regionId: z.uuid(),
  })
  .strict();
const updateBody = z
  .object({ name: z.string().trim().min(2).max(200).optional(), active: z.boolean().optional(), isCentralMunicipality: z.boolean().optional() })
  .strict();
const idParams = z.object({ id: z.uuid() }).strict();

const regionSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    policeUnit: z.enum(policeUnits).nullable().describe("De politie-eenheid; CoMensha telt registraties per eenheid"),
    suppressionThreshold: z.number().int().describe("Gepubliceerde cijfers onder dit aantal worden verborgen (monitor)"),
    organisationIds: z.array(z.uuid()),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "Region" });
const regionUpdateBody = z
  .object({
    policeUnit: z.enum(policeUnits).nullable().optional(),
    suppressionThreshold: z.number().int().min(2).max(50).optional().describe("Drempel voor kleine aantallen in gepubliceerde monitorcijfers (2 tot en met 50)"),
  })
  .strict()
  .meta({ id: "RegionUpdate" });
const presentRegion = (actor: Actor, r: RegionRow): z.infer<typeof regionSchema> => ({
  id: r.id,
  name: r.name,
  policeUnit: r.police_unit as (typeof policeUnits)[number] | null,
  suppressionThreshold: r.suppression_threshold,
  organisationIds: r.organisation_ids,
  abilities: recordAbilities(actor, "region", { id: r.id }),
});

const present = (actor: Actor, row: OrganisationRow): z.infer<typeof organisationSchema> => ({
  id: row.id,
  name: row.name,
  type: row.type as (typeof organisationTypes)[number],
  isCentralMunicipality: row.is_central_municipality,
  active: row.active,
  regionIds: row.region_ids,
  abilities: recordAbilities(actor, "organisation", { id: row.id, regionIds: row.region_ids }),
});

const auditActor = (actor: Actor, role: string) => ({ userId: actor.userId, organisationId: actor.organisationId, role });

export function organisationRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/organisations", {
      schema: { tags: ["Organisaties"], summary: "Organisaties in uw regio's", response: { 200: z.object({ items: z.array(organisationSchema) }).meta({ id: "OrganisationList" }) } },
    }, async (request) => {
      const actor = requireActor(request);
      const rows = await listOrganisations(kernel.db, accessFilter(actor, "list", "organisation", "o"));
      return { items: rows.map((row) => present(actor, row)) };
    });

    app.get("/organisations/:id", {
      schema: { tags: ["Organisaties"], summary: "Eén organisatie", params: idParams, response: { 200: organisationSchema } },
    }, async (request) => {
      const actor = requireActor(request);
      const row = await findOrganisation(kernel.db, request.params.id);
      if (!row) throw notFound();
      authorize(actor, "read", "organisation", { id: row.id, regionIds: row.region_ids }, { objectId: row.id });
      return present(actor, row);
    });

    app.post("/organisations", {
      schema: { tags: ["Organisaties"], summary: "Een organisatie aan een regio toevoegen", body: createBody, response: { 201: organisationSchema } },
    }, async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body;
      if (body.isCentralMunicipality && body.type !== "municipality") {
        throw invalidInput("Alleen een gemeente kan centrumgemeente zijn.", [{ name: "isCentralMunicipality", code: "custom", reason: "alleen voor gemeenten" }]);
      }
      const created = await kernel.db.transaction(async (tx) => {
        const role = authorize(actor, "create", "organisation", { regionIds: [body.regionId] }, { objectId: body.regionId });
        if (await organisationNameTaken(tx, body.name)) throw conflict("Er bestaat al een organisatie met deze naam.");
        const id = await insertOrganisation(tx, body);
        kernel.audit.record(tx, { actor: auditActor(actor, role), action: "create", objectType: "organisation", objectId: id, ownerOrganisationId: id, result: "success", clientAddress: request.ip, details: { name: body.name, type: body.type } });
        return (await findOrganisation(tx, id))!;
      });
      return reply.status(201).send(present(actor, created));
    });

    app.patch("/organisations/:id", {
      schema: { tags: ["Organisaties"], summary: "Een organisatie wijzigen", params: idParams, body: updateBody, response: { 200: organisationSchema } },
    }, async (request) => {
      const actor = requireActor(request);
      const updated = await kernel.db.transaction(async (tx) => {
        const row = await findOrganisation(tx, request.params.id);
        if (!row) throw notFound();
        const role = authorize(actor, "update", "organisation", { id: row.id, regionIds: row.region_ids }, { objectId: row.id, ownerOrganisationId: row.id });
        if (request.body.isCentralMunicipality && row.type !== "municipality") {
          throw invalidInput("Alleen een gemeente kan centrumgemeente zijn.", [{ name: "isCentralMunicipality", code: "custom", reason: "alleen voor gemeenten" }]);
        }
        if (request.body.name && (await organisationNameTaken(tx, request.body.name, row.id))) throw conflict("Er bestaat al een organisatie met deze naam.");
        await updateOrganisation(tx, row.id, request.body);
        kernel.audit.record(tx, { actor: auditActor(actor, role), action: "update", objectType: "organisation", objectId: row.id, ownerOrganisationId: row.id, result: "success", clientAddress: request.ip, details: { fields: Object.keys(request.body).sort() } });
        return (await findOrganisation(tx, row.id))!;
      });
      return present(actor, updated);
    });

    app.get("/regions", {
      schema: {
        tags: ["Organisaties"],
        summary: "Regio's waartoe uw organisatie behoort",
        response: { 200: z.object({ items: z.array(regionSchema) }).meta({ id: "RegionList" }) },
      },
    }, async (request) => {
      const actor = requireActor(request);
      const rows = await listRegions(kernel.db, accessFilter(actor, "list", "region", "r"));
      return { items: rows.map((r) => presentRegion(actor, r)) };
    });

    app.patch("/regions/:id", {
      schema: { tags: ["Organisaties"], summary: "Een regio wijzigen: de politie-eenheid waarin zij ligt en de drempel voor kleine aantallen", params: idParams, body: regionUpdateBody, response: { 200: regionSchema } },
    }, async (request) => {
      const actor = requireActor(request);
      return kernel.db.transaction(async (tx) => {
        const row = await findRegion(tx, request.params.id);
        if (!row) throw notFound();
        const role = authorize(actor, "update", "region", { id: row.id }, { objectId: row.id });
        await updateRegion(tx, row.id, request.body);
        kernel.audit.record(tx, { actor: auditActor(actor, role), action: "update", objectType: "region", objectId: row.id, result: "success", clientAddress: request.ip, details: { fields: Object.keys(request.body).sort(), policeUnit: request.body.policeUnit, suppressionThreshold: request.body.suppressionThreshold } });
        return presentRegion(actor, (await findRegion(tx, row.id))!);
      });
    });
  };
}
