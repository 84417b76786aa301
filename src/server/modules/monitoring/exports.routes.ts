import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { requireActor } from "../../http/auth.ts";
import { setExportLog, stopExports } from "./exports.jobs.ts";
import { exportBody, exportIdParams, exportJobSchema } from "./exports.schema.ts";
import { createExportFor, exportFileFor, getExportFor } from "./exports.service.ts";

/** Monitor exports: CSV and XLSX of the tables, the annual monitor report and the evaluation report as PDF. */
const tags = ["Monitor"];

export function exportRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    setExportLog(kernel, (message, error) => app.log.error({ err: error }, message));
    // The job in progress finishes before the database closes; queued ones are marked interrupted.
    app.addHook("onClose", async () => stopExports(kernel));

    app.post("/monitoring/exports", {
      schema: {
        tags,
        summary: "Een export van de monitor laten maken (CSV, XLSX of PDF); het bestand wordt op de achtergrond gemaakt",
        body: exportBody, response: { 202: exportJobSchema },
      },
    }, async (request, reply) => reply.status(202).send(await createExportFor(kernel, requireActor(request), request.body, request.ip)));

    app.get("/monitoring/exports/:id", {
      schema: { tags, summary: "De voortgang van uw export", params: exportIdParams, response: { 200: exportJobSchema } },
    }, async (request) => getExportFor(kernel, requireActor(request), request.params.id));

    app.get("/monitoring/exports/:id/file", {
      schema: {
        tags,
        summary: "Het bestand van uw export ophalen, zodra het klaar is (tot 24 uur na de aanvraag)",
        params: exportIdParams,
        produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf"],
        response: { 200: z.any().describe("Het bestand (CSV, XLSX of PDF), als bijlage") },
      },
    }, async (request, reply) => {
      const file = await exportFileFor(kernel, requireActor(request), request.params.id);
      return reply
        .type(file.mediaType)
        .header("Content-Disposition", `attachment; filename="${file.fileName}"`)
        .header("X-Content-Type-Options", "nosniff")
        .send(file.bytes);
    });
  };
}
