import { Button, ButtonGroup, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  id: string;
  label: string;
  question: string;
  yes: string;
  busy: boolean;
  danger?: boolean;
  onConfirm: () => void;
}

/**
 * A button for a step that cannot be undone (open, close, cancel a meeting): it first asks, in words, what
 * will happen. The focus goes to "Ja, …" when the question appears and back to the button after "Nee".
 */
export function ConfirmButton({ id, label, question, yes, busy, danger, onConfirm }: Props) {
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
      <Button ref={toggle} id={`${id}-button`} appearance="secondary-action-button" hint={danger ? "danger" : undefined} onClick={() => setAsking(true)}>
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
          {t("conferences.meeting.overview.keep")}
        </Button>
      </ButtonGroup>
    </div>
  );
}
