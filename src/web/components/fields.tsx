import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * Form fields with fixed ids (field-<name>), so the error summary can link to them, and with the
 * description and error message tied to the input through aria-describedby.
 */
export const fieldId = (name: string) => `field-${name}`;

function describedBy(name: string, description: ReactNode, error: string | undefined) {
  const ids = [description ? `${fieldId(name)}-description` : "", error ? `${fieldId(name)}-error` : ""];
  return ids.filter(Boolean).join(" ") || undefined;
}

function LabelText({ label, optional }: { label: ReactNode; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {label}
      {optional ? <span className="kz-optional"> ({t("common.optional")})</span> : null}
    </>
  );
}

function Description({ name, description }: { name: string; description: ReactNode }) {
  if (!description) return null;
  return <FormFieldDescription id={`${fieldId(name)}-description`}>{description}</FormFieldDescription>;
}

function ErrorText({ name, error }: { name: string; error: string | undefined }) {
  if (!error) return null;
  return <FormFieldErrorMessage id={`${fieldId(name)}-error`}>{error}</FormFieldErrorMessage>;
}

interface TextFieldProps {
  name: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: ReactNode;
  type?: "text" | "email" | "password" | "search" | "date";
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email";
  optional?: boolean;
  /** "(niet verplicht)" after the label; off for search and filter fields, which are all optional. */
  markOptional?: boolean;
  spellCheck?: boolean;
  maxLength?: number;
  size?: "small" | "medium" | "large";
}

export function TextField(props: TextFieldProps) {
  const { name, label, value, onChange, error, description, type = "text", optional, size = "large" } = props;
  return (
    <FormField invalid={Boolean(error)} className="kz-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={fieldId(name)}>
          <LabelText label={label} optional={optional && props.markOptional !== false} />
        </FormLabel>
      </div>
      <Description name={name} description={description} />
      <ErrorText name={name} error={error} />
      <div className="utrecht-form-field__input">
        <Textbox
          id={fieldId(name)}
          name={name}
          type={type}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          invalid={Boolean(error)}
          required={!optional}
          aria-describedby={describedBy(name, description, error)}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          spellCheck={props.spellCheck}
          maxLength={props.maxLength}
          className={`kz-input--${size}`}
        />
      </div>
    </FormField>
  );
}

interface SelectFieldProps {
  name: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  /** The first option, with value "": "Kies …" or "Alle …". */
  placeholder?: string;
  error?: string | undefined;
  description?: ReactNode;
  optional?: boolean;
  markOptional?: boolean;
}

export function SelectField(props: SelectFieldProps) {
  const { name, label, value, onChange, options, placeholder, error, description, optional } = props;
  return (
    <FormField invalid={Boolean(error)} className="kz-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={fieldId(name)}>
          <LabelText label={label} optional={optional && props.markOptional !== false} />
        </FormLabel>
      </div>
      <Description name={name} description={description} />
      <ErrorText name={name} error={error} />
      <div className="utrecht-form-field__input">
        <Select
          id={fieldId(name)}
          name={name}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          invalid={Boolean(error)}
          required={!optional}
          aria-describedby={describedBy(name, description, error)}
        >
          {placeholder !== undefined ? <SelectOption value="">{placeholder}</SelectOption> : null}
          {options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      </div>
    </FormField>
  );
}

interface CheckboxFieldProps {
  id: string;
  name: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  invalid?: boolean;
  /** An error of this single checkbox (a checkbox in a group shows the group's error instead). */
  error?: string | undefined;
  describedBy?: string | undefined;
  disabled?: boolean | undefined;
}

export function CheckboxField(props: CheckboxFieldProps) {
  const { id, name, label, checked, onChange, error, disabled } = props;
  const invalid = props.invalid ?? Boolean(error);
  const errorId = `${id}-error`;
  const ariaDescribedBy = [props.describedBy, error ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <FormField type="checkbox" invalid={invalid} className="kz-field kz-field--checkbox">
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      <div className="utrecht-form-field__input">
        <Checkbox
          id={id}
          name={name}
          checked={checked}
          disabled={disabled}
          onChange={(event) => onChange(event.target.checked)}
          invalid={invalid}
          aria-describedby={ariaDescribedBy}
        />
      </div>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id} type="checkbox" checked={checked} disabled={disabled}>
          {label}
        </FormLabel>
      </div>
    </FormField>
  );
}

interface ChoiceOption<V extends string = string> {
  value: V;
  label: string;
  description?: string;
  disabled?: boolean;
}

interface CheckboxGroupProps {
  name: string;
  legend: ReactNode;
  options: ChoiceOption[];
  values: string[];
  onChange: (values: string[]) => void;
  error?: string | undefined;
  description?: ReactNode;
  /** A note under the options, for example why one of them is disabled. */
  note?: ReactNode;
}

/** A fieldset of checkboxes; the first checkbox carries field-<name>, the error summary's target. */
export function CheckboxGroup({ name, legend, options, values, onChange, error, description, note }: CheckboxGroupProps) {
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value));
  const noteId = note ? `${fieldId(name)}-note` : undefined;
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={describedBy(name, description, error)} className="kz-fieldset">
      <FieldsetLegend>{legend}</FieldsetLegend>
      <Description name={name} description={description} />
      <ErrorText name={name} error={error} />
      {options.map((option, index) => (
        <CheckboxField
          key={option.value}
          id={index === 0 ? fieldId(name) : `${fieldId(name)}-${option.value}`}
          name={name}
          label={option.label}
          checked={values.includes(option.value)}
          onChange={(checked) => toggle(option.value, checked)}
          invalid={Boolean(error)}
          disabled={option.disabled}
          describedBy={option.disabled ? noteId : undefined}
        />
      ))}
      {note ? <FormFieldDescription id={noteId}>{note}</FormFieldDescription> : null}
    </Fieldset>
  );
}

interface RadioGroupProps<V extends string> {
  name: string;
  legend: ReactNode;
  options: ChoiceOption<V>[];
  value: V | "";
  onChange: (value: V) => void;
  error?: string | undefined;
  description?: ReactNode;
}

/** A fieldset of radio buttons; the first carries field-<name>, the error summary's target. */
export function RadioGroup<V extends string>({ name, legend, options, value, onChange, error, description }: RadioGroupProps<V>) {
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

export function TextareaField({ name, label, value, onChange, error, description, optional, maxLength, rows = 4 }: TextareaFieldProps) {
  return (
    <FormField invalid={Boolean(error)} className="kz-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={fieldId(name)}>
          <LabelText label={label} optional={optional} />
        </FormLabel>
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
          required={!optional}
          aria-describedby={describedBy(name, description, error)}
          className="kz-textarea"
        />
      </div>
    </FormField>
  );
}
