import { Heading, Paragraph } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Disclosure, Marker } from "../care/file/parts.tsx";
import { EntryForm } from "./EntryForm.tsx";
import { ageGroups, genders, nationalities, type SocialMapEntry } from "./types.ts";

/** One organisation on the map: what it offers, for whom, how to reach it, and its contact persons. */
export function EntryCard({ entry, onSaved }: { entry: SocialMapEntry; onSaved: (entry: SocialMapEntry, message: string) => void }) {
  const { t } = useTranslation();
  const headingId = `entry-${entry.id}-heading`;
  // A dimension that includes everyone is left out; when all are, the entry is for everyone.
  const forWhom = [
    ...(entry.ageGroups.length < ageGroups.length ? entry.ageGroups.map((a) => t(`network.ageGroups.${a}`)) : []),
    ...(entry.nationalities.length < nationalities.length ? entry.nationalities.map((n) => t(`network.nationalities.${n}`)) : []),
    ...(entry.genders.length < genders.length ? entry.genders.map((g) => t(`network.genders.${g}`)) : []),
  ];
  const reach: [string, ReactNode][] = [];
  if (entry.phone) reach.push([t("network.list.phone"), <a href={`tel:${entry.phone.replace(/[^+0-9]/g, "")}`}>{entry.phone}</a>]);
  if (entry.email) reach.push([t("network.list.email"), <a href={`mailto:${entry.email}`}>{entry.email}</a>]);
  if (entry.website) reach.push([t("network.list.website"), <a href={entry.website} rel="noopener noreferrer" target="_blank">{entry.website.replace(/^https?:\/\//, "")}</a>]);
  if (entry.address) reach.push([t("network.list.address"), entry.address]);
  if (entry.openingHours) reach.push([t("network.list.openingHours"), entry.openingHours]);
  return (
    <article className="kz-map-entry" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>{entry.name}</Heading>
      <Paragraph className="kz-map-meta">
        {entry.organisationName ? t("network.list.inKetenzicht", { name: entry.organisationName }) : t("network.list.outside")}
        {!entry.active ? <> · <Marker>{t("network.list.inactive")}</Marker></> : null}
      </Paragraph>
      {entry.description ? <Paragraph>{entry.description}</Paragraph> : null}
      <dl className="kz-map-facts">
        <div>
          <dt>{t("network.list.offers")}</dt>
          <dd>
            <ul className="kz-map-tags">
              {entry.offers.map((o) => <li key={o}>{t(`network.offers.${o}`)}</li>)}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t("network.list.forWhom")}</dt>
          <dd>{forWhom.length ? forWhom.join(", ") : t("network.filters.all")}</dd>
        </div>
        {reach.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div>
          <dt>{t("network.list.contacts")}</dt>
          <dd>
            {entry.contacts.length === 0 ? t("network.list.noContacts") : (
              <ul className="kz-map-contacts">
                {entry.contacts.map((c) => (
                  <li key={c.id ?? c.name}>
                    <strong>{c.name}</strong>
                    {c.jobTitle ? `, ${c.jobTitle}` : ""}
                    {c.phone ? <> · <a href={`tel:${c.phone.replace(/[^+0-9]/g, "")}`}>{c.phone}</a></> : null}
                    {c.email ? <> · <a href={`mailto:${c.email}`}>{c.email}</a></> : null}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      {entry.abilities.update ? (
        <Disclosure id={`entry-${entry.id}-edit`} label={t("network.list.editLabel", { name: entry.name })}>
          {(close) => <EntryForm entry={entry} onCancel={close} onSaved={(saved, message) => { close(); onSaved(saved, message); }} />}
        </Disclosure>
      ) : null}
    </article>
  );
}
