import { useEffect, useState } from "react";
import type { Loaded } from "../../api/useLoad.ts";

/**
 * Reloads a page's data after a change and shows the message only once the new data is on screen, so the
 * status that screen readers announce never describes a table that has not caught up yet.
 */
export function useMessageAfterReload<T>(loaded: Loaded<T>, show: (message: string) => void) {
  const [pending, setPending] = useState<{ message: string; before: T | null } | null>(null);
  const { data } = loaded;
  useEffect(() => {
    if (pending && data !== pending.before) {
      show(pending.message);
      setPending(null);
    }
  }, [pending, data, show]);
  return (message: string) => {
    setPending({ message, before: data });
    loaded.reload();
  };
}
