import * as client from "openid-client";
import type { Kernel } from "../../http/kernel.ts";
import { secondFactorRequired } from "../../kernel/policy/matrix.ts";
import { actorOfUser, openLoginSession } from "./authentication.ts";
import type { SessionStage } from "./sessions.repository.ts";
import { findUserById, findUserByOidcSubject, type UserRow } from "./users.repository.ts";
import {
  findOidcProvider,
  insertOidcLoginState,
  linkOidcSubjectByEmail,
  takeOidcLoginState,
  type OidcProviderRow,
} from "./oidc.repository.ts";

/**
 * Login through an organisation's own OpenID Connect provider (authorization code flow with PKCE, state and
 * nonce, via openid-client). Accounts are never created here: a subject is linked to an existing, active
 * user of that organisation, the first time through the provider's verified e-mail address, after that
 * through the subject alone (a later change of e-mail address at the provider does not matter).
 */
export const OIDC_STATE_TTL_MS = 10 * 60_000;
export const OIDC_LOGIN_FAILED_PATH = "/inloggen?fout=oidc";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https, or http on this machine only (a provider started for development or in a test). */
export function isAllowedIssuer(issuer: string): boolean {
  try {
    const url = new URL(issuer);
    if (url.username || url.password || url.search || url.hash) return false;
    return url.protocol === "https:" || (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname));
  } catch {
    return false;
  }
}

/** Where the provider sends the browser back: PUBLIC_URL, or the address the server listens on. */
export function oidcRedirectUri(kernel: Kernel): string {
  const base = kernel.config.PUBLIC_URL ?? `http://${kernel.config.HOST}:${kernel.config.PORT}`;
  return new URL("/api/v1/session/oidc-callback", base).toString();
}

/** A failed login: why (for the audit trail), and who, as far as that is known. */
export class OidcLoginFailure extends Error {
  constructor(
    readonly reason: string,
    readonly context: { organisationId?: string; issuer?: string; user?: UserRow; details?: Record<string, unknown> } = {},
  ) {
    super(`OpenID Connect login failed: ${reason}`);
  }
}

async function discover(kernel: Kernel, provider: OidcProviderRow): Promise<client.Configuration> {
  if (!isAllowedIssuer(provider.issuer)) throw new OidcLoginFailure("insecure_issuer", { organisationId: provider.organisation_id, issuer: provider.issuer });
  const url = new URL(provider.issuer);
  const secret = kernel.crypto.decrypt("oidc_providers.client_secret", provider.client_secret_enc);
  try {
    // client_secret_basic: the default token endpoint authentication of OpenID Connect Core.
    return await client.discovery(url, provider.client_id, secret, client.ClientSecretBasic(secret), {
      timeout: 10,
      ...(url.protocol === "http:" ? { execute: [client.allowInsecureRequests] } : {}),
    });
  } catch (error) {
    throw new OidcLoginFailure("discovery_failed", { organisationId: provider.organisation_id, issuer: provider.issuer, details: errorDetails(error) });
  }
}

/** The OAuth error code of a failed exchange, if any; never the message, which may echo input. */
function errorDetails(error: unknown): Record<string, unknown> {
  const e = error as { code?: unknown; error?: unknown };
  return {
    ...(typeof e?.code === "string" ? { errorCode: e.code } : {}),
    ...(typeof e?.error === "string" ? { oauthError: e.error.slice(0, 100) } : {}),
  };
}

/** Step one: remembers PKCE verifier, state and nonce, and answers the provider's authorization URL. */
export async function startOidcLogin(kernel: Kernel, organisationId: string): Promise<URL> {
  const provider = await findOidcProvider(kernel.db, organisationId);
  if (!provider) throw new OidcLoginFailure("no_provider", { organisationId });
  const config = await discover(kernel, provider);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const now = kernel.now();
  await insertOidcLoginState(kernel.db, {
    state,
    organisationId,
    codeVerifier,
    nonce,
    createdAt: now,
    purgeBefore: new Date(now.getTime() - OIDC_STATE_TTL_MS),
  });
  return client.buildAuthorizationUrl(config, {
    redirect_uri: oidcRedirectUri(kernel),
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
}

/**
 * Whether the provider's login counts as the second factor. Our choice: only when the ID token says so
 * in `amr` (RFC 8176) with a multi-factor or possession-factor value. Otherwise an OpenID Connect login is
 * one factor like a password, and the user goes on to the TOTP step (or enrolment) exactly as after a
 * password login; an organisation's provider is never trusted more than the token claims.
 */
const MULTI_FACTOR_AMR = new Set(["mfa", "mca", "otp", "hwk", "sc"]);
export const isMultiFactor = (amr: unknown) => Array.isArray(amr) && amr.some((v) => typeof v === "string" && MULTI_FACTOR_AMR.has(v));

function stageAfterOidc(user: UserRow, multiFactor: boolean): SessionStage {
  if (multiFactor) return "authenticated";
  if (user.totp_secret_enc) return "second_factor";
  return user.roles.some((r) => secondFactorRequired[r.role]) ? "enrolment" : "authenticated";
}

export const pathAfterLogin = (stage: SessionStage) =>
  stage === "second_factor" ? "/inloggen/tweede-factor" : stage === "enrolment" ? "/inloggen/tweede-factor-instellen" : "/";

export interface OidcLoginOutcome {
  sessionId: string;
  expiresAt: Date;
  stage: SessionStage;
}


/** Step two: the provider sent the browser back. Throws OidcLoginFailure on every refusal. */
export async function finishOidcLogin(
  kernel: Kernel,
  input: { callbackQuery: string; clientAddress: string; previousSessionHash: string | null },
): Promise<OidcLoginOutcome> {
  const currentUrl = new URL(oidcRedirectUri(kernel));
  currentUrl.search = input.callbackQuery;
  const state = currentUrl.searchParams.get("state");
  if (!state || state.length > 200) throw new OidcLoginFailure("missing_state");
  const pending = await takeOidcLoginState(kernel.db, state);
  if (!pending) throw new OidcLoginFailure("unknown_state");
  const organisationId = pending.organisation_id;
  if (kernel.now().getTime() - pending.created_at.getTime() > OIDC_STATE_TTL_MS) throw new OidcLoginFailure("expired_state", { organisationId });
  const provider = await findOidcProvider(kernel.db, organisationId);
  if (!provider) throw new OidcLoginFailure("no_provider", { organisationId });
  const issuer = provider.issuer;
  const config = await discover(kernel, provider);

  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: pending.code_verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw new OidcLoginFailure("code_exchange_failed", { organisationId, issuer, details: errorDetails(error) });
  }
  const claims = tokens.claims();
  if (!claims?.sub) throw new OidcLoginFailure("no_subject", { organisationId, issuer });
  // The issuer in the subject's key is the one the ID token was validated against.
  const subjectHash = kernel.crypto.blindIndex("oidc_subject", `${claims.iss}|${claims.sub}`);

  let user = await findUserByOidcSubject(kernel.db, organisationId, subjectHash);
  let linked = false;
  if (!user) {
    // First login: the provider's verified e-mail address, from the ID token or else from UserInfo.
    let email = claims.email;
    let verified = claims.email_verified;
    if (typeof email !== "string" && tokens.access_token) {
      try {
        const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
        email = info.email;
        verified = info.email_verified;
      } catch (error) {
        throw new OidcLoginFailure("userinfo_failed", { organisationId, issuer, details: { subjectHash, ...errorDetails(error) } });
      }
    }
    if (typeof email !== "string" || verified !== true) {
      throw new OidcLoginFailure("unknown_subject", { organisationId, issuer, details: { subjectHash, emailVerified: verified === true } });
    }
    const emailHash = kernel.crypto.blindIndex("email", email);
    const userId = await linkOidcSubjectByEmail(kernel.db, { organisationId, emailHash, subjectHash }).catch(() => undefined);
    if (!userId) throw new OidcLoginFailure("unknown_subject", { organisationId, issuer, details: { subjectHash, emailHash } });
    user = await findUserById(kernel.db, userId);
    if (!user) throw new OidcLoginFailure("unknown_subject", { organisationId, issuer, details: { subjectHash } });
    linked = true;
  }
  if (!user.active) throw new OidcLoginFailure("inactive", { organisationId, issuer, user });

  const multiFactor = isMultiFactor(claims.amr);
  return openLoginSession(kernel, user, stageAfterOidc(user, multiFactor), input, {
    method: "oidc",
    issuer,
    linked,
    ...(Array.isArray(claims.amr) ? { amr: claims.amr.filter((v) => typeof v === "string").slice(0, 10) } : {}),
  });
}

/** Writes the `login_failed` event of a refused OpenID Connect login in a transaction of its own. */
export async function recordOidcLoginFailure(kernel: Kernel, failure: OidcLoginFailure, clientAddress: string): Promise<void> {
  const { organisationId, issuer, user, details } = failure.context;
  await kernel.audit.recordAlone(kernel.db, {
    actor: user ? actorOfUser(user) : null,
    ...(user ? {} : { actorLabel: issuer ?? "onbekend account" }),
    action: "login_failed",
    ...(user ? { objectType: "user", objectId: user.id, dataSubjectRef: `user:${user.id}` } : {}),
    ownerOrganisationId: organisationId,
    result: "failure",
    clientAddress,
    details: { method: "oidc", reason: failure.reason, ...(issuer ? { issuer } : {}), ...details },
  });
}
