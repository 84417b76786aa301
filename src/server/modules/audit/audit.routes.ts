import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import sql from "sql-template-tag";
import { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { requireActor } from "../../http/auth.ts";
import { run } from "../../kernel/db.ts";
import { notFound } from "../../kernel/errors.ts";
import { accessFilter, actingRole, authorize, type Actor } from "../../kernel/policy/policy.ts";

/** The audit viewer for privacy officers. Reading the trail is itself written to the trail. */
const auditEventSchema = z
  .object({
    id: z.uuid(),
    seq: z.number().int(),
    occurredAt: z.iso.datetime(),
    actor: z.object({ userId: z.uuid(), displayName: z.string(), organisationName: z.string().nullable() }).nullable(),
    actorLabel: z.string().nullable(),
    actorRole: z.string().nullable(),
    onBehalfOf: z.string().nullable(),
    action: z.string(),
    objectType: z.string().nullable(),
    objectId: z.string().nullable(),
    dataSubjectRef: z.string().nullable(),
    purpose: z.string().nullable(),
    result: z.string(),
    clientAddress: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: "AuditEvent" });

const isoDay = z.iso.date();
const listQuery = z
  .object({
    actorUserId: z.uuid().optional(),
    dataSubjectRef: z.string().max(200).optional(),
    action: z.string().max(40).optional(),
    result: z.enum(["success", "denied", "failure"]).optional(),
    objectType: z.string().max(40).optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

interface Row {
  id: string;
  seq: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_name_enc: string | null;
  actor_organisation_name: string | null;
  actor_label: string | null;
  actor_role: string | null;
  on_behalf_of: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  data_subject_ref: string | null;
  purpose: string | null;
  result: string;
  client_address: string | null;
  details: string | null;
  actor_organisation_id: string | null;
  owner_organisation_id: string | null;
}

const select = sql`
  select e.id, e.seq::text as seq, e.occurred_at, e.actor_user_id, u.display_name_enc as actor_name_enc,
         o.name as actor_organisation_name, e.actor_label, e.actor_role, e.on_behalf_of, e.action, e.object_type,
         e.object_id, e.data_subject_ref, e.purpose, e.result, e.client_address, e.details,
         e.actor_organisation_id, e.owner_organisation_id
    from audit_events e
    left join users u on u.id = e.actor_user_id
    left join organisations o on o.id = e.actor_organisation_id`;

export function auditRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  const present = (row: Row): z.infer<typeof auditEventSchema> => ({
    id: row.id,
    seq: Number(row.seq),
    occurredAt: new Date(row.occurred_at).toISOString(),
    actor: row.actor_user_id
      ? {
          userId: row.actor_user_id,
          displayName: row.actor_name_enc ? kernel.crypto.decrypt("users.display_name", row.actor_name_enc) : "(verwijderd)",
          organisationName: row.actor_organisation_name,
        }
      : null,
    actorLabel: row.actor_label,
    actorRole: row.actor_role,
    onBehalfOf: row.on_behalf_of,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    dataSubjectRef: row.data_subject_ref,
    purpose: row.purpose,
    result: row.result,
    clientAddress: row.client_address,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
  });
  const auditActor = (actor: Actor) => ({ userId: actor.userId, organisationId: actor.organisationId, role: actingRole(actor, "list", "audit_event") });

  return async (app) => {
    app.get("/audit-events", {
      schema: {
        tags: ["Audittrail"],
        summary: "Audit-events zoeken (privacyfunctionaris)",
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(auditEventSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).meta({ id: "AuditEventList" }) },
      },
    }, async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const conditions = [accessFilter(actor, "list", "audit_event", "e")];
      if (q.actorUserId) conditions.push(sql`e.actor_user_id = ${q.actorUserId}`);
      if (q.dataSubjectRef) conditions.push(sql`e.data_subject_ref = ${q.dataSubjectRef}`);
      if (q.action) conditions.push(sql`e.action = ${q.action}`);
      if (q.result) conditions.push(sql`e.result = ${q.result}`);
      if (q.objectType) conditions.push(sql`e.object_type = ${q.objectType}`);
      if (q.from) conditions.push(sql`e.occurred_at >= ${q.from}::date`);
      if (q.to) conditions.push(sql`e.occurred_at < (${q.to}::date + 1)`);
      const where = conditions.reduce((acc, c) => sql`${acc} and ${c}`);
      return kernel.db.transaction(async (tx) => {
        const rows = await run<Row>(tx, sql`${select} where ${where} order by e.seq desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
        const total = (await run<{ total: number }>(tx, sql`select count(*)::int as total from audit_events e where ${where}`))[0]?.total ?? 0;
        kernel.audit.record(tx, {
          actor: auditActor(actor),
          action: "search",
          objectType: "audit_event",
          dataSubjectRef: q.dataSubjectRef,
          result: "success",
          clientAddress: request.ip,
          details: { filters: Object.fromEntries(Object.entries(q).filter(([k]) => k !== "page" && k !== "pageSize")), total },
        });
        return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
      });
    });

    app.get("/audit-events/:id", {
      schema: { tags: ["Audittrail"], summary: "Eén audit-event", params: z.object({ id: z.uuid() }).strict(), response: { 200: auditEventSchema } },
    }, async (request) => {
      const actor = requireActor(request);
      return kernel.db.transaction(async (tx) => {
        const row = (await run<Row>(tx, sql`${select} where e.id = ${request.params.id}`))[0];
        if (!row) throw notFound();
        authorize(actor, "read", "audit_event", { actorOrganisationId: row.actor_organisation_id, ownerOrganisationId: row.owner_organisation_id }, { objectId: row.id });
        kernel.audit.record(tx, { actor: auditActor(actor), action: "read", objectType: "audit_event", objectId: row.id, dataSubjectRef: row.data_subject_ref ?? undefined, result: "success", clientAddress: request.ip });
        return present(row);
      });
    });
  };
}
