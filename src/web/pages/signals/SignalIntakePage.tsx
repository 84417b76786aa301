import { Alert, Button, ButtonGroup, Heading, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import type { SessionUser } from "../../api/types.ts";
import { useLoad } from "../../api/useLoad.ts";
import { ErrorSummary, type SummaryError } from "../../components/ErrorSummary.tsx";
import { CheckboxField, SelectField, TextareaField, TextField } from "../../components/fields.tsx";
import { AppButtonLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Confirmation, LoadError, Loading } from "../../components/Status.tsx";
import { useSession } from "../../session/SessionContext.tsx";
import { readCatalogue, readLeads, type MunicipalityOption } from "./intake/catalogue.ts";
import { clearDraft, emptyDraft, hasContent, loadDraft, saveDraft, toBody, type IntakeDraft } from "./intake/draft.ts";
import { IndicatorFields, IndicatorHint } from "./intake/IndicatorFields.tsx";
import "./intake/intake.css";
import { LocationFields } from "./intake/LocationFields.tsx";
import { PersonGroups } from "./intake/PersonFields.tsx";
import { problemErrors, validateDraft } from "./intake/validate.ts";

interface SubmittedSignal {
  id: string;
  reference: string;
  status: string;
  receivedAt: string;
}

/**
 * Reporting a signal, built for a phone in the street: few required fields, the draft kept on the device
 * while typing (a dropped connection loses nothing), and one signal per draft however often it is sent
 * (the draft's Idempotency-Key).
 */
export function SignalIntakePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const user = session?.user as SessionUser;
  const [initial] = useState(() => loadDraft(user.id));
  const [draft, setDraft] = useState<IntakeDraft>(() => initial ?? emptyDraft());
  const [restored, setRestored] = useState(() => initial !== null && hasContent(initial));
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [submitted, setSubmitted] = useState<SubmittedSignal | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string>>>({});
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);

  const update = (patch: Partial<IntakeDraft>) => setDraft((d) => ({ ...d, ...patch }));

  useEffect(() => {
    if (!submitted) saveDraft(user.id, draft);
  }, [draft, submitted, user.id]);

  const municipalities = useLoad(() => api.get<MunicipalityOption[]>("/signals/municipalities"), "municipalities");
  const options = useMemo(() => municipalities.data ?? [], [municipalities.data]);
  // One municipality, or the reporter's own: chosen already.
  useEffect(() => {
    if (options.length === 0) return;
    setDraft((d) => {
      if (d.municipalityId && options.some((m) => m.id === d.municipalityId)) return d;
      const own = options.find((m) => m.id === user.organisation.id);
      const preselect = options.length === 1 ? options[0] : own;
      return { ...d, municipalityId: preselect?.id ?? "" };
    });
  }, [options, user.organisation.id]);

  const regionId = options.find((m) => m.id === draft.municipalityId)?.regionId ?? "";
  const catalogue = useLoad(
    () => api.get<unknown>(`/regions/${regionId}/indicator-catalogue`).then((r) => ({ indicators: readCatalogue(r), leads: readLeads(r) })),
    regionId,
    regionId !== "",
  );
  const indicators = useMemo(() => catalogue.data?.indicators ?? [], [catalogue.data]);

  // After sending, the focus goes to the confirmation's heading, as after a page change.
  useEffect(() => {
    if (submitted) document.querySelector<HTMLElement>("main h1")?.focus();
  }, [submitted]);

  const fail = (fields: Partial<Record<string, string>>, errors: SummaryError[]) => {
    setFieldErrors(fields);
    setSummary(errors);
    setAttempt((n) => n + 1);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setNotice(null);
    const invalid = validateDraft(t, draft);
    if (invalid.length > 0) {
      return fail(Object.fromEntries(invalid.map((e) => [e.field ?? "", e.message])), invalid);
    }
    const { body, victimIndexes, perpetratorIndexes } = toBody(draft, new Set(indicators.map((i) => i.code)));
    setBusy(true);
    try {
      const created = await api.post<SubmittedSignal>("/signals", body, { headers: { "Idempotency-Key": draft.idempotencyKey } });
      clearDraft(user.id);
      setFieldErrors({});
      setSummary([]);
      setRestored(false);
      setSubmitted(created);
    } catch (error) {
      const result = problemErrors(t, error, draft, { victims: victimIndexes, perpetrators: perpetratorIndexes });
      fail(result.fields, result.summary);
    } finally {
      setBusy(false);
    }
  };

  const discard = () => {
    clearDraft(user.id);
    setDraft(emptyDraft());
    setRestored(false);
    setFieldErrors({});
    setSummary([]);
    setNotice(t("signalsIntake.draft.discarded"));
  };

  const startAnother = () => {
    setSubmitted(null);
    setDraft(emptyDraft());
    setNotice(null);
  };

  if (submitted) {
    return (
      <div className="kz-narrow">
        <PageHeading>{t("signalsIntake.done.title")}</PageHeading>
        <Alert type="ok">
          <Paragraph>
            {t("signalsIntake.done.reference")}: <strong className="kz-reference">{submitted.reference}</strong>
          </Paragraph>
        </Alert>
        <Paragraph>{t("signalsIntake.done.text")}</Paragraph>
        <ButtonGroup>
          <AppButtonLink to="/signalen/mijn" appearance="primary-action-button">
            {t("signalsIntake.done.mine")}
          </AppButtonLink>
          <Button appearance="secondary-action-button" onClick={startAnother}>
            {t("signalsIntake.done.another")}
          </Button>
        </ButtonGroup>
      </div>
    );
  }

  return (
    <div className="kz-narrow kz-intake">
      <PageHeading>{t("signalsIntake.title")}</PageHeading>
      <ErrorSummary errors={summary} attempt={attempt} />
      <Confirmation message={notice} />
      {restored ? (
        <Alert type="info" className="kz-draft-notice">
          <Heading level={2} className="kz-draft-notice__title">
            {t("signalsIntake.draft.restoredTitle")}
          </Heading>
          <Paragraph>{t("signalsIntake.draft.restoredText")}</Paragraph>
          <Button appearance="secondary-action-button" onClick={discard}>
            {t("signalsIntake.draft.discard")}
          </Button>
        </Alert>
      ) : null}
      <Paragraph>{t("signalsIntake.intro")}</Paragraph>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="kz-form">
        <CheckboxField
          id="field-immediateDanger"
          name="immediateDanger"
          label={t("signalsIntake.danger.label")}
          checked={draft.immediateDanger}
          onChange={(immediateDanger) => update({ immediateDanger })}
        />
        {draft.immediateDanger ? (
          <div role="alert" className="kz-danger">
            <Heading level={2} className="kz-danger__title">
              {t("signalsIntake.danger.title")}
            </Heading>
            <Paragraph>{t("signalsIntake.danger.text")}</Paragraph>
            <a href="tel:112" className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action kz-danger__call">
              {t("signalsIntake.danger.call")}
            </a>
          </div>
        ) : null}

        {municipalities.error ? <LoadError message={municipalities.error} /> : null}
        {municipalities.loading ? <Loading /> : null}
        {options.length > 0 ? (
          <SelectField
            name="municipalityId"
            label={t("signalsIntake.municipality.label")}
            description={t("signalsIntake.municipality.description")}
            value={draft.municipalityId}
            onChange={(municipalityId) => update({ municipalityId })}
            placeholder={options.length > 1 ? t("signalsIntake.municipality.placeholder") : undefined}
            options={options.map((m) => ({ value: m.id, label: m.name }))}
            error={fieldErrors.municipalityId}
          />
        ) : null}

        <TextareaField
          name="description"
          label={t("signalsIntake.description.label")}
          description={t("signalsIntake.description.description")}
          value={draft.description}
          onChange={(description) => update({ description })}
          error={fieldErrors.description}
          maxLength={10000}
          rows={6}
        />
        <TextField
          name="observedOn"
          type="date"
          label={t("signalsIntake.observedOn.label")}
          value={draft.observedOn}
          onChange={(observedOn) => update({ observedOn })}
          error={fieldErrors.observedOn}
          optional
          autoComplete="off"
          size="medium"
        />
        <LocationFields draft={draft} onChange={update} errors={fieldErrors} />

        <section className="kz-form-section" aria-labelledby="indicators-heading">
          <Heading level={2} id="indicators-heading">
            {t("signalsIntake.indicators.heading")}
          </Heading>
          <Paragraph>{t("signalsIntake.indicators.intro")}</Paragraph>
          <IndicatorHint indicators={indicators} values={draft.indicatorCodes} />
          {!regionId ? <Paragraph>{t("signalsIntake.indicators.chooseMunicipality")}</Paragraph> : null}
          {catalogue.error ? <LoadError message={catalogue.error} /> : null}
          {regionId && catalogue.loading ? <Loading /> : null}
          {catalogue.data ? (
            <IndicatorFields indicators={indicators} leads={catalogue.data.leads} values={draft.indicatorCodes} onChange={(indicatorCodes) => update({ indicatorCodes })} />
          ) : null}
        </section>

        <PersonGroups role="victims" persons={draft.victims} onChange={(victims) => update({ victims })} errors={fieldErrors} />
        <PersonGroups role="perpetrators" persons={draft.perpetrators} onChange={(perpetrators) => update({ perpetrators })} errors={fieldErrors} />

        <section className="kz-form-section" aria-labelledby="reporter-heading">
          <Heading level={2} id="reporter-heading">
            {t("signalsIntake.reporter.heading")}
          </Heading>
          <TextField
            name="reporterTeam"
            label={t("signalsIntake.reporter.team")}
            value={draft.reporterTeam}
            onChange={(reporterTeam) => update({ reporterTeam })}
            error={fieldErrors.reporterTeam}
            optional
            autoComplete="organization-title"
          />
          <CheckboxField
            id="field-reporterAnonymous"
            name="reporterAnonymous"
            label={t("signalsIntake.reporter.anonymous")}
            checked={draft.reporterAnonymous}
            onChange={(reporterAnonymous) => update({ reporterAnonymous })}
            describedBy="field-reporterAnonymous-description"
          />
          <Paragraph id="field-reporterAnonymous-description" className="kz-checkbox-description">
            {t("signalsIntake.reporter.anonymousDescription")}
          </Paragraph>
        </section>

        <ButtonGroup>
          <PrimaryActionButton type="submit" disabled={busy} busy={busy}>
            {busy ? t("signalsIntake.sending") : t("signalsIntake.submit")}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </div>
  );
}
