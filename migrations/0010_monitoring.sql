-- Monitoring: the figures a region needs to see the size of the problem. The counts themselves are
-- computed in the database from the records (signals, referrals, victim files, …); this migration adds
-- what they cannot give: the counts of years before Ketenzicht (imported, told apart from recorded
-- ones), the suppression threshold for published figures, the team a signal came from as a plain label
-- (organisational, not personal: it lets the figures count per team in SQL), and export jobs with their
-- progress.

-- The team the reporter works in, normalised (trimmed, single spaces), for the count per team. The
-- encrypted reporter_team_enc keeps the text as the reporter typed it.
alter table signals add column reporter_team_label text;

-- Cells of a published table under this number are shown as "<threshold>" (default 5).
alter table regions add column suppression_threshold integer not null default 5
  check (suppression_threshold between 2 and 50);

-- Yearly counts of periods before Ketenzicht, imported from a CSV file (docs/monitoring-historic-figures.md).
-- One figure per area, year and measure; an area is a region or one of its municipalities.
create table monitor_historic_figures (
  id uuid primary key default gen_random_uuid(),
  region_id uuid not null references regions (id),
  -- Null: the figure is the region's own; otherwise the municipality's.
  municipality_id uuid references organisations (id),
  year integer not null check (year between 1990 and 2100),
  measure text not null check (measure in ('signals', 'care_trajectories')),
  count integer not null check (count >= 0),
  source text,
  imported_by uuid not null references users (id),
  imported_at timestamptz not null
);
create unique index monitor_historic_figures_one on monitor_historic_figures
  (region_id, coalesce(municipality_id, '00000000-0000-0000-0000-000000000000'::uuid), year, measure);

-- An export the server composes in the background; the requester polls its progress and downloads the
-- file once. Files expire (the deadline sweep removes them).
create table monitor_exports (
  id uuid primary key default gen_random_uuid(),
  requested_by uuid not null references users (id),
  organisation_id uuid not null references organisations (id),
  report text not null check (report in ('table', 'dashboard', 'annual_report', 'evaluation_report')),
  format text not null check (format in ('csv', 'xlsx', 'pdf')),
  variant text not null check (variant in ('internal', 'published')),
  params jsonb not null default '{}',
  status text not null check (status in ('queued', 'running', 'done', 'failed')),
  progress integer not null default 0 check (progress between 0 and 100),
  step text,
  file bytea,
  file_name text,
  media_type text,
  error_code text,
  created_at timestamptz not null,
  finished_at timestamptz,
  expires_at timestamptz not null
);
create index monitor_exports_requester on monitor_exports (requested_by, created_at desc);
create index monitor_exports_expiry on monitor_exports (expires_at);

-- Counting by period across a whole region or the country.
create index signals_received on signals (received_at);
create index victim_files_opened on victim_files (opened_at);
