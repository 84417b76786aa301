import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { SelectField, TextareaField, TextField } from "../../components/fields.tsx";
import { onFields } from "../care/problems.ts";
import { todayIso } from "../care/file/labels.ts";
import { SubmitRow } from "../care/file/parts.tsx";
import { useAction } from "../signals/detail/useAction.ts";
import { measureOutcomes, type AdministrativeMeasure } from "../conferences/types.ts";
import { useMeasureLabels } from "./labels.ts";

const FIELDS = ["outcomeValue", "outcomeDate", "outcomeNote"] as const;
const RENAME: Record<string, string> = { outcome: "outcomeValue", outcomeOn: "outcomeDate", note: "outcomeNote" };
const rename = (name: string) => RENAME[name] ?? name;

/** The outcome of one measure (in a row of the register): what came of it, on which day, and a note. */
export function OutcomeForm(props: { measure: AdministrativeMeasure; onCancel: () => void; onSaved: (measure: AdministrativeMeasure, message: string) => void }) {
  const { measure, onCancel, onSaved } = props;
  const { t } = useTranslation();
  const labels = useMeasureLabels();
  const [outcome, setOutcome] = useState<string>(measure.outcome);
  const [outcomeOn, setOutcomeOn] = useState(measure.outcomeOn ?? todayIso());
  const [note, setNote] = useState(measure.note ?? "");
  const l = { outcomeValue: t("measures.form.outcome"), outcomeDate: t("measures.form.outcomeOn"), outcomeNote: t("measures.form.note") };
  const { errors, busy, submit } = useAction(FIELDS, l);
  const place = labels.place(measure.location);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const unchanged = outcome === measure.outcome && (outcome === "pending" || outcomeOn === measure.outcomeOn) && note.trim() === (measure.note ?? "");
    if (unchanged) {
      errors.fail({ outcomeValue: t("measures.form.nothingChanged") });
      return;
    }
    const check = {
      outcomeDate: outcome !== "pending" && !outcomeOn ? t("careFile.errors.date", { field: l.outcomeDate.toLowerCase() }) : undefined,
    };
    const body = { outcome, ...(outcome !== "pending" ? { outcomeOn } : {}), ...(note.trim() ? { note: note.trim() } : {}) };
    void submit(
      check,
      () => api.patch<AdministrativeMeasure>(`/administrative-measures/${encodeURIComponent(measure.id)}`, body).catch((error: unknown) => Promise.reject(onFields(error, rename, FIELDS))),
      (saved) => onSaved(saved, t("measures.form.outcomeRecorded", { outcome: labels.outcome(saved.outcome).toLowerCase(), place })),
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-label={t("measures.form.outcomeFormLabel", { place })}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <SelectField
        name="outcomeValue"
        label={l.outcomeValue}
        value={outcome}
        onChange={setOutcome}
        options={measureOutcomes.map((o) => ({ value: o, label: labels.outcome(o) }))}
        error={errors.fields.outcomeValue}
      />
      {outcome !== "pending" ? (
        <TextField
          name="outcomeDate"
          label={l.outcomeDate}
          description={t("measures.form.outcomeOnDescription")}
          type="date"
          value={outcomeOn}
          onChange={setOutcomeOn}
          error={errors.fields.outcomeDate}
          size="small"
        />
      ) : null}
      <TextareaField name="outcomeNote" label={l.outcomeNote} value={note} onChange={setNote} error={errors.fields.outcomeNote} optional maxLength={5000} rows={3} />
      <SubmitRow busy={busy} label={t("measures.form.submitOutcome")} onCancel={onCancel} />
    </form>
  );
}
