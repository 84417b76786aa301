import { useCallback, useEffect, useRef, useState } from "react";
import { API_BASE, api, problemMessage } from "../../api/client.ts";
import { i18n } from "../../i18n/i18n.ts";
import type { ExportErrorCode, ExportJob, ExportRequest } from "./types.ts";

const POLL_MS = 500;

export interface ExportState {
  /** What is being made, for the progress label and the messages ("Jaarrapportage 2025 (PDF)"). */
  name: string;
  job: ExportJob | null;
  /** Set when the request or the job failed. */
  error: string | null;
  /** The file's address once the job is done, for the "download again" link. */
  fileUrl: string | null;
}

export const exportFileUrl = (id: string) => `${API_BASE}/monitoring/exports/${encodeURIComponent(id)}/file`;

/**
 * One export at a time for one group of buttons: POST the request, poll the job every half second while the
 * server composes the file, then let the browser save it through an ordinary link (the server answers with
 * Content-Disposition: attachment, so the page stays where it is).
 */
export function useExportJob() {
  const [state, setState] = useState<ExportState | null>(null);
  // The running poll loop; a newer export or leaving the page stops it.
  const run = useRef(0);
  const running = useRef(false);
  useEffect(() => () => void (run.current += 1), []);

  const start = useCallback(async (name: string, request: ExportRequest) => {
    // The buttons stay focusable while a file is being made (aria-disabled); a second click waits for the first.
    if (running.current) return;
    running.current = true;
    const mine = ++run.current;
    const alive = () => run.current === mine;
    setState({ name, job: null, error: null, fileUrl: null });
    try {
      let job = await api.post<ExportJob>("/monitoring/exports", request);
      while (alive()) {
        setState({ name, job, error: null, fileUrl: null });
        if (job.status === "done") break;
        if (job.status === "failed") throw new JobFailed(job.errorCode);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (!alive()) return;
        job = await api.get<ExportJob>(`/monitoring/exports/${encodeURIComponent(job.id)}`);
      }
      if (!alive()) return;
      const fileUrl = exportFileUrl(job.id);
      saveFile(fileUrl, job.fileName ?? undefined);
      setState({ name, job, error: null, fileUrl });
    } catch (error) {
      if (!alive()) return;
      const message = error instanceof JobFailed ? failureText(error.code) : problemMessage(error);
      setState((current) => ({ name, job: current?.job ?? null, error: message, fileUrl: null }));
    } finally {
      if (alive()) running.current = false;
    }
  }, []);

  const busy = state !== null && state.error === null && state.fileUrl === null;
  return { state, busy, start };
}

class JobFailed extends Error {
  constructor(readonly code: string | null) {
    super(code ?? "export_failed");
  }
}

const failureCodes: readonly ExportErrorCode[] = ["unknown_table", "no_access", "interrupted", "export_failed"];

/** Why the server could not make the file, in the user's language (the job carries a stable code). */
function failureText(code: string | null): string {
  const known = failureCodes.find((c) => c === code) ?? "export_failed";
  return i18n.t(`monitoring.exports.errors.${known}`);
}

/** Lets the browser download the file through a plain link, as if the user had clicked one. */
function saveFile(href: string, fileName: string | undefined): void {
  const link = document.createElement("a");
  link.href = href;
  if (fileName) link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
