import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import type { Tx } from "../../kernel/db.ts";
import { requireActor, setSessionCookie } from "../../http/auth.ts";
import { notFound } from "../../kernel/errors.ts";
import { authorize, type Actor } from "../../kernel/policy/policy.ts";
import { findOrganisation } from "../organisations/organisations.repository.ts";
import {
  finishOidcLogin,
  isAllowedIssuer,
  OIDC_LOGIN_FAILED_PATH,
  OidcLoginFailure,
  pathAfterLogin,
  recordOidcLoginFailure,
  startOidcLogin,
} from "./oidc.ts";
import { deleteOidcProvider, findOidcProvider, unlinkOidcSubjects, upsertOidcProvider } from "./oidc.repository.ts";

const redirectResponse = z.null().describe("Doorverwijzing (Location-header)");

const providerBody = z
  .object({
    issuer: z
      .url()
      .max(500)
      .refine(isAllowedIssuer, "https-adres nodig (http alleen voor localhost), zonder query of fragment"),
    clientId: z.string().trim().min(1).max(500),
    clientSecret: z.string().min(1).max(1000),
    displayName: z.string().trim().min(1).max(200),
  })
  .strict()
  .meta({ id: "OidcProviderSettings" });

const providerSchema = z
  .object({ organisationId: z.uuid(), issuer: z.string(), clientId: z.string(), displayName: z.string() })
  .meta({ id: "OidcProvider" });

const idParams = z.object({ id: z.uuid() }).strict();

const auditActor = (actor: Actor, role: string) => ({ userId: actor.userId, organisationId: actor.organisationId, role });

/** Login through an organisation's own OpenID Connect provider, and the provider's settings. */
export function oidcRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  const loginRateLimit = { max: kernel.config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: "1 minute" };

  /** A browser navigation never ends on a problem document or a 500: it goes back to the login page. */
  async function refuse(request: FastifyRequest, reply: FastifyReply, error: unknown) {
    const failure = error instanceof OidcLoginFailure ? error : new OidcLoginFailure("internal_error");
    if (!(error instanceof OidcLoginFailure)) request.log.error({ err: error }, "OpenID Connect login failed");
    await recordOidcLoginFailure(kernel, failure, request.ip).catch((auditError: unknown) =>
      request.log.error({ err: auditError }, "could not record failed OpenID Connect login"),
    );
    return reply.redirect(OIDC_LOGIN_FAILED_PATH, 302);
  }
  // Also for requests that fail validation (a malformed organisation id, a repeated query parameter).
  const errorHandler = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    // Too many requests stays a 429 (handled by the app's error handler), and costs no audit write.
    if (error.statusCode === 429) throw error;
    return refuse(request, reply, new OidcLoginFailure("invalid_request", { details: { errorCode: error.code } }));
  };

  /** Setting or removing the provider is an update of the organisation; the client secret never enters the trail. */
  function recordProviderChange(tx: Tx, actor: Actor, role: string, organisationId: string, clientAddress: string, details: Record<string, unknown>) {
    kernel.audit.record(tx, {
      actor: auditActor(actor, role),
      action: "update",
      objectType: "organisation",
      objectId: organisationId,
      ownerOrganisationId: organisationId,
      result: "success",
      clientAddress,
      details: { fields: ["oidcProvider"], ...details },
    });
  }

  return async (app) => {
    app.get("/session/oidc-providers", {
      config: { access: "public" },
      schema: {
        tags: ["Sessie"],
        summary: "Organisaties die inloggen via hun eigen OpenID Connect-provider",
        response: { 200: z.object({ items: z.array(z.object({ organisationId: z.uuid(), displayName: z.string() })) }).meta({ id: "OidcProviderList" }) },
      },
    }, async () => {
      const rows = await kernel.db.query<{ organisation_id: string; display_name: string }>(
        "select organisation_id, display_name from oidc_providers order by display_name",
      );
      return { items: rows.map((r) => ({ organisationId: r.organisation_id, displayName: r.display_name })) };
    });

    app.get("/session/oidc/:organisationId", {
      config: { access: "public", rateLimit: loginRateLimit },
      errorHandler,
      schema: {
        tags: ["Sessie"],
        summary: "Inloggen via de OpenID Connect-provider van een organisatie: verwijst door naar de provider",
        params: z.object({ organisationId: z.uuid() }).strict(),
        response: { 302: redirectResponse },
      },
    }, async (request, reply) => {
      try {
        const url = await startOidcLogin(kernel, request.params.organisationId);
        return reply.redirect(url.href, 302);
      } catch (error) {
        return refuse(request, reply, error);
      }
    });

    app.get("/session/oidc-callback", {
      config: { access: "public", rateLimit: loginRateLimit },
      errorHandler,
      schema: {
        tags: ["Sessie"],
        summary: "Terugkeer van de OpenID Connect-provider: opent de sessie en verwijst door",
        // The provider's parameters (OpenID Connect Core, RFC 9207); the handler reads the raw query.
        querystring: z.object({
          code: z.string().max(4000).optional(),
          state: z.string().max(200).optional(),
          iss: z.string().max(500).optional(),
          error: z.string().max(200).optional(),
        }),
        response: { 302: redirectResponse },
      },
    }, async (request, reply) => {
      try {
        const questionMark = request.url.indexOf("?");
        const outcome = await finishOidcLogin(kernel, {
          callbackQuery: questionMark >= 0 ? request.url.slice(questionMark) : "",
          clientAddress: request.ip,
          previousSessionHash: request.auth?.session.idHash ?? null,
        });
        setSessionCookie(reply, outcome.sessionId, outcome.expiresAt);
        return reply.redirect(pathAfterLogin(outcome.stage), 302);
      } catch (error) {
        return refuse(request, reply, error);
      }
    });

    app.get("/organisations/:id/oidc-provider", {
      schema: {
        tags: ["Organisaties"],
        summary: "De OpenID Connect-provider van een organisatie (zonder client secret), voor wie deze mag instellen",
        params: idParams,
        response: { 200: providerSchema },
      },
    }, async (request) => {
      const actor = requireActor(request);
      const org = await findOrganisation(kernel.db, request.params.id);
      if (!org) throw notFound();
      authorize(actor, "update", "organisation", { id: org.id, regionIds: org.region_ids }, { objectId: org.id, ownerOrganisationId: org.id });
      const provider = await findOidcProvider(kernel.db, org.id);
      if (!provider) throw notFound();
      return { organisationId: org.id, issuer: provider.issuer, clientId: provider.client_id, displayName: provider.display_name };
    });

    app.put("/organisations/:id/oidc-provider", {
      schema: {
        tags: ["Organisaties"],
        summary: "De OpenID Connect-provider van een organisatie instellen of wijzigen",
        params: idParams,
        body: providerBody,
        response: { 200: providerSchema },
      },
    }, async (request) => {
      const actor = requireActor(request);
      const body = request.body;
      return kernel.db.transaction(async (tx) => {
        const org = await findOrganisation(tx, request.params.id);
        if (!org) throw notFound();
        const role = authorize(actor, "update", "organisation", { id: org.id, regionIds: org.region_ids }, { objectId: org.id, ownerOrganisationId: org.id });
        const previous = await findOidcProvider(tx, org.id);
        // Subjects are unique per issuer only: another issuer means linking anew (by e-mail) at the next login.
        const unlinkedUsers = previous && previous.issuer !== body.issuer ? await unlinkOidcSubjects(tx, org.id) : 0;
        await upsertOidcProvider(tx, {
          organisationId: org.id,
          issuer: body.issuer,
          clientId: body.clientId,
          clientSecretEnc: kernel.crypto.encrypt("oidc_providers.client_secret", body.clientSecret),
          displayName: body.displayName,
        });
        recordProviderChange(tx, actor, role, org.id, request.ip, { issuer: body.issuer, clientId: body.clientId, displayName: body.displayName, unlinkedUsers });
        return { organisationId: org.id, issuer: body.issuer, clientId: body.clientId, displayName: body.displayName };
      });
    });

    app.delete("/organisations/:id/oidc-provider", {
      schema: {
        tags: ["Organisaties"],
        summary: "De OpenID Connect-provider van een organisatie verwijderen",
        params: idParams,
        response: { 204: z.null().describe("Verwijderd") },
      },
    }, async (request, reply) => {
      const actor = requireActor(request);
      await kernel.db.transaction(async (tx) => {
        const org = await findOrganisation(tx, request.params.id);
        if (!org) throw notFound();
        const role = authorize(actor, "update", "organisation", { id: org.id, regionIds: org.region_ids }, { objectId: org.id, ownerOrganisationId: org.id });
        if (!(await deleteOidcProvider(tx, org.id))) throw notFound();
        const unlinkedUsers = await unlinkOidcSubjects(tx, org.id);
        recordProviderChange(tx, actor, role, org.id, request.ip, { removed: true, unlinkedUsers });
      });
      return reply.status(204).send(null);
    });
  };
}
