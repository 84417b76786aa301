import { ApiProblem } from "../../api/client.ts";

/**
 * A problem from the API with its invalidParams renamed onto the form's field names ("person.name" →
 * "name", "reason" → "declineReason-…"), so useFormErrors links each message to its field. A parameter
 * that only repeats the problem's own message and has no field on the form is dropped, so the summary does
 * not say the same thing twice.
 */
export function onFields(error: unknown, rename: (name: string) => string, fields: readonly string[]): unknown {
  if (!(error instanceof ApiProblem)) return error;
  const params = error.invalidParams
    .map((param) => ({ ...param, name: rename(param.name) }))
    .filter((param) => fields.includes(param.name.split(/[.[]/)[0] ?? "") || param.reason !== error.detail);
  return new ApiProblem(error.status, error.code, error.title, error.detail, params);
}
