import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { RadioGroup, TextareaField, TextField } from "../../components/fields.tsx";
import { useSession } from "../../session/SessionContext.tsx";
import { SubmitRow } from "../care/file/parts.tsx";
import { useAction } from "../signals/detail/useAction.ts";
import type { Plan, PlanList } from "./types.ts";

const FIELDS = ["planScope", "planTitle", "planPeriodStart", "planPeriodEnd", "planDescription"] as const;
const RENAME = { scope: "planScope", regionId: "planScope", title: "planTitle", periodStart: "planPeriodStart", periodEnd: "planPeriodEnd", description: "planDescription" };
const YEAR = /^\d{4}$/;

/** A new plan: for the user's municipality, or (for a central municipality) for the region; a title and the period in years. */
export function PlanForm({ options, onCancel, onCreated }: { options: PlanList["newPlanOptions"]; onCancel: () => void; onCreated: (plan: Plan) => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const organisation = session?.user?.organisation?.name ?? "";
  const choices = options.map((o) => ({
    value: `${o.scope}|${o.region.id}`,
    label: o.scope === "region" ? t("implementationPlan.form.scopeRegion", { region: o.region.name }) : t("implementationPlan.form.scopeMunicipality", { organisation }),
  }));
  const [choice, setChoice] = useState(choices.length === 1 ? (choices[0]?.value ?? "") : "");
  const [title, setTitle] = useState("");
  const [periodStart, setPeriodStart] = useState("");
  const [periodEnd, setPeriodEnd] = useState("");
  const [description, setDescription] = useState("");
  const l = {
    planScope: t("implementationPlan.form.scope"), planTitle: t("implementationPlan.form.title"), planPeriodStart: t("implementationPlan.form.periodStart"),
    planPeriodEnd: t("implementationPlan.form.periodEnd"), planDescription: t("implementationPlan.form.description"),
  };
  const { errors, busy, submit } = useAction(FIELDS, l, RENAME);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const [scope, regionId] = choice.split("|");
    const check = {
      planScope: choice ? undefined : t("careFile.errors.choose", { field: l.planScope.toLowerCase() }),
      planTitle: title.trim() ? undefined : t("errors.required", { field: l.planTitle.toLowerCase() }),
      planPeriodStart: YEAR.test(periodStart.trim()) ? undefined : t("implementationPlan.form.year", { field: l.planPeriodStart.toLowerCase() }),
      planPeriodEnd: YEAR.test(periodEnd.trim()) ? undefined : t("implementationPlan.form.year", { field: l.planPeriodEnd.toLowerCase() }),
    };
    const body = {
      scope, regionId, title: title.trim(), periodStart: Number(periodStart), periodEnd: Number(periodEnd),
      ...(description.trim() ? { description: description.trim() } : {}),
    };
    void submit(check, () => api.post<Plan>("/implementation-plans", body), onCreated);
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="plan-add-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <RadioGroup
        name="planScope"
        legend={l.planScope}
        options={choices}
        value={choice}
        onChange={setChoice}
        error={errors.fields.planScope}
        description={options.some((o) => o.scope === "region") ? t("implementationPlan.form.scopeRegionHint") : undefined}
      />
      <TextField name="planTitle" label={l.planTitle} description={t("implementationPlan.form.titleDescription")} value={title} onChange={setTitle} error={errors.fields.planTitle} maxLength={200} />
      <div className="kz-plan-years">
        <TextField name="planPeriodStart" label={l.planPeriodStart} description={t("implementationPlan.form.periodDescription")} value={periodStart} onChange={setPeriodStart} error={errors.fields.planPeriodStart} inputMode="numeric" size="small" maxLength={4} />
        <TextField name="planPeriodEnd" label={l.planPeriodEnd} value={periodEnd} onChange={setPeriodEnd} error={errors.fields.planPeriodEnd} inputMode="numeric" size="small" maxLength={4} />
      </div>
      <TextareaField name="planDescription" label={l.planDescription} value={description} onChange={setDescription} error={errors.fields.planDescription} optional maxLength={5000} rows={3} />
      <SubmitRow busy={busy} label={t("implementationPlan.form.submit")} onCancel={onCancel} />
    </form>
  );
}
