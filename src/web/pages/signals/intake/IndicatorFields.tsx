import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useState, type ReactNode } from "react";
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

/**
 * One fieldset of checkboxes per indicator group, in the catalogue's order, each in a disclosure so the
 * form stays short on a phone: closed until opened, open from the start when it holds ticked indicators
 * (a restored draft). The summary shows how many are ticked; the fieldset and its legend stay inside.
 */
export function IndicatorFields({ indicators, leads, values, onChange }: IndicatorFieldsProps) {
  const { t } = useTranslation();
  const english = currentLanguage() === "en";
  if (indicators.length === 0) return <Paragraph>{t("signalsIntake.indicators.none")}</Paragraph>;
  return (
    <div className="kz-indicator-groups">
      {indicatorGroups.map((group) => {
        const options = indicators.filter((i) => i.group === group);
        if (options.length === 0) return null;
        const lead = leads[group];
        const ticked = options.filter((i) => values.includes(i.code)).length;
        return (
          <IndicatorGroupDetails key={group} title={t(`signalsIntake.indicators.groups.${group}`)} ticked={ticked}>
            <CheckboxGroup
              name={`indicators-${group}`}
              legend={t(`signalsIntake.indicators.groups.${group}`)}
              description={lead ? (english ? lead.en : lead.nl) : undefined}
              options={options.map((i) => ({ value: i.code, label: english ? i.textEn : i.textNl }))}
              values={values}
              onChange={onChange}
            />
          </IndicatorGroupDetails>
        );
      })}
    </div>
  );
}

/** A native disclosure; its open state follows the user (unticking the last one does not close it). */
function IndicatorGroupDetails({ title, ticked, children }: { title: string; ticked: number; children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(ticked > 0);
  return (
    <details className="kz-indicator-group" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="kz-indicator-group__summary">
        {title}
        {ticked > 0 ? <span className="kz-indicator-group__count"> {t("signalsIntake.indicators.ticked", { count: ticked })}</span> : null}
      </summary>
      <div className="kz-indicator-group__body">{children}</div>
    </details>
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
