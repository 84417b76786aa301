import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { z } from "zod";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { registerAuth } from "./http/auth.ts";
import type { Kernel } from "./http/kernel.ts";
import { API_VERSION, finishOpenApi } from "./http/openapi.ts";
import { registerProblemHandler, sendNotFound } from "./http/problem.ts";
import { sessionRoutes } from "./modules/accounts/session.routes.ts";
import { userRoutes } from "./modules/accounts/users.routes.ts";
import { oidcRoutes } from "./modules/accounts/oidc.routes.ts";
import { auditRoutes } from "./modules/audit/audit.routes.ts";
import { healthRoutes } from "./modules/health/health.routes.ts";
import { organisationRoutes } from "./modules/organisations/organisations.routes.ts";
import { notificationRoutes } from "./modules/notifications/notifications.routes.ts";
import { signalRoutes } from "./modules/signals/signals.routes.ts";
import { routeSettingsRoutes } from "./modules/signals/route-settings.routes.ts";
import { publicSignalRoutes } from "./modules/signals/public.routes.ts";
import { indicatorRoutes } from "./modules/indicators/indicators.routes.ts";
import { fileRoutes } from "./modules/care/files.routes.ts";
import { planRoutes } from "./modules/care/plan.routes.ts";
import { registrationRoutes } from "./modules/care/registration.routes.ts";
import { conferenceRoutes } from "./modules/conferences/conferences.routes.ts";
import { trainingRoutes } from "./modules/training/training.routes.ts";
import { implementationPlanRoutes } from "./modules/plan/implementation-plan.routes.ts";
import { focalOfficerRoutes } from "./modules/focal-officers/focal-officers.routes.ts";
import { baselineRoutes } from "./modules/baseline/baseline.routes.ts";
import { networkRoutes } from "./modules/network/network.routes.ts";
import { historicRoutes } from "./modules/monitoring/historic.routes.ts";
import { monitoringRoutes } from "./modules/monitoring/monitoring.routes.ts";
import { exportRoutes } from "./modules/monitoring/exports.routes.ts";

export const API_PREFIX = "/api/v1";

// Validation messages reach users through invalidParams: in Dutch, the UI's first language. Zod's Dutch
// says "Ongeldig: ISO datum" for a malformed date; people are told how to write one instead.
const dutch = z.locales.nl().localeError;
const formats: Record<string, string> = {
  date: "geef een datum als JJJJ-MM-DD, bijvoorbeeld 2024-01-31",
  datetime: "geef een datum en tijd als JJJJ-MM-DDTUU:MM:SSZ, bijvoorbeeld 2024-01-31T09:30:00Z",
};
z.config({
  localeError: (issue) => (issue.code === "invalid_format" && formats[issue.format] ? formats[issue.format] : dutch(issue)),
});
const webRoot = fileURLToPath(new URL("../../dist/web/", import.meta.url));

/** Builds the whole application on a kernel; tests call this and use `app.inject`. */
export async function buildApp(kernel: Kernel, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: kernel.config.LOG_LEVEL } : false,
    bodyLimit: 256 * 1024,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  // The API speaks JSON only: without Fastify's built-in text/plain parser such a body gets 415, not 400.
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandler(app, kernel);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: "no-referrer" },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: "deny" },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { max: kernel.config.RATE_LIMIT_PER_MINUTE, timeWindow: "1 minute" });
  registerAuth(app, kernel);

  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/api/")) {
      reply.header("API-Version", API_VERSION);
      reply.header("Cache-Control", "no-store");
    }
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Ketenzicht API",
        version: API_VERSION,
        description: "De API van Ketenzicht: signalen, meldroute, zorgcoördinatie en ketensamenwerking tegen mensenhandel.",
        contact: { name: "Ketenzicht", email: "api@ketenzicht.example.nl", url: "https://ketenzicht.example.nl" },
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "kz_session" } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  await app.register(
    async (api) => {
      await api.register(healthRoutes(kernel));
      await api.register(sessionRoutes(kernel));
      await api.register(oidcRoutes(kernel));
      await api.register(userRoutes(kernel));
      await api.register(organisationRoutes(kernel));
      await api.register(notificationRoutes(kernel));
      await api.register(auditRoutes(kernel));
      await api.register(signalRoutes(kernel));
      await api.register(routeSettingsRoutes(kernel));
      await api.register(publicSignalRoutes(kernel));
      await api.register(indicatorRoutes(kernel));
      await api.register(fileRoutes(kernel));
      await api.register(planRoutes(kernel));
      await api.register(registrationRoutes(kernel));
      await api.register(conferenceRoutes(kernel));
      await api.register(trainingRoutes(kernel));
      await api.register(implementationPlanRoutes(kernel));
      await api.register(focalOfficerRoutes(kernel));
      await api.register(baselineRoutes(kernel));
      await api.register(networkRoutes(kernel));
      await api.register(historicRoutes(kernel));
      await api.register(monitoringRoutes(kernel));
      await api.register(exportRoutes(kernel));
      api.get("/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () =>
        finishOpenApi(app.swagger() as unknown as Record<string, unknown>, API_PREFIX),
      );
    },
    { prefix: API_PREFIX },
  );

  // The browsable API documentation is public reading material.
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith(`${API_PREFIX}/docs`)) route.config = { ...route.config, access: "public" };
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: `${API_PREFIX}/docs`,
    // The same strict policy as every other response (helmet), not swagger-ui's looser default.
    staticCSP: false,
    transformSpecification: (doc) => finishOpenApi(doc as Record<string, unknown>, API_PREFIX),
    uiConfig: { docExpansion: "list" },
  });

  const hasWeb = existsSync(webRoot);
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });

  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === "GET" && !request.url.startsWith("/api/") && hasWeb;
    if (isPage) return reply.type("text/html").header("Cache-Control", "no-cache").sendFile("index.html");
    return sendNotFound(reply, request.url);
  });

  return app;
}
