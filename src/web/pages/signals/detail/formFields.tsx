import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
  Textarea,
} from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { fieldId } from "../../../components/fields.tsx";

/**
 * The form controls the signal actions need beyond components/fields.tsx: a text area, a radio group and
 * a checkbox group with disabled options. Same conventions: id field-<name>, description and error tied
 * to the control through aria-describedby, so the error summary can link to them.
 */
function describedBy(name: string, description: ReactNode, error: string | undefined) {
  const ids = [description ? `${fieldId(name)}-description` : "", error ? `${fieldId(name)}-error` : ""];
  return ids.filter(Boolean).join(" ") || undefined;
}

function Description({ name, description }: { name: string; description: ReactNode }) {
  if (!description) return null;
  return <FormFieldDescription id={`${fieldId(name)}-description`}>{description}</FormFieldDescription>;
}

function ErrorText({ name, error }: { name: string; error: string | undefined }) {
  if (!error) return null;
  return <FormFieldErrorMessage id={`${fieldId(name)}-error`}>{error}</FormFieldErrorMessage>;
}

interface TextareaFieldProps {
  name: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: ReactNode;
  maxLength?: number;
  rows?: number;
}

export function TextareaField({ name, label, value, onChange, error, description, maxLength, rows = 4 }: TextareaFieldProps) {
  return (
    <FormField invalid={Boolean(error)} className="kz-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={fieldId(name)}>{label}</FormLabel>
      </div>
      <Description name={name} description={description} />
      <ErrorText name={name} error={error} />
      <div className="utrecht-form-field__input">
        <Textarea
          id={fieldId(name)}
          name={name}
          value={value}
          rows={rows}
          maxLength={maxLength}
          onChange={(event) => onChange(event.target.value)}
          invalid={Boolean(error)}
          required
          aria-describedby={describedBy(name, description, error)}
          className="kz-input--large"
        />
      </div>
    </FormField>
  );
}

interface Option {
  value: string;
  label: string;
  description?: string;
  disabled?: boolean;
}

interface RadioGroupProps {
  name: string;
  legend: ReactNode;
  options: Option[];
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: ReactNode;
}

/** A fieldset of radio buttons; the first carries field-<name>, the error summary's target. */
export function RadioGroup({ name, legend, options, value, onChange, error, description }: RadioGroupProps) {
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={describedBy(name, description, error)} className="kz-fieldset">
      <FieldsetLegend>{legend}</FieldsetLegend>
      <Description name={name} description={description} />
      <ErrorText name={name} error={error} />
      {options.map((option, index) => {
        const id = index === 0 ? fieldId(name) : `${fieldId(name)}-${option.value}`;
        const hintId = option.description ? `${id}-hint` : undefined;
        return (
          <FormField key={option.value} type="radio" invalid={Boolean(error)} className="kz-field kz-field--checkbox">
            <div className="utrecht-form-field__input">
              <RadioButton
                id={id}
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                invalid={Boolean(error)}
                aria-describedby={hintId}
              />
            </div>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor={id} type="radio" checked={value === option.value}>
                {option.label}
              </FormLabel>
            </div>
            {option.description ? <FormFieldDescription id={hintId}>{option.description}</FormFieldDescription> : null}
          </FormField>
        );
      })}
    </Fieldset>
  );
}

interface CheckboxesProps {
  name: string;
  legend: ReactNode;
  options: Option[];
  values: string[];
  onChange: (values: string[]) => void;
  error?: string | undefined;
  description?: ReactNode;
  /** A note under the options, for example why one of them is disabled. */
  note?: ReactNode;
}

/** A fieldset of checkboxes, some of which may be disabled. */
export function Checkboxes({ name, legend, options, values, onChange, error, description, note }: CheckboxesProps) {
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value));
  const noteId = note ? `${fieldId(name)}-note` : undefined;
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={describedBy(name, description, error)} className="kz-fieldset">
      <FieldsetLegend>{legend}</FieldsetLegend>
      <Description name={name} description={description} />
      <ErrorText name={name} error={error} />
      {options.map((option, index) => {
        const id = index === 0 ? fieldId(name) : `${fieldId(name)}-${option.value}`;
        const checked = values.includes(option.value);
        return (
          <FormField key={option.value} type="checkbox" invalid={Boolean(error)} className="kz-field kz-field--checkbox">
            <div className="utrecht-form-field__input">
              <Checkbox
                id={id}
                name={name}
                value={option.value}
                checked={checked}
                disabled={option.disabled}
                onChange={(event) => toggle(option.value, event.target.checked)}
                invalid={Boolean(error)}
                aria-describedby={option.disabled ? noteId : undefined}
              />
            </div>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor={id} type="checkbox" checked={checked} disabled={option.disabled}>
                {option.label}
              </FormLabel>
            </div>
          </FormField>
        );
      })}
      {note ? (
        <FormFieldDescription id={noteId}>{note}</FormFieldDescription>
      ) : null}
    </Fieldset>
  );
}
