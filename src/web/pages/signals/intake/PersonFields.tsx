import { Button, Fieldset, FieldsetLegend, Heading, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { fieldId, SelectField, TextareaField, TextField } from "../../../components/fields.tsx";
import { emptyPerson, genders, nationalities, OTHER_NATIONALITY, type PersonDraft, type PersonRole } from "./draft.ts";

interface PersonGroupsProps {
  role: PersonRole;
  persons: PersonDraft[];
  onChange: (persons: PersonDraft[]) => void;
  errors: Partial<Record<string, string>>;
}

/** Moves the focus after the list changed: to the new person's first field, or to the add button. */
function focusLater(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** Presumed victims or perpetrators: optional, repeatable groups with add and remove buttons. */
export function PersonGroups({ role, persons, onChange, errors }: PersonGroupsProps) {
  const { t } = useTranslation();
  const addId = `add-${role}`;
  const update = (index: number, patch: Partial<PersonDraft>) =>
    onChange(persons.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  const add = () => {
    onChange([...persons, emptyPerson()]);
    focusLater(fieldId(`${role}-${persons.length}-name`));
  };
  const remove = (index: number) => {
    onChange(persons.filter((_, i) => i !== index));
    focusLater(addId);
  };

  return (
    <section className="kz-form-section" aria-labelledby={`${role}-heading`}>
      <Heading level={2} id={`${role}-heading`}>
        {t(`signalsIntake.persons.${role}.heading`)}
      </Heading>
      <Paragraph>{t(`signalsIntake.persons.${role}.intro`)}</Paragraph>
      {persons.map((person, index) => {
        const prefix = `${role}-${index}`;
        const number = index + 1;
        return (
          <Fieldset key={person.key} className="kz-fieldset kz-person">
            <FieldsetLegend>{t(`signalsIntake.persons.${role}.legend`, { number })}</FieldsetLegend>
            <TextField name={`${prefix}-name`} label={t("signalsIntake.persons.name")} value={person.name} onChange={(name) => update(index, { name })} error={errors[`${prefix}-name`]} optional autoComplete="off" />
            <TextField
              name={`${prefix}-birthDate`}
              type="date"
              label={t("signalsIntake.persons.birthDate")}
              value={person.birthDate}
              onChange={(birthDate) => update(index, { birthDate })}
              error={errors[`${prefix}-birthDate`]}
              optional
              autoComplete="off"
              size="medium"
            />
            <SelectField
              name={`${prefix}-gender`}
              label={t("signalsIntake.persons.gender")}
              value={person.gender}
              onChange={(gender) => update(index, { gender })}
              placeholder={t("signalsIntake.persons.genderPlaceholder")}
              options={genders.map((g) => ({ value: g, label: t(`signalsIntake.persons.genders.${g}`) }))}
              error={errors[`${prefix}-gender`]}
              optional
            />
            <SelectField
              name={`${prefix}-nationality`}
              label={t("signalsIntake.persons.nationality")}
              value={person.nationality}
              onChange={(nationality) => update(index, { nationality })}
              placeholder={t("signalsIntake.persons.nationalityPlaceholder")}
              options={[
                ...nationalities.map((code) => ({ value: code, label: t(`signalsIntake.persons.countries.${code}`) })),
                { value: OTHER_NATIONALITY, label: t("signalsIntake.persons.nationalityOther") },
              ]}
              error={errors[`${prefix}-nationality`]}
              optional
            />
            {person.nationality === OTHER_NATIONALITY ? (
              <TextField
                name={`${prefix}-nationalityOther`}
                label={t("signalsIntake.persons.nationalityOtherLabel")}
                description={t("signalsIntake.persons.nationalityOtherDescription")}
                value={person.nationalityOther}
                onChange={(nationalityOther) => update(index, { nationalityOther })}
                error={errors[`${prefix}-nationalityOther`]}
                optional
                autoComplete="off"
                maxLength={3}
                spellCheck={false}
                size="small"
              />
            ) : null}
            <TextField
              name={`${prefix}-phone`}
              label={t("signalsIntake.persons.phone")}
              value={person.phone}
              onChange={(phone) => update(index, { phone })}
              error={errors[`${prefix}-phone`]}
              optional
              autoComplete="off"
              inputMode="text"
              maxLength={20}
              size="medium"
            />
            <TextareaField
              name={`${prefix}-description`}
              label={t("signalsIntake.persons.description")}
              description={t("signalsIntake.persons.descriptionHelp")}
              value={person.description}
              onChange={(description) => update(index, { description })}
              error={errors[`${prefix}-description`]}
              optional
              maxLength={2000}
              rows={3}
            />
            <div>
              <Button appearance="secondary-action-button" type="button" onClick={() => remove(index)}>
                {t(`signalsIntake.persons.${role}.remove`, { number })}
              </Button>
            </div>
          </Fieldset>
        );
      })}
      <div>
        <Button id={addId} appearance="secondary-action-button" type="button" onClick={add}>
          {t(`signalsIntake.persons.${role}.add`)}
        </Button>
      </div>
    </section>
  );
}
