-- Monitor summaries: what the monitor counts about signals (the signals themselves, their referrals, their
-- steps through the reporting route and whether the reporter heard back) kept as counts per municipality
-- and received day, so that a region or the whole country is summed from counts instead of re-counted from
-- millions of records (decision 0012).
--
-- Exactness: every change to a signal, its route events or its referrals marks the signal's (municipality,
-- received day) dirty in the same transaction (the triggers below). Before the monitor reads, it recounts
-- the dirty days from the records (summaries.ts); the deadline sweep does the same in the background, so
-- that a read seldom finds much to do.

-- A mark that a day's counts no longer match the records: a row per changing statement, so that writers never
-- wait on each other's marks (many signals of one municipality arrive on the same day). A recount removes the
-- rows it saw, by id; a change that commits while a recount runs keeps its own row and is recounted next time.
-- Indexed by day first: a recount takes the days in order, so that it touches each day of the country's sums once.
create table monitor_dirty_days (
  id bigint generated always as identity primary key,
  day date not null,
  municipality_id uuid not null
);
create index monitor_dirty_days_day on monitor_dirty_days (day, municipality_id);

-- Counts per municipality and received day (Europe/Amsterdam). dim/key say what is counted: e.g.
-- ('source', 'police'), ('route.on_time', 'assessed'); durations are histograms in whole hours, e.g.
-- ('route.h', 'assessed:30') or ('ref.respond_h', 'p:<organisation id>:24').
create table monitor_day_counts (
  municipality_id uuid not null,
  day date not null,
  dim text not null,
  key text not null,
  n integer not null,
  -- With the count in the index: an area's days are read from the index alone (its rows lie scattered in the table).
  primary key (municipality_id, day, dim, key) include (n)
);
-- The yearly table reads only the totals, over up to ten years.
create index monitor_day_counts_totals on monitor_day_counts (municipality_id, day) include (n) where dim = 'total';

-- The same counts summed over all municipalities, per day and per month (the first day of the month), plus
-- ('municipality', <id>) per municipality: the country's dashboard sums whole months and the days at the
-- edges of its period.
create table monitor_country_counts (
  grain text not null check (grain in ('day', 'month')),
  bucket date not null,
  dim text not null,
  key text not null,
  n integer not null,
  primary key (grain, bucket, dim, key) include (n)
);

-- Signals: a new or removed signal, or a change to what the monitor counts of it.
create function monitor_signals_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into monitor_dirty_days (day, municipality_id)
    select distinct (n.received_at at time zone 'Europe/Amsterdam')::date, n.municipality_id from new_rows n;
  elsif tg_op = 'DELETE' then
    insert into monitor_dirty_days (day, municipality_id)
    select distinct (o.received_at at time zone 'Europe/Amsterdam')::date, o.municipality_id from old_rows o;
  else
    insert into monitor_dirty_days (day, municipality_id)
    select distinct (x.received_at at time zone 'Europe/Amsterdam')::date, x.municipality_id
        from old_rows o join new_rows n on n.id = o.id
        cross join lateral (values (o.municipality_id, o.received_at), (n.municipality_id, n.received_at)) x(municipality_id, received_at)
       where (o.municipality_id, o.received_at, o.outcome, o.status, o.source, o.reporter_organisation_id, o.reporter_team_label,
              o.exploitation_forms, o.indicator_codes, o.catalogue_id, o.urgency, o.feedback_to_reporter_enc is null)
             is distinct from
             (n.municipality_id, n.received_at, n.outcome, n.status, n.source, n.reporter_organisation_id, n.reporter_team_label,
              n.exploitation_forms, n.indicator_codes, n.catalogue_id, n.urgency, n.feedback_to_reporter_enc is null);
  end if;
  return null;
end $$;
create trigger monitor_signals_inserted after insert on signals referencing new table as new_rows
  for each statement execute function monitor_signals_changed();
create trigger monitor_signals_updated after update on signals referencing old table as old_rows new table as new_rows
  for each statement execute function monitor_signals_changed();
create trigger monitor_signals_deleted after delete on signals referencing old table as old_rows
  for each statement execute function monitor_signals_changed();

-- Route events (appended only): a step taken changes the route counts of its signal's day.
create function monitor_events_added() returns trigger language plpgsql as $$
begin
  insert into monitor_dirty_days (day, municipality_id)
    select distinct (s.received_at at time zone 'Europe/Amsterdam')::date, s.municipality_id
      from (select distinct e.signal_id from new_rows e where e.to_status is not null) e join signals s on s.id = e.signal_id;
  return null;
end $$;
create trigger monitor_events_inserted after insert on signal_events referencing new table as new_rows
  for each statement execute function monitor_events_added();

-- Referrals: sent, answered, withdrawn or given feedback.
create function monitor_referrals_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    insert into monitor_dirty_days (day, municipality_id)
    select distinct (s.received_at at time zone 'Europe/Amsterdam')::date, s.municipality_id
        from (select distinct r.signal_id from new_rows r) r join signals s on s.id = r.signal_id;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    insert into monitor_dirty_days (day, municipality_id)
    select distinct (s.received_at at time zone 'Europe/Amsterdam')::date, s.municipality_id
        from (select distinct r.signal_id from old_rows r) r join signals s on s.id = r.signal_id;
  end if;
  return null;
end $$;
create trigger monitor_referrals_inserted after insert on referrals referencing new table as new_rows
  for each statement execute function monitor_referrals_changed();
create trigger monitor_referrals_updated after update on referrals referencing old table as old_rows new table as new_rows
  for each statement execute function monitor_referrals_changed();
create trigger monitor_referrals_deleted after delete on referrals referencing old table as old_rows
  for each statement execute function monitor_referrals_changed();

-- A municipality's route deadlines decide which of its steps were on time: all its days are recounted.
create function monitor_deadlines_changed() returns trigger language plpgsql as $$
begin
  insert into monitor_dirty_days (day, municipality_id)
    select distinct (s.received_at at time zone 'Europe/Amsterdam')::date, s.municipality_id
      from signals s where s.municipality_id in (select d.municipality_id from changed_rows d);
  return null;
end $$;
create trigger monitor_deadlines_inserted after insert on route_deadlines referencing new table as changed_rows
  for each statement execute function monitor_deadlines_changed();
create trigger monitor_deadlines_updated after update on route_deadlines referencing new table as changed_rows
  for each statement execute function monitor_deadlines_changed();
create trigger monitor_deadlines_deleted after delete on route_deadlines referencing old table as changed_rows
  for each statement execute function monitor_deadlines_changed();

-- A reporting organisation's type is the source a signal counts under.
create function monitor_organisation_retyped() returns trigger language plpgsql as $$
begin
  insert into monitor_dirty_days (day, municipality_id)
    select distinct (s.received_at at time zone 'Europe/Amsterdam')::date, s.municipality_id
      from signals s
     where s.reporter_organisation_id in (select n.id from old_rows o join new_rows n on n.id = o.id where n.type is distinct from o.type);
  return null;
end $$;
create trigger monitor_organisations_updated after update on organisations referencing old table as old_rows new table as new_rows
  for each statement execute function monitor_organisation_retyped();

-- An indicator's group decides the indicator groups a signal counts under.
create function monitor_indicators_changed() returns trigger language plpgsql as $$
begin
  insert into monitor_dirty_days (day, municipality_id)
    select distinct (s.received_at at time zone 'Europe/Amsterdam')::date, s.municipality_id
      from signals s where s.catalogue_id in (select i.catalogue_id from changed_rows i);
  return null;
end $$;
create trigger monitor_indicators_inserted after insert on indicators referencing new table as changed_rows
  for each statement execute function monitor_indicators_changed();
create trigger monitor_indicators_updated after update on indicators referencing new table as changed_rows
  for each statement execute function monitor_indicators_changed();
create trigger monitor_indicators_deleted after delete on indicators referencing old table as changed_rows
  for each statement execute function monitor_indicators_changed();

-- What is already recorded is counted at the first read (or sweep) after this migration.
insert into monitor_dirty_days (day, municipality_id)
select distinct (s.received_at at time zone 'Europe/Amsterdam')::date, s.municipality_id from signals s;
