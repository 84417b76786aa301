import { Heading } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { criteria } from "./types.ts";

/** What each criterion means and whether it is computed or attested. */
export function CriteriaExplained() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="criteria-heading" className="kz-section">
      <Heading level={2} id="criteria-heading">{t("baseline.criteriaHeading")}</Heading>
      <dl className="kz-baseline-criteria">
        {criteria.map((c, i) => (
          <div key={c}>
            <dt>
              {t(`baseline.criteria.${c}`)} <span className="kz-baseline-kind">({t(`baseline.kind.${i < 3 ? "derived" : "attested"}`).toLowerCase()})</span>
            </dt>
            <dd>{t(`baseline.criteriaLong.${c}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
