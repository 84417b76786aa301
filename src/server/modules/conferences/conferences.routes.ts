import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { requireActor } from "../../http/auth.ts";
import { admitItemFor, declineItemFor, proposeFileFor, proposeSignalFor, setNotesFor, withdrawItemFor } from "./agenda.service.ts";
import { delegateCandidatesFor } from "./candidates.service.ts";
import {
  actionBody, actionListQuery, candidateQuery, candidateSchema, actionListSchema, actionSchema, actionUpdateBody, decisionBody, declineBody, delegateParams, fileItemBody, idParams,
  locationHistoryQuery, locationHistorySchema, measureBody, measureListQuery, measureListSchema, measureSchema, measureUpdateBody, meetingBody,
  meetingListQuery, meetingListSchema, meetingSchema, meetingUpdateBody, minutesBody, minutesFileSchema, notesBody, organiserListSchema, participantBody,
  participantParams, signalItemBody,
} from "./conferences.schema.ts";
import { addActionFor, addDecisionFor, listActionsFor, updateActionFor } from "./decisions.service.ts";
import { createMeasureFor, listMeasuresFor, locationHistoryFor, updateMeasureFor } from "./measures.service.ts";
import {
  cancelMeetingFor, closeMeetingFor, createMeetingFor, getMeetingFor, inviteFor, listMeetingsFor, openMeetingFor, removeParticipantFor, updateMeetingFor,
} from "./meetings.service.ts";
import { minutesPdfFor } from "./minutes.service.ts";
import { meetingOrganisersFor } from "./organisers.service.ts";

/** Case conferences: meetings, their agenda, decisions and actions, minutes, and the register of measures. */
const tags = ["Casusoverleg"];
const measureTags = ["Bestuurlijke maatregelen"];
const meeting = { 200: meetingSchema };

export function conferenceRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/meetings", {
      schema: { tags, summary: "Overleggen die u organiseert, waarvoor u bent uitgenodigd, of in uw regio", querystring: meetingListQuery, response: { 200: meetingListSchema } },
    }, async (request) => listMeetingsFor(kernel, requireActor(request), request.query, request.ip));

    app.post("/meetings", {
      schema: { tags, summary: "Een overleg plannen", body: meetingBody, response: { 201: meetingSchema } },
    }, async (request, reply) => reply.status(201).send(await createMeetingFor(kernel, requireActor(request), request.body, request.ip)));

    app.get("/meeting-organisers", {
      schema: { tags, summary: "De voorzitters van uw organisatie: wie een nieuw overleg kan voorzitten of er secretaris van kan zijn", response: { 200: organiserListSchema } },
    }, async (request) => meetingOrganisersFor(kernel, requireActor(request), request.ip));

    app.get("/meetings/:id", {
      schema: { tags, summary: "Eén overleg met zijn agenda, voor zover u die mag zien", params: idParams, response: meeting },
    }, async (request) => getMeetingFor(kernel, requireActor(request), request.params.id, request.ip));

    app.patch("/meetings/:id", {
      schema: { tags, summary: "Een gepland overleg wijzigen", params: idParams, body: meetingUpdateBody, response: meeting },
    }, async (request) => updateMeetingFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/meetings/:id/participants", {
      schema: { tags, summary: "Een organisatie en haar deelnemers uitnodigen", params: idParams, body: participantBody, response: meeting },
    }, async (request) => inviteFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.get("/meetings/:id/candidates", {
      schema: {
        tags, summary: "Medewerkers van een organisatie in de regio die aan het overleg kunnen deelnemen", params: idParams, querystring: candidateQuery,
        response: { 200: z.array(candidateSchema) },
      },
    }, async (request) => delegateCandidatesFor(kernel, requireActor(request), request.params.id, request.query.organisationId, request.ip));

    app.delete("/meetings/:id/participants/:organisationId", {
      schema: { tags, summary: "Een uitgenodigde organisatie weer afmelden", params: participantParams, response: meeting },
    }, async (request) => removeParticipantFor(kernel, requireActor(request), request.params.id, request.params.organisationId, undefined, request.ip));

    app.delete("/meetings/:id/participants/:organisationId/delegates/:userId", {
      schema: { tags, summary: "Een deelnemer afmelden", params: delegateParams, response: meeting },
    }, async (request) => removeParticipantFor(kernel, requireActor(request), request.params.id, request.params.organisationId, request.params.userId, request.ip));

    app.post("/meetings/:id/open", {
      schema: { tags, summary: "Het overleg openen: de deelnemers zien nu de agendapunten", params: idParams, response: meeting },
    }, async (request) => openMeetingFor(kernel, requireActor(request), request.params.id, request.ip));

    app.post("/meetings/:id/close", {
      schema: { tags, summary: "Het overleg sluiten: alleen organisaties met een actie houden hun punt", params: idParams, response: meeting },
    }, async (request) => closeMeetingFor(kernel, requireActor(request), request.params.id, request.ip));

    app.post("/meetings/:id/cancel", {
      schema: { tags, summary: "Een gepland overleg annuleren", params: idParams, response: meeting },
    }, async (request) => cancelMeetingFor(kernel, requireActor(request), request.params.id, request.ip));

    app.post("/meetings/:id/minutes", {
      schema: { tags, summary: "Het verslag als PDF voor één organisatie, afgeschermd naar wat zij mag zien", params: idParams, body: minutesBody, response: { 200: minutesFileSchema } },
    }, async (request) => minutesPdfFor(kernel, requireActor(request), request.params.id, request.body.organisationId, request.ip));

    app.post("/signals/:id/conference-items", {
      schema: { tags, summary: "Een signaal inbrengen in een overleg, met een vraag en de gedeelde delen", params: idParams, body: signalItemBody, response: meeting },
    }, async (request) => proposeSignalFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/victim-files/:id/conference-items", {
      schema: { tags, summary: "Een slachtofferdossier inbrengen in een overleg (met toestemming of wettelijke grondslag)", params: idParams, body: fileItemBody, response: meeting },
    }, async (request) => proposeFileFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/agenda-items/:id/admit", {
      schema: { tags, summary: "Een voorgesteld punt toelaten tot de agenda", params: idParams, response: meeting },
    }, async (request) => admitItemFor(kernel, requireActor(request), request.params.id, request.ip));

    app.post("/agenda-items/:id/decline", {
      schema: { tags, summary: "Een voorgesteld punt afwijzen, met reden", params: idParams, body: declineBody, response: meeting },
    }, async (request) => declineItemFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/agenda-items/:id/withdraw", {
      schema: { tags, summary: "Een ingebracht punt intrekken", params: idParams, response: meeting },
    }, async (request) => withdrawItemFor(kernel, requireActor(request), request.params.id, request.ip));

    app.put("/agenda-items/:id/notes", {
      schema: { tags, summary: "Aantekeningen bij een agendapunt", params: idParams, body: notesBody, response: meeting },
    }, async (request) => setNotesFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/agenda-items/:id/decisions", {
      schema: { tags, summary: "Een besluit (interventie) vastleggen; het gaat terug naar het signaal of dossier", params: idParams, body: decisionBody, response: meeting },
    }, async (request) => addDecisionFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.post("/agenda-items/:id/actions", {
      schema: { tags, summary: "Een actie vastleggen, met eigenaar en termijn", params: idParams, body: actionBody, response: meeting },
    }, async (request) => addActionFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.get("/conference-actions", {
      schema: { tags, summary: "Acties uit overleggen: van uw organisatie, of van uw overleggen", querystring: actionListQuery, response: { 200: actionListSchema } },
    }, async (request) => listActionsFor(kernel, requireActor(request), request.query, request.ip));

    app.patch("/conference-actions/:id", {
      schema: { tags, summary: "Een actie afronden of laten vervallen, met het resultaat", params: idParams, body: actionUpdateBody, response: { 200: actionSchema } },
    }, async (request) => updateActionFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.get("/administrative-measures", {
      schema: { tags: measureTags, summary: "Het register van bestuurlijke maatregelen van uw gemeente", querystring: measureListQuery, response: { 200: measureListSchema } },
    }, async (request) => listMeasuresFor(kernel, requireActor(request), request.query, request.ip));

    app.post("/administrative-measures", {
      schema: { tags: measureTags, summary: "Een maatregel tegen een adres of bedrijf vastleggen", body: measureBody, response: { 201: measureSchema } },
    }, async (request, reply) => reply.status(201).send(await createMeasureFor(kernel, requireActor(request), request.body, request.ip)));

    app.patch("/administrative-measures/:id", {
      schema: { tags: measureTags, summary: "De uitkomst van een maatregel vastleggen", params: idParams, body: measureUpdateBody, response: { 200: measureSchema } },
    }, async (request) => updateMeasureFor(kernel, requireActor(request), request.params.id, request.body, request.ip));

    app.get("/location-history", {
      schema: { tags: measureTags, summary: "De geschiedenis van een adres of bedrijf: signalen en maatregelen van uw gemeente", querystring: locationHistoryQuery, response: { 200: locationHistorySchema } },
    }, async (request) => locationHistoryFor(kernel, requireActor(request), request.query, request.ip));
  };
}
