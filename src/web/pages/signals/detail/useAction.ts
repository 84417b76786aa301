import { useState } from "react";
import { ApiProblem } from "../../../api/client.ts";
import { useFormErrors, type FieldErrors } from "../../../components/useFormErrors.ts";
import type { Signal } from "../types.ts";

/** What an action panel hands back to the signal page: the new signal (or null: reload it) and the message. */
export type ActionDone = (next: Signal | null, message: string) => void;

/**
 * One action form: client-side checks, the POST, and server problems mapped onto this form's fields.
 * Several forms on the page have a "reason"; `rename` maps the API's field names onto this form's ids.
 */
export function useAction(fields: readonly string[], labels: Partial<Record<string, string>>, rename: Record<string, string> = {}) {
  const errors = useFormErrors(fields, labels);
  const [busy, setBusy] = useState(false);

  const submit = async <T>(check: FieldErrors, request: () => Promise<T>, onOk: (result: T) => void) => {
    if (busy) return;
    if (Object.values(check).some(Boolean)) {
      errors.fail(check);
      return;
    }
    errors.clear();
    setBusy(true);
    try {
      const result = await request();
      onOk(result);
    } catch (error) {
      errors.failWithProblem(renameParams(error, rename));
    } finally {
      setBusy(false);
    }
  };

  return { errors, busy, submit };
}

function renameParams(error: unknown, rename: Record<string, string>): unknown {
  if (!(error instanceof ApiProblem) || Object.keys(rename).length === 0) return error;
  const params = error.invalidParams.map((param) => {
    const [head = "", ...rest] = param.name.split(/(?=[.[])/);
    const renamed = rename[head];
    return renamed ? { ...param, name: [renamed, ...rest].join("") } : param;
  });
  return new ApiProblem(error.status, error.code, error.title, error.detail, params);
}
