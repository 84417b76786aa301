import sql, { join, type Sql } from "sql-template-tag";
import { run, type Queryable, type Tx } from "../../kernel/db.ts";
import type { MeasureKind, MeasureOutcome } from "./codes.ts";

/** The register of administrative measures against locations and businesses, and the signals about a place. */
export interface MeasureRow {
  id: string;
  municipality_id: string;
  municipality_name: string;
  subject_kind: "address" | "business";
  location_enc: string;
  location_hash: string;
  kind: MeasureKind;
  decision_id: string | null;
  meeting_reference: string | null;
  decided_on: string;
  outcome: MeasureOutcome;
  outcome_on: string | null;
  note_enc: string | null;
  created_at: Date;
}

const select = sql`
  select am.id, am.municipality_id, o.name as municipality_name, am.subject_kind, am.location_enc, am.location_hash, am.kind,
         am.decision_id, m.reference as meeting_reference, to_char(am.decided_on, 'YYYY-MM-DD') as decided_on, am.outcome,
         to_char(am.outcome_on, 'YYYY-MM-DD') as outcome_on, am.note_enc, am.created_at
    from administrative_measures am
    join organisations o on o.id = am.municipality_id
    left join conference_decisions d on d.id = am.decision_id
    left join agenda_items ai on ai.id = d.item_id
    left join meetings m on m.id = ai.meeting_id`;

export async function findMeasure(q: Queryable, id: string): Promise<MeasureRow | undefined> {
  return (await run<MeasureRow>(q, sql`${select} where am.id = ${id}`))[0];
}

export async function listMeasures(
  q: Queryable,
  options: { access: Sql; locationHash?: string; outcome?: MeasureOutcome; limit: number; offset: number },
): Promise<{ rows: MeasureRow[]; total: number }> {
  const conditions: Sql[] = [options.access];
  if (options.locationHash) conditions.push(sql`am.location_hash = ${options.locationHash}`);
  if (options.outcome) conditions.push(sql`am.outcome = ${options.outcome}`);
  const where = join(conditions, " and ");
  const rows = await run<MeasureRow>(q, sql`${select} where ${where} order by am.decided_on desc, am.created_at desc limit ${options.limit} offset ${options.offset}`);
  const count = await run<{ n: number }>(q, sql`select count(*)::int as n from administrative_measures am where ${where}`);
  return { rows, total: count[0]?.n ?? 0 };
}

export async function insertMeasure(
  tx: Tx,
  m: {
    municipalityId: string; subjectKind: "address" | "business"; locationEnc: string; locationHash: string; kind: MeasureKind; decisionId: string | null;
    decidedOn: string; outcome: MeasureOutcome; outcomeOn: string | null; noteEnc: string | null; by: string; at: Date;
  },
): Promise<string> {
  const rows = await run<{ id: string }>(tx, sql`
    insert into administrative_measures (municipality_id, subject_kind, location_enc, location_hash, kind, decision_id, decided_on, outcome,
      outcome_on, note_enc, created_by, created_at, updated_at)
    values (${m.municipalityId}, ${m.subjectKind}, ${m.locationEnc}, ${m.locationHash}, ${m.kind}, ${m.decisionId}, ${m.decidedOn}::date, ${m.outcome},
      ${m.outcomeOn}::date, ${m.noteEnc}, ${m.by}, ${m.at}, ${m.at})
    returning id`);
  return rows[0]!.id;
}

export async function updateMeasure(tx: Tx, id: string, m: { outcome: MeasureOutcome; outcomeOn: string | null; noteEnc: string | null; at: Date }) {
  await run(tx, sql`
    update administrative_measures set outcome = ${m.outcome}, outcome_on = ${m.outcomeOn}::date, note_enc = ${m.noteEnc}, updated_at = ${m.at}
     where id = ${id}`);
}

/** The signals of one municipality about the same address or business (the same keyed hash). */
export function signalsAt(q: Queryable, municipalityId: string, locationHash: string) {
  return run<{ id: string; reference: string; status: string; received_at: Date; exploitation_forms: unknown }>(q, sql`
    select s.id, s.reference, s.status, s.received_at, s.exploitation_forms
      from signals s where s.municipality_id = ${municipalityId} and s.location_hash = ${locationHash}
     order by s.received_at desc limit 200`);
}
