import { Paragraph } from "@utrecht/component-library-react";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { RadioGroup, TextareaField } from "../../../components/fields.tsx";
import { formatDateTime } from "../../../i18n/format.ts";
import { needDomains, needStatuses, type Need, type NeedDomain, type NeedStatus, type VictimFile } from "../types.ts";
import { filePath, useFile } from "./context.ts";
import { FileTable } from "./FileTable.tsx";
import { GoalsPart } from "./GoalsPart.tsx";
import { useLabels } from "./labels.ts";
import { FileSection, SubmitRow, SubSection } from "./parts.tsx";
import { ServicesPart } from "./ServicesPart.tsx";
import { useChecks, useFileAction } from "./useFileAction.ts";

/** The care plan: needs in the twelve domains, goals with target dates, and services by providers. */
export function CarePlanSection({ carePlan }: { carePlan: NonNullable<VictimFile["carePlan"]> }) {
  const { t } = useTranslation();
  return (
    <FileSection id="care-plan" heading={t("careFile.sections.carePlan")}>
      <Needs needs={carePlan.needs} />
      <GoalsPart goals={carePlan.goals} />
      <ServicesPart services={carePlan.services} />
    </FileSection>
  );
}

function Needs({ needs }: { needs: Need[] }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const edit = file.abilities.update === true && file.status !== "closed";
  // Every domain has a row, assessed or not.
  const rows = needDomains.map((domain) => ({ domain, need: needs.find((n) => n.domain === domain) }));
  return (
    <SubSection id="needs" heading={t("careFile.needs.heading")}>
      <Paragraph>{t("careFile.needs.intro")}</Paragraph>
      <FileTable
        caption={t("careFile.needs.caption")}
        items={rows}
        itemKey={(row) => row.domain}
        columns={[
          { key: "domain", header: t("careFile.needs.domain"), cell: ({ domain }) => labels.domain(domain) },
          {
            key: "status",
            header: t("careFile.needs.status"),
            cell: ({ need }) =>
              !need ? <span className="kz-file-muted">{t("careFile.needs.notAssessed")}</span> : need.status === "need" ? <strong>{labels.needStatus(need.status)}</strong> : labels.needStatus(need.status),
          },
          { key: "note", header: t("careFile.needs.note"), cell: ({ need }) => need?.note ?? "" },
          { key: "updated", header: t("careFile.needs.updatedAt"), cell: ({ need }) => (need ? formatDateTime(need.updatedAt) : "") },
        ]}
        edit={edit ? {
          label: t("careFile.common.edit"),
          rowLabel: ({ domain }) => labels.domain(domain),
          panel: "need-edit",
          form: ({ domain, need }, close) => <NeedForm domain={domain} need={need} onClose={close} />,
        } : undefined}
      />
    </SubSection>
  );
}

function NeedForm({ domain, need, onClose }: { domain: NeedDomain; need: Need | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const checks = useChecks();
  const [status, setStatus] = useState<NeedStatus | "">(need?.status ?? "");
  const [note, setNote] = useState(need?.note ?? "");
  const statusField = `needStatus-${domain}`;
  const noteField = `needNote-${domain}`;
  const fields = useMemo(() => [statusField, noteField], [statusField, noteField]);
  const l = { [statusField]: t("careFile.needs.status"), [noteField]: t("careFile.needs.note") };
  const { errors, busy, run } = useFileAction("care-plan", fields, l, { status: statusField, note: noteField });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(
      { [statusField]: checks.choice(status, t("careFile.needs.status")) },
      () => api.put<VictimFile>(filePath(file, "needs", domain), { status, ...(note.trim() ? { note: note.trim() } : {}) }),
      t("careFile.needs.saved", { domain: labels.domain(domain) }),
      onClose,
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-label={t("careFile.needs.formLabel", { domain: labels.domain(domain) })}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <RadioGroup
        name={statusField}
        legend={t("careFile.needs.statusLegend", { domain: labels.domain(domain) })}
        value={status}
        onChange={setStatus}
        options={needStatuses.map((s) => ({ value: s, label: labels.needStatus(s) }))}
        error={errors.fields[statusField]}
      />
      <TextareaField name={noteField} label={t("careFile.needs.note")} value={note} onChange={setNote} error={errors.fields[noteField]} optional maxLength={2000} rows={2} />
      <SubmitRow busy={busy} label={t("careFile.common.save")} onCancel={onClose} />
    </form>
  );
}
