import sql from "sql-template-tag";
import type { Kernel } from "../../http/kernel.ts";
import { run } from "../../kernel/db.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { accessFilter, actingRole, type Actor } from "../../kernel/policy/policy.ts";
import { auditActor } from "./file-command.ts";
import { isMinor } from "./files.presenter.ts";
import { coordinationElsewhere, networkOf } from "./network.ts";
import { dueTasks, presentTask } from "./tasks.ts";
import { listTransfers } from "./transfers.repository.ts";

/**
 * The care coordinator's overview: the open trajectories they coordinate, what is due this week, referrals
 * from the reporting route waiting to be accepted (or accepted without a file yet), and transfers offered
 * by other regions. References and codes only: names are on the files, where reading them is audited.
 */
export function careOverviewFor(kernel: Kernel, actor: Actor, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const now = kernel.now();
    const today = dutchDate(now);
    const coordinated = accessFilter(actor, "update", "victim_file", "f", now);
    const files = await run<{ id: string; reference: string; status: string; age_group: string; exploitation_forms: unknown; opened_at: Date }>(tx, sql`
      select f.id, f.reference, f.status, f.age_group, f.exploitation_forms, f.opened_at
        from victim_files f where f.status <> 'closed' and ${coordinated}
       order by f.opened_at desc limit 500`);
    const tasks = (await dueTasks(tx, coordinated, today)).map(presentTask);
    const referrals = await run<{
      id: string; signal_id: string; reference: string; municipality_name: string; status: string; created_at: Date; due_at: Date;
    }>(tx, sql`
      select r.id, r.signal_id, s.reference, m.name as municipality_name, r.status, r.created_at, r.due_at
        from referrals r join signals s on s.id = r.signal_id join organisations m on m.id = s.municipality_id
       where ${accessFilter(actor, "list", "referral", "r", now)} and r.status in ('open', 'accepted', 'answered')
         and not exists (select 1 from victim_files vf where vf.referral_id = r.id)
       order by r.due_at, r.id limit 200`);
    const incoming = (await listTransfers(tx, accessFilter(actor, "list", "victim_file_transfer", "t", now), today, { statuses: ["pending"] }))
      .filter((t) => t.to_organisation_id === actor.organisationId);
    const counts = { intake: 0, active: 0, aftercare: 0 } as Record<string, number>;
    for (const f of files) counts[f.status] = (counts[f.status] ?? 0) + 1;
    const result = {
      date: today,
      counts: { intake: counts.intake ?? 0, active: counts.active ?? 0, aftercare: counts.aftercare ?? 0 },
      openFiles: files.map((f) => ({
        id: f.id,
        reference: f.reference,
        status: f.status as never,
        ageGroup: f.age_group as never,
        minor: isMinor(null, f.age_group, today),
        exploitationForms: (Array.isArray(f.exploitation_forms) ? f.exploitation_forms : JSON.parse(String(f.exploitation_forms))) as never,
        openedAt: new Date(f.opened_at).toISOString(),
        taskCount: tasks.filter((t) => t.fileId === f.id).length,
      })),
      tasks,
      waitingReferrals: referrals.map((r) => ({
        id: r.id,
        signalId: r.signal_id,
        signalReference: r.reference,
        municipalityName: r.municipality_name,
        status: r.status as never,
        createdAt: new Date(r.created_at).toISOString(),
        dueAt: new Date(r.due_at).toISOString(),
        overdue: r.status === "open" && new Date(r.due_at) < now,
      })),
      incomingTransfers: incoming.map((t) => ({
        id: t.id,
        fileReference: t.file_reference,
        fromOrganisationName: t.from_organisation_name,
        fromRegionName: t.from_region_name,
        reason: kernel.crypto.decrypt("victim_file_transfers.reason", t.reason_enc),
        ageGroup: t.file_age_group as never,
        exploitationForms: t.file_exploitation_forms as never,
        proposedAt: new Date(t.proposed_at).toISOString(),
      })),
    };
    kernel.audit.record(tx, {
      actor: auditActor(actor, actingRole(actor, "update", "victim_file")),
      action: "list",
      objectType: "victim_file",
      purpose: "zorgcoördinatie",
      result: "success",
      clientAddress,
      details: {
        overview: true,
        references: result.openFiles.map((f) => f.reference),
        referrals: result.waitingReferrals.map((r) => r.signalReference),
        transfers: result.incomingTransfers.map((t) => t.fileReference),
      },
    });
    return result;
  });
}

/**
 * The organisations a coordinator picks providers, shelters and youth care from (those of the actor's
 * regions, which everyone there already sees), and, for whoever may transfer files, the care coordination
 * of the other regions.
 */
export async function careNetworkFor(kernel: Kernel, actor: Actor, regionId: string | undefined) {
  const regions = regionId ? actor.regionIds.filter((r) => r === regionId) : [...actor.regionIds];
  const organisations = regions.length ? await networkOf(kernel.db, regions) : [];
  const mayTransfer = actingRole(actor, "transfer", "victim_file") !== null;
  const targets = mayTransfer && regions.length === 1 ? await coordinationElsewhere(kernel.db, regions[0]!) : [];
  return {
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, type: o.type, regionId: o.region_id, regionName: o.region_name, offers: o.offers })),
    transferTargets: targets.map((o) => ({ id: o.id, name: o.name, regionId: o.region_id, regionName: o.region_name })),
  };
}
