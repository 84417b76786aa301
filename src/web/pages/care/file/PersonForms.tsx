import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import type { FieldErrors } from "../../../components/useFormErrors.ts";
import { CheckboxGroup, SelectField, TextareaField, TextField } from "../../../components/fields.tsx";
import { ageGroups, exploitationForms, genders, type VictimFile } from "../types.ts";
import { filePath, useFile } from "./context.ts";
import { useLabels } from "./labels.ts";
import { SubmitRow } from "./parts.tsx";
import { useFileAction } from "./useFileAction.ts";

/**
 * The coordinator's edits of the person, the exploitation and the youth route (PATCH /victim-files/:id).
 * Only what changed is sent, so the file's history names exactly the fields that were changed.
 */
type Patch = Record<string, unknown>;
const clean = (value: string) => value.trim();
/** A clearable text: "" becomes null, unchanged is left out. */
function diffText(patch: Patch, key: string, value: string, current: string | null) {
  const next = clean(value);
  if (next !== (current ?? "")) patch[key] = next === "" ? null : next;
}
const parseLanguages = (value: string) => value.split(/[\s,;]+/).map((l) => l.trim().toLowerCase()).filter(Boolean);

/**
 * A form's text values by field name, and what each of its fields takes from them: the name (also the
 * field's id), the label, the value and its setter, and the error.
 */
function useTextFields<K extends string>(labels: Record<NoInfer<K>, string>, errors: FieldErrors, initial: Record<K, string>) {
  const [values, setValues] = useState(initial);
  const field = (name: K) => ({
    name,
    label: labels[name],
    value: values[name],
    onChange: (value: string) => setValues((current) => ({ ...current, [name]: value })),
    error: errors[name],
  });
  return [values, field] as const;
}

const PERSON_FIELDS = ["personName", "personBirthDate", "personAgeGroup", "personGender", "personNationality", "personLanguages", "personPhone", "personContact"] as const;
const PERSON_RENAME = {
  name: "personName", birthDate: "personBirthDate", ageGroup: "personAgeGroup", gender: "personGender", nationality: "personNationality",
  languages: "personLanguages", phone: "personPhone", contact: "personContact",
};

export function PersonForm({ person, onCancel }: { person: NonNullable<VictimFile["person"]>; onCancel: () => void }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const l = {
    personName: t("careFile.person.name"), personBirthDate: t("careFile.person.birthDate"), personAgeGroup: t("careFile.person.ageGroup"),
    personGender: t("careFile.person.gender"), personNationality: t("careFile.person.nationality"), personLanguages: t("careFile.person.languages"),
    personPhone: t("careFile.person.phone"), personContact: t("careFile.person.contact"),
  };
  const { errors, busy, run, failForm } = useFileAction("person", PERSON_FIELDS, l, PERSON_RENAME);
  const [v, field] = useTextFields(l, errors.fields, {
    personName: person.name ?? "", personBirthDate: person.birthDate ?? "", personAgeGroup: person.ageGroup, personGender: person.gender,
    personNationality: person.nationality ?? "", personLanguages: person.languages.join(", "), personPhone: person.phone ?? "", personContact: person.contact ?? "",
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const patch: Patch = {};
    diffText(patch, "name", v.personName, person.name);
    diffText(patch, "birthDate", v.personBirthDate, person.birthDate);
    if (v.personAgeGroup !== person.ageGroup) patch.ageGroup = v.personAgeGroup;
    if (v.personGender !== person.gender) patch.gender = v.personGender;
    const nat = clean(v.personNationality).toUpperCase();
    if (nat !== (person.nationality ?? "")) patch.nationality = nat === "" ? null : nat;
    const langs = parseLanguages(v.personLanguages);
    if (langs.join(",") !== person.languages.join(",")) patch.languages = langs;
    diffText(patch, "phone", v.personPhone, person.phone);
    diffText(patch, "contact", v.personContact, person.contact);
    if (Object.keys(patch).length === 0) return failForm(t("careFile.errors.nothingChanged"));
    // The same rules as the server's, with the messages of the form that opens a file.
    const phone = v.personPhone.trim();
    const check = {
      personNationality: nat && !/^[A-Z]{3}$/.test(nat) ? t("careOverview.open.errors.nationality") : undefined,
      personLanguages: langs.some((code) => !/^[a-z]{2,3}$/.test(code))
        ? t("careOverview.open.errors.languages")
        : langs.length > 10 ? t("careOverview.open.errors.languagesTooMany") : undefined,
      personPhone: phone && !/^\+?[0-9 ()-]{6,20}$/.test(phone) ? t("careOverview.open.errors.phone") : undefined,
    };
    run(check, () => api.patch<VictimFile>(filePath(file), patch), t("careFile.person.saved"), onCancel);
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="person-edit-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextField {...field("personName")} optional maxLength={200} autoComplete="off" />
      <TextField {...field("personBirthDate")} type="date" optional size="small" />
      <SelectField {...field("personAgeGroup")} description={t("careFile.person.ageGroupDescription")} options={ageGroups.map((g) => ({ value: g, label: labels.ageGroup(g) }))} />
      <SelectField {...field("personGender")} options={genders.map((g) => ({ value: g, label: labels.gender(g) }))} />
      <TextField {...field("personNationality")} description={t("careFile.person.nationalityDescription")} optional maxLength={3} size="small" autoComplete="off" />
      <TextField {...field("personLanguages")} description={t("careFile.person.languagesDescription")} optional size="medium" autoComplete="off" />
      <TextField {...field("personPhone")} optional size="medium" autoComplete="off" inputMode="text" />
      <TextareaField {...field("personContact")} description={t("careFile.person.contactDescription")} optional maxLength={1000} rows={3} />
      <SubmitRow busy={busy} label={t("careFile.common.save")} onCancel={onCancel} />
    </form>
  );
}

const EXPLOITATION_FIELDS = ["exploitationForms", "exploitationCameIntoView"] as const;
const EXPLOITATION_RENAME = { exploitationForms: "exploitationForms", cameIntoView: "exploitationCameIntoView" };

export function ExploitationForm({ exploitation, onCancel }: { exploitation: NonNullable<VictimFile["exploitation"]>; onCancel: () => void }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const [forms, setForms] = useState<string[]>(exploitation.forms);
  const l = { exploitationForms: t("careFile.exploitation.forms"), exploitationCameIntoView: t("careFile.exploitation.cameIntoView") };
  const { errors, busy, run, failForm } = useFileAction("exploitation", EXPLOITATION_FIELDS, l, EXPLOITATION_RENAME);
  const [v, field] = useTextFields(l, errors.fields, { exploitationCameIntoView: exploitation.cameIntoView ?? "" });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const patch: Patch = {};
    // In the catalogue's order, so an unchanged choice is recognised as unchanged.
    const ordered = exploitationForms.filter((f) => forms.includes(f));
    if (ordered.join(",") !== exploitationForms.filter((f) => exploitation.forms.includes(f)).join(",")) patch.exploitationForms = ordered;
    diffText(patch, "cameIntoView", v.exploitationCameIntoView, exploitation.cameIntoView);
    if (Object.keys(patch).length === 0) return failForm(t("careFile.errors.nothingChanged"));
    run({}, () => api.patch<VictimFile>(filePath(file), patch), t("careFile.exploitation.saved"), onCancel);
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="exploitation-edit-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <CheckboxGroup name="exploitationForms" legend={l.exploitationForms} description={t("careFile.exploitation.formsDescription")}
        options={exploitationForms.map((f) => ({ value: f, label: labels.form(f) }))} values={forms} onChange={setForms} error={errors.fields.exploitationForms} />
      <TextareaField {...field("exploitationCameIntoView")} optional maxLength={5000} />
      <SubmitRow busy={busy} label={t("careFile.common.save")} onCancel={onCancel} />
    </form>
  );
}

const YOUTH_FIELDS = ["youthVeiligThuisNotifiedOn", "youthCareProviderId", "youthGuardian"] as const;
const YOUTH_RENAME = { veiligThuisNotifiedOn: "youthVeiligThuisNotifiedOn", youthCareProviderId: "youthCareProviderId", guardian: "youthGuardian" };

export function YouthForm({ youth, onCancel }: { youth: NonNullable<VictimFile["youth"]>; onCancel: () => void }) {
  const { t } = useTranslation();
  const { file, network } = useFile();
  const l = { youthVeiligThuisNotifiedOn: t("careFile.youth.veiligThuisNotifiedOn"), youthCareProviderId: t("careFile.youth.youthCareProvider"), youthGuardian: t("careFile.youth.guardian") };
  const { errors, busy, run, failForm } = useFileAction("youth", YOUTH_FIELDS, l, YOUTH_RENAME);
  const [v, field] = useTextFields(l, errors.fields, {
    youthVeiligThuisNotifiedOn: youth.veiligThuisNotifiedOn ?? "", youthCareProviderId: youth.youthCareProvider?.id ?? "", youthGuardian: youth.guardian ?? "",
  });
  // Veilig Thuis first: for a minor it is the usual first step.
  const organisations = [...(network?.organisations ?? [])].sort((a, b) => Number(b.type === "veilig_thuis") - Number(a.type === "veilig_thuis"));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const patch: Patch = {};
    const { youthVeiligThuisNotifiedOn: notifiedOn, youthCareProviderId: provider } = v;
    if (notifiedOn !== (youth.veiligThuisNotifiedOn ?? "")) patch.veiligThuisNotifiedOn = notifiedOn === "" ? null : notifiedOn;
    if (provider !== (youth.youthCareProvider?.id ?? "")) patch.youthCareProviderId = provider === "" ? null : provider;
    diffText(patch, "guardian", v.youthGuardian, youth.guardian);
    if (Object.keys(patch).length === 0) return failForm(t("careFile.errors.nothingChanged"));
    run({}, () => api.patch<VictimFile>(filePath(file), patch), t("careFile.youth.saved"), onCancel);
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="youth-edit-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextField {...field("youthVeiligThuisNotifiedOn")} type="date" optional size="small" />
      <SelectField {...field("youthCareProviderId")} description={t("careFile.youth.youthCareProviderDescription")} placeholder={t("careFile.youth.noProvider")}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))} optional />
      <TextField {...field("youthGuardian")} description={t("careFile.youth.guardianDescription")} optional maxLength={500} />
      <SubmitRow busy={busy} label={t("careFile.common.save")} onCancel={onCancel} />
    </form>
  );
}
