import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { Fragment, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { TextareaField } from "../../../components/fields.tsx";
import { formatDateTime } from "../../../i18n/format.ts";
import { isCode, memberEndReasons, type TeamMember, type VictimFile } from "../types.ts";
import { filePath, useFile } from "./context.ts";
import { formatDay, todayIso, useLabels } from "./labels.ts";
import { Disclosure, Empty, FileSection, Marker, RowToggle, SubmitRow } from "./parts.tsx";
import { TeamMemberForm } from "./TeamMemberForm.tsx";
import { useFileAction } from "./useFileAction.ts";

/** The case team: who sees the file, for which purpose and period, on which basis; adding and ending. */
export function TeamSection({ team }: { team: TeamMember[] }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const [ending, setEnding] = useState<string | null>(null);
  const manage = file.abilities.manage_team === true;
  // A file keeps at least one coordinator: the last one cannot be ended here.
  const activeCoordinators = team.filter((m) => m.active && m.memberRole === "coordinator").length;
  const mayEnd = (m: TeamMember) => m.active && (m.memberRole !== "coordinator" || activeCoordinators > 1);
  const members = [...team].sort((a, b) => Number(b.active) - Number(a.active) || a.addedAt.localeCompare(b.addedAt));
  const col = {
    name: t("careFile.team.name"),
    organisation: t("careFile.team.organisation"),
    role: t("careFile.team.roleAndPurpose"),
    period: t("careFile.team.period"),
    basis: t("careFile.team.basis"),
    state: t("careFile.team.state"),
    action: t("careFile.common.action"),
  };
  return (
    <FileSection id="team" heading={t("careFile.sections.team")}>
      {members.length === 0 ? (
        <Empty>{t("careFile.team.none")}</Empty>
      ) : (
        <div className="kz-table-scroll kz-file-table-wrap">
          <Table className="kz-table kz-file-table">
            <TableCaption>{t("careFile.team.caption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{col.name}</TableHeaderCell>
                <TableHeaderCell scope="col">{col.organisation}</TableHeaderCell>
                <TableHeaderCell scope="col">{col.role}</TableHeaderCell>
                <TableHeaderCell scope="col">{col.period}</TableHeaderCell>
                <TableHeaderCell scope="col">{col.basis}</TableHeaderCell>
                <TableHeaderCell scope="col">{col.state}</TableHeaderCell>
                {manage ? <TableHeaderCell scope="col">{col.action}</TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {members.map((m) => {
                const name = m.name ?? t("careFile.team.unknownName");
                return (
                  <Fragment key={m.id}>
                    <TableRow>
                      <TableHeaderCell scope="row">{name}</TableHeaderCell>
                      <TableCell data-label={col.organisation}>{m.organisationName}</TableCell>
                      <TableCell data-label={col.role}>
                        <span>
                          {labels.memberRole(m.memberRole)}
                          {m.purpose ? `: ${labels.purpose(m.purpose)}` : null}
                          {m.purposeNote ? <><br />{m.purposeNote}</> : null}
                        </span>
                      </TableCell>
                      <TableCell data-label={col.period}>
                        {m.validUntil ? t("careFile.common.period", { from: formatDay(m.validFrom), until: formatDay(m.validUntil) }) : t("careFile.common.periodOpen", { from: formatDay(m.validFrom) })}
                      </TableCell>
                      <TableCell data-label={col.basis}>
                        <span>
                          {labels.basis(m.basis)}
                          {m.legalBasisNote ? <><br />{m.legalBasisNote}</> : null}
                        </span>
                      </TableCell>
                      <TableCell data-label={col.state}>
                        <MemberState member={m} />
                      </TableCell>
                      {manage ? (
                        <TableCell data-label={col.action}>
                          {mayEnd(m) ? (
                            <RowToggle
                              open={ending === m.id}
                              onToggle={() => setEnding((current) => (current === m.id ? null : m.id))}
                              label={t("careFile.team.end")}
                              rowLabel={name}
                              controls={`team-end-${m.id}`}
                            />
                          ) : null}
                        </TableCell>
                      ) : null}
                    </TableRow>
                    {ending === m.id ? (
                      <TableRow id={`team-end-${m.id}`} className="kz-file-edit-row">
                        <TableCell colSpan={manage ? 7 : 6}>
                          <EndMemberForm file={file} member={m} name={name} onCancel={() => setEnding(null)} />
                        </TableCell>
                      </TableRow>
                    ) : null}
                  </Fragment>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      {manage && file.status !== "closed" ? (
        <Disclosure id="team-add" label={t("careFile.team.add")}>
          {(close) => <TeamMemberForm onCancel={close} />}
        </Disclosure>
      ) : null}
    </FileSection>
  );
}

function MemberState({ member }: { member: TeamMember }) {
  const { t } = useTranslation();
  if (member.active) return <strong>{t("careFile.team.active")}</strong>;
  if (member.endedAt) {
    const reason = isCode(memberEndReasons, member.endReason) ? t(`careFile.team.endReasons.${member.endReason}`) : member.endReason;
    return (
      <span>
        {t("careFile.team.endedAt", { date: formatDateTime(member.endedAt) })}
        {reason ? <><br />{reason}</> : null}
      </span>
    );
  }
  if (member.validFrom > todayIso()) return <span>{t("careFile.team.notYetStarted")}</span>;
  return <Marker tone="info">{t("careFile.team.expired")}</Marker>;
}

function EndMemberForm({ file, member, name, onCancel }: { file: VictimFile; member: TeamMember; name: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const field = `teamEndReason-${member.id}`;
  const fields = useMemo(() => [field], [field]);
  const { errors, busy, run } = useFileAction("team", fields, { [field]: t("careFile.team.endReason") }, { reason: field });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(
      {},
      () => api.post<VictimFile>(filePath(file, "team-members", member.id, "end"), reason.trim() ? { reason: reason.trim() } : {}),
      t("careFile.team.ended", { name }),
      onCancel,
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-label={t("careFile.team.endFormLabel", { name })}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextareaField name={field} label={t("careFile.team.endReason")} value={reason} onChange={setReason} error={errors.fields[field]} optional maxLength={1000} rows={2} />
      <SubmitRow busy={busy} label={t("careFile.team.endSubmit")} onCancel={onCancel} />
    </form>
  );
}
