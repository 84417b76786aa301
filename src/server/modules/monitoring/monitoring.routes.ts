import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Kernel } from "../../http/kernel.ts";
import { requireActor } from "../../http/auth.ts";
import { areasFor, dashboardFor } from "./dashboard.service.ts";
import { areaListSchema, dashboardQuery, dashboardSchema } from "./monitoring.schema.ts";

/** The monitor: the areas one may see and the dashboard of one area and period (aggregates only, never records). */
const tags = ["Monitor"];

export function monitoringRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/monitoring/areas", {
      schema: { tags, summary: "De gebieden waarvan u de monitor mag zien, en of u daar exacte aantallen ziet", response: { 200: areaListSchema } },
    }, async (request) => areasFor(kernel, requireActor(request)));

    app.get("/monitoring/dashboard", {
      schema: {
        tags,
        summary: "De cijfers van een gebied en periode: signalen, doorverwijzingen, meldroute, zorg, opvang, overleggen en interventies",
        querystring: dashboardQuery,
        response: { 200: dashboardSchema },
      },
    }, async (request) => dashboardFor(kernel, requireActor(request), request.query, request.ip));
  };
}
