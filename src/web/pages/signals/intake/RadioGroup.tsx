import { Fieldset, FieldsetLegend, FormField, FormFieldErrorMessage, FormLabel, RadioButton } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { fieldId } from "../../../components/fields.tsx";

interface RadioGroupProps<V extends string> {
  name: string;
  legend: ReactNode;
  options: { value: V; label: string }[];
  value: V;
  onChange: (value: V) => void;
  error?: string | undefined;
}

/** A fieldset of radio buttons; the first carries field-<name>, the error summary's target. */
export function RadioGroup<V extends string>({ name, legend, options, value, onChange, error }: RadioGroupProps<V>) {
  const errorId = `${fieldId(name)}-error`;
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={error ? errorId : undefined} className="kz-fieldset">
      <FieldsetLegend>{legend}</FieldsetLegend>
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      {options.map((option, index) => {
        const id = index === 0 ? fieldId(name) : `${fieldId(name)}-${option.value}`;
        return (
          <FormField key={option.value} type="radio" className="kz-field kz-field--radio">
            <div className="utrecht-form-field__input">
              <RadioButton id={id} name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            </div>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor={id} type="radio" checked={value === option.value}>
                {option.label}
              </FormLabel>
            </div>
          </FormField>
        );
      })}
    </Fieldset>
  );
}
