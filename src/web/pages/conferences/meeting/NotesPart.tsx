import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { TextareaField } from "../../../components/fields.tsx";
import type { AgendaItem, Meeting } from "../types.ts";
import { itemPath, itemSection, useMeeting } from "./context.ts";
import { Disclosure, Empty, SubmitRow } from "./parts.tsx";
import { useMeetingAction } from "./useMeetingAction.ts";

/** Whether the organiser records on this item now: from opening the meeting, and still after closing it. */
export function recordsNow(meeting: Meeting, item: AgendaItem): boolean {
  return item.abilities.record === true && (meeting.status === "in_progress" || meeting.status === "closed");
}

/** The discussion notes of an item; the organiser writes them during the meeting and may complete them after. */
export function NotesPart({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const { meeting } = useMeeting();
  const edit = recordsNow(meeting, item);
  return (
    <div role="group" aria-labelledby={`notes-${item.id}-heading`} className="kz-item-part">
      <Heading level={5} id={`notes-${item.id}-heading`}>{t("conferences.meeting.notes.heading")}</Heading>
      {item.notes ? <Paragraph className="kz-pre-line kz-item-notes">{item.notes}</Paragraph> : <Empty>{t("conferences.meeting.notes.none")}</Empty>}
      {item.abilities.record && meeting.status === "planned" ? <Paragraph className="kz-file-hint">{t("conferences.meeting.notes.waitForOpen")}</Paragraph> : null}
      {edit ? (
        <Disclosure id={`notes-${item.id}`} label={t("conferences.meeting.notes.edit")}>
          {(close) => <NotesForm item={item} onCancel={close} />}
        </Disclosure>
      ) : null}
    </div>
  );
}

function NotesForm({ item, onCancel }: { item: AgendaItem; onCancel: () => void }) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState(item.notes ?? "");
  const field = `notes-${item.id}-text`;
  const fields = useMemo(() => [field], [field]);
  const label = t("conferences.meeting.notes.label");
  const { errors, busy, run } = useMeetingAction(itemSection(item.id), fields, { [field]: label }, { notes: field });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const text = notes.trim();
    run(
      {},
      () => api.put<Meeting>(itemPath(item.id, "notes"), { notes: text ? text : null }),
      t("conferences.meeting.notes.saved", { reference: item.subjectReference }),
      onCancel,
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form" aria-label={t("conferences.meeting.notes.formLabel", { reference: item.subjectReference })}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextareaField
        name={field}
        label={label}
        description={t("conferences.meeting.notes.description")}
        value={notes}
        onChange={setNotes}
        error={errors.fields[field]}
        maxLength={20_000}
        rows={8}
        optional
      />
      <SubmitRow busy={busy} label={t("conferences.meeting.notes.save")} onCancel={onCancel} />
    </form>
  );
}
