import { Button, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, problemMessage } from "../../../api/client.ts";
import { AppButtonLink, AppLink } from "../../../components/links.tsx";
import { formatDateTime } from "../../../i18n/format.ts";
import { OverdueMarker } from "../../signals/detail/OverdueMarker.tsx";
import type { CareOverview } from "../types.ts";

type WaitingReferral = CareOverview["waitingReferrals"][number];

interface Props {
  referrals: WaitingReferral[];
  /** After an answer from the server: the message to show (and, when it worked, the overview reloads). */
  done: (message: string, ok: boolean) => void;
}

/**
 * Referrals from the reporting route without a file yet: a new one is accepted here (or read first on the
 * signal's page); an accepted one leads to the form that opens the file from it.
 */
export function WaitingReferrals({ referrals, done }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);

  const accept = async (referral: WaitingReferral) => {
    if (busy) return;
    setBusy(referral.id);
    try {
      await api.post(`/referrals/${encodeURIComponent(referral.id)}/accept`);
      done(t("careOverview.referrals.accepted", { reference: referral.signalReference }), true);
    } catch (error) {
      done(problemMessage(error), false);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="referrals-heading" className="kz-section">
      <Heading level={2} id="referrals-heading">{t("careOverview.referrals.heading")}</Heading>
      <Paragraph>{t("careOverview.referrals.intro")}</Paragraph>
      {referrals.length === 0 ? (
        <Paragraph className="kz-care-empty">{t("careOverview.referrals.empty")}</Paragraph>
      ) : (
        <div className="kz-table-scroll kz-queue">
          <Table className="kz-table kz-table--audit kz-queue__table">
            <TableCaption>{t("careOverview.referrals.caption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("careOverview.referrals.signal")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("careOverview.referrals.municipality")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("careOverview.referrals.status")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("careOverview.referrals.dueAt")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("careOverview.referrals.action")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {referrals.map((referral) => (
                <TableRow key={referral.id}>
                  <TableHeaderCell scope="row" className="kz-nowrap">
                    <AppLink to={`/signalen/${encodeURIComponent(referral.signalId)}`}>{referral.signalReference}</AppLink>
                  </TableHeaderCell>
                  <TableCell data-label={t("careOverview.referrals.municipality")}>{referral.municipalityName}</TableCell>
                  <TableCell data-label={t("careOverview.referrals.status")}>
                    {referral.status === "open" ? <strong>{t("careOverview.referrals.statuses.open")}</strong> : t(`careOverview.referrals.statuses.${referral.status}`)}
                  </TableCell>
                  <TableCell data-label={t("careOverview.referrals.dueAt")}>
                    <span>
                      <span className="kz-nowrap">{formatDateTime(referral.dueAt)}</span>
                      {referral.overdue ? (
                        <>
                          {" "}
                          <OverdueMarker />
                        </>
                      ) : null}
                    </span>
                  </TableCell>
                  <TableCell data-label={t("careOverview.referrals.action")}>
                    {referral.status === "open" ? (
                      <Button appearance="primary-action-button" busy={busy === referral.id} onClick={() => void accept(referral)}>
                        {t("careOverview.referrals.accept")}
                        <span className="kz-visually-hidden"> ({t("careOverview.referrals.acceptHidden", { reference: referral.signalReference })})</span>
                      </Button>
                    ) : (
                      <AppButtonLink
                        appearance="secondary-action-button"
                        to={`/zorg/dossiers/nieuw?${new URLSearchParams({ doorverwijzing: referral.id, signaal: referral.signalId }).toString()}`}
                      >
                        {t("careOverview.referrals.openFile")}
                        <span className="kz-visually-hidden"> ({t("careOverview.referrals.openFileHidden", { reference: referral.signalReference })})</span>
                      </AppButtonLink>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
