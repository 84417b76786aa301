import { useEffect, useState } from "react";
import { useLocation } from "react-router-dom";
import { api } from "../../api/client.ts";

/** The part of GET /notifications the menu needs. */
interface UnreadAnswer {
  unreadCount: number;
}

const CHANGED = "ketenzicht:notifications-changed";

/** Tells the menu that notifications were read here, so its count is fetched again without a navigation. */
export function notifyUnreadChanged() {
  window.dispatchEvent(new Event(CHANGED));
}

/**
 * The number of unread notifications of the logged-in user, for the menu. It is fetched again after every
 * navigation and whenever a page reports that notifications were read; null until known (or when disabled).
 */
export function useUnreadCount(enabled: boolean): number | null {
  const location = useLocation();
  const [count, setCount] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const onChanged = () => setGeneration((n) => n + 1);
    window.addEventListener(CHANGED, onChanged);
    return () => window.removeEventListener(CHANGED, onChanged);
  }, []);

  useEffect(() => {
    if (!enabled) {
      setCount(null);
      return;
    }
    let current = true;
    api
      .get<UnreadAnswer>("/notifications", { unread: "true", page: 1, pageSize: 1 })
      .then((answer) => {
        if (current) setCount(answer.unreadCount);
      })
      // The menu stays usable without a count; the page itself shows any error.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [enabled, location.pathname, location.search, generation]);

  return enabled ? count : null;
}
