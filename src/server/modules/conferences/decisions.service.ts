import sql from "sql-template-tag";
import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { run, type Tx } from "../../kernel/db.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { invalidInput, notFound } from "../../kernel/errors.ts";
import { accessFilter, actingRole, authorize, type Actor } from "../../kernel/policy/policy.ts";
import { appendFileEvent } from "../care/files.repository.ts";
import { notifyUsers, usersOfOrganisationWithRoles } from "../notifications/notify.ts";
import { locationHash } from "../signals/intake.ts";
import { appendEvent, findSignal } from "../signals/signals.repository.ts";
import { actionRecipients, actionsWhere, findAction, findItem, insertAction, insertDecision, updateAction, type ActionRow, type ItemRow } from "./agenda.repository.ts";
import { itemCommand, requireDiscussion } from "./agenda.service.ts";
import { isAdministrative, type DecisionKind } from "./codes.ts";
import type { actionBody, actionListQuery, actionUpdateBody, decisionBody } from "./conferences.schema.ts";
import { insertMeasure } from "./measures.repository.ts";
import { presentAction } from "./meetings.presenter.ts";
import { findMeeting, participantsOf } from "./meetings.repository.ts";
import { auditActor, conferenceRefusal } from "./meetings.service.ts";

/**
 * What a meeting decides and agrees. A decision is an intervention of a kind; an administrative one enters
 * the municipality's register of measures for the address or business. Decisions and finished actions flow
 * back into the signal's or file's history, and the focal officer of the municipality (for a file: its
 * coordinators) is told: the feedback to the local level.
 */
const field = (name: string, code: string, reason: string) => [{ name, code, reason }];

/** Writes what happened into the subject's own history and tells the local level. */
async function flowBack(
  kernel: Kernel,
  tx: Tx,
  actor: Actor,
  item: ItemRow,
  meeting: { id: string; reference: string },
  entry: { kind: "conference_decision" | "conference_action_done"; text: string; details: Record<string, unknown>; notify: "conference_decision" | "conference_action_done"; dedupe: string },
  now: Date,
) {
  const details = { meeting: meeting.reference, meetingId: meeting.id, itemId: item.id, ...entry.details };
  if (item.subject_type === "signal" && item.signal_id) {
    await appendEvent(tx, {
      signalId: item.signal_id, occurredAt: now, actorUserId: actor.userId, actorOrganisationId: actor.organisationId, kind: entry.kind,
      reasonEnc: kernel.crypto.encrypt("signal_events.reason", entry.text), details,
    });
    const focal = item.municipality_id ? await usersOfOrganisationWithRoles(tx, item.municipality_id, ["focal_officer"]) : [];
    await notifyUsers(tx, { userIds: focal, kind: entry.notify, signalId: item.signal_id, meetingId: meeting.id, params: { reference: meeting.reference }, dedupeKey: entry.dedupe, now });
  } else if (item.victim_file_id) {
    await appendFileEvent(tx, {
      fileId: item.victim_file_id, occurredAt: now, actorUserId: actor.userId, actorOrganisationId: actor.organisationId, kind: entry.kind,
      reasonEnc: kernel.crypto.encrypt("victim_file_events.reason", entry.text), details,
    });
    const coordinators = await run<{ user_id: string }>(tx, sql`
      select m.user_id from case_team_members m where m.file_id = ${item.victim_file_id} and m.member_role = 'coordinator' and m.ended_at is null`);
    await notifyUsers(tx, { userIds: coordinators.map((c) => c.user_id), kind: entry.notify, victimFileId: item.victim_file_id, meetingId: meeting.id, params: { reference: meeting.reference }, dedupeKey: entry.dedupe, now });
  }
}

/** The address or business an administrative decision is about: given, or the signal's own location. */
async function measureLocation(kernel: Kernel, tx: Tx, item: ItemRow, given: z.infer<typeof decisionBody>["location"]) {
  if (given) return { kind: given.kind, location: given as Record<string, unknown>, hash: locationHash(kernel, given)! };
  if (item.subject_type !== "signal" || !item.signal_id) return null;
  const signal = (await findSignal(tx, item.signal_id))!;
  if (!signal.location_enc || !signal.location_hash || (signal.location_kind !== "address" && signal.location_kind !== "business")) return null;
  return { kind: signal.location_kind, location: JSON.parse(kernel.crypto.decrypt("signals.location", signal.location_enc)) as Record<string, unknown>, hash: signal.location_hash };
}

export function addDecisionFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof decisionBody>, clientAddress: string) {
  return itemCommand(kernel, actor, id, "record", clientAddress, async ({ tx, item, meeting, now }) => {
    requireDiscussion(item, meeting);
    const kind: DecisionKind = body.kind;
    let place: Awaited<ReturnType<typeof measureLocation>> = null;
    if (isAdministrative(kind)) {
      if (!item.municipality_id) throw invalidInput("Een bestuurlijke interventie hoort bij een signaal van een gemeente.", field("kind", "no_municipality", "alleen bij een signaal"));
      place = await measureLocation(kernel, tx, item, body.location);
      if (!place) throw invalidInput("Noem het adres (postcode en huisnummer) of het KvK-nummer waartegen de maatregel zich richt.", field("location", "required", "adres of bedrijf"));
    } else if (body.location) {
      throw invalidInput("Een adres of bedrijf hoort bij een bestuurlijke interventie.", field("location", "not_allowed", "alleen bij een bestuurlijke interventie"));
    }
    const decisionId = await insertDecision(tx, { itemId: item.id, kind, descriptionEnc: kernel.crypto.encrypt("conference_decisions.description", body.description), by: actor.userId, at: now });
    let measureId: string | null = null;
    if (place && item.municipality_id) {
      measureId = await insertMeasure(tx, {
        municipalityId: item.municipality_id, subjectKind: place.kind, locationEnc: kernel.crypto.encrypt("administrative_measures.location", JSON.stringify(place.location)),
        locationHash: place.hash, kind: kind as never, decisionId, decidedOn: dutchDate(now), outcome: "pending", outcomeOn: null, noteEnc: null, by: actor.userId, at: now,
      });
    }
    await flowBack(kernel, tx, actor, item, meeting, {
      kind: "conference_decision", text: body.description, details: { decisionKind: kind, decisionId, measureId },
      notify: "conference_decision", dedupe: `conference-decision:${decisionId}`,
    }, now);
    return { decisionId, kind, measureId };
  });
}

export function addActionFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof actionBody>, clientAddress: string) {
  return itemCommand(kernel, actor, id, "record", clientAddress, async ({ tx, item, meeting, now }) => {
    requireDiscussion(item, meeting);
    if (body.deadline < dutchDate(now)) throw invalidInput("De termijn ligt in het verleden.", field("deadline", "past_date", "vandaag of later"));
    const participants = await participantsOf(tx, meeting.id);
    const owners = new Set([...participants.map((p) => p.organisation_id), item.proposer_organisation_id, ...(item.municipality_id ? [item.municipality_id] : [])]);
    if (!owners.has(body.ownerOrganisationId)) {
      throw invalidInput("Een actie gaat naar een organisatie die aan het overleg deelneemt.", field("ownerOrganisationId", "not_participating", "geen deelnemer"));
    }
    if (body.ownerUserId) {
      const user = await run(tx, sql`select 1 from users where id = ${body.ownerUserId} and organisation_id = ${body.ownerOrganisationId} and active`);
      if (user.length === 0) throw invalidInput("Kies een medewerker van de organisatie die de actie neemt.", field("ownerUserId", "not_eligible", "niet van deze organisatie"));
    }
    const actionId = await insertAction(tx, {
      itemId: item.id, descriptionEnc: kernel.crypto.encrypt("conference_actions.description", body.description), ownerOrganisationId: body.ownerOrganisationId,
      ownerUserId: body.ownerUserId ?? null, deadline: body.deadline, by: actor.userId, at: now,
    });
    await notifyUsers(tx, {
      userIds: await actionRecipients(tx, { itemId: item.id, meetingId: meeting.id, ownerOrganisationId: body.ownerOrganisationId, ownerUserId: body.ownerUserId ?? null }),
      kind: "conference_action_assigned", meetingId: meeting.id,
      params: { reference: meeting.reference, deadline: body.deadline }, dedupeKey: `conference-action:${actionId}`, now,
    });
    return { actionId, ownerOrganisationId: body.ownerOrganisationId, deadline: body.deadline };
  });
}

function actionFacts(a: ActionRow) {
  return { meetingOrganisationId: a.meeting_organisation_id, ownerOrganisationId: a.owner_organisation_id };
}

export function updateActionFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof actionUpdateBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const first = await findAction(tx, id);
    if (!first) throw notFound();
    await findMeeting(tx, first.meeting_id, { forUpdate: true });
    const action = (await findAction(tx, id))!;
    const refs = { objectId: action.id, ownerOrganisationId: action.meeting_organisation_id };
    const role = authorize(actor, "update", "conference_action", actionFacts(action), refs);
    if (action.status !== "open" && body.status !== "open") throw conferenceRefusal("transition_not_allowed", "Deze actie is al afgerond of vervallen; zet haar eerst weer open.");
    if (action.status === body.status) throw conferenceRefusal("transition_not_allowed", "De actie heeft deze stand al.");
    if (body.status === "done" && !body.result) throw invalidInput("Beschrijf het resultaat van de actie.", field("result", "required", "verplicht bij afronden"));
    const now = kernel.now();
    await updateAction(tx, action.id, {
      status: body.status,
      resultEnc: kernel.crypto.encryptOptional("conference_actions.result", body.result ?? null),
      doneAt: body.status === "done" ? now : null,
      at: now,
    });
    if (body.status === "done") {
      const item = (await findItem(tx, action.item_id))!;
      await flowBack(kernel, tx, actor, item, { id: action.meeting_id, reference: action.meeting_reference }, {
        kind: "conference_action_done", text: `${kernel.crypto.decrypt("conference_actions.description", action.description_enc)} — ${body.result!}`,
        details: { actionId: action.id, owner: action.owner_organisation_name }, notify: "conference_action_done", dedupe: `conference-action-done:${action.id}`,
      }, now);
    }
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "update", objectType: "conference_action", ...refs, purpose: "casusoverleg", result: "success", clientAddress,
      details: { meeting: action.meeting_reference, from: action.status, to: body.status },
    });
    return presentAction(kernel, actor, (await findAction(tx, id))!, dutchDate(now));
  });
}

/** Open (or all) actions the actor may follow: an organisation its own, the organiser those of its meetings. */
export function listActionsFor(kernel: Kernel, actor: Actor, query: z.infer<typeof actionListQuery>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const now = kernel.now();
    const today = dutchDate(now);
    const conditions = [accessFilter(actor, "list", "conference_action", "ca", now)];
    if (query.status) conditions.push(sql`ca.status = ${query.status}`);
    if (query.meetingId) conditions.push(sql`ai.meeting_id = ${query.meetingId}`);
    if (query.overdue !== undefined) conditions.push(query.overdue ? sql`(ca.status = 'open' and ca.deadline < ${today}::date)` : sql`not (ca.status = 'open' and ca.deadline < ${today}::date)`);
    const where = conditions.reduce((a, b) => sql`${a} and ${b}`);
    const items = (await actionsWhere(tx, where)).map((a) => presentAction(kernel, actor, a, today));
    kernel.audit.record(tx, {
      actor: auditActor(actor, actingRole(actor, "list", "conference_action")), action: "list", objectType: "conference_action", result: "success", clientAddress,
      details: { count: items.length, status: query.status ?? null, meetingId: query.meetingId ?? null },
    });
    return { items };
  });
}
