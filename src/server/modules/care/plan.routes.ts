import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Kernel } from "../../http/kernel.ts";
import { requireActor } from "../../http/auth.ts";
import { victimFileSchema } from "./file-view.schema.ts";
import { idParams } from "./files.schema.ts";
import { occupancySchema } from "./overview.schema.ts";
import {
  goalBody, goalParams, goalUpdateBody, needBody, needParams, permitBody, permitDecisionBody, permitParams, placementBody, placementLeaveBody,
  placementParams, policeReportBody, reflectionBody, serviceBody, serviceParams, serviceUpdateBody,
} from "./plan.schema.ts";
import { addGoalFor, addPlacementFor, addServiceFor, leavePlacementFor, setNeedFor, shelterOccupancyFor, updateGoalFor, updateServiceFor } from "./plan.service.ts";
import { addPermitFor, decidePermitFor, setPoliceReportFor, setReflectionFor } from "./residence.service.ts";

/** The care plan, shelter placements and the residence scheme of a victim file. */
const planTags = ["Zorgplan en opvang"];
const residenceTags = ["Verblijfsregeling (B8/3)"];
const file = { 200: victimFileSchema };

export function planRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    app.put("/victim-files/:id/needs/:domain", {
      schema: { tags: planTags, summary: "De behoefte in één domein vastleggen", params: needParams, body: needBody, response: file },
    }, async (request) => setNeedFor(kernel, requireActor(request), request.params.id, request.params.domain, request.body, request.ip));

    app.post("/victim-files/:id/goals", {
      schema: { tags: planTags, summary: "Een doel met streefdatum toevoegen", params: idParams, body: goalBody, response: file },
    }, async (request) => addGoalFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.patch("/victim-files/:id/goals/:goalId", {
      schema: { tags: planTags, summary: "Een doel bijwerken, behalen of laten vallen", params: goalParams, body: goalUpdateBody, response: file },
    }, async (request) => updateGoalFor(kernel, requireActor(request), request.params.id, request.params.goalId, request.body, request.ip));

    app.post("/victim-files/:id/services", {
      schema: { tags: planTags, summary: "Een dienst van een aanbieder uit het netwerk inzetten", params: idParams, body: serviceBody, response: file },
    }, async (request) => addServiceFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.patch("/victim-files/:id/services/:serviceId", {
      schema: { tags: planTags, summary: "Een dienst bijwerken: periode en status", params: serviceParams, body: serviceUpdateBody, response: file },
    }, async (request) => updateServiceFor(kernel, requireActor(request), request.params.id, request.params.serviceId, request.body, request.ip));

    app.post("/victim-files/:id/shelter-placements", {
      schema: { tags: planTags, summary: "Instroom in een opvang (ook COSM) vastleggen", params: idParams, body: placementBody, response: file },
    }, async (request) => addPlacementFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/victim-files/:id/shelter-placements/:placementId/leave", {
      schema: { tags: planTags, summary: "Door- of uitstroom uit een opvang vastleggen", params: placementParams, body: placementLeaveBody, response: file },
    }, async (request) => leavePlacementFor(kernel, requireActor(request), request.params.id, request.params.placementId, request.body, request.ip));

    app.get("/shelter-occupancy", {
      schema: { tags: planTags, summary: "Huidige bezetting per opvang in uw regio's (aantallen)", response: { 200: occupancySchema } },
    }, async (request) => shelterOccupancyFor(kernel, requireActor(request)));

    app.put("/victim-files/:id/reflection-period", {
      schema: { tags: residenceTags, summary: "De bedenktijd (ten hoogste drie maanden) vastleggen of eerder beëindigen", params: idParams, body: reflectionBody, response: file },
    }, async (request) => setReflectionFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.put("/victim-files/:id/police-report", {
      schema: { tags: residenceTags, summary: "Aangifte: gedaan, niet gedaan of kan niet meewerken (met grond)", params: idParams, body: policeReportBody, response: file },
    }, async (request) => setPoliceReportFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/victim-files/:id/residence-permits", {
      schema: { tags: residenceTags, summary: "Een aanvraag voor een verblijfsvergunning (of verlenging) vastleggen", params: idParams, body: permitBody, response: file },
    }, async (request) => addPermitFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/victim-files/:id/residence-permits/:permitId/decision", {
      schema: { tags: residenceTags, summary: "De beslissing op een aanvraag vastleggen", params: permitParams, body: permitDecisionBody, response: file },
    }, async (request) => decidePermitFor(kernel, requireActor(request), request.params.id, request.params.permitId, request.body, request.ip));
  };
}
