import type { z } from "zod";
import type { FieldCrypto } from "../../kernel/crypto.ts";
import { recordAbilities, type Actor, type Facts } from "../../kernel/policy/policy.ts";
import type { userSchema } from "./users.schema.ts";
import type { UserRow } from "./users.repository.ts";

export const userFacts = (row: UserRow): Facts["user"] => ({ id: row.id, organisationId: row.organisation_id, regionIds: row.region_ids });

/** A stored user as the API shows it: decrypted, with the viewer's abilities on it. */
export function presentUser(crypto: FieldCrypto, actor: Actor, row: UserRow): z.infer<typeof userSchema> {
  return {
    id: row.id,
    displayName: crypto.decrypt("users.display_name", row.display_name_enc),
    email: crypto.decrypt("users.email", row.email_enc),
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    roles: [...new Set(row.roles.map((r) => r.role))],
    regionAdministratorOf: row.roles.filter((r) => r.regionId).map((r) => r.regionId!),
    active: row.active,
    secondFactorEnrolled: row.totp_secret_enc !== null,
    lastLoginAt: row.last_login_at ? new Date(row.last_login_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
    abilities: recordAbilities(actor, "user", userFacts(row)),
  };
}
