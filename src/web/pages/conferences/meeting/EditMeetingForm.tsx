import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { useLoad } from "../../../api/useLoad.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { SelectField } from "../../../components/fields.tsx";
import type { Meeting } from "../types.ts";
import { fetchDelegateCandidates } from "./candidates.ts";
import { meetingPath, useMeeting } from "./context.ts";
import { checkMeeting, MeetingFields, meetingFieldLabels, meetingFieldNames, meetingRename, meetingTimes, type MeetingDraft } from "./MeetingFields.tsx";
import { SubmitRow } from "./parts.tsx";
import { dutchParts } from "./time.ts";
import { useMeetingAction } from "./useMeetingAction.ts";

const PREFIX = "edit";

function draftOf(meeting: Meeting): MeetingDraft {
  const start = dutchParts(meeting.startsAt);
  return {
    kind: meeting.kind,
    title: meeting.title,
    date: start.date,
    start: start.time,
    end: dutchParts(meeting.endsAt).time,
    location: meeting.location ?? "",
    videoLink: meeting.videoLink ?? "",
  };
}

/** Changing a planned meeting: only what changed is sent; an emptied place or link is removed. */
export function EditMeetingForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const { meeting } = useMeeting();
  const [draft, setDraft] = useState<MeetingDraft>(() => draftOf(meeting));
  const [chair, setChair] = useState(meeting.chair?.userId ?? "");
  const [secretary, setSecretary] = useState(meeting.secretary?.userId ?? "");
  const fields = useMemo(() => [...meetingFieldNames(PREFIX), "editChair", "editSecretary"], []);
  const labels = { ...meetingFieldLabels(t, PREFIX), editChair: t("conferences.plan.chair"), editSecretary: t("conferences.plan.secretary") };
  const { errors, busy, run, failForm } = useMeetingAction("overview", fields, labels, {
    ...meetingRename(PREFIX), chairUserId: "editChair", secretaryUserId: "editSecretary",
  });
  // The organiser's own chairs and secretaries, from the people who can take part for the organising organisation.
  const people = useLoad(() => fetchDelegateCandidates(meeting, meeting.organisationId), `secretaries-${meeting.id}`);
  const chairs = (people.data ?? []).filter((p) => p.roles.includes("conference_chair"));
  const secretaries = chairs.filter((p) => p.userId !== chair);
  const nameOf = (p: { userId: string; name: string | null }) => p.name ?? t("conferences.meeting.participants.unnamed");
  const set = (change: Partial<MeetingDraft>) => setDraft((d) => ({ ...d, ...change }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const before = draftOf(meeting);
    const times = meetingTimes(draft);
    const timesChanged = draft.date !== before.date || draft.start !== before.start || draft.end !== before.end;
    const body: Record<string, unknown> = {
      ...(draft.title.trim() !== before.title ? { title: draft.title.trim() } : {}),
      ...(timesChanged ? times : {}),
      ...(draft.location.trim() !== before.location ? { location: draft.location.trim() || null } : {}),
      ...(draft.videoLink.trim() !== before.videoLink ? { videoLink: draft.videoLink.trim() || null } : {}),
      ...(chair && chair !== (meeting.chair?.userId ?? "") ? { chairUserId: chair } : {}),
      ...(secretary !== (meeting.secretary?.userId ?? "") ? { secretaryUserId: secretary || null } : {}),
    };
    const check = {
      ...checkMeeting(t, PREFIX, draft, false),
      editSecretary: secretary && secretary === chair ? t("conferences.plan.errors.secretaryIsChair") : undefined,
    };
    if (!Object.values(check).some(Boolean) && Object.keys(body).length === 0) return failForm(t("conferences.meeting.overview.nothingChanged"));
    run(check, () => api.patch<Meeting>(meetingPath(meeting), body), t("conferences.meeting.overview.saved"), onCancel);
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="meeting-edit-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <MeetingFields prefix={PREFIX} draft={draft} set={set} errors={errors.fields} withKind={false} />
      <SelectField
        name="editChair"
        label={labels.editChair}
        description={t("conferences.plan.chairDescription")}
        value={chair}
        onChange={setChair}
        options={chairs.length ? chairs.map((p) => ({ value: p.userId, label: nameOf(p) })) : meeting.chair ? [{ value: meeting.chair.userId, label: nameOf(meeting.chair) }] : []}
        error={errors.fields.editChair}
      />
      <SelectField
        name="editSecretary"
        label={labels.editSecretary}
        description={t("conferences.plan.secretaryDescription")}
        value={secretary}
        onChange={setSecretary}
        placeholder={t("conferences.plan.chooseSecretary")}
        options={secretaries.map((p) => ({ value: p.userId, label: nameOf(p) }))}
        error={errors.fields.editSecretary}
        optional
      />
      <SubmitRow busy={busy} label={t("conferences.meeting.overview.save")} onCancel={onCancel} />
    </form>
  );
}
