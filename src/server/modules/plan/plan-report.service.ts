import type { Kernel } from "../../http/kernel.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { notFound } from "../../kernel/errors.ts";
import { authorize, type Actor } from "../../kernel/policy/policy.ts";
import { planFacts, planRefs, presentPlan } from "./implementation-plan.presenter.ts";
import { findPlan } from "./implementation-plan.repository.ts";
import { auditActor, PURPOSE } from "./implementation-plan.service.ts";
import { renderPlanPdf } from "./plan-report-pdf.ts";
import { renderPlanXlsx } from "./plan-report-xlsx.ts";

/**
 * The progress report of a plan as PDF or XLSX, for whoever may read the plan. It is an audited export: it
 * holds the names of the staff who recorded progress (no one else's data).
 */
const mediaTypes = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export function planReportFor(kernel: Kernel, actor: Actor, id: string, format: "pdf" | "xlsx", clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const row = await findPlan(tx, id);
    if (!row) throw notFound();
    const role = authorize(actor, "report", "implementation_plan", planFacts(row), planRefs(row));
    const now = kernel.now();
    const { view, authors } = await presentPlan(kernel, tx, actor, row);
    const bytes = format === "pdf" ? await renderPlanPdf(view, now) : await renderPlanXlsx(view, now);
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "export", objectType: "implementation_plan", ...planRefs(row), purpose: PURPOSE, result: "success", clientAddress,
      details: { format, staffShown: authors, activities: view.overview.activityCount },
    });
    const slug = row.title.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase().slice(0, 60);
    return {
      fileName: `voortgang-${slug || "uitvoeringsplan"}-${dutchDate(now)}.${format}`,
      mediaType: mediaTypes[format],
      encoding: "base64" as const,
      content: bytes.toString("base64"),
    };
  });
}
