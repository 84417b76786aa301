import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { TextField } from "../../components/fields.tsx";
import { SubmitRow } from "../care/file/parts.tsx";
import { onFields } from "../care/problems.ts";
import { useAction } from "../signals/detail/useAction.ts";
import type { SessionSummary } from "./types.ts";

const FIELDS = ["sessionStartsOn", "sessionEndsOn", "sessionPlace"];
const RENAME: Record<string, string> = { startsOn: "sessionStartsOn", endsOn: "sessionEndsOn", place: "sessionPlace" };

/** A session of an offer: its first (and last) day and its place. */
export function SessionForm({ offerId, onCancel, onSaved }: { offerId: string; onCancel: () => void; onSaved: (session: SessionSummary) => void }) {
  const { t } = useTranslation();
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [place, setPlace] = useState("");
  const l = { sessionStartsOn: t("training.offer.startsOn"), sessionEndsOn: t("training.offer.endsOn"), sessionPlace: t("training.offer.place") };
  const { errors, busy, submit } = useAction(FIELDS, l);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check = { sessionStartsOn: startsOn ? undefined : t("careFile.errors.date", { field: t("training.offer.startsOn").toLowerCase() }) };
    const body = { startsOn, ...(endsOn ? { endsOn } : {}), ...(place.trim() ? { place: place.trim() } : {}) };
    void submit(
      check,
      () => api.post<SessionSummary>(`/training-offers/${offerId}/sessions`, body).catch((error: unknown) => Promise.reject(onFields(error, (n) => RENAME[n] ?? n, FIELDS))),
      onSaved,
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="session-add-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextField name="sessionStartsOn" label={l.sessionStartsOn} type="date" value={startsOn} onChange={setStartsOn} error={errors.fields.sessionStartsOn} size="small" />
      <TextField name="sessionEndsOn" label={l.sessionEndsOn} description={t("training.offer.endsOnDescription")} type="date" value={endsOn} onChange={setEndsOn}
        error={errors.fields.sessionEndsOn} optional size="small" />
      <TextField name="sessionPlace" label={l.sessionPlace} description={t("training.offer.placeDescription")} value={place} onChange={setPlace}
        error={errors.fields.sessionPlace} optional maxLength={300} size="medium" />
      <SubmitRow busy={busy} label={t("training.offer.submitSession")} onCancel={onCancel} />
    </form>
  );
}
