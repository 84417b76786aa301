import { z } from "zod";
import { problemSchema } from "./problem.ts";

export const API_VERSION = "1.0.0";

type Json = Record<string, unknown>;
type Operation = { responses?: Record<string, Json>; parameters?: unknown[] };

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

const errorResponses: Record<string, string> = {
  "400": "Ongeldige invoer (invalid_input)",
  "401": "Niet ingelogd, of eerst de tweede factor (unauthenticated)",
  "403": "Geen toestemming, of de CSRF-token ontbreekt (forbidden, csrf_token_invalid)",
  "404": "Bestaat niet of geen toegang (not_found)",
  "429": "Te veel verzoeken (rate_limited)",
  "500": "Interne fout (internal_error)",
};

/**
 * Completes the generated document to the NLGov REST API Design Rules: paths relative to a server URL
 * that carries the major version, the API-Version header on every success, problem details on every error.
 */
export function finishOpenApi(doc: Json, prefix: string): Json {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Operation>>;
  const finished: Record<string, Record<string, Operation>> = {};
  for (const [path, item] of Object.entries(paths)) {
    if (!path.startsWith(prefix)) continue;
    for (const operation of Object.values(item)) {
      const responses = (operation.responses ??= {});
      for (const [status, response] of Object.entries(responses)) {
        if (/^[23]/.test(status)) {
          response.headers = { ...(response.headers as Json | undefined), "API-Version": { $ref: "#/components/headers/API-Version" } };
          if (status === "204") delete response.content;
        }
      }
      for (const [status, description] of Object.entries(errorResponses)) {
        responses[status] ??= problemResponse(description);
      }
    }
    finished[path.slice(prefix.length) || "/"] = item;
  }
  const components = (doc.components ?? {}) as Json;
  return {
    ...doc,
    openapi: "3.0.3",
    // Relative, so the document (and "Try it out" in the docs page) fits every installation.
    servers: [{ url: prefix, description: "Ketenzicht API op deze installatie" }],
    paths: finished,
    components: {
      ...components,
      // The schema registry usually already holds Problem (problemSchema carries meta id "Problem"); only when
      // no route references it is it added here, converted without the registry so it is inlined, not a
      // dangling "#/definitions/Problem" reference.
      schemas: {
        ...(components.schemas as Json | undefined),
        Problem: (components.schemas as Json | undefined)?.Problem ?? z.toJSONSchema(problemSchema, { target: "openapi-3.0", metadata: z.registry() }),
      },
      headers: {
        "API-Version": { description: "De volledige versie van de API", schema: { type: "string", example: API_VERSION } },
      },
    },
  };
}
