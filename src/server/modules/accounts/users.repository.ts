import sql, { type Sql } from "sql-template-tag";
import type { Queryable } from "../../kernel/db.ts";
import { one, run } from "../../kernel/db.ts";
import type { Role } from "../../kernel/policy/matrix.ts";

/** A user row as stored: identifying fields still encrypted. Only this file holds SQL on users. */
export interface UserRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  organisation_type: string;
  email_enc: string;
  display_name_enc: string;
  password_hash: string | null;
  totp_secret_enc: string | null;
  totp_enrolled_at: Date | null;
  totp_last_step: string | number | null;
  active: boolean;
  failed_logins: number;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: Date;
  roles: { role: Role; regionId: string | null }[];
  region_ids: string[];
}

const select = sql`
  select u.id, u.organisation_id, o.name as organisation_name, o.type as organisation_type, u.email_enc, u.display_name_enc, u.password_hash,
         u.totp_secret_enc, u.totp_enrolled_at, u.totp_last_step, u.active, u.failed_logins, u.locked_until,
         u.last_login_at, u.created_at,
         (select coalesce(json_agg(json_build_object('role', r.role, 'regionId', r.region_id) order by r.role), '[]'::json)
            from user_roles r where r.user_id = u.id) as roles,
         (select coalesce(json_agg(m.region_id), '[]'::json)
            from region_members m where m.organisation_id = u.organisation_id) as region_ids
    from users u join organisations o on o.id = u.organisation_id`;

function parse(row: UserRow | undefined): UserRow | undefined {
  if (!row) return undefined;
  return {
    ...row,
    roles: typeof row.roles === "string" ? JSON.parse(row.roles) : row.roles,
    region_ids: typeof row.region_ids === "string" ? JSON.parse(row.region_ids) : row.region_ids,
  };
}

export async function findUserById(q: Queryable, id: string): Promise<UserRow | undefined> {
  const rows = await run<UserRow>(q, sql`${select} where u.id = ${id}`);
  return parse(rows[0]);
}

export async function findUserByEmailHash(q: Queryable, emailHash: string): Promise<UserRow | undefined> {
  const rows = await run<UserRow>(q, sql`${select} where u.email_hash = ${emailHash}`);
  return parse(rows[0]);
}

export async function findUserByOidcSubject(q: Queryable, organisationId: string, subjectHash: string): Promise<UserRow | undefined> {
  const rows = await run<UserRow>(q, sql`${select} where u.organisation_id = ${organisationId} and u.oidc_subject_hash = ${subjectHash}`);
  return parse(rows[0]);
}

export async function listUsers(
  q: Queryable,
  input: { access: Sql; organisationId?: string; limit: number; offset: number },
): Promise<{ rows: UserRow[]; total: number }> {
  const where = sql`where ${input.access} ${input.organisationId ? sql`and u.organisation_id = ${input.organisationId}` : sql``}`;
  const rows = await run<UserRow>(q, sql`${select} ${where} order by o.name, u.created_at, u.id limit ${input.limit} offset ${input.offset}`);
  const count = await run<{ total: number }>(q, sql`select count(*)::int as total from users u join organisations o on o.id = u.organisation_id ${where}`);
  return { rows: rows.map((r) => parse(r)!), total: count[0]?.total ?? 0 };
}

export async function insertUser(
  q: Queryable,
  input: { organisationId: string; emailHash: string; emailEnc: string; displayNameEnc: string; passwordHash: string | null; oidcSubjectHash?: string | null },
): Promise<string> {
  const row = await one<{ id: string }>(
    q,
    `insert into users (organisation_id, email_hash, email_enc, display_name_enc, password_hash, oidc_subject_hash)
     values ($1,$2,$3,$4,$5,$6) returning id`,
    [input.organisationId, input.emailHash, input.emailEnc, input.displayNameEnc, input.passwordHash, input.oidcSubjectHash ?? null],
  );
  return row!.id;
}

export async function emailHashTaken(q: Queryable, emailHash: string): Promise<boolean> {
  return (await q.query("select 1 from users where email_hash = $1", [emailHash])).length > 0;
}

export async function replaceRoles(q: Queryable, userId: string, roles: { role: Role; regionId: string | null }[]): Promise<void> {
  await q.query("delete from user_roles where user_id = $1", [userId]);
  for (const r of roles) {
    await q.query("insert into user_roles (user_id, role, region_id) values ($1,$2,$3)", [userId, r.role, r.regionId]);
  }
}

export async function updateUserFields(
  q: Queryable,
  id: string,
  fields: { displayNameEnc?: string; active?: boolean; passwordHash?: string },
): Promise<void> {
  await q.query(
    `update users set display_name_enc = coalesce($2, display_name_enc), active = coalesce($3, active),
            password_hash = coalesce($4, password_hash), updated_at = now() where id = $1`,
    [id, fields.displayNameEnc ?? null, fields.active ?? null, fields.passwordHash ?? null],
  );
}

export async function recordFailedLogin(q: Queryable, id: string, lockUntil: Date | null): Promise<void> {
  await q.query(
    `update users set failed_logins = case when $2::timestamptz is null then failed_logins + 1 else 0 end,
            locked_until = coalesce($2::timestamptz, locked_until) where id = $1`,
    [id, lockUntil],
  );
}

export async function recordSuccessfulLogin(q: Queryable, id: string, at: Date): Promise<void> {
  await q.query("update users set failed_logins = 0, locked_until = null, last_login_at = $2 where id = $1", [id, at]);
}

export async function saveTotp(q: Queryable, id: string, secretEnc: string, at: Date, step: number): Promise<void> {
  await q.query("update users set totp_secret_enc = $2, totp_enrolled_at = $3, totp_last_step = $4 where id = $1", [id, secretEnc, at, step]);
}

export async function saveTotpStep(q: Queryable, id: string, step: number): Promise<void> {
  await q.query("update users set totp_last_step = $2 where id = $1", [id, step]);
}

export async function replaceRecoveryCodes(q: Queryable, userId: string, codeHashes: string[]): Promise<void> {
  await q.query("delete from recovery_codes where user_id = $1", [userId]);
  for (const hash of codeHashes) {
    await q.query("insert into recovery_codes (user_id, code_hash) values ($1,$2)", [userId, hash]);
  }
}

/** Marks an unused recovery code as used; true when there was one. */
export async function useRecoveryCode(q: Queryable, userId: string, codeHash: string, at: Date): Promise<boolean> {
  const rows = await q.query(
    "update recovery_codes set used_at = $3 where user_id = $1 and code_hash = $2 and used_at is null returning id",
    [userId, codeHash, at],
  );
  return rows.length > 0;
}
