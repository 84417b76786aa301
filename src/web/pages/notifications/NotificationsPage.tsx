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
import { notifyUnreadChanged } from "./useUnreadCount.ts";

/** Mirrors notificationSchema in src/server/modules/notifications/notifications.schema.ts. */
type NotificationKind =
  | "signal_received"
  | "referral_received"
  | "referral_reminder"
  | "referral_escalated"
  | "referral_answered"
  | "signal_overdue"
  | "reporter_informed";

interface Notification {
  id: string;
  kind: NotificationKind;
  signalId: string | null;
  referralId: string | null;
  params: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

interface NotificationList extends Page<Notification> {
  unreadCount: number;
}

const PAGE_SIZE = 20;

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
    const reference = typeof notification.params.reference === "string" ? notification.params.reference : t("notifications.aSignal");
    const to = notification.signalId ? `/signalen/${encodeURIComponent(notification.signalId)}` : null;
    // The tag is <signal>, not <link>: Trans parses the text as HTML, where <link> is a void element.
    const signal = to ? <AppLink to={to} onClick={(event) => void open(notification, to)(event)} /> : <span />;
    return <Trans i18nKey={`notifications.kinds.${notification.kind}`} values={{ reference }} components={{ signal }} />;
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
