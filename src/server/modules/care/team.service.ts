import sql from "sql-template-tag";
import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { run, type Queryable } from "../../kernel/db.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { conflict, invalidInput } from "../../kernel/errors.ts";
import type { Actor } from "../../kernel/policy/policy.ts";
import { notifyUsers } from "../notifications/notify.ts";
import { addDays } from "./calendar.ts";
import { partnerMemberRoles } from "./codes.ts";
import { decideSharing } from "./consent.ts";
import { auditActor, careRefusal, fileCommand, loadFileFor } from "./file-command.ts";
import { fileRefs } from "./files.presenter.ts";
import { endMemberships, insertTeamMember, teamOf } from "./files.repository.ts";
import type { endMemberBody, teamMemberBody } from "./files.schema.ts";
import { consentsOf } from "./plan.repository.ts";

/**
 * The case team. Coordinators of the file's organisation join without further ado; a partner user joins
 * for one purpose and a period, which is sharing: it needs the person's consent for that purpose and the
 * user's organisation, or a legal basis the coordinator states.
 */
const MAX_PARTNER_DAYS = 366;

interface Candidate {
  id: string;
  organisation_id: string;
  organisation_name: string;
  active: boolean;
  roles: string[];
  in_region: boolean;
}

async function candidate(q: Queryable, userId: string, regionId: string): Promise<Candidate | undefined> {
  const rows = await run<Candidate & { roles: unknown }>(q, sql`
    select u.id, u.organisation_id, o.name as organisation_name, u.active,
           coalesce((select json_agg(distinct r.role) from user_roles r where r.user_id = u.id), '[]'::json) as roles,
           exists (select 1 from region_members rm where rm.organisation_id = u.organisation_id and rm.region_id = ${regionId}) as in_region
      from users u join organisations o on o.id = u.organisation_id
     where u.id = ${userId}`);
  const row = rows[0];
  if (!row) return undefined;
  return { ...row, roles: Array.isArray(row.roles) ? (row.roles as string[]) : (JSON.parse(String(row.roles)) as string[]) };
}

export function addMemberFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof teamMemberBody>, clientAddress: string) {
  return fileCommand(kernel, actor, id, "manage_team", clientAddress, async ({ tx, row, today, now, activeTeam, event }) => {
    if (row.status === "closed") throw careRefusal("transition_not_allowed", "Een afgesloten dossier krijgt geen nieuwe teamleden; heropen het eerst.");
    if (body.legalBasis && !body.legalBasisNote) {
      throw invalidInput("Licht de wettelijke grondslag toe.", [{ name: "legalBasisNote", code: "required", reason: "verplicht bij een wettelijke grondslag" }]);
    }
    const user = await candidate(tx, body.userId, row.region_id);
    const notEligible = (message: string) => careRefusal("not_eligible", message, "userId");
    if (!user || !user.active) throw notEligible("Deze gebruiker bestaat niet of is niet actief.");
    const unended = (await teamOf(tx, row.id)).filter((m) => m.user_id === user.id && !m.ended_at);
    // A membership whose period is over ends now, so the person can be added again; a current or future one stands.
    const lapsed = unended.filter((m) => m.valid_until !== null && m.valid_until < today);
    if (activeTeam.some((m) => m.user_id === user.id) || unended.length > lapsed.length) {
      throw conflict("Deze gebruiker staat al in het casusteam. Beëindig eerst het huidige lidmaatschap.");
    }
    if (lapsed.length > 0) {
      await endMemberships(tx, row.id, { memberIds: lapsed.map((m) => m.id) }, { reason: "period_ended", by: actor.userId, at: now });
    }
    const validFrom = body.validFrom ?? today;
    if (validFrom < today) throw invalidInput("De periode begint niet in het verleden.", [{ name: "validFrom", code: "past_date", reason: "vandaag of later" }]);
    if (body.validUntil && body.validUntil < validFrom) {
      throw invalidInput("De einddatum ligt voor de begindatum.", [{ name: "validUntil", code: "before_start", reason: "na de begindatum" }]);
    }

    let basis: string = "coordinator";
    if (body.memberRole === "coordinator") {
      if (!user.roles.includes("care_coordinator") || user.organisation_id !== row.organisation_id) {
        throw notEligible("Alleen een zorgcoördinator van de organisatie die het dossier houdt kan coördinator zijn.");
      }
      if (body.purpose) throw invalidInput("Een coördinator ziet het hele dossier; een doel hoort bij een ketenpartner.", [{ name: "purpose", code: "not_allowed", reason: "alleen voor ketenpartners" }]);
    } else {
      if (!body.purpose) throw invalidInput("Kies het doel waarvoor deze ketenpartner het dossier inziet.", [{ name: "purpose", code: "required", reason: "verplicht voor een ketenpartner" }]);
      if (!body.validUntil) throw invalidInput("Geef aan tot wanneer deze ketenpartner het dossier inziet.", [{ name: "validUntil", code: "required", reason: "verplicht voor een ketenpartner" }]);
      if (body.validUntil > addDays(validFrom, MAX_PARTNER_DAYS)) {
        throw invalidInput("Een ketenpartner krijgt toegang voor ten hoogste een jaar; verleng later zo nodig.", [{ name: "validUntil", code: "too_long", reason: "ten hoogste een jaar" }]);
      }
      if (!user.in_region || !user.roles.some((r) => (partnerMemberRoles as readonly string[]).includes(r))) {
        throw notEligible("Kies een medewerker van een ketenpartner in de regio van dit dossier.");
      }
      const decision = decideSharing(await consentsOf(tx, row.id), body.purpose, { organisationId: user.organisation_id }, today, body);
      if (!decision.allowed) {
        const state = { none: "er is geen toestemming vastgelegd", refused: "de cliënt heeft toestemming geweigerd", withdrawn: "de cliënt heeft de toestemming ingetrokken", expired: "de toestemming is verlopen", given: "" }[decision.state];
        throw careRefusal(
          "consent_required",
          `Delen met ${user.organisation_name} voor dit doel kan niet: ${state}. Leg toestemming vast, of geef de wettelijke grondslag om zonder toestemming te delen.`,
          "legalBasis",
        );
      }
      basis = decision.basis;
      if (decision.basis === "consent" && decision.consentValidUntil && body.validUntil > decision.consentValidUntil) {
        throw invalidInput(
          `De toestemming geldt tot ${decision.consentValidUntil}; de toegang kan niet langer duren.`,
          [{ name: "validUntil", code: "after_consent", reason: `uiterlijk ${decision.consentValidUntil}` }],
        );
      }
    }
    const c = kernel.crypto;
    const memberId = await insertTeamMember(tx, {
      fileId: row.id,
      userId: user.id,
      organisationId: user.organisation_id,
      memberRole: body.memberRole,
      purpose: body.memberRole === "partner" ? body.purpose! : null,
      purposeNoteEnc: c.encryptOptional("case_team_members.purpose_note", body.purposeNote),
      validFrom,
      validUntil: body.validUntil ?? null,
      basis,
      legalBasisNoteEnc: basis === "consent" || basis === "coordinator" ? null : c.encryptOptional("case_team_members.legal_basis_note", body.legalBasisNote),
      addedBy: actor.userId,
      addedAt: now,
    });
    const details = { memberId, userId: user.id, organisation: user.organisation_name, memberRole: body.memberRole, purpose: body.purpose ?? null, validFrom, validUntil: body.validUntil ?? null, basis };
    await event("team_member_added", details);
    await notifyUsers(tx, { userIds: [user.id], kind: "case_team_added", victimFileId: row.id, params: { reference: row.reference }, dedupeKey: `case-team-added:${memberId}`, now });
    return { details };
  });
}

export function endMemberFor(kernel: Kernel, actor: Actor, id: string, memberId: string, body: z.infer<typeof endMemberBody>, clientAddress: string) {
  return fileCommand(kernel, actor, id, "manage_team", clientAddress, async ({ tx, row, now, activeTeam, event }) => {
    const member = (await teamOf(tx, row.id)).find((m) => m.id === memberId && !m.ended_at);
    if (!member) throw invalidInput("Dit lidmaatschap bestaat niet of is al beëindigd.", [{ name: "memberId", code: "unknown", reason: "geen actief teamlid" }]);
    const coordinators = activeTeam.filter((m) => m.member_role === "coordinator");
    if (member.member_role === "coordinator" && coordinators.length <= 1 && coordinators[0]?.id === member.id) {
      throw careRefusal("not_eligible", "Een dossier houdt ten minste één coördinator. Voeg eerst een andere coördinator toe.");
    }
    await endMemberships(tx, row.id, { memberIds: [member.id] }, { reason: "ended_by_coordinator", by: actor.userId, at: now });
    const details = { memberId: member.id, userId: member.user_id, organisation: member.organisation_name, memberRole: member.member_role, purpose: member.purpose };
    await event("team_member_ended", details, { reason: body.reason ?? null });
    return { details };
  });
}

/** Users of an organisation in the file's region who could join the team; audited as a list of users. */
export function teamCandidatesFor(kernel: Kernel, actor: Actor, id: string, organisationId: string, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const { row, role } = await loadFileFor(kernel, tx, actor, id, "manage_team");
    const rows = await run<{ id: string; name_enc: string; organisation_id: string; organisation_name: string; roles: unknown }>(tx, sql`
      select u.id, u.display_name_enc as name_enc, u.organisation_id, o.name as organisation_name,
             (select json_agg(distinct r.role) from user_roles r where r.user_id = u.id) as roles
        from users u join organisations o on o.id = u.organisation_id
       where u.organisation_id = ${organisationId} and u.active and o.active
         and exists (select 1 from region_members rm where rm.organisation_id = o.id and rm.region_id = ${row.region_id})
         and exists (select 1 from user_roles r where r.user_id = u.id
                      and (r.role = any(${[...partnerMemberRoles]}::text[])))
         -- Who is on the team now, or will be, is no candidate; a lapsed membership does not count.
         and not exists (select 1 from case_team_members m where m.file_id = ${row.id} and m.user_id = u.id and m.ended_at is null
                           and (m.valid_until is null or m.valid_until >= ${dutchDate(kernel.now())}::date))`);
    const items = rows.map((r) => ({
      userId: r.id,
      name: kernel.crypto.decryptOptional("users.display_name", r.name_enc),
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      roles: (Array.isArray(r.roles) ? r.roles : JSON.parse(String(r.roles))) as string[],
    }));
    items.sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "", "nl"));
    kernel.audit.record(tx, {
      actor: auditActor(actor, role),
      action: "list",
      objectType: "user",
      ownerOrganisationId: organisationId,
      purpose: "casusteam samenstellen",
      result: "success",
      clientAddress,
      details: { reference: row.reference, file: fileRefs(row).objectId, count: items.length },
    });
    return items;
  });
}
