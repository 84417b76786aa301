import { Alert, DataList, Heading, Paragraph } from "@utrecht/component-library-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiProblem } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { CheckboxField, RadioGroup, TextField } from "../../../components/fields.tsx";
import { formatDateTime, formatList } from "../../../i18n/format.ts";
import { useAction } from "../../signals/detail/useAction.ts";
import type { ExportFile, VictimFile } from "../types.ts";
import { filePath, useFile } from "./context.ts";
import { downloadExport } from "./download.ts";
import { formatDay, todayIso, useLabels } from "./labels.ts";
import { basisRename, LegalBasisFields } from "./LegalBasisFields.tsx";
import { Disclosure, FileSection, Item, SubmitRow, SubSection } from "./parts.tsx";
import { useChecks, useFileAction } from "./useFileAction.ts";

/**
 * The registrations that leave Ketenzicht: the CoMensha registration (export, then record that it was
 * registered) and the HTCDS file for an international partner. Both need consent or a stated legal basis.
 */
export function RegistrationSection({ registration }: { registration: NonNullable<VictimFile["registration"]> }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const c = registration.comensha;
  const mayExport = file.abilities.export === true;
  return (
    <FileSection id="registration" heading={t("careFile.sections.registration")}>
      <SubSection id="comensha" heading={t("careFile.registration.comenshaHeading")}>
        <Paragraph>{t("careFile.registration.comenshaIntro")}</Paragraph>
        <DataList appearance="rows" className="kz-data-list">
          <Item label={t("careFile.registration.policeUnit")}>
            {registration.policeUnit ? labels.policeUnit(registration.policeUnit) : <strong>{t("careFile.registration.policeUnitMissing")}</strong>}
          </Item>
          <Item label={t("careFile.registration.lastExport")}>{c.lastExportAt ? formatDateTime(c.lastExportAt) : t("careFile.registration.noExport")}</Item>
          <Item label={t("careFile.registration.registered")}>
            {c.registeredOn ? (
              <strong>
                {t("careFile.registration.registeredOn", { date: formatDay(c.registeredOn) })}
                {c.registeredByName ? ` ${t("careFile.registration.by", { name: c.registeredByName })}` : null}
              </strong>
            ) : (
              t("careFile.registration.notRegistered")
            )}
          </Item>
          {c.basis ? <Item label={t("careFile.registration.basis")}>{labels.basis(c.basis)}</Item> : null}
          {c.number ? <Item label={t("careFile.registration.number")}>{c.number}</Item> : null}
        </DataList>
        {!registration.policeUnit ? <Alert type="warning">{t("careFile.registration.policeUnitExplain")}</Alert> : null}
        {mayExport && !c.registeredOn ? <ComenshaExportForm /> : null}
        {mayExport && !c.registeredOn && c.lastExportAt ? (
          <Disclosure id="comensha-register" label={t("careFile.registration.record")}>
            {(close) => <ComenshaRegisterForm onCancel={close} />}
          </Disclosure>
        ) : null}
      </SubSection>
      {mayExport ? (
        <SubSection id="htcds" heading={t("careFile.registration.htcdsHeading")}>
          <Paragraph>{t("careFile.registration.htcdsIntro")}</Paragraph>
          <Disclosure id="htcds-export" label={t("careFile.registration.htcdsOpen")}>
            {(close) => <HtcdsExportForm onCancel={close} />}
          </Disclosure>
        </SubSection>
      ) : null}
    </FileSection>
  );
}

type Format = "csv" | "json";

/** An export: the POST, the download, the message; on "consent missing" the basis fields open. */
function useExport(fields: readonly string[], labels: Partial<Record<string, string>>, rename: Record<string, string>, onConsentMissing: () => void) {
  const { file, done } = useFile();
  const { t } = useTranslation();
  const action = useAction(fields, labels, rename);
  const run = (check: Partial<Record<string, string>>, request: () => Promise<ExportFile>, message: (fileName: string) => string, after?: () => void) =>
    void action.submit(
      check,
      () =>
        request().catch((error: unknown) => {
          if (error instanceof ApiProblem && error.code === "consent_required") onConsentMissing();
          throw error;
        }),
      (exported) => {
        downloadExport(exported);
        after?.();
        // The file itself changed too (last export, history): fetch it before showing the message.
        const text = `${message(exported.fileName)} ${t("careFile.registration.sendSafely")}`;
        api.get<VictimFile>(filePath(file)).then(
          (next) => done(next, text, "registration"),
          () => done(null, text, "registration"),
        );
      },
    );
  return { ...action, run };
}

const COMENSHA_FIELDS = ["comenshaFormat", "comenshaLegalBasis", "comenshaLegalBasisNote"] as const;
const COMENSHA_RENAME = { format: "comenshaFormat", ...basisRename("comensha") };

function ComenshaExportForm() {
  const { t } = useTranslation();
  const { file } = useFile();
  const checks = useChecks();
  const [format, setFormat] = useState<Format>("csv");
  const [withBasis, setWithBasis] = useState(false);
  const [basis, setBasis] = useState("");
  const [note, setNote] = useState("");
  const l = { comenshaFormat: t("careFile.registration.format"), comenshaLegalBasis: t("careFile.basis.legalBasis"), comenshaLegalBasisNote: t("careFile.basis.note") };
  const { errors, busy, run } = useExport(COMENSHA_FIELDS, l, COMENSHA_RENAME, () => setWithBasis(true));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(
      {
        comenshaLegalBasis: withBasis ? checks.choice(basis, l.comenshaLegalBasis) : undefined,
        comenshaLegalBasisNote: withBasis ? checks.text(note, l.comenshaLegalBasisNote) : undefined,
      },
      () => api.post<ExportFile>(filePath(file, "comensha-exports"), { format, ...(withBasis ? { legalBasis: basis, legalBasisNote: note.trim() } : {}) }),
      (fileName) => t("careFile.registration.comenshaDownloaded", { fileName }),
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="comensha-export-heading">
      <Heading level={4} id="comensha-export-heading">{t("careFile.registration.exportHeading")}</Heading>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <FormatChoice name="comenshaFormat" value={format} onChange={setFormat} error={errors.fields.comenshaFormat} />
      <CheckboxField id="field-comenshaWithBasis" name="comenshaWithBasis" label={t("careFile.basis.toggle")} checked={withBasis} onChange={setWithBasis} />
      {withBasis ? <LegalBasisFields prefix="comensha" basis={basis} setBasis={setBasis} note={note} setNote={setNote} errors={errors.fields} /> : null}
      <SubmitRow busy={busy} label={t("careFile.registration.exportSubmit")} />
    </form>
  );
}

function FormatChoice({ name, value, onChange, error }: { name: string; value: Format; onChange: (value: Format) => void; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      name={name}
      legend={t("careFile.registration.format")}
      value={value}
      onChange={onChange}
      options={[
        { value: "csv", label: t("careFile.registration.formatCsv") },
        { value: "json", label: t("careFile.registration.formatJson") },
      ]}
      error={error}
    />
  );
}

const REGISTER_FIELDS = ["comenshaRegisteredOn", "comenshaNumber"] as const;

function ComenshaRegisterForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const checks = useChecks();
  const [registeredOn, setRegisteredOn] = useState(todayIso());
  const [number, setNumber] = useState("");
  const l = { comenshaRegisteredOn: t("careFile.registration.registeredOnLabel"), comenshaNumber: t("careFile.registration.number") };
  const { errors, busy, run } = useFileAction("registration", REGISTER_FIELDS, l, { registeredOn: "comenshaRegisteredOn", comenshaNumber: "comenshaNumber" });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(
      { comenshaRegisteredOn: checks.date(registeredOn, l.comenshaRegisteredOn) },
      () => api.post<VictimFile>(filePath(file, "comensha-registration"), { registeredOn, ...(number.trim() ? { comenshaNumber: number.trim() } : {}) }),
      t("careFile.registration.recorded"),
      onCancel,
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="comensha-register-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextField name="comenshaRegisteredOn" label={l.comenshaRegisteredOn} description={t("careFile.registration.registeredOnDescription")} type="date"
        value={registeredOn} onChange={setRegisteredOn} error={errors.fields.comenshaRegisteredOn} size="small" />
      <TextField name="comenshaNumber" label={l.comenshaNumber} value={number} onChange={setNumber} error={errors.fields.comenshaNumber} optional maxLength={50} size="medium" autoComplete="off" />
      <SubmitRow busy={busy} label={t("careFile.registration.recordSubmit")} onCancel={onCancel} />
    </form>
  );
}

const HTCDS_FIELDS = ["htcdsRecipient", "htcdsFormat", "htcdsLegalBasis", "htcdsLegalBasisNote"] as const;
const HTCDS_RENAME = { recipient: "htcdsRecipient", format: "htcdsFormat", ...basisRename("htcds") };

function HtcdsExportForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const checks = useChecks();
  const [recipient, setRecipient] = useState("");
  const [format, setFormat] = useState<Format>("json");
  const [withBasis, setWithBasis] = useState(false);
  const [basis, setBasis] = useState("");
  const [note, setNote] = useState("");
  const l = {
    htcdsRecipient: t("careFile.registration.recipient"), htcdsFormat: t("careFile.registration.format"),
    htcdsLegalBasis: t("careFile.basis.legalBasis"), htcdsLegalBasisNote: t("careFile.basis.note"),
  };
  const { errors, busy, run } = useExport(HTCDS_FIELDS, l, HTCDS_RENAME, () => setWithBasis(true));
  // Consent for international exchange is per recipient: name the ones that have it.
  const consented = (file.consents?.current ?? [])
    .filter((c) => c.purpose === "international_exchange" && c.status === "given" && !c.expired)
    .map((c) => c.partyName);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(
      {
        htcdsRecipient: checks.text(recipient, l.htcdsRecipient),
        htcdsLegalBasis: withBasis ? checks.choice(basis, l.htcdsLegalBasis) : undefined,
        htcdsLegalBasisNote: withBasis ? checks.text(note, l.htcdsLegalBasisNote) : undefined,
      },
      () =>
        api.post<ExportFile>(filePath(file, "htcds-exports"), {
          recipient: recipient.trim(), format, ...(withBasis ? { legalBasis: basis, legalBasisNote: note.trim() } : {}),
        }),
      (fileName) => t("careFile.registration.htcdsDownloaded", { fileName, recipient: recipient.trim() }),
      onCancel,
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="htcds-export-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextField
        name="htcdsRecipient"
        label={l.htcdsRecipient}
        description={
          consented.length > 0
            ? `${t("careFile.registration.recipientDescription")} ${t("careFile.registration.recipientsWithConsent", { names: formatList(consented) })}`
            : t("careFile.registration.recipientDescription")
        }
        value={recipient}
        onChange={setRecipient}
        error={errors.fields.htcdsRecipient}
        maxLength={200}
      />
      <FormatChoice name="htcdsFormat" value={format} onChange={setFormat} error={errors.fields.htcdsFormat} />
      <CheckboxField id="field-htcdsWithBasis" name="htcdsWithBasis" label={t("careFile.basis.toggle")} checked={withBasis} onChange={setWithBasis} />
      {withBasis ? <LegalBasisFields prefix="htcds" basis={basis} setBasis={setBasis} note={note} setNote={setNote} errors={errors.fields} /> : null}
      <SubmitRow busy={busy} label={t("careFile.registration.htcdsSubmit")} onCancel={onCancel} />
    </form>
  );
}
