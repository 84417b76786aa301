import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { FileTable } from "../care/file/FileTable.tsx";
import { Disclosure, Marker } from "../care/file/parts.tsx";
import { usePlanLabels } from "./labels.ts";
import { PlanForm } from "./PlanForm.tsx";
import { planPath, type PlanList } from "./types.ts";
import "../care/file/care-file.css";
import "./implementation-plan.css";

/**
 * /uitvoeringsplan: the implementation plans of the user's municipality and region with their state (activities,
 * overdue ones, costs and cover); a policy officer of a municipality draws up a new one here.
 */
export function PlansPage() {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  const navigate = useNavigate();
  const list = useLoad(() => api.get<PlanList>("/implementation-plans"), "plans");
  const options = list.data?.newPlanOptions ?? [];

  return (
    <>
      <PageHeading>{t("implementationPlan.list.title")}</PageHeading>
      <Paragraph className="kz-prose">{t("implementationPlan.list.intro")}</Paragraph>
      <section aria-labelledby="plans-heading" className="kz-section">
        <Heading level={2} id="plans-heading">{t("implementationPlan.list.heading")}</Heading>
        {options.length > 0 ? (
          <Disclosure id="plan-add" label={t("implementationPlan.list.add")}>
            {(close) => <PlanForm options={options} onCancel={close} onCreated={(plan) => navigate(planPath(plan.id), { state: { created: plan.title } })} />}
          </Disclosure>
        ) : null}
        {list.error ? <LoadError message={list.error} /> : null}
        {list.loading && !list.data ? <Loading /> : null}
        {list.data ? (
          <FileTable
            caption={t("implementationPlan.list.caption")}
            empty={t("implementationPlan.list.empty")}
            items={list.data.items}
            itemKey={(p) => p.id}
            columns={[
              { key: "title", header: t("implementationPlan.list.plan"), cell: (p) => <AppLink to={planPath(p.id)}>{p.title}</AppLink> },
              { key: "owner", header: t("implementationPlan.list.owner"), cell: (p) => <>{p.ownerOrganisation.name}<br />{t(`implementationPlan.scope.${p.scope}`)}</> },
              { key: "period", header: t("implementationPlan.list.period"), cell: (p) => `${p.periodStart}–${p.periodEnd}` },
              {
                key: "activities",
                header: t("implementationPlan.list.activities"),
                cell: (p) => (
                  <>
                    {t("implementationPlan.list.activityCount", { count: p.activityCount })}
                    {p.overdueCount > 0 ? <><br /><Marker>{t("implementationPlan.list.overdueCount", { count: p.overdueCount })}</Marker></> : null}
                  </>
                ),
              },
              { key: "budget", header: t("implementationPlan.list.budget"), cell: (p) => t("implementationPlan.list.budgetText", { costs: labels.euro(p.costs), cover: labels.euro(p.cover) }) },
            ]}
          />
        ) : null}
      </section>
    </>
  );
}
