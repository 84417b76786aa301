import { Button, ButtonGroup, FormField, FormLabel, Heading, Paragraph, Select, SelectOption } from "@utrecht/component-library-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../i18n/format.ts";
import { ExportStatus } from "./ExportStatus.tsx";
import type { Dashboard, ExportRequest, MonitorTable } from "./types.ts";
import { useExportJob } from "./useExportJob.ts";

/** What every export of the dashboard on screen shares: its area, period, comparison and variant. */
export type ExportBase = Pick<ExportRequest, "variant" | "area" | "from" | "to" | "compare">;

export function exportBase(dashboard: Dashboard): ExportBase {
  return {
    variant: dashboard.exact ? "internal" : "published",
    area: dashboard.area.id ?? "all",
    from: dashboard.period.from,
    to: dashboard.period.to,
    compare: dashboard.comparison !== null,
  };
}

/** "CSV" and "XLSX" under a table; their names say which table ("CSV van de tabel …"). */
export function TableExports({ table, base }: { table: MonitorTable; base: ExportBase }) {
  const { t } = useTranslation();
  const { state, busy, start } = useExportJob();
  const download = (format: "csv" | "xlsx") =>
    void start(t("monitoring.exports.names.table", { title: table.title, format: format.toUpperCase() }), { ...base, report: "table", format, tableId: table.id });
  const which = t("monitoring.exports.tableFile", { title: table.title });
  return (
    <div className="kz-monitor-table-exports" role="group" aria-label={t("monitoring.exports.tableLabel", { title: table.title })}>
      <ButtonGroup>
        {(["csv", "xlsx"] as const).map((format) => (
          <Button key={format} appearance="secondary-action-button" busy={busy} aria-disabled={busy || undefined} onClick={() => download(format)}>
            {t(`monitoring.exports.${format}`)}
            <span className="kz-visually-hidden"> {which}</span>
          </Button>
        ))}
      </ButtonGroup>
      <ExportStatus state={state} />
    </div>
  );
}

/**
 * The files of the whole dashboard: every table in one workbook, the annual report of a chosen year and the
 * evaluation report of the chosen period (both PDF, with the charts and the generated texts).
 */
export function DashboardExports({ dashboard, base }: { dashboard: Dashboard; base: ExportBase }) {
  const { t } = useTranslation();
  const yearId = useId();
  const allHintId = useId();
  const annualHintId = useId();
  const evaluationHintId = useId();
  const { state, busy, start } = useExportJob();
  const currentYear = new Date().getFullYear();
  const periodEndYear = Number(dashboard.period.to.slice(0, 4));
  const years = Array.from({ length: 10 }, (_, i) => currentYear - i);
  const [year, setYear] = useState(String(years.includes(periodEndYear) ? periodEndYear : currentYear));

  // The annual report covers its whole year, compared with the year before: no period or comparison of its own.
  const annual = () =>
    void start(t("monitoring.exports.names.annual_report", { year }), { variant: base.variant, area: base.area, report: "annual_report", format: "pdf", year: Number(year) });
  const all = () => void start(t("monitoring.exports.names.dashboard"), { ...base, report: "dashboard", format: "xlsx" });
  const evaluation = () => void start(t("monitoring.exports.names.evaluation_report"), { ...base, report: "evaluation_report", format: "pdf" });

  return (
    <section id="monitor-exports" aria-labelledby="monitor-exports-heading" className="kz-section kz-monitor-exports">
      <Heading level={2} id="monitor-exports-heading">{t("monitoring.exports.heading")}</Heading>
      <Paragraph className="kz-prose">
        {t("monitoring.exports.intro", { variant: t(base.variant === "internal" ? "monitoring.exports.variantInternal" : "monitoring.exports.variantPublished") })}
      </Paragraph>
      <ul className="kz-monitor-downloads">
        <li>
          <Button appearance="secondary-action-button" busy={busy} aria-disabled={busy || undefined} onClick={all} aria-describedby={allHintId}>
            {t("monitoring.exports.dashboard")}
          </Button>
          <Paragraph id={allHintId} className="kz-monitor-hint">{t("monitoring.exports.dashboardHint")}</Paragraph>
        </li>
        <li>
          <div className="kz-monitor-annual">
            <FormField className="kz-field">
              <div className="utrecht-form-field__label">
                <FormLabel htmlFor={yearId}>{t("monitoring.exports.annualYear")}</FormLabel>
              </div>
              <div className="utrecht-form-field__input">
                <Select id={yearId} value={year} onChange={(event) => setYear(event.target.value)}>
                  {years.map((y) => (
                    <SelectOption key={y} value={String(y)}>{y}</SelectOption>
                  ))}
                </Select>
              </div>
            </FormField>
            <Button appearance="secondary-action-button" busy={busy} aria-disabled={busy || undefined} onClick={annual} aria-describedby={annualHintId}>
              {t("monitoring.exports.annual")}
            </Button>
          </div>
          <Paragraph id={annualHintId} className="kz-monitor-hint">{t("monitoring.exports.annualHint")}</Paragraph>
        </li>
        <li>
          <Button appearance="secondary-action-button" busy={busy} aria-disabled={busy || undefined} onClick={evaluation} aria-describedby={evaluationHintId}>
            {t("monitoring.exports.evaluation")}
          </Button>
          <Paragraph id={evaluationHintId} className="kz-monitor-hint">
            {t("monitoring.exports.evaluationHint", { from: formatDate(`${base.from}T00:00:00`), to: formatDate(`${base.to}T00:00:00`) })}
          </Paragraph>
        </li>
      </ul>
      <ExportStatus state={state} />
    </section>
  );
}
