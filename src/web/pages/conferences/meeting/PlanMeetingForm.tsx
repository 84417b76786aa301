import { Paragraph } from "@utrecht/component-library-react";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../../api/client.ts";
import { useLoad } from "../../../api/useLoad.ts";
import type { Region } from "../../../api/types.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { SelectField } from "../../../components/fields.tsx";
import { useSession } from "../../../session/SessionContext.tsx";
import { useAction } from "../../signals/detail/useAction.ts";
import type { Meeting } from "../types.ts";
import {
  checkMeeting, emptyDraft, MeetingFields, meetingFieldLabels, meetingFieldNames, meetingRename, meetingTimes, OrganiserFields, type MeetingDraft, type Organiser,
} from "./MeetingFields.tsx";
import { SubmitRow } from "./parts.tsx";

const PREFIX = "plan";

/** Where the meeting page finds the message after planning: in the router's state, not in the address. */
export interface PlannedState {
  planned?: string;
}

/**
 * A chair plans a meeting of their organisation, with its chair (by default themselves) and a secretary if
 * any, and goes on to its page to invite organisations and delegates.
 */
export function PlanMeetingForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<MeetingDraft>(emptyDraft);
  const [region, setRegion] = useState("");
  const { session } = useSession();
  const self = session?.user;
  const [chair, setChair] = useState(self?.id ?? "");
  const [secretary, setSecretary] = useState("");
  const fields = useMemo(() => ["planRegion", ...meetingFieldNames(PREFIX), "planChair", "planSecretary"], []);
  const labels = { planRegion: t("conferences.plan.region"), ...meetingFieldLabels(t, PREFIX), planChair: t("conferences.plan.chair"), planSecretary: t("conferences.plan.secretary") };
  const { errors, busy, submit } = useAction(fields, labels, {
    ...meetingRename(PREFIX), regionId: "planRegion", chairUserId: "planChair", secretaryUserId: "planSecretary",
  });
  // The organisation's conference chairs; until they are in, the chair can only be the user themself.
  const organisers = useLoad(() => api.get<Organiser[]>("/meeting-organisers"), "meeting-organisers");
  const people: Organiser[] = organisers.data ?? (self ? [{ userId: self.id, name: self.displayName }] : []);
  // A chair whose organisation works in more than one region says which region the meeting is for.
  const regions = useLoad(() => api.get<{ items: Region[] }>("/regions"), "regions");
  const choices = regions.data?.items ?? [];
  const chooseRegion = choices.length > 1;
  const set = (change: Partial<MeetingDraft>) => setDraft((d) => ({ ...d, ...change }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      kind: draft.kind,
      ...(chooseRegion && region ? { regionId: region } : {}),
      title: draft.title.trim(),
      ...meetingTimes(draft),
      ...(draft.location.trim() ? { location: draft.location.trim() } : {}),
      ...(draft.videoLink.trim() ? { videoLink: draft.videoLink.trim() } : {}),
      ...(chair ? { chairUserId: chair } : {}),
      ...(secretary ? { secretaryUserId: secretary } : {}),
    };
    const check = { ...checkMeeting(t, PREFIX, draft, true), planRegion: chooseRegion && !region ? t("conferences.plan.errors.region") : undefined };
    void submit(check, () => api.post<Meeting>("/meetings", body), (meeting) => {
      const state: PlannedState = { planned: meeting.reference };
      navigate(`/overleg/${encodeURIComponent(meeting.id)}`, { state });
    });
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="meeting-plan-toggle">
      <Paragraph>{t("conferences.plan.intro")}</Paragraph>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      {chooseRegion ? (
        <SelectField
          name="planRegion"
          label={labels.planRegion}
          description={t("conferences.plan.regionDescription")}
          value={region}
          onChange={setRegion}
          placeholder={t("conferences.plan.chooseRegion")}
          options={choices.map((r) => ({ value: r.id, label: r.name }))}
          error={errors.fields.planRegion}
        />
      ) : null}
      <MeetingFields prefix={PREFIX} draft={draft} set={set} errors={errors.fields} withKind />
      <OrganiserFields prefix={PREFIX} organisers={people} chair={chair} secretary={secretary} setChair={setChair} setSecretary={setSecretary} errors={errors.fields} />
      <SubmitRow busy={busy} label={t("conferences.plan.submit")} onCancel={onCancel} />
    </form>
  );
}
