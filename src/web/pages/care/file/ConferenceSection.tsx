import { Paragraph } from "@utrecht/component-library-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiProblem } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { RadioGroup } from "../../../components/fields.tsx";
import { isBlank } from "../../../components/useFormErrors.ts";
import { formatList } from "../../../i18n/format.ts";
import { emptyProposal, ProposalFields, ProposalResult, proposalRename, useOpenMeetings, type ProposalDraft } from "../../conferences/proposal/ProposalFields.tsx";
import { fileItemParts, type Meeting } from "../../conferences/types.ts";
import { useAction } from "../../signals/detail/useAction.ts";
import { filePath, useFile } from "./context.ts";
import { formatDay } from "./labels.ts";
import { basisRename, LegalBasisFields } from "./LegalBasisFields.tsx";
import { FileSection, SubmitRow } from "./parts.tsx";

const PREFIX = "fileConference";
const FIELDS = [`${PREFIX}Meeting`, `${PREFIX}Question`, `${PREFIX}Parts`, `${PREFIX}Basis`, `${PREFIX}LegalBasis`, `${PREFIX}LegalBasisNote`];
const RENAME = { ...proposalRename(PREFIX), ...basisRename(PREFIX) };

/**
 * "Casusoverleg" on the file page: the coordinator brings the file into a case conference of the region, with
 * a question and the parts the meeting may see. That is sharing: it needs the client's consent for the case
 * conference of the organisation that holds the meeting, or a legal basis with its explanation. When the
 * server answers that consent is missing, the form says so and offers the legal basis.
 */
export function ConferenceSection() {
  const { t } = useTranslation();
  const { file, done } = useFile();
  const meetings = useOpenMeetings();
  const [draft, setDraft] = useState<ProposalDraft>(emptyProposal);
  const [basisKind, setBasisKind] = useState<"consent" | "legal" | "">("");
  const [basis, setBasis] = useState("");
  const [note, setNote] = useState("");
  const [brought, setBrought] = useState<Meeting | null>(null);
  const labels = {
    meeting: t("measures.proposal.meeting"), question: t("measures.proposal.question"), parts: t("measures.proposal.parts"), basisKind: t("measures.proposal.basisLegend"),
    legalBasis: t("careFile.basis.legalBasis"), legalBasisNote: t("careFile.basis.note"),
  };
  const { errors, busy, submit } = useAction(
    FIELDS,
    {
      [`${PREFIX}Meeting`]: labels.meeting, [`${PREFIX}Question`]: labels.question, [`${PREFIX}Parts`]: labels.parts, [`${PREFIX}Basis`]: labels.basisKind,
      [`${PREFIX}LegalBasis`]: labels.legalBasis, [`${PREFIX}LegalBasisNote`]: labels.legalBasisNote,
    },
    RENAME,
  );
  // Consent for the case conference that is in force now, and with whom: a hint before choosing.
  const consents = (file.consents?.current ?? []).filter((c) => c.purpose === "case_conference" && c.status === "given" && !c.expired);
  const legal = basisKind === "legal";

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check = {
      [`${PREFIX}Meeting`]: draft.meetingId ? undefined : t("measures.proposal.chooseMeetingError"),
      [`${PREFIX}Question`]: isBlank(draft.question) ? t("errors.required", { field: labels.question.toLowerCase() }) : undefined,
      [`${PREFIX}Parts`]: draft.parts.length > 0 ? undefined : t("measures.proposal.choosePart"),
      [`${PREFIX}Basis`]: basisKind ? undefined : t("measures.proposal.chooseBasis"),
      [`${PREFIX}LegalBasis`]: legal && !basis ? t("careFile.errors.choose", { field: labels.legalBasis.toLowerCase() }) : undefined,
      [`${PREFIX}LegalBasisNote`]: legal && isBlank(note) ? t("errors.required", { field: labels.legalBasisNote.toLowerCase() }) : undefined,
    };
    const body = {
      meetingId: draft.meetingId,
      question: draft.question.trim(),
      sharedParts: fileItemParts.filter((p) => draft.parts.includes(p)),
      ...(legal ? { legalBasis: basis, legalBasisNote: note.trim() } : {}),
    };
    void submit(
      check,
      () =>
        api.post<Meeting>(filePath(file, "conference-items"), body).catch((error: unknown) => {
          // No consent with the meeting's organiser: say so at the basis choice and offer the legal basis.
          if (error instanceof ApiProblem && error.code === "consent_required") {
            setBasisKind("legal");
            const reason = t("measures.proposal.consentRequired", { detail: error.detail });
            throw new ApiProblem(error.status, error.code, error.title, reason, [{ name: `${PREFIX}Basis`, code: error.code, reason }]);
          }
          throw error;
        }),
      (meeting) => {
        setBrought(meeting);
        setDraft(emptyProposal);
        setBasisKind("");
        setBasis("");
        setNote("");
        done(null, t("measures.proposal.broughtFile", { subject: file.reference, reference: meeting.reference, title: meeting.title }), "conference");
      },
    );
  };

  return (
    <FileSection id="conference" heading={t("measures.proposal.fileHeading")}>
      <Paragraph className="kz-prose">{t("measures.proposal.fileIntro")}</Paragraph>
      {brought ? <ProposalResult meeting={brought} subjectId={file.id} subjectReference={file.reference} /> : null}
      <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-label={t("measures.proposal.toggleFile")}>
        <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
        <ProposalFields
          prefix={PREFIX}
          draft={draft}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          parts={fileItemParts}
          meetings={meetings}
          errors={errors.fields}
          labels={labels}
        />
        <RadioGroup
          name={`${PREFIX}Basis`}
          legend={labels.basisKind}
          description={
            consents.length > 0
              ? t("measures.proposal.consentKnown", {
                  parties: formatList(consents.map((c) => (c.validUntil ? t("measures.proposal.consentUntil", { party: c.partyName, date: formatDay(c.validUntil) }) : c.partyName))),
                })
              : t("measures.proposal.consentNone")
          }
          value={basisKind}
          onChange={setBasisKind}
          options={[
            { value: "consent", label: t("measures.proposal.basisConsent"), description: t("measures.proposal.basisConsentDescription") },
            { value: "legal", label: t("measures.proposal.basisLegal"), description: t("measures.proposal.basisLegalDescription") },
          ]}
          error={errors.fields[`${PREFIX}Basis`]}
        />
        {legal ? <LegalBasisFields prefix={PREFIX} basis={basis} setBasis={setBasis} note={note} setNote={setNote} errors={errors.fields} /> : null}
        <SubmitRow busy={busy} label={t("measures.proposal.submitFile")} />
      </form>
    </FileSection>
  );
}
