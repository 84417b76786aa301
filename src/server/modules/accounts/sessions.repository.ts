import { createHash } from "node:crypto";
import type { Queryable } from "../../kernel/db.ts";
import { one } from "../../kernel/db.ts";
import { randomToken } from "../../kernel/crypto.ts";
import type { Role } from "../../kernel/policy/matrix.ts";

export type SessionStage = "second_factor" | "enrolment" | "authenticated";

export interface LoadedSession {
  idHash: string;
  stage: SessionStage;
  csrfToken: string;
  pendingTotpSecretEnc: string | null;
  lastSeenAt: Date;
  expiresAt: Date;
  userId: string;
  organisationId: string;
  userActive: boolean;
  roles: { role: Role; regionId: string | null }[];
  regionIds: string[];
}

/** Only the SHA-256 of a session id is stored: the id is a 256-bit random secret, a slow hash adds nothing. */
export const hashSessionId = (id: string) => createHash("sha256").update(id).digest("hex");

export async function createSession(
  q: Queryable,
  input: {
    userId: string;
    stage: SessionStage;
    expiresAt: Date;
    clientAddress: string | null;
    /** The kernel clock's now: the idle timeout compares last_seen_at with it, not with the database's clock. */
    now?: Date;
  },
): Promise<{ id: string; csrfToken: string }> {
  const id = randomToken(32);
  const csrfToken = randomToken(32);
  await q.query(
    `insert into sessions (id_hash, user_id, stage, csrf_token, expires_at, client_address, created_at, last_seen_at)
     values ($1,$2,$3,$4,$5,$6, coalesce($7::timestamptz, now()), coalesce($7::timestamptz, now()))`,
    [hashSessionId(id), input.userId, input.stage, csrfToken, input.expiresAt, input.clientAddress, input.now ?? null],
  );
  return { id, csrfToken };
}

export async function loadSession(q: Queryable, idHash: string): Promise<LoadedSession | undefined> {
  const row = await one<{
    id_hash: string;
    stage: SessionStage;
    csrf_token: string;
    pending_totp_secret_enc: string | null;
    last_seen_at: Date;
    expires_at: Date;
    user_id: string;
    organisation_id: string;
    active: boolean;
    roles: { role: Role; regionId: string | null }[];
    region_ids: string[];
  }>(
    q,
    `select s.id_hash, s.stage, s.csrf_token, s.pending_totp_secret_enc, s.last_seen_at, s.expires_at, s.user_id,
            u.organisation_id, u.active,
            (select coalesce(json_agg(json_build_object('role', r.role, 'regionId', r.region_id)), '[]'::json)
               from user_roles r where r.user_id = u.id) as roles,
            (select coalesce(json_agg(m.region_id), '[]'::json)
               from region_members m where m.organisation_id = u.organisation_id) as region_ids
       from sessions s join users u on u.id = s.user_id
      where s.id_hash = $1`,
    [idHash],
  );
  if (!row) return undefined;
  return {
    idHash: row.id_hash,
    stage: row.stage,
    csrfToken: row.csrf_token,
    pendingTotpSecretEnc: row.pending_totp_secret_enc,
    lastSeenAt: new Date(row.last_seen_at),
    expiresAt: new Date(row.expires_at),
    userId: row.user_id,
    organisationId: row.organisation_id,
    userActive: row.active,
    roles: typeof row.roles === "string" ? JSON.parse(row.roles) : row.roles,
    regionIds: typeof row.region_ids === "string" ? JSON.parse(row.region_ids) : row.region_ids,
  };
}

export async function touchSession(q: Queryable, idHash: string, at: Date): Promise<void> {
  await q.query("update sessions set last_seen_at = $2 where id_hash = $1", [idHash, at]);
}

export async function deleteSession(q: Queryable, idHash: string): Promise<void> {
  await q.query("delete from sessions where id_hash = $1", [idHash]);
}

export async function deleteSessionsOfUser(q: Queryable, userId: string): Promise<void> {
  await q.query("delete from sessions where user_id = $1", [userId]);
}

/** Moves a session to a new stage under a new id (a new id at every step up), keeping its CSRF token. */
export async function promoteSession(
  q: Queryable,
  idHash: string,
  stage: SessionStage,
): Promise<string> {
  const id = randomToken(32);
  await q.query("update sessions set id_hash = $2, stage = $3, pending_totp_secret_enc = null where id_hash = $1", [
    idHash,
    hashSessionId(id),
    stage,
  ]);
  return id;
}

export async function setPendingTotpSecret(q: Queryable, idHash: string, secretEnc: string): Promise<void> {
  await q.query("update sessions set pending_totp_secret_enc = $2 where id_hash = $1", [idHash, secretEnc]);
}
