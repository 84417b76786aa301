import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Kernel } from "../../http/kernel.ts";
import { requireActor } from "../../http/auth.ts";
import {
  actionLineBody, actionLineUpdateBody, activityBody, activityUpdateBody, idParams, planBody, planListSchema, planSchema, planUpdateBody, progressNoteBody,
  reportBody, reportFileSchema,
} from "./implementation-plan.schema.ts";
import { addLineFor, createPlanFor, deleteLineFor, getPlanFor, listPlansFor, updateLineFor, updatePlanFor } from "./implementation-plan.service.ts";
import { addActivityFor, addProgressFor, deleteActivityFor, updateActivityFor } from "./plan-activities.service.ts";
import { planReportFor } from "./plan-report.service.ts";

/** The implementation plan (uitvoeringsplan): plans, action lines, activities with progress and budget, reports. */
const tags = ["Uitvoeringsplan"];
const plan = { 200: planSchema };

export function implementationPlanRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/implementation-plans", {
      schema: { tags, summary: "De uitvoeringsplannen van uw gemeente en regio, met hun stand", response: { 200: planListSchema } },
    }, async (request) => listPlansFor(kernel, requireActor(request), request.ip));

    app.post("/implementation-plans", {
      schema: { tags, summary: "Een uitvoeringsplan opstellen, voor uw gemeente of (als centrumgemeente) voor de regio", body: planBody, response: { 201: planSchema } },
    }, async (request, reply) => reply.status(201).send(await createPlanFor(kernel, requireActor(request), request.body, request.ip)));

    app.get("/implementation-plans/:id", {
      schema: { tags, summary: "Eén plan met actielijnen, activiteiten, voortgang, begroting en overzicht", params: idParams, response: plan },
    }, async (request) => getPlanFor(kernel, requireActor(request), request.params.id, request.ip));

    app.patch("/implementation-plans/:id", {
      schema: { tags, summary: "Titel, omschrijving of looptijd van een plan wijzigen", params: idParams, body: planUpdateBody, response: plan },
    }, async (request) => updatePlanFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/implementation-plans/:id/reports", {
      schema: { tags, summary: "De voortgangsrapportage als PDF of XLSX", params: idParams, body: reportBody, response: { 200: reportFileSchema } },
    }, async (request) => planReportFor(kernel, requireActor(request), request.params.id, request.body.format, request.ip));

    app.post("/implementation-plans/:id/action-lines", {
      schema: { tags, summary: "Een actielijn toevoegen", params: idParams, body: actionLineBody, response: { 201: planSchema } },
    }, async (request, reply) => reply.status(201).send(await addLineFor(kernel, requireActor(request), request.params.id, request.body, request.ip)));

    app.patch("/plan-action-lines/:id", {
      schema: { tags, summary: "Een actielijn wijzigen", params: idParams, body: actionLineUpdateBody, response: plan },
    }, async (request) => updateLineFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.delete("/plan-action-lines/:id", {
      schema: { tags, summary: "Een actielijn zonder activiteiten verwijderen", params: idParams, response: plan },
    }, async (request) => deleteLineFor(kernel, requireActor(request), request.params.id, request.ip));

    app.post("/plan-action-lines/:id/activities", {
      schema: { tags, summary: "Een activiteit toevoegen, met resultaat, partners, doorlooptijd en begroting", params: idParams, body: activityBody, response: { 201: planSchema } },
    }, async (request, reply) => reply.status(201).send(await addActivityFor(kernel, requireActor(request), request.params.id, request.body, request.ip)));

    app.patch("/plan-activities/:id", {
      schema: { tags, summary: "Een activiteit wijzigen: status, partners, doorlooptijd of begroting", params: idParams, body: activityUpdateBody, response: plan },
    }, async (request) => updateActivityFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.delete("/plan-activities/:id", {
      schema: { tags, summary: "Een activiteit zonder voortgang verwijderen", params: idParams, response: plan },
    }, async (request) => deleteActivityFor(kernel, requireActor(request), request.params.id, request.ip));

    app.post("/plan-activities/:id/progress-notes", {
      schema: { tags, summary: "Voortgang bij een activiteit vastleggen (wordt toegevoegd, nooit gewijzigd)", params: idParams, body: progressNoteBody, response: { 201: planSchema } },
    }, async (request, reply) => reply.status(201).send(await addProgressFor(kernel, requireActor(request), request.params.id, request.body, request.ip)));
  };
}
