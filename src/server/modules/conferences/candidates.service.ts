import sql from "sql-template-tag";
import type { Kernel } from "../../http/kernel.ts";
import { run } from "../../kernel/db.ts";
import { invalidInput, notFound } from "../../kernel/errors.ts";
import { authorize, type Actor } from "../../kernel/policy/policy.ts";
import { delegateRoles } from "./codes.ts";
import { meetingFacts } from "./meetings.presenter.ts";
import { findMeeting } from "./meetings.repository.ts";
import { auditActor, meetingRefs } from "./meetings.service.ts";

/**
 * The people of an organisation in the meeting's region who can take part in it, for the organiser choosing
 * delegates; audited as a list of users of that organisation.
 */
export function delegateCandidatesFor(kernel: Kernel, actor: Actor, id: string, organisationId: string, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const row = await findMeeting(tx, id);
    if (!row) throw notFound();
    const role = authorize(actor, "update", "meeting", meetingFacts(row), meetingRefs(row));
    const inRegion = await run(tx, sql`select 1 from region_members where organisation_id = ${organisationId} and region_id = ${row.region_id}`);
    if (inRegion.length === 0) throw invalidInput("Kies een organisatie uit de regio van het overleg.", [{ name: "organisationId", code: "unknown_organisation", reason: "niet in de regio" }]);
    const users = await run<{ id: string; name_enc: string; roles: unknown }>(tx, sql`
      select u.id, u.display_name_enc as name_enc, (select json_agg(distinct r.role) from user_roles r where r.user_id = u.id) as roles
        from users u
       where u.organisation_id = ${organisationId} and u.active
         and exists (select 1 from user_roles r where r.user_id = u.id and r.role = any(${[...delegateRoles]}::text[]))`);
    const items = users
      .map((u) => ({
        userId: u.id,
        name: kernel.crypto.decryptOptional("users.display_name", u.name_enc),
        roles: (Array.isArray(u.roles) ? u.roles : JSON.parse(String(u.roles))) as string[],
        delegate: row.delegate_user_ids.includes(u.id),
      }))
      .sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "", "nl"));
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "list", objectType: "user", ownerOrganisationId: organisationId, purpose: "deelnemers casusoverleg", result: "success", clientAddress,
      details: { meeting: row.reference, count: items.length },
    });
    return items;
  });
}
