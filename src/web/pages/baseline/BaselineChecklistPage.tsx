import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import { formatDay } from "../care/file/labels.ts";
import { Disclosure } from "../care/file/parts.tsx";
import { FileTable } from "../care/file/FileTable.tsx";
import { useStatusMessage } from "../care/StatusMessage.tsx";
import { useMessageAfterReload } from "../focal-officers/useMessageAfterReload.ts";
import { AttestForm } from "./AttestForm.tsx";
import { StateCell } from "./StateCell.tsx";
import type { BaselineChecklist, CriterionView } from "./types.ts";
import "../care/file/care-file.css";
import "./baseline.css";

/**
 * /basisniveau/:id: one municipality's checklist — every criterion with its state and evidence — the form with
 * which its policy officer attests a criterion, and the history of attestations (append-only).
 */
export function BaselineChecklistPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const status = useStatusMessage();
  const checklist = useLoad(() => api.get<BaselineChecklist>(`/municipalities/${id}/baseline-checklist`), `baseline-${id}`);
  const saved = useMessageAfterReload(checklist, status.show);
  const data = checklist.data;
  const name = data?.municipalityName ?? "";

  return (
    <>
      <PageHeading title={data ? t("baseline.checklist.title", { municipality: name }) : t("baseline.title")}>
        {data ? t("baseline.checklist.title", { municipality: name }) : t("baseline.title")}
      </PageHeading>
      <Paragraph><AppLink to="/basisniveau">{t("baseline.checklist.back")}</AppLink></Paragraph>
      {status.element}
      {checklist.error ? <LoadError message={checklist.error} /> : null}
      {checklist.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <Paragraph>
            {data.meetsBaseline
              ? t("baseline.checklist.summaryMet", { municipality: name })
              : t("baseline.checklist.summaryNotMet", { municipality: name, count: data.metCount, total: data.criteria.length })}{" "}
            {t("baseline.asOf", { date: formatDay(data.asOf) })}
          </Paragraph>
          <FileTable
            caption={t("baseline.checklist.caption", { municipality: name })}
            items={data.criteria}
            itemKey={(c) => c.criterion}
            columns={[
              { key: "criterion", header: t("baseline.checklist.criterion"), cell: (c) => t(`baseline.criteria.${c.criterion}`) },
              { key: "kind", header: t("baseline.checklist.kindColumn"), cell: (c) => t(`baseline.kind.${c.kind}`) },
              { key: "state", header: t("baseline.checklist.stateColumn"), cell: (c) => <StateCell criterion={c} /> },
              { key: "evidence", header: t("baseline.checklist.evidence"), cell: (c) => <Evidence criterion={c} /> },
            ]}
          />
          {data.abilities.attest ? (
            <section aria-labelledby="attest-heading" className="kz-section">
              <Heading level={2} id="attest-heading">{t("baseline.checklist.attestHeading")}</Heading>
              <Disclosure id="attest" label={t("baseline.checklist.attest")}>
                {(close) => (
                  <AttestForm
                    municipalityId={data.municipalityId}
                    onCancel={close}
                    onSaved={(_result, message) => {
                      close();
                      saved(message);
                    }}
                  />
                )}
              </Disclosure>
            </section>
          ) : null}
          <section aria-labelledby="history-heading" className="kz-section">
            <Heading level={2} id="history-heading">{t("baseline.checklist.historyHeading")}</Heading>
            <FileTable
              caption={t("baseline.checklist.historyCaption", { municipality: name })}
              empty={t("baseline.checklist.historyEmpty")}
              items={data.history}
              itemKey={(a) => a.id}
              columns={[
                { key: "criterion", header: t("baseline.checklist.criterion"), cell: (a) => t(`baseline.criteria.${a.criterion}`) },
                { key: "state", header: t("baseline.checklist.stateColumn"), cell: (a) => t(`baseline.state.${a.met ? "met" : "not_met"}`) },
                { key: "date", header: t("baseline.checklist.attestedOn"), cell: (a) => <span className="kz-nowrap">{formatDay(a.attestedOn)}</span> },
                { key: "evidence", header: t("baseline.checklist.evidence"), cell: (a) => <Evidence criterion={{ documentReference: a.documentReference, note: a.note }} /> },
                { key: "by", header: t("baseline.checklist.recordedBy"), cell: (a) => a.recordedBy ?? "—" },
                { key: "at", header: t("baseline.checklist.recordedAt"), cell: (a) => formatDateTime(a.recordedAt) },
              ]}
            />
          </section>
        </>
      ) : null}
    </>
  );
}

function Evidence({ criterion }: { criterion: Pick<CriterionView, "documentReference" | "note"> }) {
  const { t } = useTranslation();
  if (!criterion.documentReference && !criterion.note) return <>—</>;
  return (
    <span className="kz-baseline-evidence">
      {criterion.documentReference ? <span>{t("baseline.checklist.document", { reference: criterion.documentReference })}</span> : null}
      {criterion.documentReference && criterion.note ? <br /> : null}
      {criterion.note ? <span>{criterion.note}</span> : null}
    </span>
  );
}
