import { Button, Paragraph } from "@utrecht/component-library-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { isBlank } from "../../components/useFormErrors.ts";
import { SubmitRow } from "../care/file/parts.tsx";
import { onFields } from "../care/problems.ts";
import { useAction } from "../signals/detail/useAction.ts";
import { useTrainingLabels } from "./labels.ts";
import { completions, type Participant, type TrainingSession, type TrainingTeam } from "./types.ts";

const FIELDS = ["participantName", "participantTeam", "participantEmail", "participantCompletion", "participantCompletedOn"];
const RENAME: Record<string, string> = {
  name: "participantName", teamId: "participantTeam", email: "participantEmail", completion: "participantCompletion", completedOn: "participantCompletedOn",
};

/** One participant by hand: name, team, e-mail, result and (when it differs from the session) the day. */
export function ParticipantForm({ session, teams, onCancel, onSaved }: {
  session: TrainingSession; teams: readonly TrainingTeam[]; onCancel: () => void; onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const [name, setName] = useState("");
  const [teamId, setTeamId] = useState("");
  const [email, setEmail] = useState("");
  const [completion, setCompletion] = useState<string>(session.offer.kind === "e_learning" ? "completed" : "attended");
  const [completedOn, setCompletedOn] = useState("");
  const l = {
    participantName: t("training.session.name"), participantTeam: t("training.session.team"), participantEmail: t("training.session.email"),
    participantCompletion: t("training.session.completion"), participantCompletedOn: t("training.session.completedOn"),
  };
  const { errors, busy, submit } = useAction(FIELDS, l);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check = {
      participantName: isBlank(name) ? t("errors.required", { field: t("training.session.name").toLowerCase() }) : undefined,
      participantTeam: teamId ? undefined : t("training.teams.chooseTeam"),
    };
    const body = { name: name.trim(), teamId, completion, ...(email.trim() ? { email: email.trim() } : {}), ...(completedOn ? { completedOn } : {}) };
    void submit(
      check,
      () => api.post<TrainingSession>(`/training-sessions/${session.id}/participants`, body).catch((error: unknown) => Promise.reject(onFields(error, (n) => RENAME[n] ?? n, FIELDS))),
      () => onSaved(t("training.session.added", { name: body.name })),
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="participant-add-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextField name="participantName" label={l.participantName} value={name} onChange={setName} error={errors.fields.participantName} maxLength={200} autoComplete="off" />
      <SelectField name="participantTeam" label={l.participantTeam} value={teamId} onChange={setTeamId} placeholder={t("training.teams.chooseTeam")}
        options={teams.map((team) => ({ value: team.id, label: team.name }))} error={errors.fields.participantTeam} />
      <TextField name="participantEmail" label={l.participantEmail} type="email" value={email} onChange={setEmail} error={errors.fields.participantEmail} optional
        autoComplete="off" maxLength={254} />
      <SelectField name="participantCompletion" label={l.participantCompletion} value={completion} onChange={setCompletion}
        options={completions.map((c) => ({ value: c, label: labels.completion(c) }))} error={errors.fields.participantCompletion} />
      <TextField name="participantCompletedOn" label={l.participantCompletedOn} description={t("training.session.completedOnDescription")} type="date"
        value={completedOn} onChange={setCompletedOn} error={errors.fields.participantCompletedOn} optional size="small" />
      <SubmitRow busy={busy} label={t("training.session.submitAdd")} onCancel={onCancel} />
    </form>
  );
}

/** Corrects a participant's result. */
export function CompletionForm({ participant, onCancel, onSaved, onRemove, removing }: {
  participant: Participant; onCancel: () => void; onSaved: (message: string) => void; onRemove: () => void; removing: boolean;
}) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const field = `completion-${participant.id}`;
  const [completion, setCompletion] = useState<string>(participant.completion);
  const l = { [field]: t("training.session.completion") };
  const { errors, busy, submit } = useAction([field], l);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      {},
      () => api.patch<TrainingSession>(`/training-participants/${participant.id}`, { completion }).catch((error: unknown) => Promise.reject(onFields(error, (n) => (n === "completion" ? field : n), [field]))),
      () => onSaved(t("training.session.saved", { name: participant.name })),
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form" aria-label={`${t("training.session.change")}: ${participant.name}`}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <SelectField name={field} label={l[field]} value={completion} onChange={setCompletion}
        options={completions.map((c) => ({ value: c, label: labels.completion(c) }))} error={errors.fields[field]} />
      <SubmitRow busy={busy} label={t("training.session.submitChange")} onCancel={onCancel} />
      <Paragraph className="kz-training-remove">
        <Button appearance="subtle-button" className="kz-training-inline-button" busy={removing} disabled={removing || busy}
          aria-label={t("training.session.removeLabel", { name: participant.name })} onClick={onRemove}>
          {t("training.session.remove")}
        </Button>
      </Paragraph>
    </form>
  );
}
