import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { useLoad } from "../../../api/useLoad.ts";
import { AppLink } from "../../../components/links.tsx";
import { LoadError, Loading } from "../../../components/Status.tsx";
import { formatDateTime } from "../../../i18n/format.ts";
import { FileTable } from "../../care/file/FileTable.tsx";
import { useMeasureLabels } from "../../measures/labels.ts";
import type { MeetingList, MeetingListItem } from "../types.ts";

const PAGE_SIZE = 100;
/** Enough pages for years of meetings; the list is ordered by date, so closed meetings come first. */
const MAX_PAGES = 10;

/** Every meeting the user sees (all statuses), page by page: only closed ones can wait for feedback. */
async function allMeetings(): Promise<MeetingListItem[]> {
  const items: MeetingListItem[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const list = await api.get<MeetingList>("/meetings", { scope: "all", page, pageSize: PAGE_SIZE });
    items.push(...list.items);
    if (page * PAGE_SIZE >= list.total) break;
  }
  return items;
}

/**
 * "Punten die op terugkoppeling wachten": the closed meetings with admitted items that have no decision yet or
 * an action still open (counted by the server over the items the user may read), most recent first. Loaded
 * again (`version`) after an action on the page changed.
 */
export function WaitingMeetings({ version }: { version: number }) {
  const { t } = useTranslation();
  const labels = useMeasureLabels();
  const meetings = useLoad(allMeetings, `waiting-meetings-${version}`);
  const waiting = (meetings.data ?? []).filter((m) => m.waitingForFeedback > 0).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return (
    <section aria-labelledby="waiting-heading" className="kz-section kz-actions-group">
      <Heading level={2} id="waiting-heading">{t("measures.actions.waitingHeading")}</Heading>
      <Paragraph className="kz-prose">{t("measures.actions.waitingIntro")}</Paragraph>
      {meetings.error ? <LoadError message={meetings.error} /> : null}
      {meetings.loading && !meetings.data ? <Loading /> : null}
      {meetings.data ? (
        <FileTable
          caption={t("measures.actions.waitingCaption")}
          empty={t("measures.actions.waitingNone")}
          items={waiting}
          itemKey={(m) => m.id}
          columns={[
            {
              key: "meeting",
              header: t("measures.actions.waitingMeeting"),
              cell: (m) => (
                <span>
                  <AppLink to={`/overleg/${encodeURIComponent(m.id)}`}>{m.reference}</AppLink> {m.title}
                  <span className="kz-file-cell-note">{labels.meetingKind(m.kind)}, {m.organisationName}</span>
                </span>
              ),
            },
            { key: "when", header: t("measures.actions.waitingWhen"), cell: (m) => <span className="kz-nowrap">{formatDateTime(m.startsAt)}</span> },
            { key: "count", header: t("measures.actions.waitingCount"), cell: (m) => <strong>{t("measures.actions.waitingItems", { count: m.waitingForFeedback })}</strong> },
          ]}
        />
      ) : null}
    </section>
  );
}
