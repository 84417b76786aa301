import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Kernel } from "../../http/kernel.ts";
import { requireActor } from "../../http/auth.ts";
import { createAgreementFor, getAgreementFor, listAgreementsFor, ownerCandidatesFor, updateAgreementFor } from "./agreements.service.ts";
import {
  agreementBody, agreementListQuery, agreementListSchema, agreementSchema, agreementUpdateBody, entryBody, entryListQuery, entryListSchema, entrySchema,
  entryUpdateBody, idParams, offersQuery, offersSchema, ownerCandidateQuery, ownerCandidateSchema,
} from "./network.schema.ts";
import { createEntryFor, getEntryFor, listEntriesFor, offersFor, updateEntryFor } from "./social-map.service.ts";

/** The network: the region's social map and its cooperation agreements and covenants. */
const tags = ["Sociale kaart"];

export function networkRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/social-map-entries", {
      schema: { tags, summary: "De sociale kaart van uw regio's, te filteren op aanbod en doelgroep", querystring: entryListQuery, response: { 200: entryListSchema } },
    }, async (request) => listEntriesFor(kernel, requireActor(request), request.query, request.ip));

    app.post("/social-map-entries", {
      schema: { tags, summary: "Een organisatie op de sociale kaart zetten, met aanbod, doelgroep, bereikbaarheid en contactpersonen", body: entryBody, response: { 201: entrySchema } },
    }, async (request, reply) => reply.status(201).send(await createEntryFor(kernel, requireActor(request), request.body, request.ip)));

    app.get("/social-map-entries/:id", {
      schema: { tags, summary: "Eén organisatie op de sociale kaart", params: idParams, response: { 200: entrySchema } },
    }, async (request) => getEntryFor(kernel, requireActor(request), request.params.id, request.ip));

    app.patch("/social-map-entries/:id", {
      schema: { tags, summary: "Een organisatie op de kaart bijwerken of eraf halen", params: idParams, body: entryUpdateBody, response: { 200: entrySchema } },
    }, async (request) => updateEntryFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.get("/organisation-offers", {
      schema: { tags, summary: "Wat de organisaties in Ketenzicht volgens de sociale kaart bieden (voor de keuzelijsten van zorg en doorverwijzing)", querystring: offersQuery, response: { 200: offersSchema } },
    }, async (request) => offersFor(kernel, requireActor(request), request.query));

    app.get("/cooperation-agreements", {
      schema: { tags, summary: "Samenwerkingsafspraken en convenanten van uw regio's", querystring: agreementListQuery, response: { 200: agreementListSchema } },
    }, async (request) => listAgreementsFor(kernel, requireActor(request), request.query, request.ip));

    app.post("/cooperation-agreements", {
      schema: { tags, summary: "Een samenwerkingsafspraak of convenant vastleggen", body: agreementBody, response: { 201: agreementSchema } },
    }, async (request, reply) => reply.status(201).send(await createAgreementFor(kernel, requireActor(request), request.body, request.ip)));

    app.get("/cooperation-agreements/:id", {
      schema: { tags, summary: "Eén samenwerkingsafspraak", params: idParams, response: { 200: agreementSchema } },
    }, async (request) => getAgreementFor(kernel, requireActor(request), request.params.id, request.ip));

    app.patch("/cooperation-agreements/:id", {
      schema: { tags, summary: "Een samenwerkingsafspraak wijzigen of verlengen", params: idParams, body: agreementUpdateBody, response: { 200: agreementSchema } },
    }, async (request) => updateAgreementFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.get("/agreement-owners", {
      schema: { tags, summary: "Wie een samenwerkingsafspraak kan bewaken: de beheerders van de sociale kaart in de regio", querystring: ownerCandidateQuery, response: { 200: ownerCandidateSchema } },
    }, async (request) => ownerCandidatesFor(kernel, requireActor(request), request.query, request.ip));
  };
}
