import { ButtonGroup, Heading, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { AppButtonLink, AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import "../../theme/care.css";
import "../signals/queue.css";
import { IncomingTransfers } from "./overview/IncomingTransfers.tsx";
import { OpenFiles } from "./overview/OpenFiles.tsx";
import { ShelterOccupancy } from "./overview/ShelterOccupancy.tsx";
import { Tasks } from "./overview/Tasks.tsx";
import { WaitingReferrals } from "./overview/WaitingReferrals.tsx";
import { useStatusMessage } from "./StatusMessage.tsx";
import type { CareOverview } from "./types.ts";

const phases = ["intake", "active", "aftercare"] as const;

/**
 * The care coordinator's start of the day: how many trajectories are in each phase, what is due this week,
 * referrals from the reporting route to accept and open a file from, transfers from other regions to
 * answer, the open trajectories and how full the shelters are.
 */
export function CareOverviewPage() {
  const { t } = useTranslation();
  const overview = useLoad(() => api.get<CareOverview>("/care-overview"), "care-overview");
  const status = useStatusMessage();
  const data = overview.data;
  const { reload } = overview;

  const done = (message: string, ok: boolean) => {
    status.show(message, ok ? "ok" : "error");
    if (ok) reload();
  };

  return (
    <>
      <PageHeading>{t("careOverview.overview.title")}</PageHeading>
      <Paragraph>{t("careOverview.overview.intro")}</Paragraph>
      <ButtonGroup className="kz-care-actions">
        <AppButtonLink to="/zorg/dossiers/nieuw" appearance="primary-action-button">
          {t("careOverview.overview.openFile")}
        </AppButtonLink>
        <AppLink to="/zorg/dossiers">{t("careOverview.overview.allFiles")}</AppLink>
      </ButtonGroup>
      {status.element}
      {overview.error ? <LoadError message={overview.error} /> : null}
      {overview.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <section aria-labelledby="counts-heading" className="kz-section">
            <Heading level={2} id="counts-heading">{t("careOverview.overview.countsHeading")}</Heading>
            <ul className="kz-care-counts">
              {phases.map((phase) => (
                <li key={phase}>
                  <AppLink to={`/zorg/dossiers?status=${phase}`}>
                    <span className="kz-care-counts__number">{data.counts[phase]}</span>{" "}
                    <span className="kz-care-counts__label">{t(`careOverview.overview.counts.${phase}`)}</span>
                  </AppLink>
                </li>
              ))}
            </ul>
          </section>
          <Tasks tasks={data.tasks} />
          <WaitingReferrals referrals={data.waitingReferrals} done={done} />
          <IncomingTransfers transfers={data.incomingTransfers} done={done} />
          <OpenFiles files={data.openFiles} />
        </>
      ) : null}
      <ShelterOccupancy />
    </>
  );
}
