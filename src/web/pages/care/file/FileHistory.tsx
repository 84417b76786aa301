import { OrderedList, OrderedListItem, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatList } from "../../../i18n/format.ts";
import {
  closureReasons, consentPurposes, consentStatuses, destinations, fileEventKinds, goalStatuses, isCode, leaveKinds, needDomains, needStatuses, permitDecisions,
  permitKinds, placeTypes, policeReportStatuses, serviceStatuses, serviceTypes, type FileHistoryEntry,
} from "../types.ts";
import { useMeasureLabels } from "../../measures/labels.ts";
import { formatDay, type Labels, lowerFirst, useLabels } from "./labels.ts";
import { FileSection } from "./parts.tsx";

/** The file's append-only history, newest first: what happened, when, by whom, and why. Coordinators only. */
export function FileHistory({ history }: { history: FileHistoryEntry[] }) {
  const { t } = useTranslation();
  const entries = [...history].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <FileSection id="history" heading={t("careFile.sections.history")}>
      <Paragraph>{t("careFile.history.intro")}</Paragraph>
      <OrderedList className="kz-plain-list kz-file-history">
        {entries.map((entry) => (
          <OrderedListItem key={entry.id}>
            <Entry entry={entry} />
          </OrderedListItem>
        ))}
      </OrderedList>
    </FileSection>
  );
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** A status in an entry's details: of consent, a need, a goal, a service or the police report. */
function statusLabel(v: string, labels: Labels): string {
  if (isCode(consentStatuses, v)) return labels.consentStatus(v);
  if (isCode(needStatuses, v)) return labels.needStatus(v);
  if (isCode(goalStatuses, v)) return labels.goalStatus(v);
  if (isCode(serviceStatuses, v)) return labels.serviceStatus(v);
  if (isCode(policeReportStatuses, v)) return labels.policeReport(v);
  return v;
}

/** The words for the codes an entry's details carry, so each kind's sentence can use them. */
function params(details: Record<string, unknown>, labels: Labels, fieldLabel: (f: string) => string, conference: ReturnType<typeof useMeasureLabels>) {
  const d = (key: string) => text(details[key]);
  const code = <T extends string>(list: readonly T[], key: string, label: (v: T) => string) => {
    const v = d(key);
    return isCode(list, v) ? lowerFirst(label(v)) : v;
  };
  const fields = Array.isArray(details.fields) ? details.fields.map((f) => fieldLabel(String(f))) : [];
  return {
    purpose: code(consentPurposes, "purpose", labels.purpose),
    status: lowerFirst(statusLabel(d("status"), labels)),
    party: d("party"),
    organisation: d("organisation"),
    domain: code(needDomains, "domain", labels.domain),
    serviceType: code(serviceTypes, "serviceType", labels.serviceType),
    provider: d("provider"),
    shelter: d("shelter"),
    placeType: code(placeTypes, "placeType", labels.placeType),
    leaveKind: code(leaveKinds, "leaveKind", labels.leaveKind),
    destination: code(destinations, "destination", labels.destination),
    kind: code(permitKinds, "kind", labels.permitKind),
    decision: code(permitDecisions, "decision", labels.permitDecision),
    recipient: d("recipient"),
    format: d("format").toUpperCase(),
    to: d("to"),
    date: formatDay(d("endsOn") || d("registeredOn") || d("offeredOn") || d("date")),
    fields: formatList(fields),
    meeting: d("meeting"),
    title: d("meetingTitle"),
    decisionKind: lowerFirst(conference.decisionKind(d("decisionKind"))),
    owner: d("owner"),
    parts: formatList(Array.isArray(details.sharedParts) ? details.sharedParts.map((p) => lowerFirst(conference.sharedPart(String(p)))) : []),
  };
}

function Entry({ entry }: { entry: FileHistoryEntry }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const conference = useMeasureLabels();
  const fieldLabel = (f: string) => {
    const known = ["name", "birthDate", "phone", "contact", "gender", "ageGroup", "nationality", "languages", "exploitationForms", "cameIntoView", "veiligThuisNotifiedOn", "youthCareProviderId", "guardian"] as const;
    return isCode(known, f) ? t(`careFile.history.fields.${f}`) : f;
  };
  const p = params(entry.details, labels, fieldLabel, conference);
  const move = entry.fromStatus && entry.toStatus ? t("careFile.history.move", { from: labels.status(entry.fromStatus), to: labels.status(entry.toStatus) }) : "";
  const title = isCode(fileEventKinds, entry.kind) ? t(`careFile.history.kinds.${entry.kind}`, p) : entry.kind;
  const who = entry.actorName
    ? entry.actorOrganisationName ? t("careFile.history.who", { name: entry.actorName, organisation: entry.actorOrganisationName }) : entry.actorName
    : entry.actorOrganisationName ?? t("careFile.history.system");
  const closure = text(entry.details.closureReason);
  const basis = text(entry.details.basis);
  return (
    <>
      <strong>{move && (entry.kind === "transition" || entry.kind === "reopened") ? `${title}: ${move}` : title}</strong>
      <br />
      <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time> — {who}
      {entry.details.automatic === true ? ` (${t("careFile.history.automatic")})` : null}
      {isCode(closureReasons, closure) ? (
        <>
          <br />
          {t("careFile.history.closureReason", { reason: labels.closureReason(closure) })}
        </>
      ) : null}
      {basis && basis !== "coordinator" ? (
        <>
          <br />
          {t("careFile.history.basis", { basis: labels.basis(basis) })}
        </>
      ) : null}
      {entry.reason ? (
        <>
          <br />
          {entry.kind === "conference_decision" || entry.kind === "conference_action_done"
            ? t(`careFile.history.conferenceText.${entry.kind === "conference_decision" ? "decision" : "action"}`, { text: entry.reason })
            : t("careFile.history.reason", { reason: entry.reason })}
        </>
      ) : null}
    </>
  );
}
