import { useTranslation } from "react-i18next";
import { detailText, stateText } from "./labels.ts";
import type { CriterionView } from "./types.ts";

/** A criterion's state in words (never colour alone), with the figures behind it for a derived one. */
export function StateCell({ criterion }: { criterion: CriterionView }) {
  const { t } = useTranslation();
  const text = stateText(t, criterion);
  const detail = detailText(t, criterion);
  return (
    <span className={`kz-baseline-state kz-baseline-state--${criterion.state}`}>
      {criterion.state === "met" ? <strong>{text}</strong> : criterion.state === "not_met" ? <strong className="kz-baseline-flag">{text}</strong> : <span>{text}</span>}
      {detail ? <span className="kz-baseline-detail">{detail}</span> : null}
    </span>
  );
}
