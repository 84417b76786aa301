import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { RadioGroup, SelectField, TextareaField, TextField } from "../../components/fields.tsx";
import { onFields } from "../care/problems.ts";
import { todayIso } from "../care/file/labels.ts";
import { SubmitRow } from "../care/file/parts.tsx";
import { useAction } from "../signals/detail/useAction.ts";
import { attestedCriteria, type BaselineChecklist } from "./types.ts";

type Attested = (typeof attestedCriteria)[number];

const FIELDS = ["criterion", "met", "attestedOn", "documentReference", "note"];

/** The policy officer's statement that a criterion is (not yet) met, on a day, with a document or a note. */
export function AttestForm({ municipalityId, onCancel, onSaved }: { municipalityId: string; onCancel: () => void; onSaved: (result: BaselineChecklist, message: string) => void }) {
  const { t } = useTranslation();
  const [criterion, setCriterion] = useState<Attested | "">("");
  const [met, setMet] = useState<"yes" | "no" | "">("");
  const [attestedOn, setAttestedOn] = useState(todayIso());
  const [documentReference, setDocumentReference] = useState("");
  const [note, setNote] = useState("");
  const labels = {
    criterion: t("baseline.form.criterion"), met: t("baseline.form.met"), attestedOn: t("baseline.form.attestedOn"),
    documentReference: t("baseline.form.documentReference"), note: t("baseline.form.note"),
  };
  const { errors, busy, submit } = useAction(FIELDS, labels);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const noEvidence = !documentReference.trim() && !note.trim();
    const check = {
      criterion: criterion ? undefined : t("baseline.form.choose", { field: labels.criterion.toLowerCase() }),
      met: met ? undefined : t("baseline.form.choose", { field: t("baseline.form.yes").toLowerCase() + " / " + t("baseline.form.no").toLowerCase() }),
      attestedOn: /^\d{4}-\d{2}-\d{2}$/.test(attestedOn) ? undefined : t("baseline.form.date", { field: labels.attestedOn.toLowerCase() }),
      documentReference: noEvidence ? t("baseline.form.evidenceRequired") : undefined,
    };
    const body = {
      criterion, met: met === "yes", attestedOn,
      ...(documentReference.trim() ? { documentReference: documentReference.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    void submit(
      check,
      () => api.post<BaselineChecklist>(`/municipalities/${municipalityId}/baseline-attestations`, body).catch((error: unknown) => Promise.reject(onFields(error, (n) => n, FIELDS))),
      (result) => onSaved(result, t("baseline.form.saved", { criterion: criterion ? t(`baseline.criteria.${criterion}`) : "" })),
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="attest-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <SelectField
        name="criterion"
        label={labels.criterion}
        value={criterion}
        onChange={(v) => setCriterion(attestedCriteria.find((c) => c === v) ?? "")}
        placeholder={t("baseline.form.chooseCriterion")}
        options={attestedCriteria.map((c) => ({ value: c, label: t(`baseline.criteria.${c}`) }))}
        description={criterion ? t(`baseline.criteriaLong.${criterion}`) : undefined}
        error={errors.fields.criterion}
      />
      <RadioGroup
        name="met"
        legend={labels.met}
        value={met}
        onChange={(v) => setMet(v)}
        options={[{ value: "yes" as const, label: t("baseline.form.yes") }, { value: "no" as const, label: t("baseline.form.no") }]}
        error={errors.fields.met}
      />
      <TextField name="attestedOn" label={labels.attestedOn} type="date" value={attestedOn} onChange={setAttestedOn} error={errors.fields.attestedOn} size="small" />
      <TextField
        name="documentReference"
        label={labels.documentReference}
        description={t("baseline.form.documentReferenceDescription")}
        value={documentReference}
        onChange={setDocumentReference}
        error={errors.fields.documentReference}
        optional
        maxLength={300}
      />
      <TextareaField name="note" label={labels.note} description={t("baseline.form.noteDescription")} value={note} onChange={setNote} error={errors.fields.note} optional maxLength={2000} rows={3} />
      <SubmitRow busy={busy} label={t("baseline.form.submit")} onCancel={onCancel} />
    </form>
  );
}
