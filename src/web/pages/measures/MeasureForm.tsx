import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { SelectField, TextareaField, TextField } from "../../components/fields.tsx";
import { onFields } from "../care/problems.ts";
import { todayIso } from "../care/file/labels.ts";
import { SubmitRow } from "../care/file/parts.tsx";
import { useAction } from "../signals/detail/useAction.ts";
import { measureKinds, measureOutcomes, type AdministrativeMeasure } from "../conferences/types.ts";
import { useMeasureLabels } from "./labels.ts";
import { checkPlace, emptyPlace, placeBody, placeFields, placeRename, PlaceFields, type PlaceDraft } from "./PlaceFields.tsx";

const PREFIX = "measure";
const FIELDS = [...placeFields(PREFIX), "measureKind", "measureDecidedOn", "measureOutcome", "measureOutcomeOn", "measureNote"];
const RENAME: Record<string, string> = {
  ...placeRename(PREFIX), kind: "measureKind", decidedOn: "measureDecidedOn", outcome: "measureOutcome", outcomeOn: "measureOutcomeOn", note: "measureNote",
};
const rename = (name: string) => RENAME[name] ?? name;

/**
 * A measure the municipality took outside a meeting: against an address or a business, of a kind, decided on
 * a day, with its outcome when it is known already.
 */
export function MeasureForm({ onCancel, onAdded }: { onCancel: () => void; onAdded: (measure: AdministrativeMeasure, message: string) => void }) {
  const { t } = useTranslation();
  const labels = useMeasureLabels();
  const [place, setPlace] = useState<PlaceDraft>(emptyPlace);
  const [kind, setKind] = useState("");
  const [decidedOn, setDecidedOn] = useState(todayIso());
  const [outcome, setOutcome] = useState("pending");
  const [outcomeOn, setOutcomeOn] = useState("");
  const [note, setNote] = useState("");
  const l: Record<string, string> = {
    measurePostcode: t("measures.form.postcode"), measureHouseNumber: t("measures.form.houseNumber"), measureHouseLetter: t("measures.form.houseLetter"),
    measureAddition: t("measures.form.addition"), measureStreet: t("measures.form.street"), measureCity: t("measures.form.city"),
    measureKvkNumber: t("measures.form.kvkNumber"), measureName: t("measures.form.businessName"), measureKind: t("measures.form.kind"),
    measureDecidedOn: t("measures.form.decidedOn"), measureOutcome: t("measures.form.outcome"), measureOutcomeOn: t("measures.form.outcomeOn"),
    measureNote: t("measures.form.note"),
  };
  const { errors, busy, submit } = useAction(FIELDS, l);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check = {
      ...checkPlace(t, PREFIX, place),
      measureKind: kind ? undefined : t("careFile.errors.choose", { field: t("measures.form.kind").toLowerCase() }),
      measureDecidedOn: decidedOn ? undefined : t("careFile.errors.date", { field: t("measures.form.decidedOn").toLowerCase() }),
      measureOutcomeOn: outcome !== "pending" && !outcomeOn ? t("careFile.errors.date", { field: t("measures.form.outcomeOn").toLowerCase() }) : undefined,
    };
    const body = {
      location: placeBody(place),
      kind,
      decidedOn,
      outcome,
      ...(outcome !== "pending" && outcomeOn ? { outcomeOn } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    void submit(
      check,
      () => api.post<AdministrativeMeasure>("/administrative-measures", body).catch((error: unknown) => Promise.reject(onFields(error, rename, FIELDS))),
      (measure) => onAdded(measure, t("measures.form.added", { kind: labels.measureKind(measure.kind), place: labels.place(measure.location) })),
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="measure-add-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <PlaceFields prefix={PREFIX} legend={t("measures.form.locationKind")} place={place} onChange={(patch) => setPlace((p) => ({ ...p, ...patch }))} errors={errors.fields} details />
      <SelectField
        name="measureKind"
        label={l.measureKind}
        value={kind}
        onChange={setKind}
        placeholder={t("measures.form.chooseKind")}
        options={measureKinds.map((k) => ({ value: k, label: labels.measureKind(k) }))}
        error={errors.fields.measureKind}
      />
      <TextField name="measureDecidedOn" label={l.measureDecidedOn} type="date" value={decidedOn} onChange={setDecidedOn} error={errors.fields.measureDecidedOn} size="small" />
      <SelectField
        name="measureOutcome"
        label={l.measureOutcome}
        value={outcome}
        onChange={setOutcome}
        options={measureOutcomes.map((o) => ({ value: o, label: labels.outcome(o) }))}
        error={errors.fields.measureOutcome}
      />
      {outcome !== "pending" ? (
        <TextField
          name="measureOutcomeOn"
          label={l.measureOutcomeOn}
          description={t("measures.form.outcomeOnDescription")}
          type="date"
          value={outcomeOn}
          onChange={setOutcomeOn}
          error={errors.fields.measureOutcomeOn}
          size="small"
        />
      ) : null}
      <TextareaField name="measureNote" label={l.measureNote} value={note} onChange={setNote} error={errors.fields.measureNote} optional maxLength={5000} rows={3} />
      <SubmitRow busy={busy} label={t("measures.form.submitAdd")} onCancel={onCancel} />
    </form>
  );
}
