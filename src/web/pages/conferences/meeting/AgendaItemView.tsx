import { DataList, Heading, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import type { AgendaItem, SharedSection } from "../types.ts";
import { ActionsPart } from "./ActionsPart.tsx";
import { itemSection, useMeeting } from "./context.ts";
import { DecisionsPart } from "./DecisionsPart.tsx";
import { ItemFacts } from "./ItemFacts.tsx";
import { useConferenceLabels } from "./labels.ts";
import { NotesPart } from "./NotesPart.tsx";
import { Item, Marker, SectionStatus } from "./parts.tsx";
import { WithdrawItem } from "./WithdrawItem.tsx";

/**
 * One admitted agenda item: its heading for everyone who sees the meeting; for whoever may read it the
 * question, what it shares, notes, decisions and actions, with the organiser's forms. Who may not read it is
 * told why, in words.
 */
export function AgendaItemView({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const { meeting } = useMeeting();
  const labels = useConferenceLabels();
  const section = itemSection(item.id);
  const heading = t("conferences.meeting.agenda.item", {
    position: item.position ?? "–",
    subject: labels.subject(item.subjectType),
    reference: item.subjectReference,
  });
  const locked =
    meeting.status === "planned"
      ? t("conferences.meeting.agenda.notReadablePlanned")
      : meeting.status === "cancelled"
        ? t("conferences.meeting.agenda.notReadableCancelled")
        : t("conferences.meeting.agenda.notReadableClosed");
  return (
    <article id={section} aria-labelledby={`${section}-heading`} className="kz-agenda-item">
      <Heading level={4} id={`${section}-heading`}>{heading}</Heading>
      <SectionStatus id={section} />
      {item.waitingForFeedback && meeting.abilities.admit ? (
        <Paragraph className="kz-agenda-waiting">
          <Marker>{t("conferences.meeting.agenda.waiting")}</Marker> {t("conferences.meeting.agenda.waitingText")}
        </Paragraph>
      ) : null}
      <ItemFacts item={item} />
      {item.readable ? (
        <>
          <Heading level={5}>{t("conferences.meeting.agenda.question")}</Heading>
          <Paragraph className="kz-pre-line">{item.question}</Paragraph>
          <SharedContent sections={item.sharedContent ?? []} />
          <NotesPart item={item} />
          <DecisionsPart item={item} />
          <ActionsPart item={item} />
        </>
      ) : (
        <Paragraph className="kz-agenda-locked">{locked}</Paragraph>
      )}
      <WithdrawItem item={item} />
    </article>
  );
}

/** What the item shares, a snapshot taken when it was brought in; headings translated by their part. */
function SharedContent({ sections }: { sections: SharedSection[] }) {
  const { t, i18n } = useTranslation();
  const labels = useConferenceLabels();
  // The snapshot's own headings are Dutch; in another language the part's code gives the heading.
  const heading = (s: SharedSection) => (i18n.language === "nl" ? s.label : labels.part(s.part));
  return (
    <>
      <Heading level={5}>{t("conferences.meeting.agenda.sharedHeading")}</Heading>
      <Paragraph className="kz-file-hint">{t("conferences.meeting.agenda.sharedIntro")}</Paragraph>
      <DataList appearance="rows" className="kz-data-list kz-shared-content">
        {sections.map((s) => (
          <Item key={s.part} label={heading(s)}>
            {s.lines.length === 1 ? (
              <span className="kz-pre-line">{s.lines[0]}</span>
            ) : (
              <ul className="kz-shared-lines">
                {s.lines.map((line, index) => (
                  <li key={`${index}-${line}`}>{line}</li>
                ))}
              </ul>
            )}
          </Item>
        ))}
      </DataList>
    </>
  );
}
