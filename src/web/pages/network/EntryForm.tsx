import { Button, Fieldset, FieldsetLegend, Paragraph } from "@utrecht/component-library-react";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import type { Organisation } from "../../api/types.ts";
import { useLoad } from "../../api/useLoad.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { CheckboxField, CheckboxGroup, SelectField, TextareaField, TextField } from "../../components/fields.tsx";
import { onFields } from "../care/problems.ts";
import { SubmitRow } from "../care/file/parts.tsx";
import { useAction } from "../signals/detail/useAction.ts";
import { ageGroups, genders, nationalities, offerCategories, type SocialMapEntry } from "./types.ts";

interface ContactDraft {
  key: number;
  name: string;
  jobTitle: string;
  phone: string;
  email: string;
}

const MAX_CONTACTS = 20;
const contactFields = ["Name", "JobTitle", "Phone", "Email"] as const;
const simple = ["name", "organisationId", "description", "offers", "ageGroups", "nationalities", "genders", "phone", "email", "website", "address", "openingHours", "active"] as const;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Putting an organisation on the map or changing it: name, the organisation in Ketenzicht if it works there,
 * what it offers and for whom, how to reach it, and its contact persons. Field names carry a prefix so that
 * the add form and several edit forms can be open on one page.
 */
export function EntryForm({ entry, onCancel, onSaved }: { entry?: SocialMapEntry; onCancel: () => void; onSaved: (entry: SocialMapEntry, message: string) => void }) {
  const { t } = useTranslation();
  const p = entry ? `entry${entry.id.slice(0, 8)}` : "entry";
  const f = (name: string) => `${p}${cap(name)}`;
  const organisations = useLoad(() => api.get<{ items: Organisation[] }>("/organisations"), "organisations");
  const [name, setName] = useState(entry?.name ?? "");
  const [organisationId, setOrganisationId] = useState(entry?.organisationId ?? "");
  const [description, setDescription] = useState(entry?.description ?? "");
  const [offers, setOffers] = useState<string[]>(entry?.offers ?? []);
  const [ages, setAges] = useState<string[]>(entry?.ageGroups ?? ["adults"]);
  const [nats, setNats] = useState<string[]>(entry?.nationalities ?? ["dutch", "non_dutch"]);
  const [gens, setGens] = useState<string[]>(entry?.genders ?? ["female", "male", "other"]);
  const [phone, setPhone] = useState(entry?.phone ?? "");
  const [email, setEmail] = useState(entry?.email ?? "");
  const [website, setWebsite] = useState(entry?.website ?? "");
  const [address, setAddress] = useState(entry?.address ?? "");
  const [openingHours, setOpeningHours] = useState(entry?.openingHours ?? "");
  const [active, setActive] = useState(entry?.active ?? true);
  const [contacts, setContacts] = useState<ContactDraft[]>(() =>
    entry ? entry.contacts.map((c, key) => ({ key, name: c.name, jobTitle: c.jobTitle ?? "", phone: c.phone ?? "", email: c.email ?? "" })) : [],
  );
  const [nextKey, setNextKey] = useState(100);

  const fields = useMemo(
    () => [...simple.map(f), ...Array.from({ length: MAX_CONTACTS }, (_, i) => contactFields.map((c) => f(`contact${i}${c}`))).flat()],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [p],
  );
  const labels: Record<string, string> = {
    [f("name")]: t("network.form.name"), [f("organisationId")]: t("network.form.organisation"), [f("description")]: t("network.form.description"),
    [f("offers")]: t("network.form.offers"), [f("ageGroups")]: t("network.form.ageGroups"), [f("nationalities")]: t("network.form.nationalities"),
    [f("genders")]: t("network.form.genders"), [f("phone")]: t("network.form.phone"), [f("email")]: t("network.form.email"),
    [f("website")]: t("network.form.website"), [f("address")]: t("network.form.address"), [f("openingHours")]: t("network.form.openingHours"),
  };
  contacts.forEach((_, i) => {
    labels[f(`contact${i}Name`)] = `${t("network.form.contactLegend", { n: i + 1 })}: ${t("network.form.contactName").toLowerCase()}`;
    labels[f(`contact${i}JobTitle`)] = `${t("network.form.contactLegend", { n: i + 1 })}: ${t("network.form.contactJobTitle").toLowerCase()}`;
    labels[f(`contact${i}Phone`)] = `${t("network.form.contactLegend", { n: i + 1 })}: ${t("network.form.contactPhone").toLowerCase()}`;
    labels[f(`contact${i}Email`)] = `${t("network.form.contactLegend", { n: i + 1 })}: ${t("network.form.contactEmail").toLowerCase()}`;
  });
  const { errors, busy, submit } = useAction(fields, labels);
  const rename = (param: string) => {
    const contact = /^contacts\.(\d+)\.(\w+)$/.exec(param);
    if (contact) return f(`contact${contact[1]}${cap(contact[2]!)}`);
    const head = param.split(".")[0] ?? param;
    return (simple as readonly string[]).includes(head) ? f(head) : param;
  };

  const region = entry?.regionId;
  const linkable = (organisations.data?.items ?? []).filter((o) => o.active && (!region || o.regionIds.includes(region)));
  const setContact = (key: number, patch: Partial<ContactDraft>) => setContacts((cs) => cs.map((c) => (c.key === key ? { ...c, ...patch } : c)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check: Record<string, string | undefined> = {
      [f("name")]: name.trim() ? undefined : t("network.form.errors.name"),
      [f("offers")]: offers.length ? undefined : t("network.form.errors.offers"),
      [f("ageGroups")]: ages.length ? undefined : t("network.form.errors.ageGroups"),
      [f("nationalities")]: nats.length ? undefined : t("network.form.errors.nationalities"),
      [f("genders")]: gens.length ? undefined : t("network.form.errors.genders"),
    };
    contacts.forEach((c, i) => {
      if (!c.name.trim()) check[f(`contact${i}Name`)] = t("network.form.errors.contactName", { n: i + 1 });
    });
    const order = (all: readonly string[], chosen: string[]) => all.filter((v) => chosen.includes(v));
    const body = {
      name: name.trim(), description: description.trim(), offers: order(offerCategories, offers), ageGroups: order(ageGroups, ages),
      nationalities: order(nationalities, nats), genders: order(genders, gens), phone, email, website, address: address.trim(), openingHours: openingHours.trim(),
      contacts: contacts.map((c) => ({ name: c.name.trim(), jobTitle: c.jobTitle.trim(), phone: c.phone, email: c.email })),
    };
    const request = () => entry
      ? api.patch<SocialMapEntry>(`/social-map-entries/${encodeURIComponent(entry.id)}`, { ...body, organisationId: organisationId || null, active })
      : api.post<SocialMapEntry>("/social-map-entries", { ...body, ...(organisationId ? { organisationId } : {}) });
    void submit(
      check,
      () => request().catch((error: unknown) => Promise.reject(onFields(error, rename, fields))),
      (saved) => onSaved(saved, t(entry ? "network.form.saved" : "network.form.added", { name: saved.name })),
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby={`${entry ? `entry-${entry.id}-edit` : "entry-add"}-toggle`}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextField name={f("name")} label={labels[f("name")]} value={name} onChange={setName} error={errors.fields[f("name")]} maxLength={200} />
      <SelectField
        name={f("organisationId")} label={labels[f("organisationId")]} description={t("network.form.organisationDescription")} value={organisationId}
        onChange={setOrganisationId} placeholder={t("network.form.organisationNone")} optional markOptional={false}
        options={linkable.map((o) => ({ value: o.id, label: o.name }))} error={errors.fields[f("organisationId")]}
      />
      <TextareaField name={f("description")} label={labels[f("description")]} value={description} onChange={setDescription} optional maxLength={2000} rows={2} error={errors.fields[f("description")]} />
      <CheckboxGroup name={f("offers")} legend={labels[f("offers")]} values={offers} onChange={setOffers} error={errors.fields[f("offers")]}
        options={offerCategories.map((o) => ({ value: o, label: t(`network.offers.${o}`) }))} />
      <CheckboxGroup name={f("ageGroups")} legend={labels[f("ageGroups")]} values={ages} onChange={setAges} error={errors.fields[f("ageGroups")]}
        options={ageGroups.map((o) => ({ value: o, label: t(`network.ageGroups.${o}`) }))} />
      <CheckboxGroup name={f("nationalities")} legend={labels[f("nationalities")]} values={nats} onChange={setNats} error={errors.fields[f("nationalities")]}
        options={nationalities.map((o) => ({ value: o, label: t(`network.nationalities.${o}`) }))} />
      <CheckboxGroup name={f("genders")} legend={labels[f("genders")]} values={gens} onChange={setGens} error={errors.fields[f("genders")]}
        options={genders.map((o) => ({ value: o, label: t(`network.genders.${o}`) }))} />
      <Fieldset className="kz-fieldset kz-map-group">
        <FieldsetLegend>{t("network.form.reach")}</FieldsetLegend>
        <TextField name={f("phone")} label={labels[f("phone")]} value={phone} onChange={setPhone} optional error={errors.fields[f("phone")]} size="medium" autoComplete="off" />
        <TextField name={f("email")} label={labels[f("email")]} type="email" value={email} onChange={setEmail} optional error={errors.fields[f("email")]} autoComplete="off" />
        <TextField name={f("website")} label={labels[f("website")]} description={t("network.form.websiteDescription")} value={website} onChange={setWebsite} optional error={errors.fields[f("website")]} />
        <TextField name={f("address")} label={labels[f("address")]} value={address} onChange={setAddress} optional error={errors.fields[f("address")]} maxLength={300} />
        <TextField name={f("openingHours")} label={labels[f("openingHours")]} value={openingHours} onChange={setOpeningHours} optional error={errors.fields[f("openingHours")]} maxLength={300} />
      </Fieldset>
      <Fieldset className="kz-fieldset kz-map-group">
        <FieldsetLegend>{t("network.form.contacts")}</FieldsetLegend>
        <Paragraph className="kz-map-hint">{t("network.form.contactsDescription")}</Paragraph>
        {contacts.map((c, i) => (
          <Fieldset key={c.key} className="kz-fieldset kz-map-group kz-map-contact">
            <FieldsetLegend>{t("network.form.contactLegend", { n: i + 1 })}</FieldsetLegend>
            <TextField name={f(`contact${i}Name`)} label={t("network.form.contactName")} value={c.name} onChange={(v) => setContact(c.key, { name: v })} error={errors.fields[f(`contact${i}Name`)]} maxLength={200} autoComplete="off" />
            <TextField name={f(`contact${i}JobTitle`)} label={t("network.form.contactJobTitle")} value={c.jobTitle} onChange={(v) => setContact(c.key, { jobTitle: v })} optional error={errors.fields[f(`contact${i}JobTitle`)]} maxLength={200} />
            <TextField name={f(`contact${i}Phone`)} label={t("network.form.contactPhone")} value={c.phone} onChange={(v) => setContact(c.key, { phone: v })} optional error={errors.fields[f(`contact${i}Phone`)]} autoComplete="off" />
            <TextField name={f(`contact${i}Email`)} label={t("network.form.contactEmail")} type="email" value={c.email} onChange={(v) => setContact(c.key, { email: v })} optional error={errors.fields[f(`contact${i}Email`)]} autoComplete="off" />
            <Button appearance="subtle-button" type="button" onClick={() => setContacts((cs) => cs.filter((x) => x.key !== c.key))}>
              {t("network.form.removeContact", { n: i + 1 })}
            </Button>
          </Fieldset>
        ))}
        {contacts.length < MAX_CONTACTS ? (
          <Button appearance="secondary-action-button" type="button" onClick={() => {
            setContacts((cs) => [...cs, { key: nextKey, name: "", jobTitle: "", phone: "", email: "" }]);
            setNextKey((k) => k + 1);
          }}>
            {t("network.form.addContact")}
          </Button>
        ) : null}
      </Fieldset>
      {entry ? (
        <CheckboxField id={`field-${f("active")}`} name={f("active")} label={t("network.form.activeLabel")} checked={active} onChange={setActive} />
      ) : null}
      <SubmitRow busy={busy} label={entry ? t("network.form.submitEdit") : t("network.form.submitAdd")} onCancel={onCancel} />
    </form>
  );
}
