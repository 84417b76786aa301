import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { TextareaField } from "../../../components/fields.tsx";
import { formatDateTime } from "../../../i18n/format.ts";
import { isCode, memberEndReasons, type TeamMember, type VictimFile } from "../types.ts";
import { filePath, useFile } from "./context.ts";
import { FileTable } from "./FileTable.tsx";
import { formatDay, todayIso, useLabels } from "./labels.ts";
import { Disclosure, FileSection, Marker, SubmitRow } from "./parts.tsx";
import { TeamMemberForm } from "./TeamMemberForm.tsx";
import { useFileAction } from "./useFileAction.ts";

/** The case team: who sees the file, for which purpose and period, on which basis; adding and ending. */
export function TeamSection({ team }: { team: TeamMember[] }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const manage = file.abilities.manage_team === true;
  // A file keeps at least one coordinator: the last one cannot be ended here.
  const activeCoordinators = team.filter((m) => m.active && m.memberRole === "coordinator").length;
  const mayEnd = (m: TeamMember) => m.active && (m.memberRole !== "coordinator" || activeCoordinators > 1);
  const members = [...team].sort((a, b) => Number(b.active) - Number(a.active) || a.addedAt.localeCompare(b.addedAt));
  const nameOf = (m: TeamMember) => m.name ?? t("careFile.team.unknownName");
  return (
    <FileSection id="team" heading={t("careFile.sections.team")}>
      <FileTable
        caption={t("careFile.team.caption")}
        empty={t("careFile.team.none")}
        items={members}
        itemKey={(m) => m.id}
        columns={[
          { key: "name", header: t("careFile.team.name"), cell: nameOf },
          { key: "organisation", header: t("careFile.team.organisation"), cell: (m) => m.organisationName },
          {
            key: "role",
            header: t("careFile.team.roleAndPurpose"),
            cell: (m) => (
              <span>
                {labels.memberRole(m.memberRole)}
                {m.purpose ? `: ${labels.purpose(m.purpose)}` : null}
                {m.purposeNote ? <><br />{m.purposeNote}</> : null}
              </span>
            ),
          },
          {
            key: "period",
            header: t("careFile.team.period"),
            cell: (m) => (m.validUntil ? t("careFile.common.period", { from: formatDay(m.validFrom), until: formatDay(m.validUntil) }) : t("careFile.common.periodOpen", { from: formatDay(m.validFrom) })),
          },
          {
            key: "basis",
            header: t("careFile.team.basis"),
            cell: (m) => (
              <span>
                {labels.basis(m.basis)}
                {m.legalBasisNote ? <><br />{m.legalBasisNote}</> : null}
              </span>
            ),
          },
          { key: "state", header: t("careFile.team.state"), cell: (m) => <MemberState member={m} /> },
        ]}
        edit={manage ? {
          label: t("careFile.team.end"),
          rowLabel: nameOf,
          panel: "team-end",
          may: mayEnd,
          form: (m, close) => <EndMemberForm file={file} member={m} name={nameOf(m)} onCancel={close} />,
        } : undefined}
      />
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
