-- Expertise (deskundigheidsbevordering): training offers such as the CCV e-learning and awareness days,
-- sessions of an offer per municipality, the staff who took part, the municipality's teams with their staff
-- count, and the coverage targets a municipality sets per team ("90% of the front office trained by ...").
-- Participants are staff: their names and e-mail addresses are stored encrypted; name_hash (a keyed hash of
-- the normalised name) counts distinct trained people per team and finds duplicates within a session.

create table training_teams (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references organisations (id),
  name text not null check (length(name) between 1 and 120),
  staff_count integer not null check (staff_count between 1 and 100000),
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index training_teams_name on training_teams (municipality_id, lower(name));

create table training_offers (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references organisations (id),
  kind text not null check (kind in ('e_learning', 'theme_day', 'awareness_session', 'campaign')),
  title text not null check (length(title) between 1 and 200),
  provider text,
  description text,
  link text,
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index training_offers_municipality on training_offers (municipality_id, created_at);

create table training_sessions (
  id uuid primary key default gen_random_uuid(),
  offer_id uuid not null references training_offers (id),
  municipality_id uuid not null references organisations (id),
  starts_on date not null,
  ends_on date,
  place text,
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (ends_on is null or ends_on >= starts_on)
);
create index training_sessions_offer on training_sessions (offer_id, starts_on);
create index training_sessions_municipality on training_sessions (municipality_id, starts_on);

create table training_participants (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references training_sessions (id),
  municipality_id uuid not null references organisations (id),
  team_id uuid not null references training_teams (id),
  name_enc text not null,
  name_hash text not null,
  email_enc text,
  completion text not null check (completion in ('completed', 'attended', 'no_show')),
  -- The day the participant finished (an e-learning is finished on one's own day); else the session's date.
  completed_on date,
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index training_participants_person on training_participants (session_id, name_hash);
create index training_participants_team on training_participants (team_id, name_hash);

create table training_targets (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references organisations (id),
  team_id uuid not null references training_teams (id),
  target_percent integer not null check (target_percent between 1 and 100),
  due_on date not null,
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index training_targets_team_due on training_targets (team_id, due_on);
create index training_targets_municipality on training_targets (municipality_id, due_on);
