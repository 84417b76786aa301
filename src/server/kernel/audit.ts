import { randomUUID } from "node:crypto";
import type { FieldCrypto } from "./crypto.ts";
import type { Database, Queryable, Tx } from "./db.ts";

/**
 * The audit trail (NEN 7513): who, on whose behalf, did what to which object about which data subject,
 * when, why, with what result, from where. Events are queued on the transaction that does the work and
 * sealed into the hash chain just before it commits, so the event exists exactly when the work does.
 */
export type AuditAction =
  | "read"
  | "list"
  | "search"
  | "export"
  | "create"
  | "update"
  | "delete"
  | "login"
  | "login_failed"
  | "logout"
  | "second_factor"
  | "second_factor_failed"
  | "enrolment"
  | "access_denied";

export interface AuditActor {
  userId: string;
  organisationId: string;
  /** The role the actor acted in: the first of their roles that grants the action. */
  role: string | null;
}

export interface AuditEventInput {
  actor: AuditActor | null;
  /** Who or what acts when there is no logged-in user: "anonymous", "system", an OpenID issuer. */
  actorLabel?: string;
  onBehalfOf?: string;
  action: AuditAction;
  objectType?: string;
  objectId?: string;
  /** The organisation whose record it is; its privacy officer sees the event. */
  ownerOrganisationId?: string;
  /** Pseudonymous reference of the person the data is about (e.g. "user:<uuid>"). */
  dataSubjectRef?: string;
  purpose?: string;
  result: "success" | "denied" | "failure";
  clientAddress?: string;
  details?: Record<string, unknown>;
}

interface AuditRow {
  seq: string | number;
  id: string;
  occurred_at: Date | string;
  actor_user_id: string | null;
  actor_label: string | null;
  actor_organisation_id: string | null;
  actor_role: string | null;
  on_behalf_of: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  owner_organisation_id: string | null;
  data_subject_ref: string | null;
  purpose: string | null;
  result: string;
  client_address: string | null;
  details: string | null;
  prev_hash: string;
  hash: string;
}

const GENESIS = "genesis";
const CHAIN_LOCK = 7513;
const QUEUE = "audit.queue";

export class AuditTrail {
  constructor(
    private readonly crypto: FieldCrypto,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Queues an event on the transaction; it is written, chained and sealed just before COMMIT. */
  record(tx: Tx, event: AuditEventInput): void {
    let queue = tx.locals.get(QUEUE) as AuditEventInput[] | undefined;
    if (!queue) {
      queue = [];
      tx.locals.set(QUEUE, queue);
      tx.beforeCommit(QUEUE, (t) => this.flush(t, t.locals.get(QUEUE) as AuditEventInput[]));
    }
    queue.push(event);
  }

  /** Writes events in a transaction of their own: for denials and failed logins, whose request fails. */
  async recordAlone(db: Database, event: AuditEventInput): Promise<void> {
    await db.transaction(async (tx) => this.record(tx, event));
  }

  private async flush(tx: Tx, events: AuditEventInput[]): Promise<void> {
    if (events.length === 0) return;
    // One writer at a time extends the chain; the lock is held only from here to COMMIT.
    await tx.query("select pg_advisory_xact_lock($1)", [CHAIN_LOCK]);
    const last = await tx.query<{ hash: string }>("select hash from audit_events order by seq desc limit 1");
    let previous = last[0]?.hash ?? GENESIS;
    for (const event of events) {
      const row = toRow(event, this.now());
      const hash = this.crypto.auditSeal(previous, canonical(row));
      await tx.query(
        `insert into audit_events (id, occurred_at, actor_user_id, actor_label, actor_organisation_id, actor_role,
           on_behalf_of, action, object_type, object_id, owner_organisation_id, data_subject_ref, purpose, result,
           client_address, details, prev_hash, hash)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)`,
        [
          row.id, row.occurred_at, row.actor_user_id, row.actor_label, row.actor_organisation_id, row.actor_role,
          row.on_behalf_of, row.action, row.object_type, row.object_id, row.owner_organisation_id,
          row.data_subject_ref, row.purpose, row.result, row.client_address, row.details, previous, hash,
        ],
      );
      previous = hash;
    }
    events.length = 0;
  }

  /**
   * Walks the chain in order and recomputes every seal. Returns the first event whose content or link
   * no longer matches: an altered, inserted or removed row breaks the chain there.
   */
  async verify(db: Queryable, batchSize = 5000): Promise<VerifyResult> {
    let previous = GENESIS;
    let afterSeq = "0";
    let checked = 0;
    for (;;) {
      const rows = await db.query<AuditRow>(
        "select *, seq::text as seq from audit_events where audit_events.seq > $1::bigint order by audit_events.seq limit $2",
        [afterSeq, batchSize],
      );
      for (const row of rows) {
        if (row.prev_hash !== previous) {
          return { ok: false, checked, brokenSeq: String(row.seq), brokenId: row.id, reason: "link to the previous event does not match (an event before it was removed or altered)" };
        }
        const expected = this.crypto.auditSeal(previous, canonical(row));
        if (expected !== row.hash) {
          return { ok: false, checked, brokenSeq: String(row.seq), brokenId: row.id, reason: "content does not match its seal (the event was altered)" };
        }
        previous = row.hash;
        checked += 1;
      }
      if (rows.length < batchSize) return { ok: true, checked };
      afterSeq = String(rows[rows.length - 1]!.seq);
    }
  }
}

export type VerifyResult =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenSeq: string; brokenId: string; reason: string };

type SealedFields = Omit<AuditRow, "seq" | "prev_hash" | "hash">;

function toRow(event: AuditEventInput, at: Date): SealedFields {
  return {
    id: randomUUID(),
    occurred_at: at.toISOString(),
    actor_user_id: event.actor?.userId ?? null,
    actor_label: event.actorLabel ?? null,
    actor_organisation_id: event.actor?.organisationId ?? null,
    actor_role: event.actor?.role ?? null,
    on_behalf_of: event.onBehalfOf ?? null,
    action: event.action,
    object_type: event.objectType ?? null,
    object_id: event.objectId ?? null,
    owner_organisation_id: event.ownerOrganisationId ?? null,
    data_subject_ref: event.dataSubjectRef ?? null,
    purpose: event.purpose ?? null,
    result: event.result,
    client_address: event.clientAddress ?? null,
    details: event.details ? canonicalJson(event.details) : null,
  };
}

/** The sealed form of an event: its fields in a fixed order, times as ISO-8601 UTC with milliseconds. */
function canonical(row: SealedFields): string {
  const at = row.occurred_at instanceof Date ? row.occurred_at.toISOString() : new Date(row.occurred_at).toISOString();
  return JSON.stringify([
    row.id, at, row.actor_user_id, row.actor_label, row.actor_organisation_id, row.actor_role, row.on_behalf_of,
    row.action, row.object_type, row.object_id, row.owner_organisation_id, row.data_subject_ref, row.purpose,
    row.result, row.client_address, row.details,
  ]);
}

/** JSON with object keys sorted, so the same content always serialises (and seals) the same way. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
