import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Kernel } from "../../http/kernel.ts";
import { requireActor } from "../../http/auth.ts";
import { recordConsentFor } from "./consent.service.ts";
import { fileListSchema, teamCandidateSchema, victimFileSchema } from "./file-view.schema.ts";
import { consentBody, endMemberBody, fileListQuery, idParams, openFileBody, teamCandidateQuery, teamMemberBody, transitionBody, updateFileBody } from "./files.schema.ts";
import { getFileFor, listFilesFor, openFileFor, updateFileFor } from "./files.service.ts";
import { transitionFor } from "./lifecycle.service.ts";
import { memberParams } from "./plan.schema.ts";
import { addMemberFor, endMemberFor, teamCandidatesFor } from "./team.service.ts";

/** Victim files: opening, reading, the person, the trajectory's steps, the case team and consent. */
const tags = ["Slachtofferdossiers"];
const file = { 200: victimFileSchema };

export function fileRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/victim-files", {
      schema: { tags, summary: "De dossiers waarvan u in het casusteam zit", querystring: fileListQuery, response: { 200: fileListSchema } },
    }, async (request) => listFilesFor(kernel, requireActor(request), request.query, request.ip));

    app.post("/victim-files", {
      schema: { tags, summary: "Een slachtofferdossier openen, uit een doorverwijzing of rechtstreeks", body: openFileBody, response: { 201: victimFileSchema } },
    }, async (request, reply) => reply.status(201).send(await openFileFor(kernel, requireActor(request), request.body, request.ip)));

    app.get("/victim-files/:id", {
      schema: { tags, summary: "Eén dossier, voor zover uw doel in het casusteam dat toelaat", params: idParams, response: file },
    }, async (request) => getFileFor(kernel, requireActor(request), request.params.id, request.ip));

    app.patch("/victim-files/:id", {
      schema: { tags, summary: "Persoonsgegevens, vormen van uitbuiting en jeugdroute bijwerken", params: idParams, body: updateFileBody, response: file },
    }, async (request) => updateFileFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/victim-files/:id/transitions", {
      schema: { tags, summary: "Een stap in het zorgtraject: intake, actief, nazorg, afgesloten", params: idParams, body: transitionBody, response: file },
    }, async (request) => transitionFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/victim-files/:id/team-members", {
      schema: { tags, summary: "Iemand aan het casusteam toevoegen, voor een doel en een periode", params: idParams, body: teamMemberBody, response: file },
    }, async (request) => addMemberFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/victim-files/:id/team-members/:memberId/end", {
      schema: { tags, summary: "Een lidmaatschap van het casusteam beëindigen", params: memberParams, body: endMemberBody, response: file },
    }, async (request) => endMemberFor(kernel, requireActor(request), request.params.id, request.params.memberId, request.body, request.ip));

    app.get("/victim-files/:id/team-candidates", {
      schema: {
        tags,
        summary: "Medewerkers van een ketenpartner in de regio die aan het casusteam kunnen worden toegevoegd",
        params: idParams,
        querystring: teamCandidateQuery,
        response: { 200: z.array(teamCandidateSchema) },
      },
    }, async (request) => teamCandidatesFor(kernel, requireActor(request), request.params.id, request.query.organisationId, request.ip));

    app.post("/victim-files/:id/consents", {
      schema: { tags, summary: "Toestemming vastleggen: gegeven, geweigerd of ingetrokken, per doel en ontvanger", params: idParams, body: consentBody, response: file },
    }, async (request) => recordConsentFor(kernel, requireActor(request), request.params.id, request.body, request.ip));
  };
}
