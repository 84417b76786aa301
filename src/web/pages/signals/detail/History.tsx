import { Heading, OrderedList, OrderedListItem, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatList } from "../../../i18n/format.ts";
import { useMeasureLabels } from "../../measures/labels.ts";
import type { Signal, SignalHistoryEntry } from "../types.ts";

const knownKinds = [
  "received", "transition", "brp_lookup", "note_added", "referral_created", "referral_accepted", "referral_declined",
  "referral_answered", "merged_in", "reopened", "brought_to_conference", "conference_decision", "conference_action_done",
] as const;
type Kind = (typeof knownKinds)[number];
const isKnownKind = (kind: string): kind is Kind => (knownKinds as readonly string[]).includes(kind);
const text = (value: unknown) => (typeof value === "string" ? value : "");
const conferenceKinds: readonly string[] = ["brought_to_conference", "conference_decision", "conference_action_done"];

/** The append-only history: when, who (and for which organisation), from → to, skipped steps, reason. */
export function History({ signal }: { signal: Signal }) {
  const { t } = useTranslation();
  if (!signal.history) return null;
  const entries = [...signal.history].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  return (
    <section aria-labelledby="history-heading" className="kz-section">
      <Heading level={2} id="history-heading">{t("signalsRoute.detail.historyHeading")}</Heading>
      <Paragraph>{t("signalsRoute.detail.historyIntro")}</Paragraph>
      <OrderedList className="kz-plain-list">
        {entries.map((entry) => (
          <OrderedListItem key={entry.id}>
            <Entry entry={entry} />
          </OrderedListItem>
        ))}
      </OrderedList>
    </section>
  );
}

function Entry({ entry }: { entry: SignalHistoryEntry }) {
  const { t } = useTranslation();
  const conference = useMeasureLabels();
  const status = (s: SignalHistoryEntry["toStatus"]) => (s ? t(`signalsRoute.statuses.${s}`) : "");
  const move =
    entry.fromStatus && entry.toStatus
      ? t("signalsRoute.detail.historyTransition", { from: status(entry.fromStatus), to: status(entry.toStatus) })
      : entry.toStatus
        ? status(entry.toStatus)
        : "";
  const label = isKnownKind(entry.kind)
    ? t(`signalsRoute.detail.historyKinds.${entry.kind}`, {
        organisation: text(entry.details.organisation) || text(entry.details.lastAnswerFrom),
        reference: text(entry.details.mergedFrom),
        meeting: text(entry.details.meeting),
        title: text(entry.details.meetingTitle),
        decision: conference.decisionKind(text(entry.details.decisionKind)).toLowerCase(),
        owner: text(entry.details.owner),
      })
    : entry.kind;
  const title = entry.kind === "transition" && move ? move : move && entry.fromStatus ? `${label} (${move})` : label;
  const who = entry.actorName
    ? entry.actorOrganisationName
      ? t("signalsRoute.detail.historyWho", { name: entry.actorName, organisation: entry.actorOrganisationName })
      : entry.actorName
    : entry.actorOrganisationName ?? t("signalsRoute.detail.historySystem");
  const mergedInto = text(entry.details.mergedInto);
  const shared = entry.kind === "brought_to_conference" && Array.isArray(entry.details.sharedParts) ? entry.details.sharedParts.map((p) => conference.sharedPart(String(p)).toLowerCase()) : [];
  return (
    <>
      <strong>{title}</strong>
      <br />
      <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time> — {who}
      {entry.details.automatic === true ? ` (${t("signalsRoute.detail.historyAutomatic")})` : null}
      {mergedInto ? (
        <>
          <br />
          {t("signalsRoute.detail.historyMergedInto", { reference: mergedInto })}
        </>
      ) : null}
      {entry.skipped.length > 0 ? (
        <>
          <br />
          {t("signalsRoute.detail.historySkipped", { steps: formatList(entry.skipped.map((s) => status(s))) })}
        </>
      ) : null}
      {shared.length > 0 ? (
        <>
          <br />
          {t("signalsRoute.detail.historyShared", { parts: formatList(shared) })}
        </>
      ) : null}
      {entry.reason ? (
        <>
          <br />
          {conferenceKinds.includes(entry.kind) ? t(`signalsRoute.detail.historyConferenceText.${entry.kind === "conference_decision" ? "decision" : "action"}`, { text: entry.reason }) : t("signalsRoute.detail.historyReason", { reason: entry.reason })}
        </>
      ) : null}
    </>
  );
}
