import { DataList } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../../components/links.tsx";
import { formatList } from "../../../i18n/format.ts";
import type { AgendaItem } from "../types.ts";
import { useConferenceLabels } from "./labels.ts";
import { Item } from "./parts.tsx";
import { formatMoment } from "./time.ts";

/** The heading facts of an agenda item, which everyone who sees the meeting sees. */
export function ItemFacts({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const labels = useConferenceLabels();
  const f = (key: "municipality" | "proposer" | "proposedAt" | "shared" | "basis") => t(`conferences.meeting.agenda.facts.${key}`);
  const subject = labels.subject(item.subjectType);
  const href = item.subjectId
    ? item.subjectType === "signal" ? `/signalen/${encodeURIComponent(item.subjectId)}` : `/zorg/dossiers/${encodeURIComponent(item.subjectId)}`
    : null;
  return (
    <DataList appearance="rows" className="kz-data-list kz-item-facts">
      {item.municipalityName ? <Item label={f("municipality")}>{item.municipalityName}</Item> : null}
      <Item label={f("proposer")}>
        {item.proposerName
          ? t("conferences.meeting.agenda.facts.proposerWho", { name: item.proposerName, organisation: item.proposerOrganisationName })
          : item.proposerOrganisationName}
      </Item>
      <Item label={f("proposedAt")}>{formatMoment(item.proposedAt)}</Item>
      <Item label={f("shared")}>{formatList(item.sharedParts.map((p) => labels.part(p)))}</Item>
      <Item label={f("basis")}>{labels.basis(item.sharingBasis)}</Item>
      {href ? (
        <Item label={subject}>
          <AppLink to={href}>{t("conferences.meeting.agenda.openSubject", { subject: subject.toLowerCase(), reference: item.subjectReference })}</AppLink>
        </Item>
      ) : null}
    </DataList>
  );
}
