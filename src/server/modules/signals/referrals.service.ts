import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { AppError, notFound } from "../../kernel/errors.ts";
import { authorize, type Actor } from "../../kernel/policy/policy.ts";
import { notifyUsers, usersOfOrganisationWithRoles } from "../notifications/notify.ts";
import { presentReferral } from "./signals.presenter.ts";
import { answerReferral, findReferral, referralCounts, respondToReferral, type ReferralRow } from "./referrals.repository.ts";
import { appendEvent, findSignal } from "./signals.repository.ts";
import type { declineBody, feedbackBody } from "./signals.schema.ts";
import { moveTo } from "./route.service.ts";
import { auditActor } from "./signals.service.ts";

/**
 * A partner's side of a referral: accept or decline (with reason), then report back. When the last
 * partner has answered, the signal moves on to "feedback collected" for the focal officer.
 */
type Verb = "accept" | "decline" | "feedback";

function refusal(message: string) {
  return new AppError(409, "referral_not_open", "Doorverwijzing niet open", message);
}

async function referralCommand(
  kernel: Kernel,
  actor: Actor,
  id: string,
  verb: Verb,
  clientAddress: string,
  work: (referral: ReferralRow, now: Date, tx: Parameters<Parameters<Kernel["db"]["transaction"]>[0]>[0]) => Promise<void>,
) {
  return kernel.db.transaction(async (tx) => {
    const found = await findReferral(tx, id);
    if (!found) throw notFound();
    // Lock the signal so that the last two answers cannot both miss that they were the last.
    await findSignal(tx, found.signal_id, { forUpdate: true });
    const referral = (await findReferral(tx, id))!;
    const facts = { organisationId: referral.organisation_id, signalMunicipalityId: referral.signal_municipality_id };
    const refs = { objectId: referral.id, ownerOrganisationId: referral.signal_municipality_id, dataSubjectRef: `signal:${referral.signal_id}` };
    const role = authorize(actor, verb === "feedback" ? "give_feedback" : "respond", "referral", facts, refs);
    const now = kernel.now();
    await work(referral, now, tx);
    await appendEvent(tx, {
      signalId: referral.signal_id,
      occurredAt: now,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      kind: verb === "accept" ? "referral_accepted" : verb === "decline" ? "referral_declined" : "referral_answered",
      details: { organisation: referral.organisation_name, referralId: referral.id },
    });
    kernel.audit.record(tx, {
      actor: auditActor(actor, role),
      action: "update",
      objectType: "referral",
      ...refs,
      purpose: "doorverwijzing",
      result: "success",
      clientAddress,
      details: { verb, reference: referral.signal_reference },
    });

    if (verb !== "accept") {
      const signal = (await findSignal(tx, referral.signal_id))!;
      const counts = await referralCounts(tx, signal.id);
      if (signal.status === "referred" && counts.unanswered === 0) {
        await moveTo(kernel, tx, null, signal, "feedback_collected", now, {
          details: { automatic: true, lastAnswerFrom: referral.organisation_name },
        });
      }
      const focal = await usersOfOrganisationWithRoles(tx, signal.municipality_id, ["focal_officer"]);
      await notifyUsers(tx, {
        userIds: focal,
        kind: "referral_answered",
        signalId: signal.id,
        referralId: referral.id,
        params: { reference: signal.reference, organisation: referral.organisation_name, verb },
        dedupeKey: `referral-${verb}:${referral.id}`,
        now,
      });
    }
    return presentReferral(kernel, actor, (await findReferral(tx, id))!, now);
  });
}

export function acceptFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return referralCommand(kernel, actor, id, "accept", clientAddress, async (referral, now, tx) => {
    if (referral.status !== "open") throw refusal("Deze doorverwijzing is al beantwoord.");
    await respondToReferral(tx, referral.id, true, actor.userId, now, null);
  });
}

export function declineFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof declineBody>, clientAddress: string) {
  return referralCommand(kernel, actor, id, "decline", clientAddress, async (referral, now, tx) => {
    if (referral.status !== "open") throw refusal("Alleen een nieuwe doorverwijzing kan worden afgewezen.");
    await respondToReferral(tx, referral.id, false, actor.userId, now, kernel.crypto.encrypt("referrals.decline_reason", body.reason));
  });
}

export function feedbackFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof feedbackBody>, clientAddress: string) {
  return referralCommand(kernel, actor, id, "feedback", clientAddress, async (referral, now, tx) => {
    if (referral.status !== "open" && referral.status !== "accepted") throw refusal("Op deze doorverwijzing is al gereageerd.");
    await answerReferral(tx, referral.id, body.outcome, kernel.crypto.encrypt("referrals.feedback", body.text), actor.userId, now);
  });
}
