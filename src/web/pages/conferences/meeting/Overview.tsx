import { ButtonGroup, DataList, Heading, Link, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import type { conferencesNl } from "../../../i18n/nl/conferences.ts";
import { useSession } from "../../../session/SessionContext.tsx";
import type { Meeting } from "../types.ts";
import { ConfirmButton } from "../../../components/ConfirmButton.tsx";
import { meetingPath, useMeeting } from "./context.ts";
import { EditMeetingForm } from "./EditMeetingForm.tsx";
import { useConferenceLabels } from "./labels.ts";
import { Disclosure, Item, MeetingSection } from "./parts.tsx";
import { formatMeetingTime, formatMoment } from "./time.ts";
import { useMeetingAction } from "./useMeetingAction.ts";

/** The meeting's details, its status in words, and for the organiser: open, close, cancel and change it. */
export function Overview() {
  const { t } = useTranslation();
  const { meeting } = useMeeting();
  const labels = useConferenceLabels();
  const { session } = useSession();
  const o = (key: OverviewKey) => t(`conferences.meeting.overview.${key}`);
  const role = meeting.abilities.admit
    ? o("roleOrganiser")
    : meeting.isDelegate
      ? t("conferences.meeting.overview.roleDelegate", { organisation: session?.user?.organisation.name ?? "" })
      : o("roleRegion");
  return (
    <MeetingSection id="overview" heading={t("conferences.meeting.sections.overview")}>
      <Paragraph>
        <strong>{labels.status(meeting.status)}. </strong>
        {t(`conferences.meeting.overview.statusText.${meeting.status}`)}
      </Paragraph>
      <DataList appearance="rows" className="kz-data-list kz-meeting-facts">
        <Item label={o("when")}>{formatMeetingTime(meeting.startsAt, meeting.endsAt)}</Item>
        <Item label={o("place")}>{meeting.location ?? o("noPlace")}</Item>
        {meeting.videoLink ? (
          <Item label={o("videoLink")}>
            <Link href={meeting.videoLink} className="kz-meeting-link" rel="noreferrer" target="_blank">
              {o("openVideo")}
            </Link>
          </Item>
        ) : null}
        <Item label={o("kind")}>{labels.kind(meeting.kind)}</Item>
        <Item label={o("reference")}>{meeting.reference}</Item>
        <Item label={o("organiser")}>{meeting.organisationName}</Item>
        <Item label={o("chair")}>{meeting.chair?.name ?? o("none")}</Item>
        <Item label={o("secretary")}>{meeting.secretary?.name ?? o("none")}</Item>
        <Item label={o("region")}>{meeting.regionName}</Item>
        {meeting.openedAt ? <Item label={o("openedAt")}>{formatMoment(meeting.openedAt)}</Item> : null}
        {meeting.closedAt ? <Item label={o("closedAt")}>{formatMoment(meeting.closedAt)}</Item> : null}
        <Item label={o("yourRole")}>{role}</Item>
      </DataList>
      {meeting.abilities.run && (meeting.status === "planned" || meeting.status === "in_progress") ? <RunActions /> : null}
      {meeting.abilities.update && meeting.status === "planned" ? (
        <Disclosure id="meeting-edit" label={o("edit")}>
          {(close) => <EditMeetingForm onCancel={close} />}
        </Disclosure>
      ) : null}
    </MeetingSection>
  );
}

type OverviewKey = Exclude<keyof (typeof conferencesNl)["meeting"]["overview"], "statusText" | "roleDelegate">;

const NO_FIELDS: readonly string[] = [];

function RunActions() {
  const { t } = useTranslation();
  const { meeting } = useMeeting();
  const { errors, busy, run } = useMeetingAction("overview", NO_FIELDS, {});
  const step = (path: "open" | "close" | "cancel", message: string) => run({}, () => api.post<Meeting>(meetingPath(meeting, path)), message);
  const o = (key: OverviewKey) => t(`conferences.meeting.overview.${key}`);
  return (
    <div role="group" aria-labelledby="meeting-run-heading" className="kz-meeting-run">
      <Heading level={3} id="meeting-run-heading">{o("runHeading")}</Heading>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <Paragraph>{meeting.status === "planned" ? o("openIntro") : o("closeIntro")}</Paragraph>
      <ButtonGroup className="kz-meeting-run__buttons">
        {/* Keyed: the open step's "Ja, …" must not carry over to the close step once the meeting runs. */}
        {meeting.status === "planned" ? (
          <>
            <ConfirmButton key="meeting-open" id="meeting-open" label={o("open")} question={o("openConfirm")} yes={o("openYes")} busy={busy} onConfirm={() => step("open", o("opened"))} />
            <ConfirmButton key="meeting-cancel" id="meeting-cancel" label={o("cancel")} question={o("cancelConfirm")} yes={o("cancelYes")} busy={busy} danger onConfirm={() => step("cancel", o("cancelled"))} />
          </>
        ) : (
          <ConfirmButton key="meeting-close" id="meeting-close" label={o("close")} question={o("closeConfirm")} yes={o("closeYes")} busy={busy} onConfirm={() => step("close", o("closed"))} />
        )}
      </ButtonGroup>
    </div>
  );
}
