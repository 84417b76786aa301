import { ButtonGroup, Heading, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, problemMessage, type Query } from "../../api/client.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { AppLink } from "../../components/links.tsx";
import { Loading } from "../../components/Status.tsx";
import { useFormErrors } from "../../components/useFormErrors.ts";
import { formatDateTime, formatList } from "../../i18n/format.ts";
import { FileTable } from "../care/file/FileTable.tsx";
import { onFields } from "../care/problems.ts";
import type { LocationHistory as History, LocationHistorySignal } from "../conferences/types.ts";
import { exploitationForms, isOneOf, statuses } from "../signals/types.ts";
import { placeText } from "./labels.ts";
import { MeasureTable } from "./MeasureTable.tsx";
import { checkPlace, emptyPlace, placeBody, placeFields, placeRename, PlaceFields, type PlaceDraft } from "./PlaceFields.tsx";

const PREFIX = "history";
const FIELDS = placeFields(PREFIX);
const RENAME = placeRename(PREFIX);

/** What was searched: the query of the API and the place in words. Kept in the page, not in the address bar. */
export interface HistoryRequest {
  query: Query;
  place: string;
  /** Counts searches, so the same place searched twice still moves the focus. */
  n: number;
}

/** The API's query for a place: postcode and house number (letter, addition), or the KvK number. */
export function historyQuery(location: Record<string, unknown>): Query {
  if (location.kind === "business") return { kvkNumber: String(location.kvkNumber ?? "") };
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  return {
    postcode: String(location.postcode ?? "").replace(/\s+/g, "").toUpperCase(),
    houseNumber: typeof location.houseNumber === "number" ? location.houseNumber : undefined,
    houseLetter: text(location.houseLetter),
    addition: text(location.addition),
  };
}

/**
 * "Geschiedenis van een adres of bedrijf": a search by address or KvK number, and the result — the
 * municipality's signals about that place (each a link to the signal) and the measures taken against it.
 * The search lives in the page's state: an address does not belong in the browser's history.
 */
export function LocationHistory(props: {
  place: PlaceDraft;
  setPlace: (update: (place: PlaceDraft) => PlaceDraft) => void;
  request: HistoryRequest | null;
  onSearch: (request: HistoryRequest) => void;
}) {
  const { place, setPlace, request, onSearch } = props;
  const { t } = useTranslation();
  const labels: Record<string, string> = {
    historyPostcode: t("measures.form.postcode"), historyHouseNumber: t("measures.form.houseNumber"), historyHouseLetter: t("measures.form.houseLetter"),
    historyAddition: t("measures.form.addition"), historyKvkNumber: t("measures.form.kvkNumber"),
  };
  const errors = useFormErrors(FIELDS, labels);
  const [answer, setAnswer] = useState<{ n: number; data: History | null; error: string | null } | null>(null);
  const { failWithProblem } = errors;

  useEffect(() => {
    if (!request) return;
    let current = true;
    api
      .get<History>("/location-history", request.query)
      .then((data) => {
        if (current) setAnswer({ n: request.n, data, error: null });
      })
      .catch((error: unknown) => {
        if (!current) return;
        setAnswer({ n: request.n, data: null, error: problemMessage(error) });
        failWithProblem(onFields(error, (name) => RENAME[name] ?? name, FIELDS));
      });
    return () => {
      current = false;
    };
  }, [request, failWithProblem]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check = checkPlace(t, PREFIX, place);
    if (Object.values(check).some(Boolean)) return errors.fail(check);
    errors.clear();
    const location = placeBody(place);
    onSearch({ query: historyQuery(location), place: placeText(t, location), n: (request?.n ?? 0) + 1 });
  };

  const current = answer && request && answer.n === request.n ? answer : null;
  return (
    <section aria-labelledby="history-heading" className="kz-section kz-measures-history" id="geschiedenis">
      <Heading level={2} id="history-heading">{t("measures.history.heading")}</Heading>
      <Paragraph className="kz-prose">{t("measures.history.intro")}</Paragraph>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <form role="search" aria-label={t("measures.history.searchLabel")} noValidate onSubmit={onSubmit} className="kz-form kz-narrow">
        <PlaceFields prefix={PREFIX} legend={t("measures.history.searchBy")} place={place} onChange={(patch) => setPlace((p) => ({ ...p, ...patch }))} errors={errors.fields} />
        <ButtonGroup>
          <PrimaryActionButton type="submit">{t("measures.history.search")}</PrimaryActionButton>
        </ButtonGroup>
      </form>
      {request && !current?.error ? <HistoryResult request={request} data={current?.data ?? null} /> : null}
    </section>
  );
}

/** A place of the register as the search form's draft, to look up its history from a row. */
export function draftOf(location: Record<string, unknown>): PlaceDraft {
  const text = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
  return location.kind === "business"
    ? { ...emptyPlace, kind: "business", kvkNumber: text(location.kvkNumber), name: text(location.name) }
    : {
        ...emptyPlace, kind: "address", postcode: text(location.postcode), houseNumber: text(location.houseNumber), houseLetter: text(location.houseLetter),
        addition: text(location.addition),
      };
}

function HistoryResult({ request, data }: { request: HistoryRequest; data: History | null }) {
  const { t } = useTranslation();
  const status = useRef<HTMLDivElement>(null);
  // A finished search moves the focus to its summary, so keyboard and screen-reader users hear the result.
  useEffect(() => {
    if (data) status.current?.focus();
  }, [data, request.n]);
  return (
    <div className="kz-measures-history-result">
      <Heading level={3}>{t("measures.history.resultHeading", { place: request.place })}</Heading>
      <div ref={status} role="status" tabIndex={-1} className="kz-error-summary kz-measures-summary">
        {data ? (
          <Paragraph>
            {t("measures.history.summary", {
              signals: t("measures.register.signalCount", { count: data.signals.length }),
              measures: t("measures.history.measureCount", { count: data.measures.length }),
            })}
          </Paragraph>
        ) : null}
      </div>
      {!data ? <Loading /> : null}
      {data ? (
        <>
          <SignalTable signals={data.signals} place={request.place} />
          <MeasureTable
            id="history-measures"
            caption={t("measures.history.measuresCaption", { place: request.place })}
            measures={data.measures}
            empty={t("measures.history.noMeasures")}
          />
        </>
      ) : null}
    </div>
  );
}

function SignalTable({ signals, place }: { signals: LocationHistorySignal[]; place: string }) {
  const { t } = useTranslation();
  const forms = (list: string[]) => {
    const known = list.filter((f) => isOneOf(exploitationForms, f));
    return known.length > 0 ? formatList(known.map((f) => t(`signalsRoute.forms.${f}`))) : t("measures.history.noForms");
  };
  return (
    <FileTable
      caption={t("measures.history.signalsCaption", { place })}
      empty={t("measures.history.noSignals")}
      items={signals}
      itemKey={(s) => s.id}
      columns={[
        { key: "reference", header: t("measures.history.reference"), cell: (s) => <AppLink to={`/signalen/${encodeURIComponent(s.id)}`}>{s.reference}</AppLink> },
        { key: "receivedAt", header: t("measures.history.receivedAt"), cell: (s) => <span className="kz-nowrap">{formatDateTime(s.receivedAt)}</span> },
        { key: "status", header: t("measures.history.status"), cell: (s) => (isOneOf(statuses, s.status) ? t(`signalsRoute.statuses.${s.status}`) : s.status) },
        { key: "forms", header: t("measures.history.forms"), cell: (s) => forms(s.exploitationForms) },
      ]}
    />
  );
}
