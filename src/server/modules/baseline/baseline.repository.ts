import sql, { join, raw } from "sql-template-tag";
import { run, type Queryable, type Tx } from "../../kernel/db.ts";
import { isCurrentOfficer } from "../focal-officers/focal-officers.repository.ts";
import type { AttestedCriterion } from "./criteria.ts";

/** The figures behind the derived criteria, and the attestations of the others. */
export interface DerivedRow {
  municipality_id: string;
  signals: number;
  officers: number;
}

/**
 * Per municipality, as of a Dutch calendar day: how many signals it received in the twelve months before
 * (duplicates merged into another signal not counted) and how many focal officers count. Counts only.
 */
export function derivedFigures(q: Queryable, municipalityIds: readonly string[], asOf: string): Promise<DerivedRow[]> {
  if (municipalityIds.length === 0) return Promise.resolve([]);
  return run<DerivedRow>(q, sql`
    select o.id as municipality_id,
           (select count(*)::int from signals s
             where s.municipality_id = o.id and s.outcome is distinct from 'merged'
               and s.received_at >= ((${asOf}::date - interval '12 months')::timestamp at time zone 'Europe/Amsterdam')
               and s.received_at < (((${asOf}::date + 1)::timestamp) at time zone 'Europe/Amsterdam')) as signals,
           (select count(*)::int from focal_officer_assignments fa join users u on u.id = fa.user_id
             where fa.municipality_id = o.id and fa.ended_at is null and ${isCurrentOfficer("u", raw("fa.municipality_id"))}) as officers
      from organisations o
     where o.id in (${join([...municipalityIds])})`);
}

export interface AttestationRow {
  id: string;
  municipality_id: string;
  criterion: AttestedCriterion;
  met: boolean;
  attested_on: string;
  document_reference: string | null;
  note: string | null;
  recorded_by_name_enc: string | null;
  recorded_at: Date;
}

const selectAttestations = sql`
  select a.id, a.municipality_id, a.criterion, a.met, to_char(a.attested_on, 'YYYY-MM-DD') as attested_on, a.document_reference, a.note,
         u.display_name_enc as recorded_by_name_enc, a.recorded_at
    from baseline_attestations a
    left join users u on u.id = a.recorded_by`;

/** The latest attestation per municipality and criterion (by the day attested, then when recorded). */
export function latestAttestations(q: Queryable, municipalityIds: readonly string[]): Promise<AttestationRow[]> {
  if (municipalityIds.length === 0) return Promise.resolve([]);
  return run<AttestationRow>(q, sql`
    select distinct on (x.municipality_id, x.criterion) x.*
      from (${selectAttestations} where a.municipality_id in (${join([...municipalityIds])})) x
     order by x.municipality_id, x.criterion, x.attested_on desc, x.recorded_at desc`);
}

/** Every attestation of a municipality, newest first. */
export function attestationHistory(q: Queryable, municipalityId: string): Promise<AttestationRow[]> {
  return run<AttestationRow>(q, sql`${selectAttestations} where a.municipality_id = ${municipalityId} order by a.attested_on desc, a.recorded_at desc`);
}

export async function insertAttestation(
  tx: Tx,
  a: { municipalityId: string; criterion: AttestedCriterion; met: boolean; attestedOn: string; documentReference: string | null; note: string | null; by: string; at: Date },
): Promise<string> {
  const rows = await run<{ id: string }>(tx, sql`
    insert into baseline_attestations (municipality_id, criterion, met, attested_on, document_reference, note, recorded_by, recorded_at)
    values (${a.municipalityId}, ${a.criterion}, ${a.met}, ${a.attestedOn}::date, ${a.documentReference}, ${a.note}, ${a.by}, ${a.at})
    returning id`);
  return rows[0]!.id;
}
