import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { requireActor } from "../../http/auth.ts";
import { MAX_CONTENT_CHARS } from "./historic.ts";
import { historicIdParams, historicImportBody, historicImportResultSchema, historicListSchema, historicQuery } from "./historic.schema.ts";
import { deleteHistoricFor, importHistoricFor, listHistoricFor } from "./historic.service.ts";

/** The monitor's historic figures: counts of the years before Ketenzicht, imported from a CSV file. */
const tags = ["Monitor"];

export function historicRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/monitoring/historic-figures", {
      schema: {
        tags, summary: "De ingelezen cijfers van jaren vóór Ketenzicht, per gebied en jaar, met bron en wie ze inlas",
        querystring: historicQuery, response: { 200: historicListSchema },
      },
    }, async (request) => listHistoricFor(kernel, requireActor(request), request.query, request.ip));

    app.post("/monitoring/historic-figures", {
      // Up to a million characters of CSV (UTF-8: at most 4 bytes each), with room for the JSON around it.
      bodyLimit: MAX_CONTENT_CHARS * 4 + 64 * 1024,
      schema: {
        tags,
        summary: "Cijfers van eerdere jaren inlezen (CSV): alles of niets, met per regel de fout; met dryRun alleen controleren",
        body: historicImportBody, response: { 200: historicImportResultSchema },
      },
    }, async (request) => importHistoricFor(kernel, requireActor(request), request.body, request.ip));

    app.delete("/monitoring/historic-figures/:id", {
      schema: { tags, summary: "Een ingelezen cijfer schrappen", params: historicIdParams, response: { 204: z.null().describe("Geschrapt") } },
    }, async (request, reply) => {
      await deleteHistoricFor(kernel, requireActor(request), request.params.id, request.ip);
      return reply.status(204).send(null);
    });
  };
}
