import {
  Alert, Button, ButtonGroup, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Paragraph, PrimaryActionButton,
} from "@utrecht/component-library-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiProblem, problemMessage } from "../../../api/client.ts";
import { fieldId } from "../../../components/fields.tsx";
import { ImportProblems, rowProblems, type RowProblem } from "../../../components/ImportProblems.tsx";
import { FileTable } from "../../care/file/FileTable.tsx";
import type { HistoricImportResult } from "./types.ts";

const MAX_BYTES = 1024 * 1024;
const FILE = "historicFile";
/** The server's column names, as the file has them. */
const COLUMN_NAMES = new Set(["niveau", "gebied", "jaar", "meldingen", "zorgtrajecten", "bron"]);

type Outcome = { kind: "errors"; file: string; detail: string; problems: RowProblem[] } | { kind: "checked"; file: string; result: HistoricImportResult };

/**
 * The import of historic figures: "Controleren" checks the file and shows what would be stored, "Inlezen"
 * stores it, all or nothing. A refused file shows a table of every wrong line with its number, column and
 * reason; the focus moves to the result, so keyboard and screen-reader users hear it first.
 */
export function HistoricImportForm({ onImported }: { onImported: (message: string) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<"check" | "import" | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [fieldAttempt, setFieldAttempt] = useState(0);
  const [outcome, setOutcome] = useState<(Outcome & { n: number }) | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const resultRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (outcome) resultRef.current?.focus();
  }, [outcome]);
  useEffect(() => {
    if (fieldAttempt > 0) inputRef.current?.focus();
  }, [fieldAttempt]);

  const measure = (m: HistoricImportResult["figures"][number]["measure"]) => t(`monitorHistoric.measure.${m}`);

  const run = async (dryRun: boolean) => {
    if (busy) return;
    setOutcome(null);
    const problem = !file ? t("monitorHistoric.import.chooseFile")
      : !/\.(csv|txt)$/i.test(file.name) ? t("monitorHistoric.import.wrongType")
        : file.size > MAX_BYTES ? t("monitorHistoric.import.tooLarge") : undefined;
    setFieldError(problem);
    if (problem || !file) {
      setFieldAttempt((n) => n + 1);
      return;
    }
    setBusy(dryRun ? "check" : "import");
    try {
      const content = await file.text();
      const result = await api.post<HistoricImportResult>("/monitoring/historic-figures", { fileName: file.name, content, dryRun });
      if (result.dryRun) {
        setOutcome((current) => ({ kind: "checked", file: file.name, result, n: (current?.n ?? 0) + 1 }));
      } else {
        setFile(null);
        setInputKey((n) => n + 1);
        const replaced = result.replaced > 0 ? ` ${t("monitorHistoric.import.replaced", { count: result.replaced })}` : "";
        onImported(`${t("monitorHistoric.import.imported", { count: result.imported, file: file.name })}${replaced}`);
      }
    } catch (error) {
      const problems = error instanceof ApiProblem ? rowProblems(error, COLUMN_NAMES) : [];
      setOutcome((current) => ({ kind: "errors", file: file.name, detail: problemMessage(error), problems, n: (current?.n ?? 0) + 1 }));
    } finally {
      setBusy(null);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(false);
  };

  const describedBy = [`${fieldId(FILE)}-description`, fieldError ? `${fieldId(FILE)}-error` : ""].filter(Boolean).join(" ");
  return (
    <>
      <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="historic-import-heading">
        <FormField invalid={Boolean(fieldError)} className="kz-field">
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor={fieldId(FILE)}>{t("monitorHistoric.import.file")}</FormLabel>
          </div>
          <FormFieldDescription id={`${fieldId(FILE)}-description`}>{t("monitorHistoric.import.fileDescription")}</FormFieldDescription>
          {fieldError ? <FormFieldErrorMessage id={`${fieldId(FILE)}-error`}>{fieldError}</FormFieldErrorMessage> : null}
          <div className="utrecht-form-field__input">
            <input
              key={inputKey}
              ref={inputRef}
              id={fieldId(FILE)}
              name={FILE}
              type="file"
              className="kz-historic-file"
              accept=".csv,text/csv"
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={describedBy}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setFieldError(undefined);
                setOutcome(null);
              }}
            />
          </div>
        </FormField>
        <ButtonGroup>
          <Button appearance="secondary-action-button" type="button" busy={busy === "check"} disabled={busy !== null} onClick={() => void run(true)}>
            {t("monitorHistoric.import.check")}
          </Button>
          <PrimaryActionButton type="submit" busy={busy === "import"} disabled={busy !== null}>
            {t("monitorHistoric.import.submit")}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
      <div ref={resultRef} tabIndex={-1} className="kz-historic-result" aria-live="polite">
        {outcome?.kind === "errors" ? (
          <div key={outcome.n}>
            <ImportProblems ns="monitorHistoric.import" file={outcome.file} detail={outcome.detail} problems={outcome.problems} />
          </div>
        ) : null}
        {outcome?.kind === "checked" ? (
          <div key={outcome.n}>
            <Alert type="ok">
              <Paragraph>
                {t("monitorHistoric.import.checked", { count: outcome.result.figures.length, file: outcome.file })}
                {outcome.result.replaced > 0 ? ` ${t("monitorHistoric.import.wouldReplace", { count: outcome.result.replaced })}` : ""}
              </Paragraph>
            </Alert>
            <FileTable
              caption={t("monitorHistoric.import.previewCaption", { file: outcome.file })}
              items={outcome.result.figures}
              itemKey={(f) => `${f.row}-${f.measure}`}
              columns={[
                { key: "row", header: t("monitorHistoric.import.row"), cell: (f) => f.row },
                { key: "area", header: t("monitorHistoric.list.area"), cell: (f) => f.areaName },
                { key: "year", header: t("monitorHistoric.list.year"), cell: (f) => f.year },
                { key: "measure", header: t("monitorHistoric.list.measure"), cell: (f) => measure(f.measure) },
                { key: "count", header: t("monitorHistoric.list.count"), cell: (f) => f.count },
                { key: "replaces", header: t("monitorHistoric.import.replaces"), cell: (f) => (f.replaces === null ? "—" : f.replaces) },
                { key: "source", header: t("monitorHistoric.list.source"), cell: (f) => f.source ?? "—" },
              ]}
            />
          </div>
        ) : null}
      </div>
    </>
  );
}
