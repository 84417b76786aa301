import {
  Button,
  ButtonGroup,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useState, type MouseEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router-dom";
import { api, problemMessage } from "../../api/client.ts";
import type { Page } from "../../api/types.ts";
import { useLoad } from "../../api/useLoad.ts";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Pagination } from "../../components/Pagination.tsx";
import { Confirmation, LoadError, Loading } from "../../components/Status.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import { formatDay, lowerFirst } from "../care/format.ts";
import { taskKinds } from "../care/types.ts";
import { isOneOf } from "../signals/types.ts";
import { notifyUnreadChanged } from "./useUnreadCount.ts";

/** Mirrors notificationSchema in src/server/modules/notifications/notifications.schema.ts. */
type NotificationKind =
  | "signal_received"
  | "referral_received"
  | "referral_reminder"
  | "referral_escalated"
  | "referral_answered"
  | "signal_overdue"
  | "reporter_informed"
  | "case_team_added"
  | "transfer_proposed"
  | "transfer_answered"
  | "care_task"
  | "agreement_expiring";

interface Notification {
  id: string;
  kind: NotificationKind;
  signalId: string | null;
  referralId: string | null;
  victimFileId: string | null;
  params: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

interface NotificationList extends Page<Notification> {
  unreadCount: number;
}

const PAGE_SIZE = 20;

const careKinds = ["case_team_added", "transfer_proposed", "transfer_answered", "care_task"] as const;
const isCareKind = (kind: NotificationKind) => isOneOf(careKinds, kind);

/** Where a notification leads: its signal, its victim file, or (an offered transfer) the care overview. */
function target(notification: Notification): string | null {
  if (notification.signalId) return `/signalen/${encodeURIComponent(notification.signalId)}`;
  if (notification.victimFileId) return `/zorg/dossiers/${encodeURIComponent(notification.victimFileId)}`;
  if (notification.kind === "transfer_proposed") return "/zorg";
  if (notification.kind === "agreement_expiring") return "/netwerk";
  return null;
}

/** The user's own notifications, newest first; opening one marks it read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get("pagina") ?? "1") || 1);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const result = useLoad(() => api.get<NotificationList>("/notifications", { page, pageSize: PAGE_SIZE }), String(page));
  const data = result.data;

  const markAllRead = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await api.post("/notifications/read-all");
      setMessage(t("notifications.markedAllRead"));
      notifyUnreadChanged();
      result.reload();
    } catch (reason) {
      setError(problemMessage(reason));
    } finally {
      setBusy(false);
    }
  };

  // The link still works as a link (new tab, copy); a plain click first marks the notification read.
  const open = (notification: Notification, to: string) => async (event: MouseEvent<HTMLAnchorElement>) => {
    if (notification.readAt) return;
    const markRead = api.post(`/notifications/${encodeURIComponent(notification.id)}/read`).catch(() => undefined);
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    await markRead;
    navigate(to);
  };

  const sentence = (notification: Notification) => {
    const { params } = notification;
    const to = target(notification);
    // The tags are <signal> and <file>, not <link>: Trans parses the text as HTML, where <link> is a void element.
    const link = to ? <AppLink to={to} onClick={(event) => void open(notification, to)(event)} /> : <span />;
    const components = { signal: link, file: link };
    if (notification.signalId || !isCareKind(notification.kind)) {
      const reference = typeof params.reference === "string" ? params.reference : t("notifications.aSignal");
      return <Trans i18nKey={`notifications.kinds.${notification.kind}`} values={{ reference }} components={components} />;
    }
    const reference = typeof params.reference === "string" ? params.reference : t("notifications.aFile");
    if (notification.kind === "transfer_answered" && typeof params.accepted === "boolean") {
      const key = params.accepted ? "notifications.transferAccepted" : "notifications.transferDeclined";
      return <Trans i18nKey={key} values={{ reference }} components={components} />;
    }
    if (notification.kind === "care_task") {
      const task = typeof params.task === "string" && isOneOf(taskKinds, params.task) ? lowerFirst(t(`careOverview.codes.taskKind.${params.task}`)) : "";
      const date = typeof params.date === "string" ? formatDay(params.date) : null;
      const key = !date ? "notifications.kinds.care_task" : params.overdue === true ? "notifications.careTaskOverdue" : "notifications.careTaskDue";
      return <Trans i18nKey={key} values={{ reference, task, date }} components={components} />;
    }
    return <Trans i18nKey={`notifications.kinds.${notification.kind}`} values={{ reference }} components={components} />;
  };

  return (
    <>
      <PageHeading>{t("notifications.title")}</PageHeading>
      <Paragraph>{t("notifications.intro")}</Paragraph>
      <p role="status" className="kz-result-count">
        {data ? (data.unreadCount > 0 ? t("notifications.unreadCount", { count: data.unreadCount }) : t("notifications.allRead")) : ""}
      </p>
      <Confirmation message={message} />
      {error ? <LoadError message={error} /> : null}
      {data && data.unreadCount > 0 ? (
        <ButtonGroup>
          <Button appearance="secondary-action-button" busy={busy} onClick={() => void markAllRead()}>
            {t("notifications.markAllRead")}
          </Button>
        </ButtonGroup>
      ) : null}
      {result.error ? <LoadError message={result.error} /> : null}
      {result.loading && !data ? <Loading /> : null}
      {data && data.items.length > 0 ? (
        <div className="kz-table-scroll">
          <Table className="kz-table">
            <TableCaption>{t("notifications.listLabel")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("notifications.status")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("notifications.message")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("notifications.received")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((notification) => (
                <TableRow key={notification.id}>
                  <TableCell>{notification.readAt ? t("notifications.read") : <strong>{t("notifications.unread")}</strong>}</TableCell>
                  <TableCell>{notification.readAt ? sentence(notification) : <strong>{sentence(notification)}</strong>}</TableCell>
                  <TableCell className="kz-nowrap">{formatDateTime(notification.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {data && data.total === 0 ? <Paragraph>{t("notifications.empty")}</Paragraph> : null}
      {data ? <Pagination page={data.page} pageSize={data.pageSize} total={data.total} /> : null}
    </>
  );
}
