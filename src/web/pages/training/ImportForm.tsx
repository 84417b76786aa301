import { Alert, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Heading, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiProblem, problemMessage } from "../../api/client.ts";
import { CheckboxField, fieldId } from "../../components/fields.tsx";
import { ImportProblems, rowProblems, type RowProblem } from "../../components/ImportProblems.tsx";
import { FileTable } from "../care/file/FileTable.tsx";
import { formatDay } from "../care/file/labels.ts";
import { SubmitRow } from "../care/file/parts.tsx";
import { useTrainingLabels } from "./labels.ts";
import type { ImportResult } from "./types.ts";

const MAX_BYTES = 2 * 1024 * 1024;
const FILE = "participantFile";

type Outcome = { kind: "errors"; file: string; detail: string; problems: RowProblem[] } | { kind: "checked"; file: string; result: ImportResult };

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Import of a participant list (CSV or XLSX), all or nothing. A refused file shows a table of every wrong row
 * with its line number, column and reason, and the focus moves to it; a check (dry run) shows what would be
 * imported. The format is explained under the form (docs/training-import.md has the full description).
 */
export function ImportForm({ sessionId, onImported }: { sessionId: string; onImported: (message: string) => void }) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<(Outcome & { n: number }) | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) resultRef.current?.focus();
  }, [outcome]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setOutcome(null);
    if (!file) return setFieldError(t("training.import.chooseFile"));
    if (!/\.(csv|xlsx)$/i.test(file.name)) return setFieldError(t("training.import.wrongType"));
    if (file.size > MAX_BYTES) return setFieldError(t("training.import.tooLarge"));
    setFieldError(undefined);
    setBusy(true);
    try {
      const content = toBase64(await file.arrayBuffer());
      const result = await api.post<ImportResult>(`/training-sessions/${sessionId}/participant-imports`, { fileName: file.name, content, dryRun });
      if (result.dryRun) {
        setOutcome((current) => ({ kind: "checked", file: file.name, result, n: (current?.n ?? 0) + 1 }));
      } else {
        setFile(null);
        setInputKey((n) => n + 1);
        onImported(t("training.import.imported", { count: result.imported, file: file.name }));
      }
    } catch (error) {
      const problems = error instanceof ApiProblem ? rowProblems(error) : [];
      setOutcome((current) => ({ kind: "errors", file: file.name, detail: problemMessage(error), problems, n: (current?.n ?? 0) + 1 }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="import-heading" className="kz-section">
      <Heading level={2} id="import-heading">{t("training.import.heading")}</Heading>
      <Paragraph className="kz-prose">{t("training.import.intro")}</Paragraph>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="kz-form kz-narrow" aria-labelledby="import-heading">
        <FormField invalid={Boolean(fieldError)} className="kz-field">
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor={fieldId(FILE)}>{t("training.import.file")}</FormLabel>
          </div>
          <FormFieldDescription id={`${fieldId(FILE)}-description`}>{t("training.import.fileDescription")}</FormFieldDescription>
          {fieldError ? <FormFieldErrorMessage id={`${fieldId(FILE)}-error`}>{fieldError}</FormFieldErrorMessage> : null}
          <div className="utrecht-form-field__input">
            <input
              key={inputKey}
              id={fieldId(FILE)}
              name={FILE}
              type="file"
              className="kz-training-file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={[`${fieldId(FILE)}-description`, fieldError ? `${fieldId(FILE)}-error` : ""].filter(Boolean).join(" ")}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setOutcome(null);
              }}
            />
          </div>
        </FormField>
        <CheckboxField id="import-dry-run" name="dryRun" label={t("training.import.dryRun")} checked={dryRun} onChange={setDryRun} />
        <SubmitRow busy={busy} label={dryRun ? t("training.import.submitCheck") : t("training.import.submit")} />
      </form>
      <div ref={resultRef} tabIndex={-1} className="kz-training-import-result" aria-live="polite">
        {outcome?.kind === "errors" ? (
          <div key={outcome.n}>
            <ImportProblems ns="training.import" file={outcome.file} detail={outcome.detail} problems={outcome.problems} />
          </div>
        ) : null}
        {outcome?.kind === "checked" ? (
          <div key={outcome.n}>
            <Alert type="ok">
              <Paragraph>{t("training.import.checked", { count: outcome.result.rows.length, file: outcome.file })}</Paragraph>
            </Alert>
            <FileTable
              caption={t("training.import.previewCaption", { file: outcome.file })}
              items={outcome.result.rows}
              itemKey={(r) => String(r.row)}
              columns={[
                { key: "row", header: t("training.import.row"), cell: (r) => r.row },
                { key: "name", header: t("training.session.name"), cell: (r) => r.name },
                { key: "team", header: t("training.session.team"), cell: (r) => r.team },
                { key: "email", header: t("training.session.email"), cell: (r) => r.email ?? "—" },
                { key: "result", header: t("training.session.result"), cell: (r) => labels.completion(r.completion) },
                { key: "completedOn", header: t("training.session.completedOn"), cell: (r) => (r.completedOn ? formatDay(r.completedOn) : "—") },
              ]}
            />
          </div>
        ) : null}
      </div>
    </section>
  );
}
