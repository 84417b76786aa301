import { DataList, Heading, Link, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { FileTable } from "../care/file/FileTable.tsx";
import { formatDay } from "../care/file/labels.ts";
import { Disclosure, Item } from "../care/file/parts.tsx";
import { useStatusMessage } from "../care/StatusMessage.tsx";
import "../care/file/care-file.css";
import { useTrainingLabels } from "./labels.ts";
import { SessionForm } from "./SessionForm.tsx";
import "./training.css";
import type { SessionSummary, TrainingOffer } from "./types.ts";

/** /deskundigheid/aanbod/:id: one training offer with its sessions; who manages adds a session. */
export function OfferPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const labels = useTrainingLabels();
  const [generation, setGeneration] = useState(0);
  const status = useStatusMessage();
  const loaded = useLoad(() => api.get<TrainingOffer>(`/training-offers/${encodeURIComponent(id)}`), `${id}-${generation}`);
  const offer = loaded.data;
  const sessionDate = (s: SessionSummary) => (s.endsOn && s.endsOn !== s.startsOn ? t("training.offer.dates", { from: formatDay(s.startsOn), to: formatDay(s.endsOn) }) : formatDay(s.startsOn));

  return (
    <>
      <PageHeading title={offer?.title ?? t("training.offer.titleFallback")}>{offer?.title ?? t("training.offer.titleFallback")}</PageHeading>
      <Paragraph>
        <AppLink to="/deskundigheid">{t("training.offer.back")}</AppLink>
      </Paragraph>
      {status.element}
      {loaded.error ? <LoadError message={loaded.error} /> : null}
      {loaded.loading && !offer ? <Loading /> : null}
      {offer ? (
        <>
          <section aria-labelledby="offer-details-heading" className="kz-section">
            <Heading level={2} id="offer-details-heading">{t("training.offer.details")}</Heading>
            <DataList appearance="rows" className="kz-data-list">
              <Item label={t("training.offers.kind")}>{labels.kind(offer.kind)}</Item>
              <Item label={t("training.offers.provider")}>{offer.provider ?? t("training.offer.noProvider")}</Item>
              {offer.description ? <Item label={t("training.offers.description")}><span className="kz-training-text">{offer.description}</span></Item> : null}
              {offer.link ? (
                <Item label={t("training.offers.link")}>
                  <Link href={offer.link} rel="noopener noreferrer" className="kz-training-text">{offer.link}</Link>
                </Item>
              ) : null}
            </DataList>
          </section>
          <section aria-labelledby="sessions-heading" className="kz-section">
            <Heading level={2} id="sessions-heading">{t("training.offer.sessionsHeading")}</Heading>
            {offer.abilities.manage ? (
              <Disclosure id="session-add" label={t("training.offer.addSession")}>
                {(close) => (
                  <SessionForm
                    offerId={offer.id}
                    onCancel={close}
                    onSaved={(session) => {
                      close();
                      setGeneration((n) => n + 1);
                      status.show(t("training.offer.sessionAdded", { date: formatDay(session.startsOn) }));
                    }}
                  />
                )}
              </Disclosure>
            ) : null}
            <FileTable
              caption={t("training.offer.sessionsCaption", { title: offer.title })}
              empty={t("training.offer.noSessions")}
              items={offer.sessions ?? []}
              itemKey={(s) => s.id}
              columns={[
                { key: "date", header: t("training.offer.date"), cell: (s) => <AppLink to={`/deskundigheid/sessies/${s.id}`} aria-label={t("training.offer.sessionLink", { date: sessionDate(s) })}>{sessionDate(s)}</AppLink> },
                { key: "place", header: t("training.offer.place"), cell: (s) => s.place ?? "—" },
                { key: "participants", header: t("training.offer.participants"), cell: (s) => s.participantCount },
                { key: "trained", header: t("training.offer.trained"), cell: (s) => s.trainedCount },
              ]}
            />
          </section>
        </>
      ) : null}
    </>
  );
}
