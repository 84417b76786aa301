import type { Kernel } from "../../http/kernel.ts";
import type { Queryable } from "../../kernel/db.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { can, recordAbilities, type Actor, type Facts } from "../../kernel/policy/policy.ts";
import { actionsOf, decisionsOf, itemsOf, type ActionRow, type DecisionRow, type ItemRow } from "./agenda.repository.ts";
import type { SharedSection } from "./minutes-model.ts";
import { participantsOf, type MeetingRow } from "./meetings.repository.ts";

/**
 * A meeting and its agenda as one actor may see them. The heading of an admitted item is visible to whoever
 * sees the meeting; what it shares, its notes, decisions and actions only to someone who may read the item
 * (policy: organisers, the proposer's side, delegates while the meeting runs, action owners afterwards).
 */
export function meetingFacts(row: MeetingRow): Facts["meeting"] {
  return { organisationId: row.organisation_id, regionId: row.region_id, delegateUserIds: row.delegate_user_ids, actionOwnerUserIds: row.action_owner_user_ids };
}

export function itemFacts(item: ItemRow): Facts["agenda_item"] {
  return {
    meetingOrganisationId: item.meeting_organisation_id,
    subjectType: item.subject_type,
    municipalityId: item.municipality_id,
    proposedBy: item.proposed_by,
    meetingInProgress: item.meeting_status === "in_progress",
    delegateUserIds: item.delegate_user_ids,
    actionOwnerOrganisationIds: item.action_owner_organisation_ids,
    actionOwnerUserIds: item.action_owner_user_ids,
  };
}

export function itemRefs(item: ItemRow) {
  return {
    objectId: item.id,
    ownerOrganisationId: item.proposer_organisation_id,
    dataSubjectRef: item.subject_type === "signal" ? `signal:${item.signal_id}` : `victim_file:${item.victim_file_id}`,
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentAction(kernel: Kernel, actor: Actor, a: ActionRow, today: string) {
  const facts = { meetingOrganisationId: a.meeting_organisation_id, ownerOrganisationId: a.owner_organisation_id };
  return {
    id: a.id,
    itemId: a.item_id,
    meetingId: a.meeting_id,
    meetingReference: a.meeting_reference,
    subjectReference: a.subject_reference,
    description: kernel.crypto.decrypt("conference_actions.description", a.description_enc),
    ownerOrganisationId: a.owner_organisation_id,
    ownerOrganisationName: a.owner_organisation_name,
    ownerUserId: a.owner_user_id,
    ownerName: kernel.crypto.decryptOptional("users.display_name", a.owner_name_enc),
    deadline: a.deadline,
    overdue: a.status === "open" && a.deadline < today,
    status: a.status,
    result: kernel.crypto.decryptOptional("conference_actions.result", a.result_enc),
    doneAt: a.done_at ? new Date(a.done_at).toISOString() : null,
    abilities: recordAbilities(actor, "conference_action", facts),
  };
}

function presentDecision(kernel: Kernel, d: DecisionRow) {
  return {
    id: d.id,
    kind: d.kind,
    description: kernel.crypto.decrypt("conference_decisions.description", d.description_enc),
    recordedByName: kernel.crypto.decryptOptional("users.display_name", d.recorded_by_name_enc),
    recordedAt: new Date(d.recorded_at).toISOString(),
    measureId: d.measure_id,
  };
}

/** Which items of the meeting the actor sees at all: organisers and proposers every status, others the admitted ones. */
function listedFor(actor: Actor, row: MeetingRow, item: ItemRow): boolean {
  if (can(actor, "admit", "meeting", meetingFacts(row))) return true;
  if (item.proposed_by === actor.userId || (item.subject_type === "signal" && item.municipality_id === actor.organisationId && actor.roles.includes("focal_officer"))) return true;
  return item.status === "admitted";
}

export async function presentItems(kernel: Kernel, q: Queryable, actor: Actor, row: MeetingRow, items: ItemRow[]) {
  const c = kernel.crypto;
  const today = dutchDate(kernel.now());
  const listed = items.filter((i) => listedFor(actor, row, i));
  const readable = listed.filter((i) => can(actor, "read", "agenda_item", itemFacts(i)));
  const ids = readable.map((i) => i.id);
  const [decisions, actions, allActions] = await Promise.all([decisionsOf(q, ids), actionsOf(q, ids), actionsOf(q, listed.map((i) => i.id))]);
  const presented = listed.map((item) => {
    const reads = ids.includes(item.id);
    const itemDecisions = decisions.filter((d) => d.item_id === item.id);
    const itemActions = allActions.filter((a) => a.item_id === item.id);
    const facts = itemFacts(item);
    return {
      id: item.id,
      meetingId: item.meeting_id,
      position: item.position,
      status: item.status,
      subjectType: item.subject_type,
      subjectReference: item.subject_reference,
      subjectId: reads && (item.proposed_by === actor.userId || can(actor, "withdraw", "agenda_item", facts))
        ? (item.signal_id ?? item.victim_file_id)
        : null,
      municipalityName: item.municipality_name,
      proposerOrganisationName: item.proposer_organisation_name,
      proposerName: c.decryptOptional("users.display_name", item.proposer_name_enc),
      proposedAt: item.proposed_at.toISOString(),
      sharedParts: item.shared_parts,
      sharingBasis: item.sharing_basis,
      readable: reads,
      question: reads ? c.decrypt("agenda_items.question", item.question_enc) : null,
      sharedContent: reads ? (JSON.parse(c.decrypt("agenda_items.shared_content", item.shared_content_enc)) as SharedSection[]) : null,
      declineReason: reads ? c.decryptOptional("agenda_items.decline_reason", item.decline_reason_enc) : null,
      notes: reads ? c.decryptOptional("agenda_items.notes", item.notes_enc) : null,
      decisions: reads ? itemDecisions.map((d) => presentDecision(kernel, d)) : null,
      actions: reads ? actions.filter((a) => a.item_id === item.id).map((a) => presentAction(kernel, actor, a, today)) : null,
      // Discussed, but the local level still waits: no decision yet, or an action still open.
      waitingForFeedback: item.status === "admitted" && row.status === "closed" && (itemDecisions.length === 0 || itemActions.some((a) => a.status === "open")),
      abilities: recordAbilities(actor, "agenda_item", facts),
    };
  });
  return { presented, readable };
}

export async function presentMeeting(kernel: Kernel, q: Queryable, actor: Actor, row: MeetingRow) {
  const c = kernel.crypto;
  const facts = meetingFacts(row);
  const inner = can(actor, "admit", "meeting", facts) || row.delegate_user_ids.includes(actor.userId);
  const participants = new Map<string, { organisationId: string; organisationName: string; delegates: { userId: string; name: string | null }[] }>();
  for (const p of await participantsOf(q, row.id)) {
    const entry = participants.get(p.organisation_id) ?? { organisationId: p.organisation_id, organisationName: p.organisation_name, delegates: [] };
    if (p.user_id && inner) entry.delegates.push({ userId: p.user_id, name: c.decryptOptional("users.display_name", p.user_name_enc) });
    participants.set(p.organisation_id, entry);
  }
  const { presented, readable } = await presentItems(kernel, q, actor, row, await itemsOf(q, row.id));
  return {
    meeting: {
      id: row.id,
      reference: row.reference,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      regionId: row.region_id,
      regionName: row.region_name,
      kind: row.kind,
      title: row.title,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      location: row.location,
      videoLink: inner ? c.decryptOptional("meetings.video_link", row.video_link_enc) : null,
      chair: row.chair_user_id ? { userId: row.chair_user_id, name: c.decryptOptional("users.display_name", row.chair_name_enc) } : null,
      secretary: row.secretary_user_id ? { userId: row.secretary_user_id, name: c.decryptOptional("users.display_name", row.secretary_name_enc) } : null,
      status: row.status,
      openedAt: iso(row.opened_at),
      closedAt: iso(row.closed_at),
      participants: [...participants.values()],
      agenda: presented,
      isDelegate: row.delegate_user_ids.includes(actor.userId),
      abilities: recordAbilities(actor, "meeting", facts),
    },
    readableItems: readable,
  };
}
