import { Alert, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { ConferenceProposal } from "./detail/ConferenceProposal.tsx";
import { History } from "./detail/History.tsx";
import { PartnerActions } from "./detail/PartnerActions.tsx";
import { Referrals } from "./detail/Referrals.tsx";
import { RouteActions } from "./detail/RouteActions.tsx";
import { SignalContent } from "./detail/SignalContent.tsx";
import { SignalOverview } from "./detail/SignalOverview.tsx";
import type { Signal } from "./types.ts";

/**
 * One signal: every part the actor may see (null parts are left out), its referrals and history, and the
 * actions the server's nextSteps and abilities allow. After an action the page shows the signal the server
 * returned (or reloads it) and moves the focus to the status message.
 */
export function SignalDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const loaded = useLoad(() => api.get<Signal>(`/signals/${encodeURIComponent(id)}`), id);
  const [updated, setUpdated] = useState<Signal | null>(null);
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const { reload } = loaded;

  // A reload after an action returns the fresh signal through `loaded`; drop the older one kept here.
  const signal = updated && updated.id === id && !loaded.loading ? updated : loaded.data;

  useEffect(() => {
    if (message) statusRef.current?.focus();
  }, [message]);

  const done = (next: Signal | null, text: string) => {
    if (next) setUpdated(next);
    else {
      setUpdated(null);
      reload();
    }
    setMessage((current) => ({ text, n: (current?.n ?? 0) + 1 }));
  };

  const title = signal ? t("signalsRoute.detail.title", { reference: signal.reference }) : t("signalsRoute.detail.titleFallback");
  const partnerReferrals = signal ? signal.referrals.filter((r) => r.abilities.respond || r.abilities.give_feedback) : [];

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph>
        <AppLink to="/signalen">{t("signalsRoute.detail.backToQueue")}</AppLink>
      </Paragraph>
      <div ref={statusRef} role="status" tabIndex={-1} className={message ? "kz-error-summary" : undefined}>
        {message ? (
          <Alert type="ok" role="none" key={message.n}>
            {message.text}
          </Alert>
        ) : null}
      </div>
      {loaded.error && !signal ? <LoadError message={loaded.error} /> : null}
      {loaded.loading && !signal ? <Loading /> : null}
      {signal ? (
        <>
          <SignalOverview signal={signal} />
          {partnerReferrals.map((referral) => (
            <PartnerActions key={referral.id} signal={signal} referral={referral} done={done} />
          ))}
          <SignalContent signal={signal} />
          <Referrals signal={signal} />
          <RouteActions key={`${signal.id}-${signal.status}`} signal={signal} done={done} />
          {signal.abilities.bring_to_conference ? <ConferenceProposal key={signal.id} signal={signal} done={done} /> : null}
          <History signal={signal} />
        </>
      ) : null}
    </>
  );
}
