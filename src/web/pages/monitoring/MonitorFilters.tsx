import { ButtonGroup, PrimaryActionButton } from "@utrecht/component-library-react";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxField, fieldId, RadioGroup, SelectField, TextField } from "../../components/fields.tsx";
import { AppLink } from "../../components/links.tsx";
import type { FieldErrors } from "../../components/useFormErrors.ts";
import { paramsFrom, quickPeriod, quickPeriods } from "./period.ts";
import { MONITOR_PATH, type Filters, type MonitorAreaChoice, type Variant } from "./types.ts";

/** Every filter has a default (the server's), and saying "niet verplicht" after each label would only add noise. */
const filterField = { optional: true, markOptional: false } as const;

interface MonitorFiltersProps {
  draft: Filters;
  onChange: (draft: Filters) => void;
  onSubmit: (event: FormEvent) => void;
  areas: MonitorAreaChoice[];
  errors: FieldErrors;
  threshold: number;
  /** The period now shown, to mark the quick choice that matches it. */
  shown: { from: string; to: string } | null;
}

export const areaValue = (area: { id: string | null }) => area.id ?? "all";

/** The filters as they may be sent: the variant only where the chosen area offers the choice. */
export function usable(draft: Filters, areas: MonitorAreaChoice[]): Filters {
  const value = draft.area || (areas[0] ? areaValue(areas[0]) : "");
  const area = areas.find((a) => areaValue(a) === value);
  return { ...draft, variant: area?.exact === true ? draft.variant : "" };
}

/**
 * The dashboard's filters as a GET form: area, period (with quick choices that are plain links, so they can be
 * shared and opened in a new tab), the comparison with a year earlier and, where the user may see exact
 * numbers, the choice between the internal figures and the publication version.
 */
export function MonitorFilters({ draft, onChange, onSubmit, areas, errors, threshold, shown }: MonitorFiltersProps) {
  const { t } = useTranslation();
  const set = <K extends keyof Filters>(name: K) => (value: Filters[K]) => onChange({ ...draft, [name]: value });
  // Without an area in the URL or the dashboard (say after an error), the server's default is the first choice.
  const shownArea = draft.area || (areas[0] ? areaValue(areas[0]) : "");
  const chosenArea = areas.find((a) => areaValue(a) === shownArea);
  const mayChooseVariant = chosenArea?.exact === true;

  return (
    <form method="get" action={MONITOR_PATH} noValidate onSubmit={onSubmit} aria-label={t("monitoring.filters.label")} className="kz-monitor-filters">
      <div className="kz-filters kz-filters--grid">
        <SelectField
          name="area"
          label={t("monitoring.filters.area")}
          value={shownArea}
          onChange={set("area")}
          options={areas.map((a) => ({ value: areaValue(a), label: a.name }))}
          error={errors.area}
          {...filterField}
        />
        <TextField name="from" type="date" label={t("monitoring.filters.from")} value={draft.from} onChange={set("from")} error={errors.from} size="medium" {...filterField} />
        <TextField name="to" type="date" label={t("monitoring.filters.to")} value={draft.to} onChange={set("to")} error={errors.to} size="medium" {...filterField} />
      </div>
      <div className="kz-monitor-quick">
        <span id={fieldId("quick")} className="kz-monitor-quick__label">
          {t("monitoring.filters.quick")}:
        </span>
        <ul className="kz-monitor-quick__list" aria-labelledby={fieldId("quick")}>
          {quickPeriods.map((kind) => {
            const period = quickPeriod(kind);
            const current = shown?.from === period.from && shown.to === period.to;
            return (
              <li key={kind}>
                <AppLink to={`${MONITOR_PATH}?${paramsFrom({ ...usable(draft, areas), ...period }).toString()}`} aria-current={current ? "true" : undefined}>
                  {t(`monitoring.filters.${kind}`)}
                </AppLink>
              </li>
            );
          })}
        </ul>
      </div>
      <CheckboxField
        id={fieldId("compare")}
        name="compare"
        label={t("monitoring.filters.compare")}
        checked={draft.compare}
        onChange={set("compare")}
        error={errors.compare}
      />
      {/* Without a choice the server shows the exact figures to whoever may see them: the radio says so. */}
      {mayChooseVariant ? (
        <RadioGroup<Variant>
          name="variant"
          legend={t("monitoring.filters.variant")}
          value={draft.variant || "internal"}
          onChange={set("variant")}
          error={errors.variant}
          options={[
            { value: "internal", label: t("monitoring.filters.variantInternal"), description: t("monitoring.filters.variantInternalHint") },
            { value: "published", label: t("monitoring.filters.variantPublished"), description: t("monitoring.filters.variantPublishedHint", { threshold }) },
          ]}
        />
      ) : null}
      <ButtonGroup className="kz-filters__actions">
        <PrimaryActionButton type="submit">{t("monitoring.filters.apply")}</PrimaryActionButton>
        <AppLink to={MONITOR_PATH}>{t("monitoring.filters.reset")}</AppLink>
      </ButtonGroup>
    </form>
  );
}
