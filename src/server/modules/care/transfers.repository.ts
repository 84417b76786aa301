import sql, { join, type Sql } from "sql-template-tag";
import { run, type Queryable, type Tx } from "../../kernel/db.ts";

/** SQL for transfers of a victim file to the care coordination of another region. */
export interface TransferRow {
  id: string;
  file_id: string;
  file_reference: string;
  file_status: string;
  file_age_group: string;
  file_exploitation_forms: string[];
  file_gender: string;
  from_organisation_id: string;
  from_organisation_name: string;
  from_region_name: string;
  to_organisation_id: string;
  to_organisation_name: string;
  to_region_id: string;
  to_region_name: string;
  status: "pending" | "accepted" | "declined" | "withdrawn";
  reason_enc: string;
  basis: string;
  legal_basis_note_enc: string | null;
  proposed_by_name_enc: string | null;
  proposed_at: Date;
  responded_at: Date | null;
  decline_reason_enc: string | null;
  new_file_id: string | null;
  /** The file's coordinators now: who may follow and withdraw the transfer. */
  file_coordinator_ids: string[];
}

const array = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === "string" ? (JSON.parse(v) as string[]) : []);

const select = (today: string) => sql`
  select t.id, t.file_id, f.reference as file_reference, f.status as file_status, f.age_group as file_age_group,
         f.exploitation_forms as file_exploitation_forms, f.gender as file_gender,
         t.from_organisation_id, fo.name as from_organisation_name, fr.name as from_region_name,
         t.to_organisation_id, tor.name as to_organisation_name, t.to_region_id, trg.name as to_region_name,
         t.status, t.reason_enc, t.basis, t.legal_basis_note_enc, pu.display_name_enc as proposed_by_name_enc, t.proposed_at,
         t.responded_at, t.decline_reason_enc, t.new_file_id,
         coalesce((select json_agg(m.user_id) from case_team_members m
                    where m.file_id = t.file_id and m.member_role = 'coordinator' and m.ended_at is null
                      and m.valid_from <= ${today}::date and (m.valid_until is null or m.valid_until >= ${today}::date)), '[]'::json) as file_coordinator_ids
    from victim_file_transfers t
    join victim_files f on f.id = t.file_id
    join organisations fo on fo.id = t.from_organisation_id
    join regions fr on fr.id = f.region_id
    join organisations tor on tor.id = t.to_organisation_id
    join regions trg on trg.id = t.to_region_id
    left join users pu on pu.id = t.proposed_by`;

function map(r: Record<string, unknown>): TransferRow {
  return { ...(r as unknown as TransferRow), file_exploitation_forms: array(r.file_exploitation_forms), file_coordinator_ids: array(r.file_coordinator_ids) };
}

export async function findTransfer(q: Queryable, id: string, today: string): Promise<TransferRow | undefined> {
  const rows = await run<Record<string, unknown>>(q, sql`${select(today)} where t.id = ${id}`);
  return rows[0] ? map(rows[0]) : undefined;
}

export async function pendingTransferOf(q: Queryable, fileId: string, today: string): Promise<TransferRow | undefined> {
  const rows = await run<Record<string, unknown>>(q, sql`${select(today)} where t.file_id = ${fileId} and t.status = 'pending'`);
  return rows[0] ? map(rows[0]) : undefined;
}

export async function listTransfers(q: Queryable, access: Sql, today: string, options: { statuses?: string[] } = {}): Promise<TransferRow[]> {
  const conditions = [access];
  if (options.statuses?.length) conditions.push(sql`t.status in (${join(options.statuses)})`);
  const rows = await run<Record<string, unknown>>(q, sql`${select(today)} where ${join(conditions, " and ")} order by t.proposed_at desc limit 200`);
  return rows.map(map);
}

export async function insertTransfer(
  tx: Tx,
  t: {
    fileId: string; fromOrganisationId: string; toOrganisationId: string; toRegionId: string; reasonEnc: string; basis: string;
    legalBasisNoteEnc: string | null; proposedBy: string; proposedAt: Date;
  },
): Promise<string> {
  const rows = await run<{ id: string }>(tx, sql`
    insert into victim_file_transfers (file_id, from_organisation_id, to_organisation_id, to_region_id, status, reason_enc, basis,
      legal_basis_note_enc, proposed_by, proposed_at)
    values (${t.fileId}, ${t.fromOrganisationId}, ${t.toOrganisationId}, ${t.toRegionId}, 'pending', ${t.reasonEnc}, ${t.basis},
      ${t.legalBasisNoteEnc}, ${t.proposedBy}, ${t.proposedAt})
    returning id`);
  return rows[0]!.id;
}

export async function closeTransfer(
  tx: Tx,
  id: string,
  t: { status: "accepted" | "declined" | "withdrawn"; by: string; at: Date; declineReasonEnc?: string | null; newFileId?: string | null },
) {
  await run(tx, sql`
    update victim_file_transfers set status = ${t.status}, responded_by = ${t.by}, responded_at = ${t.at},
           decline_reason_enc = ${t.declineReasonEnc ?? null}, new_file_id = ${t.newFileId ?? null}
     where id = ${id}`);
}
