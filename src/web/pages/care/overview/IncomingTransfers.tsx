import { Button, ButtonGroup, Heading, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api, problemMessage } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { fieldId, TextareaField } from "../../../components/fields.tsx";
import { isBlank, useFormErrors } from "../../../components/useFormErrors.ts";
import { formatDateTime } from "../../../i18n/format.ts";
import { AgeGroupText } from "../AgeGroupText.tsx";
import { formsText } from "../format.ts";
import { onFields } from "../problems.ts";
import type { CareOverview, VictimFile } from "../types.ts";

type IncomingTransfer = CareOverview["incomingTransfers"][number];

interface Props {
  transfers: IncomingTransfer[];
  done: (message: string, ok: boolean) => void;
}

/**
 * Files another region's coordinator wants to hand over. The receiver sees only what the handover says
 * (reference, age group, forms, the reason); accepting opens the new file, declining needs a reason.
 */
export function IncomingTransfers({ transfers, done }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="transfers-heading" className="kz-section">
      <Heading level={2} id="transfers-heading">{t("careOverview.transfers.heading")}</Heading>
      <Paragraph>{t("careOverview.transfers.intro")}</Paragraph>
      {transfers.length === 0 ? (
        <Paragraph className="kz-care-empty">{t("careOverview.transfers.empty")}</Paragraph>
      ) : (
        <ul className="kz-plain-list kz-care-cards">
          {transfers.map((transfer) => (
            <TransferItem
              key={transfer.id}
              transfer={transfer}
              reason={transfer.reason}
              done={done}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function TransferItem({ transfer, reason, done }: { transfer: IncomingTransfer; reason: string | null; done: Props["done"] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [declining, setDeclining] = useState(false);
  const [declineReason, setDeclineReason] = useState("");
  const [busy, setBusy] = useState(false);
  const field = `declineReason-${transfer.id}`;
  const errors = useFormErrors([field], { [field]: t("careOverview.transfers.declineReason") });
  const headingId = `transfer-${transfer.id}-heading`;
  const path = `/victim-file-transfers/${encodeURIComponent(transfer.id)}`;
  const declineButton = useRef<HTMLButtonElement>(null);
  // Opening the form puts the focus in its field; cancelling returns it to the button that opened it.
  const opened = useRef(false);
  useEffect(() => {
    if (declining) document.getElementById(fieldId(field))?.focus();
    else if (opened.current) declineButton.current?.focus();
    opened.current = declining;
  }, [declining, field]);

  const accept = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const file = await api.post<VictimFile>(`${path}/accept`);
      navigate(`/zorg/dossiers/${encodeURIComponent(file.id)}`);
    } catch (error) {
      setBusy(false);
      done(problemMessage(error), false);
    }
  };

  const decline = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (isBlank(declineReason)) {
      errors.fail({ [field]: t("careOverview.transfers.declineReasonRequired") });
      return;
    }
    errors.clear();
    setBusy(true);
    try {
      await api.post(`${path}/decline`, { reason: declineReason.trim() });
      done(t("careOverview.transfers.declined", { reference: transfer.fileReference }), true);
    } catch (error) {
      errors.failWithProblem(onFields(error, (name) => (name === "reason" ? field : name), [field]));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="kz-care-card">
      <Heading level={3} id={headingId} className="kz-care-card__title">
        {t("careOverview.transfers.itemHeading", { reference: transfer.fileReference })}
      </Heading>
      <dl className="kz-care-facts">
        <div>
          <dt>{t("careOverview.transfers.from")}</dt>
          <dd>{t("careOverview.transfers.fromValue", { organisation: transfer.fromOrganisationName, region: transfer.fromRegionName })}</dd>
        </div>
        <div>
          <dt>{t("careOverview.transfers.proposedAt")}</dt>
          <dd>{formatDateTime(transfer.proposedAt)}</dd>
        </div>
        <div>
          <dt>{t("careOverview.transfers.ageGroup")}</dt>
          <dd>
            <AgeGroupText ageGroup={transfer.ageGroup} minor={transfer.ageGroup === "under_18"} />
          </dd>
        </div>
        <div>
          <dt>{t("careOverview.transfers.forms")}</dt>
          <dd>{formsText(t, transfer.exploitationForms)}</dd>
        </div>
        {reason ? (
          <div className="kz-care-facts__wide">
            <dt>{t("careOverview.transfers.reason")}</dt>
            <dd className="kz-pre-line">{reason}</dd>
          </div>
        ) : null}
      </dl>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      {!declining ? (
        <ButtonGroup>
          <PrimaryActionButton type="button" busy={busy} onClick={() => void accept()}>
            {t("careOverview.transfers.accept")}
          </PrimaryActionButton>
          <Button ref={declineButton} appearance="secondary-action-button" type="button" onClick={() => setDeclining(true)}>
            {t("careOverview.transfers.decline")}
          </Button>
        </ButtonGroup>
      ) : (
        <form noValidate onSubmit={(event) => void decline(event)} className="kz-form kz-care-card__form">
          <TextareaField
            name={field}
            label={t("careOverview.transfers.declineReason")}
            description={t("careOverview.transfers.declineReasonDescription")}
            value={declineReason}
            onChange={setDeclineReason}
            error={errors.fields[field]}
            maxLength={2000}
          />
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={busy}>
              {t("careOverview.transfers.decline")}
            </PrimaryActionButton>
            <Button
              appearance="secondary-action-button"
              type="button"
              onClick={() => {
                errors.clear();
                setDeclining(false);
              }}
            >
              {t("common.cancel")}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </li>
  );
}
