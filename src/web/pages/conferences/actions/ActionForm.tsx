import { Paragraph } from "@utrecht/component-library-react";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { RadioGroup, TextareaField } from "../../../components/fields.tsx";
import { isBlank } from "../../../components/useFormErrors.ts";
import { SubmitRow } from "../../care/file/parts.tsx";
import { useMeasureLabels } from "../../measures/labels.ts";
import { useAction } from "../../signals/detail/useAction.ts";
import type { ConferenceAction } from "../types.ts";

/**
 * One action's update, in its row: an open action is finished with its result (which flows back into the
 * signal's or file's history) or dropped; a finished or dropped one can be opened again. Field ids carry the
 * action's id, since rows of two groups may be open at once.
 */
export function ActionForm(props: { action: ConferenceAction; onCancel: () => void; onSaved: (action: ConferenceAction, message: string) => void }) {
  const { action, onCancel, onSaved } = props;
  const { t } = useTranslation();
  const labels = useMeasureLabels();
  const ids = useMemo(() => ({ status: `actionStatus-${action.id}`, result: `actionResult-${action.id}` }), [action.id]);
  const fields = useMemo(() => [ids.status, ids.result], [ids]);
  const [status, setStatus] = useState<"done" | "cancelled" | "">("");
  const [result, setResult] = useState("");
  const resultLabel = status === "cancelled" ? t("measures.actions.reasonLabel") : t("measures.actions.resultLabel");
  const { errors, busy, submit } = useAction(fields, { [ids.status]: t("measures.actions.choose"), [ids.result]: resultLabel }, { status: ids.status, result: ids.result });
  const path = `/conference-actions/${encodeURIComponent(action.id)}`;
  const description = action.description.length > 80 ? `${action.description.slice(0, 77)}…` : action.description;

  if (action.status !== "open") {
    const reopen = (event: FormEvent) => {
      event.preventDefault();
      void submit({}, () => api.patch<ConferenceAction>(path, { status: "open" }), (saved) => onSaved(saved, t("measures.actions.reopenedMessage", { description })));
    };
    return (
      <form noValidate onSubmit={reopen} className="kz-form kz-narrow" aria-label={`${t("measures.actions.reopen")}: ${description}`}>
        <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
        <Paragraph>{t("measures.actions.reopenIntro", { status: labels.actionStatus(action.status).toLowerCase() })}</Paragraph>
        <SubmitRow busy={busy} label={t("measures.actions.submitReopen")} onCancel={onCancel} />
      </form>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check = {
      [ids.status]: status ? undefined : t("measures.actions.chooseStatus"),
      [ids.result]: status === "done" && isBlank(result) ? t("errors.required", { field: t("measures.actions.resultLabel").toLowerCase() }) : undefined,
    };
    const body = { status, ...(result.trim() ? { result: result.trim() } : {}) };
    const message = status === "done" ? t("measures.actions.doneMessage", { description }) : t("measures.actions.cancelledMessage", { description });
    void submit(check, () => api.patch<ConferenceAction>(path, body), (saved) => onSaved(saved, message));
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-label={`${t("measures.actions.update")}: ${description}`}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <RadioGroup
        name={ids.status}
        legend={t("measures.actions.choose")}
        value={status}
        onChange={setStatus}
        options={[
          { value: "done", label: t("measures.actions.markDone"), description: t("measures.actions.markDoneDescription") },
          { value: "cancelled", label: t("measures.actions.cancel"), description: t("measures.actions.cancelDescription") },
        ]}
        error={errors.fields[ids.status]}
      />
      <TextareaField
        name={ids.result}
        label={resultLabel}
        description={status === "cancelled" ? undefined : t("measures.actions.resultDescription")}
        value={result}
        onChange={setResult}
        error={errors.fields[ids.result]}
        optional={status === "cancelled"}
        maxLength={5000}
        rows={4}
      />
      <SubmitRow busy={busy} label={status === "cancelled" ? t("measures.actions.submitCancel") : t("measures.actions.submitDone")} onCancel={onCancel} />
    </form>
  );
}
