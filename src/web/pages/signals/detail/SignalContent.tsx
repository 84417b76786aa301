import { Alert, DataList, Heading, Paragraph, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../../../i18n/format.ts";
import { currentLanguage } from "../../../i18n/i18n.ts";
import { indicatorGroups, isOneOf, type IndicatorRef, type Signal, type SignalEnrichment, type SignalLocation, type SignalPerson } from "../types.ts";
import { Item } from "./SignalOverview.tsx";

/** A date of the form 2025-03-05 as "5 maart 2025"; anything else as it is. */
function day(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(`${value}T12:00:00`) : formatDateTime(value);
}

/** Free text as typed: every line its own paragraph (no inline styles under the CSP). */
export function MultilineText({ text }: { text: string }) {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  return (
    <div className="kz-prose">
      {lines.map((line, index) => (
        <Paragraph key={index}>{line}</Paragraph>
      ))}
    </div>
  );
}

/** Hit/no-hit on other signals, in words (never colour alone); a hit stands out as a warning. */
function HitNote({ hit, text }: { hit: boolean; text: string }) {
  return (
    <Alert type={hit ? "warning" : "info"} role="none">
      {hit ? <strong>{text}</strong> : text}
    </Alert>
  );
}

/** The content parts of a signal; a part that is null (not shared with the actor) is left out. */
export function SignalContent({ signal }: { signal: Signal }) {
  return (
    <>
      {signal.indicators ? <Indicators indicators={signal.indicators} /> : null}
      {signal.description !== null ? <Description signal={signal} /> : null}
      {signal.location ? <Location location={signal.location} otherSignals={signal.locationOtherSignals} /> : null}
      {signal.victims ? <Persons kind="victims" persons={signal.victims} /> : null}
      {signal.perpetrators ? <Persons kind="perpetrators" persons={signal.perpetrators} /> : null}
      <Reporter signal={signal} />
      {signal.enrichments ? <Enrichments enrichments={signal.enrichments} /> : null}
    </>
  );
}

function Indicators({ indicators }: { indicators: IndicatorRef[] }) {
  const { t } = useTranslation();
  const english = currentLanguage() === "en";
  const groups = [...new Set([...indicatorGroups, ...indicators.map((i) => i.group)])]
    .map((group) => ({ group, items: indicators.filter((i) => i.group === group) }))
    .filter((g) => g.items.length > 0);
  return (
    <section aria-labelledby="indicators-heading" className="kz-section">
      <Heading level={2} id="indicators-heading">{t("signalsRoute.detail.indicatorsHeading")}</Heading>
      {groups.length === 0 ? <Paragraph>{t("signalsRoute.detail.noIndicators")}</Paragraph> : null}
      {groups.map(({ group, items }) => (
        <div key={group}>
          <Heading level={3}>
            {isOneOf(indicatorGroups, group) ? t(`signalsRoute.indicatorGroups.${group}`) : t("signalsRoute.indicatorGroups.other")}
          </Heading>
          <UnorderedList>
            {items.map((indicator) => (
              <UnorderedListItem key={indicator.code}>
                {english ? indicator.textEn : indicator.textNl} <span className="kz-id">({indicator.code})</span>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </div>
      ))}
    </section>
  );
}

function Description({ signal }: { signal: Signal }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="description-heading" className="kz-section">
      <Heading level={2} id="description-heading">{t("signalsRoute.detail.descriptionHeading")}</Heading>
      <MultilineText text={signal.description ?? ""} />
      {signal.observedOn || signal.observedPeriod ? (
        <DataList appearance="rows" className="kz-data-list">
          {signal.observedOn ? <Item label={t("signalsRoute.detail.observedOn")}>{day(signal.observedOn)}</Item> : null}
          {signal.observedPeriod ? <Item label={t("signalsRoute.detail.observedPeriod")}>{signal.observedPeriod}</Item> : null}
        </DataList>
      ) : null}
    </section>
  );
}

function addressLine(location: Extract<SignalLocation, { kind: "address" }>, houseNumber: string): string {
  const number = `${location.houseNumber}${location.houseLetter ?? ""}${location.addition ? `-${location.addition}` : ""}`;
  const postcode = `${location.postcode.slice(0, 4)} ${location.postcode.slice(4)}`;
  const place = [postcode, location.city].filter(Boolean).join(" ");
  // "Hoofdstraat 12, 6901 AB Zevenaar", or without a street "6901 AB, huisnummer 12".
  return location.street ? `${location.street} ${number}, ${place}` : `${place}, ${houseNumber} ${number}`;
}

function Location({ location, otherSignals }: { location: SignalLocation; otherSignals: boolean | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="location-heading" className="kz-section">
      <Heading level={2} id="location-heading">{t("signalsRoute.detail.locationHeading")}</Heading>
      <DataList appearance="rows" className="kz-data-list">
        <Item label={t("signalsRoute.detail.locationKind")}>{t(`signalsRoute.detail.locationKinds.${location.kind}`)}</Item>
        {location.kind === "address" ? <Item label={t("signalsRoute.detail.address")}>{addressLine(location, t("signalsRoute.detail.houseNumber"))}</Item> : null}
        {location.kind === "business" ? (
          <>
            {location.name ? <Item label={t("signalsRoute.detail.businessName")}>{location.name}</Item> : null}
            <Item label={t("signalsRoute.detail.kvkNumber")}>{location.kvkNumber}</Item>
            {location.postcode ? (
              <Item label={t("signalsRoute.detail.address")}>
                {`${location.postcode.slice(0, 4)} ${location.postcode.slice(4)}${location.houseNumber ? `, ${t("signalsRoute.detail.houseNumber")} ${location.houseNumber}` : ""}`}
              </Item>
            ) : null}
          </>
        ) : null}
        {location.kind === "other" ? <Item label={t("signalsRoute.detail.locationDescription")}>{location.description}</Item> : null}
      </DataList>
      {otherSignals !== null ? (
        <HitNote hit={otherSignals} text={otherSignals ? t("signalsRoute.detail.locationHit") : t("signalsRoute.detail.locationNoHit")} />
      ) : null}
    </section>
  );
}

function Persons({ kind, persons }: { kind: "victims" | "perpetrators"; persons: SignalPerson[] }) {
  const { t } = useTranslation();
  const headingId = `${kind}-heading`;
  return (
    <section aria-labelledby={headingId} className="kz-section">
      <Heading level={2} id={headingId}>{t(`signalsRoute.detail.${kind}Heading`)}</Heading>
      {persons.length === 0 ? <Paragraph>{t("signalsRoute.detail.noPersons")}</Paragraph> : null}
      {persons.map((person, index) => (
        <div key={person.id}>
          <Heading level={3}>{person.name ?? t("signalsRoute.detail.personFallback", { number: index + 1 })}</Heading>
          <DataList appearance="rows" className="kz-data-list">
            {person.birthDate ? <Item label={t("signalsRoute.detail.birthDate")}>{day(person.birthDate)}</Item> : null}
            {person.gender ? <Item label={t("signalsRoute.detail.gender")}>{t(`signalsRoute.genders.${person.gender}`)}</Item> : null}
            {person.nationality ? <Item label={t("signalsRoute.detail.nationality")}>{person.nationality}</Item> : null}
            {person.phone ? <Item label={t("signalsRoute.detail.phone")}>{person.phone}</Item> : null}
            {person.description ? <Item label={t("signalsRoute.detail.personDescription")}>{person.description}</Item> : null}
          </DataList>
          <HitNote hit={person.otherSignals} text={person.otherSignals ? t("signalsRoute.detail.personHit") : t("signalsRoute.detail.personNoHit")} />
        </div>
      ))}
    </section>
  );
}

function Reporter({ signal }: { signal: Signal }) {
  const { t } = useTranslation();
  const reporter = signal.reporter;
  const showCitizen = signal.source === "citizen" && signal.visibleParts.includes("reporter");
  if (!reporter && !showCitizen && signal.feedbackToReporter === null) return null;
  return (
    <section aria-labelledby="reporter-heading" className="kz-section">
      <Heading level={2} id="reporter-heading">{t("signalsRoute.detail.reporterHeading")}</Heading>
      {reporter ? (
        <DataList appearance="rows" className="kz-data-list">
          {reporter.name ? (
            <Item label={t("signalsRoute.detail.reporterName")}>
              {reporter.name}
              {reporter.anonymous ? ` (${t("signalsRoute.detail.anonymous").toLowerCase()})` : ""}
            </Item>
          ) : (
            <Item label={t("signalsRoute.detail.reporterName")}>{t("signalsRoute.detail.anonymous").toLowerCase()}</Item>
          )}
          {reporter.organisationName ? <Item label={t("signalsRoute.detail.reporterOrganisation")}>{reporter.organisationName}</Item> : null}
          {reporter.team ? <Item label={t("signalsRoute.detail.reporterTeam")}>{reporter.team}</Item> : null}
        </DataList>
      ) : null}
      {!reporter && showCitizen ? <Paragraph>{t("signalsRoute.detail.citizen")}</Paragraph> : null}
      {reporter?.anonymous ? <Paragraph>{t("signalsRoute.detail.anonymousNote")}</Paragraph> : null}
      {signal.feedbackToReporter ? (
        <>
          <Heading level={3}>{t("signalsRoute.detail.feedbackToReporter")}</Heading>
          <MultilineText text={signal.feedbackToReporter} />
        </>
      ) : null}
    </section>
  );
}

function Enrichments({ enrichments }: { enrichments: SignalEnrichment[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="enrichments-heading" className="kz-section">
      <Heading level={2} id="enrichments-heading">{t("signalsRoute.detail.enrichmentsHeading")}</Heading>
      {enrichments.length === 0 ? <Paragraph>{t("signalsRoute.detail.noEnrichments")}</Paragraph> : null}
      {enrichments.map((enrichment) => (
        <div key={enrichment.id}>
          <Heading level={3}>
            {enrichment.source === "brp" ? t("signalsRoute.detail.brp") : t("signalsRoute.detail.manual")}
            {" — "}
            {enrichment.performedByName
              ? t("signalsRoute.detail.performedBy", { date: formatDateTime(enrichment.performedAt), name: enrichment.performedByName })
              : t("signalsRoute.detail.performedAt", { date: formatDateTime(enrichment.performedAt) })}
          </Heading>
          <DataList appearance="rows" className="kz-data-list">
            <Item label={t("signalsRoute.detail.purpose")}>{enrichment.purpose}</Item>
            {enrichment.note ? <Item label={t("signalsRoute.actions.note")}>{enrichment.note}</Item> : null}
          </DataList>
          {enrichment.source === "brp" ? (
            <>
              <Paragraph>
                <strong>
                  {enrichment.registeredCount === null
                    ? t("signalsRoute.detail.registeredUnknown")
                    : t("signalsRoute.detail.registeredCount", { count: enrichment.registeredCount })}
                </strong>
              </Paragraph>
              {enrichment.residents.length > 0 ? (
                <UnorderedList aria-label={t("signalsRoute.detail.residentsCaption")}>
                  {enrichment.residents.map((resident, index) => (
                    <UnorderedListItem key={index}>
                      {t("signalsRoute.detail.resident", { number: index + 1 })}:{" "}
                      {resident.registeredSince
                        ? t("signalsRoute.detail.registeredSince", { date: day(resident.registeredSince) })
                        : t("signalsRoute.detail.registeredSinceUnknown")}
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              ) : null}
            </>
          ) : null}
        </div>
      ))}
    </section>
  );
}
