import { Paragraph } from "@utrecht/component-library-react";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { SelectField } from "../../../components/fields.tsx";
import { useSession } from "../../../session/SessionContext.tsx";
import type { Meeting, MinutesFile } from "../types.ts";
import { meetingPath, useMeeting } from "./context.ts";
import { MeetingSection, SubmitRow } from "./parts.tsx";
import { useChecks, useMeetingAction } from "./useMeetingAction.ts";

/** Minutes exist once the meeting has begun; the organiser and the delegates may make them. */
export const showsMinutes = (meeting: Meeting) =>
  meeting.abilities.minutes === true && (meeting.status === "in_progress" || meeting.status === "closed");

const FIELDS = ["minutesRecipient"] as const;
const RENAME = { organisationId: "minutesRecipient" };

/**
 * The minutes as a PDF, made for one organisation with what it may not see left out. The organiser chooses
 * the recipient (a participant, or an organisation that took on an action); a delegate gets their own.
 */
export function Minutes() {
  const { t } = useTranslation();
  const { meeting } = useMeeting();
  const { session } = useSession();
  const checks = useChecks();
  const organiser = meeting.abilities.admit === true;
  const own = session?.user?.organisation;
  const recipients = useMemo(() => recipientsOf(meeting), [meeting]);
  const [recipient, setRecipient] = useState(organiser ? "" : (own?.id ?? ""));
  const label = t("conferences.meeting.minutes.recipient");
  const { errors, busy, run } = useMeetingAction("minutes", FIELDS, { minutesRecipient: label }, RENAME);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    let fileName = "";
    run(
      { minutesRecipient: checks.choice(recipient, label) },
      async () => {
        const file = await api.post<MinutesFile>(meetingPath(meeting, "minutes"), { organisationId: recipient });
        fileName = file.fileName || `verslag-${meeting.reference}.pdf`;
        downloadPdf(file, fileName);
        return meeting;
      },
      () => t("conferences.meeting.minutes.downloaded", { fileName }),
    );
  };

  return (
    <MeetingSection id="minutes" heading={t("conferences.meeting.sections.minutes")}>
      <Paragraph>{t("conferences.meeting.minutes.intro")}</Paragraph>
      <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="minutes-heading">
        <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
        {organiser ? (
          <SelectField
            name="minutesRecipient"
            label={label}
            description={t("conferences.meeting.minutes.recipientDescription")}
            value={recipient}
            onChange={setRecipient}
            placeholder={t("conferences.meeting.minutes.chooseRecipient")}
            options={recipients}
            error={errors.fields.minutesRecipient}
          />
        ) : (
          <Paragraph>{t("conferences.meeting.minutes.introDelegate", { organisation: own?.name ?? "" })}</Paragraph>
        )}
        <SubmitRow busy={busy} label={t("conferences.meeting.minutes.download")} />
      </form>
    </MeetingSection>
  );
}

/** The organisations the minutes can be made for: the participants and whoever took on an action. */
function recipientsOf(meeting: Meeting): { value: string; label: string }[] {
  const byId = new Map<string, string>();
  for (const p of meeting.participants) byId.set(p.organisationId, p.organisationName);
  for (const item of meeting.agenda) {
    for (const action of item.actions ?? []) byId.set(action.ownerOrganisationId, action.ownerOrganisationName);
  }
  return [...byId.entries()]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => Number(b.value === meeting.organisationId) - Number(a.value === meeting.organisationId) || a.label.localeCompare(b.label, "nl"));
}

/** Offers the PDF the server returned (base64) as a file download. */
function downloadPdf(file: MinutesFile, fileName: string): void {
  const bytes = Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
