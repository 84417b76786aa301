import sql from "sql-template-tag";
import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { run, type Tx } from "../../kernel/db.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { invalidInput, notFound } from "../../kernel/errors.ts";
import { accessFilter, actingRole, authorize, type Actor } from "../../kernel/policy/policy.ts";
import { notifyUsers } from "../notifications/notify.ts";
import { decideSharing } from "./consent.ts";
import { auditActor, careRefusal, fileCommand } from "./file-command.ts";
import { fileRefs, presentFile } from "./files.presenter.ts";
import { activeTeamOf, appendFileEvent, endMemberships, findFile, insertTeamMember, nextFileReference, updateFile, type FileRow } from "./files.repository.ts";
import { coordinationElsewhere } from "./network.ts";
import { consentsOf, placementsOf } from "./plan.repository.ts";
import type { transferBody, transferDeclineBody } from "./plan.schema.ts";
import { closeTransfer, findTransfer, insertTransfer, listTransfers, pendingTransferOf, type TransferRow } from "./transfers.repository.ts";

/**
 * Handing a file over to the care coordinator of another region, when the person moves there. The receiver
 * sees the handover (reference, age group, forms, the reason), not the file, until they accept; accepting
 * opens a file in their organisation with what travels along, and closes this one as "moved to another region".
 */
export function proposeTransferFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof transferBody>, clientAddress: string) {
  return fileCommand(kernel, actor, id, "transfer", clientAddress, async ({ tx, row, today, now, event }) => {
    if (row.status === "closed") throw careRefusal("transition_not_allowed", "Een afgesloten dossier wordt niet overgedragen.");
    if (await pendingTransferOf(tx, row.id, today)) throw careRefusal("transfer_pending", "Er loopt al een overdracht voor dit dossier.");
    if (body.legalBasis && !body.legalBasisNote) {
      throw invalidInput("Licht de wettelijke grondslag toe.", [{ name: "legalBasisNote", code: "required", reason: "verplicht bij een wettelijke grondslag" }]);
    }
    const target = (await coordinationElsewhere(tx, row.region_id)).find((o) => o.id === body.organisationId);
    if (!target) {
      throw invalidInput("Kies de zorgcoördinatie van een andere regio.", [{ name: "organisationId", code: "unknown_organisation", reason: "geen zorgcoördinatie van een andere regio" }]);
    }
    const decision = decideSharing(await consentsOf(tx, row.id), "transfer", { organisationId: target.id }, today, body);
    if (!decision.allowed) {
      throw careRefusal(
        "consent_required",
        `Overdragen aan ${target.name} kan niet zonder toestemming van de cliënt. Leg toestemming voor overdracht vast, of geef de wettelijke grondslag.`,
        "legalBasis",
      );
    }
    // Accepting closes this file; like any closure it needs the stay in this region's shelter ended first.
    if ((await placementsOf(tx, row.id)).some((p) => p.left_on === null)) {
      throw careRefusal("placement_open", "Leg eerst de door- of uitstroom uit de opvang vast (bijvoorbeeld doorstroom naar de nieuwe regio).");
    }
    const transferId = await insertTransfer(tx, {
      fileId: row.id,
      fromOrganisationId: row.organisation_id,
      toOrganisationId: target.id,
      toRegionId: target.region_id,
      reasonEnc: kernel.crypto.encrypt("victim_file_transfers.reason", body.reason),
      basis: decision.basis,
      legalBasisNoteEnc: decision.basis === "consent" ? null : kernel.crypto.encryptOptional("victim_file_transfers.legal_basis_note", body.legalBasisNote),
      proposedBy: actor.userId,
      proposedAt: now,
    });
    const details = { transferId, to: target.name, toRegion: target.region_name, basis: decision.basis };
    await event("transfer_proposed", details);
    const receivers = await run<{ id: string }>(tx, sql`
      select distinct u.id from users u join user_roles r on r.user_id = u.id
       where u.organisation_id = ${target.id} and u.active and r.role = 'care_coordinator'`);
    await notifyUsers(tx, { userIds: receivers.map((u) => u.id), kind: "transfer_proposed", params: { reference: row.reference }, dedupeKey: `transfer-proposed:${transferId}`, now });
    return { details };
  });
}

function transferFacts(t: TransferRow) {
  return { toOrganisationId: t.to_organisation_id, fileCoordinatorUserIds: t.file_coordinator_ids };
}

function presentTransfer(kernel: Kernel, actor: Actor, t: TransferRow) {
  const incoming = t.to_organisation_id === actor.organisationId;
  return {
    id: t.id,
    direction: incoming ? ("incoming" as const) : ("outgoing" as const),
    fileId: incoming ? null : t.file_id,
    fileReference: t.file_reference,
    fromOrganisationName: t.from_organisation_name,
    fromRegionName: t.from_region_name,
    toOrganisationName: t.to_organisation_name,
    toRegionName: t.to_region_name,
    ageGroup: t.file_age_group as never,
    gender: t.file_gender as never,
    exploitationForms: t.file_exploitation_forms as never,
    reason: kernel.crypto.decrypt("victim_file_transfers.reason", t.reason_enc),
    basis: t.basis,
    proposedByName: kernel.crypto.decryptOptional("users.display_name", t.proposed_by_name_enc),
    proposedAt: new Date(t.proposed_at).toISOString(),
    status: t.status,
    respondedAt: t.responded_at ? new Date(t.responded_at).toISOString() : null,
    declineReason: kernel.crypto.decryptOptional("victim_file_transfers.decline_reason", t.decline_reason_enc),
    newFileId: incoming ? t.new_file_id : null,
  };
}

export function listTransfersFor(kernel: Kernel, actor: Actor, status: string | undefined, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const now = kernel.now();
    const rows = await listTransfers(tx, accessFilter(actor, "list", "victim_file_transfer", "t", now), dutchDate(now), { statuses: status ? [status] : undefined });
    const items = rows.map((t) => presentTransfer(kernel, actor, t));
    kernel.audit.record(tx, {
      actor: auditActor(actor, actingRole(actor, "list", "victim_file_transfer")),
      action: "list",
      objectType: "victim_file_transfer",
      result: "success",
      clientAddress,
      details: { count: items.length, references: items.map((i) => i.fileReference) },
    });
    return { items };
  });
}

async function loadTransfer(kernel: Kernel, tx: Tx, actor: Actor, id: string, action: "respond" | "withdraw") {
  const today = dutchDate(kernel.now());
  const first = await findTransfer(tx, id, today);
  if (!first) throw notFound();
  // Lock the file: an acceptance and a withdrawal must not cross.
  await findFile(tx, first.file_id, { forUpdate: true });
  const t = (await findTransfer(tx, id, today))!;
  const role = authorize(actor, action, "victim_file_transfer", transferFacts(t), { objectId: t.id, ownerOrganisationId: t.from_organisation_id, dataSubjectRef: `victim_file:${t.file_id}` });
  if (t.status !== "pending") throw careRefusal("transfer_not_pending", "Op deze overdracht is al geantwoord of ze is ingetrokken.");
  return { t, role };
}

async function fileCoordinators(tx: Tx, fileId: string, today: string) {
  return (await activeTeamOf(tx, fileId, today)).filter((m) => m.member_role === "coordinator").map((m) => m.user_id);
}

/** What travels to the receiving region: the person, the forms, needs, the residence scheme and external consents. */
async function copyIntoNewFile(kernel: Kernel, tx: Tx, actor: Actor, old: FileRow, t: TransferRow, now: Date): Promise<string> {
  const today = dutchDate(now);
  const reference = await nextFileReference(tx, Number(today.slice(0, 4)));
  const rows = await run<{ id: string }>(tx, sql`
    insert into victim_files (reference, organisation_id, region_id, status, source, signal_id, transferred_from_id, name_enc, birth_date_enc,
      phone_enc, contact_enc, identity_hash, gender, age_group, nationality, languages, exploitation_forms, came_into_view_enc,
      veilig_thuis_notified_on, guardian_enc, comensha_registered_on, comensha_registered_by, comensha_basis, comensha_number_enc,
      search_tokens, opened_at, opened_by, updated_at)
    select ${reference}, ${t.to_organisation_id}, ${t.to_region_id}, 'intake', source, signal_id, id, name_enc, birth_date_enc,
      phone_enc, contact_enc, identity_hash, gender, age_group, nationality, languages, exploitation_forms, came_into_view_enc,
      veilig_thuis_notified_on, guardian_enc, comensha_registered_on, comensha_registered_by, comensha_basis, comensha_number_enc,
      search_tokens, ${now}, ${actor.userId}, ${now}
      from victim_files where id = ${old.id}
    returning id`);
  const newId = rows[0]!.id;
  await run(tx, sql`insert into victim_needs (file_id, domain, status, note_enc, updated_by, updated_at)
    select ${newId}, domain, status, note_enc, updated_by, updated_at from victim_needs where file_id = ${old.id}`);
  await run(tx, sql`insert into residence_schemes (file_id, reflection_offered_on, reflection_ends_on, reflection_ended_early_on, reflection_end_reason,
      police_report, police_report_on, unable_basis, unable_statement_enc, updated_by, updated_at)
    select ${newId}, reflection_offered_on, reflection_ends_on, reflection_ended_early_on, reflection_end_reason, police_report, police_report_on,
      unable_basis, unable_statement_enc, updated_by, updated_at from residence_schemes where file_id = ${old.id}`);
  await run(tx, sql`insert into residence_permits (file_id, kind, applied_on, decided_on, decision, valid_until, created_by, created_at, updated_at)
    select ${newId}, kind, applied_on, decided_on, decision, valid_until, created_by, created_at, updated_at from residence_permits where file_id = ${old.id}`);
  // Consent to parties outside Ketenzicht (CoMensha, international partners) still holds; consent to the
  // old region's organisations means nothing in the new one.
  await run(tx, sql`insert into consents (file_id, purpose, party_organisation_id, party_name, status, decided_on, valid_until, recorded_how,
      interpreter_used, note_enc, recorded_by, recorded_at)
    select ${newId}, purpose, null, party_name, status, decided_on, valid_until, recorded_how, interpreter_used, note_enc, recorded_by, recorded_at
      from consents where file_id = ${old.id} and party_name is not null order by seq`);
  await insertTeamMember(tx, {
    fileId: newId, userId: actor.userId, organisationId: actor.organisationId, memberRole: "coordinator", purpose: null, purposeNoteEnc: null,
    validFrom: today, validUntil: null, basis: "coordinator", legalBasisNoteEnc: null, addedBy: actor.userId, addedAt: now,
  });
  await appendFileEvent(tx, {
    fileId: newId, occurredAt: now, actorUserId: actor.userId, actorOrganisationId: actor.organisationId, kind: "transferred_in",
    toStatus: "intake", details: { fromReference: old.reference, fromOrganisation: old.organisation_name, fromRegion: old.region_name, transferId: t.id },
  });
  return newId;
}

export function acceptTransferFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const { t, role } = await loadTransfer(kernel, tx, actor, id, "respond");
    const now = kernel.now();
    const today = dutchDate(now);
    const old = (await findFile(tx, t.file_id))!;
    const senders = await fileCoordinators(tx, old.id, today);
    const newId = await copyIntoNewFile(kernel, tx, actor, old, t, now);
    await closeTransfer(tx, t.id, { status: "accepted", by: actor.userId, at: now, newFileId: newId });
    await updateFile(tx, old.id, { status: "closed", closureReason: "moved_region", closedAt: now }, now);
    const ended = await endMemberships(tx, old.id, { memberRole: "partner" }, { reason: "transferred", by: actor.userId, at: now });
    const newFile = (await findFile(tx, newId))!;
    await appendFileEvent(tx, {
      fileId: old.id, occurredAt: now, actorUserId: actor.userId, actorOrganisationId: actor.organisationId, kind: "transfer_accepted",
      fromStatus: old.status, toStatus: "closed", details: { transferId: t.id, to: t.to_organisation_name, toRegion: t.to_region_name, newReference: newFile.reference, endedMemberships: ended.length },
    });
    await notifyUsers(tx, { userIds: senders, kind: "transfer_answered", victimFileId: old.id, params: { reference: old.reference, accepted: true }, dedupeKey: `transfer-answered:${t.id}`, now });
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "update", objectType: "victim_file_transfer", objectId: t.id, ownerOrganisationId: t.from_organisation_id,
      dataSubjectRef: `victim_file:${old.id}`, purpose: "overdracht", result: "success", clientAddress,
      details: { verb: "accept", reference: old.reference, newReference: newFile.reference },
    });
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "create", objectType: "victim_file", ...fileRefs(newFile), purpose: "zorgcoördinatie", result: "success", clientAddress,
      details: { reference: newFile.reference, transferredFrom: old.reference, transferId: t.id },
    });
    return presentFile(kernel, tx, actor, newFile);
  });
}

function answer(kernel: Kernel, actor: Actor, id: string, verb: "decline" | "withdraw", reason: string | null, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const { t, role } = await loadTransfer(kernel, tx, actor, id, verb === "decline" ? "respond" : "withdraw");
    const now = kernel.now();
    await closeTransfer(tx, t.id, {
      status: verb === "decline" ? "declined" : "withdrawn",
      by: actor.userId,
      at: now,
      declineReasonEnc: kernel.crypto.encryptOptional("victim_file_transfers.decline_reason", reason),
    });
    await appendFileEvent(tx, {
      fileId: t.file_id, occurredAt: now, actorUserId: actor.userId, actorOrganisationId: actor.organisationId,
      kind: verb === "decline" ? "transfer_declined" : "transfer_withdrawn",
      reasonEnc: kernel.crypto.encryptOptional("victim_file_events.reason", reason),
      details: { transferId: t.id, to: t.to_organisation_name },
    });
    if (verb === "decline") {
      const senders = await fileCoordinators(tx, t.file_id, dutchDate(now));
      await notifyUsers(tx, { userIds: senders, kind: "transfer_answered", victimFileId: t.file_id, params: { reference: t.file_reference, accepted: false }, dedupeKey: `transfer-answered:${t.id}`, now });
    }
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "update", objectType: "victim_file_transfer", objectId: t.id, ownerOrganisationId: t.from_organisation_id,
      dataSubjectRef: `victim_file:${t.file_id}`, purpose: "overdracht", result: "success", clientAddress, details: { verb, reference: t.file_reference },
    });
    return presentTransfer(kernel, actor, (await findTransfer(tx, t.id, dutchDate(now)))!);
  });
}

export const declineTransferFor = (kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof transferDeclineBody>, clientAddress: string) =>
  answer(kernel, actor, id, "decline", body.reason, clientAddress);
export const withdrawTransferFor = (kernel: Kernel, actor: Actor, id: string, clientAddress: string) => answer(kernel, actor, id, "withdraw", null, clientAddress);

export type Transfer = ReturnType<typeof presentTransfer>;
