import { ButtonGroup, Heading, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import type { Ability } from "../../api/types.ts";
import { useLoad } from "../../api/useLoad.ts";
import { SelectField } from "../../components/fields.tsx";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Pagination } from "../../components/Pagination.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { useSession } from "../../session/SessionContext.tsx";
import { Disclosure } from "../care/file/parts.tsx";
import { useStatusMessage } from "../care/StatusMessage.tsx";
import { isCode } from "../care/types.ts";
import { measureOutcomes, type AdministrativeMeasure, type MeasureList } from "../conferences/types.ts";
import { placeText, useMeasureLabels } from "./labels.ts";
import { draftOf, historyQuery, LocationHistory, type HistoryRequest } from "./LocationHistory.tsx";
import { MeasureForm } from "./MeasureForm.tsx";
import { MeasureTable } from "./MeasureTable.tsx";
import { emptyPlace, type PlaceDraft } from "./PlaceFields.tsx";
import "../care/file/care-file.css";
import "./measures.css";

const PAGE_SIZE = 25;
const MEASURE_CREATE = "administrative_measure.create" satisfies Ability;

/**
 * /maatregelen: the municipality's register of administrative measures against addresses and businesses
 * (filter by outcome, add one, record an outcome), and the history of one address or business — the
 * municipality's signals about it and the measures taken (the barrier approach). For focal officers.
 */
export function MeasuresPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const labels = useMeasureLabels();
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const applied = isCode(measureOutcomes, params.get("uitkomst")) ? (params.get("uitkomst") ?? "") : "";
  const page = Math.max(1, Number(params.get("pagina") ?? "1") || 1);
  const [outcome, setOutcome] = useState(applied);
  useEffect(() => setOutcome(applied), [applied]);
  const status = useStatusMessage();
  const list = useLoad(() => api.get<MeasureList>("/administrative-measures", { outcome: applied || undefined, page, pageSize: PAGE_SIZE }), `measures-${key}`);
  const [historyPlace, setHistoryPlace] = useState<PlaceDraft>(emptyPlace);
  const [historyRequest, setHistoryRequest] = useState<HistoryRequest | null>(null);

  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    setParams(outcome ? { uitkomst: outcome } : {});
  };
  const saved = (_measure: AdministrativeMeasure, message: string) => {
    list.reload();
    status.show(message);
  };
  const showHistory = (measure: AdministrativeMeasure) => {
    setHistoryPlace(draftOf(measure.location));
    setHistoryRequest((current) => ({ query: historyQuery(measure.location), place: placeText(t, measure.location), n: (current?.n ?? 0) + 1 }));
  };
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeading>{t("measures.register.title")}</PageHeading>
      <Paragraph className="kz-prose">{t("measures.register.intro")}</Paragraph>
      {status.element}
      <section aria-labelledby="register-heading" className="kz-section">
        <Heading level={2} id="register-heading">{t("measures.register.heading")}</Heading>
        {can(MEASURE_CREATE) ? (
          <Disclosure id="measure-add" label={t("measures.register.add")}>
            {(close) => (
              <MeasureForm
                onCancel={close}
                onAdded={(measure, message) => {
                  close();
                  saved(measure, message);
                }}
              />
            )}
          </Disclosure>
        ) : null}
        <form role="search" aria-label={t("measures.register.filtersLabel")} noValidate onSubmit={onFilter} className="kz-filters">
          <SelectField
            name="uitkomst"
            label={t("measures.register.outcome")}
            value={outcome}
            onChange={setOutcome}
            placeholder={t("measures.register.outcomeAll")}
            options={measureOutcomes.map((o) => ({ value: o, label: labels.outcome(o) }))}
            optional
            markOptional={false}
          />
          <ButtonGroup>
            <PrimaryActionButton type="submit">{t("measures.register.apply")}</PrimaryActionButton>
            {applied ? <AppLink to="/maatregelen">{t("common.clearFilters")}</AppLink> : null}
          </ButtonGroup>
        </form>
        <p role="status" className="kz-result-count">
          {list.data ? t("common.resultCount", { count: list.data.total }) : ""}
        </p>
        {list.error ? <LoadError message={list.error} /> : null}
        {list.loading && !list.data ? <Loading /> : null}
        {list.data ? (
          <MeasureTable
            id="register"
            caption={t("measures.register.caption")}
            measures={items}
            empty={applied ? t("measures.register.emptyFiltered") : t("measures.register.empty")}
            onSaved={saved}
            onHistory={showHistory}
          />
        ) : null}
        {list.data ? <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} /> : null}
      </section>
      <LocationHistory place={historyPlace} setPlace={setHistoryPlace} request={historyRequest} onSearch={setHistoryRequest} />
    </>
  );
}

