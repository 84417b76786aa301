import { Alert, Paragraph } from "@utrecht/component-library-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ExportState } from "./useExportJob.ts";

/**
 * The progress of one export: a labelled <progress> while the server works, and a status text that screen
 * readers announce (the server's step, then "klaar" or the error). The live region is always in the page, so
 * its first message is announced too; it changes with the step, not with every percent.
 */
export function ExportStatus({ state }: { state: ExportState | null }) {
  const { t } = useTranslation();
  const progressId = useId();
  const job = state?.job ?? null;
  const running = state !== null && state.error === null && state.fileUrl === null;
  const fileName = job?.fileName ?? "";

  const failed = state !== null && state.error !== null;
  let message = "";
  if (state !== null && state.error !== null) {
    message = t("monitoring.exports.failed", { name: state.name, reason: state.error || t("monitoring.exports.failedReason") });
  } else if (state?.fileUrl) {
    message = t("monitoring.exports.done", { name: state.name, fileName });
  } else if (state && job?.step) {
    message = t("monitoring.exports.running", { name: state.name, step: job.step });
  } else if (state) {
    message = t("monitoring.exports.started", { name: state.name });
  }

  return (
    <div className="kz-monitor-export-status">
      {running ? (
        <div className="kz-monitor-progress">
          <label htmlFor={progressId}>{t("monitoring.exports.progressLabel", { name: state.name })}</label>
          <progress id={progressId} max={100} value={job?.progress ?? 0}>
            {job?.progress ?? 0}%
          </progress>
        </div>
      ) : null}
      <div role="status" className="kz-monitor-export-message">
        {message && failed ? (
          <Alert type="error" role="none">
            {message}
          </Alert>
        ) : null}
        {message && !failed ? <Paragraph>{message}</Paragraph> : null}
      </div>
      {state?.fileUrl ? (
        <Paragraph>
          <a className="utrecht-link utrecht-link--html-a" href={state.fileUrl} download={fileName || undefined}>
            {t("monitoring.exports.again", { fileName })}
          </a>
        </Paragraph>
      ) : null}
    </div>
  );
}
