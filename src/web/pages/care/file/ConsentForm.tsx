import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { CheckboxField, RadioGroup, SelectField, TextareaField, TextField } from "../../../components/fields.tsx";
import { consentPurposes, consentRecordings, consentStatuses, isCode, teamPurposes, type ConsentPurpose, type ConsentStatus, type VictimFile } from "../types.ts";
import { filePath, useFile } from "./context.ts";
import { lowerFirst, todayIso, useLabels } from "./labels.ts";
import { SubmitRow } from "./parts.tsx";
import { useChecks, useFileAction } from "./useFileAction.ts";

/** CoMensha is a party outside Ketenzicht; the server takes it as the default party for its registration. */
const COMENSHA = "CoMensha";

const FIELDS = [
  "consentPurpose", "consentPartyKind", "consentParty", "consentPartyName", "consentStatus", "consentDecidedOn", "consentValidUntil",
  "consentRecordedHow", "consentInterpreter", "consentNote",
] as const;
const RENAME = {
  purpose: "consentPurpose", partyOrganisationId: "consentParty", partyName: "consentPartyName", status: "consentStatus", decidedOn: "consentDecidedOn",
  validUntil: "consentValidUntil", recordedHow: "consentRecordedHow", interpreterUsed: "consentInterpreter", note: "consentNote",
};

/**
 * Who receives the data decides the party field: an organisation of the region for the case team's
 * purposes, another region's care coordination for a transfer, a named party outside Ketenzicht for CoMensha
 * and international exchange, and either for a case conference.
 */
function partyKinds(purpose: ConsentPurpose | ""): ("organisation" | "name")[] {
  if (purpose === "") return ["organisation"];
  if (isCode(teamPurposes, purpose) || purpose === "transfer") return ["organisation"];
  if (purpose === "comensha_registration" || purpose === "international_exchange") return ["name"];
  return ["organisation", "name"];
}

export function ConsentForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const { file, network } = useFile();
  const labels = useLabels();
  const checks = useChecks();
  const [purpose, setPurpose] = useState<ConsentPurpose | "">("");
  const [partyKind, setPartyKind] = useState<"organisation" | "name">("organisation");
  const [party, setParty] = useState("");
  const [partyName, setPartyName] = useState("");
  const [status, setStatus] = useState<ConsentStatus | "">("given");
  const [decidedOn, setDecidedOn] = useState(todayIso());
  const [validUntil, setValidUntil] = useState("");
  const [recordedHow, setRecordedHow] = useState("");
  const [interpreter, setInterpreter] = useState(false);
  const [note, setNote] = useState("");
  const l = {
    consentPurpose: t("careFile.consent.purpose"), consentPartyKind: t("careFile.consent.partyKind"), consentParty: t("careFile.consent.partyOrganisation"),
    consentPartyName: t("careFile.consent.partyName"), consentStatus: t("careFile.consent.status"), consentDecidedOn: t("careFile.consent.decidedOn"),
    consentValidUntil: t("careFile.consent.validUntil"), consentRecordedHow: t("careFile.consent.recordedHow"), consentInterpreter: t("careFile.consent.interpreter"),
    consentNote: t("careFile.consent.note"),
  };
  const { errors, busy, run } = useFileAction("consent", FIELDS, l, RENAME);
  const kinds = partyKinds(purpose);
  const kind = kinds.length === 1 ? kinds[0]! : partyKind;
  const organisations = purpose === "transfer"
    ? (network?.transferTargets ?? []).map((o) => ({ value: o.id, label: `${o.name} (${o.regionName})` }))
    : (network?.organisations ?? []).filter((o) => o.regionId === file.regionId).map((o) => ({ value: o.id, label: o.name }));

  const choosePurpose = (value: string) => {
    const next = isCode(consentPurposes, value) ? value : "";
    setPurpose(next);
    setParty("");
    if (next === "comensha_registration" && !partyName.trim()) setPartyName(COMENSHA);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check = {
      consentPurpose: checks.choice(purpose, l.consentPurpose),
      consentParty: kind === "organisation" ? checks.choice(party, l.consentParty) : undefined,
      consentPartyName: kind === "name" ? checks.text(partyName, l.consentPartyName) : undefined,
      consentStatus: checks.choice(status, l.consentStatus),
      consentDecidedOn: checks.date(decidedOn, l.consentDecidedOn),
      consentRecordedHow: checks.choice(recordedHow, l.consentRecordedHow),
    };
    const body = {
      purpose,
      ...(kind === "organisation" ? { partyOrganisationId: party } : { partyName: partyName.trim() }),
      status,
      decidedOn,
      ...(status === "given" && validUntil ? { validUntil } : {}),
      recordedHow,
      interpreterUsed: interpreter,
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    const message = purpose && status ? t("careFile.consent.recordedMessage", { purpose: lowerFirst(labels.purpose(purpose)), status: lowerFirst(labels.consentStatus(status)) }) : "";
    run(check, () => api.post<VictimFile>(filePath(file, "consents"), body), message, onCancel);
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="consent-record-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <SelectField
        name="consentPurpose"
        label={l.consentPurpose}
        value={purpose}
        onChange={choosePurpose}
        placeholder={t("careFile.consent.choosePurpose")}
        options={consentPurposes.map((p) => ({ value: p, label: labels.purpose(p) }))}
        error={errors.fields.consentPurpose}
      />
      {kinds.length > 1 ? (
        <RadioGroup
          name="consentPartyKind"
          legend={l.consentPartyKind}
          value={partyKind}
          onChange={setPartyKind}
          options={[
            { value: "organisation", label: t("careFile.consent.partyKindOrganisation") },
            { value: "name", label: t("careFile.consent.partyKindName") },
          ]}
          error={errors.fields.consentPartyKind}
        />
      ) : null}
      {kind === "organisation" ? (
        <SelectField
          name="consentParty"
          label={l.consentParty}
          description={purpose === "transfer" ? t("careFile.consent.partyTransferDescription") : t("careFile.consent.partyOrganisationDescription")}
          value={party}
          onChange={setParty}
          placeholder={t("careFile.common.chooseOrganisation")}
          options={organisations}
          error={errors.fields.consentParty}
        />
      ) : (
        <TextField
          name="consentPartyName"
          label={l.consentPartyName}
          description={purpose === "international_exchange" ? t("careFile.consent.partyNameInternational") : t("careFile.consent.partyNameDescription")}
          value={partyName}
          onChange={setPartyName}
          error={errors.fields.consentPartyName}
          maxLength={200}
        />
      )}
      <RadioGroup
        name="consentStatus"
        legend={l.consentStatus}
        value={status}
        onChange={setStatus}
        options={consentStatuses.map((s) => ({ value: s, label: labels.consentStatus(s), description: t(`careFile.consent.statusDescriptions.${s}`) }))}
        error={errors.fields.consentStatus}
      />
      <TextField name="consentDecidedOn" label={l.consentDecidedOn} type="date" value={decidedOn} onChange={setDecidedOn} error={errors.fields.consentDecidedOn} size="small" />
      {status === "given" ? (
        <TextField
          name="consentValidUntil"
          label={l.consentValidUntil}
          description={t("careFile.consent.validUntilDescription")}
          type="date"
          value={validUntil}
          onChange={setValidUntil}
          error={errors.fields.consentValidUntil}
          optional
          size="small"
        />
      ) : null}
      <SelectField
        name="consentRecordedHow"
        label={l.consentRecordedHow}
        value={recordedHow}
        onChange={setRecordedHow}
        placeholder={t("careFile.common.choose")}
        options={consentRecordings.map((r) => ({ value: r, label: labels.recording(r) }))}
        error={errors.fields.consentRecordedHow}
      />
      <CheckboxField id="field-consentInterpreter" name="consentInterpreter" label={l.consentInterpreter} checked={interpreter} onChange={setInterpreter} error={errors.fields.consentInterpreter} />
      <TextareaField name="consentNote" label={l.consentNote} value={note} onChange={setNote} error={errors.fields.consentNote} optional maxLength={2000} rows={3} />
      <SubmitRow busy={busy} label={t("careFile.consent.submit")} onCancel={onCancel} />
    </form>
  );
}
