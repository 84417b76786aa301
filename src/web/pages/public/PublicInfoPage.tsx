import {
  Alert,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Link,
  Paragraph,
  PrimaryActionButton,
  RadioButton,
  Textarea,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, SelectField, TextField } from "../../components/fields.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { LoadError } from "../../components/Status.tsx";
import { isBlank, useFormErrors, type FieldErrors } from "../../components/useFormErrors.ts";

/**
 * The public page for citizens (/melden), without login: what human trafficking is, what to look out for,
 * where to turn, and an anonymous report to a municipality. Nothing about the sender is asked or stored.
 */
interface MunicipalityOption {
  id: string;
  name: string;
  regionId: string;
  regionName: string;
}

interface Receipt {
  received: true;
  reference: string;
}

const MAX_DESCRIPTION = 5000;
const locationKinds = ["none", "address", "other"] as const;
type LocationKind = (typeof locationKinds)[number];
const FIELDS = ["municipalityId", "description", "observedOn", "location", "postcode", "houseNumber", "placeDescription"] as const;
const POSTCODE = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;

const today = () => new Date().toISOString().slice(0, 10);

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="kz-section">
      <Heading level={2} id={id}>
        {heading}
      </Heading>
      {children}
    </section>
  );
}

/** The text of the report, with the characters left under it (announced with the field, not on every key). */
function DescriptionField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error: string | undefined }) {
  const { t } = useTranslation();
  const id = fieldId("description");
  const describedBy = [`${id}-description`, `${id}-counter`, error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <FormField invalid={Boolean(error)} className="kz-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{t("public.form.description")}</FormLabel>
      </div>
      <FormFieldDescription id={`${id}-description`}>{t("public.form.descriptionDescription")}</FormFieldDescription>
      {error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : null}
      <div className="utrecht-form-field__input">
        <Textarea
          id={id}
          name="description"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          invalid={Boolean(error)}
          required
          aria-describedby={describedBy}
          maxLength={MAX_DESCRIPTION}
          rows={8}
          className="kz-textarea"
        />
      </div>
      <FormFieldDescription id={`${id}-counter`}>
        {t("public.form.counter", { count: MAX_DESCRIPTION - value.length, max: MAX_DESCRIPTION })}
      </FormFieldDescription>
    </FormField>
  );
}

function LocationKindField({ value, onChange, error }: { value: LocationKind; onChange: (value: LocationKind) => void; error: string | undefined }) {
  const { t } = useTranslation();
  const errorId = `${fieldId("location")}-error`;
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={error ? errorId : undefined} className="kz-fieldset">
      <FieldsetLegend>
        {t("public.form.location")}
        <span className="kz-optional"> ({t("common.optional")})</span>
      </FieldsetLegend>
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      {locationKinds.map((kind, index) => {
        const id = index === 0 ? fieldId("location") : `${fieldId("location")}-${kind}`;
        return (
          <FormField key={kind} type="radio" className="kz-field kz-field--radio">
            <div className="utrecht-form-field__input">
              <RadioButton id={id} name="location" value={kind} checked={value === kind} onChange={() => onChange(kind)} />
            </div>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor={id} type="radio" checked={value === kind}>
                {t(`public.form.locationKinds.${kind}`)}
              </FormLabel>
            </div>
          </FormField>
        );
      })}
    </Fieldset>
  );
}

/**
 * The honeypot: a field people never see and screen readers never announce (aria-hidden, out of the tab
 * order). Bots that fill in every field give themselves away; the server then stores nothing.
 */
function Honeypot({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <div
      aria-hidden="true"
      // Set through the DOM by React (not a style attribute in the HTML), so the strict CSP allows it.
      style={{ position: "absolute", left: "-10000px", top: "auto", width: "1px", height: "1px", overflow: "hidden" }}
    >
      <label htmlFor="field-website">{t("public.form.honeypot")}</label>
      <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

function ReportForm({ onDone }: { onDone: (receipt: Receipt) => void }) {
  const { t } = useTranslation();
  const municipalities = useLoad(() => api.get<MunicipalityOption[]>("/public/municipalities"), "public-municipalities");
  const [municipalityId, setMunicipalityId] = useState("");
  const [description, setDescription] = useState("");
  const [observedOn, setObservedOn] = useState("");
  const [locationKind, setLocationKind] = useState<LocationKind>("none");
  const [postcode, setPostcode] = useState("");
  const [houseNumber, setHouseNumber] = useState("");
  const [placeDescription, setPlaceDescription] = useState("");
  const [website, setWebsite] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS, {
    municipalityId: t("public.form.municipality"),
    description: t("public.form.description"),
    observedOn: t("public.form.observedOn"),
    location: t("public.form.location"),
  });

  const location = () => {
    if (locationKind === "address") return { kind: "address", postcode: postcode.trim(), houseNumber: Number(houseNumber.trim()) };
    if (locationKind === "other") return { kind: "other", description: placeDescription.trim() };
    return undefined;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // No disabled button while busy: that would drop the keyboard focus. A second submit is ignored instead.
    if (busy) return;
    const invalid: FieldErrors = {};
    if (!municipalityId) invalid.municipalityId = t("errors.required", { field: t("public.form.municipalityField") });
    if (isBlank(description)) invalid.description = t("errors.required", { field: t("public.form.descriptionField") });
    else if (description.length > MAX_DESCRIPTION) invalid.description = t("public.form.tooLong", { max: MAX_DESCRIPTION });
    if (observedOn && (!/^\d{4}-\d{2}-\d{2}$/.test(observedOn) || observedOn > today())) invalid.observedOn = t("public.form.observedOnInvalid");
    if (locationKind === "address") {
      if (!POSTCODE.test(postcode.trim())) invalid.postcode = t("public.form.postcodeInvalid");
      if (!/^[1-9][0-9]{0,4}$/.test(houseNumber.trim())) invalid.houseNumber = t("public.form.houseNumberInvalid");
    }
    if (locationKind === "other" && isBlank(placeDescription)) {
      invalid.placeDescription = t("errors.required", { field: t("public.form.placeDescriptionField") });
    }
    if (Object.keys(invalid).length > 0) return errors.fail(invalid);
    setBusy(true);
    try {
      const receipt = await api.post<Receipt>("/public/signals", {
        municipalityId,
        description: description.trim(),
        ...(observedOn ? { observedOn } : {}),
        ...(location() ? { location: location() } : {}),
        ...(website ? { website } : {}),
      });
      errors.clear();
      onDone(receipt);
    } catch (error) {
      errors.failWithProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const options = (municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }));
  // A municipality in more than one region appears once.
  const unique = options.filter((option, index) => options.findIndex((o) => o.value === option.value) === index);

  return (
    <>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      {municipalities.error ? <LoadError message={t("public.form.municipalitiesFailed")} /> : null}
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="kz-form">
        <SelectField
          name="municipalityId"
          label={t("public.form.municipality")}
          description={t("public.form.municipalityDescription")}
          value={municipalityId}
          onChange={setMunicipalityId}
          placeholder={t("public.form.municipalityPlaceholder")}
          options={unique}
          error={errors.fields.municipalityId}
        />
        <DescriptionField value={description} onChange={setDescription} error={errors.fields.description} />
        <TextField
          name="observedOn"
          type="date"
          label={t("public.form.observedOn")}
          description={t("public.form.observedOnDescription")}
          value={observedOn}
          onChange={setObservedOn}
          error={errors.fields.observedOn}
          optional
          autoComplete="off"
          size="medium"
        />
        <LocationKindField value={locationKind} onChange={setLocationKind} error={errors.fields.location} />
        {locationKind === "address" ? (
          <>
            <TextField
              name="postcode"
              label={t("public.form.postcode")}
              description={t("public.form.postcodeDescription")}
              value={postcode}
              onChange={setPostcode}
              error={errors.fields.postcode}
              autoComplete="off"
              spellCheck={false}
              maxLength={7}
              size="small"
            />
            <TextField
              name="houseNumber"
              label={t("public.form.houseNumber")}
              value={houseNumber}
              onChange={setHouseNumber}
              error={errors.fields.houseNumber}
              inputMode="numeric"
              autoComplete="off"
              maxLength={5}
              size="small"
            />
          </>
        ) : null}
        {locationKind === "other" ? (
          <TextField
            name="placeDescription"
            label={t("public.form.placeDescription")}
            description={t("public.form.placeDescriptionDescription")}
            value={placeDescription}
            onChange={setPlaceDescription}
            error={errors.fields.placeDescription}
            autoComplete="off"
            maxLength={500}
          />
        ) : null}
        <Honeypot value={website} onChange={setWebsite} />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy}>
            {busy ? t("public.form.busy") : t("public.form.submit")}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}

function Done({ receipt, onAgain }: { receipt: Receipt; onAgain: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form is gone: the focus goes to the confirmation, so a screen reader reads it out.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="kz-section">
      <Alert type="ok" role="none">
        <Heading level={2} id="report-done" ref={heading} tabIndex={-1}>
          {t("public.done.heading")}
        </Heading>
        <Paragraph>
          {t("public.done.reference")} <strong className="kz-id" data-testid="report-reference">{receipt.reference}</strong>.
        </Paragraph>
        <Paragraph>{t("public.done.what")}</Paragraph>
      </Alert>
      <Alert type="warning">
        <Paragraph>
          <strong>{t("public.done.danger")}</strong>
        </Paragraph>
      </Alert>
      <Paragraph>
        <Link
          href="#report-form"
          onClick={(event) => {
            event.preventDefault();
            onAgain();
          }}
        >
          {t("public.done.again")}
        </Link>
      </Paragraph>
    </div>
  );
}

export function PublicInfoPage() {
  const { t } = useTranslation();
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  return (
    <div className="kz-prose">
      <PageHeading>{t("public.title")}</PageHeading>
      <Paragraph appearance="lead">{t("public.intro")}</Paragraph>
      <Alert type="warning">
        <Paragraph>
          <strong>{t("public.danger.title")}</strong> {t("public.danger.text")}
        </Paragraph>
      </Alert>

      <Section id="what" heading={t("public.what.heading")}>
        <Paragraph>{t("public.what.text")}</Paragraph>
        <UnorderedList>
          <UnorderedListItem>{t("public.what.sexual")}</UnorderedListItem>
          <UnorderedListItem>{t("public.what.labour")}</UnorderedListItem>
          <UnorderedListItem>{t("public.what.criminal")}</UnorderedListItem>
          <UnorderedListItem>{t("public.what.organs")}</UnorderedListItem>
        </UnorderedList>
        <Paragraph>{t("public.what.victims")}</Paragraph>
      </Section>

      <Section id="signs" heading={t("public.signs.heading")}>
        <Paragraph>{t("public.signs.intro")}</Paragraph>
        <UnorderedList>
          {(["s1", "s2", "s3", "s4", "s5", "s6", "s7"] as const).map((key) => (
            <UnorderedListItem key={key}>{t(`public.signs.${key}`)}</UnorderedListItem>
          ))}
        </UnorderedList>
      </Section>

      <Section id="todo" heading={t("public.todo.heading")}>
        <UnorderedList>
          <UnorderedListItem>
            <strong>{t("public.todo.danger")}</strong>
          </UnorderedListItem>
          <UnorderedListItem>{t("public.todo.police")}</UnorderedListItem>
          <UnorderedListItem>
            {t("public.todo.anonymous")} <Link href="https://www.meldmisdaadanoniem.nl" rel="noopener noreferrer">{t("public.todo.anonymousSite")}</Link>.
          </UnorderedListItem>
          <UnorderedListItem>
            {t("public.todo.comensha")} <Link href="https://www.comensha.nl" rel="noopener noreferrer">{t("public.todo.comenshaSite")}</Link>.
          </UnorderedListItem>
        </UnorderedList>
        <Paragraph>{t("public.todo.here")}</Paragraph>
      </Section>

      <section aria-labelledby="report-form" className="kz-section kz-narrow">
        <Heading level={2} id="report-form" tabIndex={-1}>
          {t("public.form.heading")}
        </Heading>
        <Paragraph>{t("public.form.privacy")}</Paragraph>
        {receipt ? (
          <Done
            receipt={receipt}
            onAgain={() => {
              setReceipt(null);
              document.getElementById("report-form")?.focus();
            }}
          />
        ) : (
          <ReportForm onDone={setReceipt} />
        )}
      </section>
    </div>
  );
}
