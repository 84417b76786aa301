import {
  Alert, Button, ButtonGroup, DataListItem, DataListKey, DataListValue, Heading, Paragraph, PrimaryActionButton,
} from "@utrecht/component-library-react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFile, type FileMessage, type SectionId } from "./context.ts";

/** One row of a data list: a key and its value. */
export function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/**
 * A section of the file (h2, in the table of contents), with its own status message: after an action the
 * focus moves to the message in the section where it was taken, so nobody loses their place on a long page.
 */
export function FileSection({ id, heading, children }: { id: SectionId; heading: string; children: ReactNode }) {
  const { message } = useFile();
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="kz-section kz-file-section">
      <Heading level={2} id={`${id}-heading`}>{heading}</Heading>
      <SectionStatus message={message?.section === id ? message : null} />
      {children}
    </section>
  );
}

function SectionStatus({ message }: { message: FileMessage | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  return (
    <div ref={ref} role="status" tabIndex={-1} className={message ? "kz-error-summary" : "kz-status"}>
      {message ? (
        <Alert type="ok" role="none" key={message.n}>
          {message.text}
        </Alert>
      ) : null}
    </div>
  );
}

/** A part of a section with its own h3. */
export function SubSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <div role="group" aria-labelledby={`${id}-heading`} className="kz-file-subsection">
      <Heading level={3} id={`${id}-heading`}>{heading}</Heading>
      {children}
    </div>
  );
}

/**
 * A form for a less frequent action behind a toggle button (a disclosure), so the page stays calm. Folding
 * it discards what was typed; `children` gets `close` to fold it after a successful action.
 */
export function Disclosure({ id, label, children }: { id: string; label: string; children: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="kz-disclosure">
      <Button
        id={`${id}-toggle`}
        appearance="secondary-action-button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((o) => !o)}
        className="kz-disclosure__toggle"
      >
        <span aria-hidden="true" className="kz-disclosure__icon">{open ? "−" : "+"}</span>
        {label}
      </Button>
      <div id={`${id}-panel`} hidden={!open} className="kz-disclosure__panel">
        {open ? children(() => setOpen(false)) : null}
      </div>
    </div>
  );
}

/** The submit button of an action form, with an optional cancel. */
export function SubmitRow({ busy, label, onCancel }: { busy: boolean; label: string; onCancel?: () => void }) {
  const { t } = useTranslation();
  return (
    <ButtonGroup>
      <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
        {label}
      </PrimaryActionButton>
      {onCancel ? (
        <Button appearance="secondary-action-button" type="button" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
      ) : null}
    </ButtonGroup>
  );
}

/** "Nog niets vastgelegd." and the like, as a paragraph. */
export function Empty({ children }: { children: ReactNode }) {
  return <Paragraph className="kz-file-empty">{children}</Paragraph>;
}

/** A marker in words and bold, never by colour alone ("Te laat", "Verlopen"). */
export function Marker({ children, tone = "warning" }: { children: ReactNode; tone?: "warning" | "info" }) {
  return <strong className={`kz-file-marker kz-file-marker--${tone}`}>{children}</strong>;
}
