import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD, demoAccounts, demoOrganisations, demoRegion } from "../../src/server/demo/demo-region.ts";
import { secondFactorRequired, type Role } from "../../src/server/kernel/policy/matrix.ts";
import { hashPassword } from "../../src/server/modules/accounts/authentication.ts";
import { newTotpSecret } from "../../src/server/modules/accounts/second-factor.ts";
import { insertUser, replaceRoles, saveTotp } from "../../src/server/modules/accounts/users.repository.ts";
import type { TestApp } from "./test-app.ts";

/**
 * Builds test data straight through the repositories and SQL (not through the API, which is under test):
 * regions, organisations and users with encrypted fields, a password hash and, where the role needs one,
 * an enrolled TOTP secret.
 */
let passwordHash: Promise<string> | undefined;
/** One argon2 hash of the demo password, shared by every fixture user (hashing is deliberately slow). */
const demoPasswordHash = () => (passwordHash ??= hashPassword(DEMO_PASSWORD));

export interface DemoIds {
  regionId: string;
  organisations: Record<(typeof demoOrganisations)[number]["key"], string>;
  users: Record<string, string>;
}

export async function demoIds(t: TestApp): Promise<DemoIds> {
  const region = await t.db.query<{ id: string }>("select id from regions where name = $1", [demoRegion.name]);
  const orgs = await t.db.query<{ id: string; name: string }>("select id, name from organisations");
  const organisations = Object.fromEntries(
    demoOrganisations.map((o) => [o.key, orgs.find((row) => row.name === o.name)!.id]),
  ) as DemoIds["organisations"];
  const users: Record<string, string> = {};
  for (const account of demoAccounts) {
    const row = await t.db.query<{ id: string }>("select id from users where email_hash = $1", [t.kernel.crypto.blindIndex("email", account.email)]);
    users[account.email] = row[0]!.id;
  }
  return { regionId: region[0]!.id, organisations, users };
}

export async function createRegion(t: TestApp, name: string): Promise<string> {
  const rows = await t.db.query<{ id: string }>("insert into regions (name) values ($1) returning id", [name]);
  return rows[0]!.id;
}

export async function createOrganisation(
  t: TestApp,
  input: { name: string; type?: string; regionIds: string[] },
): Promise<string> {
  const rows = await t.db.query<{ id: string }>("insert into organisations (name, type) values ($1, $2) returning id", [input.name, input.type ?? "municipality"]);
  const id = rows[0]!.id;
  for (const regionId of input.regionIds) {
    await t.db.query("insert into region_members (region_id, organisation_id) values ($1, $2)", [regionId, id]);
  }
  return id;
}

export interface FixtureUser {
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
  /** The enrolled TOTP secret, or null when the user has no second factor. */
  totpSecret: string | null;
}

export async function createUser(
  t: TestApp,
  input: {
    email?: string;
    displayName?: string;
    organisationId: string;
    roles: Role[];
    regionAdministratorOf?: string[];
    /** Enrol a second factor; by default exactly when one of the roles requires it. */
    totp?: boolean;
    active?: boolean;
  },
): Promise<FixtureUser> {
  const email = input.email ?? `user-${randomUUID().slice(0, 8)}@test.example.nl`;
  const displayName = input.displayName ?? `Test ${email.split("@")[0]}`;
  const wantsTotp = input.totp ?? input.roles.some((r) => secondFactorRequired[r]);
  const totpSecret = wantsTotp ? newTotpSecret() : null;
  const hash = await demoPasswordHash();
  const id = await t.db.transaction(async (tx) => {
    const userId = await insertUser(tx, {
      organisationId: input.organisationId,
      emailHash: t.kernel.crypto.blindIndex("email", email),
      emailEnc: t.kernel.crypto.encrypt("users.email", email),
      displayNameEnc: t.kernel.crypto.encrypt("users.display_name", displayName),
      passwordHash: hash,
    });
    await replaceRoles(tx, userId, [
      ...input.roles.map((role) => ({ role, regionId: null })),
      ...(input.regionAdministratorOf ?? []).map((regionId) => ({ role: "administrator" as Role, regionId })),
    ]);
    if (totpSecret) await saveTotp(tx, userId, t.kernel.crypto.encrypt("users.totp_secret", totpSecret), t.kernel.now(), 0);
    if (input.active === false) await tx.query("update users set active = false where id = $1", [userId]);
    return userId;
  });
  return { id, email, displayName, organisationId: input.organisationId, roles: input.roles, totpSecret };
}

/** A problem body without `instance`, for comparing "not allowed to see" with "does not exist". */
export function withoutInstance(body: Record<string, unknown>): Record<string, unknown> {
  const { instance: _instance, ...rest } = body;
  return rest;
}

/** All audit events, oldest first, as stored. */
export async function auditRows(t: TestApp, where = "true", params: unknown[] = []) {
  return t.db.query<{
    seq: string;
    id: string;
    actor_user_id: string | null;
    actor_label: string | null;
    actor_organisation_id: string | null;
    actor_role: string | null;
    action: string;
    object_type: string | null;
    object_id: string | null;
    owner_organisation_id: string | null;
    data_subject_ref: string | null;
    result: string;
    client_address: string | null;
    details: string | null;
  }>(`select e.*, e.seq::text as seq from audit_events e where ${where} order by e.seq`, params);
}

/** The highest sequence number so far: events after it are the ones a test produced. */
export async function lastSeq(t: TestApp): Promise<string> {
  const rows = await t.db.query<{ seq: string }>("select coalesce(max(seq), 0)::text as seq from audit_events");
  return rows[0]!.seq;
}

export async function eventsSince(t: TestApp, seq: string) {
  return auditRows(t, "e.seq > $1::bigint", [seq]);
}
