import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { invalidInput } from "../../kernel/errors.ts";
import type { Actor } from "../../kernel/policy/policy.ts";
import { teamPurposes, type TeamPurpose } from "./codes.ts";
import { consentState, partyNameKey } from "./consent.ts";
import { careRefusal, fileCommand } from "./file-command.ts";
import { endMemberships } from "./files.repository.ts";
import type { consentBody } from "./files.schema.ts";
import { coordinationElsewhere, regionOrganisation } from "./network.ts";
import { consentsOf, insertConsent } from "./plan.repository.ts";

/**
 * Recording what the person said: consent given, refused or withdrawn, per purpose and receiving party,
 * with the date and how it was recorded. Refusing or withdrawing ends at once the case team access that
 * rested on the consent; access on a stated legal basis stays until the coordinator ends it.
 */
export const COMENSHA = "CoMensha";

const isTeamPurpose = (purpose: string): purpose is TeamPurpose => (teamPurposes as readonly string[]).includes(purpose);

export function recordConsentFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof consentBody>, clientAddress: string) {
  return fileCommand(kernel, actor, id, "record_consent", clientAddress, async ({ tx, row, today, now, event }) => {
    const records = await consentsOf(tx, row.id);
    const named = body.partyName ?? (body.purpose === "comensha_registration" && !body.partyOrganisationId ? COMENSHA : undefined);
    // One spelling per party in a file: the first one recorded, so that every rule (the task queries in SQL too) sees one party.
    const partyName = named && (records.find((r) => r.partyName && partyNameKey(r.partyName) === partyNameKey(named))?.partyName ?? named);
    if (Boolean(body.partyOrganisationId) === Boolean(partyName)) {
      throw invalidInput("Noem één ontvangende partij: een organisatie in Ketenzicht of een partij daarbuiten.", [
        { name: "partyOrganisationId", code: "one_party", reason: "één organisatie of één naam" },
      ]);
    }
    if (isTeamPurpose(body.purpose) && !body.partyOrganisationId) {
      throw invalidInput("Voor delen in het casusteam is de ontvanger een organisatie in de regio.", [{ name: "partyOrganisationId", code: "required", reason: "kies een organisatie" }]);
    }
    let partyLabel = partyName ?? "";
    if (body.partyOrganisationId) {
      // A transfer goes to another region's care coordination; everything else to the file's own region.
      const org = body.purpose === "transfer"
        ? (await coordinationElsewhere(tx, row.region_id)).find((o) => o.id === body.partyOrganisationId)
        : await regionOrganisation(tx, row.region_id, body.partyOrganisationId);
      if (!org) {
        throw body.purpose === "transfer"
          ? invalidInput("Kies de zorgcoördinatie van een andere regio.", [{ name: "partyOrganisationId", code: "unknown_organisation", reason: "geen zorgcoördinatie van een andere regio" }])
          : invalidInput("Kies een organisatie uit het netwerk van de regio.", [{ name: "partyOrganisationId", code: "unknown_organisation", reason: "niet in de regio" }]);
      }
      partyLabel = org.name;
    }
    if (body.decidedOn > today) throw invalidInput("De datum van de beslissing ligt in de toekomst.", [{ name: "decidedOn", code: "future_date", reason: "vandaag of eerder" }]);
    if (body.validUntil) {
      if (body.status !== "given") throw invalidInput("Alleen gegeven toestemming heeft een einddatum.", [{ name: "validUntil", code: "not_allowed", reason: "alleen bij gegeven toestemming" }]);
      if (body.validUntil < body.decidedOn) throw invalidInput("De einddatum ligt voor de datum van de beslissing.", [{ name: "validUntil", code: "before_start", reason: "na de beslisdatum" }]);
    }
    const party = { organisationId: body.partyOrganisationId ?? null, name: partyName ?? null };
    if (body.status === "withdrawn" && !["given", "expired"].includes(consentState(records, body.purpose, party, today).state)) {
      throw careRefusal("transition_not_allowed", "Er is geen gegeven toestemming voor dit doel en deze partij om in te trekken.", "status");
    }
    await insertConsent(tx, {
      fileId: row.id,
      purpose: body.purpose,
      partyOrganisationId: party.organisationId,
      partyName: party.name,
      status: body.status,
      decidedOn: body.decidedOn,
      validUntil: body.validUntil ?? null,
      recordedHow: body.recordedHow,
      interpreterUsed: body.interpreterUsed,
      noteEnc: kernel.crypto.encryptOptional("consents.note", body.note),
      recordedBy: actor.userId,
      recordedAt: now,
    });
    let ended: { id: string; user_id: string }[] = [];
    if (body.status !== "given" && isTeamPurpose(body.purpose) && body.partyOrganisationId) {
      ended = await endMemberships(
        tx,
        row.id,
        { memberRole: "partner", purpose: body.purpose, organisationId: body.partyOrganisationId, basis: "consent" },
        { reason: "consent_withdrawn", by: actor.userId, at: now },
      );
    }
    const details = { purpose: body.purpose, party: partyLabel, status: body.status, decidedOn: body.decidedOn, validUntil: body.validUntil ?? null, endedMemberships: ended.length };
    await event("consent_recorded", details);
    for (const member of ended) {
      await event("team_member_ended", { memberId: member.id, userId: member.user_id, organisation: partyLabel, purpose: body.purpose, automatic: true, because: body.status });
    }
    return { details };
  });
}
