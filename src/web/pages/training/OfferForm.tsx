import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { SelectField, TextareaField, TextField } from "../../components/fields.tsx";
import { isBlank } from "../../components/useFormErrors.ts";
import { SubmitRow } from "../care/file/parts.tsx";
import { onFields } from "../care/problems.ts";
import { useAction } from "../signals/detail/useAction.ts";
import { useTrainingLabels } from "./labels.ts";
import { offerKinds, type TrainingOffer } from "./types.ts";

const FIELDS = ["offerKind", "offerTitle", "offerProvider", "offerDescription", "offerLink"];
const RENAME: Record<string, string> = { kind: "offerKind", title: "offerTitle", provider: "offerProvider", description: "offerDescription", link: "offerLink" };

/** A training offer: its kind, title, provider (e.g. CCV), description and link. */
export function OfferForm({ municipalityId, onCancel, onSaved }: { municipalityId: string; onCancel: () => void; onSaved: (offer: TrainingOffer) => void }) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const [kind, setKind] = useState("");
  const [title, setTitle] = useState("");
  const [provider, setProvider] = useState("");
  const [description, setDescription] = useState("");
  const [link, setLink] = useState("");
  const l = {
    offerKind: t("training.offers.kind"), offerTitle: t("training.offers.title"), offerProvider: t("training.offers.provider"),
    offerDescription: t("training.offers.description"), offerLink: t("training.offers.link"),
  };
  const { errors, busy, submit } = useAction(FIELDS, l);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check = {
      offerKind: kind ? undefined : t("training.offers.chooseKind"),
      offerTitle: isBlank(title) ? t("errors.required", { field: t("training.offers.title").toLowerCase() }) : undefined,
      offerLink: link.trim() && !/^https?:\/\/\S+$/i.test(link.trim()) ? t("training.offers.linkError") : undefined,
    };
    const body = {
      municipalityId, kind, title: title.trim(),
      ...(provider.trim() ? { provider: provider.trim() } : {}),
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(link.trim() ? { link: link.trim() } : {}),
    };
    void submit(
      check,
      () => api.post<TrainingOffer>("/training-offers", body).catch((error: unknown) => Promise.reject(onFields(error, (n) => RENAME[n] ?? n, FIELDS))),
      onSaved,
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="offer-add-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <SelectField name="offerKind" label={l.offerKind} value={kind} onChange={setKind} placeholder={t("training.offers.chooseKind")}
        options={offerKinds.map((k) => ({ value: k, label: labels.kind(k) }))} error={errors.fields.offerKind} />
      <TextField name="offerTitle" label={l.offerTitle} value={title} onChange={setTitle} error={errors.fields.offerTitle} maxLength={200} />
      <TextField name="offerProvider" label={l.offerProvider} description={t("training.offers.providerDescription")} value={provider} onChange={setProvider}
        error={errors.fields.offerProvider} optional maxLength={200} size="medium" />
      <TextareaField name="offerDescription" label={l.offerDescription} value={description} onChange={setDescription} error={errors.fields.offerDescription} optional maxLength={5000} rows={3} />
      <TextField name="offerLink" label={l.offerLink} description={t("training.offers.linkDescription")} value={link} onChange={setLink} error={errors.fields.offerLink}
        optional maxLength={500} inputMode="text" />
      <SubmitRow busy={busy} label={t("training.offers.submitAdd")} onCancel={onCancel} />
    </form>
  );
}
