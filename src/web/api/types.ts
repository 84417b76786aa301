/**
 * The shapes of the Ketenzicht API (/api/v1) as the web front end uses them. They mirror the server's
 * response schemas; the OpenAPI document at /api/v1/openapi.json is the source of truth.
 */
import type { resources } from "../../server/kernel/policy/matrix.ts";
export const roles = [
  "reporter",
  "focal_officer",
  "care_coordinator",
  "partner",
  "conference_chair",
  "policy_officer",
  "privacy_officer",
  "administrator",
] as const;
export type Role = (typeof roles)[number];

export const organisationTypes = [
  "municipality",
  "care_coordination",
  "police",
  "public_prosecutor",
  "riec",
  "zvh",
  "labour_inspectorate",
  "tax_office",
  "veilig_thuis",
  "shelter",
  "other_partner",
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

export type Stage = "anonymous" | "second_factor" | "enrolment" | "authenticated";

/**
 * "resource.action" for every action in the server's access matrix: derived from the matrix itself (a
 * type-only import, erased from the bundle), so a new action cannot be missing here.
 */
type Matrix = typeof resources;
export type Ability = { [R in keyof Matrix]: `${R & string}.${Matrix[R]["actions"][number]}` }[keyof Matrix];

export interface SessionUser {
  id: string;
  displayName: string;
  email: string;
  organisation: { id: string; name: string; type: OrganisationType };
  roles: Role[];
  regionAdministratorOf: string[];
  secondFactorEnrolled: boolean;
}

export interface Session {
  authenticated: boolean;
  stage: Stage;
  csrfToken: string | null;
  user: SessionUser | null;
  abilities: Partial<Record<Ability, boolean>>;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface User {
  id: string;
  displayName: string;
  email: string;
  organisationId: string;
  organisationName: string;
  roles: Role[];
  regionAdministratorOf: string[];
  active: boolean;
  secondFactorEnrolled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  abilities: { read: boolean; list: boolean; create: boolean; update: boolean; deactivate: boolean };
}

export interface Organisation {
  id: string;
  name: string;
  type: OrganisationType;
  isCentralMunicipality: boolean;
  active: boolean;
  regionIds: string[];
  abilities: Partial<Record<"read" | "list" | "create" | "update", boolean>>;
}

export interface Region {
  id: string;
  name: string;
  /** The police unit the region lies in (CoMensha counts per unit); null until set. */
  policeUnit: string | null;
  /** Published monitor figures under this number are hidden. */
  suppressionThreshold: number;
  organisationIds: string[];
  abilities: Record<string, boolean>;
}

export interface OidcProvider {
  organisationId: string;
  displayName: string;
}

export const auditActions = [
  "read",
  "list",
  "search",
  "export",
  "create",
  "update",
  "delete",
  "login",
  "login_failed",
  "logout",
  "second_factor",
  "second_factor_failed",
  "enrolment",
  "access_denied",
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditResults = ["success", "denied", "failure"] as const;
export type AuditResult = (typeof auditResults)[number];

/** Object types the audit trail knows today; the filter offers these. */
export const auditObjectTypes = ["user", "organisation", "region", "session", "audit_event"] as const;

export interface AuditEvent {
  id: string;
  seq: number | string;
  occurredAt: string;
  actor: null | { userId: string; displayName: string; organisationName: string | null };
  actorLabel: string | null;
  actorRole: string | null;
  onBehalfOf: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  dataSubjectRef: string | null;
  purpose: string | null;
  result: string;
  clientAddress: string | null;
  details: Record<string, unknown> | null;
}

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
}

export interface EnrolmentConfirmation {
  recoveryCodes: string[];
  session: Session;
}
