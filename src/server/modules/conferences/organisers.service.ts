import sql from "sql-template-tag";
import type { Kernel } from "../../http/kernel.ts";
import { run } from "../../kernel/db.ts";
import { authorize, type Actor } from "../../kernel/policy/policy.ts";
import { auditActor } from "./meetings.service.ts";

/**
 * The people who may chair a meeting of the actor's organisation or be its secretary (its active conference
 * chairs), for the chair planning one: before a meeting exists, so the question is the one planning asks.
 * Audited as a list of users of the actor's organisation, since it shows names.
 */
export function meetingOrganisersFor(kernel: Kernel, actor: Actor, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    // The same decision as planning a meeting (createMeetingFor): a meeting of the actor's own organisation in
    // its region. A focal officer of the region is told no (403), anyone else that there is nothing (404).
    const role = authorize(actor, "create", "meeting", {
      organisationId: actor.organisationId, regionId: actor.regionIds[0] ?? "", delegateUserIds: [], actionOwnerUserIds: [],
    });
    const users = await run<{ id: string; name_enc: string | null }>(tx, sql`
      select u.id, u.display_name_enc as name_enc
        from users u
       where u.organisation_id = ${actor.organisationId} and u.active
         and exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'conference_chair')`);
    const items = users
      .map((u) => ({ userId: u.id, name: kernel.crypto.decryptOptional("users.display_name", u.name_enc) }))
      .sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "", "nl"));
    kernel.audit.record(tx, {
      actor: auditActor(actor, role), action: "list", objectType: "user", ownerOrganisationId: actor.organisationId, purpose: "voorzitter en secretaris casusoverleg",
      result: "success", clientAddress, details: { count: items.length },
    });
    return items;
  });
}
