import { Heading, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import type { conferencesNl } from "../../../i18n/nl/conferences.ts";
import { RadioGroup, SelectField, TextareaField, TextField } from "../../../components/fields.tsx";
import type { FieldErrors } from "../../../components/useFormErrors.ts";
import { decisionKinds, isAdministrativeKind, type AgendaItem, type ConferenceDecision, type DecisionKind, type Meeting } from "../types.ts";
import { itemPath, itemSection, useMeeting } from "./context.ts";
import { useConferenceLabels } from "./labels.ts";
import { recordsNow } from "./NotesPart.tsx";
import { Disclosure, Empty, SubmitRow } from "./parts.tsx";
import { formatMoment } from "./time.ts";
import { useChecks, useMeetingAction } from "./useMeetingAction.ts";

/** The decisions on an item: interventions of a kind; administrative ones enter the municipality's register. */
export function DecisionsPart({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const { meeting } = useMeeting();
  const decisions = item.decisions ?? [];
  return (
    <div role="group" aria-labelledby={`decisions-${item.id}-heading`} className="kz-item-part">
      <Heading level={5} id={`decisions-${item.id}-heading`}>{t("conferences.meeting.decisions.heading")}</Heading>
      {decisions.length === 0 ? (
        <Empty>{t("conferences.meeting.decisions.none")}</Empty>
      ) : (
        <UnorderedList className="kz-decisions">
          {decisions.map((d) => (
            <UnorderedListItem key={d.id}>
              <DecisionView decision={d} />
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {recordsNow(meeting, item) ? (
        <Disclosure id={`decision-${item.id}`} label={t("conferences.meeting.decisions.add")}>
          {(close) => <DecisionForm item={item} onCancel={close} />}
        </Disclosure>
      ) : null}
    </div>
  );
}

function DecisionView({ decision }: { decision: ConferenceDecision }) {
  const { t } = useTranslation();
  const labels = useConferenceLabels();
  const date = formatMoment(decision.recordedAt);
  return (
    <>
      <strong>{labels.decision(decision.kind)}</strong>
      <Paragraph className="kz-pre-line kz-decision-text">{decision.description}</Paragraph>
      <span className="kz-file-hint kz-decision-meta">
        {decision.recordedByName ? t("conferences.meeting.decisions.recorded", { name: decision.recordedByName, date }) : t("conferences.meeting.decisions.recordedAt", { date })}
        {decision.measureId ? ` ${t("conferences.meeting.decisions.measure")}` : null}
      </span>
    </>
  );
}

type Target = "signal" | "address" | "business";
type DecisionKey = Exclude<keyof (typeof conferencesNl)["meeting"]["decisions"], "errors">;
const POSTCODE = /^[1-9][0-9]{3}\s?[A-Za-z]{2}$/;

function DecisionForm({ item, onCancel }: { item: AgendaItem; onCancel: () => void }) {
  const { t } = useTranslation();
  const labels = useConferenceLabels();
  const checks = useChecks();
  const d = (key: DecisionKey) => t(`conferences.meeting.decisions.${key}`);
  const signal = item.subjectType === "signal";
  const [kind, setKind] = useState<DecisionKind | "">("");
  const [description, setDescription] = useState("");
  const [target, setTarget] = useState<Target>(signal ? "signal" : "address");
  const [postcode, setPostcode] = useState("");
  const [houseNumber, setHouseNumber] = useState("");
  const [kvkNumber, setKvkNumber] = useState("");
  const [businessName, setBusinessName] = useState("");

  const id = (s: string) => `decision-${item.id}-${s}`;
  const names = useMemo(() => ["kind", "description", "target", "postcode", "houseNumber", "kvkNumber", "name"].map((s) => `decision-${item.id}-${s}`), [item.id]);
  const l: Record<string, string> = {
    [id("kind")]: d("kind"), [id("description")]: d("description"), [id("target")]: d("target"), [id("postcode")]: d("postcode"),
    [id("houseNumber")]: d("houseNumber"), [id("kvkNumber")]: d("kvkNumber"), [id("name")]: d("businessName"),
  };
  const { errors, busy, run } = useMeetingAction(itemSection(item.id), names, l, { kind: id("kind"), description: id("description"), location: id("target") });
  const administrative = kind !== "" && isAdministrativeKind(kind);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check: FieldErrors = {
      [id("kind")]: checks.choice(kind, d("kind")),
      [id("description")]: checks.text(description, d("description")),
    };
    if (administrative && target === "address") {
      check[id("postcode")] = POSTCODE.test(postcode.trim()) ? undefined : t("conferences.meeting.decisions.errors.postcode");
      check[id("houseNumber")] = /^[1-9][0-9]{0,4}$/.test(houseNumber.trim()) ? undefined : t("conferences.meeting.decisions.errors.houseNumber");
    }
    if (administrative && target === "business") check[id("kvkNumber")] = /^[0-9]{8}$/.test(kvkNumber.trim()) ? undefined : t("conferences.meeting.decisions.errors.kvkNumber");
    const location = !administrative || target === "signal"
      ? undefined
      : target === "address"
        ? { kind: "address", postcode: postcode.trim().replace(/\s+/, " ").toUpperCase(), houseNumber: Number(houseNumber.trim()) }
        : { kind: "business", kvkNumber: kvkNumber.trim(), ...(businessName.trim() ? { name: businessName.trim() } : {}) };
    run(
      check,
      () => api.post<Meeting>(itemPath(item.id, "decisions"), { kind, description: description.trim(), ...(location ? { location } : {}) }),
      t("conferences.meeting.decisions.added", { reference: item.subjectReference }),
      onCancel,
    );
  };

  const targets: { value: Target; label: string }[] = [
    ...(signal ? [{ value: "signal" as const, label: d("targetSignal") }] : []),
    { value: "address", label: d("targetAddress") },
    { value: "business", label: d("targetBusiness") },
  ];

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-label={t("conferences.meeting.decisions.formLabel", { reference: item.subjectReference })}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <SelectField
        name={id("kind")}
        label={d("kind")}
        description={d("kindDescription")}
        value={kind}
        onChange={(value) => setKind(decisionKinds.find((k) => k === value) ?? "")}
        placeholder={d("chooseKind")}
        options={decisionKinds.map((k) => ({ value: k, label: labels.decision(k) }))}
        error={errors.fields[id("kind")]}
      />
      <TextareaField
        name={id("description")}
        label={d("description")}
        description={d("descriptionDescription")}
        value={description}
        onChange={setDescription}
        error={errors.fields[id("description")]}
        maxLength={5000}
        rows={4}
      />
      {administrative ? (
        <>
          <RadioGroup name={id("target")} legend={d("target")} description={d("targetDescription")} options={targets} value={target} onChange={setTarget} error={errors.fields[id("target")]} />
          {target === "address" ? (
            <div className="kz-meeting-times">
              <TextField name={id("postcode")} label={d("postcode")} description={d("postcodeDescription")} value={postcode} onChange={setPostcode} error={errors.fields[id("postcode")]} size="small" maxLength={7} autoComplete="off" />
              <TextField name={id("houseNumber")} label={d("houseNumber")} value={houseNumber} onChange={setHouseNumber} error={errors.fields[id("houseNumber")]} size="small" maxLength={5} inputMode="numeric" autoComplete="off" />
            </div>
          ) : null}
          {target === "business" ? (
            <>
              <TextField name={id("kvkNumber")} label={d("kvkNumber")} description={d("kvkDescription")} value={kvkNumber} onChange={setKvkNumber} error={errors.fields[id("kvkNumber")]} size="small" maxLength={8} inputMode="numeric" autoComplete="off" />
              <TextField name={id("name")} label={d("businessName")} value={businessName} onChange={setBusinessName} error={errors.fields[id("name")]} optional maxLength={200} autoComplete="off" />
            </>
          ) : null}
        </>
      ) : null}
      <SubmitRow busy={busy} label={d("submit")} onCancel={onCancel} />
    </form>
  );
}
