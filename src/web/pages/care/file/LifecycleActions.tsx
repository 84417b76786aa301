import { Button, ButtonGroup, Link, Paragraph } from "@utrecht/component-library-react";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { RadioGroup, TextareaField } from "../../../components/fields.tsx";
import { formatDateTime } from "../../../i18n/format.ts";
import { useAction } from "../../signals/detail/useAction.ts";
import { chosenClosureReasons, type FileStatus, type VictimFile } from "../types.ts";
import { filePath, useFile } from "./context.ts";
import { lowerFirst, useLabels } from "./labels.ts";
import { Disclosure, FileSection, SubmitRow, SubSection } from "./parts.tsx";
import { TransferForm } from "./TransferForm.tsx";
import { useChecks, useFileAction } from "./useFileAction.ts";

type Step = VictimFile["nextSteps"][number];

/** Whether the file has a lifecycle section for this user: a next step, a transfer to propose or one pending. */
export function hasLifecycleActions(file: VictimFile): boolean {
  return file.nextSteps.length > 0 || (file.abilities.transfer === true && file.status !== "closed") || file.pendingTransfer !== null;
}

/** The trajectory's next steps (from the server's nextSteps), the transfer to another region and its withdrawal. */
export function LifecycleActions() {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const mayTransfer = file.abilities.transfer === true && file.status !== "closed";
  if (!hasLifecycleActions(file)) return null;
  const youthMissing = file.minor && file.youth !== null && !file.youth.veiligThuisNotifiedOn && !file.youth.youthCareProvider;
  return (
    <FileSection id="lifecycle" heading={t("careFile.sections.lifecycle")}>
      <Paragraph>{t("careFile.lifecycle.current", { status: lowerFirst(labels.status(file.status)) })}</Paragraph>
      {file.status === "intake" && youthMissing && file.nextSteps.some((s) => s.to === "active") ? (
        <Paragraph>
          {t("careFile.lifecycle.youthFirst")} <Link href="#youth">{t("careFile.overview.youthRouteLink")}</Link>
        </Paragraph>
      ) : null}
      {file.pendingTransfer ? (
        <Paragraph>{t("careFile.lifecycle.transferPending")}</Paragraph>
      ) : (
        file.nextSteps.map((step) => <StepForm key={`${file.status}-${step.to}`} from={file.status} step={step} />)
      )}
      {file.pendingTransfer ? <PendingTransfer transfer={file.pendingTransfer} /> : null}
      {mayTransfer && !file.pendingTransfer ? (
        <Disclosure id="transfer" label={t("careFile.transfer.open")}>
          {(close) => <TransferForm onCancel={close} />}
        </Disclosure>
      ) : null}
    </FileSection>
  );
}

type StepKind = "toActive" | "toAftercare" | "backToActive" | "reopen" | "close";
function stepKind(from: FileStatus, step: Step): StepKind {
  if (step.to === "closed") return "close";
  if (step.to === "aftercare") return "toAftercare";
  if (from === "closed") return "reopen";
  return from === "aftercare" ? "backToActive" : "toActive";
}

function StepForm({ from, step }: { from: FileStatus; step: Step }) {
  const { t } = useTranslation();
  const kind = stepKind(from, step);
  const heading = t(`careFile.lifecycle.steps.${kind}.heading`);
  // Steps without questions are one button; closing, reopening and going back sit behind a toggle.
  if (!step.needsReason && !step.needsClosureReason) {
    return (
      <SubSection id={`step-${kind}`} heading={heading}>
        <Paragraph>{t(`careFile.lifecycle.steps.${kind}.intro`)}</Paragraph>
        <StepFields from={from} step={step} kind={kind} />
      </SubSection>
    );
  }
  return (
    <Disclosure id={`step-${kind}`} label={heading}>
      {(close) => (
        <>
          <Paragraph>{t(`careFile.lifecycle.steps.${kind}.intro`)}</Paragraph>
          <StepFields from={from} step={step} kind={kind} onCancel={close} />
        </>
      )}
    </Disclosure>
  );
}

function StepFields({ from, step, kind, onCancel }: { from: FileStatus; step: Step; kind: StepKind; onCancel?: () => void }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const checks = useChecks();
  const [closureReason, setClosureReason] = useState("");
  const [reason, setReason] = useState("");
  const f = { closureReason: `${kind}ClosureReason`, reason: `${kind}Reason` };
  const fields = useMemo(() => [`${kind}ClosureReason`, `${kind}Reason`], [kind]);
  const l = { [f.closureReason]: t("careFile.lifecycle.closureReason"), [f.reason]: t("careFile.lifecycle.reason") };
  const { errors, busy, run } = useFileAction("lifecycle", fields, l, f);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(
      {
        [f.closureReason]: step.needsClosureReason ? checks.choice(closureReason, t("careFile.lifecycle.closureReason")) : undefined,
        [f.reason]: step.needsReason ? checks.text(reason, t("careFile.lifecycle.reason")) : undefined,
      },
      () =>
        api.post<VictimFile>(filePath(file, "transitions"), {
          to: step.to,
          ...(step.needsClosureReason ? { closureReason } : {}),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        }),
      t("careFile.lifecycle.done", { from: lowerFirst(labels.status(from)), to: lowerFirst(labels.status(step.to)) }),
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-label={t(`careFile.lifecycle.steps.${kind}.heading`)}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      {step.needsClosureReason ? (
        <RadioGroup
          name={f.closureReason}
          legend={t("careFile.lifecycle.closureReason")}
          description={t("careFile.lifecycle.closureReasonDescription")}
          value={closureReason}
          onChange={setClosureReason}
          options={chosenClosureReasons.map((r) => ({ value: r, label: labels.closureReason(r) }))}
          error={errors.fields[f.closureReason]}
        />
      ) : null}
      {step.needsReason || step.needsClosureReason ? (
        <TextareaField
          name={f.reason}
          label={t("careFile.lifecycle.reason")}
          value={reason}
          onChange={setReason}
          error={errors.fields[f.reason]}
          optional={!step.needsReason}
          maxLength={2000}
          rows={3}
        />
      ) : null}
      <SubmitRow busy={busy} label={t(`careFile.lifecycle.steps.${kind}.submit`)} onCancel={onCancel} />
    </form>
  );
}

const NO_FIELDS: readonly string[] = [];

function PendingTransfer({ transfer }: { transfer: NonNullable<VictimFile["pendingTransfer"]> }) {
  const { t } = useTranslation();
  const { file, done } = useFile();
  const { errors, busy, submit } = useAction(NO_FIELDS, {});
  const withdraw = () =>
    void submit({}, () => api.post(`/victim-file-transfers/${encodeURIComponent(transfer.id)}/withdraw`), () => {
      const text = t("careFile.transfer.withdrawn", { organisation: transfer.toOrganisationName });
      api.get<VictimFile>(filePath(file)).then(
        (next) => done(next, text, "lifecycle"),
        () => done(null, text, "lifecycle"),
      );
    });
  return (
    <SubSection id="pending-transfer" heading={t("careFile.transfer.pendingHeading")}>
      <Paragraph>
        {t("careFile.transfer.pending", { organisation: transfer.toOrganisationName, date: formatDateTime(transfer.proposedAt) })}
      </Paragraph>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      {file.abilities.transfer ? (
        <ButtonGroup>
          <Button appearance="secondary-action-button" busy={busy} disabled={busy} onClick={withdraw}>
            {t("careFile.transfer.withdraw")}
          </Button>
        </ButtonGroup>
      ) : null}
    </SubSection>
  );
}
