import { DataList, Heading, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatList } from "../../../i18n/format.ts";
import type { Signal } from "../types.ts";
import { MultilineText } from "./SignalContent.tsx";
import { OverdueMarker } from "./OverdueMarker.tsx";
import { Item } from "./SignalOverview.tsx";

/** The referrals of the signal (a partner sees its own), each with its status and the partner's feedback. */
export function Referrals({ signal }: { signal: Signal }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="referrals-heading" className="kz-section">
      <Heading level={2} id="referrals-heading">{t("signalsRoute.detail.referralsHeading")}</Heading>
      {signal.referrals.length === 0 ? <Paragraph>{t("signalsRoute.detail.noReferrals")}</Paragraph> : null}
      {signal.referrals.map((referral) => (
        <div key={referral.id}>
          <Heading level={3}>{t("signalsRoute.detail.referralTo", { organisation: referral.organisationName })}</Heading>
          <DataList appearance="rows" className="kz-data-list">
            <Item label={t("signalsRoute.detail.referralStatus")}>
              {t(`signalsRoute.referralStatuses.${referral.status}`)}
              {referral.overdue ? <> <OverdueMarker /></> : null}
            </Item>
            <Item label={t("signalsRoute.detail.channel")}>{t(`signalsRoute.channels.${referral.channel}`)}</Item>
            <Item label={t("signalsRoute.detail.referralPurpose")}>{referral.purpose}</Item>
            <Item label={t("signalsRoute.detail.sharedParts")}>
              {formatList(referral.sharedParts.map((p) => t(`signalsRoute.parts.${p}`)))}
            </Item>
            <Item label={t("signalsRoute.detail.referredAt")}>{formatDateTime(referral.createdAt)}</Item>
            {referral.status === "open" || referral.status === "accepted" ? (
              <Item label={t("signalsRoute.detail.referralDue")}>{formatDateTime(referral.dueAt)}</Item>
            ) : null}
            {referral.declineReason ? <Item label={t("signalsRoute.detail.declineReason")}>{referral.declineReason}</Item> : null}
            {referral.feedbackOutcome ? (
              <Item label={t("signalsRoute.detail.feedbackOutcome")}>{t(`signalsRoute.feedbackOutcomes.${referral.feedbackOutcome}`)}</Item>
            ) : null}
            {referral.feedback ? (
              <Item label={t("signalsRoute.detail.feedback")}>
                <MultilineText text={referral.feedback} />
              </Item>
            ) : null}
            {referral.feedbackAt ? <Item label={t("signalsRoute.detail.feedbackAt")}>{formatDateTime(referral.feedbackAt)}</Item> : null}
          </DataList>
        </div>
      ))}
    </section>
  );
}
