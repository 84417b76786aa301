import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError, unauthenticated } from "../kernel/errors.ts";
import { constantTimeEqual } from "../kernel/crypto.ts";
import type { Actor } from "../kernel/policy/policy.ts";
import {
  deleteSession,
  hashSessionId,
  loadSession,
  touchSession,
  type LoadedSession,
} from "../modules/accounts/sessions.repository.ts";
import type { Kernel } from "./kernel.ts";

/**
 * Who is asking: the session cookie is looked up on every API request (the server keeps no state of its
 * own). Routes say in `config.access` what they need; without it a route needs a fully authenticated user.
 */
export type Access = "public" | "second_factor" | "enrolment" | "authenticated";

export interface AuthState {
  session: LoadedSession;
  actor: Actor;
}

declare module "fastify" {
  interface FastifyRequest {
    auth: AuthState | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

export const SESSION_COOKIE = "kz_session";

export function setSessionCookie(reply: FastifyReply, id: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, id, {
    path: "/",
    httpOnly: true,
    secure: true,
    sameSite: "strict",
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, secure: true, sameSite: "strict" });
}

export function actorOf(session: LoadedSession): Actor {
  return {
    userId: session.userId,
    organisationId: session.organisationId,
    roles: [...new Set(session.roles.map((r) => r.role))],
    regionIds: session.regionIds,
    adminRegionIds: session.roles.filter((r) => r.role === "administrator" && r.regionId).map((r) => r.regionId!),
  };
}

/** The authenticated actor of a request; routes that reach their handler always have one. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.auth || request.auth.session.stage !== "authenticated") throw unauthenticated();
  return request.auth.actor;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function registerAuth(app: FastifyInstance, kernel: Kernel) {
  app.decorateRequest("auth", null);

  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/")) return;
    request.auth = await resolveSession(kernel, request, reply);
    // Unmatched URLs fall through to the not-found handler, which reveals nothing either way.
    const access: Access = request.routeOptions.url ? (request.routeOptions.config?.access ?? "authenticated") : "public";
    const stage = request.auth?.session.stage;

    // CSRF: a state-changing request that rides on a session must carry that session's token.
    if (request.auth && !SAFE_METHODS.has(request.method)) {
      const token = request.headers["x-csrf-token"];
      if (typeof token !== "string" || !constantTimeEqual(token, request.auth.session.csrfToken)) {
        throw new AppError(403, "csrf_token_invalid", "Ongeldig formulier", "De beveiligingscode van het formulier ontbreekt of is verlopen. Laad de pagina opnieuw.");
      }
    }

    switch (access) {
      case "public":
        return;
      case "second_factor":
        if (stage !== "second_factor") throw unauthenticated();
        return;
      case "enrolment":
        if (stage !== "enrolment" && stage !== "authenticated") throw unauthenticated();
        return;
      case "authenticated":
        if (stage === "second_factor") {
          throw new AppError(401, "second_factor_required", "Tweede factor nodig", "Vul eerst de code uit uw authenticator-app in.");
        }
        if (stage === "enrolment") {
          throw new AppError(401, "enrolment_required", "Tweede factor instellen", "Stel eerst uw tweede factor in.");
        }
        if (stage !== "authenticated") throw unauthenticated();
    }
  });
}

async function resolveSession(kernel: Kernel, request: FastifyRequest, reply: FastifyReply): Promise<AuthState | null> {
  const id = request.cookies[SESSION_COOKIE];
  if (!id) return null;
  const idHash = hashSessionId(id);
  const session = await loadSession(kernel.db, idHash);
  const now = kernel.now();
  if (!session) {
    clearSessionCookie(reply);
    return null;
  }
  const idleLimit = kernel.config.SESSION_IDLE_MINUTES * 60_000;
  if (!session.userActive || session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > idleLimit) {
    await deleteSession(kernel.db, idHash);
    clearSessionCookie(reply);
    return null;
  }
  // Writing last_seen_at on every request would turn every read into a write; once a minute is precise enough.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) await touchSession(kernel.db, idHash, now);
  return { session, actor: actorOf(session) };
}
