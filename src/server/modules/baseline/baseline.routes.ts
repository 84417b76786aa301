import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Kernel } from "../../http/kernel.ts";
import { requireActor } from "../../http/auth.ts";
import { attestationBody, checklistSchema, idParams, overviewQuery, overviewSchema } from "./baseline.schema.ts";
import { attestFor, checklistFor, overviewFor } from "./baseline.service.ts";

/** The baseline checklist for the municipal approach (basisniveau bestuurlijke aanpak mensenhandel). */
const tags = ["Basisniveau"];

export function baselineRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/baseline-checklists", {
      schema: {
        tags, summary: "Welke gemeenten in uw regio('s) aan het basisniveau voldoen: per gemeente en criterium voldaan, niet voldaan of niet verklaard",
        querystring: overviewQuery, response: { 200: overviewSchema },
      },
    }, async (request) => overviewFor(kernel, requireActor(request), request.query, request.ip));

    app.get("/municipalities/:id/baseline-checklist", {
      schema: { tags, summary: "Het basisniveau van één gemeente, met alle verklaringen", params: idParams, response: { 200: checklistSchema } },
    }, async (request) => checklistFor(kernel, requireActor(request), request.params.id, request.ip));

    app.post("/municipalities/:id/baseline-attestations", {
      schema: {
        tags, summary: "Verklaren dat de gemeente wel of niet aan een criterium voldoet, met een document of toelichting",
        params: idParams, body: attestationBody, response: { 201: checklistSchema },
      },
    }, async (request, reply) => reply.status(201).send(await attestFor(kernel, requireActor(request), request.params.id, request.body, request.ip)));
  };
}
