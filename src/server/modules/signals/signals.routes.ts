import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Kernel } from "../../http/kernel.ts";
import { requireActor } from "../../http/auth.ts";
import { submitSignal } from "./intake.ts";
import { acceptFor, declineFor, feedbackFor } from "./referrals.service.ts";
import { enrichFor, mergeFor, referFor, reopenFor, transitionFor } from "./route.service.ts";
import { getSignalFor, mineFor, municipalitiesFor, queueFor } from "./signals.service.ts";
import {
  declineBody,
  enrichmentBody,
  feedbackBody,
  idParams,
  intakeBody,
  mergeBody,
  municipalityOptionSchema,
  ownSignalListSchema,
  queueQuery,
  queueSchema,
  referralBody,
  referralSchema,
  reopenBody,
  signalSchema,
  submittedSchema,
  transitionBody,
} from "./signals.schema.ts";

const tags = ["Signalen"];
const referralTags = ["Doorverwijzingen"];
const idempotencyHeaders = z.object({
  "idempotency-key": z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,100}$/, "8 tot 100 letters, cijfers, - of _")
    .optional()
    .describe("Dezelfde sleutel bij een herhaald verzoek levert hetzelfde signaal op in plaats van een tweede"),
});

export function signalRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/signals/municipalities", {
      schema: { tags, summary: "Gemeenten waar u een signaal kunt melden", response: { 200: z.array(municipalityOptionSchema) } },
    }, async (request) => municipalitiesFor(kernel, requireActor(request)));

    app.post("/signals", {
      schema: {
        tags,
        summary: "Een signaal melden (stap 1 van de meldroute)",
        headers: idempotencyHeaders,
        body: intakeBody,
        response: { 200: submittedSchema, 201: submittedSchema },
      },
    }, async (request, reply) => {
      const submitted = await submitSignal(kernel, requireActor(request), request.body, request.headers["idempotency-key"], request.ip);
      const { created, ...body } = submitted;
      return reply.status(created ? 201 : 200).send(body);
    });

    app.get("/signals", {
      schema: { tags, summary: "Werkvoorraad: signalen van uw gemeente of doorgezet naar uw organisatie", querystring: queueQuery, response: { 200: queueSchema } },
    }, async (request) => queueFor(kernel, requireActor(request), request.query, request.ip));

    app.get("/signals/mine", {
      schema: {
        tags,
        summary: "Mijn signalen: status en terugkoppeling voor de melder",
        querystring: z.object({
          page: z.coerce.number().int().min(1).max(100_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(25),
        }).strict(),
        response: { 200: ownSignalListSchema },
      },
    }, async (request) => mineFor(kernel, requireActor(request), request.query.page, request.query.pageSize, request.ip));

    app.get("/signals/:id", {
      schema: { tags, summary: "Eén signaal, voor zover u het mag zien", params: idParams, response: { 200: signalSchema } },
    }, async (request) => getSignalFor(kernel, requireActor(request), request.params.id, request.ip));

    app.post("/signals/:id/transitions", {
      schema: { tags, summary: "Een stap in de meldroute zetten", params: idParams, body: transitionBody, response: { 200: signalSchema } },
    }, async (request) => transitionFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/signals/:id/enrichments", {
      schema: { tags, summary: "Informatie toevoegen: BRP-bevraging of notitie (stap 2)", params: idParams, body: enrichmentBody, response: { 200: signalSchema } },
    }, async (request) => enrichFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/signals/:id/referrals", {
      schema: { tags, summary: "Doorzetten naar een ketenpartner (stap 4)", params: idParams, body: referralBody, response: { 200: signalSchema } },
    }, async (request) => referFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/signals/:id/merge", {
      schema: { tags, summary: "Een dubbel signaal samenvoegen met een ander", params: idParams, body: mergeBody, response: { 200: signalSchema } },
    }, async (request) => mergeFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/signals/:id/reopen", {
      schema: { tags, summary: "Een gesloten signaal heropenen", params: idParams, body: reopenBody, response: { 200: signalSchema } },
    }, async (request) => reopenFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/referrals/:id/accept", {
      schema: { tags: referralTags, summary: "Een doorverwijzing accepteren", params: idParams, response: { 200: referralSchema } },
    }, async (request) => acceptFor(kernel, requireActor(request), request.params.id, request.ip));

    app.post("/referrals/:id/decline", {
      schema: { tags: referralTags, summary: "Een doorverwijzing afwijzen, met reden", params: idParams, body: declineBody, response: { 200: referralSchema } },
    }, async (request) => declineFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/referrals/:id/feedback", {
      schema: { tags: referralTags, summary: "Terugkoppeling geven op een doorverwijzing", params: idParams, body: feedbackBody, response: { 200: referralSchema } },
    }, async (request) => feedbackFor(kernel, requireActor(request), request.params.id, request.body, request.ip));
  };
}
