import { DataList, Heading, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { Disclosure, Item } from "../care/file/parts.tsx";
import { useStatusMessage } from "../care/StatusMessage.tsx";
import { ActionLineSection } from "./ActionLineSection.tsx";
import { LineForm } from "./LineForm.tsx";
import { PlanOverview } from "./PlanOverview.tsx";
import { ReportDownloads } from "./ReportDownloads.tsx";
import type { Plan } from "./types.ts";
import "../care/file/care-file.css";
import "./implementation-plan.css";

/** What every change on the page hands back: the plan as it is now and the message to show. */
export type PlanChanged = (plan: Plan, message: string) => void;

/**
 * /uitvoeringsplan/:id: one plan — its facts, the overview (activities per status, overdue ones, costs and
 * cover per year and the gap), the progress report as PDF or XLSX, and the action lines with their activities.
 * The owner municipality's policy officers add lines and activities, change a status and record progress.
 */
export function PlanPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const loaded = useLoad(() => api.get<Plan>(`/implementation-plans/${id}`), `plan-${id}`);
  const [changed, setChanged] = useState<Plan | null>(null);
  const plan = changed?.id === id ? changed : loaded.data;
  const status = useStatusMessage();
  // The message after drawing up the plan is shown once: the router's state is cleared, so a reload does not repeat it.
  const [created] = useState(() => (location.state as { created?: string } | null)?.created);
  useEffect(() => {
    if (created) {
      status.show(t("implementationPlan.form.created", { title: created }));
      navigate(location.pathname, { replace: true, state: null });
    }
    // Only once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const onChanged: PlanChanged = (next, message) => {
    setChanged(next);
    status.show(message);
  };

  if (loaded.error && !plan) {
    return (
      <>
        <PageHeading>{t("implementationPlan.list.title")}</PageHeading>
        <LoadError message={loaded.error} />
      </>
    );
  }
  if (!plan) {
    return (
      <>
        <PageHeading>{t("implementationPlan.list.title")}</PageHeading>
        <Loading />
      </>
    );
  }
  const editable = plan.abilities.update === true;
  return (
    <>
      <PageHeading>{plan.title}</PageHeading>
      {status.element}
      <DataList className="kz-datalist kz-plan-facts">
        <Item label={t("implementationPlan.plan.scope")}>{t(`implementationPlan.scope.${plan.scope}`)}</Item>
        <Item label={t("implementationPlan.plan.owner")}>{plan.ownerOrganisation.name}</Item>
        <Item label={t("implementationPlan.plan.region")}>{plan.region.name}</Item>
        <Item label={t("implementationPlan.plan.period")}>{`${plan.periodStart}–${plan.periodEnd}`}</Item>
      </DataList>
      {plan.description ? <Paragraph className="kz-prose">{plan.description}</Paragraph> : null}
      {!editable ? <Paragraph className="kz-prose">{t("implementationPlan.plan.readOnly", { organisation: plan.ownerOrganisation.name })}</Paragraph> : null}
      <PlanOverview plan={plan} />
      <ReportDownloads plan={plan} onDone={(message) => status.show(message)} onError={(message) => status.show(message, "error")} />
      <section aria-labelledby="lines-heading" className="kz-section">
        <Heading level={2} id="lines-heading">{t("implementationPlan.plan.linesHeading")}</Heading>
        {plan.actionLines.length === 0 ? <Paragraph>{t("implementationPlan.plan.noLines")}</Paragraph> : null}
        {plan.actionLines.map((line) => (
          <ActionLineSection key={line.id} plan={plan} line={line} editable={editable} onChanged={onChanged} />
        ))}
        {editable ? (
          <Disclosure id="line-add" label={t("implementationPlan.plan.addLine")}>
            {(close) => <LineForm plan={plan} onCancel={close} onAdded={(next, message) => { close(); onChanged(next, message); }} />}
          </Disclosure>
        ) : null}
      </section>
    </>
  );
}
