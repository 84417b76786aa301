import { ButtonGroup, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { SelectField } from "../../components/fields.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { useStatusMessage } from "../care/StatusMessage.tsx";
import "../care/file/care-file.css";
import { CoverageSection } from "./CoverageSection.tsx";
import { municipalityParam } from "./labels.ts";
import { OffersSection } from "./OffersSection.tsx";
import { TeamsSection } from "./TeamsSection.tsx";
import "./training.css";
import type { Coverage, TrainingMunicipality } from "./types.ts";

/**
 * /deskundigheid: a municipality's expertise. Everyone allowed sees the coverage per team against the targets
 * (focal officers too); the municipality's policy officers and administrators also keep the teams, the targets
 * and the training offers. A region administrator chooses the municipality (?gemeente=…).
 */
export function TrainingPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const chosen = params.get(municipalityParam) ?? "";
  const [choice, setChoice] = useState(chosen);
  useEffect(() => setChoice(chosen), [chosen]);
  const [generation, setGeneration] = useState(0);
  const status = useStatusMessage();
  const municipalities = useLoad(() => api.get<{ items: TrainingMunicipality[] }>("/training-municipalities"), "training-municipalities");
  const coverage = useLoad(() => api.get<Coverage>("/training-coverage", { municipalityId: chosen || undefined }), `coverage-${chosen}-${generation}`);
  const data = coverage.data;
  const manage = data?.abilities.manage === true;
  const options = municipalities.data?.items ?? [];
  const changed = (message: string) => {
    setGeneration((n) => n + 1);
    status.show(message);
  };
  const onChoose = (event: FormEvent) => {
    event.preventDefault();
    setParams(choice ? { [municipalityParam]: choice } : {});
  };

  return (
    <>
      <PageHeading title={data ? t("training.overview.titleOf", { municipality: data.municipalityName }) : t("training.overview.title")}>
        {data ? t("training.overview.titleOf", { municipality: data.municipalityName }) : t("training.overview.title")}
      </PageHeading>
      <Paragraph className="kz-prose">{t("training.overview.intro")}</Paragraph>
      {options.length > 1 ? (
        <form role="search" aria-label={t("training.overview.municipality")} noValidate onSubmit={onChoose} className="kz-filters">
          <SelectField
            name="gemeente"
            label={t("training.overview.municipality")}
            value={choice || data?.municipalityId || ""}
            onChange={setChoice}
            placeholder={t("training.overview.chooseMunicipality")}
            options={options.map((m) => ({ value: m.id, label: m.name }))}
            optional
            markOptional={false}
          />
          <ButtonGroup>
            <PrimaryActionButton type="submit">{t("training.overview.show")}</PrimaryActionButton>
          </ButtonGroup>
        </form>
      ) : null}
      {status.element}
      {coverage.loading && !data ? <Loading /> : null}
      {coverage.error ? (!chosen && options.length > 0 ? <Paragraph>{t("training.overview.noMunicipality")}</Paragraph> : <LoadError message={coverage.error} />) : null}
      {data ? (
        <>
          <CoverageSection coverage={data} />
          {manage ? <TeamsSection municipalityId={data.municipalityId} coverage={data} generation={generation} onChanged={changed} /> : null}
          {manage ? <OffersSection municipalityId={data.municipalityId} onChanged={(message) => status.show(message)} /> : null}
        </>
      ) : null}
    </>
  );
}
