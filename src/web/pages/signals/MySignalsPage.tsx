import { DataList, DataListItem, DataListKey, DataListValue, Heading, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { AppButtonLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Pagination } from "../../components/Pagination.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import "./intake/intake.css";

const PAGE_SIZE = 20;

type OwnStatus = "received" | "recorded" | "enriched" | "assessed" | "referred" | "feedback_collected" | "reporter_informed" | "closed";

interface OwnSignal {
  id: string;
  reference: string;
  municipalityName: string;
  status: OwnStatus;
  receivedAt: string;
  closedAt: string | null;
  feedbackToReporter: string | null;
}

interface OwnSignalList {
  items: OwnSignal[];
  total: number;
  page: number;
  pageSize: number;
}

/** The reporter's own signals: status in plain words and the feedback meant for them, nothing else. */
export function MySignalsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get("pagina") ?? "1") || 1);
  const result = useLoad(() => api.get<OwnSignalList>("/signals/mine", { page, pageSize: PAGE_SIZE }), String(page));

  return (
    <>
      <PageHeading>{t("signalsIntake.mine.title")}</PageHeading>
      <Paragraph className="kz-prose">{t("signalsIntake.mine.intro")}</Paragraph>
      <Paragraph>
        <AppButtonLink to="/signalen/nieuw" appearance="primary-action-button">
          {t("signalsIntake.mine.report")}
        </AppButtonLink>
      </Paragraph>
      <p role="status" className="kz-result-count">
        {result.data && result.data.total > 0 ? t("common.resultCount", { count: result.data.total }) : ""}
      </p>
      {result.error ? <LoadError message={result.error} /> : null}
      {result.loading && !result.data ? <Loading /> : null}
      {result.data && result.data.items.length === 0 ? <Paragraph>{t("signalsIntake.mine.empty")}</Paragraph> : null}
      {result.data && result.data.items.length > 0 ? (
        <>
          <ul className="kz-signal-list" aria-label={t("signalsIntake.mine.listLabel")}>
            {result.data.items.map((signal) => (
              <li key={signal.id}>
                <Heading level={2}>
                  {t("signalsIntake.mine.reference")} {signal.reference}
                </Heading>
                <DataList appearance="rows" className="kz-data-list">
                  <Item label={t("signalsIntake.mine.status")} value={t(`signalsIntake.mine.statuses.${signal.status}`)} />
                  <Item label={t("signalsIntake.mine.municipality")} value={signal.municipalityName} />
                  <Item label={t("signalsIntake.mine.received")} value={formatDateTime(signal.receivedAt)} />
                  <Item label={t("signalsIntake.mine.feedback")} value={signal.feedbackToReporter ?? t("signalsIntake.mine.noFeedback")} />
                </DataList>
              </li>
            ))}
          </ul>
          <Pagination page={result.data.page} pageSize={result.data.pageSize} total={result.data.total} />
        </>
      ) : null}
    </>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue multiline>{value}</DataListValue>
    </DataListItem>
  );
}
