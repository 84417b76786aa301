import { Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../i18n/format.ts";
import type { Consent } from "../types.ts";
import { ConsentForm } from "./ConsentForm.tsx";
import { useFile } from "./context.ts";
import { formatDay, useLabels } from "./labels.ts";
import { Disclosure, Empty, FileSection, Marker } from "./parts.tsx";

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
      {consents.current.length === 0 ? (
        <Empty>{t("careFile.consent.none")}</Empty>
      ) : (
        <ConsentTable consents={consents.current} caption={t("careFile.consent.currentCaption")} />
      )}
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

function ConsentTable({ consents, caption, withRecordedAt = false }: { consents: Consent[]; caption: string; withRecordedAt?: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const col = {
    purpose: t("careFile.consent.purpose"),
    party: t("careFile.consent.party"),
    status: t("careFile.consent.status"),
    decidedOn: t("careFile.consent.decidedOn"),
    validUntil: t("careFile.consent.validUntil"),
    recorded: t("careFile.consent.recorded"),
  };
  return (
    <div className="kz-table-scroll kz-file-table-wrap">
      <Table className="kz-table kz-file-table">
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{col.purpose}</TableHeaderCell>
            <TableHeaderCell scope="col">{col.party}</TableHeaderCell>
            <TableHeaderCell scope="col">{col.status}</TableHeaderCell>
            <TableHeaderCell scope="col">{col.decidedOn}</TableHeaderCell>
            <TableHeaderCell scope="col">{col.validUntil}</TableHeaderCell>
            <TableHeaderCell scope="col">{col.recorded}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {consents.map((c) => (
            <TableRow key={c.id}>
              <TableHeaderCell scope="row">{labels.purpose(c.purpose)}</TableHeaderCell>
              <TableCell data-label={col.party}>{c.partyName}</TableCell>
              <TableCell data-label={col.status}>
                <span>
                  {c.status === "given" && !c.expired ? <strong>{labels.consentStatus(c.status)}</strong> : labels.consentStatus(c.status)}
                  {c.expired ? <> <Marker>{t("careFile.consent.expired")}</Marker></> : null}
                </span>
              </TableCell>
              <TableCell data-label={col.decidedOn}>{formatDay(c.decidedOn)}</TableCell>
              <TableCell data-label={col.validUntil}>{c.validUntil ? formatDay(c.validUntil) : t("careFile.consent.noEnd")}</TableCell>
              <TableCell data-label={col.recorded}>
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
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
