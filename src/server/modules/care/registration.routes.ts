import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Kernel } from "../../http/kernel.ts";
import { requireActor } from "../../http/auth.ts";
import { exportFileSchema, victimFileSchema } from "./file-view.schema.ts";
import { idParams } from "./files.schema.ts";
import { networkQuery, networkSchema, overviewSchema, transferListQuery, transferListSchema, transferSchema } from "./overview.schema.ts";
import { careNetworkFor, careOverviewFor } from "./overview.service.ts";
import { comenshaExportBody, comenshaRegistrationBody, htcdsExportBody, transferBody, transferDeclineBody } from "./plan.schema.ts";
import { exportComenshaFor, exportHtcdsFor, registerComenshaFor } from "./registration.service.ts";
import { acceptTransferFor, declineTransferFor, listTransfersFor, proposeTransferFor, withdrawTransferFor } from "./transfer.service.ts";

/** Registrations that leave Ketenzicht, transfers between regions, the coordinator's overview and network. */
const tags = ["Registratie en overdracht"];
const overviewTags = ["Zorgcoördinatie"];

export function registrationRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/care-overview", {
      schema: { tags: overviewTags, summary: "Overzicht voor de zorgcoördinator: lopende trajecten, wat deze week moet, wachtende doorverwijzingen", response: { 200: overviewSchema } },
    }, async (request) => careOverviewFor(kernel, requireActor(request), request.ip));

    app.get("/care-network", {
      schema: { tags: overviewTags, summary: "Organisaties in het netwerk van uw regio's, en de zorgcoördinatie van andere regio's", querystring: networkQuery, response: { 200: networkSchema } },
    }, async (request) => careNetworkFor(kernel, requireActor(request), request.query.regionId));

    app.post("/victim-files/:id/comensha-exports", {
      schema: { tags, summary: "Het registratiebestand voor CoMensha aanmaken (met toestemming of wettelijke grondslag)", params: idParams, body: comenshaExportBody, response: { 200: exportFileSchema } },
    }, async (request) => exportComenshaFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/victim-files/:id/comensha-registration", {
      schema: { tags, summary: "Vastleggen dat en wanneer de registratie bij CoMensha is gedaan", params: idParams, body: comenshaRegistrationBody, response: { 200: victimFileSchema } },
    }, async (request) => registerComenshaFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/victim-files/:id/htcds-exports", {
      schema: { tags, summary: "Het dossier als IOM HTCDS 2.0-bestand voor een internationale partner", params: idParams, body: htcdsExportBody, response: { 200: exportFileSchema } },
    }, async (request) => exportHtcdsFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/victim-files/:id/transfers", {
      schema: { tags, summary: "Het dossier overdragen aan de zorgcoördinatie van een andere regio", params: idParams, body: transferBody, response: { 200: victimFileSchema } },
    }, async (request) => proposeTransferFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.get("/victim-file-transfers", {
      schema: { tags, summary: "Overdrachten naar uw organisatie en van uw dossiers", querystring: transferListQuery, response: { 200: transferListSchema } },
    }, async (request) => listTransfersFor(kernel, requireActor(request), request.query.status, request.ip));

    app.post("/victim-file-transfers/:id/accept", {
      schema: { tags, summary: "Een overdracht accepteren: het dossier gaat verder in uw organisatie", params: idParams, response: { 200: victimFileSchema } },
    }, async (request) => acceptTransferFor(kernel, requireActor(request), request.params.id, request.ip));

    app.post("/victim-file-transfers/:id/decline", {
      schema: { tags, summary: "Een overdracht weigeren, met reden", params: idParams, body: transferDeclineBody, response: { 200: transferSchema } },
    }, async (request) => declineTransferFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/victim-file-transfers/:id/withdraw", {
      schema: { tags, summary: "Een overdracht intrekken", params: idParams, response: { 200: transferSchema } },
    }, async (request) => withdrawTransferFor(kernel, requireActor(request), request.params.id, request.ip));
  };
}
