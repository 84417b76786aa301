import { useTranslation } from "react-i18next";
import { ApiProblem } from "../../../api/client.ts";
import { isBlank, type FieldErrors } from "../../../components/useFormErrors.ts";
import { useAction } from "../../signals/detail/useAction.ts";
import type { Meeting } from "../types.ts";
import { useMeeting, type SectionId } from "./context.ts";
import { lowerFirst } from "./labels.ts";

/**
 * One action on the meeting page: client-side checks, the request, server problems mapped onto this form's
 * fields (`rename`: the API's field names onto the form's own, unique ids), and on success the meeting the
 * server returned (or null: reload it) with a message in the part where the action was taken.
 * `fields` must be a stable array.
 */
export function useMeetingAction(section: SectionId, fields: readonly string[], labels: Partial<Record<string, string>>, rename: Record<string, string> = {}) {
  const { done } = useMeeting();
  const action = useAction(fields, labels, rename);
  const run = (check: FieldErrors, request: () => Promise<Meeting | null>, message: string | ((next: Meeting | null) => string), after?: () => void) =>
    void action.submit(check, request, (next) => {
      after?.();
      done(next, typeof message === "string" ? message : message(next), section);
    });
  /** A message about the whole form, not one field ("U heeft niets gewijzigd."). */
  const failForm = (message: string) => action.errors.failWithProblem(new ApiProblem(400, "form", "", message));
  return { ...action, run, failForm };
}

/** The client-side messages for a missing value. */
export function useChecks() {
  const { t } = useTranslation();
  return {
    text: (value: string, label: string) => (isBlank(value) ? t("conferences.meeting.errors.text", { field: lowerFirst(label) }) : undefined),
    choice: (value: string, label: string) => (value ? undefined : t("conferences.meeting.errors.choose", { field: lowerFirst(label) })),
    date: (value: string, label: string) =>
      /^\d{4}-\d{2}-\d{2}$/.test(value) ? undefined : t("conferences.meeting.errors.date", { field: lowerFirst(label) }),
  };
}
