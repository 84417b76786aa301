import { ButtonGroup, Heading, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import type { Organisation, OrganisationType } from "../../../api/types.ts";
import { useLoad } from "../../../api/useLoad.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { CheckboxGroup, RadioGroup, SelectField, TextareaField, TextField } from "../../../components/fields.tsx";
import { isBlank } from "../../../components/useFormErrors.ts";
import { formatList } from "../../../i18n/format.ts";
import { partnerOrganisations } from "../SignalQueuePage.tsx";
import { useOrganisationOffers, withOffers } from "../../network/offers.ts";
import {
  channels,
  closeOutcomes,
  exploitationForms,
  sharedParts,
  urgencies,
  type Channel,
  type NextStep,
  type SharedPart,
  type Signal,
  type SignalStatus,
} from "../types.ts";
import { useAction, type ActionDone } from "./useAction.ts";

interface PanelProps {
  signal: Signal;
  done: ActionDone;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REFERENCE = /^[A-Z]{3}-\d{4}-\d{5}$/i;

/** The focal officer's actions, each shown only when the signal's nextSteps or abilities allow it. */
export function RouteActions({ signal, done }: PanelProps) {
  const { t } = useTranslation();
  const step = (to: SignalStatus) => signal.nextSteps.find((s) => s.to === to);
  const direct = (to: SignalStatus) => {
    const found = step(to);
    return found && !found.needsReason ? found : undefined;
  };
  const skips = signal.nextSteps.filter((s) => s.needsReason && s.to !== "closed");
  const a = signal.abilities;

  const panels: ReactNode[] = [];
  if (direct("recorded")) panels.push(<RecordPanel key="record" signal={signal} done={done} />);
  // Enriching fits before the assessment; later it stays possible, below the step at hand.
  const early = signal.status === "received" || signal.status === "recorded" || signal.status === "enriched";
  const enrich = a.enrich && signal.status !== "closed" ? <EnrichPanel key="enrich" signal={signal} done={done} early={early} /> : null;
  if (enrich && early) panels.push(enrich);
  if (direct("enriched")) {
    panels.push(
      <StepPanel key="enriched" signal={signal} done={done} to="enriched" heading={t("signalsRoute.actions.finishEnrich")} intro={null}
        button={t("signalsRoute.actions.finishEnrich")} message={t("signalsRoute.actions.enriched")} />,
    );
  }
  if (direct("assessed")) panels.push(<AssessPanel key="assess" signal={signal} done={done} />);
  if (a.refer && (signal.status === "assessed" || signal.status === "referred")) panels.push(<ReferPanel key="refer" signal={signal} done={done} />);
  if (direct("referred")) {
    panels.push(
      <StepPanel key="referred" signal={signal} done={done} to="referred" heading={t("signalsRoute.actions.finishRefer")}
        intro={t("signalsRoute.actions.finishReferIntro")} button={t("signalsRoute.actions.finishRefer")} message={t("signalsRoute.actions.referDone")} />,
    );
  }
  if (direct("feedback_collected")) {
    panels.push(
      <StepPanel key="collect" signal={signal} done={done} to="feedback_collected" heading={t("signalsRoute.actions.collectHeading")}
        intro={t("signalsRoute.actions.collectIntro")} button={t("signalsRoute.actions.collect")} message={t("signalsRoute.actions.collected")} />,
    );
  }
  if (direct("reporter_informed")) panels.push(<InformPanel key="inform" signal={signal} done={done} />);
  if (enrich && !early) panels.push(enrich);
  const close = step("closed");
  if (close) panels.push(<ClosePanel key="close" signal={signal} done={done} step={close} />);
  if (skips.length > 0) panels.push(<SkipPanel key="skip" signal={signal} done={done} steps={skips} />);
  if (a.merge && signal.status !== "closed") panels.push(<MergePanel key="merge" signal={signal} done={done} />);
  if (a.reopen && signal.status === "closed") panels.push(<ReopenPanel key="reopen" signal={signal} done={done} />);

  if (panels.length === 0) return null;
  return (
    <section aria-labelledby="actions-heading" className="kz-section">
      <Heading level={2} id="actions-heading">{t("signalsRoute.actions.heading")}</Heading>
      <Paragraph>{t("signalsRoute.actions.intro")}</Paragraph>
      {panels}
    </section>
  );
}

const transition = (signal: Signal, body: Record<string, unknown>) =>
  api.post<Signal>(`/signals/${encodeURIComponent(signal.id)}/transitions`, body);

function Panel({ id, heading, intro, children }: { id: string; heading: string; intro?: string | null; children: ReactNode }) {
  return (
    <div className="kz-section kz-narrow" role="group" aria-labelledby={`${id}-heading`}>
      <Heading level={3} id={`${id}-heading`}>{heading}</Heading>
      {intro ? <Paragraph>{intro}</Paragraph> : null}
      {children}
    </div>
  );
}

function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <ButtonGroup>
      <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
        {children}
      </PrimaryActionButton>
    </ButtonGroup>
  );
}

const required = (t: (key: "errors.required", options: { field: string }) => string, value: string, label: string) =>
  isBlank(value) ? t("errors.required", { field: label.toLowerCase() }) : undefined;

const NO_FIELDS = [] as const;

function RecordPanel({ signal, done }: PanelProps) {
  const { t } = useTranslation();
  const { errors, busy, submit } = useAction(NO_FIELDS, {});
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit({}, () => transition(signal, { to: "recorded" }), (next) => done(next, t("signalsRoute.actions.recorded")));
  };
  return (
    <Panel id="record" heading={t("signalsRoute.actions.recordHeading")} intro={t("signalsRoute.actions.recordIntro")}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <form noValidate onSubmit={onSubmit}>
        <SubmitButton busy={busy}>{t("signalsRoute.actions.record")}</SubmitButton>
      </form>
    </Panel>
  );
}

/** A step without its own fields ("Verrijking afronden", "Doorzetten afronden", "Terugkoppeling compleet"). */
function StepPanel(props: PanelProps & { to: SignalStatus; heading: string; intro: string | null; button: string; message: string }) {
  const { signal, done, to, heading, intro, button, message } = props;
  const { errors, busy, submit } = useAction(NO_FIELDS, {});
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit({}, () => transition(signal, { to }), (next) => done(next, message));
  };
  return (
    <Panel id={`step-${to}`} heading={heading} intro={intro}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <form noValidate onSubmit={onSubmit}>
        <SubmitButton busy={busy}>{button}</SubmitButton>
      </form>
    </Panel>
  );
}

const BRP_FIELDS = ["brpPurpose"] as const;
const NOTE_FIELDS = ["notePurpose", "note"] as const;

function EnrichPanel({ signal, done, early }: PanelProps & { early: boolean }) {
  const { t } = useTranslation();
  const [brpPurpose, setBrpPurpose] = useState("");
  const [notePurpose, setNotePurpose] = useState("");
  const [note, setNote] = useState("");
  const brp = useAction(BRP_FIELDS, { brpPurpose: t("signalsRoute.actions.brpPurpose") }, { purpose: "brpPurpose" });
  const manual = useAction(NOTE_FIELDS, { notePurpose: t("signalsRoute.actions.notePurpose"), note: t("signalsRoute.actions.note") }, { purpose: "notePurpose" });
  const path = `/signals/${encodeURIComponent(signal.id)}/enrichments`;
  const intro = early ? t("signalsRoute.actions.enrichIntro") : t("signalsRoute.actions.enrichIntroLater");

  const onBrp = (event: FormEvent) => {
    event.preventDefault();
    void brp.submit(
      { brpPurpose: required(t, brpPurpose, t("signalsRoute.actions.brpPurpose")) },
      () => api.post<Signal>(path, { source: "brp", purpose: brpPurpose.trim() }),
      (next) => {
        setBrpPurpose("");
        done(next, t("signalsRoute.actions.brpDone"));
      },
    );
  };
  const onNote = (event: FormEvent) => {
    event.preventDefault();
    void manual.submit(
      { notePurpose: required(t, notePurpose, t("signalsRoute.actions.notePurpose")), note: required(t, note, t("signalsRoute.actions.note")) },
      () => api.post<Signal>(path, { source: "manual", purpose: notePurpose.trim(), note: note.trim() }),
      (next) => {
        setNotePurpose("");
        setNote("");
        done(next, t("signalsRoute.actions.noteDone"));
      },
    );
  };

  const location = signal.location;
  const hasAddress =
    location !== null && (location.kind === "address" || (location.kind === "business" && Boolean(location.postcode && location.houseNumber)));
  const brpPossible = signal.brpAvailable && hasAddress;
  return (
    <>
      {hasAddress && !signal.brpAvailable ? <Paragraph>{t("signalsRoute.actions.brpNotConfigured")}</Paragraph> : null}
      {brpPossible ? (
        <Panel id="brp" heading={t("signalsRoute.actions.brpHeading")} intro={intro}>
          <ErrorSummary errors={brp.errors.summary} attempt={brp.errors.attempt} />
          <form noValidate onSubmit={onBrp} className="kz-form">
            <TextareaField
              name="brpPurpose"
              label={t("signalsRoute.actions.brpPurpose")}
              description={t("signalsRoute.actions.brpPurposeDescription")}
              value={brpPurpose}
              onChange={setBrpPurpose}
              error={brp.errors.fields.brpPurpose}
              maxLength={500}
              rows={2}
            />
            <SubmitButton busy={brp.busy}>{t("signalsRoute.actions.brp")}</SubmitButton>
          </form>
        </Panel>
      ) : null}
      <Panel id="note" heading={t("signalsRoute.actions.noteHeading")} intro={brpPossible ? null : intro}>
        <ErrorSummary errors={manual.errors.summary} attempt={manual.errors.attempt} />
        <form noValidate onSubmit={onNote} className="kz-form">
          <TextField
            name="notePurpose"
            label={t("signalsRoute.actions.notePurpose")}
            value={notePurpose}
            onChange={setNotePurpose}
            error={manual.errors.fields.notePurpose}
            maxLength={500}
          />
          <TextareaField name="note" label={t("signalsRoute.actions.note")} value={note} onChange={setNote} error={manual.errors.fields.note} maxLength={5000} />
          <SubmitButton busy={manual.busy}>{t("signalsRoute.actions.addNote")}</SubmitButton>
        </form>
      </Panel>
    </>
  );
}

/** Urgency radios and form checkboxes, shared by "Beoordelen" and skipping to the assessment. */
function AssessmentFields(props: {
  prefix: string;
  urgency: string;
  setUrgency: (value: string) => void;
  forms: string[];
  setForms: (values: string[]) => void;
  errors: Partial<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const urgencyName = `${props.prefix}urgency`;
  const formsName = `${props.prefix}exploitationForms`;
  return (
    <>
      <RadioGroup
        name={urgencyName}
        legend={t("signalsRoute.actions.urgency")}
        value={props.urgency}
        onChange={props.setUrgency}
        options={urgencies.map((u) => ({
          value: u,
          label: t(`signalsRoute.urgencies.${u}`),
          description: t(`signalsRoute.actions.urgencyDescriptions.${u}`),
        }))}
        error={props.errors[urgencyName]}
      />
      <CheckboxGroup
        name={formsName}
        legend={t("signalsRoute.actions.forms")}
        description={t("signalsRoute.actions.formsDescription")}
        values={props.forms}
        onChange={props.setForms}
        options={exploitationForms.map((f) => ({ value: f, label: t(`signalsRoute.forms.${f}`) }))}
        error={props.errors[formsName]}
      />
    </>
  );
}

const ASSESS_FIELDS = ["urgency", "exploitationForms"] as const;

function AssessPanel({ signal, done }: PanelProps) {
  const { t } = useTranslation();
  const [urgency, setUrgency] = useState<string>(signal.urgencyAssessed ? signal.urgency : "");
  const [forms, setForms] = useState<string[]>(signal.exploitationForms);
  const { errors, busy, submit } = useAction(ASSESS_FIELDS, {
    urgency: t("signalsRoute.actions.urgency"),
    exploitationForms: t("signalsRoute.actions.forms"),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      {
        urgency: urgency ? undefined : t("errors.required", { field: t("signalsRoute.actions.urgency").toLowerCase() }),
        exploitationForms: forms.length > 0 ? undefined : t("errors.chooseOne", { field: t("signalsRoute.actions.forms").toLowerCase() }),
      },
      () => transition(signal, { to: "assessed", urgency, exploitationForms: forms }),
      (next) => done(next, t("signalsRoute.actions.assessed")),
    );
  };
  return (
    <Panel id="assess" heading={t("signalsRoute.actions.assessHeading")} intro={t("signalsRoute.actions.assessIntro")}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <form noValidate onSubmit={onSubmit} className="kz-form">
        <AssessmentFields prefix="" urgency={urgency} setUrgency={setUrgency} forms={forms} setForms={setForms} errors={errors.fields} />
        <SubmitButton busy={busy}>{t("signalsRoute.actions.assess")}</SubmitButton>
      </form>
    </Panel>
  );
}

const REFER_FIELDS = ["organisationId", "channel", "referPurpose", "sharedParts"] as const;
const DEFAULT_PARTS: SharedPart[] = ["description", "indicators", "location", "victims", "perpetrators"];
const channelFor: Partial<Record<OrganisationType, Channel>> = {
  care_coordination: "care_coordination",
  police: "police",
  labour_inspectorate: "labour_inspectorate",
  veilig_thuis: "veilig_thuis",
  zvh: "zvh_signal_meeting",
  riec: "riec_case_conference",
};

function ReferPanel({ signal, done }: PanelProps) {
  const { t } = useTranslation();
  const organisations = useLoad(() => api.get<{ items: Organisation[] }>("/organisations"), "organisations");
  const partners = partnerOrganisations(organisations.data?.items ?? []);
  // What the region's social map says each partner offers, shown beside its name.
  const offers = useOrganisationOffers();
  const reporterLocked = signal.reporter?.anonymous === true || signal.source === "citizen";
  const [organisationId, setOrganisationId] = useState("");
  const [channel, setChannel] = useState("");
  const [purpose, setPurpose] = useState("");
  const [parts, setParts] = useState<string[]>(DEFAULT_PARTS);
  const { errors, busy, submit } = useAction(
    REFER_FIELDS,
    {
      organisationId: t("signalsRoute.actions.organisation"),
      channel: t("signalsRoute.actions.channel"),
      referPurpose: t("signalsRoute.actions.referPurpose"),
      sharedParts: t("signalsRoute.actions.sharedParts"),
    },
    { purpose: "referPurpose" },
  );

  const chooseOrganisation = (id: string) => {
    setOrganisationId(id);
    const type = partners.find((o) => o.id === id)?.type;
    const suggested = type ? channelFor[type] : undefined;
    if (suggested) setChannel(suggested);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const shared = parts.filter((p) => !(reporterLocked && p === "reporter"));
    const organisation = partners.find((o) => o.id === organisationId);
    void submit(
      {
        organisationId: organisationId ? undefined : t("signalsRoute.actions.organisationRequired"),
        channel: channel ? undefined : t("signalsRoute.actions.channelRequired"),
        referPurpose: required(t, purpose, t("signalsRoute.actions.referPurpose")),
        sharedParts: shared.length > 0 ? undefined : t("errors.chooseOne", { field: t("signalsRoute.actions.sharedParts").toLowerCase() }),
      },
      () =>
        api.post<Signal>(`/signals/${encodeURIComponent(signal.id)}/referrals`, {
          organisationId,
          channel,
          purpose: purpose.trim(),
          sharedParts: shared,
        }),
      (next) => {
        setOrganisationId("");
        setChannel("");
        setPurpose("");
        setParts(DEFAULT_PARTS);
        done(next, t("signalsRoute.actions.referred", { organisation: organisation?.name ?? "" }));
      },
    );
  };

  return (
    <Panel id="refer" heading={t("signalsRoute.actions.referHeading")} intro={t("signalsRoute.actions.referIntro")}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <form noValidate onSubmit={onSubmit} className="kz-form">
        <SelectField
          name="organisationId"
          label={t("signalsRoute.actions.organisation")}
          value={organisationId}
          onChange={chooseOrganisation}
          placeholder={t("signalsRoute.actions.chooseOrganisation")}
          options={partners.map((o) => ({ value: o.id, label: withOffers(t, `${o.name} (${t(`organisationTypes.${o.type}`)})`, offers.get(o.id)) }))}
          error={errors.fields.organisationId}
        />
        <SelectField
          name="channel"
          label={t("signalsRoute.actions.channel")}
          value={channel}
          onChange={setChannel}
          placeholder={t("signalsRoute.actions.chooseChannel")}
          options={channels.map((c) => ({ value: c, label: t(`signalsRoute.channels.${c}`) }))}
          error={errors.fields.channel}
        />
        <TextareaField
          name="referPurpose"
          label={t("signalsRoute.actions.referPurpose")}
          description={t("signalsRoute.actions.referPurposeDescription")}
          value={purpose}
          onChange={setPurpose}
          error={errors.fields.referPurpose}
          maxLength={1000}
          rows={3}
        />
        <CheckboxGroup
          name="sharedParts"
          legend={t("signalsRoute.actions.sharedParts")}
          description={t("signalsRoute.actions.sharedPartsDescription")}
          values={reporterLocked ? parts.filter((p) => p !== "reporter") : parts}
          onChange={setParts}
          options={sharedParts.map((p) => ({
            value: p,
            label: t(`signalsRoute.parts.${p}`),
            disabled: p === "reporter" && reporterLocked,
          }))}
          note={signal.reporter?.anonymous ? t("signalsRoute.actions.reporterAnonymous") : undefined}
          error={errors.fields.sharedParts}
        />
        <SubmitButton busy={busy}>{t("signalsRoute.actions.refer")}</SubmitButton>
      </form>
    </Panel>
  );
}

const INFORM_FIELDS = ["feedbackToReporter"] as const;

function InformPanel({ signal, done }: PanelProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(signal.feedbackToReporter ?? "");
  const { errors, busy, submit } = useAction(INFORM_FIELDS, { feedbackToReporter: t("signalsRoute.actions.feedbackToReporter") });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      { feedbackToReporter: required(t, text, t("signalsRoute.actions.feedbackToReporter")) },
      () => transition(signal, { to: "reporter_informed", feedbackToReporter: text.trim() }),
      (next) => done(next, t("signalsRoute.actions.informed")),
    );
  };
  return (
    <Panel id="inform" heading={t("signalsRoute.actions.informHeading")} intro={t("signalsRoute.actions.informIntro")}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <form noValidate onSubmit={onSubmit} className="kz-form">
        <TextareaField
          name="feedbackToReporter"
          label={t("signalsRoute.actions.feedbackToReporter")}
          value={text}
          onChange={setText}
          error={errors.fields.feedbackToReporter}
          maxLength={5000}
          rows={5}
        />
        <SubmitButton busy={busy}>{t("signalsRoute.actions.inform")}</SubmitButton>
      </form>
    </Panel>
  );
}

/** The skipped steps of a move, in words ("Verrijkt en Beoordeeld"). */
function useSkippedText() {
  const { t } = useTranslation();
  return (step: NextStep) => formatList(step.skips.map((s) => t(`signalsRoute.statuses.${s}`)).map((s) => s.toLowerCase()));
}

const CLOSE_FIELDS = ["outcome", "closeReason"] as const;

function ClosePanel({ signal, done, step }: PanelProps & { step: NextStep }) {
  const { t } = useTranslation();
  const skipped = useSkippedText();
  const [outcome, setOutcome] = useState("");
  const [reason, setReason] = useState("");
  const reasonLabel = t("signalsRoute.actions.reasonSkip", { steps: skipped(step) });
  const { errors, busy, submit } = useAction(CLOSE_FIELDS, { outcome: t("signalsRoute.actions.outcome"), closeReason: reasonLabel }, { reason: "closeReason" });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      {
        outcome: outcome ? undefined : t("signalsRoute.actions.outcomeRequired"),
        closeReason: step.needsReason ? required(t, reason, t("signalsRoute.actions.skipReason")) : undefined,
      },
      () => transition(signal, { to: "closed", outcome, reason: step.needsReason ? reason.trim() : undefined }),
      (next) => done(next, t("signalsRoute.actions.closed")),
    );
  };
  return (
    <Panel id="close" heading={t("signalsRoute.actions.closeHeading")}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <form noValidate onSubmit={onSubmit} className="kz-form">
        <SelectField
          name="outcome"
          label={t("signalsRoute.actions.outcome")}
          value={outcome}
          onChange={setOutcome}
          placeholder={t("signalsRoute.actions.chooseOutcome")}
          options={closeOutcomes.map((o) => ({ value: o, label: t(`signalsRoute.outcomes.${o}`) }))}
          error={errors.fields.outcome}
        />
        {step.needsReason ? (
          <TextareaField
            name="closeReason"
            label={reasonLabel}
            description={t("signalsRoute.actions.reasonSkipDescription")}
            value={reason}
            onChange={setReason}
            error={errors.fields.closeReason}
            maxLength={2000}
            rows={3}
          />
        ) : null}
        <SubmitButton busy={busy}>{t("signalsRoute.actions.close")}</SubmitButton>
      </form>
    </Panel>
  );
}

const SKIP_FIELDS = ["skipTo", "skipReason", "skipurgency", "skipexploitationForms", "skipFeedback"] as const;

function SkipPanel({ signal, done, steps }: PanelProps & { steps: NextStep[] }) {
  const { t } = useTranslation();
  const skipped = useSkippedText();
  const [to, setTo] = useState("");
  const [reason, setReason] = useState("");
  const [urgency, setUrgency] = useState<string>(signal.urgencyAssessed ? signal.urgency : "");
  const [forms, setForms] = useState<string[]>(signal.exploitationForms);
  const [feedback, setFeedback] = useState(signal.feedbackToReporter ?? "");
  const chosen = steps.find((s) => s.to === to);
  const { errors, busy, submit } = useAction(
    SKIP_FIELDS,
    {
      skipTo: t("signalsRoute.actions.skipTo"),
      skipReason: t("signalsRoute.actions.skipReason"),
      skipurgency: t("signalsRoute.actions.urgency"),
      skipexploitationForms: t("signalsRoute.actions.forms"),
      skipFeedback: t("signalsRoute.actions.feedbackToReporter"),
    },
    { to: "skipTo", reason: "skipReason", urgency: "skipurgency", exploitationForms: "skipexploitationForms", feedbackToReporter: "skipFeedback" },
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      {
        skipTo: to ? undefined : t("signalsRoute.actions.stepRequired"),
        skipReason: required(t, reason, t("signalsRoute.actions.skipReason")),
        skipurgency: to === "assessed" && !urgency ? t("errors.required", { field: t("signalsRoute.actions.urgency").toLowerCase() }) : undefined,
        skipexploitationForms:
          to === "assessed" && forms.length === 0 ? t("errors.chooseOne", { field: t("signalsRoute.actions.forms").toLowerCase() }) : undefined,
        skipFeedback: to === "reporter_informed" ? required(t, feedback, t("signalsRoute.actions.feedbackToReporter")) : undefined,
      },
      () =>
        transition(signal, {
          to,
          reason: reason.trim(),
          ...(to === "assessed" ? { urgency, exploitationForms: forms } : {}),
          ...(to === "reporter_informed" ? { feedbackToReporter: feedback.trim() } : {}),
        }),
      (next) => done(next, t("signalsRoute.actions.skipped")),
    );
  };
  return (
    <Panel id="skip" heading={t("signalsRoute.actions.skipHeading")} intro={t("signalsRoute.actions.skipIntro")}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <form noValidate onSubmit={onSubmit} className="kz-form">
        <SelectField
          name="skipTo"
          label={t("signalsRoute.actions.skipTo")}
          value={to}
          onChange={setTo}
          placeholder={t("signalsRoute.actions.chooseStep")}
          options={steps.map((s) => ({
            value: s.to,
            label: t("signalsRoute.actions.skipStep", { to: t(`signalsRoute.statuses.${s.to}`), steps: skipped(s) }),
          }))}
          error={errors.fields.skipTo}
        />
        <TextareaField
          name="skipReason"
          label={chosen ? t("signalsRoute.actions.reasonSkip", { steps: skipped(chosen) }) : t("signalsRoute.actions.skipReason")}
          description={t("signalsRoute.actions.reasonSkipDescription")}
          value={reason}
          onChange={setReason}
          error={errors.fields.skipReason}
          maxLength={2000}
          rows={3}
        />
        {to === "assessed" ? (
          <AssessmentFields prefix="skip" urgency={urgency} setUrgency={setUrgency} forms={forms} setForms={setForms} errors={errors.fields} />
        ) : null}
        {to === "reporter_informed" ? (
          <TextareaField
            name="skipFeedback"
            label={t("signalsRoute.actions.feedbackToReporter")}
            value={feedback}
            onChange={setFeedback}
            error={errors.fields.skipFeedback}
            maxLength={5000}
            rows={5}
          />
        ) : null}
        <SubmitButton busy={busy}>{t("signalsRoute.actions.skip")}</SubmitButton>
      </form>
    </Panel>
  );
}

const MERGE_FIELDS = ["mergeInto", "mergeReason"] as const;

function MergePanel({ signal, done }: PanelProps) {
  const { t } = useTranslation();
  const [into, setInto] = useState("");
  const [reason, setReason] = useState("");
  const { errors, busy, submit } = useAction(
    MERGE_FIELDS,
    { mergeInto: t("signalsRoute.actions.mergeInto"), mergeReason: t("signalsRoute.actions.mergeReason") },
    { into: "mergeInto", reason: "mergeReason" },
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const id = into.trim();
    void submit(
      {
        mergeInto: UUID.test(id) || REFERENCE.test(id) ? undefined : t("signalsRoute.actions.mergeIntoInvalid"),
        mergeReason: required(t, reason, t("signalsRoute.actions.mergeReason")),
      },
      () => api.post<Signal>(`/signals/${encodeURIComponent(signal.id)}/merge`, { into: id, reason: reason.trim() }),
      (next) => done(next, t("signalsRoute.actions.merged")),
    );
  };
  return (
    <Panel id="merge" heading={t("signalsRoute.actions.mergeHeading")} intro={t("signalsRoute.actions.mergeIntro")}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <form noValidate onSubmit={onSubmit} className="kz-form">
        <TextField
          name="mergeInto"
          label={t("signalsRoute.actions.mergeInto")}
          description={t("signalsRoute.actions.mergeIntoDescription")}
          value={into}
          onChange={setInto}
          error={errors.fields.mergeInto}
          spellCheck={false}
          maxLength={36}
        />
        <TextareaField name="mergeReason" label={t("signalsRoute.actions.mergeReason")} value={reason} onChange={setReason} error={errors.fields.mergeReason} maxLength={2000} rows={3} />
        <SubmitButton busy={busy}>{t("signalsRoute.actions.merge")}</SubmitButton>
      </form>
    </Panel>
  );
}

const REOPEN_FIELDS = ["reopenReason"] as const;

function ReopenPanel({ signal, done }: PanelProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const { errors, busy, submit } = useAction(REOPEN_FIELDS, { reopenReason: t("signalsRoute.actions.reopenReason") }, { reason: "reopenReason" });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      { reopenReason: required(t, reason, t("signalsRoute.actions.reopenReason")) },
      () => api.post<Signal>(`/signals/${encodeURIComponent(signal.id)}/reopen`, { reason: reason.trim() }),
      (next) => done(next, t("signalsRoute.actions.reopened")),
    );
  };
  return (
    <Panel id="reopen" heading={t("signalsRoute.actions.reopenHeading")} intro={t("signalsRoute.actions.reopenIntro")}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <form noValidate onSubmit={onSubmit} className="kz-form">
        <TextareaField name="reopenReason" label={t("signalsRoute.actions.reopenReason")} value={reason} onChange={setReason} error={errors.fields.reopenReason} maxLength={2000} rows={3} />
        <SubmitButton busy={busy}>{t("signalsRoute.actions.reopen")}</SubmitButton>
      </form>
    </Panel>
  );
}
