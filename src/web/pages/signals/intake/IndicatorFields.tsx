import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { CheckboxGroup } from "../../../components/fields.tsx";
import { currentLanguage } from "../../../i18n/i18n.ts";
import { formatList } from "../../../i18n/format.ts";
import { indicatorGroups, suggestedForms, type GroupLeads, type IndicatorOption } from "./catalogue.ts";

interface IndicatorFieldsProps {
  indicators: IndicatorOption[];
  leads: GroupLeads;
  values: string[];
  onChange: (values: string[]) => void;
}

/** One fieldset of checkboxes per indicator group, in the catalogue's order. */
export function IndicatorFields({ indicators, leads, values, onChange }: IndicatorFieldsProps) {
  const { t } = useTranslation();
  const english = currentLanguage() === "en";
  if (indicators.length === 0) return <Paragraph>{t("signalsIntake.indicators.none")}</Paragraph>;
  return (
    <>
      {indicatorGroups.map((group) => {
        const options = indicators.filter((i) => i.group === group);
        if (options.length === 0) return null;
        const lead = leads[group];
        return (
          <CheckboxGroup
            key={group}
            name={`indicators-${group}`}
            legend={t(`signalsIntake.indicators.groups.${group}`)}
            description={lead ? (english ? lead.en : lead.nl) : undefined}
            options={options.map((i) => ({ value: i.code, label: english ? i.textEn : i.textNl }))}
            values={values}
            onChange={onChange}
          />
        );
      })}
    </>
  );
}

/**
 * What the ticked indicators point to, updated while ticking (announced politely), and always the
 * caution that this is a pointer and never a verdict.
 */
export function IndicatorHint({ indicators, values }: { indicators: IndicatorOption[]; values: string[] }) {
  const { t } = useTranslation();
  const forms = suggestedForms(indicators, values);
  return (
    <aside className="kz-indicator-hint" aria-labelledby="indicator-hint-title">
      <Heading level={3} id="indicator-hint-title" className="kz-indicator-hint__title">
        {t("signalsIntake.hint.title")}
      </Heading>
      <Paragraph aria-live="polite" aria-atomic="true">
        {forms.length > 0
          ? t("signalsIntake.hint.points", { forms: formatList(forms.map((f) => t(`signalsIntake.hint.forms.${f}`))) })
          : t("signalsIntake.hint.none")}
      </Paragraph>
      <Paragraph>{t("signalsIntake.hint.weak")}</Paragraph>
    </aside>
  );
}
