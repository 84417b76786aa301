import { useCallback, useState } from "react";
import { ApiProblem, problemMessage } from "../api/client.ts";
import type { SummaryError } from "./ErrorSummary.tsx";

export type FieldErrors = Partial<Record<string, string>>;

/**
 * The errors of one form: per field (shown at the field and in the summary) and for the form as a whole.
 * Problems from the API are mapped onto the fields through invalidParams[].name ("roles.0" → "roles").
 */
export function useFormErrors(fieldOrder: readonly string[], labels: Partial<Record<string, string>> = {}) {
  const [fields, setFields] = useState<FieldErrors>({});
  // The server's reasons ("minimaal 12 tekens") do not name their field; the summary adds the label.
  const [fromServer, setFromServer] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const clear = useCallback(() => {
    setFields({});
    setFromServer(false);
    setFormError(null);
  }, []);

  /** Client-side validation failed: show these and move the focus to the summary. */
  const fail = useCallback((errors: FieldErrors) => {
    setFields(errors);
    setFromServer(false);
    setFormError(null);
    setAttempt((n) => n + 1);
  }, []);

  const failWithProblem = useCallback(
    (error: unknown) => {
      const next: FieldErrors = {};
      const unplaced: string[] = [];
      if (error instanceof ApiProblem) {
        for (const param of error.invalidParams) {
          const field = param.name.split(/[.[]/)[0] ?? "";
          if (fieldOrder.includes(field) && !next[field]) next[field] = param.reason;
          else unplaced.push(param.reason);
        }
      }
      setFields(next);
      setFromServer(true);
      const general = problemMessage(error);
      setFormError(Object.keys(next).length > 0 && unplaced.length === 0 ? null : [general, ...unplaced].join(" "));
      setAttempt((n) => n + 1);
    },
    [fieldOrder],
  );

  const summary: SummaryError[] = formError ? [{ message: formError }] : [];
  for (const field of fieldOrder) {
    const message = fields[field];
    const label = labels[field];
    if (message) summary.push({ field, message: fromServer && label ? `${label}: ${message}` : message });
  }

  return { fields, formError, summary, attempt, fail, failWithProblem, clear };
}

/** Client-side rule for a required text: trimmed and not empty. */
export const isBlank = (value: string) => value.trim().length === 0;
