import type { Kernel } from "../../http/kernel.ts";
import type { Tx } from "../../kernel/db.ts";
import { dutchDate, type CalendarDate } from "../../kernel/dutch-time.ts";
import { AppError, notFound } from "../../kernel/errors.ts";
import type { ActionOf, Role } from "../../kernel/policy/matrix.ts";
import { authorize, type Actor } from "../../kernel/policy/policy.ts";
import { appendFileEvent, activeTeamOf, findFile, type FileRow, type TeamMemberRow } from "./files.repository.ts";
import { fileFacts, fileRefs, presentFile, type VictimFile } from "./files.presenter.ts";

/**
 * Every change to a victim file is one transaction: lock the file, check the policy, do the work, append
 * the file's history, write the audit event, and answer with the file as the actor may now see it.
 */
export interface FileContext {
  tx: Tx;
  row: FileRow;
  now: Date;
  today: CalendarDate;
  activeTeam: TeamMemberRow[];
  role: Role;
  /** Appends an entry to the file's history, by the actor, now. */
  event: (kind: string, details?: Record<string, unknown>, extra?: { fromStatus?: string; toStatus?: string; reason?: string | null }) => Promise<void>;
}

export interface CommandResult {
  details: Record<string, unknown>;
  /** The purpose recorded in the audit event; "zorgcoördinatie" by default. */
  purpose?: string;
}

export const auditActor = (actor: Actor, role: Role | null) => ({ userId: actor.userId, organisationId: actor.organisationId, role });

/** A refused step: 409, because the file's state is what stands in the way. */
export function careRefusal(code: AppError["code"], message: string, field?: string): AppError {
  return new AppError(409, code, "Niet mogelijk", message, field ? [{ name: field, code, reason: message }] : []);
}

export async function loadFileFor(kernel: Kernel, tx: Tx, actor: Actor, id: string, action: ActionOf<"victim_file">, options: { forUpdate?: boolean } = {}) {
  const row = await findFile(tx, id, options);
  if (!row) throw notFound();
  const now = kernel.now();
  const today = dutchDate(now);
  const activeTeam = await activeTeamOf(tx, row.id, today);
  const role = authorize(actor, action, "victim_file", fileFacts(row, activeTeam), fileRefs(row));
  return { row, now, today, activeTeam, role };
}

export function fileCommand(
  kernel: Kernel,
  actor: Actor,
  id: string,
  action: ActionOf<"victim_file">,
  clientAddress: string,
  work: (ctx: FileContext) => Promise<CommandResult>,
): Promise<VictimFile> {
  return kernel.db.transaction(async (tx) => {
    const loaded = await loadFileFor(kernel, tx, actor, id, action, { forUpdate: true });
    const { row, now } = loaded;
    const event: FileContext["event"] = (kind, details = {}, extra = {}) =>
      appendFileEvent(tx, {
        fileId: row.id,
        occurredAt: now,
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        kind,
        fromStatus: extra.fromStatus ?? null,
        toStatus: extra.toStatus ?? null,
        reasonEnc: kernel.crypto.encryptOptional("victim_file_events.reason", extra.reason ?? null),
        details,
      });
    const result = await work({ tx, ...loaded, event });
    kernel.audit.record(tx, {
      actor: auditActor(actor, loaded.role),
      action: "update",
      objectType: "victim_file",
      ...fileRefs(row),
      purpose: result.purpose ?? "zorgcoördinatie",
      result: "success",
      clientAddress,
      details: { reference: row.reference, command: action, ...result.details },
    });
    return presentFile(kernel, tx, actor, (await findFile(tx, row.id))!);
  });
}
