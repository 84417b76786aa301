import sql, { type Sql } from "sql-template-tag";
import { run, type Queryable } from "../../kernel/db.ts";
import type { CalendarDate } from "../../kernel/dutch-time.ts";
import { addDays } from "./calendar.ts";

/**
 * What a coordinator has to do: reflection periods ending without a decision on the police report,
 * services not started or not ended on time, goals due, consent about to lapse, residence permits about to
 * end without a renewal, minors without the youth route. Computed in the database for the files `scope`
 * selects (alias f), so the overview, a file's page and the reminder sweep all use the same rules.
 */
export const TASK_HORIZON_DAYS = { reflection: 14, goal: 7, consent: 14, permit: 60 } as const;

export interface TaskRow {
  kind: "reflection_ending" | "service_overdue" | "goal_due" | "consent_expiring" | "permit_ending" | "youth_route_missing";
  file_id: string;
  reference: string;
  /** The task's item: the service, goal, consent or permit; the file itself otherwise. */
  item_id: string;
  date: CalendarDate | null;
  overdue: boolean;
  detail: string | null;
}

export async function dueTasks(q: Queryable, scope: Sql, today: CalendarDate): Promise<TaskRow[]> {
  const h = TASK_HORIZON_DAYS;
  const rows = await run<TaskRow>(q, sql`
    with files as (select f.id, f.reference, f.age_group, f.veilig_thuis_notified_on, f.youth_care_provider_id
                     from victim_files f where f.status <> 'closed' and ${scope})
    select 'reflection_ending' as kind, f.id as file_id, f.reference, f.id as item_id, to_char(r.reflection_ends_on, 'YYYY-MM-DD') as date,
           r.reflection_ends_on < ${today}::date as overdue, null as detail
      from files f join residence_schemes r on r.file_id = f.id
     where r.reflection_ended_early_on is null and r.police_report = 'undecided'
       and r.reflection_ends_on <= ${addDays(today, h.reflection)}::date
    union all
    select 'service_overdue', f.id, f.reference, s.id, to_char(case when s.status = 'planned' then s.start_date else s.end_date end, 'YYYY-MM-DD'),
           true, s.service_type
      from files f join care_services s on s.file_id = f.id
     where (s.status = 'planned' and s.start_date < ${today}::date) or (s.status = 'active' and s.end_date < ${today}::date)
    union all
    select 'goal_due', f.id, f.reference, g.id, to_char(g.target_date, 'YYYY-MM-DD'), g.target_date < ${today}::date, g.domain
      from files f join care_goals g on g.file_id = f.id
     where g.status = 'open' and g.target_date <= ${addDays(today, h.goal)}::date
    union all
    select 'consent_expiring', f.id, f.reference, c.id, to_char(c.valid_until, 'YYYY-MM-DD'), false, c.purpose
      from files f join lateral (
             select distinct on (purpose, coalesce(party_organisation_id::text, lower(party_name))) id, purpose, status, valid_until
               from consents where file_id = f.id
              order by purpose, coalesce(party_organisation_id::text, lower(party_name)), seq desc) c on true
     where c.status = 'given' and c.valid_until between ${today}::date and ${addDays(today, h.consent)}::date
    union all
    select 'permit_ending', f.id, f.reference, p.id, to_char(p.valid_until, 'YYYY-MM-DD'), p.valid_until < ${today}::date, p.kind
      from files f join residence_permits p on p.file_id = f.id
     where p.decision = 'granted' and p.valid_until <= ${addDays(today, h.permit)}::date and p.valid_until >= ${addDays(today, -30)}::date
       and not exists (select 1 from residence_permits later where later.file_id = f.id and later.applied_on > p.applied_on)
    union all
    select 'youth_route_missing', f.id, f.reference, f.id, null, true, null
      from files f
     where f.age_group = 'under_18' and f.veilig_thuis_notified_on is null and f.youth_care_provider_id is null
    order by 6 desc, 5 nulls first, 3`);
  return rows.map((r) => ({ ...r, overdue: Boolean(r.overdue) }));
}

export function presentTask(r: TaskRow) {
  return { kind: r.kind, fileId: r.file_id, reference: r.reference, date: r.date, overdue: r.overdue, detail: r.detail };
}
