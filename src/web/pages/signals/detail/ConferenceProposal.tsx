import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { isBlank } from "../../../components/useFormErrors.ts";
import { SubmitRow } from "../../care/file/parts.tsx";
import { emptyProposal, ProposalFields, ProposalResult, proposalRename, useOpenMeetings, type ProposalDraft } from "../../conferences/proposal/ProposalFields.tsx";
import { signalItemParts, type Meeting } from "../../conferences/types.ts";
import type { Signal } from "../types.ts";
import { useAction, type ActionDone } from "./useAction.ts";

const PREFIX = "conference";
const FIELDS = [`${PREFIX}Meeting`, `${PREFIX}Question`, `${PREFIX}Parts`];
const RENAME = proposalRename(PREFIX);

/**
 * "Inbrengen in een overleg": the focal officer brings the signal into a case conference or signal meeting
 * of the region, with a question and the parts the meeting may see (never the reporter). The chair decides
 * whether it goes on the agenda; afterwards the section says the item's status and links to the meeting.
 */
export function ConferenceProposal({ signal, done }: { signal: Signal; done: ActionDone }) {
  const { t } = useTranslation();
  const meetings = useOpenMeetings();
  const [draft, setDraft] = useState<ProposalDraft>(emptyProposal);
  const [brought, setBrought] = useState<Meeting | null>(null);
  const labels = { meeting: t("measures.proposal.meeting"), question: t("measures.proposal.question"), parts: t("measures.proposal.parts") };
  const { errors, busy, submit } = useAction(FIELDS, { [`${PREFIX}Meeting`]: labels.meeting, [`${PREFIX}Question`]: labels.question, [`${PREFIX}Parts`]: labels.parts }, RENAME);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check = {
      [`${PREFIX}Meeting`]: draft.meetingId ? undefined : t("measures.proposal.chooseMeetingError"),
      [`${PREFIX}Question`]: isBlank(draft.question) ? t("errors.required", { field: labels.question.toLowerCase() }) : undefined,
      [`${PREFIX}Parts`]: draft.parts.length > 0 ? undefined : t("measures.proposal.choosePart"),
    };
    const body = { meetingId: draft.meetingId, question: draft.question.trim(), sharedParts: signalItemParts.filter((p) => draft.parts.includes(p)) };
    void submit(check, () => api.post<Meeting>(`/signals/${encodeURIComponent(signal.id)}/conference-items`, body), (meeting) => {
      setBrought(meeting);
      setDraft(emptyProposal);
      // The signal's history now holds the event: reload the signal, and say what happened at the top.
      done(null, t("measures.proposal.broughtSignal", { subject: signal.reference, reference: meeting.reference, title: meeting.title }));
    });
  };

  return (
    <section aria-labelledby="conference-heading" className="kz-section" id="overleg">
      <Heading level={2} id="conference-heading">{t("measures.proposal.signalHeading")}</Heading>
      <Paragraph className="kz-prose">{t("measures.proposal.signalIntro")}</Paragraph>
      {brought ? <ProposalResult meeting={brought} subjectId={signal.id} subjectReference={signal.reference} /> : null}
      <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="conference-heading">
        <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
        <ProposalFields
          prefix={PREFIX}
          draft={draft}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          parts={signalItemParts}
          meetings={meetings}
          errors={errors.fields}
          labels={labels}
          partsNote={t("measures.proposal.reporterNever")}
        />
        <SubmitRow busy={busy} label={t("measures.proposal.submit")} />
      </form>
    </section>
  );
}
