import { Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../i18n/format.ts";
import type { Consent } from "../types.ts";
import { ConsentForm } from "./ConsentForm.tsx";
import { useFile } from "./context.ts";
import { FileTable } from "./FileTable.tsx";
import { formatDay, useLabels } from "./labels.ts";
import { Disclosure, FileSection, Marker } from "./parts.tsx";

/**
 * Consent per purpose and receiving party: what counts now (the latest record for each), every record
 * before it, and the coordinator's form to record consent given, refused or withdrawn.
 */
export function ConsentSection({ consents }: { consents: { current: Consent[]; history: Consent[] } }) {
  const { t } = useTranslation();
  const { file } = useFile();
  return (
    <FileSection id="consent" heading={t("careFile.sections.consent")}>
      <Paragraph>{t("careFile.consent.intro")}</Paragraph>
      <ConsentTable consents={consents.current} caption={t("careFile.consent.currentCaption")} empty={t("careFile.consent.none")} />
      {consents.history.length > consents.current.length ? (
        <Disclosure id="consent-history" label={t("careFile.consent.showHistory", { count: consents.history.length })}>
          {() => <ConsentTable consents={consents.history} caption={t("careFile.consent.historyCaption")} withRecordedAt />}
        </Disclosure>
      ) : null}
      {file.abilities.record_consent ? (
        <Disclosure id="consent-record" label={t("careFile.consent.record")}>
          {(close) => <ConsentForm onCancel={close} />}
        </Disclosure>
      ) : null}
    </FileSection>
  );
}

function ConsentTable({ consents, caption, empty, withRecordedAt = false }: { consents: Consent[]; caption: string; empty?: string; withRecordedAt?: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <FileTable
      caption={caption}
      empty={empty}
      items={consents}
      itemKey={(c) => c.id}
      columns={[
        { key: "purpose", header: t("careFile.consent.purpose"), cell: (c) => labels.purpose(c.purpose) },
        { key: "party", header: t("careFile.consent.party"), cell: (c) => c.partyName },
        {
          key: "status",
          header: t("careFile.consent.status"),
          cell: (c) => (
            <span>
              {c.status === "given" && !c.expired ? <strong>{labels.consentStatus(c.status)}</strong> : labels.consentStatus(c.status)}
              {c.expired ? <> <Marker>{t("careFile.consent.expired")}</Marker></> : null}
            </span>
          ),
        },
        { key: "decidedOn", header: t("careFile.consent.decidedOn"), cell: (c) => formatDay(c.decidedOn) },
        { key: "validUntil", header: t("careFile.consent.validUntil"), cell: (c) => (c.validUntil ? formatDay(c.validUntil) : t("careFile.consent.noEnd")) },
        {
          key: "recorded",
          header: t("careFile.consent.recorded"),
          cell: (c) => (
            <span>
              {labels.recording(c.recordedHow)}
              {c.interpreterUsed ? `, ${t("careFile.consent.withInterpreter")}` : null}
              {c.recordedByName ? ` — ${c.recordedByName}` : null}
              {withRecordedAt ? ` (${formatDateTime(c.recordedAt)})` : null}
              {c.note ? (
                <>
                  <br />
                  {t("careFile.consent.noteShown", { note: c.note })}
                </>
              ) : null}
            </span>
          ),
        },
      ]}
    />
  );
}
