import { Heading, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import type { AgendaItem } from "../types.ts";
import { AgendaItemView } from "./AgendaItemView.tsx";
import { useMeeting } from "./context.ts";
import { useConferenceLabels } from "./labels.ts";
import { MeetingSection } from "./parts.tsx";
import { ProposedItem } from "./ProposedItem.tsx";

/**
 * The agenda: items brought in and waiting for the organiser, the admitted items in their order, and (for
 * the organiser and whoever brought them) those declined or withdrawn. Everyone who sees the meeting sees an
 * admitted item's heading; its content only who may read it.
 */
export function Agenda() {
  const { t } = useTranslation();
  const { meeting } = useMeeting();
  const labels = useConferenceLabels();
  const proposed = meeting.agenda.filter((i) => i.status === "proposed");
  const admitted = meeting.agenda.filter((i) => i.status === "admitted").sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const other = meeting.agenda.filter((i) => i.status === "declined" || i.status === "withdrawn");
  const organiser = meeting.abilities.admit === true;
  return (
    <MeetingSection id="agenda" heading={t("conferences.meeting.sections.agenda")}>
      <Paragraph className="kz-prose">{t("conferences.meeting.agenda.intro")}</Paragraph>
      {meeting.agenda.length === 0 ? <Paragraph className="kz-file-empty">{t("conferences.meeting.agenda.introEmpty")}</Paragraph> : null}
      {proposed.length > 0 ? (
        <div role="group" aria-labelledby="agenda-proposed-heading" className="kz-agenda-group">
          <Heading level={3} id="agenda-proposed-heading">{t("conferences.meeting.agenda.proposedHeading")}</Heading>
          <Paragraph>{organiser ? t("conferences.meeting.agenda.proposedIntro") : t("conferences.meeting.agenda.proposedIntroOthers")}</Paragraph>
          {proposed.map((item) => (
            <ProposedItem key={item.id} item={item} />
          ))}
        </div>
      ) : null}
      {admitted.length > 0 ? (
        <div role="group" aria-labelledby="agenda-admitted-heading" className="kz-agenda-group">
          <Heading level={3} id="agenda-admitted-heading">{t("conferences.meeting.agenda.admittedHeading")}</Heading>
          <ol className="kz-agenda-list">
            {admitted.map((item) => (
              <li key={item.id}>
                <AgendaItemView item={item} />
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {other.length > 0 ? (
        <div role="group" aria-labelledby="agenda-other-heading" className="kz-agenda-group">
          <Heading level={3} id="agenda-other-heading">{t("conferences.meeting.agenda.otherHeading")}</Heading>
          <UnorderedList>
            {other.map((item) => (
              <UnorderedListItem key={item.id}>
                <OtherItem item={item} statusLabel={labels.itemStatus(item.status)} subject={labels.subject(item.subjectType)} />
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </div>
      ) : null}
    </MeetingSection>
  );
}

function OtherItem({ item, statusLabel, subject }: { item: AgendaItem; statusLabel: string; subject: string }) {
  const { t } = useTranslation();
  return (
    <>
      <strong>{t("conferences.meeting.agenda.proposedItem", { subject, reference: item.subjectReference })}</strong>
      {` — ${statusLabel}, ${item.proposerOrganisationName}`}
      {item.declineReason ? (
        <>
          <br />
          {t("conferences.meeting.agenda.facts.declineReason")}: {item.declineReason}
        </>
      ) : null}
    </>
  );
}
