import { Paragraph } from "@utrecht/component-library-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { RadioGroup, SelectField, TextareaField, TextField } from "../../../components/fields.tsx";
import {
  permitDecisions, permitKinds, policeReportStatuses, reflectionEndReasons, unableBases,
  type Permit, type PermitDecision, type PoliceReportStatus, type VictimFile,
} from "../types.ts";
import { filePath, useFile } from "./context.ts";
import { formatDay, lowerFirst, todayIso, useLabels } from "./labels.ts";
import { SubmitRow } from "./parts.tsx";
import { useChecks, useFileAction } from "./useFileAction.ts";

/** The coordinator's forms of the residence scheme: reflection period, police report, permits. */
type Residence = NonNullable<VictimFile["residence"]>;

const START_FIELDS = ["reflectionOfferedOn"] as const;

export function ReflectionStartForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const checks = useChecks();
  const [offeredOn, setOfferedOn] = useState(todayIso());
  const label = t("careFile.residence.offeredOn");
  const { errors, busy, run } = useFileAction("residence", START_FIELDS, { reflectionOfferedOn: label }, { offeredOn: "reflectionOfferedOn" });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(
      { reflectionOfferedOn: checks.date(offeredOn, label) },
      () => api.put<VictimFile>(filePath(file, "reflection-period"), { offeredOn }),
      t("careFile.residence.started"),
      onCancel,
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="reflection-start-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextField
        name="reflectionOfferedOn"
        label={label}
        description={t("careFile.residence.offeredOnDescription")}
        type="date"
        value={offeredOn}
        onChange={setOfferedOn}
        error={errors.fields.reflectionOfferedOn}
        size="small"
      />
      <SubmitRow busy={busy} label={t("careFile.residence.startSubmit")} onCancel={onCancel} />
    </form>
  );
}

const END_FIELDS = ["reflectionEndedOn", "reflectionEndReason"] as const;

export function ReflectionEndForm({ reflection, onCancel }: { reflection: NonNullable<Residence["reflection"]>; onCancel: () => void }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const checks = useChecks();
  const [endedOn, setEndedOn] = useState(todayIso());
  const [reason, setReason] = useState("");
  const l = { reflectionEndedOn: t("careFile.residence.endedEarlyOn"), reflectionEndReason: t("careFile.residence.endReason") };
  const { errors, busy, run } = useFileAction("residence", END_FIELDS, l, { endedEarlyOn: "reflectionEndedOn", endReason: "reflectionEndReason" });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(
      { reflectionEndedOn: checks.date(endedOn, l.reflectionEndedOn), reflectionEndReason: checks.choice(reason, l.reflectionEndReason) },
      () => api.put<VictimFile>(filePath(file, "reflection-period"), { offeredOn: reflection.offeredOn, endedEarlyOn: endedOn, endReason: reason }),
      t("careFile.residence.ended"),
      onCancel,
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="reflection-end-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextField name="reflectionEndedOn" label={l.reflectionEndedOn} type="date" value={endedOn} onChange={setEndedOn} error={errors.fields.reflectionEndedOn} size="small" />
      <SelectField name="reflectionEndReason" label={l.reflectionEndReason} value={reason} onChange={setReason} placeholder={t("careFile.common.choose")}
        options={reflectionEndReasons.map((r) => ({ value: r, label: labels.reflectionEndReason(r) }))} error={errors.fields.reflectionEndReason} />
      <SubmitRow busy={busy} label={t("careFile.residence.endSubmit")} onCancel={onCancel} />
    </form>
  );
}

const REPORT_FIELDS = ["reportStatus", "reportDate", "reportUnableBasis", "reportUnableStatement"] as const;
const REPORT_RENAME = { status: "reportStatus", date: "reportDate", unableBasis: "reportUnableBasis", unableStatement: "reportUnableStatement" };

export function PoliceReportForm({ report, onCancel }: { report: Residence["policeReport"]; onCancel: () => void }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const checks = useChecks();
  const [status, setStatus] = useState<PoliceReportStatus>(report.status);
  const [date, setDate] = useState(report.date ?? "");
  const [basis, setBasis] = useState<string>(report.unableBasis ?? "");
  const [statement, setStatement] = useState(report.unableStatement ?? "");
  const l = {
    reportStatus: t("careFile.residence.policeReport"), reportDate: t("careFile.residence.policeReportDate"),
    reportUnableBasis: t("careFile.residence.unableBasis"), reportUnableStatement: t("careFile.residence.unableStatement"),
  };
  const { errors, busy, run } = useFileAction("residence", REPORT_FIELDS, l, REPORT_RENAME);
  const unable = status === "unable";
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(
      {
        reportDate: status === "made" ? checks.date(date, l.reportDate) : undefined,
        reportUnableBasis: unable ? checks.choice(basis, l.reportUnableBasis) : undefined,
        reportUnableStatement: unable ? checks.text(statement, l.reportUnableStatement) : undefined,
      },
      () =>
        api.put<VictimFile>(filePath(file, "police-report"), {
          status,
          ...(status !== "undecided" && date ? { date } : {}),
          ...(unable ? { unableBasis: basis, unableStatement: statement.trim() } : {}),
        }),
      t("careFile.residence.policeReportSaved", { status: lowerFirst(labels.policeReport(status)) }),
      onCancel,
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="police-report-edit-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <RadioGroup name="reportStatus" legend={l.reportStatus} value={status} onChange={setStatus}
        options={policeReportStatuses.map((s) => ({ value: s, label: labels.policeReport(s), description: t(`careFile.residence.policeReportDescriptions.${s}`) }))}
        error={errors.fields.reportStatus} />
      {status !== "undecided" ? (
        <TextField name="reportDate" label={l.reportDate} type="date" value={date} onChange={setDate} error={errors.fields.reportDate} optional={status !== "made"} size="small" />
      ) : null}
      {unable ? (
        <>
          <SelectField name="reportUnableBasis" label={l.reportUnableBasis} value={basis} onChange={setBasis} placeholder={t("careFile.common.choose")}
            options={unableBases.map((b) => ({ value: b, label: labels.unableBasis(b) }))} error={errors.fields.reportUnableBasis} />
          <TextareaField name="reportUnableStatement" label={l.reportUnableStatement} description={t("careFile.residence.unableStatementDescription")}
            value={statement} onChange={setStatement} error={errors.fields.reportUnableStatement} maxLength={2000} rows={3} />
        </>
      ) : null}
      <SubmitRow busy={busy} label={t("careFile.common.save")} onCancel={onCancel} />
    </form>
  );
}

const APPLY_FIELDS = ["permitKind", "permitAppliedOn"] as const;

export function PermitApplyForm({ hasGranted, onCancel }: { hasGranted: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const checks = useChecks();
  const [kind, setKind] = useState(hasGranted ? "" : "b8_temporary");
  const [appliedOn, setAppliedOn] = useState(todayIso());
  const l = { permitKind: t("careFile.residence.permitKind"), permitAppliedOn: t("careFile.residence.appliedOn") };
  const { errors, busy, run } = useFileAction("residence", APPLY_FIELDS, l, { kind: "permitKind", appliedOn: "permitAppliedOn" });
  // Renewal and continued residence follow a granted permit.
  const kinds = hasGranted ? permitKinds : permitKinds.filter((k) => k === "b8_temporary");
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(
      { permitKind: checks.choice(kind, l.permitKind), permitAppliedOn: checks.date(appliedOn, l.permitAppliedOn) },
      () => api.post<VictimFile>(filePath(file, "residence-permits"), { kind, appliedOn }),
      t("careFile.residence.applied"),
      onCancel,
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="permit-apply-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <SelectField name="permitKind" label={l.permitKind} value={kind} onChange={setKind} placeholder={t("careFile.common.choose")}
        options={kinds.map((k) => ({ value: k, label: labels.permitKind(k) }))} error={errors.fields.permitKind} />
      <TextField name="permitAppliedOn" label={l.permitAppliedOn} type="date" value={appliedOn} onChange={setAppliedOn} error={errors.fields.permitAppliedOn} size="small" />
      <SubmitRow busy={busy} label={t("careFile.residence.applySubmit")} onCancel={onCancel} />
    </form>
  );
}

const DECIDE_FIELDS = ["permitDecidedOn", "permitDecision", "permitValidUntil"] as const;

export function PermitDecisionForm({ permit, onCancel }: { permit: Permit; onCancel: () => void }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const checks = useChecks();
  const [decidedOn, setDecidedOn] = useState(todayIso());
  const [decision, setDecision] = useState<PermitDecision | "">("");
  const [validUntil, setValidUntil] = useState("");
  const l = { permitDecidedOn: t("careFile.residence.decidedOnLabel"), permitDecision: t("careFile.residence.decision"), permitValidUntil: t("careFile.residence.permitValidUntil") };
  const { errors, busy, run } = useFileAction("residence", DECIDE_FIELDS, l, { decidedOn: "permitDecidedOn", decision: "permitDecision", validUntil: "permitValidUntil" });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(
      {
        permitDecidedOn: checks.date(decidedOn, l.permitDecidedOn),
        permitDecision: checks.choice(decision, l.permitDecision),
        permitValidUntil: decision === "granted" ? checks.date(validUntil, l.permitValidUntil) : undefined,
      },
      () => api.post<VictimFile>(filePath(file, "residence-permits", permit.id, "decision"), { decidedOn, decision, ...(decision === "granted" ? { validUntil } : {}) }),
      t("careFile.residence.decided"),
      onCancel,
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="permit-decide-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <Paragraph>{t("careFile.residence.appliedOnText", { date: formatDay(permit.appliedOn) })}</Paragraph>
      <TextField name="permitDecidedOn" label={l.permitDecidedOn} type="date" value={decidedOn} onChange={setDecidedOn} error={errors.fields.permitDecidedOn} size="small" />
      <RadioGroup name="permitDecision" legend={l.permitDecision} value={decision} onChange={setDecision}
        options={permitDecisions.map((d) => ({ value: d, label: labels.permitDecision(d) }))} error={errors.fields.permitDecision} />
      {decision === "granted" ? (
        <TextField name="permitValidUntil" label={l.permitValidUntil} type="date" value={validUntil} onChange={setValidUntil} error={errors.fields.permitValidUntil} size="small" />
      ) : null}
      <SubmitRow busy={busy} label={t("careFile.residence.decideSubmit")} onCancel={onCancel} />
    </form>
  );
}
