import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Kernel } from "../../http/kernel.ts";
import { requireActor } from "../../http/auth.ts";
import type { Tx } from "../../kernel/db.ts";
import { notFound } from "../../kernel/errors.ts";
import { authorize, type Actor } from "../../kernel/policy/policy.ts";
import { deadlinesOf } from "./deadlines.ts";
import { municipality } from "./signals.repository.ts";
import { idParams, routeSettingsBody, routeSettingsSchema, urgencies } from "./signals.schema.ts";
import type { z } from "zod";

/** A municipality's route settings: deadlines per urgency in working days, and its population register. */
async function load(tx: Tx, actor: Actor, id: string, action: "read" | "update") {
  const m = await municipality(tx, id);
  if (!m) throw notFound();
  const role = authorize(actor, action, "route_settings", { municipalityId: m.id, regionIds: m.regionIds }, { objectId: m.id, ownerOrganisationId: m.id });
  return { m, role };
}

async function present(tx: Tx, municipalityId: string) {
  const deadlines = await deadlinesOf(tx, municipalityId);
  const brp = await tx.query<{ base_url: string; api_key_enc: string | null }>("select base_url, api_key_enc from brp_endpoints where municipality_id = $1", [municipalityId]);
  return {
    municipalityId,
    deadlines: urgencies.map((u) => ({ urgency: u, assessDays: deadlines[u].assessDays, feedbackDays: deadlines[u].feedbackDays, informDays: deadlines[u].informDays })),
    brp: brp[0] ? { baseUrl: brp[0].base_url, hasApiKey: brp[0].api_key_enc !== null } : null,
  };
}

export function routeSettingsRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/municipalities/:id/route-settings", {
      schema: { tags: ["Meldroute-instellingen"], summary: "Termijnen en BRP-koppeling van een gemeente", params: idParams, response: { 200: routeSettingsSchema } },
    }, async (request) =>
      kernel.db.transaction(async (tx) => {
        await load(tx, requireActor(request), request.params.id, "read");
        return present(tx, request.params.id);
      }));

    app.put("/municipalities/:id/route-settings", {
      schema: { tags: ["Meldroute-instellingen"], summary: "Termijnen en BRP-koppeling wijzigen", params: idParams, body: routeSettingsBody, response: { 200: routeSettingsSchema } },
    }, async (request) => {
      const actor = requireActor(request);
      const body: z.infer<typeof routeSettingsBody> = request.body;
      return kernel.db.transaction(async (tx) => {
        const { m, role } = await load(tx, actor, request.params.id, "update");
        for (const d of body.deadlines ?? []) {
          await tx.query(
            `insert into route_deadlines (municipality_id, urgency, assess_days, feedback_days, inform_days, updated_at) values ($1, $2, $3, $4, $5, $6)
             on conflict (municipality_id, urgency) do update set assess_days = excluded.assess_days, feedback_days = excluded.feedback_days,
               inform_days = excluded.inform_days, updated_at = excluded.updated_at`,
            [m.id, d.urgency, d.assessDays, d.feedbackDays, d.informDays, kernel.now()],
          );
        }
        if (body.brp === null) await tx.query("delete from brp_endpoints where municipality_id = $1", [m.id]);
        if (body.brp) {
          await tx.query(
            `insert into brp_endpoints (municipality_id, base_url, api_key_enc, updated_at) values ($1, $2, $3, $4)
             on conflict (municipality_id) do update set base_url = excluded.base_url, api_key_enc = excluded.api_key_enc, updated_at = excluded.updated_at`,
            [m.id, body.brp.baseUrl, kernel.crypto.encryptOptional("brp_endpoints.api_key", body.brp.apiKey), kernel.now()],
          );
        }
        kernel.audit.record(tx, {
          actor: { userId: actor.userId, organisationId: actor.organisationId, role },
          action: "update",
          objectType: "route_settings",
          objectId: m.id,
          ownerOrganisationId: m.id,
          result: "success",
          clientAddress: request.ip,
          details: { deadlines: body.deadlines ?? null, brp: body.brp === undefined ? "unchanged" : body.brp ? body.brp.baseUrl : "removed" },
        });
        return present(tx, m.id);
      });
    });
  };
}
