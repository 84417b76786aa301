import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiProblem } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { CheckboxField, SelectField, TextareaField } from "../../../components/fields.tsx";
import type { VictimFile } from "../types.ts";
import { filePath, useFile } from "./context.ts";
import { basisRename, LegalBasisFields } from "./LegalBasisFields.tsx";
import { SubmitRow } from "./parts.tsx";
import { useChecks, useFileAction } from "./useFileAction.ts";

const FIELDS = ["transferTarget", "transferReason", "transferLegalBasis", "transferLegalBasisNote"] as const;
const RENAME = { organisationId: "transferTarget", reason: "transferReason", ...basisRename("transfer") };

/**
 * Handing the file over to the care coordination of another region (the person moved). The receiver accepts
 * or declines; until then the transfer can be withdrawn. It needs consent for "transfer" or a legal basis.
 */
export function TransferForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const { file, network } = useFile();
  const checks = useChecks();
  const [target, setTarget] = useState("");
  const [reason, setReason] = useState("");
  const [withBasis, setWithBasis] = useState(false);
  const [basis, setBasis] = useState("");
  const [note, setNote] = useState("");
  const l = {
    transferTarget: t("careFile.transfer.target"), transferReason: t("careFile.transfer.reason"),
    transferLegalBasis: t("careFile.basis.legalBasis"), transferLegalBasisNote: t("careFile.basis.note"),
  };
  const { errors, busy, run } = useFileAction("lifecycle", FIELDS, l, RENAME);
  const targets = network?.transferTargets ?? [];
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const name = targets.find((o) => o.id === target)?.name ?? "";
    run(
      {
        transferTarget: checks.choice(target, l.transferTarget),
        transferReason: checks.text(reason, l.transferReason),
        transferLegalBasis: withBasis ? checks.choice(basis, l.transferLegalBasis) : undefined,
        transferLegalBasisNote: withBasis ? checks.text(note, l.transferLegalBasisNote) : undefined,
      },
      () =>
        api
          .post<VictimFile>(filePath(file, "transfers"), {
            organisationId: target, reason: reason.trim(), ...(withBasis ? { legalBasis: basis, legalBasisNote: note.trim() } : {}),
          })
          .catch((error: unknown) => {
            if (error instanceof ApiProblem && error.code === "consent_required") setWithBasis(true);
            throw error;
          }),
      t("careFile.transfer.proposed", { organisation: name }),
      onCancel,
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="transfer-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <SelectField
        name="transferTarget"
        label={l.transferTarget}
        description={targets.length === 0 ? t("careFile.transfer.noTargets") : t("careFile.transfer.targetDescription")}
        value={target}
        onChange={setTarget}
        placeholder={t("careFile.common.chooseOrganisation")}
        options={targets.map((o) => ({ value: o.id, label: `${o.name} (${o.regionName})` }))}
        error={errors.fields.transferTarget}
      />
      <TextareaField name="transferReason" label={l.transferReason} value={reason} onChange={setReason} error={errors.fields.transferReason} maxLength={2000} rows={3} />
      <CheckboxField id="field-transferWithBasis" name="transferWithBasis" label={t("careFile.basis.toggle")} checked={withBasis} onChange={setWithBasis} />
      {withBasis ? <LegalBasisFields prefix="transfer" basis={basis} setBasis={setBasis} note={note} setNote={setNote} errors={errors.fields} /> : null}
      <SubmitRow busy={busy} label={t("careFile.transfer.submit")} onCancel={onCancel} />
    </form>
  );
}
