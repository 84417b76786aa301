import { ButtonGroup, Heading, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import type { Region, SessionUser } from "../../api/types.ts";
import { useLoad } from "../../api/useLoad.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { CheckboxGroup, RadioGroup, SelectField, TextareaField } from "../../components/fields.tsx";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { useFormErrors } from "../../components/useFormErrors.ts";
import { useSession } from "../../session/SessionContext.tsx";
import "../../theme/care.css";
import { formatDay } from "./format.ts";
import { emptyOpenDraft, formField, NO_PERSON, OPEN_FIELDS, toOpenBody, validateOpen, type OpenContext, type OpenDraft } from "./open/form.ts";
import { PersonFields } from "./open/PersonFields.tsx";
import { canOpenFrom, ReferralSummary, useReferralSource } from "./open/ReferralSource.tsx";
import { onFields } from "./problems.ts";
import { useStatusMessage } from "./StatusMessage.tsx";
import { directSources, exploitationForms, type VictimFile } from "./types.ts";

/**
 * Opening a victim file: directly (a source such as the police or the person themself) or, with
 * ?doorverwijzing=<id>, from an accepted referral, whose shared victim the coordinator chooses. Server
 * problems land on the fields; on success the file's page opens.
 */
export function FileOpenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const user = session?.user as SessionUser;
  const [params] = useSearchParams();
  const referralId = params.get("doorverwijzing") ?? "";
  const source = useReferralSource(referralId, params.get("signaal") ?? "");
  const status = useStatusMessage();
  const [draft, setDraft] = useState<OpenDraft>(emptyOpenDraft);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<OpenDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const regions = useLoad(() => api.get<{ items: Region[] }>("/regions"), "regions");
  const myRegions = useMemo(
    () => (regions.data?.items ?? []).filter((region) => region.organisationIds.includes(user.organisation.id)),
    [regions.data, user.organisation.id],
  );

  const referral = source.data?.referral ?? null;
  const victims = source.data?.signal.victims ?? [];
  const context: OpenContext = {
    referral: referral ? { id: referral.id, victimCount: victims.length } : null,
    chooseRegion: myRegions.length > 1,
  };

  const labels: Partial<Record<(typeof OPEN_FIELDS)[number], string>> = {
    source: t("careOverview.open.source.legend"),
    signalPersonId: t("careOverview.open.referral.personLegend"),
    name: t("careOverview.open.person.name"),
    birthDate: t("careOverview.open.person.birthDate"),
    gender: t("careOverview.open.person.gender"),
    phone: t("careOverview.open.person.phone"),
    contact: t("careOverview.open.person.contact"),
    ageGroup: t("careOverview.open.person.ageGroup"),
    nationality: t("careOverview.open.person.nationality"),
    nationalityOther: t("careOverview.open.person.nationalityOtherLabel"),
    languages: t("careOverview.open.person.languages"),
    exploitationForms: t("careOverview.open.exploitation.legend"),
    cameIntoView: t("careOverview.open.exploitation.cameIntoView"),
    regionId: t("careOverview.open.region.label"),
  };
  const errors = useFormErrors(OPEN_FIELDS, labels);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const invalid = validateOpen(t, draft, context);
    if (Object.values(invalid).some(Boolean)) return errors.fail(invalid);
    errors.clear();
    setBusy(true);
    try {
      const file = await api.post<VictimFile>("/victim-files", toOpenBody(draft, context));
      navigate(`/zorg/dossiers/${encodeURIComponent(file.id)}`);
    } catch (error) {
      setBusy(false);
      errors.failWithProblem(onFields(error, (name) => formField(name, draft), OPEN_FIELDS));
    }
  };

  const fromReferral = referralId !== "";
  // From a referral, the form appears once the referral is known and accepted.
  const showForm = !fromReferral || (referral !== null && canOpenFrom(referral));
  const personOption = (victim: (typeof victims)[number]) =>
    [victim.name ?? t("careOverview.open.referral.personUnnamed"), victim.birthDate ? t("careOverview.open.referral.personBorn", { date: formatDay(victim.birthDate) }) : ""]
      .filter(Boolean)
      .join(", ");

  return (
    <div className="kz-narrow">
      <PageHeading>{t("careOverview.open.title")}</PageHeading>
      <Paragraph>{fromReferral ? t("careOverview.open.introReferral") : t("careOverview.open.intro")}</Paragraph>
      <Paragraph>
        <AppLink to="/zorg">{t("careOverview.open.backToOverview")}</AppLink>
      </Paragraph>
      {status.element}
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />

      {fromReferral && source.loading && !source.data ? <Loading /> : null}
      {fromReferral && source.error ? <LoadError message={source.error} /> : null}
      {fromReferral && !source.loading && !source.error && !source.data ? <LoadError message={t("careOverview.open.referral.notFound")} /> : null}
      {source.data ? (
        <ReferralSummary
          source={source.data}
          accepted={(message) => {
            status.show(message);
            source.reload();
          }}
          failed={(message) => status.show(message, "error")}
        />
      ) : null}

      {showForm ? (
        <form noValidate onSubmit={(event) => void onSubmit(event)} className="kz-form">
          {referral === null ? (
            <RadioGroup
              name="source"
              legend={t("careOverview.open.source.legend")}
              options={directSources.map((s) => ({ value: s, label: t(`careOverview.codes.source.${s}`) }))}
              value={draft.source}
              onChange={(value) => update({ source: value })}
              error={errors.fields.source}
            />
          ) : victims.length > 0 ? (
            <RadioGroup
              name="signalPersonId"
              legend={t("careOverview.open.referral.personLegend")}
              description={t("careOverview.open.referral.personDescription")}
              options={[
                ...victims.map((victim) => ({ value: victim.id, label: personOption(victim) })),
                ...(victims.length > 1 ? [{ value: NO_PERSON, label: t("careOverview.open.referral.nonePerson") }] : []),
              ]}
              value={draft.signalPersonId || (victims.length === 1 ? (victims[0]?.id ?? "") : "")}
              onChange={(signalPersonId) => update({ signalPersonId })}
              error={errors.fields.signalPersonId}
            />
          ) : (
            <Paragraph>{t("careOverview.open.referral.noVictims")}</Paragraph>
          )}

          <PersonFields draft={draft} update={update} errors={errors.fields} fromReferral={referral !== null} />

          <section aria-labelledby="exploitation-heading" className="kz-care-form-section">
            <Heading level={2} id="exploitation-heading">{t("careOverview.open.exploitation.heading")}</Heading>
            <CheckboxGroup
              name="exploitationForms"
              legend={t("careOverview.open.exploitation.legend")}
              description={referral ? `${t("careOverview.open.exploitation.description")} ${t("careOverview.open.referral.formsCarried")}` : t("careOverview.open.exploitation.description")}
              options={exploitationForms.map((f) => ({ value: f, label: t(`careOverview.codes.form.${f}`) }))}
              values={draft.exploitationForms}
              onChange={(values) => update({ exploitationForms: values })}
              error={errors.fields.exploitationForms}
            />
            <TextareaField
              name="cameIntoView"
              label={t("careOverview.open.exploitation.cameIntoView")}
              description={referral ? t("careOverview.open.referral.cameIntoViewCarried") : t("careOverview.open.exploitation.cameIntoViewDescription")}
              value={draft.cameIntoView}
              onChange={(cameIntoView) => update({ cameIntoView })}
              error={errors.fields.cameIntoView}
              optional
              maxLength={5000}
              rows={5}
            />
          </section>

          {context.chooseRegion ? (
            <SelectField
              name="regionId"
              label={t("careOverview.open.region.label")}
              description={t("careOverview.open.region.description")}
              value={draft.regionId}
              onChange={(regionId) => update({ regionId })}
              placeholder={t("careOverview.open.region.placeholder")}
              options={myRegions.map((region) => ({ value: region.id, label: region.name }))}
              error={errors.fields.regionId}
            />
          ) : null}

          <ButtonGroup>
            <PrimaryActionButton type="submit" disabled={busy} busy={busy}>
              {busy ? t("careOverview.open.sending") : t("careOverview.open.submit")}
            </PrimaryActionButton>
          </ButtonGroup>
        </form>
      ) : null}
    </div>
  );
}
