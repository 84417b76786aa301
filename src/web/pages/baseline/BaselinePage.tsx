import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { formatDay } from "../care/file/labels.ts";
import { FileTable, type Column } from "../care/file/FileTable.tsx";
import { CriteriaExplained } from "./CriteriaExplained.tsx";
import { StateCell } from "./StateCell.tsx";
import { criteria, type BaselineOverview, type MunicipalityBaseline } from "./types.ts";
import "../care/file/care-file.css";
import "./baseline.css";

/**
 * /basisniveau: which municipalities of the user's region(s) meet the baseline for the municipal approach, as a
 * table of municipalities × criteria (met, not met, not attested, with the date), counts only. A municipality's
 * name leads to its checklist, where its policy officer attests criteria.
 */
export function BaselinePage() {
  const { t } = useTranslation();
  const overview = useLoad(() => api.get<BaselineOverview>("/baseline-checklists"), "baseline");
  const regions = overview.data?.regions ?? [];
  const columns: [Column<MunicipalityBaseline>, ...Column<MunicipalityBaseline>[]] = [
    {
      key: "municipality",
      header: t("baseline.municipality"),
      cell: (m) => (
        <AppLink to={`/basisniveau/${m.municipalityId}`} aria-label={t("baseline.detailsOf", { municipality: m.municipalityName })}>
          {m.municipalityName}
        </AppLink>
      ),
    },
    {
      key: "overall",
      header: t("baseline.overall"),
      cell: (m) =>
        m.meetsBaseline ? <strong>{t("baseline.overallMet")}</strong> : <strong className="kz-baseline-flag">{t("baseline.overallNotMet", { count: m.metCount, total: m.criteria.length })}</strong>,
    },
    ...criteria.map((criterion) => ({
      key: criterion,
      header: t(`baseline.criteria.${criterion}`),
      cell: (m: MunicipalityBaseline) => {
        const c = m.criteria.find((x) => x.criterion === criterion);
        return c ? <StateCell criterion={c} /> : "—";
      },
    })),
  ];

  return (
    <>
      <PageHeading>{t("baseline.title")}</PageHeading>
      <Paragraph className="kz-prose">{t("baseline.intro")}</Paragraph>
      {overview.data ? <Paragraph>{t("baseline.asOf", { date: formatDay(overview.data.asOf) })}</Paragraph> : null}
      {overview.error ? <LoadError message={overview.error} /> : null}
      {overview.loading && !overview.data ? <Loading /> : null}
      {overview.data && regions.length === 0 ? <Paragraph>{t("baseline.noRegions")}</Paragraph> : null}
      {regions.map((region) => {
        const meets = region.municipalities.filter((m) => m.meetsBaseline).length;
        return (
          <section key={region.regionId} aria-labelledby={`region-${region.regionId}`} className="kz-section">
            <Heading level={2} id={`region-${region.regionId}`}>{region.regionName}</Heading>
            <Paragraph>{t("baseline.meets", { count: meets, total: region.municipalities.length })}</Paragraph>
            <div className="kz-baseline-table">
              <FileTable
                caption={t("baseline.caption", { region: region.regionName })}
                items={region.municipalities}
                itemKey={(m) => m.municipalityId}
                columns={columns}
              />
            </div>
          </section>
        );
      })}
      <CriteriaExplained />
    </>
  );
}
