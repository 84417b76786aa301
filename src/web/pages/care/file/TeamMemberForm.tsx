import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiProblem } from "../../../api/client.ts";
import { useLoad } from "../../../api/useLoad.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { CheckboxField, RadioGroup, SelectField, TextareaField, TextField } from "../../../components/fields.tsx";
import { teamPurposes, type TeamCandidate, type TeamPurpose, type VictimFile } from "../types.ts";
import { filePath, useFile } from "./context.ts";
import { todayIso, useLabels } from "./labels.ts";
import { basisRename, LegalBasisFields } from "./LegalBasisFields.tsx";
import { SubmitRow } from "./parts.tsx";
import { useChecks, useFileAction } from "./useFileAction.ts";

const FIELDS = [
  "teamOrganisation", "teamUser", "teamRole", "teamPurpose", "teamPurposeNote", "teamValidFrom", "teamValidUntil", "teamLegalBasis", "teamLegalBasisNote",
] as const;
const RENAME = {
  userId: "teamUser", memberRole: "teamRole", purpose: "teamPurpose", purposeNote: "teamPurposeNote", validFrom: "teamValidFrom", validUntil: "teamValidUntil",
  ...basisRename("team"),
};

/**
 * Adding someone to the case team: organisation → its eligible users → coordinator or partner; a partner
 * joins for one purpose and a period, which needs consent for that purpose and organisation, or a legal basis
 * the coordinator states. The basis fields appear when the coordinator chooses, or when the server says
 * consent is missing.
 */
export function TeamMemberForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const { file, network } = useFile();
  const labels = useLabels();
  const checks = useChecks();
  const [organisation, setOrganisation] = useState("");
  const [user, setUser] = useState("");
  const [role, setRole] = useState<"coordinator" | "partner">("partner");
  const [purpose, setPurpose] = useState<TeamPurpose | "">("");
  const [purposeNote, setPurposeNote] = useState("");
  const [validFrom, setValidFrom] = useState(todayIso());
  const [validUntil, setValidUntil] = useState("");
  const [withBasis, setWithBasis] = useState(false);
  const [basis, setBasis] = useState("");
  const [basisNote, setBasisNote] = useState("");
  const l = {
    teamOrganisation: t("careFile.team.organisation"), teamUser: t("careFile.team.user"), teamRole: t("careFile.team.role"), teamPurpose: t("careFile.team.purpose"),
    teamPurposeNote: t("careFile.team.purposeNote"), teamValidFrom: t("careFile.team.validFrom"), teamValidUntil: t("careFile.team.validUntil"),
    teamLegalBasis: t("careFile.basis.legalBasis"), teamLegalBasisNote: t("careFile.basis.note"),
  };
  const { errors, busy, run } = useFileAction("team", FIELDS, l, RENAME);
  const candidates = useLoad(
    () => api.get<TeamCandidate[]>(filePath(file, "team-candidates"), { organisationId: organisation }),
    `${file.id}:${organisation}`,
    Boolean(organisation),
  );
  const ownOrganisation = organisation === file.organisationId;
  const memberRole = ownOrganisation ? role : "partner";
  const partner = memberRole === "partner";
  const organisations = (network?.organisations ?? []).filter((o) => o.regionId === file.regionId);
  // Who is on the team already cannot be added again (the server would refuse it).
  const onTeam = new Set((file.team ?? []).filter((m) => m.active).map((m) => m.userId));

  const chooseOrganisation = (value: string) => {
    setOrganisation(value);
    setUser("");
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check = {
      teamOrganisation: checks.choice(organisation, l.teamOrganisation),
      teamUser: organisation ? checks.choice(user, l.teamUser) : undefined,
      teamPurpose: partner ? checks.choice(purpose, l.teamPurpose) : undefined,
      teamValidUntil: partner ? checks.date(validUntil, l.teamValidUntil) : undefined,
      teamLegalBasis: partner && withBasis ? checks.choice(basis, l.teamLegalBasis) : undefined,
      teamLegalBasisNote: partner && withBasis ? checks.text(basisNote, l.teamLegalBasisNote) : undefined,
    };
    const body = {
      userId: user,
      memberRole,
      ...(partner ? { purpose, validUntil } : {}),
      ...(partner && purposeNote.trim() ? { purposeNote: purposeNote.trim() } : {}),
      ...(validFrom ? { validFrom } : {}),
      ...(partner && withBasis ? { legalBasis: basis, legalBasisNote: basisNote.trim() } : {}),
    };
    const name = candidates.data?.find((c) => c.userId === user)?.name ?? "";
    run(
      check,
      () =>
        api.post<VictimFile>(filePath(file, "team-members"), body).catch((error: unknown) => {
          // No consent for this purpose and organisation: offer the legal basis right away.
          if (error instanceof ApiProblem && error.code === "consent_required") setWithBasis(true);
          throw error;
        }),
      t("careFile.team.added", { name }),
      onCancel,
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="team-add-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <SelectField
        name="teamOrganisation"
        label={l.teamOrganisation}
        value={organisation}
        onChange={chooseOrganisation}
        placeholder={t("careFile.common.chooseOrganisation")}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        error={errors.fields.teamOrganisation}
      />
      {organisation ? (
        <SelectField
          name="teamUser"
          label={l.teamUser}
          description={candidates.loading ? t("app.loading") : candidates.error ?? (candidates.data?.length === 0 ? t("careFile.team.noCandidates") : undefined)}
          value={user}
          onChange={setUser}
          placeholder={t("careFile.team.chooseUser")}
          options={(candidates.data ?? []).filter((c) => !onTeam.has(c.userId)).map((c) => ({ value: c.userId, label: c.name ?? c.userId }))}
          error={errors.fields.teamUser}
        />
      ) : null}
      {ownOrganisation ? (
        <RadioGroup
          name="teamRole"
          legend={l.teamRole}
          value={role}
          onChange={setRole}
          options={[
            { value: "coordinator", label: labels.memberRole("coordinator"), description: t("careFile.team.roleCoordinatorDescription") },
            { value: "partner", label: labels.memberRole("partner"), description: t("careFile.team.rolePartnerDescription") },
          ]}
          error={errors.fields.teamRole}
        />
      ) : null}
      {partner ? (
        <>
          <SelectField
            name="teamPurpose"
            label={l.teamPurpose}
            description={purpose ? `${t("careFile.team.purposeDescription")} ${t("careFile.team.purposeSees", { parts: t(`careFile.team.purposeParts.${purpose}`) })}` : t("careFile.team.purposeDescription")}
            value={purpose}
            onChange={(v) => setPurpose(teamPurposes.find((p) => p === v) ?? "")}
            placeholder={t("careFile.team.choosePurpose")}
            options={teamPurposes.map((p) => ({ value: p, label: labels.purpose(p) }))}
            error={errors.fields.teamPurpose}
          />
          <TextareaField name="teamPurposeNote" label={l.teamPurposeNote} value={purposeNote} onChange={setPurposeNote} error={errors.fields.teamPurposeNote} optional maxLength={1000} rows={2} />
        </>
      ) : null}
      <TextField name="teamValidFrom" label={l.teamValidFrom} type="date" value={validFrom} onChange={setValidFrom} error={errors.fields.teamValidFrom} optional size="small" />
      {partner ? (
        <TextField
          name="teamValidUntil"
          label={l.teamValidUntil}
          description={t("careFile.team.validUntilDescription")}
          type="date"
          value={validUntil}
          onChange={setValidUntil}
          error={errors.fields.teamValidUntil}
          size="small"
        />
      ) : null}
      {partner ? (
        <CheckboxField id="field-teamWithBasis" name="teamWithBasis" label={t("careFile.basis.toggle")} checked={withBasis} onChange={setWithBasis} />
      ) : null}
      {partner && withBasis ? (
        <LegalBasisFields prefix="team" basis={basis} setBasis={setBasis} note={basisNote} setNote={setBasisNote} errors={errors.fields} />
      ) : null}
      <SubmitRow busy={busy} label={t("careFile.team.submit")} onCancel={onCancel} />
    </form>
  );
}
