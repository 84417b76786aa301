import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import type { Tx } from "../../kernel/db.ts";
import { AppError, invalidInput, notFound } from "../../kernel/errors.ts";
import { authorize, type Actor } from "../../kernel/policy/policy.ts";
import { BrpError, createBrpClient } from "../enrichment/brp-client.ts";
import { notifyUsers, usersOfOrganisationWithRoles } from "../notifications/notify.ts";
import { deadlinesOf, dueAfter, dueForStatus } from "./deadlines.ts";
import { actionFor, checkTransition, findTransition, skippedSteps, type Status } from "./route.ts";
import { signalFacts, presentSignal } from "./signals.presenter.ts";
import { appendEvent, countEnrichments, findSignal, insertEnrichment, updateSignal, type SignalRow } from "./signals.repository.ts";
import { insertReferral, partnerOrganisation, referralCounts } from "./referrals.repository.ts";
import type { enrichmentBody, mergeBody, referralBody, reopenBody, transitionBody } from "./signals.schema.ts";
import { auditActor, refsOf, routeRefusal } from "./signals.service.ts";

/**
 * The focal officer's commands on the route. Each is one transaction: lock the signal, check the policy
 * and the state machine's guard, change, append history, audit, and answer with the signal as it is now.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function command(
  kernel: Kernel,
  actor: Actor,
  id: string,
  action: Parameters<typeof authorize<"signal">>[1],
  clientAddress: string,
  work: (tx: Tx, row: SignalRow, now: Date) => Promise<{ details: Record<string, unknown>; purpose?: string }>,
) {
  return kernel.db.transaction(async (tx) => {
    const row = await findSignal(tx, id, { forUpdate: true });
    if (!row) throw notFound();
    const role = authorize(actor, action, "signal", signalFacts(row), refsOf(row));
    const now = kernel.now();
    const { details, purpose } = await work(tx, row, now);
    kernel.audit.record(tx, {
      actor: auditActor(actor, role),
      action: "update",
      objectType: "signal",
      ...refsOf(row),
      purpose: purpose ?? "meldroute",
      result: "success",
      clientAddress,
      details: { reference: row.reference, command: action, ...details },
    });
    return presentSignal(kernel, tx, actor, (await findSignal(tx, id))!);
  });
}

/** Moves the signal to the status the route sets after a transition into `to`, with the new deadline. */
async function moveTo(
  kernel: Kernel,
  tx: Tx,
  actor: Actor | null,
  row: SignalRow,
  to: Status,
  now: Date,
  extra: { reason?: string; skipped?: Status[]; details?: Record<string, unknown>; change?: Parameters<typeof updateSignal>[2] } = {},
) {
  const urgency = extra.change?.urgency ?? row.urgency;
  const deadlines = await deadlinesOf(tx, row.municipality_id);
  await updateSignal(tx, row.id, {
    ...extra.change,
    status: to,
    dueAt: dueForStatus(to, urgency, now, deadlines),
    closedAt: to === "closed" ? now : null,
  }, now);
  await appendEvent(tx, {
    signalId: row.id,
    occurredAt: now,
    actorUserId: actor?.userId ?? null,
    actorOrganisationId: actor?.organisationId ?? null,
    kind: "transition",
    fromStatus: row.status,
    toStatus: to,
    skipped: extra.skipped ?? [],
    reasonEnc: kernel.crypto.encryptOptional("signal_events.reason", extra.reason),
    details: extra.details ?? {},
  });
}

export function transitionFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof transitionBody>, clientAddress: string) {
  return command(kernel, actor, id, actionFor[body.to], clientAddress, async (tx, row, now) => {
    const counts = await referralCounts(tx, row.id);
    const problem = checkTransition(
      {
        status: row.status,
        source: row.source,
        enrichmentCount: await countEnrichments(tx, row.id),
        activeReferrals: counts.active,
        unansweredReferrals: counts.unanswered,
        urgencyAssessed: row.urgency_assessed,
        exploitationForms: row.exploitation_forms,
        feedbackToReporter: kernel.crypto.decryptOptional("signals.feedback_to_reporter", row.feedback_to_reporter_enc),
      },
      body,
    );
    if (problem) throw routeRefusal(problem.code, problem.message, problem.field);
    const transition = findTransition(row.status, body.to)!;
    const skipped = skippedSteps(transition, row.source);
    // An assessment given with any step is kept: urgency and forms may be refined later in the route.
    const change: Parameters<typeof updateSignal>[2] = {};
    if (body.urgency) Object.assign(change, { urgency: body.urgency, urgencyAssessed: true });
    if (body.exploitationForms) change.exploitationForms = [...new Set(body.exploitationForms)];
    if (body.feedbackToReporter) change.feedbackToReporterEnc = kernel.crypto.encrypt("signals.feedback_to_reporter", body.feedbackToReporter);
    if (body.to === "closed") change.outcome = body.outcome!;
    await moveTo(kernel, tx, actor, row, body.to, now, {
      reason: body.reason,
      skipped,
      change,
      details: { urgency: body.urgency, exploitationForms: body.exploitationForms, outcome: body.outcome },
    });
    if (body.to === "reporter_informed" && row.reporter_user_id) {
      await notifyUsers(tx, { userIds: [row.reporter_user_id], kind: "reporter_informed", signalId: row.id, params: { reference: row.reference }, dedupeKey: `reporter-informed:${row.id}:${now.getTime()}`, now });
    }
    return { details: { from: row.status, to: body.to, skipped } };
  });
}

export function enrichFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof enrichmentBody>, clientAddress: string) {
  return command(kernel, actor, id, "enrich", clientAddress, async (tx, row, now) => {
    if (row.status === "closed") throw routeRefusal("transition_not_allowed", "Een gesloten signaal wordt niet meer verrijkt; heropen het eerst.");
    let result: Record<string, unknown>;
    if (body.source === "manual") {
      result = { note: body.note };
    } else {
      const location = row.location_enc ? (JSON.parse(kernel.crypto.decrypt("signals.location", row.location_enc)) as Record<string, unknown>) : null;
      if (!location || (location.kind !== "address" && !(location.kind === "business" && location.postcode && location.houseNumber))) {
        throw routeRefusal("brp_not_configured", "Dit signaal heeft geen adres (postcode en huisnummer) om in de BRP op te zoeken; voeg een notitie toe.");
      }
      const endpoint = await tx.query<{ base_url: string; api_key_enc: string | null }>(
        "select base_url, api_key_enc from brp_endpoints where municipality_id = $1",
        [row.municipality_id],
      );
      if (!endpoint[0]) {
        throw routeRefusal("brp_not_configured", "Voor deze gemeente is geen BRP-koppeling ingesteld; leg de informatie vast als notitie.");
      }
      const client = createBrpClient({
        baseUrl: endpoint[0].base_url,
        apiKey: kernel.crypto.decryptOptional("brp_endpoints.api_key", endpoint[0].api_key_enc) ?? undefined,
      });
      try {
        const answer = await client.residentsAt({
          postcode: String(location.postcode),
          houseNumber: Number(location.houseNumber),
          houseLetter: typeof location.houseLetter === "string" ? location.houseLetter : undefined,
          addition: typeof location.addition === "string" ? location.addition : undefined,
        });
        result = { registeredCount: answer.count, residents: answer.residents.map((r) => ({ registeredSince: r.registeredSince })) };
      } catch (error) {
        if (error instanceof BrpError) throw new AppError(502, "brp_unavailable", "BRP niet bereikbaar", error.message);
        throw error;
      }
    }
    await insertEnrichment(tx, {
      signalId: row.id,
      source: body.source,
      purpose: body.purpose,
      performedBy: actor.userId,
      performedAt: now,
      resultEnc: kernel.crypto.encrypt("signal_enrichments.result", JSON.stringify(result)),
    });
    await appendEvent(tx, {
      signalId: row.id,
      occurredAt: now,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      kind: body.source === "brp" ? "brp_lookup" : "note_added",
      details: { purpose: body.purpose, ...(body.source === "brp" ? { registeredCount: result.registeredCount } : {}) },
    });
    if (body.source === "brp") {
      // The lookup itself is a read of the population register: its own audit event, with its purpose.
      kernel.audit.record(tx, {
        actor: auditActor(actor, "focal_officer"),
        action: "search",
        objectType: "brp_address",
        ...refsOf(row),
        purpose: body.purpose,
        result: "success",
        clientAddress,
        details: { reference: row.reference, registeredCount: result.registeredCount },
      });
    }
    return { details: { enrichment: body.source }, purpose: body.purpose };
  });
}

export function referFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof referralBody>, clientAddress: string) {
  return command(kernel, actor, id, "refer", clientAddress, async (tx, row, now) => {
    authorize(actor, "create", "referral", { organisationId: body.organisationId, signalMunicipalityId: row.municipality_id }, refsOf(row));
    if (!["assessed", "referred"].includes(row.status)) {
      throw routeRefusal("transition_not_allowed", "Beoordeel het signaal (urgentie en vorm) voordat u het doorzet.");
    }
    const partner = await partnerOrganisation(tx, body.organisationId);
    if (!partner || !partner.region_ids.some((r) => row.municipality_region_ids.includes(r)) || partner.id === row.municipality_id) {
      throw invalidInput("Kies een ketenpartner uit de regio van deze gemeente.", [{ name: "organisationId", code: "unknown_partner", reason: "geen ketenpartner in deze regio" }]);
    }
    if (row.referred_organisation_ids.includes(partner.id)) {
      throw routeRefusal("already_referred", `Dit signaal is al doorgezet naar ${partner.name}.`, "organisationId");
    }
    const parts = [...new Set(body.sharedParts)].filter((p) => !(p === "reporter" && row.reporter_anonymous));
    const deadlines = await deadlinesOf(tx, row.municipality_id);
    const dueAt = dueAfter(now, deadlines[row.urgency].feedbackDays);
    const referralId = await insertReferral(tx, {
      signalId: row.id,
      organisationId: partner.id,
      channel: body.channel,
      purposeEnc: kernel.crypto.encrypt("referrals.purpose", body.purpose),
      sharedParts: parts,
      createdBy: actor.userId,
      createdAt: now,
      dueAt,
    });
    await appendEvent(tx, {
      signalId: row.id,
      occurredAt: now,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      kind: "referral_created",
      details: { organisation: partner.name, channel: body.channel, sharedParts: parts, withheldReporter: row.reporter_anonymous && body.sharedParts.includes("reporter") },
    });
    if (row.status === "assessed") {
      await moveTo(kernel, tx, actor, row, "referred", now);
    }
    const partnerUsers = await usersOfOrganisationWithRoles(tx, partner.id, ["partner", "care_coordinator"]);
    await notifyUsers(tx, { userIds: partnerUsers, kind: "referral_received", signalId: row.id, referralId, params: { reference: row.reference, dueAt: dueAt.toISOString() }, dedupeKey: `referral-received:${referralId}`, now });
    return { details: { referralId, organisationId: partner.id, channel: body.channel, sharedParts: parts } };
  });
}

export function mergeFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof mergeBody>, clientAddress: string) {
  return command(kernel, actor, id, "merge", clientAddress, async (tx, row, now) => {
    if (row.status === "closed") throw routeRefusal("merge_refused", "Een gesloten signaal kan niet worden samengevoegd; heropen het eerst.");
    // The other signal by id or by its reference within the same municipality's route.
    const targetId = UUID.test(body.into)
      ? body.into
      : (await tx.query<{ id: string }>("select id from signals where municipality_id = $1 and reference = $2", [row.municipality_id, body.into.toUpperCase()]))[0]?.id;
    if (targetId === row.id) throw routeRefusal("merge_refused", "Een signaal kan niet met zichzelf worden samengevoegd.", "into");
    const target = targetId ? await findSignal(tx, targetId, { forUpdate: true }) : undefined;
    if (!target || target.municipality_id !== row.municipality_id) {
      throw routeRefusal("merge_refused", "Het andere signaal is niet gevonden in de meldroute van deze gemeente.", "into");
    }
    if (target.status === "closed") throw routeRefusal("merge_refused", "Het andere signaal is gesloten; heropen het of kies een open signaal.", "into");
    await moveTo(kernel, tx, actor, row, "closed", now, {
      reason: body.reason,
      change: { outcome: "merged", mergedIntoId: target.id },
      details: { mergedInto: target.reference },
    });
    await appendEvent(tx, {
      signalId: target.id,
      occurredAt: now,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      kind: "merged_in",
      reasonEnc: kernel.crypto.encrypt("signal_events.reason", body.reason),
      details: { mergedFrom: row.reference },
    });
    return { details: { mergedInto: target.id } };
  });
}

export function reopenFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof reopenBody>, clientAddress: string) {
  return command(kernel, actor, id, "reopen", clientAddress, async (tx, row, now) => {
    if (row.status !== "closed") throw routeRefusal("transition_not_allowed", "Alleen een gesloten signaal kan worden heropend.");
    if (row.outcome === "merged") {
      throw routeRefusal("transition_not_allowed", "Een samengevoegd signaal leeft verder in het signaal waarin het is opgegaan; heropen dat.");
    }
    const deadlines = await deadlinesOf(tx, row.municipality_id);
    await updateSignal(tx, row.id, { status: "recorded", outcome: null, closedAt: null, dueAt: dueForStatus("recorded", row.urgency, now, deadlines) }, now);
    await appendEvent(tx, {
      signalId: row.id,
      occurredAt: now,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      kind: "reopened",
      fromStatus: "closed",
      toStatus: "recorded",
      reasonEnc: kernel.crypto.encrypt("signal_events.reason", body.reason),
      details: { previousOutcome: row.outcome },
    });
    return { details: { reopened: true } };
  });
}

export { moveTo };
