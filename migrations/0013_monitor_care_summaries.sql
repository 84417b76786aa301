-- Monitor summaries for care (decision 0012): what the monitor counts about care trajectories (victim files,
-- their shelter placements, reflection periods, needs, services and coordinators) kept as counts per day, so
-- that a region or the whole country sums counts instead of re-counting every file.
--
-- Every care record belongs to one file, so a file is the unit of recounting: each file's contribution (what it
-- adds to which day) is kept in monitor_care_file_counts, and the sums per area and day, and for the country per
-- day and month, follow from it. A state "at the end of a period" (running files, occupied places, running
-- reflection periods, a coordinator's files) is kept as +1 on the day it starts and -1 on the day it ends: the
-- state at a day is the sum up to that day.
--
-- Exactness: every change to a file or one of its records marks the file dirty in the same transaction (the
-- triggers below); before the monitor reads, it recounts the dirty files from the records (care-summaries.ts).

-- A mark that a file's contribution no longer matches its records: a row per changing statement (writers never
-- wait on each other), removed by id by the recount that saw it.
create table monitor_dirty_files (
  id bigint generated always as identity primary key,
  file_id uuid not null
);

-- A file's contribution. Where it counts: its region (region_id), the municipality of the signal it came from
-- (municipality_id, null without a signal) and, for a file taken over from another, that file's region
-- (from_region_id, null when not taken over). dim/key say what is counted, e.g. ('started', ''),
-- ('gender', 'female'), ('active', '') with -1 on the day the file was closed.
create table monitor_care_file_counts (
  file_id uuid not null,
  region_id uuid not null,
  municipality_id uuid,
  from_region_id uuid,
  day date not null,
  dim text not null,
  key text not null,
  n integer not null,
  primary key (file_id, day, dim, key)
);

-- The contributions summed per area and day: a region reads its own rows, a municipality the rows of files
-- from its signals that were not taken over.
create table monitor_care_counts (
  region_id uuid not null,
  municipality_id uuid,
  from_region_id uuid,
  day date not null,
  dim text not null,
  key text not null,
  n integer not null
);
create unique index monitor_care_counts_key on monitor_care_counts (region_id, day, dim, key, municipality_id, from_region_id) nulls not distinct;
create index monitor_care_counts_municipality on monitor_care_counts (municipality_id, day) include (dim, key, n) where from_region_id is null;
-- A state at a day sums every day before it: a region reads those of one dim at a time.
create index monitor_care_counts_dim on monitor_care_counts (region_id, dim, day) include (key, n, from_region_id);

-- The whole country (files not taken over from another: a transfer is one trajectory), per day and per month
-- (the first day of the month), as monitor_country_counts is for signals.
create table monitor_care_country_counts (
  grain text not null check (grain in ('day', 'month')),
  bucket date not null,
  dim text not null,
  key text not null,
  n integer not null,
  primary key (grain, bucket, dim, key) include (n)
);
-- A state at a day sums every month before it: by what is counted first, read from the index alone.
create index monitor_care_country_counts_dim on monitor_care_country_counts (dim, grain, bucket) include (key, n);

-- The signal summaries' country sums too: the yearly table reads one dim (per municipality) over ten years.
create index monitor_country_counts_dim on monitor_country_counts (dim, grain, bucket) include (key, n);

-- The files a statement touched, old and new rows alike.
create function monitor_care_mark_files() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    insert into monitor_dirty_files (file_id) select distinct n.file_id from new_rows n;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    insert into monitor_dirty_files (file_id) select distinct o.file_id from old_rows o;
  end if;
  return null;
end $$;

-- Records of a file: placements, reflection periods and police reports, needs, services, the case team. Each
-- table gets the same three triggers (after insert, update and delete of a statement).
do $$
declare
  t text;
begin
  foreach t in array array['shelter_placements', 'residence_schemes', 'victim_needs', 'care_services', 'case_team_members'] loop
    execute format('create trigger %I after insert on %I referencing new table as new_rows
                      for each statement execute function monitor_care_mark_files()', t || '_monitor_inserted', t);
    execute format('create trigger %I after update on %I referencing old table as old_rows new table as new_rows
                      for each statement execute function monitor_care_mark_files()', t || '_monitor_updated', t);
    execute format('create trigger %I after delete on %I referencing old table as old_rows
                      for each statement execute function monitor_care_mark_files()', t || '_monitor_deleted', t);
  end loop;
end $$;

-- The files themselves: a new or removed file, or a change to what the monitor counts of it. A file whose region
-- changes also changes where the files taken over from it count.
create function monitor_care_files_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into monitor_dirty_files (file_id) select n.id from new_rows n;
  elsif tg_op = 'DELETE' then
    insert into monitor_dirty_files (file_id) select o.id from old_rows o;
  else
    insert into monitor_dirty_files (file_id)
    select n.id from old_rows o join new_rows n on n.id = o.id
     where (o.region_id, o.signal_id, o.transferred_from_id, o.opened_at, o.closed_at, o.gender, o.age_group, o.nationality,
            o.exploitation_forms, o.closure_reason)
           is distinct from
           (n.region_id, n.signal_id, n.transferred_from_id, n.opened_at, n.closed_at, n.gender, n.age_group, n.nationality,
            n.exploitation_forms, n.closure_reason)
    union
    select t.id from victim_files t
     where t.transferred_from_id in (select n.id from old_rows o join new_rows n on n.id = o.id where n.region_id is distinct from o.region_id);
  end if;
  return null;
end $$;
create trigger monitor_care_files_inserted after insert on victim_files referencing new table as new_rows
  for each statement execute function monitor_care_files_changed();
create trigger monitor_care_files_updated after update on victim_files referencing old table as old_rows new table as new_rows
  for each statement execute function monitor_care_files_changed();
create trigger monitor_care_files_deleted after delete on victim_files referencing old table as old_rows
  for each statement execute function monitor_care_files_changed();

create index victim_files_signal on victim_files (signal_id);
create index victim_files_transferred_from on victim_files (transferred_from_id) where transferred_from_id is not null;

-- A signal moved to another municipality takes its files' municipality along.
-- Signals change often and move seldom: only a move looks for files (by the index below).
create function monitor_care_signals_moved() returns trigger language plpgsql as $$
begin
  if exists (select 1 from old_rows o join new_rows n on n.id = o.id where n.municipality_id is distinct from o.municipality_id) then
    insert into monitor_dirty_files (file_id)
    select f.id from victim_files f
     where f.signal_id in (select n.id from old_rows o join new_rows n on n.id = o.id where n.municipality_id is distinct from o.municipality_id);
  end if;
  return null;
end $$;
create trigger monitor_care_signals_updated after update on signals referencing old table as old_rows new table as new_rows
  for each statement execute function monitor_care_signals_moved();

-- What is already recorded is counted at the first read (or sweep) after this migration.
insert into monitor_dirty_files (file_id) select id from victim_files;

-- The monitor no longer counts running files from victim_files itself (migration 0012's index was for that).
drop index victim_files_running;
