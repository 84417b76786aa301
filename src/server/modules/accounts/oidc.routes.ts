import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";

/** Login through an organisation's own OpenID Connect provider. */
export function oidcRoutes(kernel: Kernel): FastifyPluginAsyncZod {
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
  };
}
