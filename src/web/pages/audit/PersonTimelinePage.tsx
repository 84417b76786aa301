import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import type { AuditEvent, Page, User } from "../../api/types.ts";
import { useLoad } from "../../api/useLoad.ts";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Pagination } from "../../components/Pagination.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { useSession } from "../../session/SessionContext.tsx";
import { AuditTable } from "./AuditTable.tsx";

const PAGE_SIZE = 25;

/** One person in the audit trail: what was done with their data, and what they did themselves. */
export function PersonTimelinePage() {
  const { t } = useTranslation();
  const { userId = "" } = useParams();
  const { can } = useSession();
  const user = useLoad(() => api.get<User>(`/users/${encodeURIComponent(userId)}`), userId, can("user.read"));
  const name = user.data?.displayName ?? userId;
  const title = user.data ? t("audit.timeline.title", { name }) : t("audit.timeline.titleFallback");

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>{t("audit.timeline.intro")}</Paragraph>
      <ul className="kz-plain-list kz-links">
        <li>
          <AppLink to="/audit">{t("audit.timeline.backToAudit")}</AppLink>
        </li>
        {user.data ? (
          <li>
            <AppLink to={`/beheer/gebruikers/${userId}`}>{t("audit.timeline.userLink")}</AppLink>
          </li>
        ) : null}
      </ul>
      <TimelineSection
        id="about"
        heading={t("audit.timeline.aboutHeading")}
        caption={t("audit.timeline.aboutCaption", { name })}
        query={{ dataSubjectRef: `user:${userId}` }}
        pageParam="paginaOver"
      />
      <TimelineSection
        id="by"
        heading={t("audit.timeline.byHeading")}
        caption={t("audit.timeline.byCaption", { name })}
        query={{ actorUserId: userId }}
        pageParam="paginaDoor"
      />
    </>
  );
}

interface SectionProps {
  id: string;
  heading: string;
  caption: string;
  query: Record<string, string>;
  pageParam: string;
}

function TimelineSection({ id, heading, caption, query, pageParam }: SectionProps) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get(pageParam) ?? "1") || 1);
  const events = useLoad(
    () => api.get<Page<AuditEvent>>("/audit-events", { ...query, page, pageSize: PAGE_SIZE }),
    `${JSON.stringify(query)}|${page}`,
  );
  return (
    <section aria-labelledby={`${id}-heading`} className="kz-section">
      <Heading level={2} id={`${id}-heading`}>{heading}</Heading>
      <p role="status" className="kz-result-count">
        {events.data ? t("common.resultCount", { count: events.data.total }) : ""}
      </p>
      {events.error ? <LoadError message={events.error} /> : null}
      {events.loading && !events.data ? <Loading /> : null}
      {events.data && events.data.items.length > 0 ? <AuditTable events={events.data.items} caption={caption} /> : null}
      {events.data && events.data.items.length === 0 ? <Paragraph>{t("common.noResults")}</Paragraph> : null}
      {events.data ? (
        <Pagination page={events.data.page} pageSize={events.data.pageSize} total={events.data.total} param={pageParam} label={`${t("pagination.label")}: ${heading}`} />
      ) : null}
    </section>
  );
}
