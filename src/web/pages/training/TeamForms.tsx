import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { isBlank } from "../../components/useFormErrors.ts";
import { formatDay } from "../care/file/labels.ts";
import { SubmitRow } from "../care/file/parts.tsx";
import { onFields } from "../care/problems.ts";
import { useAction } from "../signals/detail/useAction.ts";
import { useTrainingLabels } from "./labels.ts";
import type { TrainingTeam } from "./types.ts";

const wholeNumber = (value: string, min: number, max: number) => /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max;

/** Adds a team, or changes one's name and staff count. Field ids carry the team, so two open forms never clash. */
export function TeamForm({ municipalityId, team, onCancel, onSaved }: {
  municipalityId: string; team?: { id: string; name: string; staffCount: number }; onCancel: () => void; onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const key = team ? `team-${team.id}` : "team-new";
  const [name, setName] = useState(team?.name ?? "");
  const [staff, setStaff] = useState(team ? String(team.staffCount) : "");
  const f = { name: `${key}-name`, staffCount: `${key}-staff` };
  const l = { [f.name]: t("training.teams.name"), [f.staffCount]: t("training.teams.staffCount") };
  const fields = [f.name, f.staffCount];
  const { errors, busy, submit } = useAction(fields, l);
  const rename = (n: string) => (n === "name" ? f.name : n === "staffCount" ? f.staffCount : n);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check = {
      [f.name]: isBlank(name) ? t("errors.required", { field: t("training.teams.name").toLowerCase() }) : undefined,
      [f.staffCount]: wholeNumber(staff, 1, 100_000) ? undefined : t("training.teams.staffCountError"),
    };
    const body = { name: name.trim(), staffCount: Number(staff) };
    void submit(
      check,
      () => (team ? api.patch<TrainingTeam>(`/training-teams/${team.id}`, body) : api.post<TrainingTeam>("/training-teams", { ...body, municipalityId }))
        .catch((error: unknown) => Promise.reject(onFields(error, rename, fields))),
      (saved) => onSaved(t(team ? "training.teams.saved" : "training.teams.added", { name: saved.name })),
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-label={team ? `${t("training.teams.edit")}: ${team.name}` : t("training.teams.add")}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextField name={f.name} label={l[f.name]} description={t("training.teams.nameDescription")} value={name} onChange={setName} error={errors.fields[f.name]} maxLength={120} size="medium" />
      <TextField name={f.staffCount} label={l[f.staffCount]} inputMode="numeric" value={staff} onChange={setStaff} error={errors.fields[f.staffCount]} size="small" />
      <SubmitRow busy={busy} label={team ? t("training.teams.submitEdit") : t("training.teams.submitAdd")} onCancel={onCancel} />
    </form>
  );
}

/** Sets a target for a team: a share trained by a date. */
export function TargetForm({ teams, onCancel, onSaved }: { teams: readonly { id: string; name: string }[]; onCancel: () => void; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const [teamId, setTeamId] = useState("");
  const [percent, setPercent] = useState("");
  const [dueOn, setDueOn] = useState("");
  const l = { targetTeam: t("training.teams.targetTeam"), targetPercent: t("training.teams.targetPercent"), targetDueOn: t("training.teams.dueOn") };
  const fields = ["targetTeam", "targetPercent", "targetDueOn"];
  const { errors, busy, submit } = useAction(fields, l);
  const rename = (n: string) => ({ teamId: "targetTeam", targetPercent: "targetPercent", dueOn: "targetDueOn" })[n] ?? n;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check = {
      targetTeam: teamId ? undefined : t("training.teams.chooseTeam"),
      targetPercent: wholeNumber(percent, 1, 100) ? undefined : t("training.teams.targetPercentError"),
      targetDueOn: dueOn ? undefined : t("careFile.errors.date", { field: t("training.teams.dueOn").toLowerCase() }),
    };
    void submit(
      check,
      () => api.post<{ team: string; targetPercent: number; dueOn: string }>("/training-targets", { teamId, targetPercent: Number(percent), dueOn })
        .catch((error: unknown) => Promise.reject(onFields(error, rename, fields))),
      (target) => onSaved(t("training.teams.targetAdded", { percent: labels.percent(target.targetPercent), team: target.team, date: formatDay(target.dueOn) })),
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="target-add-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <SelectField name="targetTeam" label={l.targetTeam} value={teamId} onChange={setTeamId} placeholder={t("training.teams.chooseTeam")}
        options={teams.map((team) => ({ value: team.id, label: team.name }))} error={errors.fields.targetTeam} />
      <TextField name="targetPercent" label={l.targetPercent} description={t("training.teams.targetPercentDescription")} inputMode="numeric" value={percent}
        onChange={setPercent} error={errors.fields.targetPercent} size="small" />
      <TextField name="targetDueOn" label={l.targetDueOn} type="date" value={dueOn} onChange={setDueOn} error={errors.fields.targetDueOn} size="small" />
      <SubmitRow busy={busy} label={t("training.teams.submitTarget")} onCancel={onCancel} />
    </form>
  );
}
