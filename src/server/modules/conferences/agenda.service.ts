import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import type { Tx } from "../../kernel/db.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { invalidInput, notFound } from "../../kernel/errors.ts";
import type { ActionOf } from "../../kernel/policy/matrix.ts";
import { authorize, can, type Actor } from "../../kernel/policy/policy.ts";
import { decideSharing } from "../care/consent.ts";
import { careRefusal, loadFileFor } from "../care/file-command.ts";
import { fileRefs, presentFile } from "../care/files.presenter.ts";
import { appendFileEvent } from "../care/files.repository.ts";
import { consentsOf } from "../care/plan.repository.ts";
import { notifyUsers, usersOfOrganisationWithRoles } from "../notifications/notify.ts";
import { appendEvent, findSignal } from "../signals/signals.repository.ts";
import { presentSignal, signalFacts } from "../signals/signals.presenter.ts";
import { refsOf } from "../signals/signals.service.ts";
import { findItem, insertItem, nextPosition, setItemStatus, setNotes, type ItemRow } from "./agenda.repository.ts";
import type { declineBody, fileItemBody, notesBody, signalItemBody } from "./conferences.schema.ts";
import { itemFacts, itemRefs, meetingFacts } from "./meetings.presenter.ts";
import { findMeeting, type MeetingRow } from "./meetings.repository.ts";
import { auditActor, conferenceRefusal, meetingRefs, readMeeting } from "./meetings.service.ts";
import { fileSections, signalSections } from "./shared-content.ts";

/**
 * The agenda: a focal officer brings a signal in, a coordinator a victim file (with consent or a legal
 * basis), each with a question and the parts shared; the meeting's chair or secretary admits or declines it;
 * during and after the meeting they keep notes. The shared parts are a snapshot taken when brought in.
 */
const field = (name: string, code: string, reason: string) => [{ name, code, reason }];

/** The meeting to bring something in: one the actor sees, not over yet, in the region of the subject. */
async function targetMeeting(tx: Tx, actor: Actor, meetingId: string, subjectRegionIds: readonly string[]) {
  const meeting = await findMeeting(tx, meetingId);
  // A meeting the actor may not see is answered as one that does not exist: its existence does not leak.
  if (!meeting || !can(actor, "read", "meeting", meetingFacts(meeting))) throw invalidInput("Kies een overleg.", field("meetingId", "unknown", "onbekend overleg"));
  const role = authorize(actor, "read", "meeting", meetingFacts(meeting), meetingRefs(meeting));
  if (meeting.status !== "planned" && meeting.status !== "in_progress") {
    throw conferenceRefusal("transition_not_allowed", "Dit overleg is gesloten of geannuleerd; kies een komend overleg.", "meetingId");
  }
  if (!subjectRegionIds.includes(meeting.region_id)) {
    throw invalidInput("Kies een overleg in de regio van het signaal of dossier.", field("meetingId", "other_region", "niet in de regio"));
  }
  return { meeting, meetingRole: role };
}

async function chairsOf(tx: Tx, meeting: MeetingRow): Promise<string[]> {
  return usersOfOrganisationWithRoles(tx, meeting.organisation_id, ["conference_chair"]);
}

export function proposeSignalFor(kernel: Kernel, actor: Actor, signalId: string, body: z.infer<typeof signalItemBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const signal = await findSignal(tx, signalId, { forUpdate: true });
    if (!signal) throw notFound();
    const role = authorize(actor, "bring_to_conference", "signal", signalFacts(signal), refsOf(signal));
    const { meeting, meetingRole } = await targetMeeting(tx, actor, body.meetingId, signal.municipality_region_ids);
    const now = kernel.now();
    const parts = [...new Set(body.sharedParts)];
    const presented = await presentSignal(kernel, tx, actor, signal);
    const itemId = await insertItem(tx, {
      meetingId: meeting.id, subjectType: "signal", signalId: signal.id, victimFileId: null, subjectReference: signal.reference,
      municipalityId: signal.municipality_id, proposedBy: actor.userId, proposerOrganisationId: actor.organisationId,
      questionEnc: kernel.crypto.encrypt("agenda_items.question", body.question), sharedParts: parts,
      sharedContentEnc: kernel.crypto.encrypt("agenda_items.shared_content", JSON.stringify(signalSections(presented, parts))),
      sharingBasis: "route", legalBasisNoteEnc: null, at: now,
    });
    await appendEvent(tx, {
      signalId: signal.id, occurredAt: now, actorUserId: actor.userId, actorOrganisationId: actor.organisationId, kind: "brought_to_conference",
      details: { meeting: meeting.reference, meetingTitle: meeting.title, sharedParts: parts },
    });
    await notifyUsers(tx, { userIds: await chairsOf(tx, meeting), kind: "agenda_proposal", meetingId: meeting.id, params: { reference: meeting.reference }, dedupeKey: `agenda-proposal:${itemId}`, now });
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "update", objectType: "signal", ...refsOf(signal), purpose: "casusoverleg", result: "success", clientAddress,
      details: { reference: signal.reference, command: "bring_to_conference", meeting: meeting.reference, itemId, sharedParts: parts },
    });
    return readMeeting(kernel, tx, actor, (await findMeeting(tx, meeting.id))!, meetingRole, clientAddress);
  });
}

export function proposeFileFor(kernel: Kernel, actor: Actor, fileId: string, body: z.infer<typeof fileItemBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    if (body.legalBasis && !body.legalBasisNote) throw invalidInput("Licht de wettelijke grondslag toe.", field("legalBasisNote", "required", "verplicht bij een wettelijke grondslag"));
    const { row, role, today, now } = await loadFileFor(kernel, tx, actor, fileId, "bring_to_conference", { forUpdate: true });
    if (row.status === "closed") throw careRefusal("transition_not_allowed", "Een afgesloten traject wordt niet meer ingebracht.");
    const { meeting, meetingRole } = await targetMeeting(tx, actor, body.meetingId, [row.region_id]);
    // Bringing a file to a case conference is sharing: consent for that purpose with the organiser, or a basis.
    const decision = decideSharing(await consentsOf(tx, row.id), "case_conference", { organisationId: meeting.organisation_id }, today, body);
    if (!decision.allowed) {
      throw careRefusal("consent_required", `Inbrengen in het overleg van ${meeting.organisation_name} kan niet zonder toestemming van de cliënt. Leg toestemming vast, of geef de wettelijke grondslag.`, "legalBasis");
    }
    const parts = [...new Set(body.sharedParts)];
    const presented = await presentFile(kernel, tx, actor, row);
    const itemId = await insertItem(tx, {
      meetingId: meeting.id, subjectType: "victim_file", signalId: null, victimFileId: row.id, subjectReference: row.reference, municipalityId: null,
      proposedBy: actor.userId, proposerOrganisationId: actor.organisationId,
      questionEnc: kernel.crypto.encrypt("agenda_items.question", body.question), sharedParts: parts,
      sharedContentEnc: kernel.crypto.encrypt("agenda_items.shared_content", JSON.stringify(fileSections(presented, parts))),
      sharingBasis: decision.basis, legalBasisNoteEnc: decision.basis === "consent" ? null : kernel.crypto.encryptOptional("agenda_items.legal_basis_note", body.legalBasisNote), at: now,
    });
    await appendFileEvent(tx, {
      fileId: row.id, occurredAt: now, actorUserId: actor.userId, actorOrganisationId: actor.organisationId, kind: "brought_to_conference",
      reasonEnc: decision.basis === "consent" ? null : kernel.crypto.encryptOptional("victim_file_events.reason", body.legalBasisNote),
      details: { meeting: meeting.reference, meetingTitle: meeting.title, sharedParts: parts, basis: decision.basis },
    });
    await notifyUsers(tx, { userIds: await chairsOf(tx, meeting), kind: "agenda_proposal", meetingId: meeting.id, params: { reference: meeting.reference }, dedupeKey: `agenda-proposal:${itemId}`, now });
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "update", objectType: "victim_file", ...fileRefs(row), purpose: "casusoverleg", result: "success", clientAddress,
      details: { reference: row.reference, command: "bring_to_conference", meeting: meeting.reference, itemId, sharedParts: parts, basis: decision.basis },
    });
    return readMeeting(kernel, tx, actor, (await findMeeting(tx, meeting.id))!, meetingRole, clientAddress);
  });
}

/** A change to one agenda item: lock its meeting, check the policy on the item, work, audit, answer the meeting. */
export function itemCommand(
  kernel: Kernel,
  actor: Actor,
  id: string,
  action: ActionOf<"agenda_item">,
  clientAddress: string,
  work: (ctx: { tx: Tx; item: ItemRow; meeting: MeetingRow; now: Date }) => Promise<Record<string, unknown>>,
) {
  return kernel.db.transaction(async (tx) => {
    const first = await findItem(tx, id);
    if (!first) throw notFound();
    const meeting = (await findMeeting(tx, first.meeting_id, { forUpdate: true }))!;
    const item = (await findItem(tx, id))!;
    const role = authorize(actor, action, "agenda_item", itemFacts(item), itemRefs(item));
    const now = kernel.now();
    const details = await work({ tx, item, meeting, now });
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "update", objectType: "agenda_item", ...itemRefs(item), purpose: "casusoverleg", result: "success", clientAddress,
      details: { meeting: meeting.reference, subject: item.subject_reference, command: action, ...details },
    });
    const meetingRole = authorize(actor, "read", "meeting", meetingFacts(meeting), meetingRefs(meeting));
    return readMeeting(kernel, tx, actor, (await findMeeting(tx, meeting.id))!, meetingRole, clientAddress);
  });
}

export function withdrawItemFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return itemCommand(kernel, actor, id, "withdraw", clientAddress, async ({ tx, item, meeting, now }) => {
    if (!["proposed", "admitted"].includes(item.status) || meeting.status !== "planned") {
      throw conferenceRefusal("transition_not_allowed", "Een punt wordt ingetrokken zolang het overleg nog niet is begonnen.");
    }
    await setItemStatus(tx, item.id, { status: "withdrawn", by: actor.userId, at: now });
    return { from: item.status, to: "withdrawn" };
  });
}

export function admitItemFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return itemCommand(kernel, actor, id, "admit", clientAddress, async ({ tx, item, meeting, now }) => {
    if (item.status !== "proposed") throw conferenceRefusal("transition_not_allowed", "Alleen een voorgesteld punt wordt toegelaten.");
    if (meeting.status !== "planned" && meeting.status !== "in_progress") throw conferenceRefusal("transition_not_allowed", "Dit overleg is gesloten of geannuleerd.");
    const position = await nextPosition(tx, meeting.id);
    await setItemStatus(tx, item.id, { status: "admitted", by: actor.userId, at: now, position });
    await notifyUsers(tx, { userIds: [item.proposed_by], kind: "agenda_answered", meetingId: meeting.id, params: { reference: meeting.reference, admitted: true }, dedupeKey: `agenda-answered:${item.id}`, now });
    return { to: "admitted", position };
  });
}

export function declineItemFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof declineBody>, clientAddress: string) {
  return itemCommand(kernel, actor, id, "admit", clientAddress, async ({ tx, item, meeting, now }) => {
    if (item.status !== "proposed") throw conferenceRefusal("transition_not_allowed", "Alleen een voorgesteld punt wordt afgewezen.");
    await setItemStatus(tx, item.id, { status: "declined", by: actor.userId, at: now, declineReasonEnc: kernel.crypto.encrypt("agenda_items.decline_reason", body.reason) });
    await notifyUsers(tx, { userIds: [item.proposed_by], kind: "agenda_answered", meetingId: meeting.id, params: { reference: meeting.reference, admitted: false }, dedupeKey: `agenda-answered:${item.id}`, now });
    return { to: "declined" };
  });
}

export function setNotesFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof notesBody>, clientAddress: string) {
  return itemCommand(kernel, actor, id, "record", clientAddress, async ({ tx, item, meeting }) => {
    requireDiscussion(item, meeting);
    await setNotes(tx, item.id, kernel.crypto.encryptOptional("agenda_items.notes", body.notes || null));
    return { notes: Boolean(body.notes) };
  });
}

/** Notes, decisions and actions belong to an admitted item of a meeting that has begun. */
export function requireDiscussion(item: ItemRow, meeting: MeetingRow) {
  if (item.status !== "admitted") throw conferenceRefusal("transition_not_allowed", "Alleen een toegelaten agendapunt wordt besproken.");
  if (meeting.status !== "in_progress" && meeting.status !== "closed") {
    throw conferenceRefusal("transition_not_allowed", "Besluiten, acties en aantekeningen worden vastgelegd zodra het overleg is geopend.");
  }
}

export const todayOf = (kernel: Kernel) => dutchDate(kernel.now());
