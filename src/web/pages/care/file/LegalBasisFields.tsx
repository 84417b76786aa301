import { Fieldset, FieldsetLegend, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { SelectField, TextareaField } from "../../../components/fields.tsx";
import { legalBases } from "../types.ts";
import { useLabels } from "./labels.ts";

/**
 * The legal basis for sharing without consent (AVG art. 6 and 9, Jeugdwet, Wetboek van Strafvordering) and
 * its explanation. Shown only when the coordinator chooses it, or after the server said consent is missing.
 */
export function LegalBasisFields(props: {
  prefix: string;
  basis: string;
  setBasis: (value: string) => void;
  note: string;
  setNote: (value: string) => void;
  errors: Partial<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { prefix } = props;
  return (
    <Fieldset className="kz-fieldset kz-file-basis">
      <FieldsetLegend>{t("careFile.basis.legend")}</FieldsetLegend>
      <Paragraph>{t("careFile.basis.intro")}</Paragraph>
      <SelectField
        name={`${prefix}LegalBasis`}
        label={t("careFile.basis.legalBasis")}
        value={props.basis}
        onChange={props.setBasis}
        placeholder={t("careFile.basis.choose")}
        options={legalBases.map((b) => ({ value: b, label: labels.legalBasis(b) }))}
        error={props.errors[`${prefix}LegalBasis`]}
      />
      <TextareaField
        name={`${prefix}LegalBasisNote`}
        label={t("careFile.basis.note")}
        description={t("careFile.basis.noteDescription")}
        value={props.note}
        onChange={props.setNote}
        error={props.errors[`${prefix}LegalBasisNote`]}
        maxLength={2000}
        rows={3}
      />
    </Fieldset>
  );
}

/** The API's names of the basis fields mapped onto a form's own ids. */
export const basisRename = (prefix: string) => ({ legalBasis: `${prefix}LegalBasis`, legalBasisNote: `${prefix}LegalBasisNote` });
