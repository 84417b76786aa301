import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { RadioGroup, SelectField, TextareaField, TextField } from "../../../components/fields.tsx";
import { goalStatuses, needDomains, type Goal, type GoalStatus, type VictimFile } from "../types.ts";
import { filePath, useFile } from "./context.ts";
import { FileTable } from "./FileTable.tsx";
import { formatDay, lowerFirst, todayIso, useLabels } from "./labels.ts";
import { Disclosure, Marker, SubmitRow, SubSection } from "./parts.tsx";
import { useChecks, useFileAction } from "./useFileAction.ts";

/** Goals with a target date: open ones past it are marked "Te laat"; each can be updated, achieved or dropped. */
export function GoalsPart({ goals }: { goals: Goal[] }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const edit = file.abilities.update === true && file.status !== "closed";
  return (
    <SubSection id="goals" heading={t("careFile.goals.heading")}>
      <FileTable
        caption={t("careFile.goals.caption")}
        empty={t("careFile.goals.none")}
        items={goals}
        itemKey={(goal) => goal.id}
        columns={[
          { key: "goal", header: t("careFile.goals.goal"), cell: (goal) => goal.description },
          { key: "domain", header: t("careFile.goals.domain"), cell: (goal) => labels.domain(goal.domain) },
          {
            key: "target",
            header: t("careFile.goals.targetDate"),
            cell: (goal) => (
              <span>
                {formatDay(goal.targetDate)}
                {goal.overdue ? <> <Marker>{t("careFile.common.overdue")}</Marker></> : null}
              </span>
            ),
          },
          {
            key: "status",
            header: t("careFile.goals.status"),
            cell: (goal) =>
              goal.status === "achieved" && goal.achievedOn ? t("careFile.goals.achievedOn", { date: formatDay(goal.achievedOn) }) : labels.goalStatus(goal.status),
          },
        ]}
        edit={edit ? {
          label: t("careFile.common.edit"),
          rowLabel: (goal) => goal.description,
          panel: "goal-edit",
          form: (goal, close) => <GoalUpdateForm goal={goal} onClose={close} />,
        } : undefined}
      />
      {edit ? (
        <Disclosure id="goal-add" label={t("careFile.goals.add")}>
          {(close) => <GoalAddForm onCancel={close} />}
        </Disclosure>
      ) : null}
    </SubSection>
  );
}

const ADD_FIELDS = ["goalDomain", "goalDescription", "goalTargetDate"] as const;
const ADD_RENAME = { domain: "goalDomain", description: "goalDescription", targetDate: "goalTargetDate" };

function GoalAddForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const checks = useChecks();
  const [domain, setDomain] = useState("");
  const [description, setDescription] = useState("");
  const [targetDate, setTargetDate] = useState("");
  const l = { goalDomain: t("careFile.goals.domain"), goalDescription: t("careFile.goals.description"), goalTargetDate: t("careFile.goals.targetDate") };
  const { errors, busy, run } = useFileAction("care-plan", ADD_FIELDS, l, ADD_RENAME);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(
      {
        goalDomain: checks.choice(domain, l.goalDomain),
        goalDescription: checks.text(description, l.goalDescription),
        goalTargetDate: checks.date(targetDate, l.goalTargetDate),
      },
      () => api.post<VictimFile>(filePath(file, "goals"), { domain, description: description.trim(), targetDate }),
      t("careFile.goals.added"),
      onCancel,
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="goal-add-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <SelectField
        name="goalDomain"
        label={l.goalDomain}
        value={domain}
        onChange={setDomain}
        placeholder={t("careFile.common.choose")}
        options={needDomains.map((d) => ({ value: d, label: labels.domain(d) }))}
        error={errors.fields.goalDomain}
      />
      <TextareaField name="goalDescription" label={l.goalDescription} description={t("careFile.goals.descriptionHint")} value={description} onChange={setDescription} error={errors.fields.goalDescription} maxLength={2000} rows={2} />
      <TextField name="goalTargetDate" label={l.goalTargetDate} type="date" value={targetDate} onChange={setTargetDate} error={errors.fields.goalTargetDate} size="small" />
      <SubmitRow busy={busy} label={t("careFile.goals.addSubmit")} onCancel={onCancel} />
    </form>
  );
}

function GoalUpdateForm({ goal, onClose }: { goal: Goal; onClose: () => void }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const checks = useChecks();
  const [status, setStatus] = useState<GoalStatus>(goal.status);
  const [targetDate, setTargetDate] = useState(goal.targetDate);
  const [achievedOn, setAchievedOn] = useState(goal.achievedOn ?? todayIso());
  const f = { status: `goalStatus-${goal.id}`, targetDate: `goalTarget-${goal.id}`, achievedOn: `goalAchieved-${goal.id}` };
  const fields = useMemo(() => [`goalStatus-${goal.id}`, `goalTarget-${goal.id}`, `goalAchieved-${goal.id}`], [goal.id]);
  const l = { [f.status]: t("careFile.goals.status"), [f.targetDate]: t("careFile.goals.targetDate"), [f.achievedOn]: t("careFile.goals.achievedOnLabel") };
  const { errors, busy, run } = useFileAction("care-plan", fields, l, f);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(
      {
        [f.targetDate]: checks.date(targetDate, t("careFile.goals.targetDate")),
        [f.achievedOn]: status === "achieved" ? checks.date(achievedOn, t("careFile.goals.achievedOnLabel")) : undefined,
      },
      () => api.patch<VictimFile>(filePath(file, "goals", goal.id), { status, targetDate, ...(status === "achieved" ? { achievedOn } : {}) }),
      t("careFile.goals.updated", { status: lowerFirst(labels.goalStatus(status)) }),
      onClose,
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-label={t("careFile.goals.updateLabel", { goal: goal.description })}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <RadioGroup
        name={f.status}
        legend={t("careFile.goals.status")}
        value={status}
        onChange={setStatus}
        options={goalStatuses.map((s) => ({ value: s, label: labels.goalStatus(s) }))}
        error={errors.fields[f.status]}
      />
      <TextField name={f.targetDate} label={t("careFile.goals.targetDate")} type="date" value={targetDate} onChange={setTargetDate} error={errors.fields[f.targetDate]} size="small" />
      {status === "achieved" ? (
        <TextField name={f.achievedOn} label={t("careFile.goals.achievedOnLabel")} type="date" value={achievedOn} onChange={setAchievedOn} error={errors.fields[f.achievedOn]} size="small" />
      ) : null}
      <SubmitRow busy={busy} label={t("careFile.common.save")} onCancel={onClose} />
    </form>
  );
}
