import type { Tx } from "../../kernel/db.ts";

/** One target of a team, with how far the team is as of a day. */
export interface TeamCoverage {
  team: string;
  targetPercent: number;
  dueOn: string;
  staffCount: number;
  trainedCount: number;
  percent: number;
  met: boolean;
}

export interface MunicipalityCoverage {
  municipalityId: string;
  targets: TeamCoverage[];
}

interface CoverageRow {
  municipality_id: string;
  team: string;
  target_percent: number;
  due_on: string;
  staff_count: number;
  trained_count: number | string;
  percent: number | string;
  met: boolean;
}

/**
 * Coverage of every target of the given municipalities as of `asOf` (an ISO date): distinct people of the
 * team who completed or attended a session on or before that day, against the team's staff count. A team
 * with more trained people than staff (people who left) counts as 100%. Municipalities without targets get
 * an empty list, in the order they were asked for.
 */
export async function trainingCoverage(tx: Tx, municipalityIds: readonly string[], asOf: string): Promise<MunicipalityCoverage[]> {
  if (municipalityIds.length === 0) return [];
  const rows = await tx.query<CoverageRow>(
    `select tg.municipality_id, tm.name as team, tg.target_percent, to_char(tg.due_on, 'YYYY-MM-DD') as due_on,
            tm.staff_count, tr.trained as trained_count, cv.percent, cv.percent >= tg.target_percent as met
       from training_targets tg
       join training_teams tm on tm.id = tg.team_id
       left join lateral (
         select count(distinct p.name_hash) as trained
           from training_participants p
           join training_sessions s on s.id = p.session_id
          where p.team_id = tm.id and p.completion in ('completed', 'attended')
            and coalesce(p.completed_on, s.starts_on) <= $2::date
       ) tr on true
       cross join lateral (select least(100, round(1000.0 * tr.trained / tm.staff_count) / 10) as percent) cv
      where tg.municipality_id = any($1::uuid[])
      order by lower(tm.name), tg.due_on`,
    [[...municipalityIds], asOf],
  );
  const byMunicipality = new Map<string, TeamCoverage[]>(municipalityIds.map((id) => [id, []]));
  for (const row of rows) {
    byMunicipality.get(row.municipality_id)?.push({
      team: row.team,
      targetPercent: row.target_percent,
      dueOn: row.due_on,
      staffCount: row.staff_count,
      trainedCount: Number(row.trained_count),
      percent: Number(row.percent),
      met: row.met,
    });
  }
  return [...byMunicipality].map(([municipalityId, targets]) => ({ municipalityId, targets }));
}
