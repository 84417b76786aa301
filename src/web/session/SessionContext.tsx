import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { api, onSessionLost, problemMessage, setCsrfToken } from "../api/client.ts";
import type { Ability, Session } from "../api/types.ts";
import { ANONYMOUS } from "./stages.ts";

/** Why the login page is shown: the session ran out, or the user logged out. */
export type LoginNotice = "expired" | "logged_out" | null;

interface SessionContextValue {
  /** null until the first GET /session has answered. */
  session: Session | null;
  loadError: string | null;
  notice: LoginNotice;
  setSession: (session: Session) => void;
  refresh: () => Promise<Session>;
  logout: () => Promise<void>;
  can: (ability: Ability) => boolean;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSessionState] = useState<Session | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<LoginNotice>(null);
  const current = useRef<Session | null>(null);

  const setSession = useCallback((next: Session) => {
    setCsrfToken(next.csrfToken);
    current.current = next;
    setSessionState(next);
    if (next.stage !== "anonymous") setNotice(null);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const next = await api.get<Session>("/session");
      setLoadError(null);
      setSession(next);
      return next;
    } catch (error) {
      if (current.current === null) setLoadError(problemMessage(error));
      throw error;
    }
  }, [setSession]);

  const logout = useCallback(async () => {
    try {
      await api.delete("/session");
    } finally {
      setSession(ANONYMOUS);
      setNotice("logged_out");
    }
  }, [setSession]);

  useEffect(() => {
    void refresh().catch(() => undefined);
  }, [refresh]);

  // Any 401 from the API: ask the server where the session stands; the route guards then send the user on.
  useEffect(() => {
    onSessionLost(() => {
      const before = current.current;
      api
        .get<Session>("/session")
        .catch(() => ANONYMOUS)
        .then((next) => {
          if (before && before.stage !== "anonymous" && next.stage === "anonymous") setNotice("expired");
          setSession(next);
        });
    });
    return () => onSessionLost(null);
  }, [setSession]);

  const value = useMemo<SessionContextValue>(
    () => ({
      session,
      loadError,
      notice,
      setSession,
      refresh,
      logout,
      can: (ability) => session?.abilities[ability] === true,
    }),
    [session, loadError, notice, setSession, refresh, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
