import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { requireActor } from "../../http/auth.ts";
import { notFound } from "../../kernel/errors.ts";
import { authorize, recordAbilities, type Actor } from "../../kernel/policy/policy.ts";
import { groupInfo, indicatorGroups } from "./catalogue-seed.ts";
import { iloIndicators } from "./ilo.ts";
import { catalogueById, currentCatalogue, listVersions, publishChange, type Catalogue } from "./indicators.repository.ts";
import { catalogueSchema, changeBody, idParams, regionParams, versionListSchema } from "./indicators.schema.ts";

// The catalogue holds no personal data, so reading it is not audited; changing it is, and a refused
// access is too (through AccessDenied).
const TAGS = ["Indicatoren"];

const present = (actor: Actor, c: Catalogue): z.infer<typeof catalogueSchema> => ({
  id: c.id,
  regionId: c.regionId,
  version: c.version,
  publishedAt: c.publishedAt,
  publishedBy: c.publishedBy,
  changeNote: c.changeNote,
  groups: indicatorGroups.map((group) => ({
    group,
    titleNl: groupInfo[group].titleNl,
    titleEn: groupInfo[group].titleEn,
    leadNl: groupInfo[group].leadNl,
    leadEn: groupInfo[group].leadEn,
    indicators: c.indicators
      .filter((i) => i.group === group)
      .map((i) => ({ code: i.code, position: i.position, textNl: i.textNl, textEn: i.textEn, iloCodes: i.iloCodes })),
  })),
  ilo: iloIndicators.map((i) => ({ code: i.code, nameNl: i.nl, nameEn: i.en })),
  abilities: recordAbilities(actor, "indicator_catalogue", { regionId: c.regionId }),
});

export function indicatorRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/regions/:regionId/indicator-catalogue", {
      schema: {
        tags: TAGS,
        summary: "De huidige versie van de indicatorenlijst van een regio",
        operationId: "getIndicatorCatalogue",
        params: regionParams,
        response: { 200: catalogueSchema },
      },
    }, async (request) => {
      const actor = requireActor(request);
      const { regionId } = request.params;
      // Authorise before reading: the first read of a region seeds version 1, which only members may cause.
      authorize(actor, "read", "indicator_catalogue", { regionId }, { objectId: regionId });
      return present(actor, await currentCatalogue(kernel.db, regionId));
    });

    app.get("/regions/:regionId/indicator-catalogue/versions", {
      schema: {
        tags: TAGS,
        summary: "Alle gepubliceerde versies van de indicatorenlijst, nieuwste eerst",
        operationId: "listIndicatorCatalogueVersions",
        params: regionParams,
        response: { 200: versionListSchema },
      },
    }, async (request) => {
      const actor = requireActor(request);
      const { regionId } = request.params;
      authorize(actor, "read", "indicator_catalogue", { regionId }, { objectId: regionId });
      await currentCatalogue(kernel.db, regionId);
      return { items: await listVersions(kernel.db, regionId) };
    });

    app.get("/indicator-catalogues/:id", {
      schema: {
        tags: TAGS,
        summary: "Eén versie van een indicatorenlijst, zoals een signaal ermee is gemaakt",
        operationId: "getIndicatorCatalogueVersion",
        params: idParams,
        response: { 200: catalogueSchema },
      },
    }, async (request) => {
      const actor = requireActor(request);
      const catalogue = await catalogueById(kernel.db, request.params.id);
      if (!catalogue) throw notFound();
      authorize(actor, "read", "indicator_catalogue", { regionId: catalogue.regionId }, { objectId: catalogue.id });
      return present(actor, catalogue);
    });

    app.post("/regions/:regionId/indicator-catalogue/changes", {
      schema: {
        tags: TAGS,
        summary: "Een signaal toevoegen, anders formuleren of intrekken; publiceert een nieuwe versie",
        operationId: "changeIndicatorCatalogue",
        description:
          "Publiceert de huidige versie met één wijziging als nieuwe versie; eerdere versies blijven ongewijzigd. Een onbekende code geeft 404 (invalidParams: unknown_indicator), het laatste signaal van een groep intrekken 422 (last_indicator_in_group), een herformulering zonder verschil 422 (no_change).",
        params: regionParams,
        body: changeBody,
        response: { 201: catalogueSchema },
      },
    }, async (request, reply) => {
      const actor = requireActor(request);
      const { regionId } = request.params;
      const change: z.infer<typeof changeBody> = request.body;
      const published = await kernel.db.transaction(async (tx) => {
        const role = authorize(actor, "update", "indicator_catalogue", { regionId }, { objectId: regionId });
        const { catalogue, code } = await publishChange(tx, regionId, change, actor.userId);
        kernel.audit.record(tx, {
          actor: { userId: actor.userId, organisationId: actor.organisationId, role },
          action: "update",
          objectType: "indicator_catalogue",
          objectId: catalogue.id,
          result: "success",
          clientAddress: request.ip,
          details: { regionId, version: catalogue.version, kind: change.kind, code },
        });
        return catalogue;
      });
      return reply.status(201).send(present(actor, published));
    });
  };
}
