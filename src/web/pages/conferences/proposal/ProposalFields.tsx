import { Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { useLoad } from "../../../api/useLoad.ts";
import { AppLink } from "../../../components/links.tsx";
import { CheckboxGroup, SelectField, TextareaField } from "../../../components/fields.tsx";
import type { FieldErrors } from "../../../components/useFormErrors.ts";
import { formatDateTime, formatList } from "../../../i18n/format.ts";
import { useMeasureLabels } from "../../measures/labels.ts";
import type { Meeting, MeetingList } from "../types.ts";
import "../../measures/measures.css";

/**
 * What bringing a signal or a victim file into a meeting asks in both forms: the meeting (one that has not
 * ended, of those the user sees), the question for the meeting and the parts that are shared. Field ids carry
 * a prefix: "<prefix>Meeting", "<prefix>Question", "<prefix>Parts".
 */
export function useOpenMeetings() {
  const meetings = useLoad(() => api.get<MeetingList>("/meetings", { scope: "upcoming", pageSize: 100 }), "proposal-meetings");
  const open = (meetings.data?.items ?? []).filter((m) => m.status === "planned" || m.status === "in_progress");
  return { ...meetings, open };
}

export interface ProposalDraft {
  meetingId: string;
  question: string;
  parts: string[];
}

export const emptyProposal: ProposalDraft = { meetingId: "", question: "", parts: [] };

/** The API's field names mapped onto the form's ids. */
export const proposalRename = (prefix: string): Record<string, string> => ({
  meetingId: `${prefix}Meeting`, question: `${prefix}Question`, sharedParts: `${prefix}Parts`,
});

export function ProposalFields(props: {
  prefix: string;
  draft: ProposalDraft;
  onChange: (patch: Partial<ProposalDraft>) => void;
  parts: readonly string[];
  meetings: ReturnType<typeof useOpenMeetings>;
  errors: FieldErrors;
  labels: { meeting: string; question: string; parts: string };
  partsNote?: string;
}) {
  const { t } = useTranslation();
  const labels = useMeasureLabels();
  const { prefix, draft, onChange, meetings, errors } = props;
  const option = (m: (typeof meetings.open)[number]) =>
    m.status === "in_progress"
      ? t("measures.proposal.meetingOptionRunning", { reference: m.reference, title: m.title, kind: labels.meetingKind(m.kind), organisation: m.organisationName })
      : t("measures.proposal.meetingOption", {
          reference: m.reference, title: m.title, kind: labels.meetingKind(m.kind), date: formatDateTime(m.startsAt), organisation: m.organisationName,
        });
  const none = meetings.data !== null && meetings.open.length === 0;
  return (
    <>
      <SelectField
        name={`${prefix}Meeting`}
        label={props.labels.meeting}
        description={meetings.loading ? t("app.loading") : meetings.error ?? (none ? t("measures.proposal.noMeetings") : t("measures.proposal.meetingDescription"))}
        value={draft.meetingId}
        onChange={(meetingId) => onChange({ meetingId })}
        placeholder={t("measures.proposal.chooseMeeting")}
        options={meetings.open.map((m) => ({ value: m.id, label: option(m) }))}
        error={errors[`${prefix}Meeting`]}
      />
      <TextareaField
        name={`${prefix}Question`}
        label={props.labels.question}
        description={t("measures.proposal.questionDescription")}
        value={draft.question}
        onChange={(question) => onChange({ question })}
        error={errors[`${prefix}Question`]}
        maxLength={2000}
        rows={4}
      />
      <CheckboxGroup
        name={`${prefix}Parts`}
        legend={props.labels.parts}
        description={t("measures.proposal.partsDescription")}
        options={props.parts.map((p) => ({ value: p, label: labels.sharedPart(p) }))}
        values={draft.parts}
        onChange={(parts) => onChange({ parts })}
        error={errors[`${prefix}Parts`]}
        note={props.partsNote}
      />
    </>
  );
}

/** The item just brought in, from the meeting the server answered with: its status and a link to the meeting. */
export function ProposalResult({ meeting, subjectId, subjectReference }: { meeting: Meeting; subjectId: string; subjectReference: string }) {
  const { t } = useTranslation();
  const labels = useMeasureLabels();
  const item = meeting.agenda
    .filter((i) => i.subjectId === subjectId || i.subjectReference === subjectReference)
    .sort((a, b) => b.proposedAt.localeCompare(a.proposedAt))[0];
  return (
    <div className="kz-proposal-done">
      <Paragraph>
        {t("measures.proposal.itemStatus", { reference: meeting.reference, title: meeting.title, status: item ? labels.itemStatus(item.status).toLowerCase() : "—" })}
      </Paragraph>
      {item ? <Paragraph>{t("measures.proposal.sharedNow", { parts: formatList(item.sharedParts.map((p) => labels.sharedPart(p).toLowerCase())) })}</Paragraph> : null}
      <Paragraph>
        <AppLink to={`/overleg/${encodeURIComponent(meeting.id)}`}>{t("measures.proposal.toMeeting", { reference: meeting.reference })}</AppLink>
      </Paragraph>
    </div>
  );
}
