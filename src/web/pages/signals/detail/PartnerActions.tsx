import { Button, ButtonGroup, Heading, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { SelectField, TextareaField } from "../../../components/fields.tsx";
import { isBlank } from "../../../components/useFormErrors.ts";
import { feedbackOutcomes, type Referral, type Signal } from "../types.ts";
import { useAction, type ActionDone } from "./useAction.ts";

/** A partner's side of one referral: accept, decline with a reason, give feedback. */
export function PartnerActions({ signal, referral, done }: { signal: Signal; referral: Referral; done: ActionDone }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`partner-${referral.id}-heading`} className="kz-section">
      <Heading level={2} id={`partner-${referral.id}-heading`}>{t("signalsRoute.actions.partnerHeading")}</Heading>
      <Paragraph>
        {t("signalsRoute.actions.partnerIntro", { municipality: signal.municipalityName, purpose: referral.purpose })}
      </Paragraph>
      {referral.abilities.respond ? <Respond referral={referral} done={done} /> : null}
      {referral.abilities.give_feedback ? <Feedback referral={referral} done={done} /> : null}
    </section>
  );
}

const RESPOND_FIELDS = ["declineReason"] as const;

function Respond({ referral, done }: { referral: Referral; done: ActionDone }) {
  const { t } = useTranslation();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const { errors, busy, submit } = useAction(RESPOND_FIELDS, { declineReason: t("signalsRoute.actions.declineReason") }, { reason: "declineReason" });
  const path = `/referrals/${encodeURIComponent(referral.id)}`;

  const accept = () =>
    void submit({}, () => api.post<Referral>(`${path}/accept`), () => done(null, t("signalsRoute.actions.accepted")));

  const decline = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      { declineReason: isBlank(reason) ? t("errors.required", { field: t("signalsRoute.actions.declineReason").toLowerCase() }) : undefined },
      () => api.post<Referral>(`${path}/decline`, { reason: reason.trim() }),
      () => done(null, t("signalsRoute.actions.declined")),
    );
  };

  return (
    <>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      {!declining ? (
        <ButtonGroup>
          <PrimaryActionButton type="button" busy={busy} onClick={accept}>
            {t("signalsRoute.actions.accept")}
          </PrimaryActionButton>
          <Button appearance="secondary-action-button" type="button" onClick={() => setDeclining(true)}>
            {t("signalsRoute.actions.decline")}
          </Button>
        </ButtonGroup>
      ) : (
        <form noValidate onSubmit={decline} className="kz-form kz-narrow">
          <TextareaField
            name="declineReason"
            label={t("signalsRoute.actions.declineReason")}
            value={reason}
            onChange={setReason}
            error={errors.fields.declineReason}
            maxLength={2000}
          />
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={busy}>
              {t("signalsRoute.actions.decline")}
            </PrimaryActionButton>
            <Button appearance="secondary-action-button" type="button" onClick={() => setDeclining(false)}>
              {t("common.cancel")}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </>
  );
}

const FEEDBACK_FIELDS = ["feedbackOutcome", "feedbackText"] as const;

function Feedback({ referral, done }: { referral: Referral; done: ActionDone }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState("");
  const [text, setText] = useState("");
  const { errors, busy, submit } = useAction(
    FEEDBACK_FIELDS,
    { feedbackOutcome: t("signalsRoute.actions.feedbackOutcome"), feedbackText: t("signalsRoute.actions.feedbackText") },
    { outcome: "feedbackOutcome", text: "feedbackText" },
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      {
        feedbackOutcome: outcome ? undefined : t("signalsRoute.actions.outcomeRequired"),
        feedbackText: isBlank(text) ? t("errors.required", { field: t("signalsRoute.actions.feedbackText").toLowerCase() }) : undefined,
      },
      () => api.post<Referral>(`/referrals/${encodeURIComponent(referral.id)}/feedback`, { outcome, text: text.trim() }),
      () => done(null, t("signalsRoute.actions.feedbackGiven")),
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby={`feedback-${referral.id}-heading`}>
      <Heading level={3} id={`feedback-${referral.id}-heading`}>{t("signalsRoute.actions.feedbackHeading")}</Heading>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <SelectField
        name="feedbackOutcome"
        label={t("signalsRoute.actions.feedbackOutcome")}
        value={outcome}
        onChange={setOutcome}
        placeholder={t("signalsRoute.actions.chooseFeedbackOutcome")}
        options={feedbackOutcomes.map((o) => ({ value: o, label: t(`signalsRoute.feedbackOutcomes.${o}`) }))}
        error={errors.fields.feedbackOutcome}
      />
      <TextareaField
        name="feedbackText"
        label={t("signalsRoute.actions.feedbackText")}
        description={t("signalsRoute.actions.feedbackTextDescription")}
        value={text}
        onChange={setText}
        error={errors.fields.feedbackText}
        maxLength={5000}
      />
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={busy}>
          {t("signalsRoute.actions.giveFeedback")}
        </PrimaryActionButton>
      </ButtonGroup>
    </form>
  );
}
