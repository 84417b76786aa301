import { useCallback, useEffect, useRef, useState } from "react";
import { problemMessage } from "./client.ts";

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

interface State<T> {
  key: string;
  data: T | null;
  error: string | null;
  loading: boolean;
}

/**
 * Loads data for a page and reloads it when `key` changes (for example the query string). Results are
 * kept with the key they answer, so other filters never show the previous results, not even for one
 * render; answers to an outdated request are dropped. `reload()` keeps the data on screen until the new
 * answer is in.
 */
export function useLoad<T>(load: () => Promise<T>, key: string, enabled = true): Loaded<T> {
  const [state, setState] = useState<State<T>>({ key, data: null, error: null, loading: enabled });
  const [generation, setGeneration] = useState(0);
  // `load` is a fresh closure every render; `key` says when its inputs changed, the ref holds the latest.
  const latestLoad = useRef(load);
  useEffect(() => {
    latestLoad.current = load;
  });

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setState((previous) => (previous.key === key ? { ...previous, loading: true } : { key, data: null, error: null, loading: true }));
    latestLoad
      .current()
      .then((data) => {
        if (current) setState({ key, data, error: null, loading: false });
      })
      .catch((reason: unknown) => {
        if (current) setState({ key, data: null, error: problemMessage(reason), loading: false });
      });
    return () => {
      current = false;
    };
  }, [key, generation, enabled]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const fresh = state.key === key;
  return {
    data: fresh ? state.data : null,
    error: fresh ? state.error : null,
    loading: fresh ? state.loading : enabled,
    reload,
  };
}
