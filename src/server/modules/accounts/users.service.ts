import type { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { conflict, notFound } from "../../kernel/errors.ts";
import { normalise } from "../../kernel/crypto.ts";
import { accessFilter, actingRole, authorize, authorizeRegionAdministration, type Actor } from "../../kernel/policy/policy.ts";
import type { Role } from "../../kernel/policy/matrix.ts";
import { hashPassword } from "./authentication.ts";
import { deleteSessionsOfUser } from "./sessions.repository.ts";
import { emailHashTaken, findUserById, insertUser, listUsers, replaceRoles, updateUserFields } from "./users.repository.ts";
import { presentUser, userFacts } from "./users.presenter.ts";
import type { createUserBody, updateUserBody, userListQuery } from "./users.schema.ts";

/** User administration. Each function is one request: one transaction, its audit event inside it. */
const auditActor = (actor: Actor, role: Role) => ({ userId: actor.userId, organisationId: actor.organisationId, role });

function roleRows(roles: Role[], regionAdministratorOf: string[]) {
  return [
    ...[...new Set(roles)].map((role) => ({ role, regionId: null })),
    ...[...new Set(regionAdministratorOf)].map((regionId) => ({ role: "administrator" as Role, regionId })),
  ];
}

export function listUsersFor(kernel: Kernel, actor: Actor, query: z.infer<typeof userListQuery>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const offset = (query.page - 1) * query.pageSize;
    const access = accessFilter(actor, "list", "user", "u");
    let items: ReturnType<typeof presentUser>[];
    let total: number;
    if (query.q) {
      // Names and e-mail addresses are encrypted, so a search decrypts the users the actor may list
      // (one organisation or region: hundreds, not millions) and matches in memory.
      const all = await listUsers(tx, { access, organisationId: query.organisationId, limit: 10_000, offset: 0 });
      const needle = normalise("name", query.q);
      const matches = all.rows
        .map((row) => presentUser(kernel.crypto, actor, row))
        .filter((user) => normalise("name", user.displayName).includes(needle) || user.email.toLowerCase().includes(query.q!.toLowerCase()));
      total = matches.length;
      items = matches.slice(offset, offset + query.pageSize);
    } else {
      const page = await listUsers(tx, { access, organisationId: query.organisationId, limit: query.pageSize, offset });
      total = page.total;
      items = page.rows.map((row) => presentUser(kernel.crypto, actor, row));
    }
    kernel.audit.record(tx, {
      actor: { userId: actor.userId, organisationId: actor.organisationId, role: actingRole(actor, "list", "user") },
      action: query.q ? "search" : "list",
      objectType: "user",
      result: "success",
      clientAddress,
      details: { count: items.length, total, organisationId: query.organisationId ?? null, page: query.page, ...(query.q ? { query: query.q } : {}) },
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  });
}

export function getUserFor(kernel: Kernel, actor: Actor, id: string, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const row = await findUserById(tx, id);
    if (!row) throw notFound();
    const role = authorize(actor, "read", "user", userFacts(row), { objectId: id, ownerOrganisationId: row.organisation_id, dataSubjectRef: `user:${id}` });
    kernel.audit.record(tx, {
      actor: auditActor(actor, role),
      action: "read",
      objectType: "user",
      objectId: id,
      ownerOrganisationId: row.organisation_id,
      dataSubjectRef: `user:${id}`,
      result: "success",
      clientAddress,
    });
    return presentUser(kernel.crypto, actor, row);
  });
}

export async function createUserFor(kernel: Kernel, actor: Actor, body: z.infer<typeof createUserBody>, clientAddress: string) {
  const passwordHash = await hashPassword(body.password);
  return kernel.db.transaction(async (tx) => {
    const org = await tx.query<{ region_ids: string[] | string }>(
      `select coalesce(json_agg(m.region_id) filter (where m.region_id is not null), '[]'::json) as region_ids
         from organisations o left join region_members m on m.organisation_id = o.id where o.id = $1 group by o.id`,
      [body.organisationId],
    );
    if (!org[0]) throw notFound();
    const regionIds: string[] = typeof org[0].region_ids === "string" ? JSON.parse(org[0].region_ids) : org[0].region_ids;
    const role = authorize(actor, "create", "user", { organisationId: body.organisationId, regionIds }, { ownerOrganisationId: body.organisationId });
    authorizeRegionAdministration(actor, body.regionAdministratorOf);
    const emailHash = kernel.crypto.blindIndex("email", body.email);
    if (await emailHashTaken(tx, emailHash)) throw conflict("Er bestaat al een account met dit e-mailadres.");
    const id = await insertUser(tx, {
      organisationId: body.organisationId,
      emailHash,
      emailEnc: kernel.crypto.encrypt("users.email", body.email.trim()),
      displayNameEnc: kernel.crypto.encrypt("users.display_name", body.displayName),
      passwordHash,
    });
    await replaceRoles(tx, id, roleRows(body.roles, body.regionAdministratorOf));
    kernel.audit.record(tx, {
      actor: auditActor(actor, role),
      action: "create",
      objectType: "user",
      objectId: id,
      ownerOrganisationId: body.organisationId,
      dataSubjectRef: `user:${id}`,
      result: "success",
      clientAddress,
      details: { roles: body.roles, regionAdministratorOf: body.regionAdministratorOf },
    });
    return presentUser(kernel.crypto, actor, (await findUserById(tx, id))!);
  });
}

export function updateUserFor(kernel: Kernel, actor: Actor, id: string, body: z.infer<typeof updateUserBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const row = await findUserById(tx, id);
    if (!row) throw notFound();
    const facts = userFacts(row);
    const refs = { objectId: id, ownerOrganisationId: row.organisation_id, dataSubjectRef: `user:${id}` };
    const changesActive = body.active !== undefined && body.active !== row.active;
    const changesOther = body.displayName !== undefined || body.roles !== undefined || body.regionAdministratorOf !== undefined;
    let role = changesActive ? authorize(actor, "deactivate", "user", facts, refs) : null;
    if (changesOther || !changesActive) role = authorize(actor, "update", "user", facts, refs);
    if (body.roles !== undefined || body.regionAdministratorOf !== undefined) {
      const currentRegions = row.roles.filter((r) => r.regionId).map((r) => r.regionId!);
      const nextRegions = body.regionAdministratorOf ?? currentRegions;
      authorizeRegionAdministration(actor, nextRegions.filter((r) => !currentRegions.includes(r)));
      const nextRoles = body.roles ?? row.roles.filter((r) => !r.regionId).map((r) => r.role);
      await replaceRoles(tx, id, roleRows(nextRoles, nextRegions));
    }
    await updateUserFields(tx, id, {
      displayNameEnc: body.displayName === undefined ? undefined : kernel.crypto.encrypt("users.display_name", body.displayName),
      active: body.active,
    });
    // Deactivation ends every session of the user at once, in the same transaction.
    if (body.active === false) await deleteSessionsOfUser(tx, id);
    kernel.audit.record(tx, {
      actor: auditActor(actor, role!),
      action: "update",
      objectType: "user",
      ...refs,
      result: "success",
      clientAddress,
      details: { fields: Object.keys(body).sort(), ...(body.roles ? { roles: body.roles } : {}), ...(body.active !== undefined ? { active: body.active } : {}) },
    });
    return presentUser(kernel.crypto, actor, (await findUserById(tx, id))!);
  });
}
