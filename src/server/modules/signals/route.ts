import type { z } from "zod";
import type { outcomeSchema, statuses, urgencySchema } from "./signals.schema.ts";

/**
 * The reporting route (Bijlage 1 of the Zevenaar paper) as a state machine in plain TypeScript: the
 * whitelist of transitions, the action each one needs in the access matrix, and its guard. The service
 * applies a transition only when `checkTransition` returns no problem; history is appended by the service.
 */
export type Status = (typeof statuses)[number];
export type Outcome = z.infer<typeof outcomeSchema>;
export type Urgency = z.infer<typeof urgencySchema>;

/** The steps in their order; moving forward past one or more steps is a skip and needs a reason. */
export const routeOrder: readonly Status[] = [
  "received", "recorded", "enriched", "assessed", "referred", "feedback_collected", "reporter_informed", "closed",
];

/** The matrix action a move into each status takes. */
export const actionFor = {
  received: "record",
  recorded: "record",
  enriched: "enrich",
  assessed: "assess",
  referred: "refer",
  feedback_collected: "refer",
  reporter_informed: "inform",
  closed: "close",
} as const satisfies Record<Status, string>;

/** What the guards look at: the signal as it is and what the request brings. */
export interface RouteState {
  status: Status;
  source: "employee" | "citizen";
  enrichmentCount: number;
  /** Referrals that are not withdrawn, and of those how many still wait for an answer (open or accepted). */
  activeReferrals: number;
  unansweredReferrals: number;
  urgencyAssessed: boolean;
  exploitationForms: readonly string[];
  feedbackToReporter: string | null;
}

export interface TransitionRequest {
  to: Status;
  reason?: string;
  urgency?: Urgency;
  exploitationForms?: readonly string[];
  feedbackToReporter?: string;
  outcome?: Exclude<Outcome, "merged">;
}

export interface Transition {
  from: Status;
  to: Status;
  /** Steps passed over; non-empty means a reason is required. */
  skips: Status[];
}

/**
 * The whitelist: forward moves along the route (one step, or several with a reason), closing from any
 * open status with an outcome, and nothing out of "closed" except reopening (a separate command).
 */
export const transitions: readonly Transition[] = routeOrder.flatMap((from, i) =>
  from === "closed"
    ? []
    : routeOrder.slice(i + 1).map((to, j) => ({
        from,
        to,
        // Closing early passes over the remaining steps; that, too, needs a reason.
        skips: routeOrder.slice(i + 1, i + 1 + j) as Status[],
      })),
);

export function findTransition(from: Status, to: Status): Transition | undefined {
  return transitions.find((t) => t.from === from && t.to === to);
}

/** A refused transition: a stable code and a Dutch explanation for the person who tried it. */
export interface RouteProblem {
  code:
    | "transition_not_allowed"
    | "reason_required"
    | "enrichment_required"
    | "assessment_incomplete"
    | "referral_required"
    | "referrals_unanswered"
    | "feedback_to_reporter_required"
    | "outcome_required"
    | "citizen_has_no_reporter";
  field?: string;
  message: string;
}

const REASON_MIN = 3;

/** Checks one transition against the whitelist and its guard; null means it may be made. */
export function checkTransition(state: RouteState, request: TransitionRequest): RouteProblem | null {
  const transition = findTransition(state.status, request.to);
  if (!transition) {
    return {
      code: "transition_not_allowed",
      field: "to",
      message: state.status === "closed"
        ? "Een gesloten signaal kan alleen worden heropend."
        : `Van '${state.status}' naar '${request.to}' is geen stap in de meldroute.`,
    };
  }
  const skipping = skippedSteps(transition, state.source).length > 0;
  if (skipping && (request.reason ?? "").trim().length < REASON_MIN) {
    return { code: "reason_required", field: "reason", message: `Deze stap slaat ${transition.skips.length === 1 ? "een stap" : "stappen"} over; geef de reden.` };
  }
  switch (request.to) {
    case "received":
    case "recorded":
      return null;
    case "enriched":
      return state.enrichmentCount > 0
        ? null
        : { code: "enrichment_required", message: "Voeg eerst informatie toe (BRP-bevraging of notitie) voordat u de verrijking afrondt." };
    case "assessed": {
      const forms = request.exploitationForms ?? state.exploitationForms;
      if (!request.urgency && !state.urgencyAssessed) return { code: "assessment_incomplete", field: "urgency", message: "Kies de urgentie (acuut, hoog of normaal)." };
      if (forms.length === 0) return { code: "assessment_incomplete", field: "exploitationForms", message: "Kies ten minste één vorm van uitbuiting (of 'onduidelijk')." };
      return null;
    }
    case "referred":
      return state.activeReferrals > 0
        ? null
        : { code: "referral_required", message: "Zet het signaal eerst door naar ten minste één ketenpartner." };
    case "feedback_collected":
      if (state.activeReferrals === 0 && !skipping) return { code: "referral_required", message: "Er is niets doorgezet om terugkoppeling op te verzamelen." };
      return state.unansweredReferrals === 0 || skipping
        ? null
        : { code: "referrals_unanswered", message: "Nog niet alle ketenpartners hebben gereageerd; wacht op hun terugkoppeling of geef een reden om door te gaan." };
    case "reporter_informed":
      if (state.source === "citizen") {
        return { code: "citizen_has_no_reporter", message: "Een anonieme melding van een inwoner heeft geen melder om te informeren; sluit het signaal af." };
      }
      return (request.feedbackToReporter ?? state.feedbackToReporter ?? "").trim()
        ? null
        : { code: "feedback_to_reporter_required", field: "feedbackToReporter", message: "Schrijf de terugkoppeling aan de melder." };
    case "closed":
      return request.outcome ? null : { code: "outcome_required", field: "outcome", message: "Kies de uitkomst waarmee het signaal wordt afgesloten." };
  }
}

/** The moves the route allows from a status, for the UI's action panels. */
export function nextSteps(status: Status, source: "employee" | "citizen"): { to: Status; skips: Status[]; needsReason: boolean }[] {
  return transitions
    .filter((t) => t.from === status && !(source === "citizen" && t.to === "reporter_informed"))
    .map((t) => ({
      to: t.to,
      // A citizen's signal has no reporter to inform: passing over that step is no skip.
      skips: source === "citizen" ? t.skips.filter((s) => s !== "reporter_informed") : t.skips,
      needsReason: false,
    }))
    .map((t) => ({ ...t, needsReason: t.skips.length > 0 }));
}

/** Skipped steps of a transition for this signal's source (see nextSteps). */
export function skippedSteps(transition: Transition, source: "employee" | "citizen"): Status[] {
  return source === "citizen" ? transition.skips.filter((s) => s !== "reporter_informed") : transition.skips;
}

/** Statuses whose deadline is the assessment's, the partners' feedback, or informing the reporter. */
export function deadlineKind(status: Status): "assess" | "feedback" | "inform" | null {
  switch (status) {
    case "received":
    case "recorded":
    case "enriched":
      return "assess";
    case "assessed":
    case "referred":
      return "feedback";
    case "feedback_collected":
      return "inform";
    case "reporter_informed":
    case "closed":
      return null;
  }
}
