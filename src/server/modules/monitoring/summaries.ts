import sql, { join, raw, type Sql } from "sql-template-tag";
import { run, type Queryable } from "../../kernel/db.ts";
import { defaultDeadlines } from "../signals/deadlines.ts";

/**
 * The monitor's summaries (migration 0011, decision 0012): what it counts about signals, per municipality and
 * received day, and summed over the country per day and per month. The triggers mark a (municipality, day)
 * dirty whenever a record behind its counts changes; `refreshSummaries` recounts those days from the records,
 * in the caller's transaction, before the monitor reads. The counting rules are the ones of the README
 * ("Monitor"); durations are kept in whole hours (rounded), so medians are exact to the hour.
 */

export interface DirtyDay {
  municipality_id: string;
  day: string;
  /** The marks (rows of monitor_dirty_days) seen for the day. */
  ids: string[];
}

/** Days recounted per statement: large enough for a bulk load, small enough to keep each statement's memory modest. */
const BATCH = 4000;

/**
 * Recounts every dirty day, or at most `maxDays` of them (one caller at a time: a transaction-scoped advisory
 * lock). Returns the number of days recounted. A day changed again by a transaction that commits during the
 * recount keeps that change's mark and is recounted next time.
 */
export async function refreshSummaries(q: Queryable, options: { maxDays?: number } = {}): Promise<number> {
  const limit = options.maxDays ?? Number.POSITIVE_INFINITY;
  await q.query("select pg_advisory_xact_lock(7310401)");
  // As for the dashboard (dashboard.service.ts): compiling these statements takes longer than running them.
  await q.query("set local jit = off");
  await q.query("set local work_mem = '64MB'");
  let done = 0;
  let after: { m: string; day: string } | null = null;
  while (done < limit) {
    // In key order (day first, so that each batch adds to few of the country's days and months) from where the
    // previous batch ended: a day that keeps a mark (changed meanwhile) is not taken twice.
    const dirty: DirtyDay[] = await q.query<DirtyDay>(
      `select municipality_id::text, day::text, array_agg(id)::text[] as ids from monitor_dirty_days
        where ($1::date is null or (day, municipality_id) > ($1::date, $2::uuid))
        group by day, municipality_id order by day, municipality_id limit $3`,
      [after?.day ?? null, after?.m ?? null, Math.min(BATCH, limit - done)],
    );
    if (dirty.length === 0) break;
    await recountDays(q, dirty);
    done += dirty.length;
    const last = dirty[dirty.length - 1]!;
    after = { m: last.municipality_id, day: last.day };
  }
  return done;
}

/** Recounts these days and removes the marks the caller saw (not marks written since). */
export async function recountDays(q: Queryable, dirty: readonly DirtyDay[]): Promise<void> {
  const ms = dirty.map((d) => d.municipality_id);
  const days = dirty.map((d) => d.day);
  const marks = dirty.flatMap((d) => d.ids);
  const d = sql`select * from unnest(${ms}::uuid[], ${days}::date[]) as d(municipality_id, day)`;
  // Take the days' old counts out of the country's sums, then count them again from the records and add those.
  await run(q, sql`
    with d as (${d}),
    old as (delete from monitor_day_counts c using d where c.municipality_id = d.municipality_id and c.day = d.day
            returning c.municipality_id, c.day, c.dim, c.key, c.n)
    ${toCountry(sql`old`, -1)}`);
  await run(q, sql`
    with d as (${d}),
    fresh as (insert into monitor_day_counts (municipality_id, day, dim, key, n) ${countDays(sql`d`)}
              returning municipality_id, day, dim, key, n)
    ${toCountry(sql`fresh`, 1)}`);
  await run(q, dropEmptyCountrySums("monitor_country_counts", days));
  await run(q, sql`delete from monitor_dirty_days where id = any(${marks}::bigint[])`);
}

/** Adds (sign 1) or takes out (sign -1) day counts to the country's days and months, with the per-municipality totals. */
function toCountry(rows: ReturnType<typeof sql>, sign: 1 | -1) {
  return sql`,
    agg as (select r.day, r.dim, r.key, sum(r.n)::int as n from ${rows} r group by 1, 2, 3
            union all select r.day, 'municipality', r.municipality_id::text, sum(r.n)::int from ${rows} r where r.dim = 'total' group by 1, 3),
    ${addToCountry("monitor_country_counts", "agg", sign)}
    select (select count(*) from by_day) + (select count(*) from by_month) as n`;
}

export type CountryTable = "monitor_country_counts" | "monitor_care_country_counts";

/**
 * Two CTEs (by_day, by_month) that add (sign 1) or take out (sign -1) the rows (day, dim, key, n) of the relation
 * `rows` to a country table's days and months. Table and relation are fixed names from the code only.
 */
export function addToCountry(table: CountryTable, rows: string, sign: 1 | -1): Sql {
  const t = raw(table);
  return sql`
    by_day as (insert into ${t} (grain, bucket, dim, key, n)
               select 'day', a.day, a.dim, a.key, ${sign}::int * a.n from ${raw(rows)} a
               on conflict (grain, bucket, dim, key) do update set n = ${t}.n + excluded.n
               returning 1),
    by_month as (insert into ${t} (grain, bucket, dim, key, n)
                 select 'month', date_trunc('month', a.day)::date, a.dim, a.key, ${sign}::int * sum(a.n)::int from ${raw(rows)} a group by 2, 3, 4
                 on conflict (grain, bucket, dim, key) do update set n = ${t}.n + excluded.n
                 returning 1)`;
}

/** Removes a country table's sums that came to nothing on these days and in their months, so that it holds only what counts. */
export function dropEmptyCountrySums(table: CountryTable, days: readonly string[]): Sql {
  return sql`
    delete from ${raw(table)} c
     where c.n = 0 and ((c.grain = 'day' and c.bucket = any(${[...days]}::date[]))
        or (c.grain = 'month' and c.bucket in (select distinct date_trunc('month', x)::date from unnest(${[...days]}::date[]) as x)))`;
}

/** Working days (Monday–Friday) before a date since Monday 1 January 1990: differences count working days. */
const weekdaysBefore = (date: string) => `(5 * ((${date} - date '1990-01-01') / 7) + least((${date} - date '1990-01-01') % 7, 5))`;
/** Whole hours between two timestamp columns (fixed names from the code only), rounded. */
const hours = (from: string, to: string) => raw(`round(extract(epoch from (${to} - ${from})) / 3600)::int`);

/**
 * The counts of the given days, from the records, as rows (municipality_id, day, dim, key, n). `days` is a
 * relation (municipality_id, day). A signal counts on the Dutch day it was received; merged duplicates not.
 *
 * - signals: total; source (organisation type, or citizen); team (the label; an employee's signal without one
 *   under team-unknown); form (per form, form-none); group (per indicator group, group-none); informed (closed
 *   signals of employees, and those whose reporter was informed).
 * - referrals (not withdrawn), per partner (`p:<id>`) and per channel (`c:<channel>`): ref.sent, ref.accepted
 *   (accepted or answered), ref.declined, ref.answered, and the hours to the response (ref.respond_h) and to the
 *   feedback (ref.feedback_h) as `<p or c key>:<hours>`.
 * - route steps (a transition out of a status, by the status left): the hours in the status (route.h,
 *   `<status>:<hours>`; every step has them, so the histogram also counts the steps), route.with_deadline and
 *   route.on_time.
 */
export function countDays(days: ReturnType<typeof sql>) {
  const defaults = join(Object.values(defaultDeadlines).map((x) => sql`(${x.urgency}, ${x.assessDays}::int, ${x.feedbackDays}::int, ${x.informDays}::int)`), ", ");
  return sql`
    select x.municipality_id, x.day, x.dim, x.key, count(*)::int as n
      from (
        with s as materialized (
          select s.id, s.municipality_id, dd.day, s.source, s.status, s.urgency, s.exploitation_forms, s.indicator_codes, s.catalogue_id,
                 s.reporter_organisation_id, s.reporter_team_label, s.feedback_to_reporter_enc is not null as has_feedback
            from ${days} dd
            -- Lateral: one range of the (municipality, received) index per day, however many days there are.
            cross join lateral (
              select s.* from signals s
               where s.municipality_id = dd.municipality_id
                 and s.received_at >= (dd.day::timestamp at time zone 'Europe/Amsterdam')
                 and s.received_at < ((dd.day + 1)::timestamp at time zone 'Europe/Amsterdam')
                 and s.outcome is distinct from 'merged'
              offset 0 -- kept a subquery (not pulled up into a join), so that it stays a range scan per day
            ) s
        ),
        ref as (
          select s.municipality_id, s.day, r.organisation_id::text as org, r.channel, r.status,
                 ${hours("r.created_at", "r.responded_at")} as rh, ${hours("r.created_at", "r.feedback_at")} as fh
            from s cross join lateral (select r.* from referrals r where r.signal_id = s.id and r.status <> 'withdrawn' offset 0) r
        ),
        ev as (
          -- Per signal through its own index (signal_id, seq): the moment it entered each status is the previous event's.
          select s.municipality_id, s.day, s.urgency, h.kind, h.from_status, h.occurred_at, h.entered_at
            from s cross join lateral (
              select e.kind, e.from_status, e.occurred_at, lag(e.occurred_at) over (order by e.seq) as entered_at
                from signal_events e where e.signal_id = s.id and e.to_status is not null
            ) h
        ),
        t as (
          select ev.municipality_id, ev.day, ev.from_status as step, ${hours("ev.entered_at", "ev.occurred_at")} as h,
                 (ev.entered_at at time zone 'Europe/Amsterdam')::date as ed,
                 (ev.occurred_at at time zone 'Europe/Amsterdam')::date as xd,
                 case when ev.from_status in ('received', 'recorded', 'enriched') then coalesce(rd.assess_days, dl.assess_days)
                      when ev.from_status in ('assessed', 'referred') then coalesce(rd.feedback_days, dl.feedback_days)
                      when ev.from_status = 'feedback_collected' then coalesce(rd.inform_days, dl.inform_days) end as limit_days
            from ev
            join (values ${defaults}) as dl(urgency, assess_days, feedback_days, inform_days) on dl.urgency = ev.urgency
            left join route_deadlines rd on rd.municipality_id = ev.municipality_id and rd.urgency = ev.urgency
           where ev.kind = 'transition' and ev.entered_at is not null
        ),
        w as (
          select t.*, ${raw(`${weekdaysBefore("(t.xd + 1)")} - ${weekdaysBefore("(t.ed + 1)")}`)} as c,
                 extract(isodow from t.ed) <= 5 as entered_workday, extract(isodow from t.xd) <= 5 as left_workday
            from t
        )
        -- The signals.
        select s.municipality_id, s.day, v.dim, v.key
          from s
          left join organisations o on o.id = s.reporter_organisation_id
          cross join lateral (values
            ('total', ''),
            ('source', case when s.source = 'citizen' then 'citizen' else coalesce(o.type, 'unknown') end),
            (case when s.source = 'citizen' then null when coalesce(s.reporter_team_label, '') = '' then 'team-unknown' else 'team' end, coalesce(s.reporter_team_label, '')),
            (case when cardinality(s.exploitation_forms) = 0 then 'form-none' end, ''),
            (case when cardinality(s.indicator_codes) = 0 then 'group-none' end, ''),
            (case when s.source = 'employee' and s.status = 'closed' then 'informed' end, 'closed'),
            (case when s.source = 'employee' and s.status = 'closed' and s.has_feedback then 'informed' end, 'informed')
          ) as v(dim, key)
         where v.dim is not null
        union all
        select s.municipality_id, s.day, 'form', f.form from s cross join lateral (select distinct unnest(s.exploitation_forms) as form) f
        union all
        select s.municipality_id, s.day, 'group', g.group_code
          from s cross join lateral (select distinct i.group_code from indicators i where i.catalogue_id = s.catalogue_id and i.code = any(s.indicator_codes)) g
         where cardinality(s.indicator_codes) > 0
        -- The referrals, per partner and per channel.
        union all
        select ref.municipality_id, ref.day, v.dim, v.key
          from ref
          cross join lateral (values ('p:' || ref.org), ('c:' || ref.channel)) as k(key)
          cross join lateral (values
            ('ref.sent', k.key),
            (case when ref.status in ('accepted', 'answered') then 'ref.accepted' end, k.key),
            (case when ref.status = 'declined' then 'ref.declined' end, k.key),
            (case when ref.status = 'answered' then 'ref.answered' end, k.key),
            (case when ref.rh is not null then 'ref.respond_h' end, k.key || ':' || ref.rh),
            (case when ref.fh is not null then 'ref.feedback_h' end, k.key || ':' || ref.fh)
          ) as v(dim, key)
         where v.dim is not null
        -- The route steps.
        union all
        select w.municipality_id, w.day, v.dim, v.key
          from w
          cross join lateral (values
            ('route.h', w.step || ':' || w.h),
            (case when w.limit_days is not null then 'route.with_deadline' end, w.step),
            (case when case when w.limit_days = 0 then (case when w.entered_workday then w.xd = w.ed else w.c = 0 or (w.c = 1 and w.left_workday) end)
                            else w.c < w.limit_days or (w.c = w.limit_days and w.left_workday) end
                  then 'route.on_time' end, w.step)
          ) as v(dim, key)
         where v.dim is not null
      ) x
     group by 1, 2, 3, 4`;
}
