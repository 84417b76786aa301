import { z } from "zod";
import { notificationKinds } from "./notify.ts";

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(notificationKinds),
    signalId: z.uuid().nullable(),
    referralId: z.uuid().nullable(),
    victimFileId: z.uuid().nullable(),
    meetingId: z.uuid().nullable(),
    params: z.record(z.string(), z.unknown()).describe("Het kenmerk van het signaal of dossier en andere gegevens zonder inhoud"),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Notification" });

export const notificationListSchema = z
  .object({
    items: z.array(notificationSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    unreadCount: z.number().int(),
  })
  .meta({ id: "NotificationList" });

export const notificationListQuery = z
  .object({
    unread: z.enum(["true", "false"]).optional().describe("Alleen ongelezen notificaties"),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const readAllResultSchema = z
  .object({ updated: z.number().int(), unreadCount: z.number().int() })
  .meta({ id: "NotificationsReadAll" });

export const idParams = z.object({ id: z.uuid() }).strict();
