import { ButtonGroup, Heading, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import { auditActions, auditObjectTypes, auditResults, type AuditEvent, type Page, type User } from "../../api/types.ts";
import { useLoad } from "../../api/useLoad.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Pagination } from "../../components/Pagination.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { useFormErrors } from "../../components/useFormErrors.ts";
import { AuditTable } from "./AuditTable.tsx";

const PAGE_SIZE = 50;
const PERSON_FIELDS = ["person"] as const;
const FILTERS = ["actorUserId", "action", "result", "objectType", "from", "to", "dataSubjectRef"] as const;
type Filter = (typeof FILTERS)[number];
type Filters = Record<Filter, string>;
/** Every filter is optional, and saying so after each label would only add noise. */
const filterField = { optional: true, markOptional: false } as const;

function filtersFrom(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ""])) as Filters;
}

/** The audit trail of the privacy officer's organisation, filtered in the URL, newest first. */
export function AuditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const applied = filtersFrom(params);
  const page = Math.max(1, Number(params.get("pagina") ?? "1") || 1);
  const [draft, setDraft] = useState<Filters>(applied);
  const [person, setPerson] = useState("");
  const errors = useFormErrors(FILTERS);
  const personErrors = useFormErrors(PERSON_FIELDS);
  const key = params.toString();
  useEffect(() => setDraft(filtersFrom(new URLSearchParams(key))), [key]);

  const users = useLoad(() => api.get<Page<User>>("/users", { pageSize: 100 }), "users");
  const events = useLoad(() => api.get<Page<AuditEvent>>("/audit-events", { ...applied, page, pageSize: PAGE_SIZE }), key);
  const userOptions = (users.data?.items ?? [])
    .map((user) => ({ value: user.id, label: `${user.displayName} (${user.email})` }))
    .sort((a, b) => a.label.localeCompare(b.label, "nl"));
  const set = (name: Filter) => (value: string) => setDraft((current) => ({ ...current, [name]: value }));

  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from) return errors.fail({ to: t("audit.dateOrder") });
    errors.clear();
    const next = new URLSearchParams();
    for (const name of FILTERS) if (draft[name].trim()) next.set(name, draft[name].trim());
    setParams(next);
  };

  const onPerson = (event: FormEvent) => {
    event.preventDefault();
    if (!person) return personErrors.fail({ person: t("errors.required", { field: t("audit.personField") }) });
    navigate(`/audit/persoon/${person}`);
  };

  return (
    <>
      <PageHeading>{t("audit.title")}</PageHeading>
      <Paragraph>{t("audit.intro")}</Paragraph>

      <section aria-labelledby="person-heading" className="kz-section kz-narrow">
        <Heading level={2} id="person-heading">{t("audit.personHeading")}</Heading>
        <Paragraph>{t("audit.personIntro")}</Paragraph>
        <ErrorSummary errors={personErrors.summary} attempt={personErrors.attempt} />
        <form noValidate onSubmit={onPerson} className="kz-inline-form">
          <SelectField
            name="person"
            label={t("audit.person")}
            value={person}
            onChange={setPerson}
            placeholder={t("audit.choosePerson")}
            options={userOptions}
            error={personErrors.fields.person}
          />
          <ButtonGroup>
            <PrimaryActionButton type="submit">{t("audit.showTimeline")}</PrimaryActionButton>
          </ButtonGroup>
        </form>
      </section>

      <section aria-labelledby="filters-heading" className="kz-section">
        <Heading level={2} id="filters-heading">{t("audit.filtersHeading")}</Heading>
        <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
        <form noValidate onSubmit={onFilter} className="kz-filters kz-filters--grid">
          <SelectField
            name="actorUserId"
            label={t("audit.actor")}
            value={draft.actorUserId}
            onChange={set("actorUserId")}
            placeholder={t("audit.anyActor")}
            options={userOptions}
            {...filterField}
          />
          <SelectField
            name="action"
            label={t("audit.action")}
            value={draft.action}
            onChange={set("action")}
            placeholder={t("audit.anyAction")}
            options={auditActions.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
            {...filterField}
          />
          <SelectField
            name="result"
            label={t("audit.result")}
            value={draft.result}
            onChange={set("result")}
            placeholder={t("audit.anyResult")}
            options={auditResults.map((r) => ({ value: r, label: t(`audit.results.${r}`) }))}
            {...filterField}
          />
          <SelectField
            name="objectType"
            label={t("audit.objectType")}
            value={draft.objectType}
            onChange={set("objectType")}
            placeholder={t("audit.anyObjectType")}
            options={auditObjectTypes.map((o) => ({ value: o, label: t(`audit.objectTypes.${o}`) }))}
            {...filterField}
          />
          <TextField name="from" type="date" label={t("audit.from")} value={draft.from} onChange={set("from")} size="medium" {...filterField} />
          <TextField
            name="to"
            type="date"
            label={t("audit.to")}
            value={draft.to}
            onChange={set("to")}
            error={errors.fields.to}
            size="medium"
            {...filterField}
          />
          <TextField
            name="dataSubjectRef"
            label={t("audit.dataSubject")}
            description={t("audit.dataSubjectDescription")}
            value={draft.dataSubjectRef}
            onChange={set("dataSubjectRef")}
            spellCheck={false}
            size="medium"
            {...filterField}
          />
          <ButtonGroup className="kz-filters__actions">
            <PrimaryActionButton type="submit">{t("common.filter")}</PrimaryActionButton>
            {key ? <AppLink to="/audit">{t("common.clearFilters")}</AppLink> : null}
          </ButtonGroup>
        </form>
      </section>

      <p role="status" className="kz-result-count">
        {events.data ? t("common.resultCount", { count: events.data.total }) : ""}
      </p>
      {events.error ? <LoadError message={events.error} /> : null}
      {events.loading && !events.data ? <Loading /> : null}
      {events.data && events.data.items.length > 0 ? <AuditTable events={events.data.items} caption={t("audit.tableCaption")} /> : null}
      {events.data && events.data.items.length === 0 ? <Paragraph>{t("common.noResults")}</Paragraph> : null}
      {events.data ? <Pagination page={events.data.page} pageSize={events.data.pageSize} total={events.data.total} /> : null}
    </>
  );
}
