import argon2 from "argon2";
import { AppError } from "../../kernel/errors.ts";
import type { Tx } from "../../kernel/db.ts";
import { secondFactorRequired } from "../../kernel/policy/matrix.ts";
import type { Kernel } from "../../http/kernel.ts";
import {
  createSession,
  deleteSession,
  promoteSession,
  setPendingTotpSecret,
  type LoadedSession,
  type SessionStage,
} from "./sessions.repository.ts";
import {
  findUserByEmailHash,
  findUserById,
  recordFailedLogin,
  recordSuccessfulLogin,
  replaceRecoveryCodes,
  saveTotp,
  saveTotpStep,
  useRecoveryCode,
  type UserRow,
} from "./users.repository.ts";
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  qrCodeDataUrl,
  verifyTotp,
} from "./second-factor.ts";

/** Login with password and second factor. Every outcome, success or failure, leaves an audit event. */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, ARGON2_OPTIONS);

// Verified against when the e-mail address is unknown, so the answer takes as long either way.
let dummyHash: Promise<string> | undefined;

const invalidCredentials = () =>
  new AppError(401, "invalid_credentials", "Inloggen mislukt", "E-mailadres of wachtwoord onjuist, of het account is tijdelijk geblokkeerd.");
const invalidSecondFactor = () =>
  new AppError(401, "invalid_second_factor", "Code onjuist", "De code is onjuist of al gebruikt.");

export interface LoginOutcome {
  sessionId: string;
  expiresAt: Date;
  stage: SessionStage;
}

function stageAfterPassword(user: UserRow): SessionStage {
  if (user.totp_secret_enc) return "second_factor";
  return user.roles.some((r) => secondFactorRequired[r.role]) ? "enrolment" : "authenticated";
}

export const actorOfUser = (user: UserRow) => ({ userId: user.id, organisationId: user.organisation_id, role: user.roles[0]?.role ?? null });

export async function loginWithPassword(
  kernel: Kernel,
  input: { email: string; password: string; clientAddress: string; previousSessionHash: string | null },
): Promise<LoginOutcome> {
  const now = kernel.now();
  const emailHash = kernel.crypto.blindIndex("email", input.email);
  const user = await findUserByEmailHash(kernel.db, emailHash);
  if (!user || !user.password_hash) {
    dummyHash ??= hashPassword("not-a-real-password");
    await argon2.verify(await dummyHash, input.password).catch(() => false);
    await kernel.audit.recordAlone(kernel.db, {
      actor: null,
      actorLabel: "onbekend account",
      action: "login_failed",
      result: "failure",
      clientAddress: input.clientAddress,
      details: { emailHash, reason: user ? "no_password" : "unknown_account" },
    });
    throw invalidCredentials();
  }
  const locked = user.locked_until !== null && new Date(user.locked_until) > now;
  const passwordOk = !locked && (await argon2.verify(user.password_hash, input.password).catch(() => false));
  if (!passwordOk || !user.active) {
    await kernel.db.transaction(async (tx) => {
      if (!locked) {
        const failures = user.failed_logins + 1;
        const lockUntil = failures >= kernel.config.LOGIN_MAX_FAILURES ? new Date(now.getTime() + kernel.config.LOGIN_LOCKOUT_MINUTES * 60_000) : null;
        await recordFailedLogin(tx, user.id, lockUntil);
      }
      kernel.audit.record(tx, {
        actor: actorOfUser(user),
        action: "login_failed",
        objectType: "user",
        objectId: user.id,
        ownerOrganisationId: user.organisation_id,
        dataSubjectRef: `user:${user.id}`,
        result: "failure",
        clientAddress: input.clientAddress,
        details: { reason: locked ? "locked" : !user.active ? "inactive" : "wrong_password" },
      });
    });
    throw invalidCredentials();
  }
  return openLoginSession(kernel, user, stageAfterPassword(user), input, { method: "password" });
}

/**
 * The end of every successful first login step (password or OpenID Connect): the browser's old session
 * goes, a new one with a new id starts at the given stage, and the login is audited with it.
 */
export function openLoginSession(
  kernel: Kernel,
  user: UserRow,
  stage: SessionStage,
  input: { clientAddress: string; previousSessionHash: string | null },
  details: Record<string, unknown>,
): Promise<LoginOutcome> {
  const now = kernel.now();
  return kernel.db.transaction(async (tx) => {
    if (input.previousSessionHash) await deleteSession(tx, input.previousSessionHash);
    if (stage === "authenticated") await recordSuccessfulLogin(tx, user.id, now);
    const expiresAt = new Date(now.getTime() + kernel.config.SESSION_ABSOLUTE_HOURS * 3_600_000);
    const session = await createSession(tx, { userId: user.id, stage, expiresAt, clientAddress: input.clientAddress, now });
    kernel.audit.record(tx, {
      actor: actorOfUser(user),
      action: "login",
      objectType: "user",
      objectId: user.id,
      ownerOrganisationId: user.organisation_id,
      dataSubjectRef: `user:${user.id}`,
      result: "success",
      clientAddress: input.clientAddress,
      details: { ...details, stage },
    });
    return { sessionId: session.id, expiresAt, stage };
  });
}

/** The second step: a TOTP code or one of the recovery codes. Failures count towards the lock-out. */
export async function verifySecondFactor(
  kernel: Kernel,
  session: LoadedSession,
  code: string,
  clientAddress: string,
): Promise<string> {
  const now = kernel.now();
  const user = await findUserById(kernel.db, session.userId);
  if (!user?.totp_secret_enc) throw invalidSecondFactor();
  const trimmed = code.trim();
  const locked = user.locked_until !== null && new Date(user.locked_until) > now;
  let method: "totp" | "recovery_code" | null = null;
  let step: number | null = null;
  if (!locked && /^\d{6}$/.test(trimmed)) {
    const secret = kernel.crypto.decrypt("users.totp_secret", user.totp_secret_enc);
    step = verifyTotp(secret, trimmed, now, user.totp_last_step === null ? null : Number(user.totp_last_step));
    if (step !== null) method = "totp";
  }
  return kernel.db.transaction(async (tx) => {
    if (!method && !locked && looksLikeRecoveryCode(trimmed)) {
      if (await useRecoveryCode(tx, user.id, hashRecoveryCode(trimmed), now)) method = "recovery_code";
    }
    const base = {
      actor: actorOfUser(user),
      objectType: "user",
      objectId: user.id,
      ownerOrganisationId: user.organisation_id,
      dataSubjectRef: `user:${user.id}`,
      clientAddress,
    };
    if (!method) {
      const failures = user.failed_logins + 1;
      const lockUntil = failures >= kernel.config.LOGIN_MAX_FAILURES ? new Date(now.getTime() + kernel.config.LOGIN_LOCKOUT_MINUTES * 60_000) : null;
      if (!locked) await recordFailedLogin(tx, user.id, lockUntil);
      kernel.audit.record(tx, { ...base, action: "second_factor_failed", result: "failure", details: { reason: locked ? "locked" : "wrong_code" } });
      return "";
    }
    if (step !== null) await saveTotpStep(tx, user.id, step);
    await recordSuccessfulLogin(tx, user.id, now);
    const newId = await promoteSession(tx, session.idHash, "authenticated");
    kernel.audit.record(tx, { ...base, action: "second_factor", result: "success", details: { method } });
    return newId;
  }).then((id) => {
    if (!id) throw invalidSecondFactor();
    return id;
  });
}

export async function startEnrolment(kernel: Kernel, session: LoadedSession) {
  const user = await findUserById(kernel.db, session.userId);
  if (!user) throw invalidSecondFactor();
  const secret = newTotpSecret();
  await setPendingTotpSecret(kernel.db, session.idHash, kernel.crypto.encrypt("sessions.pending_totp_secret", secret));
  const email = kernel.crypto.decrypt("users.email", user.email_enc);
  const uri = otpauthUri(secret, email);
  return { secret, otpauthUri: uri, qrCodeDataUrl: await qrCodeDataUrl(uri) };
}

export async function confirmEnrolment(
  kernel: Kernel,
  session: LoadedSession,
  code: string,
  clientAddress: string,
): Promise<{ sessionId: string; recoveryCodes: string[] }> {
  if (!session.pendingTotpSecretEnc) {
    throw new AppError(409, "conflict", "Geen instelling gestart", "Start eerst het instellen van de tweede factor.");
  }
  const now = kernel.now();
  const secret = kernel.crypto.decrypt("sessions.pending_totp_secret", session.pendingTotpSecretEnc);
  const step = verifyTotp(secret, code.trim(), now, null);
  if (step === null) throw invalidSecondFactor();
  const codes = newRecoveryCodes();
  const sessionId = await kernel.db.transaction(async (tx: Tx) => {
    await saveTotp(tx, session.userId, kernel.crypto.encrypt("users.totp_secret", secret), now, step);
    await replaceRecoveryCodes(tx, session.userId, codes.map(hashRecoveryCode));
    await recordSuccessfulLogin(tx, session.userId, now);
    kernel.audit.record(tx, {
      actor: { userId: session.userId, organisationId: session.organisationId, role: session.roles[0]?.role ?? null },
      action: "enrolment",
      objectType: "user",
      objectId: session.userId,
      ownerOrganisationId: session.organisationId,
      dataSubjectRef: `user:${session.userId}`,
      result: "success",
      clientAddress,
    });
    return promoteSession(tx, session.idHash, "authenticated");
  });
  return { sessionId, recoveryCodes: codes };
}

export async function logout(kernel: Kernel, session: LoadedSession, clientAddress: string): Promise<void> {
  await kernel.db.transaction(async (tx) => {
    await deleteSession(tx, session.idHash);
    kernel.audit.record(tx, {
      actor: { userId: session.userId, organisationId: session.organisationId, role: session.roles[0]?.role ?? null },
      action: "logout",
      objectType: "user",
      objectId: session.userId,
      ownerOrganisationId: session.organisationId,
      dataSubjectRef: `user:${session.userId}`,
      result: "success",
      clientAddress,
    });
  });
}
