import { useTranslation } from "react-i18next";
import { ApiProblem } from "../../../api/client.ts";
import { isBlank, type FieldErrors } from "../../../components/useFormErrors.ts";
import { useAction } from "../../signals/detail/useAction.ts";
import type { VictimFile } from "../types.ts";
import { useFile, type SectionId } from "./context.ts";
import { lowerFirst } from "./labels.ts";

/**
 * One action form on the file page: client-side checks, the request, server problems mapped onto this
 * form's fields (`rename` maps the API's field names onto the form's own, unique ids), and on success the
 * returned file with a message in the form's section. `fields` must be a stable array.
 */
export function useFileAction(section: SectionId, fields: readonly string[], labels: Partial<Record<string, string>>, rename: Record<string, string> = {}) {
  const { done } = useFile();
  const action = useAction(fields, labels, rename);
  const run = (check: FieldErrors, request: () => Promise<VictimFile>, message: string, after?: () => void) =>
    void action.submit(check, request, (next) => {
      after?.();
      done(next, message, section);
    });
  /** A message about the whole form, not one field ("U heeft niets gewijzigd."). */
  const failForm = (message: string) => action.errors.failWithProblem(new ApiProblem(400, "form", "", message));
  return { ...action, run, failForm };
}

/** The client-side messages for a missing value: "Vul … in." and "Kies …". */
export function useChecks() {
  const { t } = useTranslation();
  return {
    text: (value: string, label: string) => (isBlank(value) ? t("errors.required", { field: lowerFirst(label) }) : undefined),
    choice: (value: string, label: string) => (value ? undefined : t("careFile.errors.choose", { field: lowerFirst(label) })),
    date: (value: string, label: string) =>
      !value ? t("careFile.errors.date", { field: lowerFirst(label) }) : /^\d{4}-\d{2}-\d{2}$/.test(value) ? undefined : t("careFile.errors.dateFormat"),
  };
}
