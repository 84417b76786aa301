import { Button, ButtonGroup, Heading, Paragraph } from "@utrecht/component-library-react";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { TextareaField } from "../../../components/fields.tsx";
import type { AgendaItem, Meeting } from "../types.ts";
import { itemPath, itemSection, useMeeting } from "./context.ts";
import { ItemFacts } from "./ItemFacts.tsx";
import { useConferenceLabels } from "./labels.ts";
import { Disclosure, SectionStatus, SubmitRow } from "./parts.tsx";
import { useChecks, useMeetingAction } from "./useMeetingAction.ts";
import { WithdrawItem } from "./WithdrawItem.tsx";

const NO_FIELDS: readonly string[] = [];

/** An item brought in and waiting: the organiser admits it or declines it with a reason. */
export function ProposedItem({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const { meeting } = useMeeting();
  const labels = useConferenceLabels();
  const section = itemSection(item.id);
  const { errors, busy, run } = useMeetingAction(section, NO_FIELDS, {});
  const heading = t("conferences.meeting.agenda.proposedItem", { subject: labels.subject(item.subjectType), reference: item.subjectReference });
  const open = meeting.status === "planned" || meeting.status === "in_progress";
  const admit = () =>
    run({}, () => api.post<Meeting>(itemPath(item.id, "admit")), t("conferences.meeting.agenda.admitted", { reference: item.subjectReference }));
  return (
    <article id={section} aria-labelledby={`${section}-heading`} className="kz-agenda-item kz-agenda-item--proposed">
      <Heading level={4} id={`${section}-heading`}>{heading}</Heading>
      <SectionStatus id={section} />
      <ItemFacts item={item} />
      {item.question ? (
        <>
          <Heading level={5}>{t("conferences.meeting.agenda.question")}</Heading>
          <Paragraph className="kz-pre-line">{item.question}</Paragraph>
        </>
      ) : null}
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      {item.abilities.admit && open ? (
        <>
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={admit} aria-label={t("conferences.meeting.agenda.admitLabel", { reference: item.subjectReference })}>
              {t("conferences.meeting.agenda.admit")}
            </Button>
          </ButtonGroup>
          <Disclosure id={`decline-${item.id}`} label={t("conferences.meeting.agenda.decline")}>
            {(close) => <DeclineForm item={item} onCancel={close} />}
          </Disclosure>
        </>
      ) : null}
      <WithdrawItem item={item} />
    </article>
  );
}

function DeclineForm({ item, onCancel }: { item: AgendaItem; onCancel: () => void }) {
  const { t } = useTranslation();
  const checks = useChecks();
  const [reason, setReason] = useState("");
  const field = `declineReason-${item.id}`;
  const fields = useMemo(() => [field], [field]);
  const label = t("conferences.meeting.agenda.declineReason");
  const { errors, busy, run } = useMeetingAction(itemSection(item.id), fields, { [field]: label }, { reason: field });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(
      { [field]: checks.text(reason, label) },
      () => api.post<Meeting>(itemPath(item.id, "decline"), { reason: reason.trim() }),
      t("conferences.meeting.agenda.declined", { reference: item.subjectReference }),
      onCancel,
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-label={t("conferences.meeting.agenda.declineLabel", { reference: item.subjectReference })}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextareaField name={field} label={label} description={t("conferences.meeting.agenda.declineReasonDescription")} value={reason} onChange={setReason} error={errors.fields[field]} maxLength={2000} rows={3} />
      <SubmitRow busy={busy} label={t("conferences.meeting.agenda.declineSubmit")} onCancel={onCancel} />
    </form>
  );
}
