/**
 * The access matrix of Ketenzicht as data: role × relation to the record × action.
 * Everything not listed here is denied. policy.ts decides with it, the list queries filter with it, the
 * UI receives abilities computed from it, and the access-matrix tests are generated from it.
 */
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

/**
 * Roles that see personal data or the audit trail log in with a second factor. A reporter sees only their
 * own signals and a policy officer only aggregates, so for them the second factor is optional.
 */
export const secondFactorRequired: Record<Role, boolean> = {
  reporter: false,
  focal_officer: true,
  care_coordinator: true,
  partner: true,
  conference_chair: true,
  policy_officer: false,
  privacy_officer: true,
  administrator: true,
};

export const resources = {
  user: {
    actions: ["read", "list", "create", "update", "deactivate"],
    relations: ["self", "same_organisation", "administered_region"],
  },
  organisation: {
    actions: ["read", "list", "create", "update"],
    relations: ["own", "same_region", "administered_region"],
  },
  region: {
    actions: ["read", "list", "update"],
    relations: ["member", "administered"],
  },
  audit_event: {
    actions: ["read", "list"],
    relations: ["own_organisation"],
  },
} as const;

export type Resource = keyof typeof resources;
export type ActionOf<R extends Resource> = (typeof resources)[R]["actions"][number];
export type RelationOf<R extends Resource> = (typeof resources)[R]["relations"][number];

export interface Grant<R extends Resource = Resource> {
  resource: R;
  relation: RelationOf<R>;
  roles: readonly Role[];
  actions: readonly ActionOf<R>[];
  why: string;
}

const everyone = roles;

function grant<R extends Resource>(g: Grant<R>): Grant<R> {
  return g;
}

export const grants: readonly Grant[] = [
  // Users. "self" only reads and lists: nobody changes their own roles or deactivates themselves.
  grant({ resource: "user", relation: "self", roles: everyone, actions: ["read", "list"], why: "everyone sees their own account" }),
  grant({ resource: "user", relation: "same_organisation", roles: ["administrator"], actions: ["read", "list", "create", "update", "deactivate"], why: "an administrator manages the users of their own organisation" }),
  grant({ resource: "user", relation: "administered_region", roles: ["administrator"], actions: ["read", "list", "create", "update", "deactivate"], why: "a region administrator manages the users of the region's organisations" }),
  grant({ resource: "user", relation: "same_organisation", roles: ["privacy_officer"], actions: ["read", "list"], why: "a privacy officer looks up colleagues in the audit trail" }),

  // Organisations: everyone sees who takes part in their regions.
  grant({ resource: "organisation", relation: "own", roles: everyone, actions: ["read", "list"], why: "everyone sees their own organisation" }),
  grant({ resource: "organisation", relation: "same_region", roles: everyone, actions: ["read", "list"], why: "the chain partners of a region know each other" }),
  grant({ resource: "organisation", relation: "own", roles: ["administrator"], actions: ["update"], why: "an administrator keeps their organisation's settings" }),
  grant({ resource: "organisation", relation: "administered_region", roles: ["administrator"], actions: ["read", "list", "create", "update"], why: "a region administrator adds and keeps the region's organisations" }),

  // Regions.
  grant({ resource: "region", relation: "member", roles: everyone, actions: ["read", "list"], why: "everyone sees the regions their organisation belongs to" }),
  grant({ resource: "region", relation: "administered", roles: ["administrator"], actions: ["read", "list", "update"], why: "a region administrator keeps the region" }),

  // The audit trail: the privacy officer of an organisation sees what its people did and what was done with its records.
  grant({ resource: "audit_event", relation: "own_organisation", roles: ["privacy_officer"], actions: ["read", "list"], why: "the privacy officer supervises their organisation's processing" }),
];
