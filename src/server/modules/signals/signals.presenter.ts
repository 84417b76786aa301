import type { Kernel } from "../../http/kernel.ts";
import type { Queryable } from "../../kernel/db.ts";
import { can, recordAbilities, type Actor, type Facts } from "../../kernel/policy/policy.ts";
import { catalogueById } from "../indicators/indicators.repository.ts";
import { exploitationFormsSuggestedBy } from "../indicators/exploitation-forms.ts";
import { actionFor, nextSteps } from "./route.ts";
import { sharedParts } from "./signals.schema.ts";
import { enrichmentsOf, eventsOf, locationElsewhere, personsOf, type SignalRow } from "./signals.repository.ts";
import { referralsOf, type ReferralRow } from "./referrals.repository.ts";

/**
 * A signal as one actor may see it. The focal officer of the municipality sees everything; a partner sees
 * the parts shared through their referral (never the reporter when they asked for anonymity); parts not
 * visible are null, so a client cannot show what it never received.
 */
export type SharedPart = (typeof sharedParts)[number];

export function signalFacts(row: SignalRow): Facts["signal"] {
  return {
    municipalityId: row.municipality_id,
    municipalityRegionIds: row.municipality_region_ids,
    reporterUserId: row.reporter_user_id,
    referredOrganisationIds: row.referred_organisation_ids,
  };
}

export function visiblePartsFor(actor: Actor, row: SignalRow, referrals: ReferralRow[]): SharedPart[] {
  const facts = signalFacts(row);
  if (can(actor, "read", "signal", { ...facts, referredOrganisationIds: [] })) return [...sharedParts];
  const parts = new Set<SharedPart>();
  for (const r of referrals) {
    if (r.organisation_id === actor.organisationId && r.status !== "withdrawn") for (const p of r.shared_parts) parts.add(p as SharedPart);
  }
  if (row.reporter_anonymous) parts.delete("reporter");
  return sharedParts.filter((p) => parts.has(p));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentReferral(kernel: Kernel, actor: Actor, r: ReferralRow, now: Date) {
  const facts = { organisationId: r.organisation_id, signalMunicipalityId: r.signal_municipality_id };
  return {
    id: r.id,
    signalId: r.signal_id,
    signalReference: r.signal_reference,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    channel: r.channel as never,
    purpose: kernel.crypto.decrypt("referrals.purpose", r.purpose_enc),
    sharedParts: r.shared_parts as never,
    status: r.status,
    createdAt: r.created_at.toISOString(),
    dueAt: r.due_at.toISOString(),
    overdue: (r.status === "open" || r.status === "accepted") && r.due_at < now,
    respondedAt: iso(r.responded_at),
    declineReason: kernel.crypto.decryptOptional("referrals.decline_reason", r.decline_reason_enc),
    feedbackOutcome: r.feedback_outcome as never,
    feedback: kernel.crypto.decryptOptional("referrals.feedback", r.feedback_enc),
    feedbackAt: iso(r.feedback_at),
    abilities: {
      ...recordAbilities(actor, "referral", facts),
      respond: can(actor, "respond", "referral", facts) && r.status === "open",
      give_feedback: can(actor, "give_feedback", "referral", facts) && (r.status === "open" || r.status === "accepted"),
    },
  };
}

export async function presentSignal(kernel: Kernel, q: Queryable, actor: Actor, row: SignalRow) {
  const c = kernel.crypto;
  const now = kernel.now();
  const allReferrals = await referralsOf(q, row.id);
  const parts = visiblePartsFor(actor, row, allReferrals);
  const sees = (p: SharedPart) => parts.includes(p);
  const full = can(actor, "read", "signal", { ...signalFacts(row), referredOrganisationIds: [] });
  // A partner sees its own referral, not those of other partners.
  const referrals = full ? allReferrals : allReferrals.filter((r) => r.organisation_id === actor.organisationId);

  const catalogue = await catalogueById(q, row.catalogue_id);
  const ticked = (catalogue?.indicators ?? []).filter((i) => row.indicator_codes.includes(i.code));
  const persons = sees("victims") || sees("perpetrators") ? await personsOf(q, row.id) : [];
  const presentPersons = (role: "victim" | "perpetrator") =>
    persons
      .filter((p) => p.role === role)
      .map((p) => ({
        id: p.id,
        role: p.role,
        name: c.decryptOptional("signal_persons.name", p.name_enc),
        birthDate: c.decryptOptional("signal_persons.birth_date", p.birth_date_enc),
        gender: p.gender as never,
        nationality: p.nationality,
        phone: c.decryptOptional("signal_persons.phone", p.phone_enc),
        description: c.decryptOptional("signal_persons.description", p.description_enc),
        otherSignals: Boolean(p.other_signals),
      }));

  const enrichments = sees("enrichments")
    ? (await enrichmentsOf(q, row.id)).map((e) => {
        const result = JSON.parse(c.decrypt("signal_enrichments.result", e.result_enc)) as {
          note?: string;
          registeredCount?: number;
          residents?: { registeredSince: string | null }[];
        };
        return {
          id: e.id,
          source: e.source,
          purpose: e.purpose,
          performedAt: new Date(e.performed_at).toISOString(),
          performedByName: c.decryptOptional("users.display_name", e.performed_by_name_enc),
          note: result.note ?? null,
          registeredCount: result.registeredCount ?? null,
          residents: result.residents ?? [],
        };
      })
    : null;

  let reporter = null;
  if (sees("reporter") && row.source === "employee") {
    const rows = await q.query<{ name_enc: string | null; org_name: string | null }>(
      `select u.display_name_enc as name_enc, o.name as org_name from signals s
         left join users u on u.id = s.reporter_user_id left join organisations o on o.id = s.reporter_organisation_id where s.id = $1`,
      [row.id],
    );
    reporter = {
      name: c.decryptOptional("users.display_name", rows[0]?.name_enc),
      organisationName: rows[0]?.org_name ?? null,
      team: c.decryptOptional("signals.reporter_team", row.reporter_team_enc),
      anonymous: row.reporter_anonymous,
    };
  }

  const history = full
    ? (await eventsOf(q, row.id)).map((e) => ({
        id: e.id,
        occurredAt: new Date(e.occurred_at).toISOString(),
        kind: e.kind,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        skipped: e.skipped ?? [],
        reason: c.decryptOptional("signal_events.reason", e.reason_enc),
        actorName: c.decryptOptional("users.display_name", e.actor_name_enc),
        actorOrganisationName: e.actor_organisation_name,
        details: typeof e.details === "string" ? (JSON.parse(e.details) as Record<string, unknown>) : e.details,
      }))
    : null;

  const facts = signalFacts(row);
  const abilities = recordAbilities(actor, "signal", facts);
  const suggestion = exploitationFormsSuggestedBy(ticked.map((i) => ({ code: i.code, group: i.group })));
  return {
    id: row.id,
    reference: row.reference,
    municipalityId: row.municipality_id,
    municipalityName: row.municipality_name,
    source: row.source,
    status: row.status,
    urgency: row.urgency,
    urgencyAssessed: row.urgency_assessed,
    exploitationForms: row.exploitation_forms as never,
    outcome: row.outcome as never,
    mergedIntoId: row.merged_into_id,
    receivedAt: row.received_at.toISOString(),
    dueAt: iso(row.due_at),
    overdue: row.status !== "closed" && row.due_at !== null && row.due_at < now,
    closedAt: iso(row.closed_at),
    visibleParts: parts,
    catalogue: { id: row.catalogue_id, version: row.catalogue_version },
    indicators: sees("indicators") ? ticked.map((i) => ({ code: i.code, group: i.group, textNl: i.textNl, textEn: i.textEn })) : null,
    suggestedForms: sees("indicators") ? suggestion.suggestedForms : null,
    description: sees("description") ? c.decrypt("signals.description", row.description_enc) : null,
    observedOn: sees("description") ? row.observed_on : null,
    observedPeriod: sees("description") ? c.decryptOptional("signals.observed_period", row.observed_period_enc) : null,
    location: sees("location") && row.location_enc ? JSON.parse(c.decrypt("signals.location", row.location_enc)) : null,
    locationOtherSignals: sees("location") ? await locationElsewhere(q, row.id, row.location_hash) : null,
    victims: sees("victims") ? presentPersons("victim") : null,
    perpetrators: sees("perpetrators") ? presentPersons("perpetrator") : null,
    reporter,
    feedbackToReporter: full ? c.decryptOptional("signals.feedback_to_reporter", row.feedback_to_reporter_enc) : null,
    enrichments,
    referrals: referrals.map((r) => presentReferral(kernel, actor, r, now)),
    history,
    brpAvailable: full && (await q.query("select 1 from brp_endpoints where municipality_id = $1", [row.municipality_id])).length > 0,
    nextSteps: full && row.status !== "closed" ? nextSteps(row.status, row.source).filter((s) => abilities[actionFor[s.to]]) : [],
    abilities,
  };
}

