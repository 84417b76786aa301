import sql, { join, raw, type Sql } from "sql-template-tag";
import { run, type Queryable } from "../../kernel/db.ts";
import { idList, type MonitorContext } from "./context.ts";
import { addDays } from "./period.ts";
import { addToCountry, dropEmptyCountrySums } from "./summaries.ts";
import { countryBuckets, countryRanges, countrySums, oncePerContext } from "./summary-counts.ts";

/**
 * The monitor's care summaries (migration 0013, decision 0012): what it counts about care trajectories, kept as
 * each file's contribution per day and summed per area and day, and for the whole country per day and month.
 * The triggers mark a file dirty whenever it or one of its records changes; `refreshCareSummaries` recounts those
 * files from the records, in the caller's transaction, before the monitor reads.
 *
 * What a file contributes (dim, key), on the Dutch day it happened:
 * - on the day it was opened: started, region (its region id), gender, age, nationality (the code; '' unknown),
 *   form (per form) or form-none; on the day it was closed: closed, closure (the reason);
 * - while it runs (+1 on the day it opened, -1 on the day it closed): active; its needs as recorded now per domain,
 *   gap.need, gap.unserved (a need without a planned or running service) and gap.in_progress; per coordinator on
 *   its team (while both the file and the membership run), coord (the user id);
 * - cancelled (the service type) on the day a service was last changed to cancelled;
 * - shelter.type (the kind of place) and flow/inflow on the day of admission, flow/<leave kind> on the day of
 *   leaving, occupancy (the shelter's id) on the day of admission of a placement that has not ended;
 * - refl.started, refl.ended_early (the reason), police (the decision) on their dates; refl.running while a
 *   reflection period runs (+1 on its first day, -1 on the day after its last).
 */

/** What is a state (summed up to a day), not an event (summed over a period). */
const RUNNING_DIMS = ["active", "gap.need", "gap.unserved", "gap.in_progress", "coord", "refl.running"] as const;
/** Occupied today: summed up to today, whatever the period. */
const TODAY_DIMS = ["occupancy"] as const;

/** Files recounted per statement: a first count after an upgrade goes in portions of this size. */
const BATCH = 5000;

/** A file's Dutch day of a timestamp column (fixed names from the code only). */
const dutchDay = (column: string) => raw(`(${column} at time zone 'Europe/Amsterdam')::date`);

/** The contributions of these files, from the records: rows (file_id, region_id, municipality_id, from_region_id, day, dim, key, n). */
export function countFiles(fileIds: readonly string[]): Sql {
  return sql`
    with f as materialized (
      select f.id, f.region_id, s.municipality_id, pf.region_id as from_region_id, f.opened_at, f.closed_at,
             ${dutchDay("f.opened_at")} as od, ${dutchDay("f.closed_at")} as cd,
             -- Running from its opening to its closing (a file closed the moment it opened never ran).
             (f.closed_at is null or f.closed_at > f.opened_at) as ran,
             f.gender, f.age_group, f.nationality, f.exploitation_forms, f.closure_reason
        from victim_files f
        left join signals s on s.id = f.signal_id
        left join victim_files pf on pf.id = f.transferred_from_id
       where f.id = any(${[...fileIds]}::uuid[])
    ),
    state as (
      select f.id as file_id, 'active' as dim, '' as key from f
      union all
      select n.file_id, case when n.status = 'need' then 'gap.need' else 'gap.in_progress' end, n.domain
        from victim_needs n where n.file_id in (select id from f) and n.status in ('need', 'in_progress')
      union all
      select n.file_id, 'gap.unserved', n.domain
        from victim_needs n
       where n.file_id in (select id from f) and n.status = 'need'
         and not exists (select 1 from care_services cs where cs.file_id = n.file_id and cs.domain = n.domain and cs.status in ('planned', 'active'))
    ),
    coordinators as (
      select m.file_id, m.user_id, greatest(f.opened_at, m.added_at) as since,
             least(coalesce(f.closed_at, 'infinity'::timestamptz), coalesce(m.ended_at, 'infinity'::timestamptz)) as until
        from f join case_team_members m on m.file_id = f.id and m.member_role = 'coordinator'
    ),
    sp as (select sp.* from shelter_placements sp where sp.file_id in (select id from f)),
    rs as (
      select rs.*, least(rs.reflection_ends_on + 1, coalesce(rs.reflection_ended_early_on, 'infinity'::date)) as refl_until
        from residence_schemes rs where rs.file_id in (select id from f)
    ),
    ev (file_id, day, dim, key, n) as (
      select f.id, f.od, v.dim, v.key, 1
        from f cross join lateral (values
          ('started', ''), ('region', f.region_id::text), ('gender', f.gender), ('age', f.age_group), ('nationality', coalesce(f.nationality, '')),
          (case when cardinality(f.exploitation_forms) = 0 then 'form-none' end, '')
        ) as v(dim, key)
       where v.dim is not null
      union all
      select f.id, f.od, 'form', x.form, 1 from f cross join unnest(f.exploitation_forms) as x(form)
      union all
      select f.id, f.cd, v.dim, v.key, 1
        from f cross join lateral (values ('closed', ''), ('closure', coalesce(f.closure_reason, ''))) as v(dim, key)
       where f.closed_at is not null
      union all
      select f.id, f.od, st.dim, st.key, 1 from f join state st on st.file_id = f.id where f.ran
      union all
      select f.id, f.cd, st.dim, st.key, -1 from f join state st on st.file_id = f.id where f.ran and f.closed_at is not null
      union all
      select c.file_id, ${dutchDay("c.since")}, 'coord', c.user_id::text, 1 from coordinators c where c.since < c.until
      union all
      select c.file_id, ${dutchDay("c.until")}, 'coord', c.user_id::text, -1 from coordinators c where c.since < c.until and c.until < 'infinity'::timestamptz
      union all
      select cs.file_id, ${dutchDay("cs.updated_at")}, 'cancelled', cs.service_type, 1
        from care_services cs where cs.file_id in (select id from f) and cs.status = 'cancelled'
      union all
      select sp.file_id, sp.admitted_on, v.dim, v.key, 1
        from sp cross join lateral (values
          ('shelter.type', sp.place_type), ('flow', 'inflow'), (case when sp.left_on is null then 'occupancy' end, sp.shelter_organisation_id::text)
        ) as v(dim, key)
       where v.dim is not null
      union all
      select sp.file_id, sp.left_on, 'flow', coalesce(sp.leave_kind, ''), 1 from sp where sp.left_on is not null
      union all
      select rs.file_id, rs.reflection_offered_on, 'refl.started', '', 1 from rs where rs.reflection_offered_on is not null
      union all
      select rs.file_id, rs.reflection_ended_early_on, 'refl.ended_early', coalesce(rs.reflection_end_reason, ''), 1
        from rs where rs.reflection_ended_early_on is not null
      union all
      select rs.file_id, rs.police_report_on, 'police', rs.police_report, 1
        from rs where rs.police_report in ('made', 'declined', 'unable') and rs.police_report_on is not null
      union all
      select rs.file_id, rs.reflection_offered_on, 'refl.running', '', 1 from rs where rs.refl_until > rs.reflection_offered_on
      union all
      select rs.file_id, rs.refl_until, 'refl.running', '', -1 from rs where rs.refl_until > rs.reflection_offered_on
    )
    select f.id as file_id, f.region_id, f.municipality_id, f.from_region_id, ev.day, ev.dim, ev.key, sum(ev.n)::int as n
      from ev join f on f.id = ev.file_id
     group by f.id, f.region_id, f.municipality_id, f.from_region_id, ev.day, ev.dim, ev.key
    having sum(ev.n) <> 0`;
}

/** Adds (sign 1) or takes out (sign -1) file contributions to the area days and to the country's days and months. */
function toSums(rows: Sql, sign: 1 | -1): Sql {
  return sql`,
    agg as (select r.region_id, r.municipality_id, r.from_region_id, r.day, r.dim, r.key, sum(r.n)::int as n from ${rows} r group by 1, 2, 3, 4, 5, 6),
    units as (insert into monitor_care_counts (region_id, municipality_id, from_region_id, day, dim, key, n)
              select a.region_id, a.municipality_id, a.from_region_id, a.day, a.dim, a.key, ${sign}::int * a.n from agg a
              on conflict (region_id, day, dim, key, municipality_id, from_region_id) do update set n = monitor_care_counts.n + excluded.n
              returning 1),
    country as (select a.day, a.dim, a.key, sum(a.n)::int as n from agg a where a.from_region_id is null group by 1, 2, 3),
    ${addToCountry("monitor_care_country_counts", "country", sign)}
    -- The area days touched (the statements above run whether or not this reads them).
    select distinct a.region_id::text, a.day::text from agg a`;
}

interface DirtyFile {
  file_id: string;
  ids: string[];
}

/**
 * Recounts every dirty file, or at most `maxFiles` of them, under the lock the signal summaries take (one recount
 * at a time). Returns the number of files recounted. A file changed again by a transaction that commits during the
 * recount keeps that change's mark and is recounted next time.
 */
export async function refreshCareSummaries(q: Queryable, options: { maxFiles?: number } = {}): Promise<number> {
  const limit = options.maxFiles ?? Number.POSITIVE_INFINITY;
  await q.query("select pg_advisory_xact_lock(7310401)");
  let done = 0;
  let after: string | null = null;
  while (done < limit) {
    const dirty: DirtyFile[] = await q.query<DirtyFile>(
      `select file_id::text, array_agg(id)::text[] as ids from monitor_dirty_files
        where $1::uuid is null or file_id > $1::uuid
        group by file_id order by file_id limit $2`,
      [after, Math.min(BATCH, limit - done)],
    );
    if (dirty.length === 0) break;
    await recountFiles(q, dirty);
    done += dirty.length;
    after = dirty[dirty.length - 1]!.file_id;
  }
  return done;
}

async function recountFiles(q: Queryable, dirty: readonly DirtyFile[]): Promise<void> {
  const files = dirty.map((d) => d.file_id);
  const touched = [
    ...(await run<{ region_id: string; day: string }>(q, sql`
      with old as (delete from monitor_care_file_counts c where c.file_id = any(${files}::uuid[])
                   returning c.region_id, c.municipality_id, c.from_region_id, c.day, c.dim, c.key, c.n)
      ${toSums(sql`old`, -1)}`)),
    ...(await run<{ region_id: string; day: string }>(q, sql`
      with fresh as (insert into monitor_care_file_counts (file_id, region_id, municipality_id, from_region_id, day, dim, key, n) ${countFiles(files)}
                     returning region_id, municipality_id, from_region_id, day, dim, key, n)
      ${toSums(sql`fresh`, 1)}`)),
  ];
  // Sums that came to nothing are removed (only where something changed), so that the tables hold only what counts.
  const regions = touched.map((t) => t.region_id);
  const days = touched.map((t) => t.day);
  await run(q, sql`
    delete from monitor_care_counts c using unnest(${regions}::uuid[], ${days}::date[]) as t(region_id, day)
     where c.region_id = t.region_id and c.day = t.day and c.n = 0`);
  await run(q, dropEmptyCountrySums("monitor_care_country_counts", days));
  await run(q, sql`delete from monitor_dirty_files where id = any(${dirty.flatMap((d) => d.ids)}::bigint[])`);
}

/** A count of the care summaries: period `p` (0, or 1 for the comparison); for a state, at the end of that period. */
export interface CareCount {
  p: number;
  dim: string;
  key: string;
  n: number;
}

/** The care counts of the context's area and periods, read once per context (the care sections share them). */
export const careCounts = oncePerContext(readCareCounts);

const running = join([...RUNNING_DIMS]);
const today = join([...TODAY_DIMS]);
/**
 * The country's rows of every day up to `to`: the months before the month of the day after it, and the days from
 * there (a state is the sum of every day up to its end).
 */
function countryUpTo(to: string): Sql[] {
  const month = `${addDays(to, 1).slice(0, 7)}-01`;
  return [sql`(c.grain = 'month' and c.bucket < ${month}::date)`, sql`(c.grain = 'day' and c.bucket >= ${month}::date and c.bucket <= ${to}::date)`];
}

/**
 * The area's rows of monitor_care_counts (never the whole country: that has sums of its own). A region counts the
 * files its care coordination holds; a municipality the files that came from its signals. A file taken over from
 * another file counts only when that file lies outside the area (a transfer between two regions of the area is
 * one trajectory, not two), and never for a municipality or the whole country.
 */
function areaRows(ctx: MonitorContext): Sql {
  if (ctx.area.kind === "municipality") {
    return sql`select c.day, c.dim, c.key, c.n from monitor_care_counts c
                where c.municipality_id in ${idList(ctx.area.municipalityIds)} and c.from_region_id is null`;
  }
  return sql`select c.day, c.dim, c.key, c.n from monitor_care_counts c where ${inRegions(ctx.area.regionIds)}`;
}

/** Rows (alias c) of files these regions hold, except those taken over from a file of the same regions. */
function inRegions(regionIds: readonly string[]): Sql {
  const regions = idList(regionIds);
  return sql`c.region_id in ${regions} and (c.from_region_id is null or c.from_region_id not in ${regions})`;
}

async function readCareCounts(q: Queryable, ctx: MonitorContext): Promise<CareCount[]> {
  if (ctx.area.wholeCountry) {
    const events = ctx.periods.flatMap((period, p) => countryRanges(period).map((range) => ({ p, range })));
    const states = ctx.periods.flatMap((period, p) => countryUpTo(period.to).map((range) => ({ p, range })));
    return run<CareCount>(q, sql`
      ${countrySums("monitor_care_country_counts", events, sql`c.dim not in (${running}, ${today})`)}
      union all
      ${countrySums("monitor_care_country_counts", states, sql`c.dim in (${running})`)}
      union all
      ${countrySums("monitor_care_country_counts", countryUpTo(ctx.today).map((range) => ({ p: 0, range })), sql`c.dim in (${today})`)}`);
  }
  // Per period its events, and its states up to its end; occupancy up to today. Each part is one index range.
  const part = (p: number, where: Sql) => sql`select ${p}::int as p, c.dim, c.key, sum(c.n)::int as n from (${areaRows(ctx)}) c where ${where} group by c.dim, c.key`;
  return run<CareCount>(q, join([
    ...ctx.periods.map((period, p) => part(p, sql`c.day between ${period.from}::date and ${period.to}::date and c.dim not in (${running}, ${today})`)),
    ...ctx.periods.map((period, p) => part(p, sql`c.dim in (${running}) and c.day <= ${period.to}::date`)),
    part(0, sql`c.dim in (${today}) and c.day <= ${ctx.today}::date`),
  ], " union all "));
}

/**
 * Care trajectories started per region and calendar year, from `from` to `to` (both included), for the yearly
 * table: of the area's region(s) as a whole (a municipality's region too).
 */
export async function careStartedPerYear(q: Queryable, ctx: MonitorContext, period: { from: string; to: string }): Promise<{ area: string; year: number; n: number }[]> {
  if (ctx.area.wholeCountry) {
    return run(q, sql`
      select c.key as area, extract(year from c.bucket)::int as year, sum(c.n)::int as n
        from monitor_care_country_counts c
       where c.dim = 'region' and ${countryBuckets(period)}
       group by 1, 2`);
  }
  return run(q, sql`
    select c.region_id::text as area, extract(year from c.day)::int as year, sum(c.n)::int as n
      from monitor_care_counts c
     where ${inRegions(ctx.area.regionIds)} and c.dim = 'started' and c.day between ${period.from}::date and ${period.to}::date
     group by 1, 2`);
}
