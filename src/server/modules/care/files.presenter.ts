import sql from "sql-template-tag";
import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import type { Queryable } from "../../kernel/db.ts";
import { dutchDate, type CalendarDate } from "../../kernel/dutch-time.ts";
import { can, recordAbilities, type Actor, type Facts } from "../../kernel/policy/policy.ts";
import { adultOn, ageOn, daysBetween } from "./calendar.ts";
import { currentConsents } from "./consent.ts";
import type { victimFileSchema } from "./file-view.schema.ts";
import { activeTeamOf, fileEventsOf, identityElsewhere, teamOf, type FileRow, type TeamMemberRow } from "./files.repository.ts";
import { nextSteps } from "./lifecycle.ts";
import { consentsOf, goalsOf, lastComenshaExport, needsOf, permitsOf, placementsOf, residenceOf, servicesOf, type ConsentRow } from "./plan.repository.ts";
import { visibleParts, type FilePart } from "./purposes.ts";
import { buildResidenceTimeline } from "./residence-timeline.ts";
import { dueTasks, presentTask } from "./tasks.ts";
import { pendingTransferOf } from "./transfers.repository.ts";

/**
 * A victim file as one actor may see it: the coordinators on its case team see all of it, a partner user the
 * parts of their purpose. Parts outside that are null, and are not even read from the database.
 */
export type VictimFile = z.infer<typeof victimFileSchema>;

export function fileFacts(row: Pick<FileRow, "organisation_id">, activeTeam: readonly TeamMemberRow[]): Facts["victim_file"] {
  return { organisationId: row.organisation_id, activeTeam: activeTeam.map((m) => ({ userId: m.user_id, memberRole: m.member_role })) };
}

export function fileRefs(row: Pick<FileRow, "id" | "organisation_id">) {
  return { objectId: row.id, ownerOrganisationId: row.organisation_id, dataSubjectRef: `victim_file:${row.id}` };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Minor now: by the date of birth when known, else by the age group at opening. */
export function isMinor(birthDate: CalendarDate | null, ageGroup: string, today: CalendarDate): boolean {
  return birthDate ? ageOn(birthDate, today) < 18 : ageGroup === "under_18";
}

function presentConsent(kernel: Kernel, c: ConsentRow, today: CalendarDate) {
  return {
    id: c.id,
    purpose: c.purpose,
    partyOrganisationId: c.partyOrganisationId,
    partyName: c.partyOrganisationName ?? c.partyName ?? "",
    status: c.status,
    expired: c.status === "given" && c.validUntil !== null && c.validUntil < today,
    decidedOn: c.decidedOn,
    validUntil: c.validUntil,
    recordedHow: c.recordedHow as never,
    interpreterUsed: c.interpreterUsed,
    note: kernel.crypto.decryptOptional("consents.note", c.noteEnc),
    recordedByName: kernel.crypto.decryptOptional("users.display_name", c.recordedByNameEnc),
    recordedAt: c.recordedAt.toISOString(),
  };
}

function presentMember(kernel: Kernel, m: TeamMemberRow, active: boolean) {
  return {
    id: m.id,
    userId: m.user_id,
    name: kernel.crypto.decryptOptional("users.display_name", m.user_name_enc),
    organisationId: m.organisation_id,
    organisationName: m.organisation_name,
    memberRole: m.member_role,
    purpose: m.purpose,
    purposeNote: kernel.crypto.decryptOptional("case_team_members.purpose_note", m.purpose_note_enc),
    validFrom: m.valid_from,
    validUntil: m.valid_until,
    basis: m.basis,
    legalBasisNote: kernel.crypto.decryptOptional("case_team_members.legal_basis_note", m.legal_basis_note_enc),
    active,
    addedAt: new Date(m.added_at).toISOString(),
    endedAt: m.ended_at ? new Date(m.ended_at).toISOString() : null,
    endReason: m.end_reason,
  };
}

export async function presentFile(kernel: Kernel, q: Queryable, actor: Actor, row: FileRow): Promise<VictimFile> {
  const c = kernel.crypto;
  const now = kernel.now();
  const today = dutchDate(now);
  const active = await activeTeamOf(q, row.id, today);
  const mine = active.find((m) => m.user_id === actor.userId) ?? null;
  const parts = visibleParts(mine ? { memberRole: mine.member_role, purpose: mine.purpose } : null);
  const sees = (p: FilePart) => parts.includes(p);
  const facts = fileFacts(row, active);
  const coordinatorView = sees("history");

  const birthDate = c.decryptOptional("victim_files.birth_date", row.birth_date_enc);
  const minor = isMinor(birthDate, row.age_group, today);

  const person = sees("person")
    ? {
        name: c.decryptOptional("victim_files.name", row.name_enc),
        birthDate,
        age: birthDate ? ageOn(birthDate, today) : null,
        phone: c.decryptOptional("victim_files.phone", row.phone_enc),
        contact: c.decryptOptional("victim_files.contact", row.contact_enc),
        gender: row.gender,
        ageGroup: row.age_group,
        nationality: row.nationality,
        languages: row.languages,
        otherRecords: await identityElsewhere(q, row),
      }
    : null;

  let consents: VictimFile["consents"] = null;
  if (sees("consent")) {
    const all = await consentsOf(q, row.id);
    consents = {
      current: currentConsents(all).map((r) => presentConsent(kernel, r, today)),
      history: [...all].reverse().map((r) => presentConsent(kernel, r, today)),
    };
  }

  let carePlan: VictimFile["carePlan"] = null;
  if (sees("care_plan")) {
    const [needs, goals, services] = await Promise.all([needsOf(q, row.id), goalsOf(q, row.id), servicesOf(q, row.id)]);
    carePlan = {
      needs: needs.map((n) => ({ domain: n.domain as never, status: n.status as never, note: c.decryptOptional("victim_needs.note", n.note_enc), updatedAt: new Date(n.updated_at).toISOString() })),
      goals: goals.map((g) => ({
        id: g.id,
        domain: g.domain as never,
        description: c.decrypt("care_goals.description", g.description_enc),
        targetDate: g.target_date,
        status: g.status,
        achievedOn: g.achieved_on,
        overdue: g.status === "open" && g.target_date < today,
      })),
      services: services.map((s) => ({
        id: s.id,
        domain: s.domain as never,
        serviceType: s.service_type as never,
        providerOrganisationId: s.provider_organisation_id,
        providerName: s.provider_name,
        description: c.decryptOptional("care_services.description", s.description_enc),
        startDate: s.start_date,
        endDate: s.end_date,
        status: s.status,
        overdue: (s.status === "planned" && s.start_date < today) || (s.status === "active" && s.end_date !== null && s.end_date < today),
      })),
    };
  }

  const shelter = sees("shelter")
    ? {
        placements: (await placementsOf(q, row.id)).map((p) => ({
          id: p.id,
          shelterOrganisationId: p.shelter_organisation_id,
          shelterName: p.shelter_name,
          placeType: p.place_type as never,
          admittedOn: p.admitted_on,
          leftOn: p.left_on,
          leaveKind: p.leave_kind,
          destination: p.destination as never,
          note: c.decryptOptional("shelter_placements.note", p.note_enc),
          current: p.admitted_on <= today && (p.left_on === null || p.left_on > today),
        })),
      }
    : null;

  let residence: VictimFile["residence"] = null;
  if (sees("residence")) {
    const [scheme, permits] = await Promise.all([residenceOf(q, row.id), permitsOf(q, row.id)]);
    const reflection = scheme?.reflection_offered_on
      ? {
          offeredOn: scheme.reflection_offered_on,
          endsOn: scheme.reflection_ends_on!,
          endedEarlyOn: scheme.reflection_ended_early_on,
          endReason: scheme.reflection_end_reason as never,
          running: !scheme.reflection_ended_early_on && scheme.reflection_offered_on <= today && scheme.reflection_ends_on! >= today,
          daysLeft: !scheme.reflection_ended_early_on && scheme.reflection_ends_on! >= today ? daysBetween(today, scheme.reflection_ends_on!) : null,
        }
      : null;
    const policeReport = {
      status: scheme?.police_report ?? "undecided",
      date: scheme?.police_report_on ?? null,
      unableBasis: (scheme?.unable_basis ?? null) as never,
      unableStatement: c.decryptOptional("residence_schemes.unable_statement", scheme?.unable_statement_enc),
    };
    const presentedPermits = permits.map((p) => ({ id: p.id, kind: p.kind as never, appliedOn: p.applied_on, decidedOn: p.decided_on, decision: p.decision, validUntil: p.valid_until }));
    residence = { reflection, policeReport, permits: presentedPermits, timeline: buildResidenceTimeline(reflection, policeReport, presentedPermits) };
  }

  const pending = coordinatorView ? await pendingTransferOf(q, row.id, today) : undefined;
  const lastExport = sees("registration") ? await lastComenshaExport(q, row.id) : undefined;
  const signalReadable = row.signal_id
    ? (await q.query("select 1 from referrals r where r.signal_id = $1 and r.organisation_id = $2 and r.status <> 'withdrawn'", [row.signal_id, actor.organisationId])).length > 0
    : false;

  const team = sees("team") ? await teamOf(q, row.id) : null;
  const activeIds = new Set(active.map((m) => m.id));
  const tasks = coordinatorView && row.status !== "closed" ? (await dueTasks(q, sql`f.id = ${row.id}`, today)).map(presentTask) : null;
  const abilities = recordAbilities(actor, "victim_file", facts);

  return {
    id: row.id,
    reference: row.reference,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    regionId: row.region_id,
    regionName: row.region_name,
    status: row.status,
    closureReason: row.closure_reason,
    source: row.source,
    openedAt: row.opened_at.toISOString(),
    closedAt: iso(row.closed_at),
    minor,
    visibleParts: parts,
    myMembership: mine ? { memberRole: mine.member_role, purpose: mine.purpose, validUntil: mine.valid_until } : null,
    coordinators: active.filter((m) => m.member_role === "coordinator").map((m) => ({ userId: m.user_id, name: c.decryptOptional("users.display_name", m.user_name_enc) })),
    // The signal behind a referral: only its reference, and only where the actor's organisation received it.
    signal: row.signal_id && row.signal_reference && (coordinatorView || sees("exploitation")) && signalReadable
      ? { id: row.signal_id, reference: row.signal_reference, municipalityName: row.signal_municipality_name }
      : null,
    transferredFrom: coordinatorView && row.transferred_from_reference
      ? { reference: row.transferred_from_reference, organisationName: row.transferred_from_organisation_name ?? "" }
      : null,
    pendingTransfer: pending ? { id: pending.id, toOrganisationName: pending.to_organisation_name, proposedAt: new Date(pending.proposed_at).toISOString() } : null,
    person,
    exploitation: sees("exploitation")
      ? { forms: row.exploitation_forms as never, cameIntoView: c.decryptOptional("victim_files.came_into_view", row.came_into_view_enc) }
      : null,
    youth: sees("youth")
      ? {
          veiligThuisNotifiedOn: row.veilig_thuis_notified_on,
          youthCareProvider: row.youth_care_provider_id ? { id: row.youth_care_provider_id, name: row.youth_care_provider_name ?? "" } : null,
          guardian: c.decryptOptional("victim_files.guardian", row.guardian_enc),
          adultOn: birthDate && minor ? adultOn(birthDate) : null,
        }
      : null,
    team: team ? team.map((m) => presentMember(kernel, m, activeIds.has(m.id))) : null,
    consents,
    carePlan,
    shelter,
    residence,
    registration: sees("registration")
      ? {
          comensha: {
            registeredOn: row.comensha_registered_on,
            registeredByName: c.decryptOptional("users.display_name", row.comensha_registered_by_name_enc),
            basis: row.comensha_basis,
            number: c.decryptOptional("victim_files.comensha_number", row.comensha_number_enc),
            lastExportAt: lastExport ? new Date(lastExport.exported_at).toISOString() : null,
          },
          policeUnit: row.police_unit,
        }
      : null,
    history: coordinatorView
      ? (await fileEventsOf(q, row.id)).map((e) => ({
          id: e.id,
          occurredAt: new Date(e.occurred_at).toISOString(),
          kind: e.kind,
          fromStatus: e.from_status as never,
          toStatus: e.to_status as never,
          reason: c.decryptOptional("victim_file_events.reason", e.reason_enc),
          actorName: c.decryptOptional("users.display_name", e.actor_name_enc),
          actorOrganisationName: e.actor_organisation_name,
          details: typeof e.details === "string" ? (JSON.parse(e.details) as Record<string, unknown>) : e.details,
        }))
      : null,
    tasks,
    // While a transfer is pending the trajectory waits for the answer (lifecycle.ts refuses every step).
    nextSteps: can(actor, "transition", "victim_file", facts) && !pending
      ? nextSteps(row.status, row.closure_reason).map((t) => ({ to: t.to, needsReason: t.needsReason, needsClosureReason: t.needsClosureReason }))
      : [],
    abilities,
  };
}
