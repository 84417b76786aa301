import type { Session, Stage } from "../api/types.ts";

/** Where each stage of logging in continues. */
export const stagePaths: Record<Stage, string> = {
  anonymous: "/inloggen",
  second_factor: "/inloggen/tweede-factor",
  enrolment: "/inloggen/tweede-factor-instellen",
  authenticated: "/",
};

export const ANONYMOUS: Session = {
  authenticated: false,
  stage: "anonymous",
  csrfToken: null,
  user: null,
  abilities: {},
};

/** After a login step: the next step, or the page the user wanted when they were sent to log in. */
export function nextPath(session: Session, wanted: string | undefined): string {
  if (session.stage !== "authenticated") return stagePaths[session.stage];
  return wanted && wanted.startsWith("/") && !wanted.startsWith("/inloggen") ? wanted : "/";
}

/** The page a guard sent the user away from, carried in the router's location state. */
export interface LoginState {
  from?: string;
}

export function wantedPath(state: unknown): string | undefined {
  if (state && typeof state === "object" && "from" in state && typeof state.from === "string") return state.from;
  return undefined;
}
