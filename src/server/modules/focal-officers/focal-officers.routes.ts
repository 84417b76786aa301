import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Kernel } from "../../http/kernel.ts";
import { requireActor } from "../../http/auth.ts";
import {
  candidatesSchema, createBody, idParams, municipalityOfficersSchema, overviewQuery, overviewSchema, updateBody,
} from "./focal-officers.schema.ts";
import { candidatesFor, createFor, endFor, overviewFor, updateFor } from "./focal-officers.service.ts";

/** Focal officers (aandachtsfunctionarissen) per municipality and the region's overview. */
const tags = ["Aandachtsfunctionarissen"];
const municipality = { 200: municipalityOfficersSchema };

export function focalOfficerRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/focal-officers", {
      schema: {
        tags, summary: "De aandachtsfunctionarissen van de gemeenten in uw regio('s), met gemeenten zonder of met maar één gemarkeerd",
        querystring: overviewQuery, response: { 200: overviewSchema },
      },
    }, async (request) => overviewFor(kernel, requireActor(request), request.query, request.ip));

    app.get("/municipalities/:id/focal-officer-candidates", {
      schema: { tags, summary: "Wie u als aandachtsfunctionaris kunt benoemen, en wie kan vervangen", params: idParams, response: { 200: candidatesSchema } },
    }, async (request) => candidatesFor(kernel, requireActor(request), request.params.id, request.ip));

    app.post("/municipalities/:id/focal-officers", {
      schema: {
        tags, summary: "Een aandachtsfunctionaris benoemen voor een domein, met een vervanger; geeft de aandachtsfunctionarissen van de gemeente terug",
        params: idParams, body: createBody, response: { 201: municipalityOfficersSchema },
      },
    }, async (request, reply) => reply.status(201).send(await createFor(kernel, requireActor(request), request.params.id, request.body, request.ip)));

    app.patch("/focal-officers/:id", {
      schema: { tags, summary: "Het domein of de vervanger van een aandachtsfunctionaris wijzigen", params: idParams, body: updateBody, response: municipality },
    }, async (request) => updateFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.delete("/focal-officers/:id", {
      schema: { tags, summary: "Een benoeming beëindigen (de geschiedenis blijft bewaard)", params: idParams, response: municipality },
    }, async (request) => endFor(kernel, requireActor(request), request.params.id, request.ip));
  };
}
