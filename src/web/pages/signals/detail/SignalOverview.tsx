import { Alert, DataList, DataListItem, DataListKey, DataListValue, Heading } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../../components/links.tsx";
import { formatDateTime, formatList } from "../../../i18n/format.ts";
import { exploitationForms, isOneOf, sharedParts, type Signal } from "../types.ts";
import { OverdueMarker } from "./OverdueMarker.tsx";

export function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/** Whether the actor sees every part: the focal officer does, a partner only the shared ones. */
export const seesEverything = (signal: Signal) => sharedParts.every((part) => signal.visibleParts.includes(part));

/** Reference, status, urgency, forms, deadlines and the catalogue version; for a partner what was shared. */
export function SignalOverview({ signal }: { signal: Signal }) {
  const { t } = useTranslation();
  const urgency = t(`signalsRoute.urgencies.${signal.urgency}`);
  const suggested = (signal.suggestedForms ?? []).filter((f) => isOneOf(exploitationForms, f));
  return (
    <section aria-labelledby="overview-heading" className="kz-section">
      <Heading level={2} id="overview-heading">{t("signalsRoute.detail.summaryHeading")}</Heading>
      {!seesEverything(signal) ? (
        <Alert type="info">
          {signal.visibleParts.length > 0
            ? t("signalsRoute.detail.sharedNotice", { parts: formatList(signal.visibleParts.map((p) => t(`signalsRoute.parts.${p}`))) })
            : t("signalsRoute.detail.sharedNoticeNone")}
        </Alert>
      ) : null}
      <DataList appearance="rows" className="kz-data-list">
        <Item label={t("signalsRoute.queue.reference")}>{signal.reference}</Item>
        <Item label={t("signalsRoute.detail.status")}>{t(`signalsRoute.statuses.${signal.status}`)}</Item>
        <Item label={t("signalsRoute.detail.urgency")}>
          {signal.urgencyAssessed ? urgency : t("signalsRoute.detail.urgencyNotAssessed", { urgency })}
        </Item>
        <Item label={t("signalsRoute.detail.forms")}>
          {signal.exploitationForms.length > 0
            ? formatList(signal.exploitationForms.map((f) => t(`signalsRoute.forms.${f}`)))
            : t("signalsRoute.detail.noForms")}
        </Item>
        {signal.exploitationForms.length === 0 && suggested.length > 0 ? (
          <Item label={t("signalsRoute.detail.suggestedForms")}>
            {formatList(suggested.map((f) => t(`signalsRoute.forms.${f}`)))}
          </Item>
        ) : null}
        <Item label={t("signalsRoute.detail.municipality")}>{signal.municipalityName}</Item>
        <Item label={t("signalsRoute.detail.source")}>{t(`signalsRoute.sources.${signal.source}`)}</Item>
        <Item label={t("signalsRoute.detail.received")}>{formatDateTime(signal.receivedAt)}</Item>
        {signal.dueAt ? (
          <Item label={t("signalsRoute.detail.dueAt")}>
            {formatDateTime(signal.dueAt)}
            {signal.overdue ? <> <OverdueMarker /></> : null}
          </Item>
        ) : null}
        {signal.closedAt ? <Item label={t("signalsRoute.detail.closedAt")}>{formatDateTime(signal.closedAt)}</Item> : null}
        {signal.outcome ? <Item label={t("signalsRoute.detail.outcome")}>{t(`signalsRoute.outcomes.${signal.outcome}`)}</Item> : null}
        {signal.mergedIntoId ? (
          <Item label={t("signalsRoute.detail.mergedInto")}>
            <AppLink to={`/signalen/${signal.mergedIntoId}`}>{t("signalsRoute.detail.mergedIntoLink")}</AppLink>
          </Item>
        ) : null}
        <Item label={t("signalsRoute.detail.catalogueLabel")}>{t("signalsRoute.detail.catalogue", { version: signal.catalogue.version })}</Item>
      </DataList>
    </section>
  );
}
