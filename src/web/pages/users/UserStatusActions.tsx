import { Button, ButtonGroup, Heading, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, problemMessage } from "../../api/client.ts";
import type { User } from "../../api/types.ts";
import { Confirmation, LoadError } from "../../components/Status.tsx";

/** Deactivate (after an explicit confirmation) or reactivate an account. */
export function UserStatusActions({ user, onChanged }: { user: User; onChanged: (user: User) => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const actionButton = useRef<HTMLButtonElement>(null);
  const moveFocus = useRef(false);

  // The button that was pressed disappears; the focus goes to the one that takes its place.
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    actionButton.current?.focus();
  }, [user.active, confirming]);

  const setActive = async (active: boolean) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const next = await api.patch<User>(`/users/${encodeURIComponent(user.id)}`, { active });
      moveFocus.current = true;
      setConfirming(false);
      setMessage(active ? t("admin.userDetail.reactivated") : t("admin.userDetail.deactivated"));
      onChanged(next);
    } catch (reason) {
      setError(problemMessage(reason));
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    moveFocus.current = true;
    setConfirming(false);
  };

  return (
    <section aria-labelledby="status-heading" className="kz-section">
      <Heading level={2} id="status-heading">{t("admin.userDetail.statusHeading")}</Heading>
      {error ? <LoadError message={error} /> : null}
      {user.active && !confirming ? (
        <Button
          ref={actionButton}
          appearance="secondary-action-button"
          hint="danger"
          onClick={() => {
            setMessage(null);
            setConfirming(true);
          }}
        >
          {t("admin.userDetail.deactivate")}
        </Button>
      ) : null}
      {user.active && confirming ? (
        <div className="kz-confirm" role="group" aria-labelledby="confirm-text">
          <Paragraph id="confirm-text">{t("admin.userDetail.deactivateConfirm", { name: user.displayName })}</Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action-button" hint="danger" busy={busy} onClick={() => void setActive(false)} autoFocus>
              {t("admin.userDetail.deactivateYes")}
            </Button>
            <Button appearance="secondary-action-button" onClick={cancel}>
              {t("common.cancel")}
            </Button>
          </ButtonGroup>
        </div>
      ) : null}
      {!user.active ? (
        <Button ref={actionButton} appearance="secondary-action-button" busy={busy} onClick={() => void setActive(true)}>
          {t("admin.userDetail.reactivate")}
        </Button>
      ) : null}
      <Confirmation message={message} />
    </section>
  );
}
