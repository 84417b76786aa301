import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Textarea } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { fieldId } from "../../../components/fields.tsx";

interface TextareaFieldProps {
  name: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: ReactNode;
  optional?: boolean;
  maxLength?: number;
  rows?: number;
}

/** A multi-line text field with the same id, description and error wiring as the fields in fields.tsx. */
export function TextareaField({ name, label, value, onChange, error, description, optional, maxLength, rows = 5 }: TextareaFieldProps) {
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
        <Textarea
          id={id}
          name={name}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          invalid={Boolean(error)}
          required={!optional}
          aria-describedby={describedBy}
          maxLength={maxLength}
          rows={rows}
          className="kz-textarea"
        />
      </div>
    </FormField>
  );
}
