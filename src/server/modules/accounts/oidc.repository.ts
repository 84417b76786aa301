import type { Queryable } from "../../kernel/db.ts";
import { one } from "../../kernel/db.ts";

/** SQL for OpenID Connect: an organisation's provider settings, pending logins, and linking a user to a subject. */
export interface OidcProviderRow {
  organisation_id: string;
  issuer: string;
  client_id: string;
  client_secret_enc: string;
  display_name: string;
}

export interface OidcLoginStateRow {
  state: string;
  organisation_id: string;
  code_verifier: string;
  nonce: string;
  created_at: Date;
}

export async function findOidcProvider(q: Queryable, organisationId: string): Promise<OidcProviderRow | undefined> {
  return one<OidcProviderRow>(
    q,
    "select organisation_id, issuer, client_id, client_secret_enc, display_name from oidc_providers where organisation_id = $1",
    [organisationId],
  );
}

export async function upsertOidcProvider(
  q: Queryable,
  input: { organisationId: string; issuer: string; clientId: string; clientSecretEnc: string; displayName: string },
): Promise<void> {
  await q.query(
    `insert into oidc_providers (organisation_id, issuer, client_id, client_secret_enc, display_name) values ($1,$2,$3,$4,$5)
     on conflict (organisation_id) do update
       set issuer = excluded.issuer, client_id = excluded.client_id, client_secret_enc = excluded.client_secret_enc,
           display_name = excluded.display_name`,
    [input.organisationId, input.issuer, input.clientId, input.clientSecretEnc, input.displayName],
  );
}

/**
 * Forgets which provider subject each user of the organisation is: needed when the issuer changes (or the
 * provider goes), as subjects are only unique per issuer. The next login links again by e-mail address.
 */
export async function unlinkOidcSubjects(q: Queryable, organisationId: string): Promise<number> {
  const rows = await q.query(
    "update users set oidc_subject_hash = null, updated_at = now() where organisation_id = $1 and oidc_subject_hash is not null returning id",
    [organisationId],
  );
  return rows.length;
}

/** Removes the provider and the logins still pending at it; true when there was one. */
export async function deleteOidcProvider(q: Queryable, organisationId: string): Promise<boolean> {
  await q.query("delete from oidc_login_states where organisation_id = $1", [organisationId]);
  const rows = await q.query("delete from oidc_providers where organisation_id = $1 returning organisation_id", [organisationId]);
  return rows.length > 0;
}

/** Stores a pending login, and clears the ones that can no longer complete. */
export async function insertOidcLoginState(
  q: Queryable,
  input: { state: string; organisationId: string; codeVerifier: string; nonce: string; createdAt: Date; purgeBefore: Date },
): Promise<void> {
  await q.query("delete from oidc_login_states where created_at < $1", [input.purgeBefore]);
  await q.query(
    "insert into oidc_login_states (state, organisation_id, code_verifier, nonce, created_at) values ($1,$2,$3,$4,$5)",
    [input.state, input.organisationId, input.codeVerifier, input.nonce, input.createdAt],
  );
}

/** Takes a pending login out of the table: a state can be used once, whatever the outcome. */
export async function takeOidcLoginState(q: Queryable, state: string): Promise<OidcLoginStateRow | undefined> {
  const row = await one<OidcLoginStateRow>(
    q,
    "delete from oidc_login_states where state = $1 returning state, organisation_id, code_verifier, nonce, created_at",
    [state],
  );
  return row ? { ...row, created_at: new Date(row.created_at) } : undefined;
}

/**
 * First login through the provider: links the subject to the active user of the organisation with this
 * e-mail address, unless that user is already linked to another subject. Returns the user id, or undefined.
 */
export async function linkOidcSubjectByEmail(
  q: Queryable,
  input: { organisationId: string; emailHash: string; subjectHash: string },
): Promise<string | undefined> {
  const row = await one<{ id: string }>(
    q,
    `update users set oidc_subject_hash = $3, updated_at = now()
      where organisation_id = $1 and email_hash = $2 and active and oidc_subject_hash is null
      returning id`,
    [input.organisationId, input.emailHash, input.subjectHash],
  );
  return row?.id;
}
