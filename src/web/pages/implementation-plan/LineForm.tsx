import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { TextareaField, TextField } from "../../components/fields.tsx";
import { SubmitRow } from "../care/file/parts.tsx";
import { useAction } from "../signals/detail/useAction.ts";
import type { Plan } from "./types.ts";

const FIELDS = ["lineNumber", "lineTitle", "lineGoal"] as const;
const RENAME = { number: "lineNumber", title: "lineTitle", goal: "lineGoal" };

/** A new action line: its number (the next one unless given), title and goal. */
export function LineForm({ plan, onCancel, onAdded }: { plan: Plan; onCancel: () => void; onAdded: (plan: Plan, message: string) => void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState("");
  const [title, setTitle] = useState("");
  const [goal, setGoal] = useState("");
  const l = { lineNumber: t("implementationPlan.line.number"), lineTitle: t("implementationPlan.line.title"), lineGoal: t("implementationPlan.line.goal") };
  const { errors, busy, submit } = useAction(FIELDS, l, RENAME);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const n = number.trim();
    const check = {
      lineNumber: n && !/^([1-9]|[1-9]\d)$/.test(n) ? t("implementationPlan.line.numberFormat") : undefined,
      lineTitle: title.trim() ? undefined : t("errors.required", { field: l.lineTitle.toLowerCase() }),
    };
    const body = { ...(n ? { number: Number(n) } : {}), title: title.trim(), ...(goal.trim() ? { goal: goal.trim() } : {}) };
    void submit(check, () => api.post<Plan>(`/implementation-plans/${plan.id}/action-lines`, body), (next) => {
      const added = next.actionLines.find((line) => line.title === body.title && !plan.actionLines.some((old) => old.id === line.id));
      onAdded(next, t("implementationPlan.line.added", { number: added?.number ?? "", title: body.title }));
    });
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="line-add-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextField name="lineNumber" label={l.lineNumber} description={t("implementationPlan.line.numberDescription")} value={number} onChange={setNumber} error={errors.fields.lineNumber} optional inputMode="numeric" size="small" maxLength={2} />
      <TextField name="lineTitle" label={l.lineTitle} value={title} onChange={setTitle} error={errors.fields.lineTitle} maxLength={200} />
      <TextareaField name="lineGoal" label={l.lineGoal} value={goal} onChange={setGoal} error={errors.fields.lineGoal} optional maxLength={5000} rows={3} />
      <SubmitRow busy={busy} label={t("implementationPlan.line.submit")} onCancel={onCancel} />
    </form>
  );
}
