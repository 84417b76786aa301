-- The implementation plan (uitvoeringsplan) of a municipality or a region, as in the Zuid-Limburg plan:
-- numbered action lines, their activities with intended result, responsible and partner organisations,
-- lead time and status, append-only progress notes, and per activity and year the costs and their cover.
-- The plan holds no personal data of signals or victim files; the authors of notes are staff (users).
-- Amounts are whole euros.

create table implementation_plans (
  id uuid primary key default gen_random_uuid(),
  scope text not null check (scope in ('municipality', 'region')),
  -- The municipality that keeps the plan; for a regional plan the region's central municipality.
  owner_organisation_id uuid not null references organisations (id),
  region_id uuid not null references regions (id),
  title text not null,
  description text,
  period_start integer not null check (period_start between 2000 and 2100),
  period_end integer not null check (period_end between 2000 and 2100),
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (period_end >= period_start and period_end - period_start <= 10)
);
create index implementation_plans_owner on implementation_plans (owner_organisation_id);
create index implementation_plans_region on implementation_plans (region_id);

create table plan_action_lines (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references implementation_plans (id),
  number integer not null check (number between 1 and 99),
  title text not null,
  goal text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (plan_id, number)
);

create table plan_activities (
  id uuid primary key default gen_random_uuid(),
  action_line_id uuid not null references plan_action_lines (id),
  plan_id uuid not null references implementation_plans (id),
  number integer not null check (number between 1 and 99),
  title text not null,
  intended_result text,
  responsible_organisation_id uuid not null references organisations (id),
  -- The lead time (doorlooptijd) as dates; 'quarter' when it was given in quarters (2023-Q1 to 2023-Q4).
  starts_on date,
  ends_on date,
  lead_time_unit text not null default 'date' check (lead_time_unit in ('date', 'quarter')),
  status text not null check (status in ('not_started', 'in_progress', 'done', 'postponed', 'cancelled')),
  status_changed_at timestamptz not null,
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (action_line_id, number),
  check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create index plan_activities_plan on plan_activities (plan_id, status, ends_on);

create table plan_activity_partners (
  activity_id uuid not null references plan_activities (id) on delete cascade,
  organisation_id uuid not null references organisations (id),
  primary key (activity_id, organisation_id)
);

-- Costs (lasten) and cover (dekking) of an activity in one year, with where the cover comes from.
create table plan_activity_budgets (
  activity_id uuid not null references plan_activities (id) on delete cascade,
  year integer not null check (year between 2000 and 2100),
  costs bigint not null check (costs >= 0),
  cover bigint not null check (cover >= 0),
  cover_source text check (cover_source in ('decentralisation_grant', 'municipal_budget', 'regional_funds', 'national_subsidy', 'other')),
  cover_note text,
  primary key (activity_id, year),
  check (cover = 0 or cover_source is not null)
);

-- Progress of an activity: notes and status changes, appended and never edited.
create table plan_progress_notes (
  id uuid primary key default gen_random_uuid(),
  activity_id uuid not null references plan_activities (id) on delete cascade,
  kind text not null check (kind in ('note', 'status')),
  noted_on date not null,
  note text,
  status_from text,
  status_to text,
  author_user_id uuid not null references users (id),
  author_organisation_id uuid not null references organisations (id),
  created_at timestamptz not null,
  check ((kind = 'note') = (note is not null)),
  check ((kind = 'status') = (status_to is not null))
);
create index plan_progress_notes_activity on plan_progress_notes (activity_id, created_at);
