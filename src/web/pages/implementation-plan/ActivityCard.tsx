import { DataList, Heading, Paragraph } from "@utrecht/component-library-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { SelectField, TextareaField, TextField } from "../../components/fields.tsx";
import { FileTable } from "../care/file/FileTable.tsx";
import { formatDay, todayIso } from "../care/file/labels.ts";
import { Disclosure, Item, Marker, SubmitRow } from "../care/file/parts.tsx";
import { useAction } from "../signals/detail/useAction.ts";
import { usePlanLabels } from "./labels.ts";
import type { PlanChanged } from "./PlanPage.tsx";
import type { Activity, Plan } from "./types.ts";

/**
 * One activity (h4): intended result, responsible organisation and partners, lead time, status (and whether it
 * is past its end date), its budget per year and its progress, newest first; for the plan's keepers a status
 * change and a progress note, each behind its own toggle.
 */
export function ActivityCard({ activity: a, editable, onChanged }: { activity: Activity; editable: boolean; onChanged: PlanChanged }) {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  const headingId = `activity-${a.id}-heading`;
  return (
    <article aria-labelledby={headingId} className="kz-plan-activity">
      <Heading level={4} id={headingId}>{t("implementationPlan.activity.heading", { code: a.code, title: a.title })}</Heading>
      <DataList className="kz-datalist">
        {a.intendedResult ? <Item label={t("implementationPlan.activity.intendedResult")}>{a.intendedResult}</Item> : null}
        <Item label={t("implementationPlan.activity.responsible")}>{a.responsibleOrganisation.name}</Item>
        <Item label={t("implementationPlan.activity.partners")}>{a.partners.length ? a.partners.map((p) => p.name).join(", ") : t("implementationPlan.activity.noPartners")}</Item>
        <Item label={t("implementationPlan.activity.leadTime")}>{labels.leadTime(a)}</Item>
        <Item label={t("implementationPlan.activity.status")}>
          {labels.status(a.status)}
          {a.overdue ? <> <Marker>{t("implementationPlan.activity.overdue")}</Marker></> : null}
        </Item>
      </DataList>
      {a.budget.length === 0 ? (
        <Paragraph>{t("implementationPlan.activity.noBudget")}</Paragraph>
      ) : (
        <FileTable
          caption={t("implementationPlan.activity.budgetCaption", { code: a.code })}
          items={a.budget}
          itemKey={(b) => String(b.year)}
          columns={[
            { key: "year", header: t("implementationPlan.plan.year"), cell: (b) => String(b.year) },
            { key: "costs", header: t("implementationPlan.plan.costs"), cell: (b) => <span className="kz-plan-amount">{labels.euro(b.costs)}</span> },
            { key: "cover", header: t("implementationPlan.plan.cover"), cell: (b) => <span className="kz-plan-amount">{labels.euro(b.cover)}</span> },
            { key: "source", header: t("implementationPlan.activity.coverSource"), cell: (b) => [b.coverSource ? labels.coverSource(b.coverSource) : "—", b.coverNote].filter(Boolean).join(", ") },
          ]}
        />
      )}
      <Heading level={5} className="kz-plan-progress-heading">{t("implementationPlan.activity.progress")}</Heading>
      {a.progress.length === 0 ? (
        <Paragraph>{t("implementationPlan.activity.noProgress")}</Paragraph>
      ) : (
        <ul className="kz-plan-progress">
          {a.progress.map((p) => (
            <li key={p.id}>
              <span className="kz-plan-progress-text">
                {p.kind === "note" ? p.note : t("implementationPlan.activity.statusChange", { from: p.statusFrom ? labels.status(p.statusFrom) : "—", to: p.statusTo ? labels.status(p.statusTo) : "—" })}
              </span>
              <span className="kz-plan-progress-meta">
                {t("implementationPlan.activity.noteBy", { date: formatDay(p.notedOn), author: p.authorName ?? "—", organisation: p.authorOrganisationName })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <div className="kz-plan-activity-actions">
          {a.nextStatuses.length > 0 ? (
            <Disclosure id={`status-${a.id}`} label={t("implementationPlan.activity.changeStatus", { code: a.code })}>
              {(close) => <StatusForm activity={a} onCancel={close} onDone={(plan, message) => { close(); onChanged(plan, message); }} />}
            </Disclosure>
          ) : null}
          <Disclosure id={`progress-${a.id}`} label={t("implementationPlan.activity.addProgress", { code: a.code })}>
            {(close) => <ProgressForm activity={a} onCancel={close} onDone={(plan, message) => { close(); onChanged(plan, message); }} />}
          </Disclosure>
        </div>
      ) : null}
    </article>
  );
}

type Done = (plan: Plan, message: string) => void;

function StatusForm({ activity: a, onCancel, onDone }: { activity: Activity; onCancel: () => void; onDone: Done }) {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  const name = `status-${a.id}-value`;
  const [status, setStatus] = useState("");
  const label = t("implementationPlan.activity.newStatus");
  const { errors, busy, submit } = useAction([name], { [name]: label }, { status: name });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      { [name]: status ? undefined : t("careFile.errors.choose", { field: label.toLowerCase() }) },
      () => api.patch<Plan>(`/plan-activities/${a.id}`, { status }),
      (plan) => onDone(plan, t("implementationPlan.activity.statusChanged", { code: a.code, status: labels.status(status as Activity["status"]) })),
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby={`status-${a.id}-toggle`}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <SelectField
        name={name}
        label={label}
        value={status}
        onChange={setStatus}
        placeholder={t("implementationPlan.activity.chooseStatus")}
        options={a.nextStatuses.map((s) => ({ value: s, label: labels.status(s) }))}
        error={errors.fields[name]}
      />
      <SubmitRow busy={busy} label={t("implementationPlan.activity.submitStatus")} onCancel={onCancel} />
    </form>
  );
}

function ProgressForm({ activity: a, onCancel, onDone }: { activity: Activity; onCancel: () => void; onDone: Done }) {
  const { t } = useTranslation();
  const noteName = `progress-${a.id}-note`;
  const dateName = `progress-${a.id}-date`;
  const [note, setNote] = useState("");
  const [notedOn, setNotedOn] = useState(todayIso());
  const l = { [noteName]: t("implementationPlan.activity.note"), [dateName]: t("implementationPlan.activity.notedOn") };
  const { errors, busy, submit } = useAction([noteName, dateName], l, { note: noteName, notedOn: dateName });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      {
        [noteName]: note.trim() ? undefined : t("errors.required", { field: (l[noteName] ?? "").toLowerCase() }),
        [dateName]: notedOn ? undefined : t("careFile.errors.date", { field: (l[dateName] ?? "").toLowerCase() }),
      },
      () => api.post<Plan>(`/plan-activities/${a.id}/progress-notes`, { note: note.trim(), notedOn }),
      (plan) => onDone(plan, t("implementationPlan.activity.progressAdded", { code: a.code })),
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby={`progress-${a.id}-toggle`}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextareaField name={noteName} label={l[noteName]} value={note} onChange={setNote} error={errors.fields[noteName]} maxLength={5000} rows={3} />
      <TextField name={dateName} label={l[dateName]} type="date" value={notedOn} onChange={setNotedOn} error={errors.fields[dateName]} size="small" />
      <SubmitRow busy={busy} label={t("implementationPlan.activity.submitProgress")} onCancel={onCancel} />
    </form>
  );
}
