import { Button, ButtonGroup, Heading, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, problemMessage } from "../../api/client.ts";
import type { Plan, ReportFile } from "./types.ts";

/** The progress report as PDF or XLSX; the server makes it (and audits the export), the browser saves it. */
export function ReportDownloads({ plan, onDone, onError }: { plan: Plan; onDone: (message: string) => void; onError: (message: string) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<"pdf" | "xlsx" | null>(null);
  if (plan.abilities.report !== true) return null;
  const download = async (format: "pdf" | "xlsx") => {
    if (busy) return;
    setBusy(format);
    try {
      const file = await api.post<ReportFile>(`/implementation-plans/${plan.id}/reports`, { format });
      save(file);
      onDone(t("implementationPlan.plan.downloaded", { fileName: file.fileName }));
    } catch (error) {
      onError(problemMessage(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section aria-labelledby="report-heading" className="kz-section">
      <Heading level={2} id="report-heading">{t("implementationPlan.plan.reportHeading")}</Heading>
      <Paragraph className="kz-prose">{t("implementationPlan.plan.reportIntro")}</Paragraph>
      <ButtonGroup>
        <Button appearance="secondary-action-button" busy={busy === "pdf"} disabled={busy !== null} onClick={() => void download("pdf")}>{t("implementationPlan.plan.downloadPdf")}</Button>
        <Button appearance="secondary-action-button" busy={busy === "xlsx"} disabled={busy !== null} onClick={() => void download("xlsx")}>{t("implementationPlan.plan.downloadXlsx")}</Button>
      </ButtonGroup>
    </section>
  );
}

/** Offers the file the server returned (base64) as a download. */
function save(file: ReportFile): void {
  const bytes = Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
