import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { Disclosure } from "../care/file/parts.tsx";
import { ActivityCard } from "./ActivityCard.tsx";
import { ActivityForm } from "./ActivityForm.tsx";
import type { PlanChanged } from "./PlanPage.tsx";
import type { ActionLine, Plan } from "./types.ts";

/** One action line (h3) with its goal and its activities; the plan's keepers add activities to it. */
export function ActionLineSection({ plan, line, editable, onChanged }: { plan: Plan; line: ActionLine; editable: boolean; onChanged: PlanChanged }) {
  const { t } = useTranslation();
  const headingId = `line-${line.number}-heading`;
  return (
    <section aria-labelledby={headingId} className="kz-plan-line">
      <Heading level={3} id={headingId}>{t("implementationPlan.line.heading", { number: line.number, title: line.title })}</Heading>
      {line.goal ? <Paragraph className="kz-prose">{line.goal}</Paragraph> : null}
      {line.activities.length === 0 ? <Paragraph>{t("implementationPlan.line.noActivities")}</Paragraph> : null}
      {line.activities.map((activity) => (
        <ActivityCard key={activity.id} activity={activity} editable={editable} onChanged={onChanged} />
      ))}
      {editable ? (
        <Disclosure id={`activity-add-${line.number}`} label={t("implementationPlan.line.addActivity", { number: line.number })}>
          {(close) => <ActivityForm plan={plan} line={line} onCancel={close} onAdded={(next, message) => { close(); onChanged(next, message); }} />}
        </Disclosure>
      ) : null}
    </section>
  );
}
