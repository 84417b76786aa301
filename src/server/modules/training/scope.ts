import type { Kernel } from "../../http/kernel.ts";
import type { Queryable } from "../../kernel/db.ts";
import { invalidInput, notFound } from "../../kernel/errors.ts";
import { authorize, type Actor } from "../../kernel/policy/policy.ts";
import type { ActionOf } from "../../kernel/policy/matrix.ts";
import type { Role } from "../../kernel/policy/matrix.ts";
import { municipalityOf } from "./training.repository.ts";

/** The municipality a request is about, with the facts the policy needs, after the policy allowed `action`. */
export interface Scope {
  municipality: { id: string; name: string; regionIds: string[] };
  facts: { municipalityId: string; regionIds: string[] };
  role: Role;
}

export async function scopeOf(q: Queryable, actor: Actor, action: ActionOf<"training">, municipalityId: string | undefined, objectId?: string): Promise<Scope> {
  const id = municipalityId ?? actor.organisationId;
  const municipality = await municipalityOf(q, id);
  if (!municipality) {
    if (municipalityId) throw notFound();
    throw invalidInput("Kies een gemeente: uw organisatie is geen gemeente.", [{ name: "municipalityId", code: "required", reason: "kies een gemeente" }]);
  }
  const facts = { municipalityId: municipality.id, regionIds: municipality.regionIds };
  const role = authorize(actor, action, "training", facts, { objectId: objectId ?? municipality.id, ownerOrganisationId: municipality.id });
  return { municipality, facts, role };
}

export const auditActor = (actor: Actor, role: Role | null) => ({ userId: actor.userId, organisationId: actor.organisationId, role });

/** Field-level 400 with one invalid parameter. */
export const fieldError = (detail: string, name: string, code: string, reason: string) => invalidInput(detail, [{ name, code, reason }]);

export type { Kernel };
