import type { Kernel } from "../../http/kernel.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { AppError, invalidInput, notFound } from "../../kernel/errors.ts";
import { authorize, can, type Actor } from "../../kernel/policy/policy.ts";
import { actionsOf, decisionsOf, itemsOf } from "./agenda.repository.ts";
import { minutesFor, type MinutesMeeting, type SharedSection } from "./minutes-model.ts";
import { renderMinutesPdf } from "./minutes-pdf.ts";
import { itemRefs, meetingFacts } from "./meetings.presenter.ts";
import { findMeeting, participantsOf } from "./meetings.repository.ts";
import { auditActor, meetingRefs } from "./meetings.service.ts";

/**
 * The minutes of a meeting as a PDF, produced from the data for one recipient organisation (minutes-model.ts
 * decides what that organisation may read). The organiser produces them for any invited organisation; a
 * delegate for their own. Each production is an audited export, with the items whose content it holds.
 */
export function minutesPdfFor(kernel: Kernel, actor: Actor, id: string, organisationId: string, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const row = await findMeeting(tx, id);
    if (!row) throw notFound();
    const facts = meetingFacts(row);
    const role = authorize(actor, "minutes", "meeting", facts, meetingRefs(row));
    const organiser = can(actor, "admit", "meeting", facts);
    if (!organiser && organisationId !== actor.organisationId) {
      throw new AppError(403, "forbidden", "Geen toestemming", "U kunt alleen het verslag voor uw eigen organisatie maken.");
    }
    const c = kernel.crypto;
    const participants = await participantsOf(tx, row.id);
    const items = (await itemsOf(tx, row.id)).filter((i) => i.status === "admitted");
    const ids = items.map((i) => i.id);
    const [decisions, actions] = await Promise.all([decisionsOf(tx, ids), actionsOf(tx, ids)]);
    const recipients = new Set([
      row.organisation_id, ...participants.map((p) => p.organisation_id), ...items.map((i) => i.proposer_organisation_id), ...actions.map((a) => a.owner_organisation_id),
    ]);
    if (!recipients.has(organisationId)) {
      throw invalidInput("Maak het verslag voor een organisatie die aan het overleg deelnam, een punt inbracht of een actie heeft.", [{ name: "organisationId", code: "not_involved", reason: "niet betrokken bij dit overleg" }]);
    }
    const byOrganisation = new Map<string, { organisationId: string; organisationName: string; delegates: string[] }>();
    for (const p of participants) {
      const entry = byOrganisation.get(p.organisation_id) ?? { organisationId: p.organisation_id, organisationName: p.organisation_name, delegates: [] };
      const name = c.decryptOptional("users.display_name", p.user_name_enc);
      if (p.user_id && name) entry.delegates.push(name);
      byOrganisation.set(p.organisation_id, entry);
    }
    const meeting: MinutesMeeting = {
      reference: row.reference,
      kind: row.kind,
      title: row.title,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      regionName: row.region_name,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      location: row.location,
      chairName: c.decryptOptional("users.display_name", row.chair_name_enc),
      secretaryName: c.decryptOptional("users.display_name", row.secretary_name_enc),
      status: row.status,
      participants: [...byOrganisation.values()],
      items: items.map((item, index) => ({
        position: item.position ?? index + 1,
        subjectType: item.subject_type,
        subjectReference: item.subject_reference,
        municipalityName: item.municipality_name,
        proposerOrganisationId: item.proposer_organisation_id,
        proposerOrganisationName: item.proposer_organisation_name,
        question: c.decrypt("agenda_items.question", item.question_enc),
        sharedContent: JSON.parse(c.decrypt("agenda_items.shared_content", item.shared_content_enc)) as SharedSection[],
        notes: c.decryptOptional("agenda_items.notes", item.notes_enc),
        decisions: decisions.filter((d) => d.item_id === item.id).map((d) => ({
          kind: d.kind, description: c.decrypt("conference_decisions.description", d.description_enc), recordedAt: new Date(d.recorded_at).toISOString(),
        })),
        actions: actions.filter((a) => a.item_id === item.id).map((a) => ({
          description: c.decrypt("conference_actions.description", a.description_enc),
          ownerOrganisationId: a.owner_organisation_id,
          ownerOrganisationName: a.owner_organisation_name,
          ownerName: c.decryptOptional("users.display_name", a.owner_name_enc),
          deadline: a.deadline,
          status: a.status,
          result: c.decryptOptional("conference_actions.result", a.result_enc),
        })),
      })),
    };
    const now = kernel.now();
    const document = minutesFor(meeting, organisationId, now);
    const pdf = await renderMinutesPdf(document);
    const full = document.items.filter((i) => i.visibility === "full").map((i) => i.subjectReference);
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "export", objectType: "meeting", ...meetingRefs(row), purpose: "verslag casusoverleg", result: "success", clientAddress,
      details: { reference: row.reference, recipient: document.recipientOrganisationName, fullItems: full, items: document.items.length },
    });
    // The items whose shared content leaves in this document, each with its data subject.
    for (const item of items.filter((i) => full.includes(i.subject_reference))) {
      kernel.audit.record(tx, {
        actor: auditActor(actor, role), action: "export", objectType: "agenda_item", ...itemRefs(item), purpose: "verslag casusoverleg", result: "success", clientAddress,
        details: { meeting: row.reference, recipient: document.recipientOrganisationName },
      });
    }
    const safeName = document.recipientOrganisationName.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();
    return {
      fileName: `verslag-${row.reference}-${safeName || "organisatie"}-${dutchDate(now)}.pdf`,
      mediaType: "application/pdf" as const,
      encoding: "base64" as const,
      content: pdf.toString("base64"),
    };
  });
}
