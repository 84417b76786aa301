import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { SelectField, TextareaField, TextField } from "../../../components/fields.tsx";
import type { FieldErrors } from "../../../components/useFormErrors.ts";
import { nationalities, OTHER_NATIONALITY } from "../../signals/intake/draft.ts";
import { ageGroups, genders } from "../types.ts";
import type { OpenDraft } from "./form.ts";

interface Props {
  draft: OpenDraft;
  update: (patch: Partial<OpenDraft>) => void;
  errors: FieldErrors;
  fromReferral: boolean;
}

/** Who the file is about: all optional; from a referral, an empty field takes the referral's value. */
export function PersonFields({ draft, update, errors, fromReferral }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="person-heading" className="kz-care-form-section">
      <Heading level={2} id="person-heading">{t("careOverview.open.person.heading")}</Heading>
      <Paragraph>{fromReferral ? t("careOverview.open.person.introReferral") : t("careOverview.open.person.intro")}</Paragraph>
      <TextField
        name="name"
        label={t("careOverview.open.person.name")}
        value={draft.name}
        onChange={(name) => update({ name })}
        error={errors.name}
        optional
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
      />
      <TextField
        name="birthDate"
        type="date"
        label={t("careOverview.open.person.birthDate")}
        value={draft.birthDate}
        onChange={(birthDate) => update({ birthDate })}
        error={errors.birthDate}
        optional
        autoComplete="off"
        size="medium"
      />
      {!draft.birthDate ? (
        <SelectField
          name="ageGroup"
          label={t("careOverview.open.person.ageGroup")}
          description={t("careOverview.open.person.ageGroupDescription")}
          value={draft.ageGroup}
          onChange={(ageGroup) => update({ ageGroup })}
          placeholder={t("careOverview.open.person.ageGroupPlaceholder")}
          options={ageGroups.filter((g) => g !== "unknown").map((g) => ({ value: g, label: t(`careOverview.codes.ageGroup.${g}`) }))}
          error={errors.ageGroup}
          optional
        />
      ) : null}
      <SelectField
        name="gender"
        label={t("careOverview.open.person.gender")}
        value={draft.gender}
        onChange={(gender) => update({ gender })}
        placeholder={t("careOverview.open.person.genderPlaceholder")}
        options={genders.filter((g) => g !== "unknown").map((g) => ({ value: g, label: t(`careOverview.codes.gender.${g}`) }))}
        error={errors.gender}
        optional
      />
      <SelectField
        name="nationality"
        label={t("careOverview.open.person.nationality")}
        value={draft.nationality}
        onChange={(nationality) => update({ nationality })}
        placeholder={t("signalsIntake.persons.nationalityPlaceholder")}
        options={[
          ...nationalities.map((code) => ({ value: code, label: t(`signalsIntake.persons.countries.${code}`) })),
          { value: OTHER_NATIONALITY, label: t("signalsIntake.persons.nationalityOther") },
        ]}
        error={errors.nationality}
        optional
      />
      {draft.nationality === OTHER_NATIONALITY ? (
        <TextField
          name="nationalityOther"
          label={t("careOverview.open.person.nationalityOtherLabel")}
          description={t("careOverview.open.person.nationalityOtherDescription")}
          value={draft.nationalityOther}
          onChange={(nationalityOther) => update({ nationalityOther })}
          error={errors.nationalityOther}
          autoComplete="off"
          spellCheck={false}
          maxLength={3}
          size="small"
        />
      ) : null}
      <TextField
        name="languages"
        label={t("careOverview.open.person.languages")}
        description={t("careOverview.open.person.languagesDescription")}
        value={draft.languages}
        onChange={(languages) => update({ languages })}
        error={errors.languages}
        optional
        autoComplete="off"
        spellCheck={false}
        size="medium"
      />
      <TextField
        name="phone"
        label={t("careOverview.open.person.phone")}
        value={draft.phone}
        onChange={(phone) => update({ phone })}
        error={errors.phone}
        optional
        autoComplete="off"
        size="medium"
      />
      <TextareaField
        name="contact"
        label={t("careOverview.open.person.contact")}
        value={draft.contact}
        onChange={(contact) => update({ contact })}
        error={errors.contact}
        optional
        maxLength={1000}
        rows={3}
      />
    </section>
  );
}
