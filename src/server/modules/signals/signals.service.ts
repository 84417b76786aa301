import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import type { Tx } from "../../kernel/db.ts";
import { AppError, notFound } from "../../kernel/errors.ts";
import { accessFilter, actingRole, authorize, type Actor } from "../../kernel/policy/policy.ts";
import type { Role } from "../../kernel/policy/matrix.ts";
import { signalFacts, presentSignal } from "./signals.presenter.ts";
import { findSignal, municipalitiesIn, ownSignals, queue, type SignalRow } from "./signals.repository.ts";
import type { queueQuery } from "./signals.schema.ts";
import { tokenOf, wordsOf } from "./search-tokens.ts";

/** Reading signals: one signal, the work queue, the reporter's own list. Every read is audited in its transaction. */
export const auditActor = (actor: Actor, role: Role | null) => ({ userId: actor.userId, organisationId: actor.organisationId, role });

export function refsOf(row: SignalRow) {
  return { objectId: row.id, ownerOrganisationId: row.municipality_id, dataSubjectRef: `signal:${row.id}` };
}

/** Loads a signal the actor may read (404 otherwise, the same as a missing one). */
export async function loadReadable(tx: Tx, actor: Actor, id: string, options: { forUpdate?: boolean } = {}) {
  const row = await findSignal(tx, id, options);
  if (!row) throw notFound();
  const role = authorize(actor, "read", "signal", signalFacts(row), refsOf(row));
  return { row, role };
}

export function getSignalFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const { row, role } = await loadReadable(tx, actor, id);
    const signal = await presentSignal(kernel, tx, actor, row);
    kernel.audit.record(tx, {
      actor: auditActor(actor, role),
      action: "read",
      objectType: "signal",
      ...refsOf(row),
      purpose: role === "focal_officer" ? "meldroute" : "doorverwijzing",
      result: "success",
      clientAddress,
      details: { reference: row.reference, parts: signal.visibleParts },
    });
    return signal;
  });
}

/** The reference pattern (e.g. ZEV-2026-00042): a search for it finds that signal directly. */
const REFERENCE = /^[A-Z]{3}-\d{4}-\d{5}$/;

export function queueFor(kernel: Kernel, actor: Actor, query: z.infer<typeof queueQuery>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const access = accessFilter(actor, "list", "signal", "s");
    const q = query.q?.trim();
    const reference = q && REFERENCE.test(q.toUpperCase()) ? q.toUpperCase() : undefined;
    const { rows, total } = await queue(tx, {
      access,
      statuses: query.status && query.status !== "open" ? [query.status] : undefined,
      excludeClosed: query.status === "open",
      urgency: query.urgency,
      form: query.form,
      referredTo: query.referredTo,
      overdueAt: query.overdue ? kernel.now() : undefined,
      reference,
      tokens: q && !reference ? wordsOf(q).map((w) => tokenOf(kernel.crypto, w)) : undefined,
      sort: query.sort,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    const now = kernel.now();
    const items = rows.map((r) => {
      const due = r.due_at ? new Date(r.due_at) : null;
      return {
        id: r.id,
        reference: r.reference,
        municipalityName: r.municipality_name,
        source: r.source,
        status: r.status,
        urgency: r.urgency,
        exploitationForms: r.exploitation_forms as never,
        receivedAt: new Date(r.received_at).toISOString(),
        dueAt: due?.toISOString() ?? null,
        overdue: r.status !== "closed" && due !== null && due < now,
        referralCount: Number(r.referral_count),
        openReferralCount: Number(r.open_referral_count),
      };
    });
    kernel.audit.record(tx, {
      actor: auditActor(actor, actingRole(actor, "list", "signal")),
      action: q ? "search" : "list",
      objectType: "signal",
      result: "success",
      clientAddress,
      details: {
        count: items.length,
        total,
        page: query.page,
        filters: { status: query.status, urgency: query.urgency, form: query.form, referredTo: query.referredTo, overdue: query.overdue },
        // The search words are not logged: they may be names. The references shown are.
        searched: Boolean(q),
        references: items.map((i) => i.reference),
      },
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  });
}

export function mineFor(kernel: Kernel, actor: Actor, page: number, pageSize: number, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const rows = await ownSignals(tx, accessFilter(actor, "list_own", "signal", "s"), pageSize, (page - 1) * pageSize);
    const items = rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      municipalityName: r.municipality_name,
      status: r.status,
      receivedAt: new Date(r.received_at).toISOString(),
      closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
      feedbackToReporter: kernel.crypto.decryptOptional("signals.feedback_to_reporter", r.feedback_to_reporter_enc),
    }));
    kernel.audit.record(tx, {
      actor: auditActor(actor, actingRole(actor, "list_own", "signal")),
      action: "list",
      objectType: "signal",
      result: "success",
      clientAddress,
      details: { own: true, count: items.length, references: items.map((i) => i.reference) },
    });
    return { items, total: rows[0] ? Number(rows[0].total) : 0, page, pageSize };
  });
}

export function municipalitiesFor(kernel: Kernel, actor: Actor | "public") {
  return kernel.db.transaction(async (tx) => {
    const rows = await municipalitiesIn(tx, actor === "public" ? "all" : actor.regionIds);
    return rows.map((r) => ({ id: r.id, name: r.name, regionId: r.region_id, regionName: r.region_name }));
  });
}

/** A refused step: the route's own codes, 409 because the signal's state is what stands in the way. */
export function routeRefusal(code: AppError["code"], message: string, field?: string): AppError {
  return new AppError(409, code, "Stap niet mogelijk", message, field ? [{ name: field, code, reason: message }] : []);
}
