import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { requireActor } from "../../http/auth.ts";
import { notFound } from "../../kernel/errors.ts";
import { accessFilter, authorize } from "../../kernel/policy/policy.ts";
import { findNotification, listNotifications, markAllRead, markRead, paramsOf, type NotificationRow } from "./notifications.repository.ts";
import { idParams, notificationListQuery, notificationListSchema, notificationSchema, readAllResultSchema } from "./notifications.schema.ts";
import type { NotificationKind } from "./notify.ts";

// Notifications carry no personal data (a signal's reference at most), so reading them is not audited;
// a refused access still is, through AccessDenied.
const present = (row: NotificationRow): z.infer<typeof notificationSchema> => ({
  id: row.id,
  kind: row.kind as NotificationKind,
  signalId: row.signal_id,
  referralId: row.referral_id,
  victimFileId: row.victim_file_id,
  meetingId: row.meeting_id,
  params: paramsOf(row),
  createdAt: new Date(row.created_at).toISOString(),
  readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
});

const TAGS = ["Notificaties"];

export function notificationRoutes(kernel: Kernel): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/notifications", {
      schema: {
        tags: TAGS,
        summary: "Uw eigen notificaties, nieuwste eerst",
        operationId: "listNotifications",
        querystring: notificationListQuery,
        response: { 200: notificationListSchema },
      },
    }, async (request) => {
      const actor = requireActor(request);
      const { page, pageSize, unread } = request.query;
      const result = await listNotifications(kernel.db, accessFilter(actor, "list", "notification", "n"), {
        userId: actor.userId,
        unreadOnly: unread === "true",
        page,
        pageSize,
      });
      return { items: result.rows.map(present), total: result.total, page, pageSize, unreadCount: result.unreadCount };
    });

    app.post("/notifications/read-all", {
      schema: {
        tags: TAGS,
        summary: "Al uw notificaties als gelezen markeren",
        operationId: "markAllNotificationsRead",
        response: { 200: readAllResultSchema },
      },
    }, async (request) => {
      const actor = requireActor(request);
      const updated = await markAllRead(kernel.db, actor.userId, kernel.now());
      return { updated, unreadCount: 0 };
    });

    app.post("/notifications/:id/read", {
      schema: {
        tags: TAGS,
        summary: "Eén notificatie als gelezen markeren",
        operationId: "markNotificationRead",
        params: idParams,
        response: { 200: notificationSchema },
      },
    }, async (request) => {
      const actor = requireActor(request);
      const row = await kernel.db.transaction(async (tx) => {
        const found = await findNotification(tx, request.params.id);
        if (!found) throw notFound();
        // Someone else's notification answers 404, exactly like a missing one.
        authorize(actor, "update", "notification", { userId: found.user_id }, { objectId: found.id });
        await markRead(tx, found.id, kernel.now());
        return (await findNotification(tx, found.id))!;
      });
      return present(row);
    });
  };
}
