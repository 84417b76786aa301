import { Fieldset, FieldsetLegend, FormFieldDescription } from "@utrecht/component-library-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { CheckboxGroup, RadioGroup, SelectField, TextareaField, TextField } from "../../components/fields.tsx";
import { SubmitRow } from "../care/file/parts.tsx";
import { onFields } from "../care/problems.ts";
import { useAction } from "../signals/detail/useAction.ts";
import { usePlanLabels } from "./labels.ts";
import { coverSources, type ActionLine, type Plan } from "./types.ts";

interface YearDraft {
  costs: string;
  cover: string;
  source: string;
}

const AMOUNT = /^\d{1,10}$/;
const amountOf = (text: string) => Number(text.replace(/[.\s€]/g, ""));
const clean = (text: string) => text.replace(/[.\s€]/g, "");

/**
 * A new activity of an action line: title, intended result, the responsible organisation and partners from the
 * plan's region, the lead time in quarters or dates, and per year of the plan's period the costs, the cover
 * and where the cover comes from.
 */
export function ActivityForm({ plan, line, onCancel, onAdded }: { plan: Plan; line: ActionLine; onCancel: () => void; onAdded: (plan: Plan, message: string) => void }) {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  const p = `activity-${line.number}`;
  const [title, setTitle] = useState("");
  const [result, setResult] = useState("");
  const [responsible, setResponsible] = useState("");
  const [partners, setPartners] = useState<string[]>([]);
  const [unit, setUnit] = useState<"quarter" | "date">("quarter");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [years, setYears] = useState<Record<number, YearDraft>>({});
  const draft = (year: number): YearDraft => years[year] ?? { costs: "", cover: "", source: "" };
  const setYear = (year: number, patch: Partial<YearDraft>) => setYears((all) => ({ ...all, [year]: { ...draft(year), ...patch } }));

  const yearFields = plan.years.flatMap((y) => [`${p}-costs-${y}`, `${p}-cover-${y}`, `${p}-source-${y}`]);
  const fields = [`${p}-title`, `${p}-result`, `${p}-responsible`, `${p}-partners`, `${p}-start`, `${p}-end`, ...yearFields];
  const l: Record<string, string> = {
    [`${p}-title`]: t("implementationPlan.activityForm.title"),
    [`${p}-result`]: t("implementationPlan.activityForm.intendedResult"),
    [`${p}-responsible`]: t("implementationPlan.activityForm.responsible"),
    [`${p}-partners`]: t("implementationPlan.activityForm.partners"),
    [`${p}-start`]: unit === "quarter" ? t("implementationPlan.activityForm.startQuarter") : t("implementationPlan.activityForm.startDate"),
    [`${p}-end`]: unit === "quarter" ? t("implementationPlan.activityForm.endQuarter") : t("implementationPlan.activityForm.endDate"),
  };
  for (const y of plan.years) {
    l[`${p}-costs-${y}`] = t("implementationPlan.activityForm.costs", { year: y });
    l[`${p}-cover-${y}`] = t("implementationPlan.activityForm.cover", { year: y });
    l[`${p}-source-${y}`] = t("implementationPlan.activityForm.coverSource", { year: y });
  }
  // The API's budget lines are numbered in the order sent: map budget.<i>.<field> back onto the year's field.
  const sentYears = plan.years.filter((y) => draft(y).costs.trim() || draft(y).cover.trim());
  const rename = (name: string) => {
    const m = /^budget\.(\d+)\.(\w+)/.exec(name);
    if (m) {
      const year = sentYears[Number(m[1])];
      const field = m[2] === "coverSource" ? "source" : m[2] === "cover" ? "cover" : "costs";
      return year ? `${p}-${field}-${year}` : name;
    }
    const simple: Record<string, string> = {
      title: `${p}-title`, intendedResult: `${p}-result`, responsibleOrganisationId: `${p}-responsible`, startsOn: `${p}-start`, endsOn: `${p}-end`,
    };
    return simple[name] ?? (name.startsWith("partnerOrganisationIds") ? `${p}-partners` : name);
  };
  const { errors, busy, submit } = useAction(fields, l);
  const quarters = plan.years.flatMap((y) => [1, 2, 3, 4].map((q) => ({ value: `${y}-Q${q}`, label: t("implementationPlan.quarter", { year: y, quarter: q }) })));
  const organisations = plan.organisations.map((o) => ({ value: o.id, label: o.name }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check: Record<string, string | undefined> = {
      [`${p}-title`]: title.trim() ? undefined : t("errors.required", { field: (l[`${p}-title`] ?? "").toLowerCase() }),
      [`${p}-responsible`]: responsible ? undefined : t("careFile.errors.choose", { field: (l[`${p}-responsible`] ?? "").toLowerCase() }),
    };
    for (const y of plan.years) {
      const d = draft(y);
      if (d.costs.trim() && !AMOUNT.test(clean(d.costs))) check[`${p}-costs-${y}`] = t("implementationPlan.activityForm.amount");
      if (d.cover.trim() && !AMOUNT.test(clean(d.cover))) check[`${p}-cover-${y}`] = t("implementationPlan.activityForm.amount");
      if (d.cover.trim() && amountOf(d.cover) > 0 && !d.source) check[`${p}-source-${y}`] = t("implementationPlan.activityForm.sourceRequired", { year: y });
    }
    const budget = sentYears.map((year) => {
      const d = draft(year);
      return {
        year, costs: d.costs.trim() ? amountOf(d.costs) : 0, cover: d.cover.trim() ? amountOf(d.cover) : 0, ...(d.source ? { coverSource: d.source } : {}),
      };
    });
    const body = {
      title: title.trim(), ...(result.trim() ? { intendedResult: result.trim() } : {}), responsibleOrganisationId: responsible,
      partnerOrganisationIds: partners, ...(start ? { startsOn: start } : {}), ...(end ? { endsOn: end } : {}), budget,
    };
    void submit(
      check,
      () => api.post<Plan>(`/plan-action-lines/${line.id}/activities`, body).catch((error: unknown) => Promise.reject(onFields(error, rename, fields))),
      (next) => {
        const added = next.actionLines.find((x) => x.id === line.id)?.activities.find((a) => !line.activities.some((old) => old.id === a.id));
        onAdded(next, t("implementationPlan.activityForm.added", { code: added?.code ?? "", title: body.title }));
      },
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby={`${p.replace("activity-", "activity-add-")}-toggle`}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextField name={`${p}-title`} label={l[`${p}-title`]} value={title} onChange={setTitle} error={errors.fields[`${p}-title`]} maxLength={300} />
      <TextareaField name={`${p}-result`} label={l[`${p}-result`]} value={result} onChange={setResult} error={errors.fields[`${p}-result`]} optional maxLength={5000} rows={3} />
      <SelectField
        name={`${p}-responsible`}
        label={l[`${p}-responsible`]}
        value={responsible}
        onChange={setResponsible}
        placeholder={t("implementationPlan.activityForm.chooseResponsible")}
        options={organisations}
        error={errors.fields[`${p}-responsible`]}
      />
      <CheckboxGroup
        name={`${p}-partners`}
        legend={l[`${p}-partners`]}
        description={t("implementationPlan.activityForm.partnersDescription")}
        options={organisations.filter((o) => o.value !== responsible)}
        values={partners}
        onChange={setPartners}
        error={errors.fields[`${p}-partners`]}
      />
      <RadioGroup<"quarter" | "date">
        name={`${p}-unit`}
        legend={t("implementationPlan.activityForm.unit")}
        options={[{ value: "quarter", label: t("implementationPlan.activityForm.unitQuarter") }, { value: "date", label: t("implementationPlan.activityForm.unitDate") }]}
        value={unit}
        onChange={(next) => {
          setUnit(next);
          setStart("");
          setEnd("");
        }}
      />
      {unit === "quarter" ? (
        <div className="kz-plan-years">
          <SelectField name={`${p}-start`} label={l[`${p}-start`]} value={start} onChange={setStart} placeholder={t("implementationPlan.activityForm.chooseQuarter")} options={quarters} error={errors.fields[`${p}-start`]} optional />
          <SelectField name={`${p}-end`} label={l[`${p}-end`]} value={end} onChange={setEnd} placeholder={t("implementationPlan.activityForm.chooseQuarter")} options={quarters} error={errors.fields[`${p}-end`]} optional />
        </div>
      ) : (
        <div className="kz-plan-years">
          <TextField name={`${p}-start`} label={l[`${p}-start`]} type="date" value={start} onChange={setStart} error={errors.fields[`${p}-start`]} optional size="small" />
          <TextField name={`${p}-end`} label={l[`${p}-end`]} type="date" value={end} onChange={setEnd} error={errors.fields[`${p}-end`]} optional size="small" />
        </div>
      )}
      <Fieldset className="kz-fieldset kz-plan-budget-fields">
        <FieldsetLegend>{t("implementationPlan.activityForm.budget")}</FieldsetLegend>
        <FormFieldDescription>{t("implementationPlan.activityForm.budgetDescription")}</FormFieldDescription>
        {plan.years.map((y) => (
          <div key={y} className="kz-plan-budget-year" role="group" aria-label={String(y)}>
            <TextField name={`${p}-costs-${y}`} label={l[`${p}-costs-${y}`]} value={draft(y).costs} onChange={(v) => setYear(y, { costs: v })} error={errors.fields[`${p}-costs-${y}`]} inputMode="numeric" size="small" optional markOptional={false} />
            <TextField name={`${p}-cover-${y}`} label={l[`${p}-cover-${y}`]} value={draft(y).cover} onChange={(v) => setYear(y, { cover: v })} error={errors.fields[`${p}-cover-${y}`]} inputMode="numeric" size="small" optional markOptional={false} />
            <SelectField
              name={`${p}-source-${y}`}
              label={l[`${p}-source-${y}`]}
              value={draft(y).source}
              onChange={(v) => setYear(y, { source: v })}
              placeholder={t("implementationPlan.activityForm.chooseSource")}
              options={coverSources.map((s) => ({ value: s, label: labels.coverSource(s) }))}
              error={errors.fields[`${p}-source-${y}`]}
              optional
              markOptional={false}
            />
          </div>
        ))}
      </Fieldset>
      <SubmitRow busy={busy} label={t("implementationPlan.activityForm.submit")} onCancel={onCancel} />
    </form>
  );
}
