import {
  ButtonGroup,
  Paragraph,
  PrimaryActionButton,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import type { Organisation } from "../../api/types.ts";
import { useLoad } from "../../api/useLoad.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { CheckboxField, SelectField, TextField } from "../../components/fields.tsx";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Pagination } from "../../components/Pagination.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { useFormErrors } from "../../components/useFormErrors.ts";
import { formatDateTime, formatList } from "../../i18n/format.ts";
import { OverdueMarker } from "./detail/OverdueMarker.tsx";
import "./queue.css";
import { exploitationForms, isOneOf, queueSorts, statuses, urgencies, type QueueSort, type SignalQueue } from "./types.ts";

const PAGE_SIZE = 25;
const SEARCH_FIELDS = ["q"] as const;
/** Every filter is optional, and saying so after each label would only add noise. */
const filterField = { optional: true, markOptional: false } as const;

/** The query string of the page (Dutch names) and of the API. "alle" = every status; no status = open ones. */
interface Filters {
  status: string;
  urgency: string;
  form: string;
  referredTo: string;
  overdue: boolean;
  q: string;
  sort: QueueSort;
}

function filtersFrom(params: URLSearchParams): Filters {
  const status = params.get("status") ?? "open";
  const sort = params.get("sortering") ?? "";
  return {
    status: status === "alle" || status === "open" || isOneOf(statuses, status) ? status : "open",
    urgency: isOneOf(urgencies, params.get("urgentie") ?? "") ? (params.get("urgentie") ?? "") : "",
    form: isOneOf(exploitationForms, params.get("vorm") ?? "") ? (params.get("vorm") ?? "") : "",
    referredTo: params.get("doorgezetNaar") ?? "",
    overdue: params.get("teLaat") === "ja",
    q: params.get("q") ?? "",
    sort: isOneOf(queueSorts, sort) ? sort : "due_at",
  };
}

function paramsFrom(filters: Filters): URLSearchParams {
  const next = new URLSearchParams();
  if (filters.status !== "open") next.set("status", filters.status);
  if (filters.urgency) next.set("urgentie", filters.urgency);
  if (filters.form) next.set("vorm", filters.form);
  if (filters.referredTo) next.set("doorgezetNaar", filters.referredTo);
  if (filters.overdue) next.set("teLaat", "ja");
  if (filters.q.trim()) next.set("q", filters.q.trim());
  if (filters.sort !== "due_at") next.set("sortering", filters.sort);
  return next;
}

/** The partner organisations a signal can be referred to (not municipalities). */
export function partnerOrganisations(items: Organisation[]): Organisation[] {
  return items.filter((o) => o.type !== "municipality" && o.active).sort((a, b) => a.name.localeCompare(b.name, "nl"));
}

/** The focal officer's work queue (and a partner's referred signals), filtered and sorted in the URL. */
export function SignalQueuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const applied = filtersFrom(params);
  const page = Math.max(1, Number(params.get("pagina") ?? "1") || 1);
  const [draft, setDraft] = useState<Filters>(applied);
  const errors = useFormErrors(SEARCH_FIELDS);
  useEffect(() => setDraft(filtersFrom(new URLSearchParams(key))), [key]);

  const organisations = useLoad(() => api.get<{ items: Organisation[] }>("/organisations"), "organisations");
  const queue = useLoad(
    () =>
      api.get<SignalQueue>("/signals", {
        status: applied.status === "alle" ? undefined : applied.status,
        urgency: applied.urgency,
        form: applied.form,
        referredTo: applied.referredTo,
        overdue: applied.overdue ? "true" : undefined,
        q: applied.q.trim().length >= 2 ? applied.q.trim() : undefined,
        sort: applied.sort,
        page,
        pageSize: PAGE_SIZE,
      }),
    `${key}`,
  );
  const set = <K extends keyof Filters>(name: K) => (value: Filters[K]) => setDraft((current) => ({ ...current, [name]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const q = draft.q.trim();
    if (q.length === 1) return errors.fail({ q: t("signalsRoute.queue.searchTooShort") });
    errors.clear();
    setParams(paramsFrom(draft));
  };

  const filtered = key.replace(/(^|&)pagina=\d+/, "") !== "";
  const items = queue.data?.items ?? [];

  return (
    <>
      <PageHeading>{t("signalsRoute.queue.title")}</PageHeading>
      <Paragraph>{t("signalsRoute.queue.intro")}</Paragraph>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <form role="search" aria-label={t("signalsRoute.queue.filtersLabel")} noValidate onSubmit={onSubmit} className="kz-filters kz-filters--grid">
        <SelectField
          name="status"
          label={t("signalsRoute.queue.status")}
          value={draft.status}
          onChange={set("status")}
          options={[
            { value: "open", label: t("signalsRoute.queue.openStatuses") },
            { value: "alle", label: t("signalsRoute.queue.allStatuses") },
            ...statuses.map((s) => ({ value: s, label: t(`signalsRoute.statuses.${s}`) })),
          ]}
          {...filterField}
        />
        <SelectField
          name="urgentie"
          label={t("signalsRoute.queue.urgency")}
          value={draft.urgency}
          onChange={set("urgency")}
          placeholder={t("signalsRoute.queue.allUrgencies")}
          options={urgencies.map((u) => ({ value: u, label: t(`signalsRoute.urgencies.${u}`) }))}
          {...filterField}
        />
        <SelectField
          name="vorm"
          label={t("signalsRoute.queue.form")}
          value={draft.form}
          onChange={set("form")}
          placeholder={t("signalsRoute.queue.allForms")}
          options={exploitationForms.map((f) => ({ value: f, label: t(`signalsRoute.forms.${f}`) }))}
          {...filterField}
        />
        <SelectField
          name="doorgezetNaar"
          label={t("signalsRoute.queue.referredTo")}
          value={draft.referredTo}
          onChange={set("referredTo")}
          placeholder={t("signalsRoute.queue.anyOrganisation")}
          options={partnerOrganisations(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          {...filterField}
        />
        <TextField
          name="q"
          type="search"
          label={t("signalsRoute.queue.search")}
          value={draft.q}
          onChange={set("q")}
          error={errors.fields.q}
          spellCheck={false}
          size="medium"
          {...filterField}
        />
        <SelectField
          name="sortering"
          label={t("signalsRoute.queue.sort")}
          value={draft.sort}
          onChange={(value) => set("sort")(isOneOf(queueSorts, value) ? value : "due_at")}
          options={queueSorts.map((s) => ({ value: s, label: t(`signalsRoute.queue.sorts.${s}`) }))}
          {...filterField}
        />
        <CheckboxField
          id="field-teLaat"
          name="teLaat"
          label={t("signalsRoute.queue.onlyOverdue")}
          checked={draft.overdue}
          onChange={set("overdue")}
        />
        <ButtonGroup className="kz-filters__actions">
          <PrimaryActionButton type="submit">{t("signalsRoute.queue.apply")}</PrimaryActionButton>
          {filtered ? (
            <AppLink to="/signalen">{t("common.clearFilters")}</AppLink>
          ) : null}
        </ButtonGroup>
      </form>

      <p role="status" className="kz-result-count">
        {queue.data ? t("common.resultCount", { count: queue.data.total }) : ""}
      </p>
      {queue.error ? <LoadError message={queue.error} /> : null}
      {queue.loading && !queue.data ? <Loading /> : null}
      {queue.data && items.length > 0 ? (
        <div className="kz-table-scroll kz-queue">
          <Table className="kz-table kz-table--audit kz-queue__table">
            <TableCaption>{t("signalsRoute.queue.tableCaption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("signalsRoute.queue.reference")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("signalsRoute.queue.municipality")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("signalsRoute.queue.status")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("signalsRoute.queue.urgency")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("signalsRoute.queue.forms")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("signalsRoute.queue.received")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("signalsRoute.queue.dueAt")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("signalsRoute.queue.openReferrals")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item) => (
                <TableRow key={item.id}>
                  <TableHeaderCell scope="row" className="kz-nowrap">
                    <AppLink to={`/signalen/${item.id}`}>{item.reference}</AppLink>
                  </TableHeaderCell>
                  <TableCell data-label={t("signalsRoute.queue.municipality")}>{item.municipalityName}</TableCell>
                  <TableCell data-label={t("signalsRoute.queue.status")}>{t(`signalsRoute.statuses.${item.status}`)}</TableCell>
                  <TableCell data-label={t("signalsRoute.queue.urgency")}>{item.urgency === "normal" ? t("signalsRoute.urgencies.normal") : <strong>{t(`signalsRoute.urgencies.${item.urgency}`)}</strong>}</TableCell>
                  <TableCell data-label={t("signalsRoute.queue.forms")}>
                    {item.exploitationForms.length > 0
                      ? formatList(item.exploitationForms.map((f) => t(`signalsRoute.forms.${f}`)))
                      : t("signalsRoute.queue.none")}
                  </TableCell>
                  <TableCell data-label={t("signalsRoute.queue.received")} className="kz-nowrap">{formatDateTime(item.receivedAt)}</TableCell>
                  <TableCell data-label={t("signalsRoute.queue.dueAt")}>
                    {item.dueAt ? <span className="kz-nowrap">{formatDateTime(item.dueAt)}</span> : t("signalsRoute.queue.noDueDate")}
                    {item.overdue ? (
                      <>
                        <br />
                        <OverdueMarker />
                      </>
                    ) : null}
                  </TableCell>
                  <TableCell data-label={t("signalsRoute.queue.openReferrals")}>{item.openReferralCount}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {queue.data && items.length === 0 ? (
        <Paragraph>{filtered ? t("signalsRoute.queue.empty") : t("signalsRoute.queue.emptyOpen")}</Paragraph>
      ) : null}
      {queue.data ? <Pagination page={queue.data.page} pageSize={queue.data.pageSize} total={queue.data.total} /> : null}
    </>
  );
}
