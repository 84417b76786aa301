import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { ApiProblem, api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { ErrorSummary, type SummaryError } from "../../components/ErrorSummary.tsx";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { useFormErrors, type FieldErrors } from "../../components/useFormErrors.ts";
import { formatDate, formatDateTime } from "../../i18n/format.ts";
import "../../theme/care.css";
import { DashboardExports, exportBase } from "./Exports.tsx";
import { areaValue, MonitorFilters, usable } from "./MonitorFilters.tsx";
import { MonitorSectionView, sectionAnchor } from "./MonitorSectionView.tsx";
import "./monitoring.css";
import { filtersFrom, isIsoDate, paramsFrom } from "./period.ts";
import { HISTORIC_PATH, type Dashboard, type Filters, type MonitorAreaChoice } from "./types.ts";

const FIELDS = ["area", "from", "to", "compare", "variant"] as const;

/** The dashboard, or the problem the server had with the filters in the URL (shown in the error summary). */
type Result = { dashboard: Dashboard; problem: null } | { dashboard: null; problem: ApiProblem };

/** The filters the dashboard was computed with, for the form when the URL leaves them to the server's default. */
function resolvedFilters(dashboard: Dashboard): Filters {
  return {
    area: areaValue(dashboard.area),
    from: dashboard.period.from,
    to: dashboard.period.to,
    compare: dashboard.comparison !== null,
    variant: dashboard.exact ? "internal" : "published",
  };
}

/**
 * /monitor: the figures of an area over a period, as sections of text, charts and tables, with exports. The
 * filters live in the URL, so a view can be shared and the back button goes to the previous one.
 */
export function MonitorPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const applied = filtersFrom(params);
  const errors = useFormErrors(FIELDS, {
    area: t("monitoring.filters.area"),
    from: t("monitoring.filters.from"),
    to: t("monitoring.filters.to"),
    compare: t("monitoring.filters.compare"),
    variant: t("monitoring.filters.variant"),
  });
  const [submits, setSubmits] = useState(0);

  const areas = useLoad(() => api.get<{ areas: MonitorAreaChoice[] }>("/monitoring/areas"), "monitor-areas");
  const result = useLoad<Result>(
    () =>
      api
        .get<Dashboard>("/monitoring/dashboard", Object.fromEntries(paramsFrom(applied)))
        .then((dashboard) => ({ dashboard, problem: null }))
        .catch((error: unknown) => {
          if (error instanceof ApiProblem && (error.status === 400 || error.status === 403)) return { dashboard: null, problem: error };
          throw error;
        }),
    `monitor-${key}`,
  );
  const dashboard = result.data?.dashboard ?? null;
  const problem = result.data?.problem ?? null;

  // The form shows what is on screen: the URL's filters, and the server's defaults for what the URL leaves out.
  const [draft, setDraft] = useState<Filters>(applied);
  const resolvedKey = dashboard ? JSON.stringify(resolvedFilters(dashboard)) : "";
  useEffect(() => {
    const fromUrl = filtersFrom(new URLSearchParams(key));
    const resolved = resolvedKey ? (JSON.parse(resolvedKey) as Filters) : null;
    setDraft({
      area: fromUrl.area || resolved?.area || "",
      from: fromUrl.from || resolved?.from || "",
      to: fromUrl.to || resolved?.to || "",
      compare: fromUrl.compare,
      variant: fromUrl.variant || resolved?.variant || "",
    });
  }, [key, resolvedKey]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmits((n) => n + 1);
    const invalid: FieldErrors = {};
    if (draft.from && !isIsoDate(draft.from)) invalid.from = t("monitoring.filters.dateInvalid");
    if (draft.to && !isIsoDate(draft.to)) invalid.to = t("monitoring.filters.dateInvalid");
    if (!invalid.from && !invalid.to && draft.from && draft.to && draft.to < draft.from) invalid.to = t("monitoring.filters.dateOrder");
    if (Object.keys(invalid).length > 0) return errors.fail(invalid);
    errors.clear();
    setParams(paramsFrom(usable(draft, areas.data?.areas ?? [])));
  };

  // What the server refused in the URL's filters: the same summary, linked to the fields.
  const serverErrors = problemErrors(problem, (field) => t(`monitoring.filters.${field}`));
  const summary: SummaryError[] = errors.summary.length > 0 ? errors.summary : serverErrors.summary;
  const fieldErrors: FieldErrors = errors.summary.length > 0 ? errors.fields : serverErrors.fields;
  const base = dashboard ? exportBase(dashboard) : null;

  return (
    <>
      <PageHeading>{t("monitoring.title")}</PageHeading>
      <Paragraph className="kz-prose">{t("monitoring.intro")}</Paragraph>
      <Paragraph>
        <AppLink to={HISTORIC_PATH}>{t("monitoring.historicLink")}</AppLink>
      </Paragraph>

      <section aria-labelledby="monitor-filters-heading" className="kz-section">
        <Heading level={2} id="monitor-filters-heading">{t("monitoring.filters.heading")}</Heading>
        <ErrorSummary errors={summary} attempt={errors.attempt + submits} />
        {areas.error ? <LoadError message={areas.error} /> : null}
        <MonitorFilters
          draft={draft}
          onChange={setDraft}
          onSubmit={onSubmit}
          areas={areas.data?.areas ?? []}
          errors={fieldErrors}
          threshold={dashboard?.threshold ?? 5}
          shown={dashboard?.period ?? null}
        />
      </section>

      <div role="status" className="kz-monitor-shown">
        {dashboard ? <ShownText dashboard={dashboard} /> : null}
      </div>
      {result.error ? <LoadError message={result.error} /> : null}
      {result.loading ? <Loading /> : null}
      {dashboard && base ? (
        <>
          {dashboard.sections.length > 0 ? (
            <nav aria-labelledby="monitor-contents-heading" className="kz-monitor-contents">
              <Heading level={2} id="monitor-contents-heading">{t("monitoring.contents")}</Heading>
              <ul className="kz-monitor-contents__list">
                {dashboard.sections.map((section) => (
                  <li key={section.id} lang="nl">
                    <a className="utrecht-link utrecht-link--html-a" href={`#${sectionAnchor(section.id)}`}>{section.title}</a>
                  </li>
                ))}
                <li>
                  <a className="utrecht-link utrecht-link--html-a" href="#monitor-exports">{t("monitoring.exports.heading")}</a>
                </li>
              </ul>
            </nav>
          ) : (
            <Paragraph>{t("monitoring.noSections")}</Paragraph>
          )}
          {dashboard.sections.map((section) => (
            <MonitorSectionView key={section.id} section={section} threshold={dashboard.threshold} base={base} />
          ))}
          <DashboardExports dashboard={dashboard} base={base} />
        </>
      ) : null}
    </>
  );
}

/** "Cijfers van Regio …, 1 januari 2026 tot en met 26 november 2026." and which variant they are. */
function ShownText({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const day = (iso: string) => formatDate(`${iso}T00:00:00`);
  return (
    <Paragraph className="kz-monitor-shown__text">
      {t("monitoring.summary.loaded", { area: dashboard.area.name, from: day(dashboard.period.from), to: day(dashboard.period.to) })}{" "}
      {dashboard.comparison ? `${t("monitoring.summary.comparison", { from: day(dashboard.comparison.from), to: day(dashboard.comparison.to) })} ` : null}
      <strong>{dashboard.exact ? t("monitoring.summary.exact") : t("monitoring.summary.published", { threshold: dashboard.threshold })}</strong>{" "}
      {t("monitoring.summary.generatedAt", { date: formatDateTime(dashboard.generatedAt) })}
    </Paragraph>
  );
}

/** The server's refusal of the filters, per field where it names one (invalidParams), else for the whole form. */
function problemErrors(problem: ApiProblem | null, label: (field: (typeof FIELDS)[number]) => string): { summary: SummaryError[]; fields: FieldErrors } {
  if (!problem) return { summary: [], fields: {} };
  const fields: FieldErrors = {};
  const summary: SummaryError[] = [];
  const general: string[] = [];
  for (const param of problem.invalidParams) {
    const field = FIELDS.find((f) => f === param.name.split(/[.[]/)[0]);
    if (field && !fields[field]) {
      fields[field] = param.reason;
      summary.push({ field, message: `${label(field)}: ${param.reason}` });
    } else general.push(param.reason);
  }
  if (summary.length === 0 || general.length > 0) summary.unshift({ message: [problem.detail, ...general].join(" ") });
  return { summary, fields };
}
