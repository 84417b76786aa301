-- The monitor's care sections count the files running at a period's end (opened before it, not closed before
-- it). Over the country, most files were closed long ago; a range on coalesce(closed_at, 'infinity') finds the
-- running ones without reading every file opened before the end (context.ts, fileRunningAt).
create index victim_files_running on victim_files ((coalesce(closed_at, 'infinity'::timestamptz)), opened_at);
