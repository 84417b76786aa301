import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { requireActor } from "../../http/auth.ts";
import { createOfferFor, createSessionFor, getOfferFor, listOffersFor, updateOfferFor, updateSessionFor } from "./offers.service.ts";
import { MAX_FILE_BYTES } from "./participant-file.ts";
import { importParticipantsFor } from "./participant-import.ts";
import { addParticipantFor, getSessionFor, removeParticipantFor, updateParticipantFor } from "./participants.service.ts";
import { coverageFor, createTargetFor, deleteTargetFor, updateTargetFor } from "./targets.service.ts";
import { createTeamFor, listTeamsFor, listTrainingMunicipalitiesFor, updateTeamFor } from "./teams.service.ts";
import {
  coverageQuery, coverageSchema, idParams, importBody, importResultSchema, municipalityListSchema, municipalityQuery, offerBody, offerListSchema, offerSchema,
  offerUpdateBody, participantBody, participantUpdateBody, sessionBody, sessionSchema, sessionSummarySchema, sessionUpdateBody, targetBody, targetSchema,
  targetUpdateBody, teamBody, teamListSchema, teamSchema, teamUpdateBody,
} from "./training.schema.ts";

/** Expertise (deskundigheidsbevordering): teams, training offers and sessions, participants and their import, targets and coverage. */
const tags = ["Deskundigheid"];
const session = { 200: sessionSchema };

export function trainingRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/training-municipalities", {
      schema: { tags, summary: "De gemeenten waarvan u de deskundigheidsbevordering ziet of beheert", response: { 200: municipalityListSchema } },
    }, async (request) => listTrainingMunicipalitiesFor(kernel, requireActor(request), request.ip));

    app.get("/training-coverage", {
      schema: { tags, summary: "Per team: hoeveel medewerkers getraind zijn, tegen de doelen van de gemeente", querystring: coverageQuery, response: { 200: coverageSchema } },
    }, async (request) => coverageFor(kernel, requireActor(request), request.query, request.ip));

    app.get("/training-teams", {
      schema: { tags, summary: "De teams van een gemeente met hun aantal medewerkers", querystring: municipalityQuery, response: { 200: teamListSchema } },
    }, async (request) => listTeamsFor(kernel, requireActor(request), request.query.municipalityId, request.ip));

    app.post("/training-teams", {
      schema: { tags, summary: "Een team toevoegen", body: teamBody, response: { 201: teamSchema } },
    }, async (request, reply) => reply.status(201).send(await createTeamFor(kernel, requireActor(request), request.body, request.ip)));

    app.patch("/training-teams/:id", {
      schema: { tags, summary: "De naam of het aantal medewerkers van een team wijzigen", params: idParams, body: teamUpdateBody, response: { 200: teamSchema } },
    }, async (request) => updateTeamFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/training-targets", {
      schema: { tags, summary: "Een doel stellen: welk deel van een team op welke datum getraind is", body: targetBody, response: { 201: targetSchema } },
    }, async (request, reply) => reply.status(201).send(await createTargetFor(kernel, requireActor(request), request.body, request.ip)));

    app.patch("/training-targets/:id", {
      schema: { tags, summary: "Een doel wijzigen", params: idParams, body: targetUpdateBody, response: { 200: targetSchema } },
    }, async (request) => updateTargetFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.delete("/training-targets/:id", {
      schema: { tags, summary: "Een doel schrappen", params: idParams, response: { 204: z.null().describe("Geschrapt") } },
    }, async (request, reply) => {
      await deleteTargetFor(kernel, requireActor(request), request.params.id, request.ip);
      return reply.status(204).send(null);
    });

    app.get("/training-offers", {
      schema: { tags, summary: "Het trainingsaanbod van een gemeente", querystring: municipalityQuery, response: { 200: offerListSchema } },
    }, async (request) => listOffersFor(kernel, requireActor(request), request.query.municipalityId, request.ip));

    app.post("/training-offers", {
      schema: { tags, summary: "Een trainingsaanbod toevoegen (e-learning, themadag, bewustwordingssessie, campagne)", body: offerBody, response: { 201: offerSchema } },
    }, async (request, reply) => reply.status(201).send(await createOfferFor(kernel, requireActor(request), request.body, request.ip)));

    app.get("/training-offers/:id", {
      schema: { tags, summary: "Eén trainingsaanbod met zijn sessies", params: idParams, response: { 200: offerSchema } },
    }, async (request) => getOfferFor(kernel, requireActor(request), request.params.id, request.ip));

    app.patch("/training-offers/:id", {
      schema: { tags, summary: "Een trainingsaanbod wijzigen", params: idParams, body: offerUpdateBody, response: { 200: offerSchema } },
    }, async (request) => updateOfferFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/training-offers/:id/sessions", {
      schema: { tags, summary: "Een sessie van het aanbod plannen of vastleggen", params: idParams, body: sessionBody, response: { 201: sessionSummarySchema } },
    }, async (request, reply) => reply.status(201).send(await createSessionFor(kernel, requireActor(request), request.params.id, request.body, request.ip)));

    app.get("/training-sessions/:id", {
      schema: { tags, summary: "Eén sessie met haar deelnemers", params: idParams, response: session },
    }, async (request) => getSessionFor(kernel, requireActor(request), request.params.id, request.ip));

    app.patch("/training-sessions/:id", {
      schema: { tags, summary: "De data of plaats van een sessie wijzigen", params: idParams, body: sessionUpdateBody, response: { 200: sessionSummarySchema } },
    }, async (request) => updateSessionFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/training-sessions/:id/participants", {
      schema: { tags, summary: "Eén deelnemer toevoegen", params: idParams, body: participantBody, response: session },
    }, async (request) => addParticipantFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/training-sessions/:id/participant-imports", {
      // A base64-encoded file of at most 2 MB, with room for the JSON around it.
      bodyLimit: Math.ceil((MAX_FILE_BYTES * 4) / 3) + 64 * 1024,
      schema: {
        tags,
        summary: "Een deelnemerslijst inlezen (CSV of XLSX): alles of niets, met per regel de fout; met dryRun alleen controleren",
        params: idParams, body: importBody, response: { 200: importResultSchema },
      },
    }, async (request) => importParticipantsFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.patch("/training-participants/:id", {
      schema: { tags, summary: "Het resultaat of team van een deelnemer wijzigen", params: idParams, body: participantUpdateBody, response: session },
    }, async (request) => updateParticipantFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.delete("/training-participants/:id", {
      schema: { tags, summary: "Een deelnemer van de lijst halen", params: idParams, response: session },
    }, async (request) => removeParticipantFor(kernel, requireActor(request), request.params.id, request.ip));
  };
}
