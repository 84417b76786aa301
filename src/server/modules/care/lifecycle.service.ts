import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import type { Actor } from "../../kernel/policy/policy.ts";
import { careRefusal, fileCommand } from "./file-command.ts";
import { isMinor } from "./files.presenter.ts";
import { endMemberships, updateFile } from "./files.repository.ts";
import type { transitionBody } from "./files.schema.ts";
import { checkTransition } from "./lifecycle.ts";
import { placementsOf } from "./plan.repository.ts";
import { pendingTransferOf } from "./transfers.repository.ts";

/**
 * A step in the care trajectory, checked by the state machine (lifecycle.ts). Closing ends the partner
 * users' access: the trajectory they were added for is over; the coordinators keep the file.
 */
export function transitionFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof transitionBody>, clientAddress: string) {
  return fileCommand(kernel, actor, id, "transition", clientAddress, async ({ tx, row, now, today, event }) => {
    const problem = checkTransition(
      {
        status: row.status,
        closureReason: row.closure_reason,
        minor: isMinor(kernel.crypto.decryptOptional("victim_files.birth_date", row.birth_date_enc), row.age_group, today),
        youthRouteStarted: Boolean(row.veilig_thuis_notified_on || row.youth_care_provider_id),
        openPlacements: (await placementsOf(tx, row.id)).filter((p) => p.left_on === null).length,
        pendingTransfer: Boolean(await pendingTransferOf(tx, row.id, today)),
      },
      body,
    );
    if (problem) throw careRefusal(problem.code, problem.message, problem.field);
    const closing = body.to === "closed";
    await updateFile(tx, row.id, {
      status: body.to,
      closureReason: closing ? body.closureReason : null,
      closedAt: closing ? now : null,
    }, now);
    const ended = closing
      ? await endMemberships(tx, row.id, { memberRole: "partner" }, { reason: "file_closed", by: actor.userId, at: now })
      : [];
    const details = { from: row.status, to: body.to, closureReason: closing ? body.closureReason : null, endedMemberships: ended.length };
    await event(row.status === "closed" ? "reopened" : "transition", details, { fromStatus: row.status, toStatus: body.to, reason: body.reason ?? null });
    return { details };
  });
}
