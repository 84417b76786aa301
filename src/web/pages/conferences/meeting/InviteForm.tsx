import { Paragraph } from "@utrecht/component-library-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { useLoad } from "../../../api/useLoad.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { CheckboxGroup, SelectField } from "../../../components/fields.tsx";
import { formatList } from "../../../i18n/format.ts";
import type { Meeting } from "../types.ts";
import { fetchDelegateCandidates } from "./candidates.ts";
import { meetingPath, useMeeting } from "./context.ts";
import { SubmitRow } from "./parts.tsx";
import { useChecks, useMeetingAction } from "./useMeetingAction.ts";

const FIELDS = ["inviteOrganisation", "inviteUsers"] as const;
const RENAME = { organisationId: "inviteOrganisation", userIds: "inviteUsers" };

/**
 * Inviting an organisation of the meeting's region and who takes part for it. Choosing an organisation that
 * is already invited adds delegates to it; people who already take part are shown, but cannot be chosen.
 */
export function InviteForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const { meeting, network } = useMeeting();
  const checks = useChecks();
  const [organisation, setOrganisation] = useState("");
  const [users, setUsers] = useState<string[]>([]);
  const l = { inviteOrganisation: t("conferences.meeting.participants.organisation"), inviteUsers: t("conferences.meeting.participants.people") };
  const { errors, busy, run } = useMeetingAction("participants", FIELDS, l, RENAME);
  const candidates = useLoad(() => fetchDelegateCandidates(meeting, organisation), `${meeting.id}:${organisation}`, Boolean(organisation));
  const invited = new Set(meeting.participants.map((p) => p.organisationId));
  const organisations = (network?.organisations ?? [])
    .filter((o) => o.regionId === meeting.regionId && o.id !== meeting.organisationId)
    .sort((a, b) => Number(invited.has(a.id)) - Number(invited.has(b.id)) || a.name.localeCompare(b.name, "nl"));
  const people = candidates.data ?? [];
  const nameOf = (name: string | null) => name ?? t("conferences.meeting.participants.unnamed");

  const choose = (value: string) => {
    setOrganisation(value);
    setUsers([]);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const organisationName = organisations.find((o) => o.id === organisation)?.name ?? "";
    const names = people.filter((p) => users.includes(p.userId)).map((p) => nameOf(p.name));
    run(
      { inviteOrganisation: checks.choice(organisation, l.inviteOrganisation) },
      () => api.post<Meeting>(meetingPath(meeting, "participants"), { organisationId: organisation, userIds: users }),
      names.length
        ? t("conferences.meeting.participants.invitedWith", { organisation: organisationName, names: formatList(names) })
        : t("conferences.meeting.participants.invited", { organisation: organisationName }),
      onCancel,
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="invite-toggle">
      <Paragraph>{t("conferences.meeting.participants.inviteIntro")}</Paragraph>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <SelectField
        name="inviteOrganisation"
        label={l.inviteOrganisation}
        value={organisation}
        onChange={choose}
        placeholder={t("conferences.meeting.participants.chooseOrganisation")}
        options={organisations.map((o) => ({
          value: o.id,
          label: invited.has(o.id) ? t("conferences.meeting.participants.alreadyInvited", { organisation: o.name }) : o.name,
        }))}
        error={errors.fields.inviteOrganisation}
      />
      {organisation && candidates.loading ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {organisation && candidates.error ? <Paragraph role="status">{candidates.error}</Paragraph> : null}
      {organisation && candidates.data && people.length === 0 ? <Paragraph>{t("conferences.meeting.participants.noCandidates")}</Paragraph> : null}
      {organisation && people.length > 0 ? (
        <CheckboxGroup
          name="inviteUsers"
          legend={l.inviteUsers}
          description={t("conferences.meeting.participants.peopleDescription")}
          values={users}
          onChange={setUsers}
          options={people.map((p) => ({
            value: p.userId,
            label: p.delegate ? t("conferences.meeting.participants.alreadyDelegate", { name: nameOf(p.name) }) : nameOf(p.name),
            disabled: p.delegate,
          }))}
          error={errors.fields.inviteUsers}
        />
      ) : null}
      <SubmitRow busy={busy} label={t("conferences.meeting.participants.inviteSubmit")} onCancel={onCancel} />
    </form>
  );
}
