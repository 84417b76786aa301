import { Alert, Heading, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { fieldId } from "./fields.tsx";

export interface SummaryError {
  /** The field the message is about; without it the message is about the whole form. */
  field?: string;
  message: string;
}

/**
 * The error summary above a form: one link per message to its field. It takes the focus after every failed
 * submit (`attempt` changes), so keyboard and screen-reader users land on what went wrong.
 */
export function ErrorSummary({ errors, attempt }: { errors: SummaryError[]; attempt: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();

  // Only a new submit moves the focus, not editing while errors are shown.
  const focusedAttempt = useRef(0);
  useEffect(() => {
    if (attempt <= focusedAttempt.current || errors.length === 0) return;
    focusedAttempt.current = attempt;
    ref.current?.focus();
  }, [attempt, errors.length]);

  if (errors.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} className="kz-error-summary" aria-labelledby={headingId} role="group">
      <Alert type="error" role="none">
        <Heading level={2} id={headingId} className="kz-error-summary__title">
          {errors.some((e) => e.field) ? t("errors.summaryTitle") : errors[0]?.message}
        </Heading>
        {errors.some((e) => e.field) ? (
          <UnorderedList>
            {errors.map((error, index) => (
              <UnorderedListItem key={`${error.field ?? "form"}-${index}`}>
                {error.field ? (
                  <a
                    className="utrecht-link utrecht-link--html-a"
                    href={`#${fieldId(error.field)}`}
                    onClick={(event) => {
                      const target = document.getElementById(fieldId(error.field ?? ""));
                      if (!target) return;
                      event.preventDefault();
                      target.focus();
                      target.scrollIntoView({ block: "center" });
                    }}
                  >
                    {error.message}
                  </a>
                ) : (
                  error.message
                )}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        ) : null}
      </Alert>
    </div>
  );
}
