import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../kernel/errors.ts";
import type { Kernel } from "../../http/kernel.ts";

export function healthRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/health", {
      config: { access: "public" },
      schema: { tags: ["Beheer"], summary: "Draait de dienst en is de database bereikbaar?", response: { 200: z.object({ status: z.literal("ok") }).meta({ id: "Health" }) } },
    }, async () => {
      try {
        await kernel.db.query("select 1");
      } catch {
        throw new AppError(503, "internal_error", "Niet beschikbaar", "De database is niet bereikbaar.");
      }
      return { status: "ok" as const };
    });
  };
}
