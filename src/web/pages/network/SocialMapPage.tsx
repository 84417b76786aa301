import { ButtonGroup, Heading, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { CheckboxField, SelectField, TextField } from "../../components/fields.tsx";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Pagination } from "../../components/Pagination.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { useSession } from "../../session/SessionContext.tsx";
import { Disclosure } from "../care/file/parts.tsx";
import { useStatusMessage } from "../care/StatusMessage.tsx";
import { isCode } from "../care/types.ts";
import { AgreementsSection } from "./AgreementsSection.tsx";
import { EntryCard } from "./EntryCard.tsx";
import { EntryForm } from "./EntryForm.tsx";
import { AGREEMENT_LIST, ageGroups, genders, nationalities, offerCategories, SOCIAL_MAP_CREATE, type EntryList } from "./types.ts";
import "../care/file/care-file.css";
import "./network.css";

const PAGE_SIZE = 50;
/** The Dutch query parameters of the page and the API's names for them. */
const filterKeys = { aanbod: "offer", leeftijd: "ageGroup", nationaliteit: "nationality", gender: "gender", zoek: "q" } as const;

/**
 * /netwerk: the region's social map — search by offer and target group, put an organisation on it or change
 * one (focal officers, care coordinators, policy officers, administrators) — and the cooperation agreements
 * and covenants with its parties, for those who keep the map.
 */
export function SocialMapPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const applied = {
    aanbod: isCode(offerCategories, params.get("aanbod")) ? params.get("aanbod")! : "",
    leeftijd: isCode(ageGroups, params.get("leeftijd")) ? params.get("leeftijd")! : "",
    nationaliteit: isCode(nationalities, params.get("nationaliteit")) ? params.get("nationaliteit")! : "",
    gender: isCode(genders, params.get("gender")) ? params.get("gender")! : "",
    zoek: (params.get("zoek") ?? "").slice(0, 100),
  };
  const includeInactive = params.get("ook-inactief") === "ja";
  const page = Math.max(1, Number(params.get("pagina") ?? "1") || 1);
  const [draft, setDraft] = useState(applied);
  const [draftInactive, setDraftInactive] = useState(includeInactive);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { setDraft(applied); setDraftInactive(includeInactive); }, [key]);
  const status = useStatusMessage();
  const query = Object.fromEntries(
    (Object.keys(filterKeys) as (keyof typeof filterKeys)[]).filter((k) => applied[k]).map((k) => [filterKeys[k], applied[k]]),
  );
  const list = useLoad(() => api.get<EntryList>("/social-map-entries", { ...query, ...(includeInactive ? { includeInactive: "true" } : {}), page, pageSize: PAGE_SIZE }), `map-${key}`);
  const all = useLoad(() => api.get<EntryList>("/social-map-entries", { pageSize: 200 }), "map-all", can(AGREEMENT_LIST));
  const filtered = Object.values(applied).some(Boolean) || includeInactive;

  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    for (const [k, v] of Object.entries(draft)) if (v.trim()) next[k] = v.trim();
    if (draftInactive) next["ook-inactief"] = "ja";
    setParams(next);
  };
  const saved = (message: string) => {
    list.reload();
    all.reload();
    status.show(message);
  };
  const set = (k: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [k]: value }));
  const everyone = t("network.filters.all");

  return (
    <>
      <PageHeading>{t("network.title")}</PageHeading>
      <Paragraph className="kz-prose">{t("network.intro")}</Paragraph>
      {status.element}
      <section aria-labelledby="map-heading" className="kz-section">
        <Heading level={2} id="map-heading">{t("network.list.heading")}</Heading>
        {can(SOCIAL_MAP_CREATE) ? (
          <Disclosure id="entry-add" label={t("network.form.add")}>
            {(close) => <EntryForm onCancel={close} onSaved={(_entry, message) => { close(); saved(message); }} />}
          </Disclosure>
        ) : null}
        <form role="search" aria-label={t("network.filters.label")} noValidate onSubmit={onFilter} className="kz-filters kz-map-filters">
          <SelectField name="aanbod" label={t("network.filters.offer")} value={draft.aanbod} onChange={set("aanbod")} placeholder={t("network.filters.offerAll")}
            options={offerCategories.map((o) => ({ value: o, label: t(`network.offers.${o}`) }))} optional markOptional={false} />
          <SelectField name="leeftijd" label={t("network.filters.ageGroup")} value={draft.leeftijd} onChange={set("leeftijd")} placeholder={everyone}
            options={ageGroups.map((o) => ({ value: o, label: t(`network.ageGroups.${o}`) }))} optional markOptional={false} />
          <SelectField name="nationaliteit" label={t("network.filters.nationality")} value={draft.nationaliteit} onChange={set("nationaliteit")} placeholder={everyone}
            options={nationalities.map((o) => ({ value: o, label: t(`network.nationalities.${o}`) }))} optional markOptional={false} />
          <SelectField name="gender" label={t("network.filters.gender")} value={draft.gender} onChange={set("gender")} placeholder={everyone}
            options={genders.map((o) => ({ value: o, label: t(`network.genders.${o}`) }))} optional markOptional={false} />
          <TextField name="zoek" type="search" label={t("network.filters.q")} value={draft.zoek} onChange={set("zoek")} optional markOptional={false} maxLength={100} />
          <CheckboxField id="field-ook-inactief" name="ook-inactief" label={t("network.filters.includeInactive")} checked={draftInactive} onChange={setDraftInactive} />
          <ButtonGroup>
            <PrimaryActionButton type="submit">{t("network.filters.apply")}</PrimaryActionButton>
            {filtered ? <AppLink to="/netwerk">{t("common.clearFilters")}</AppLink> : null}
          </ButtonGroup>
        </form>
        <p role="status" className="kz-result-count">{list.data ? t("common.resultCount", { count: list.data.total }) : ""}</p>
        {list.error ? <LoadError message={list.error} /> : null}
        {list.loading && !list.data ? <Loading /> : null}
        {list.data && list.data.items.length === 0 ? <Paragraph>{filtered ? t("network.list.emptyFiltered") : t("network.list.empty")}</Paragraph> : null}
        {list.data ? (
          <div className="kz-map-list">
            {list.data.items.map((entry) => <EntryCard key={entry.id} entry={entry} onSaved={(_e, message) => saved(message)} />)}
          </div>
        ) : null}
        {list.data ? <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} /> : null}
      </section>
      {can(AGREEMENT_LIST) ? <AgreementsSection entries={all.data?.items ?? []} onMessage={(m) => status.show(m)} /> : null}
    </>
  );
}
