import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { clearSessionCookie, setSessionCookie, SESSION_COOKIE } from "../../http/auth.ts";
import { abilities } from "../../kernel/policy/policy.ts";
import { hashSessionId, loadSession } from "./sessions.repository.ts";
import { confirmEnrolment, loginWithPassword, logout, startEnrolment, verifySecondFactor } from "./authentication.ts";
import { findUserById } from "./users.repository.ts";
import { roleSchema } from "./users.schema.ts";
import type { FastifyReply, FastifyRequest } from "fastify";
import { actorOf } from "../../http/auth.ts";

const sessionSchema = z
  .object({
    authenticated: z.boolean(),
    stage: z.enum(["anonymous", "second_factor", "enrolment", "authenticated"]),
    csrfToken: z.string().nullable(),
    user: z
      .object({
        id: z.uuid(),
        displayName: z.string(),
        email: z.string(),
        organisation: z.object({ id: z.uuid(), name: z.string(), type: z.string() }),
        roles: z.array(roleSchema),
        regionAdministratorOf: z.array(z.uuid()),
        secondFactorEnrolled: z.boolean(),
      })
      .nullable(),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "Session" });

const codeBody = z.object({ code: z.string().trim().min(6).max(20) }).strict();

export function sessionRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  /** The session body for the session the request now carries (possibly one just created). */
  async function describe(sessionId: string | null): Promise<z.infer<typeof sessionSchema>> {
    const session = sessionId ? await loadSession(kernel.db, hashSessionId(sessionId)) : undefined;
    if (!session) return { authenticated: false, stage: "anonymous", csrfToken: null, user: null, abilities: {} };
    const user = await findUserById(kernel.db, session.userId);
    if (!user) return { authenticated: false, stage: "anonymous", csrfToken: null, user: null, abilities: {} };
    const full = session.stage === "authenticated";
    return {
      authenticated: full,
      stage: session.stage,
      csrfToken: session.csrfToken,
      user: {
        id: user.id,
        displayName: kernel.crypto.decrypt("users.display_name", user.display_name_enc),
        email: kernel.crypto.decrypt("users.email", user.email_enc),
        organisation: { id: user.organisation_id, name: user.organisation_name, type: user.organisation_type },
        roles: [...new Set(user.roles.map((r) => r.role))],
        regionAdministratorOf: user.roles.filter((r) => r.regionId).map((r) => r.regionId!),
        secondFactorEnrolled: user.totp_secret_enc !== null,
      },
      abilities: full ? abilities(actorOf(session)) : {},
    };
  }

  const currentId = (request: FastifyRequest, reply: FastifyReply) =>
    request.auth ? (request.cookies[SESSION_COOKIE] ?? null) : (clearSessionCookie(reply), null);

  return async (app) => {
    app.get("/session", {
      config: { access: "public" },
      schema: { tags: ["Sessie"], summary: "De huidige sessie, de gebruiker en diens bevoegdheden", response: { 200: sessionSchema } },
    }, async (request, reply) => {
      return describe(currentId(request, reply));
    });

    app.post("/session", {
      config: { access: "public", rateLimit: { max: kernel.config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: "1 minute" } },
      schema: {
        tags: ["Sessie"],
        summary: "Inloggen met e-mailadres en wachtwoord",
        body: z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) }).strict(),
        response: { 200: sessionSchema },
      },
    }, async (request, reply) => {
      const outcome = await loginWithPassword(kernel, {
        email: request.body.email,
        password: request.body.password,
        clientAddress: request.ip,
        previousSessionHash: request.auth?.session.idHash ?? null,
      });
      setSessionCookie(reply, outcome.sessionId, outcome.expiresAt);
      return describe(outcome.sessionId);
    });

    app.post("/session/second-factor", {
      config: { access: "second_factor", rateLimit: { max: kernel.config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: "1 minute" } },
      schema: { tags: ["Sessie"], summary: "De tweede factor: een TOTP-code of een herstelcode", body: codeBody, response: { 200: sessionSchema } },
    }, async (request, reply) => {
      const id = await verifySecondFactor(kernel, request.auth!.session, request.body.code, request.ip);
      setSessionCookie(reply, id, request.auth!.session.expiresAt);
      return describe(id);
    });

    app.post("/session/enrolment", {
      config: { access: "enrolment" },
      schema: {
        tags: ["Sessie"],
        summary: "Start het instellen van een tweede factor (TOTP)",
        body: z.object({}).strict().optional(),
        response: { 200: z.object({ secret: z.string(), otpauthUri: z.string(), qrCodeDataUrl: z.string() }).meta({ id: "Enrolment" }) },
      },
    }, async (request) => startEnrolment(kernel, request.auth!.session));

    app.post("/session/enrolment/confirmation", {
      config: { access: "enrolment", rateLimit: { max: kernel.config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: "1 minute" } },
      schema: {
        tags: ["Sessie"],
        summary: "Bevestig de tweede factor met een code; levert eenmalige herstelcodes",
        body: codeBody,
        response: { 200: z.object({ recoveryCodes: z.array(z.string()), session: sessionSchema }).meta({ id: "EnrolmentConfirmation" }) },
      },
    }, async (request, reply) => {
      const result = await confirmEnrolment(kernel, request.auth!.session, request.body.code, request.ip);
      setSessionCookie(reply, result.sessionId, request.auth!.session.expiresAt);
      return { recoveryCodes: result.recoveryCodes, session: await describe(result.sessionId) };
    });

    app.delete("/session", {
      config: { access: "public" },
      schema: { tags: ["Sessie"], summary: "Uitloggen", response: { 204: z.null().describe("Uitgelogd") } },
    }, async (request, reply) => {
      if (request.auth) await logout(kernel, request.auth.session, request.ip);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    });
  };
}
