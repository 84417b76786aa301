import { Alert } from "@utrecht/component-library-react";
import { useCallback, useEffect, useRef, useState } from "react";

interface Message {
  text: string;
  type: "ok" | "error";
  n: number;
}

/**
 * The message after an action on a care page (accepted, declined, or what went wrong). It is a status
 * region that takes the focus when a message appears, so keyboard and screen-reader users hear the result
 * and continue from there.
 */
export function useStatusMessage() {
  const [message, setMessage] = useState<Message | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  const show = useCallback((text: string, type: Message["type"] = "ok") => setMessage((current) => ({ text, type, n: (current?.n ?? 0) + 1 })), []);
  const clear = useCallback(() => setMessage(null), []);
  const element = (
    <div ref={ref} role="status" tabIndex={-1} className={message ? "kz-error-summary" : "kz-status"}>
      {message ? (
        <Alert type={message.type} role="none" key={message.n}>
          {message.text}
        </Alert>
      ) : null}
    </div>
  );
  return { element, show, clear };
}
