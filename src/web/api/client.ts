import { i18n } from "../i18n/i18n.ts";

/**
 * The one way the web front end talks to the API: same-origin cookies, the session's CSRF token on every
 * state-changing request, and every error turned into an ApiProblem (RFC 9457 problem details).
 */
export const API_BASE = "/api/v1";

export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly invalidParams: InvalidParam[] = [],
  ) {
    super(detail);
    this.name = "ApiProblem";
  }
}

/** Codes that mean the session is gone or not (yet) complete: the session module sends the user to log in. */
const SESSION_LOST_CODES = new Set(["unauthenticated", "second_factor_required", "enrolment_required"]);

let csrfToken: string | null = null;
let sessionLostHandler: ((problem: ApiProblem) => void) | null = null;

/** Called with every session body the app receives: the token of the latest session is the valid one. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export function onSessionLost(handler: ((problem: ApiProblem) => void) | null) {
  sessionLostHandler = handler;
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Retry once with a fresh token when the server says the CSRF token is stale. */
  retryStaleToken?: boolean;
  /** Extra request headers, for example Idempotency-Key. */
  headers?: Record<string, string>;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  // The server answers in Dutch today; Accept-Language lets it answer problem details in the UI's language.
  const headers: Record<string, string> = { ...options.headers, Accept: "application/json", "Accept-Language": i18n.language };
  const hasBody = method === "POST" || method === "PATCH" || method === "PUT";
  if (hasBody) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(`${API_BASE}${path}`, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: hasBody ? JSON.stringify(options.body ?? {}) : undefined,
    });
  } catch {
    throw new ApiProblem(0, "network_error", i18n.t("errors.networkTitle"), i18n.t("errors.network"));
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  const problem = await readProblem(response);
  if (problem.code === "csrf_token_invalid" && options.retryStaleToken !== false && method !== "GET") {
    const session = await request<{ csrfToken: string | null }>("GET", "/session");
    setCsrfToken(session.csrfToken);
    return request<T>(method, path, { ...options, retryStaleToken: false });
  }
  if (problem.status === 401 && SESSION_LOST_CODES.has(problem.code)) sessionLostHandler?.(problem);
  throw problem;
}

async function readProblem(response: Response): Promise<ApiProblem> {
  try {
    const body = (await response.json()) as Partial<ApiProblem> & { invalidParams?: InvalidParam[] };
    return new ApiProblem(
      body.status ?? response.status,
      body.code ?? "unknown",
      body.title ?? response.statusText,
      body.detail ?? i18n.t("errors.unexpected"),
      Array.isArray(body.invalidParams) ? body.invalidParams : [],
    );
  } catch {
    return new ApiProblem(response.status, "unknown", response.statusText, i18n.t("errors.unexpected"));
  }
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>("GET", path, { query }),
  post: <T>(path: string, body: unknown = {}, options: { headers?: Record<string, string> } = {}) =>
    request<T>("POST", path, { body, headers: options.headers }),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, { body }),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, { body }),
  delete: (path: string) => request<void>("DELETE", path),
};

/** The message to show for any error: the server's Dutch detail, or a generic one. */
export function problemMessage(error: unknown): string {
  if (error instanceof ApiProblem) return error.detail;
  return i18n.t("errors.unexpected");
}
