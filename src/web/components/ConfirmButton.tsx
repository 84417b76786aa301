import { Button, ButtonGroup, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  id: string;
  label: string;
  /** A longer accessible name for the button, when its visible label alone is ambiguous (a button per row). */
  accessibleLabel?: string;
  question: string;
  yes: string;
  /** The answer that keeps things as they are; by default "Nee, terug". */
  no?: string;
  busy: boolean;
  danger?: boolean;
  /** A quiet button, for an action in a table row. */
  subtle?: boolean;
  onConfirm: () => void;
}

/**
 * A button for a step that cannot be undone (open, close, cancel a meeting; delete an imported figure): it
 * first asks, in words, what will happen. The focus goes to "Ja, …" when the question appears and back to the
 * button after "Nee".
 */
export function ConfirmButton({ id, label, accessibleLabel, question, yes, no, busy, danger, subtle, onConfirm }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!asking && returnFocus.current) {
      returnFocus.current = false;
      toggle.current?.focus();
    }
  }, [asking]);

  if (!asking) {
    return (
      <Button
        ref={toggle}
        id={`${id}-button`}
        appearance={subtle ? "subtle-button" : "secondary-action-button"}
        hint={danger ? "danger" : undefined}
        aria-label={accessibleLabel}
        onClick={() => setAsking(true)}
      >
        {label}
      </Button>
    );
  }
  return (
    <div className="kz-confirm" role="group" aria-labelledby={`${id}-question`}>
      <Paragraph id={`${id}-question`}>{question}</Paragraph>
      <ButtonGroup>
        <Button appearance="primary-action-button" hint={danger ? "danger" : undefined} busy={busy} disabled={busy} onClick={onConfirm} autoFocus>
          {yes}
        </Button>
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            returnFocus.current = true;
            setAsking(false);
          }}
        >
          {no ?? t("conferences.meeting.overview.keep")}
        </Button>
      </ButtonGroup>
    </div>
  );
}
