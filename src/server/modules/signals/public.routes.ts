import { createHash, randomBytes, randomInt } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { AppError, invalidInput } from "../../kernel/errors.ts";
import { referencePrefix, submitCitizenSignal } from "./intake.ts";
import { municipality } from "./signals.repository.ts";
import { citizenIntakeBody, citizenReceiptSchema, municipalityOptionSchema } from "./signals.schema.ts";
import { municipalitiesFor } from "./signals.service.ts";

/**
 * The public side of the reporting route: a citizen reports anonymously, without an account. Nothing
 * about the sender is stored: no name, no e-mail, no client address (not in the signal, not in the audit
 * trail). Abuse is held off by a small body limit, a tight rate limit and a honeypot field.
 */
const tags = ["Melden door inwoners"];

/** Reports per client per hour; a citizen reports once, a script many times. */
export const PUBLIC_REPORTS_PER_HOUR = 5;
/** Look-ups of the municipality list per client per minute (the page loads it once). */
export const PUBLIC_LOOKUPS_PER_MINUTE = 60;
/** A report is at most 5,000 characters of text and a location: 16 KiB is ample. */
export const PUBLIC_BODY_LIMIT = 16 * 1024;

// The limiter counts per client in memory for the time window only; even there it keeps a salted hash,
// not the address itself. The salt lives as long as the process.
const salt = randomBytes(16);
const clientKey = (request: FastifyRequest) => createHash("sha256").update(salt).update(request.ip).digest("base64url");

const limited = () =>
  new AppError(429, "rate_limited", "Te veel meldingen", "U heeft in korte tijd te veel meldingen gedaan. Probeer het over een uur opnieuw. Is er direct gevaar? Bel 112.");

export function publicSignalRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/public/municipalities", {
      config: {
        access: "public",
        rateLimit: { max: PUBLIC_LOOKUPS_PER_MINUTE, timeWindow: "1 minute", keyGenerator: clientKey, errorResponseBuilder: limited },
      },
      schema: {
        tags,
        summary: "Gemeenten waar een inwoner anoniem kan melden (zonder inloggen)",
        security: [],
        response: { 200: z.array(municipalityOptionSchema) },
      },
    }, async () => municipalitiesFor(kernel, "public"));

    app.post("/public/signals", {
      bodyLimit: PUBLIC_BODY_LIMIT,
      config: {
        access: "public",
        rateLimit: { max: PUBLIC_REPORTS_PER_HOUR, timeWindow: "1 hour", keyGenerator: clientKey, errorResponseBuilder: limited },
      },
      schema: {
        tags,
        summary: "Anoniem een signaal melden als inwoner (zonder inloggen)",
        description: "Het signaal komt in de werkvoorraad van de gekozen gemeente. Er wordt niets over de melder bewaard, ook geen IP-adres; de melder krijgt alleen een kenmerk en hoort verder niets.",
        security: [],
        body: citizenIntakeBody,
        response: { 202: citizenReceiptSchema },
      },
    }, async (request, reply) => {
      const body = request.body;
      if (body.website) {
        // The honeypot: only a bot fills in the field people do not see. It gets the answer a person would
        // get, with a reference that looks real, and nothing is stored.
        const target = await municipality(kernel.db, body.municipalityId);
        if (!target) {
          throw invalidInput("Kies een gemeente uit de lijst.", [{ name: "municipalityId", code: "unknown_municipality", reason: "onbekende gemeente" }]);
        }
        const year = kernel.now().getUTCFullYear();
        const reference = `${referencePrefix(target.name)}-${year}-${String(randomInt(1, 1000)).padStart(5, "0")}`;
        return reply.status(202).send({ received: true, reference });
      }
      const { reference } = await submitCitizenSignal(kernel, body);
      return reply.status(202).send({ received: true, reference });
    });
  };
}
