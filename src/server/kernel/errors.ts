/**
 * The small error vocabulary of Ketenzicht. Each error has a stable code (for API clients) and an HTTP
 * status; one handler (http/problem.ts) turns them into RFC 9457 problem details and hides everything else.
 */
export type ErrorCode =
  | "invalid_input"
  | "unsupported_media_type"
  | "payload_too_large"
  | "unauthenticated"
  | "second_factor_required"
  | "enrolment_required"
  | "invalid_credentials"
  | "invalid_second_factor"
  | "account_locked"
  | "csrf_token_invalid"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "method_not_allowed"
  | "idempotency_key_reused"
  | "transition_not_allowed"
  | "reason_required"
  | "enrichment_required"
  | "assessment_incomplete"
  | "referral_required"
  | "referrals_unanswered"
  | "feedback_to_reporter_required"
  | "outcome_required"
  | "citizen_has_no_reporter"
  | "referral_not_open"
  | "already_referred"
  | "merge_refused"
  | "brp_not_configured"
  | "brp_unavailable"
  | "closure_reason_required"
  | "youth_route_required"
  | "placement_open"
  | "transfer_pending"
  | "consent_required"
  | "not_eligible"
  | "referral_not_accepted"
  | "police_unit_missing"
  | "registration_incomplete"
  | "export_required"
  | "already_registered"
  | "transfer_not_pending"
  | "internal_error";

export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly title: string,
    readonly detail: string,
    readonly invalidParams: InvalidParam[] = [],
  ) {
    super(detail);
  }
}

export const invalidInput = (detail: string, invalidParams: InvalidParam[] = []) =>
  new AppError(400, "invalid_input", "Ongeldige invoer", detail, invalidParams);

export const unauthenticated = () =>
  new AppError(401, "unauthenticated", "Niet ingelogd", "Log in om verder te gaan.");

/**
 * "Not found or no access": a record the actor may not see answers exactly like one that does not exist.
 * The detail is therefore the same text as a denied read (AccessDenied in policy.ts), whatever `_what` is:
 * naming the kind of record here would tell "does not exist" apart from "not yours".
 */
export const notFound = (_what?: string) =>
  new AppError(404, "not_found", "Niet gevonden", "Het gevraagde gegeven bestaat niet of u heeft er geen toegang toe.");

export const forbidden = (detail: string) => new AppError(403, "forbidden", "Geen toestemming", detail);

export const conflict = (detail: string) => new AppError(409, "conflict", "Conflict", detail);
