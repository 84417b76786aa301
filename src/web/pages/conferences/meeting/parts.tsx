import { Alert, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Heading, Textbox } from "@utrecht/component-library-react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { fieldId } from "../../../components/fields.tsx";
import { useMeeting, type MeetingMessage, type SectionId } from "./context.ts";

/**
 * The building blocks of the meeting page. Disclosures, submit rows, data-list items and markers are those
 * of the victim file page (care/file/parts.tsx); the meeting adds its own sections and an input for times
 * and links, which the shared text field does not offer.
 */
export { Disclosure, Empty, Item, Marker, SubmitRow } from "../../care/file/parts.tsx";

/** A part of the meeting (h2, in the table of contents) with its own status message. */
export function MeetingSection({ id, heading, children }: { id: SectionId; heading: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="kz-section kz-file-section kz-meeting-section">
      <Heading level={2} id={`${id}-heading`}>{heading}</Heading>
      <SectionStatus id={id} />
      {children}
    </section>
  );
}

/**
 * The status message of a part of the page: after an action the focus moves to the message in the part where
 * it was taken (a section, or one agenda item), so nobody loses their place on a long agenda.
 */
export function SectionStatus({ id }: { id: SectionId }) {
  const { message } = useMeeting();
  return <StatusRegion message={message?.section === id ? message : null} />;
}

function StatusRegion({ message }: { message: MeetingMessage | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  return (
    <div ref={ref} role="status" tabIndex={-1} className={message ? "kz-error-summary" : "kz-status"}>
      {message ? (
        <Alert type="ok" role="none" key={message.n}>
          {message.text}
        </Alert>
      ) : null}
    </div>
  );
}

interface InputFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type: "time" | "url" | "date" | "text";
  error?: string | undefined;
  description?: ReactNode;
  optional?: boolean;
  inputMode?: "numeric" | "url" | "text";
  autoComplete?: string;
  maxLength?: number;
  size?: "small" | "medium" | "large";
}

/** A labelled input of any type, with the same ids and descriptions as the shared fields (field-<name>). */
export function InputField({ name, label, value, onChange, type, error, description, optional, size = "large", ...rest }: InputFieldProps) {
  const { t } = useTranslation();
  const id = fieldId(name);
  const describedBy = [description ? `${id}-description` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <FormField invalid={Boolean(error)} className="kz-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>
          {label}
          {optional ? <span className="kz-optional"> ({t("common.optional")})</span> : null}
        </FormLabel>
      </div>
      {description ? <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription> : null}
      {error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : null}
      <div className="utrecht-form-field__input">
        <Textbox
          id={id}
          name={name}
          type={type}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          invalid={Boolean(error)}
          required={!optional}
          aria-describedby={describedBy}
          inputMode={rest.inputMode}
          autoComplete={rest.autoComplete}
          maxLength={rest.maxLength}
          spellCheck={type === "url" ? false : undefined}
          className={`kz-input--${size}`}
        />
      </div>
    </FormField>
  );
}
