import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, type InvalidParam } from "../kernel/errors.ts";
import { AccessDenied } from "../kernel/policy/policy.ts";
import type { Kernel } from "./kernel.ts";

/** RFC 9457 problem details, as every error of the API is answered. */
export const problemSchema = z
  .object({
    type: z.string().describe("URI of the problem type"),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe("Stable machine-readable error code"),
    instance: z.string().optional(),
    invalidParams: z
      .array(z.object({ name: z.string(), code: z.string(), reason: z.string() }))
      .optional(),
  })
  .meta({ id: "Problem" });

function send(reply: FastifyReply, error: AppError, instance: string) {
  return reply
    .status(error.status)
    .type("application/problem+json")
    .send({
      type: `https://ketenzicht.nl/problems/${error.code}`,
      title: error.title,
      status: error.status,
      detail: error.detail,
      code: error.code,
      instance,
      ...(error.invalidParams.length > 0 ? { invalidParams: error.invalidParams } : {}),
    });
}

/** Maps every error to a problem document; 5xx details stay in the log, never in the response. */
export function registerProblemHandler(app: FastifyInstance, kernel: Kernel) {
  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const instance = request.url.split("?")[0] ?? request.url;
    if (error instanceof AccessDenied) {
      await kernel.audit
        .recordAlone(kernel.db, { ...error.audit, clientAddress: request.ip })
        .catch((auditError: unknown) => request.log.error({ err: auditError }, "could not record denied access"));
      return send(reply, error, instance);
    }
    if (error instanceof AppError) return send(reply, error, instance);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const params: InvalidParam[] = error.validation.map((issue) => {
        const path = issue.instancePath.replace(/^\//, "").replaceAll("/", ".");
        // fastify-type-provider-zod puts an unrecognized_keys issue's keys in params.keys.
        const issueParams = issue.params as { keys?: string[]; issue?: { keys?: string[] } };
        const unknownKeys = issueParams.keys ?? issueParams.issue?.keys;
        return {
          name: unknownKeys?.length ? unknownKeys.map((key) => (path ? `${path}.${key}` : key)).join(",") : path || error.validationContext || "body",
          code: String((issue.params as { issue?: { code?: string } }).issue?.code ?? issue.keyword),
          reason: issue.message ?? "ongeldige waarde",
        };
      });
      return send(
        reply,
        new AppError(400, "invalid_input", "Ongeldige invoer", "Een of meer velden zijn niet goed ingevuld.", params),
        instance,
      );
    }
    const status = error.statusCode ?? 500;
    if (status === 415 || error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return send(reply, new AppError(415, "unsupported_media_type", "Niet-ondersteund formaat", "Stuur de gegevens als application/json."), instance);
    }
    if (status === 413) {
      return send(reply, new AppError(413, "payload_too_large", "Te groot", "Het verzoek is te groot."), instance);
    }
    if (status === 429) {
      return send(reply, new AppError(429, "rate_limited", "Te veel verzoeken", "Te veel verzoeken in korte tijd. Probeer het over een minuut opnieuw."), instance);
    }
    if (status >= 400 && status < 500) {
      // Malformed JSON, empty bodies and the like: the client's fault, said without internals.
      return send(reply, new AppError(400, "invalid_input", "Ongeldige invoer", "Het verzoek kon niet worden gelezen."), instance);
    }
    request.log.error({ err: error }, "request failed");
    if (process.env.KZ_DEBUG_500) console.error(error);
    return send(reply, new AppError(500, "internal_error", "Interne fout", "Er ging iets mis aan onze kant. Probeer het later opnieuw."), instance);
  });
}

export function sendNotFound(reply: FastifyReply, url: string) {
  return send(reply, new AppError(404, "not_found", "Niet gevonden", "Deze URL bestaat niet."), url.split("?")[0] ?? "");
}
