import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { FileTable } from "../care/file/FileTable.tsx";
import { Marker } from "../care/file/parts.tsx";
import { usePlanLabels } from "./labels.ts";
import { activityStatuses, type Plan } from "./types.ts";

/** The plan at a glance: activities per status, those past their end date, and per year the costs, the cover and the gap. */
export function PlanOverview({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  const o = plan.overview;
  const statusRows = [...activityStatuses.map((s) => ({ key: s, label: labels.status(s), count: o.statusCounts[s] })), { key: "total", label: t("implementationPlan.plan.total"), count: o.activityCount }];
  const budgetRows = [...o.budget.map((b) => ({ ...b, label: String(b.year) })), { ...o.totals, year: 0, label: t("implementationPlan.plan.total") }];
  const gapText = (gap: number) => (gap > 0 ? <Marker>{labels.euro(gap)}</Marker> : gap < 0 ? labels.euro(gap) : t("implementationPlan.plan.noGap"));
  return (
    <section aria-labelledby="overview-heading" className="kz-section">
      <Heading level={2} id="overview-heading">{t("implementationPlan.plan.overviewHeading")}</Heading>
      <div className="kz-plan-overview">
        <div>
          <FileTable
            caption={t("implementationPlan.plan.statusCaption")}
            items={statusRows}
            itemKey={(r) => r.key}
            columns={[
              { key: "status", header: t("implementationPlan.plan.statusColumn"), cell: (r) => (r.key === "total" ? <strong>{r.label}</strong> : r.label) },
              { key: "count", header: t("implementationPlan.plan.countColumn"), cell: (r) => <span className="kz-plan-amount">{r.count}</span> },
            ]}
          />
          <Paragraph>{o.overdueCount > 0 ? <Marker>{t("implementationPlan.plan.overdueCount", { count: o.overdueCount })}</Marker> : t("implementationPlan.plan.overdueNone")}</Paragraph>
        </div>
        <div>
          <FileTable
            caption={t("implementationPlan.plan.budgetCaption")}
            items={budgetRows}
            itemKey={(r) => r.label}
            columns={[
              { key: "year", header: t("implementationPlan.plan.year"), cell: (r) => (r.year === 0 ? <strong>{r.label}</strong> : r.label) },
              { key: "costs", header: t("implementationPlan.plan.costs"), cell: (r) => <span className="kz-plan-amount">{labels.euro(r.costs)}</span> },
              { key: "cover", header: t("implementationPlan.plan.cover"), cell: (r) => <span className="kz-plan-amount">{labels.euro(r.cover)}</span> },
              { key: "gap", header: t("implementationPlan.plan.gap"), cell: (r) => <span className="kz-plan-amount">{gapText(r.gap)}</span> },
            ]}
          />
          {o.coverBySource.length > 0 ? (
            <FileTable
              caption={t("implementationPlan.plan.coverCaption")}
              items={[...new Set(o.coverBySource.map((c) => c.source))]}
              itemKey={(s) => s}
              columns={[
                { key: "source", header: t("implementationPlan.plan.source"), cell: (s) => labels.coverSource(s) },
                ...plan.years.map((year) => ({
                  key: String(year),
                  header: String(year),
                  cell: (s: string) => <span className="kz-plan-amount">{labels.euro(o.coverBySource.find((c) => c.source === s && c.year === year)?.amount ?? 0)}</span>,
                })),
              ]}
            />
          ) : null}
        </div>
      </div>
    </section>
  );
}
