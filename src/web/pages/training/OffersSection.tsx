import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { AppLink } from "../../components/links.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { FileTable } from "../care/file/FileTable.tsx";
import { Disclosure } from "../care/file/parts.tsx";
import { useTrainingLabels } from "./labels.ts";
import { OfferForm } from "./OfferForm.tsx";
import type { TrainingOffer } from "./types.ts";

/** The municipality's training offers, each a link to its sessions, and a form to add one. */
export function OffersSection({ municipalityId, onChanged }: { municipalityId: string; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const [generation, setGeneration] = useState(0);
  const offers = useLoad(() => api.get<{ items: TrainingOffer[] }>("/training-offers", { municipalityId }), `offers-${municipalityId}-${generation}`);
  return (
    <section aria-labelledby="offers-heading" className="kz-section">
      <Heading level={2} id="offers-heading">{t("training.offers.heading")}</Heading>
      <Paragraph className="kz-prose">{t("training.offers.intro")}</Paragraph>
      <Disclosure id="offer-add" label={t("training.offers.add")}>
        {(close) => (
          <OfferForm
            municipalityId={municipalityId}
            onCancel={close}
            onSaved={(offer) => {
              close();
              setGeneration((n) => n + 1);
              onChanged(t("training.offers.added", { title: offer.title }));
            }}
          />
        )}
      </Disclosure>
      {offers.error ? <LoadError message={offers.error} /> : null}
      {offers.loading && !offers.data ? <Loading /> : null}
      {offers.data ? (
        <FileTable
          caption={t("training.offers.caption")}
          empty={t("training.offers.empty")}
          items={offers.data.items}
          itemKey={(offer) => offer.id}
          columns={[
            { key: "title", header: t("training.offers.title"), cell: (offer) => <AppLink to={`/deskundigheid/aanbod/${offer.id}`}>{offer.title}</AppLink> },
            { key: "kind", header: t("training.offers.kind"), cell: (offer) => labels.kind(offer.kind) },
            { key: "provider", header: t("training.offers.provider"), cell: (offer) => offer.provider ?? "—" },
            { key: "sessions", header: t("training.offers.sessions"), cell: (offer) => offer.sessionCount },
            { key: "participants", header: t("training.offers.participants"), cell: (offer) => offer.participantCount },
          ]}
        />
      ) : null}
    </section>
  );
}
