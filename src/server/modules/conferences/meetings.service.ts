import sql from "sql-template-tag";
import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { run, type Tx } from "../../kernel/db.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { AppError, invalidInput, notFound } from "../../kernel/errors.ts";
import type { ActionOf, Role } from "../../kernel/policy/matrix.ts";
import { accessFilter, actingRole, authorize, type Actor } from "../../kernel/policy/policy.ts";
import { notifyUsers } from "../notifications/notify.ts";
import { delegateRoles } from "./codes.ts";
import type { meetingBody, meetingListQuery, meetingUpdateBody, participantBody } from "./conferences.schema.ts";
import { itemRefs, meetingFacts, presentMeeting } from "./meetings.presenter.ts";
import {
  addParticipant, findMeeting, insertMeeting, itemCounts, listMeetings, nextMeetingReference, participantsOf, removeParticipant, updateMeeting, type MeetingRow,
} from "./meetings.repository.ts";

/**
 * Planning and running meetings: the organising organisation's chairs and secretaries plan a meeting, invite
 * organisations and their delegates, open it (from two hours before the start) and close it. Reading a
 * meeting reads the agenda items the actor may read; each such read is audited with its data subject.
 */
export const auditActor = (actor: Actor, role: Role | null) => ({ userId: actor.userId, organisationId: actor.organisationId, role });
export const meetingRefs = (row: MeetingRow) => ({ objectId: row.id, ownerOrganisationId: row.organisation_id });

export function conferenceRefusal(code: AppError["code"], message: string, field?: string): AppError {
  return new AppError(409, code, "Niet mogelijk", message, field ? [{ name: field, code, reason: message }] : []);
}

const field = (name: string, code: string, reason: string) => [{ name, code, reason }];
const OPEN_BEFORE_MS = 2 * 3_600_000;
const MAX_DURATION_MS = 12 * 3_600_000;

/** Reading a meeting and what it shows of its items, audited: the meeting, and every item whose content was sent. */
export async function readMeeting(kernel: Kernel, tx: Tx, actor: Actor, row: MeetingRow, role: Role, clientAddress: string) {
  const { meeting, readableItems } = await presentMeeting(kernel, tx, actor, row);
  kernel.audit.record(tx, {
    actor: auditActor(actor, role), action: "read", objectType: "meeting", ...meetingRefs(row), purpose: "casusoverleg", result: "success", clientAddress,
    details: { reference: row.reference, items: meeting.agenda.length },
  });
  for (const item of readableItems) {
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "read", objectType: "agenda_item", ...itemRefs(item), purpose: "casusoverleg", result: "success", clientAddress,
      details: { meeting: row.reference, subject: item.subject_reference },
    });
  }
  return meeting;
}

export function meetingCommand(
  kernel: Kernel,
  actor: Actor,
  id: string,
  action: ActionOf<"meeting">,
  clientAddress: string,
  work: (ctx: { tx: Tx; row: MeetingRow; now: Date; role: Role }) => Promise<Record<string, unknown>>,
) {
  return kernel.db.transaction(async (tx) => {
    const row = await findMeeting(tx, id, { forUpdate: true });
    if (!row) throw notFound();
    const role = authorize(actor, action, "meeting", meetingFacts(row), meetingRefs(row));
    const now = kernel.now();
    const details = await work({ tx, row, now, role });
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "update", objectType: "meeting", ...meetingRefs(row), purpose: "casusoverleg", result: "success", clientAddress,
      details: { reference: row.reference, command: action, ...details },
    });
    return readMeeting(kernel, tx, actor, (await findMeeting(tx, id))!, role, clientAddress);
  });
}

/** A chair or secretary: a conference chair of the organising organisation. */
async function checkOrganiserUser(tx: Tx, userId: string | null | undefined, organisationId: string, name: string) {
  if (!userId) return;
  const rows = await run(tx, sql`
    select 1 from users u join user_roles r on r.user_id = u.id
     where u.id = ${userId} and u.active and u.organisation_id = ${organisationId} and r.role = 'conference_chair'`);
  if (rows.length === 0) throw invalidInput("Kies een voorzitter of secretaris van de organiserende organisatie.", field(name, "not_eligible", "geen voorzitter of secretaris van deze organisatie"));
}

/** A secretary is someone other than the chair: the two roles of a meeting are held by two people. */
function checkSecretary(chair: string | null, secretary: string | null | undefined) {
  if (secretary && secretary === chair) {
    throw invalidInput("Kies als secretaris een ander dan de voorzitter.", field("secretaryUserId", "same_as_chair", "een ander dan de voorzitter"));
  }
}

function checkTimes(startsAt: Date, endsAt: Date, now: Date) {
  if (endsAt <= startsAt) throw invalidInput("Het overleg eindigt na het begin.", field("endsAt", "before_start", "na het begin"));
  if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MS) throw invalidInput("Een overleg duurt ten hoogste twaalf uur.", field("endsAt", "too_long", "ten hoogste twaalf uur"));
  if (endsAt <= now) throw invalidInput("Een overleg wordt niet in het verleden gepland.", field("startsAt", "past", "in de toekomst"));
}

export function createMeetingFor(kernel: Kernel, actor: Actor, body: z.infer<typeof meetingBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const regionId = body.regionId ?? (actor.regionIds.length === 1 ? actor.regionIds[0] : undefined);
    if (!regionId || !actor.regionIds.includes(regionId)) throw invalidInput("Kies de regio van het overleg.", field("regionId", "required", "een regio van uw organisatie"));
    const role = authorize(actor, "create", "meeting", { organisationId: actor.organisationId, regionId, delegateUserIds: [], actionOwnerUserIds: [] });
    const now = kernel.now();
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(body.endsAt);
    checkTimes(startsAt, endsAt, now);
    const chair = body.chairUserId ?? actor.userId;
    await checkOrganiserUser(tx, chair, actor.organisationId, "chairUserId");
    await checkOrganiserUser(tx, body.secretaryUserId, actor.organisationId, "secretaryUserId");
    checkSecretary(chair, body.secretaryUserId);
    const reference = await nextMeetingReference(tx, Number(dutchDate(startsAt).slice(0, 4)));
    const id = await insertMeeting(tx, {
      reference, organisationId: actor.organisationId, regionId, kind: body.kind, title: body.title, startsAt, endsAt,
      location: body.location ?? null, videoLinkEnc: kernel.crypto.encryptOptional("meetings.video_link", body.videoLink), chairUserId: chair,
      secretaryUserId: body.secretaryUserId ?? null, createdBy: actor.userId, at: now,
    });
    // The organiser takes part: its chair and secretary are its delegates.
    await addParticipant(tx, { meetingId: id, organisationId: actor.organisationId, userId: null, by: actor.userId, at: now });
    for (const userId of new Set([chair, body.secretaryUserId].filter((u): u is string => Boolean(u)))) {
      await addParticipant(tx, { meetingId: id, organisationId: actor.organisationId, userId, by: actor.userId, at: now });
    }
    const row = (await findMeeting(tx, id))!;
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "create", objectType: "meeting", ...meetingRefs(row), purpose: "casusoverleg", result: "success", clientAddress,
      details: { reference, kind: body.kind, startsAt: body.startsAt },
    });
    return readMeeting(kernel, tx, actor, row, role, clientAddress);
  });
}

export function updateMeetingFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof meetingUpdateBody>, clientAddress: string) {
  return meetingCommand(kernel, actor, id, "update", clientAddress, async ({ tx, row, now }) => {
    if (row.status !== "planned") throw conferenceRefusal("transition_not_allowed", "Alleen een gepland overleg wordt nog gewijzigd.");
    const startsAt = body.startsAt ? new Date(body.startsAt) : row.starts_at;
    const endsAt = body.endsAt ? new Date(body.endsAt) : row.ends_at;
    if (body.startsAt || body.endsAt) checkTimes(startsAt, endsAt, now);
    await checkOrganiserUser(tx, body.chairUserId, row.organisation_id, "chairUserId");
    await checkOrganiserUser(tx, body.secretaryUserId, row.organisation_id, "secretaryUserId");
    checkSecretary(body.chairUserId ?? row.chair_user_id, body.secretaryUserId === undefined ? row.secretary_user_id : body.secretaryUserId);
    await updateMeeting(tx, row.id, {
      title: body.title,
      startsAt: body.startsAt ? startsAt : undefined,
      endsAt: body.endsAt ? endsAt : undefined,
      location: body.location,
      videoLinkEnc: body.videoLink === undefined ? undefined : kernel.crypto.encryptOptional("meetings.video_link", body.videoLink),
      chairUserId: body.chairUserId,
      secretaryUserId: body.secretaryUserId,
    }, now);
    for (const userId of [body.chairUserId, body.secretaryUserId]) {
      if (userId && !row.delegate_user_ids.includes(userId)) await addParticipant(tx, { meetingId: row.id, organisationId: row.organisation_id, userId, by: actor.userId, at: now });
    }
    return { fields: Object.keys(body).filter((k) => (body as Record<string, unknown>)[k] !== undefined) };
  });
}

export function inviteFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof participantBody>, clientAddress: string) {
  return meetingCommand(kernel, actor, id, "update", clientAddress, async ({ tx, row, now }) => {
    if (row.status !== "planned" && row.status !== "in_progress") throw conferenceRefusal("transition_not_allowed", "Voor een gesloten of geannuleerd overleg wordt niemand meer uitgenodigd.");
    const org = await run<{ name: string }>(tx, sql`
      select o.name from organisations o join region_members rm on rm.organisation_id = o.id
       where o.id = ${body.organisationId} and o.active and rm.region_id = ${row.region_id}`);
    if (!org[0]) throw invalidInput("Nodig een organisatie uit de regio van het overleg uit.", field("organisationId", "unknown_organisation", "niet in de regio"));
    const users = body.userIds.length
      ? await run<{ id: string }>(tx, sql`
          select distinct u.id from users u join user_roles r on r.user_id = u.id
           where u.id = any(${body.userIds}::uuid[]) and u.active and u.organisation_id = ${body.organisationId}
             and r.role = any(${[...delegateRoles]}::text[])`)
      : [];
    if (users.length !== new Set(body.userIds).size) {
      throw invalidInput("Kies deelnemers van de uitgenodigde organisatie.", field("userIds", "not_eligible", "geen medewerker van deze organisatie die kan deelnemen"));
    }
    await addParticipant(tx, { meetingId: row.id, organisationId: body.organisationId, userId: null, by: actor.userId, at: now });
    const added = users.map((u) => u.id).filter((u) => !row.delegate_user_ids.includes(u));
    for (const userId of added) await addParticipant(tx, { meetingId: row.id, organisationId: body.organisationId, userId, by: actor.userId, at: now });
    await notifyUsers(tx, { userIds: added, kind: "meeting_invited", meetingId: row.id, params: { reference: row.reference }, dedupeKey: `meeting-invited:${row.id}`, now });
    return { invited: org[0].name, delegates: added.length };
  });
}

export function removeParticipantFor(kernel: Kernel, actor: Actor, id: string, organisationId: string, userId: string | undefined, clientAddress: string) {
  return meetingCommand(kernel, actor, id, "update", clientAddress, async ({ tx, row }) => {
    if (row.status !== "planned" && row.status !== "in_progress") throw conferenceRefusal("transition_not_allowed", "De deelnemers van een gesloten overleg liggen vast.");
    if (organisationId === row.organisation_id && !userId) throw conferenceRefusal("not_eligible", "De organiserende organisatie neemt altijd deel.");
    if (userId && (userId === row.chair_user_id || userId === row.secretary_user_id)) throw conferenceRefusal("not_eligible", "Wijs eerst een andere voorzitter of secretaris aan.");
    const present = (await participantsOf(tx, row.id)).some((p) => p.organisation_id === organisationId && (userId ? p.user_id === userId : true));
    if (!present) throw notFound();
    await removeParticipant(tx, row.id, { organisationId, userId });
    return { removedOrganisation: userId ? null : organisationId, removedDelegate: userId ?? null };
  });
}

export function openMeetingFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return meetingCommand(kernel, actor, id, "run", clientAddress, async ({ tx, row, now }) => {
    if (row.status !== "planned") throw conferenceRefusal("transition_not_allowed", "Alleen een gepland overleg wordt geopend.");
    if (now.getTime() < row.starts_at.getTime() - OPEN_BEFORE_MS) {
      throw conferenceRefusal("transition_not_allowed", "Een overleg wordt ten vroegste twee uur voor het begin geopend.");
    }
    await updateMeeting(tx, row.id, { status: "in_progress", openedAt: now }, now);
    return { to: "in_progress" };
  });
}

export function closeMeetingFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return meetingCommand(kernel, actor, id, "run", clientAddress, async ({ tx, row, now }) => {
    if (row.status !== "in_progress") throw conferenceRefusal("transition_not_allowed", "Alleen een lopend overleg wordt gesloten.");
    await updateMeeting(tx, row.id, { status: "closed", closedAt: now }, now);
    return { to: "closed" };
  });
}

export function cancelMeetingFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return meetingCommand(kernel, actor, id, "run", clientAddress, async ({ tx, row, now }) => {
    if (row.status !== "planned") throw conferenceRefusal("transition_not_allowed", "Alleen een gepland overleg wordt geannuleerd.");
    await updateMeeting(tx, row.id, { status: "cancelled" }, now);
    // Items waiting for this meeting go back to whoever brought them in.
    await run(tx, sql`update agenda_items set status = 'withdrawn', decided_by = ${actor.userId}, decided_at = ${now} where meeting_id = ${row.id} and status in ('proposed', 'admitted')`);
    return { to: "cancelled" };
  });
}

export function getMeetingFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const row = await findMeeting(tx, id);
    if (!row) throw notFound();
    const role = authorize(actor, "read", "meeting", meetingFacts(row), meetingRefs(row));
    return readMeeting(kernel, tx, actor, row, role, clientAddress);
  });
}

export function listMeetingsFor(kernel: Kernel, actor: Actor, query: z.infer<typeof meetingListQuery>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const now = kernel.now();
    const { rows, total } = await listMeetings(tx, {
      access: accessFilter(actor, "list", "meeting", "m", now),
      from: query.scope === "upcoming" ? new Date(now.getTime() - 86_400_000) : undefined,
      statuses: query.scope === "upcoming" ? ["planned", "in_progress"] : undefined,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    const counts = await itemCounts(tx, rows.map((r) => r.id), accessFilter(actor, "read", "agenda_item", "ai", now));
    const items = rows.map((r) => {
      const count = counts.find((c) => c.meeting_id === r.id);
      return {
        id: r.id,
        reference: r.reference,
        organisationName: r.organisation_name,
        kind: r.kind,
        title: r.title,
        startsAt: r.starts_at.toISOString(),
        endsAt: r.ends_at.toISOString(),
        location: r.location,
        status: r.status,
        isOrganiser: r.organisation_id === actor.organisationId && actor.roles.includes("conference_chair"),
        isDelegate: r.delegate_user_ids.includes(actor.userId),
        admittedItems: count?.admitted ?? 0,
        proposedItems: count?.proposed ?? 0,
        waitingForFeedback: count?.waiting ?? 0,
      };
    });
    kernel.audit.record(tx, {
      actor: auditActor(actor, actingRole(actor, "list", "meeting")), action: "list", objectType: "meeting", result: "success", clientAddress,
      details: { count: items.length, total, scope: query.scope, references: items.map((i) => i.reference) },
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  });
}
