import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
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

const PERSON_FIELDS = ["personName", "personBirthDate", "personAgeGroup", "personGender", "personNationality", "personLanguages", "personPhone", "personContact"] as const;
const PERSON_RENAME = {
  name: "personName", birthDate: "personBirthDate", ageGroup: "personAgeGroup", gender: "personGender", nationality: "personNationality",
  languages: "personLanguages", phone: "personPhone", contact: "personContact",
};

export function PersonForm({ person, onCancel }: { person: NonNullable<VictimFile["person"]>; onCancel: () => void }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const [name, setName] = useState(person.name ?? "");
  const [birthDate, setBirthDate] = useState(person.birthDate ?? "");
  const [ageGroup, setAgeGroup] = useState<string>(person.ageGroup);
  const [gender, setGender] = useState<string>(person.gender);
  const [nationality, setNationality] = useState(person.nationality ?? "");
  const [languages, setLanguages] = useState(person.languages.join(", "));
  const [phone, setPhone] = useState(person.phone ?? "");
  const [contact, setContact] = useState(person.contact ?? "");
  const l = {
    personName: t("careFile.person.name"), personBirthDate: t("careFile.person.birthDate"), personAgeGroup: t("careFile.person.ageGroup"),
    personGender: t("careFile.person.gender"), personNationality: t("careFile.person.nationality"), personLanguages: t("careFile.person.languages"),
    personPhone: t("careFile.person.phone"), personContact: t("careFile.person.contact"),
  };
  const { errors, busy, run, failForm } = useFileAction("person", PERSON_FIELDS, l, PERSON_RENAME);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const patch: Patch = {};
    diffText(patch, "name", name, person.name);
    diffText(patch, "birthDate", birthDate, person.birthDate);
    if (ageGroup !== person.ageGroup) patch.ageGroup = ageGroup;
    if (gender !== person.gender) patch.gender = gender;
    const nat = clean(nationality).toUpperCase();
    if (nat !== (person.nationality ?? "")) patch.nationality = nat === "" ? null : nat;
    const langs = parseLanguages(languages);
    if (langs.join(",") !== person.languages.join(",")) patch.languages = langs;
    diffText(patch, "phone", phone, person.phone);
    diffText(patch, "contact", contact, person.contact);
    if (Object.keys(patch).length === 0) return failForm(t("careFile.errors.nothingChanged"));
    // The same rules as the server's, with the messages of the form that opens a file.
    const check = {
      personNationality: nat && !/^[A-Z]{3}$/.test(nat) ? t("careOverview.open.errors.nationality") : undefined,
      personLanguages: langs.some((code) => !/^[a-z]{2,3}$/.test(code))
        ? t("careOverview.open.errors.languages")
        : langs.length > 10 ? t("careOverview.open.errors.languagesTooMany") : undefined,
      personPhone: phone.trim() && !/^\+?[0-9 ()-]{6,20}$/.test(phone.trim()) ? t("careOverview.open.errors.phone") : undefined,
    };
    run(check, () => api.patch<VictimFile>(filePath(file), patch), t("careFile.person.saved"), onCancel);
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="person-edit-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextField name="personName" label={l.personName} value={name} onChange={setName} error={errors.fields.personName} optional maxLength={200} autoComplete="off" />
      <TextField name="personBirthDate" label={l.personBirthDate} type="date" value={birthDate} onChange={setBirthDate} error={errors.fields.personBirthDate} optional size="small" />
      <SelectField
        name="personAgeGroup"
        label={l.personAgeGroup}
        description={t("careFile.person.ageGroupDescription")}
        value={ageGroup}
        onChange={setAgeGroup}
        options={ageGroups.map((g) => ({ value: g, label: labels.ageGroup(g) }))}
        error={errors.fields.personAgeGroup}
      />
      <SelectField
        name="personGender"
        label={l.personGender}
        value={gender}
        onChange={setGender}
        options={genders.map((g) => ({ value: g, label: labels.gender(g) }))}
        error={errors.fields.personGender}
      />
      <TextField
        name="personNationality"
        label={l.personNationality}
        description={t("careFile.person.nationalityDescription")}
        value={nationality}
        onChange={setNationality}
        error={errors.fields.personNationality}
        optional
        maxLength={3}
        size="small"
        autoComplete="off"
      />
      <TextField
        name="personLanguages"
        label={l.personLanguages}
        description={t("careFile.person.languagesDescription")}
        value={languages}
        onChange={setLanguages}
        error={errors.fields.personLanguages}
        optional
        size="medium"
        autoComplete="off"
      />
      <TextField name="personPhone" label={l.personPhone} value={phone} onChange={setPhone} error={errors.fields.personPhone} optional size="medium" autoComplete="off" inputMode="text" />
      <TextareaField name="personContact" label={l.personContact} description={t("careFile.person.contactDescription")} value={contact} onChange={setContact} error={errors.fields.personContact} optional maxLength={1000} rows={3} />
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
  const [cameIntoView, setCameIntoView] = useState(exploitation.cameIntoView ?? "");
  const l = { exploitationForms: t("careFile.exploitation.forms"), exploitationCameIntoView: t("careFile.exploitation.cameIntoView") };
  const { errors, busy, run, failForm } = useFileAction("exploitation", EXPLOITATION_FIELDS, l, EXPLOITATION_RENAME);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const patch: Patch = {};
    // In the catalogue's order, so an unchanged choice is recognised as unchanged.
    const ordered = exploitationForms.filter((f) => forms.includes(f));
    if (ordered.join(",") !== exploitationForms.filter((f) => exploitation.forms.includes(f)).join(",")) patch.exploitationForms = ordered;
    diffText(patch, "cameIntoView", cameIntoView, exploitation.cameIntoView);
    if (Object.keys(patch).length === 0) return failForm(t("careFile.errors.nothingChanged"));
    run({}, () => api.patch<VictimFile>(filePath(file), patch), t("careFile.exploitation.saved"), onCancel);
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="exploitation-edit-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <CheckboxGroup
        name="exploitationForms"
        legend={l.exploitationForms}
        description={t("careFile.exploitation.formsDescription")}
        options={exploitationForms.map((f) => ({ value: f, label: labels.form(f) }))}
        values={forms}
        onChange={setForms}
        error={errors.fields.exploitationForms}
      />
      <TextareaField
        name="exploitationCameIntoView"
        label={l.exploitationCameIntoView}
        value={cameIntoView}
        onChange={setCameIntoView}
        error={errors.fields.exploitationCameIntoView}
        optional
        maxLength={5000}
      />
      <SubmitRow busy={busy} label={t("careFile.common.save")} onCancel={onCancel} />
    </form>
  );
}

const YOUTH_FIELDS = ["youthVeiligThuisNotifiedOn", "youthCareProviderId", "youthGuardian"] as const;
const YOUTH_RENAME = { veiligThuisNotifiedOn: "youthVeiligThuisNotifiedOn", youthCareProviderId: "youthCareProviderId", guardian: "youthGuardian" };

export function YouthForm({ youth, onCancel }: { youth: NonNullable<VictimFile["youth"]>; onCancel: () => void }) {
  const { t } = useTranslation();
  const { file, network } = useFile();
  const [notifiedOn, setNotifiedOn] = useState(youth.veiligThuisNotifiedOn ?? "");
  const [provider, setProvider] = useState(youth.youthCareProvider?.id ?? "");
  const [guardian, setGuardian] = useState(youth.guardian ?? "");
  const l = { youthVeiligThuisNotifiedOn: t("careFile.youth.veiligThuisNotifiedOn"), youthCareProviderId: t("careFile.youth.youthCareProvider"), youthGuardian: t("careFile.youth.guardian") };
  const { errors, busy, run, failForm } = useFileAction("youth", YOUTH_FIELDS, l, YOUTH_RENAME);
  // Veilig Thuis first: for a minor it is the usual first step.
  const organisations = [...(network?.organisations ?? [])].sort((a, b) => Number(b.type === "veilig_thuis") - Number(a.type === "veilig_thuis"));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const patch: Patch = {};
    if (notifiedOn !== (youth.veiligThuisNotifiedOn ?? "")) patch.veiligThuisNotifiedOn = notifiedOn === "" ? null : notifiedOn;
    if (provider !== (youth.youthCareProvider?.id ?? "")) patch.youthCareProviderId = provider === "" ? null : provider;
    diffText(patch, "guardian", guardian, youth.guardian);
    if (Object.keys(patch).length === 0) return failForm(t("careFile.errors.nothingChanged"));
    run({}, () => api.patch<VictimFile>(filePath(file), patch), t("careFile.youth.saved"), onCancel);
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="youth-edit-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextField
        name="youthVeiligThuisNotifiedOn"
        label={l.youthVeiligThuisNotifiedOn}
        type="date"
        value={notifiedOn}
        onChange={setNotifiedOn}
        error={errors.fields.youthVeiligThuisNotifiedOn}
        optional
        size="small"
      />
      <SelectField
        name="youthCareProviderId"
        label={l.youthCareProviderId}
        description={t("careFile.youth.youthCareProviderDescription")}
        value={provider}
        onChange={setProvider}
        placeholder={t("careFile.youth.noProvider")}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        error={errors.fields.youthCareProviderId}
        optional
      />
      <TextField
        name="youthGuardian"
        label={l.youthGuardian}
        description={t("careFile.youth.guardianDescription")}
        value={guardian}
        onChange={setGuardian}
        error={errors.fields.youthGuardian}
        optional
        maxLength={500}
      />
      <SubmitRow busy={busy} label={t("careFile.common.save")} onCancel={onCancel} />
    </form>
  );
}
