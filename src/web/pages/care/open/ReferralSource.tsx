import { Alert, Button, ButtonGroup, Heading, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, problemMessage } from "../../../api/client.ts";
import { useLoad, type Loaded } from "../../../api/useLoad.ts";
import { AppLink } from "../../../components/links.tsx";
import { formatList } from "../../../i18n/format.ts";
import type { Referral, Signal } from "../../signals/types.ts";
import type { CareOverview } from "../types.ts";

export interface ReferralSource {
  signal: Signal;
  referral: Referral;
}

/**
 * The referral a file is opened from. The link from the overview carries the signal's id; without it the
 * overview's waiting referrals say which signal it belongs to. Null data: the referral is not (or no longer)
 * waiting for a file, or the user may not see it.
 */
export function useReferralSource(referralId: string, signalIdParam: string): Loaded<ReferralSource | null> {
  return useLoad(
    async () => {
      const signalId = signalIdParam || (await api.get<CareOverview>("/care-overview")).waitingReferrals.find((r) => r.id === referralId)?.signalId;
      if (!signalId) return null;
      const signal = await api.get<Signal>(`/signals/${encodeURIComponent(signalId)}`);
      const referral = signal.referrals.find((r) => r.id === referralId);
      return referral ? { signal, referral } : null;
    },
    `${referralId}-${signalIdParam}`,
    referralId !== "",
  );
}

interface Props {
  source: ReferralSource;
  /** The referral was accepted here: reload it, and say so. */
  accepted: (message: string) => void;
  failed: (message: string) => void;
}

/** What the referral is about and what it shares; a referral not yet accepted can be accepted here. */
export function ReferralSummary({ source, accepted, failed }: Props) {
  const { t } = useTranslation();
  const { signal, referral } = source;
  const [busy, setBusy] = useState(false);

  const accept = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await api.post(`/referrals/${encodeURIComponent(referral.id)}/accept`);
      accepted(t("careOverview.open.referral.accepted"));
    } catch (error) {
      failed(problemMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="referral-heading" className="kz-section kz-care-card">
      <Heading level={2} id="referral-heading" className="kz-care-card__title">{t("careOverview.open.referral.heading")}</Heading>
      <dl className="kz-care-facts">
        <div>
          <dt>{t("careOverview.open.referral.signal")}</dt>
          <dd>
            <AppLink to={`/signalen/${encodeURIComponent(signal.id)}`}>{signal.reference}</AppLink>
          </dd>
        </div>
        <div>
          <dt>{t("careOverview.open.referral.municipality")}</dt>
          <dd>{signal.municipalityName}</dd>
        </div>
        <div>
          <dt>{t("careOverview.open.referral.status")}</dt>
          <dd>{t(`signalsRoute.referralStatuses.${referral.status}`)}</dd>
        </div>
        <div>
          <dt>{t("careOverview.open.referral.shared")}</dt>
          <dd>{referral.sharedParts.length > 0 ? formatList(referral.sharedParts.map((part) => t(`signalsRoute.parts.${part}`))) : "—"}</dd>
        </div>
        <div className="kz-care-facts__wide">
          <dt>{t("careOverview.open.referral.purpose")}</dt>
          <dd className="kz-pre-line">{referral.purpose}</dd>
        </div>
      </dl>
      {referral.status === "open" ? (
        <Alert type="warning">
          <Paragraph>{t("careOverview.open.referral.notAccepted")}</Paragraph>
          {referral.abilities.respond ? (
            <ButtonGroup>
              <Button appearance="primary-action-button" busy={busy} onClick={() => void accept()}>
                {t("careOverview.open.referral.accept")}
              </Button>
            </ButtonGroup>
          ) : null}
        </Alert>
      ) : null}
      {referral.status === "declined" || referral.status === "withdrawn" ? (
        <Alert type="error">
          <Paragraph>{t("careOverview.open.referral.declined")}</Paragraph>
        </Alert>
      ) : null}
    </section>
  );
}

/** The referral can carry a file: it was accepted (or already answered). */
export const canOpenFrom = (referral: Referral) => referral.status === "accepted" || referral.status === "answered";
