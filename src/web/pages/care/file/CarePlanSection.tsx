import { Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { Fragment, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { RadioGroup, TextareaField } from "../../../components/fields.tsx";
import { formatDateTime } from "../../../i18n/format.ts";
import { needDomains, needStatuses, type Need, type NeedDomain, type NeedStatus, type VictimFile } from "../types.ts";
import { filePath, useFile } from "./context.ts";
import { GoalsPart } from "./GoalsPart.tsx";
import { useLabels } from "./labels.ts";
import { FileSection, RowToggle, SubmitRow, SubSection } from "./parts.tsx";
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
  const [editing, setEditing] = useState<NeedDomain | null>(null);
  const edit = file.abilities.update === true && file.status !== "closed";
  const col = {
    domain: t("careFile.needs.domain"),
    status: t("careFile.needs.status"),
    note: t("careFile.needs.note"),
    updated: t("careFile.needs.updatedAt"),
    action: t("careFile.common.action"),
  };
  return (
    <SubSection id="needs" heading={t("careFile.needs.heading")}>
      <Paragraph>{t("careFile.needs.intro")}</Paragraph>
      <div className="kz-table-scroll kz-file-table-wrap">
        <Table className="kz-table kz-file-table">
          <TableCaption>{t("careFile.needs.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{col.domain}</TableHeaderCell>
              <TableHeaderCell scope="col">{col.status}</TableHeaderCell>
              <TableHeaderCell scope="col">{col.note}</TableHeaderCell>
              <TableHeaderCell scope="col">{col.updated}</TableHeaderCell>
              {edit ? <TableHeaderCell scope="col">{col.action}</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {needDomains.map((domain) => {
              const need = needs.find((n) => n.domain === domain);
              return (
                <Fragment key={domain}>
                  <TableRow>
                    <TableHeaderCell scope="row">{labels.domain(domain)}</TableHeaderCell>
                    <TableCell data-label={col.status}>
                      {!need ? <span className="kz-file-muted">{t("careFile.needs.notAssessed")}</span> : need.status === "need" ? <strong>{labels.needStatus(need.status)}</strong> : labels.needStatus(need.status)}
                    </TableCell>
                    <TableCell data-label={col.note}>{need?.note ?? ""}</TableCell>
                    <TableCell data-label={col.updated}>{need ? formatDateTime(need.updatedAt) : ""}</TableCell>
                    {edit ? (
                      <TableCell data-label={col.action}>
                        <RowToggle
                          open={editing === domain}
                          onToggle={() => setEditing((d) => (d === domain ? null : domain))}
                          label={t("careFile.common.edit")}
                          rowLabel={labels.domain(domain)}
                          controls={`need-edit-${domain}`}
                        />
                      </TableCell>
                    ) : null}
                  </TableRow>
                  {editing === domain ? (
                    <TableRow id={`need-edit-${domain}`} className="kz-file-edit-row">
                      <TableCell colSpan={5}>
                        <NeedForm domain={domain} need={need} onClose={() => setEditing(null)} />
                      </TableCell>
                    </TableRow>
                  ) : null}
                </Fragment>
              );
            })}
          </TableBody>
        </Table>
      </div>
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
