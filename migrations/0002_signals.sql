-- Signals and the six-step reporting route (Bijlage 1 of the Zevenaar paper): the indicator catalogue,
-- signals with their persons and location, the route's append-only history, enrichments, referrals to
-- partners, deadlines per municipality, notifications and idempotent submits.
-- Identifying content is encrypted (*_enc); exact-match lookups use keyed hashes (*_hash); the free text
-- is searchable only through keyed hashes of its words (search_tokens), never in plain text.

-- The indicator catalogue of a region, versioned: every change publishes a new version and a signal keeps
-- the version it was made with.
create table indicator_catalogues (
  id uuid primary key default gen_random_uuid(),
  region_id uuid not null references regions (id),
  version integer not null check (version > 0),
  published_at timestamptz not null default now(),
  published_by uuid references users (id),
  change_note text not null,
  unique (region_id, version)
);

create table indicators (
  id uuid primary key default gen_random_uuid(),
  catalogue_id uuid not null references indicator_catalogues (id),
  -- Stable across versions: a reworded indicator keeps its code, a retired one is absent from later versions.
  code text not null,
  group_code text not null check (group_code in ('general', 'sexual', 'criminal', 'labour')),
  position integer not null,
  text_nl text not null,
  text_en text not null,
  -- The ILO indicators of forced labour (ilo.ts) this indicator corresponds to.
  ilo_codes text[] not null default '{}',
  unique (catalogue_id, code)
);

-- Route settings per municipality: deadlines in working days per urgency.
create table route_deadlines (
  municipality_id uuid not null references organisations (id),
  urgency text not null check (urgency in ('acute', 'high', 'normal')),
  assess_days integer not null check (assess_days between 0 and 60),
  feedback_days integer not null check (feedback_days between 0 and 120),
  inform_days integer not null check (inform_days between 0 and 60),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, urgency)
);

-- The population register (Haal Centraal BRP Personen API) a municipality's focal officers consult.
create table brp_endpoints (
  municipality_id uuid primary key references organisations (id),
  base_url text not null,
  api_key_enc text,
  updated_at timestamptz not null default now()
);

-- Human-readable signal numbers per municipality and year (e.g. ZEV-2026-00042).
create table signal_counters (
  municipality_id uuid not null references organisations (id),
  year integer not null,
  last_number integer not null,
  primary key (municipality_id, year)
);

create table signals (
  id uuid primary key default gen_random_uuid(),
  reference text not null,
  -- The municipality whose reporting route handles the signal.
  municipality_id uuid not null references organisations (id),
  catalogue_id uuid not null references indicator_catalogues (id),
  source text not null check (source in ('employee', 'citizen')),
  reporter_user_id uuid references users (id),
  reporter_organisation_id uuid references organisations (id),
  reporter_team_enc text,
  reporter_anonymous boolean not null default false,
  status text not null check (status in (
    'received', 'recorded', 'enriched', 'assessed', 'referred', 'feedback_collected', 'reporter_informed', 'closed')),
  urgency text not null check (urgency in ('acute', 'high', 'normal')),
  urgency_assessed boolean not null default false,
  exploitation_forms text[] not null default '{}',
  indicator_codes text[] not null default '{}',
  outcome text check (outcome in (
    'referred_to_care', 'referred_to_investigation', 'administrative_action', 'no_indication',
    'insufficient_information', 'merged')),
  merged_into_id uuid references signals (id),
  observed_on date,
  observed_period_enc text,
  description_enc text not null,
  location_kind text not null check (location_kind in ('address', 'business', 'other', 'none')),
  location_enc text,
  location_hash text,
  -- Keyed hashes of the words of the text, names and location: search without plain text in the database.
  search_tokens text[] not null default '{}',
  feedback_to_reporter_enc text,
  received_at timestamptz not null,
  -- The deadline of the step the signal is waiting for (null when closed).
  due_at timestamptz,
  closed_at timestamptz,
  updated_at timestamptz not null,
  row_version integer not null default 1,
  check ((status = 'closed') = (outcome is not null)),
  check ((outcome = 'merged') = (merged_into_id is not null)),
  unique (municipality_id, reference)
);
create index signals_queue on signals (municipality_id, status, due_at);
create index signals_queue_received on signals (municipality_id, received_at desc);
create index signals_reporter on signals (reporter_user_id, received_at desc);
create index signals_location on signals (location_hash);
create index signals_search on signals using gin (search_tokens);

create table signal_persons (
  id uuid primary key default gen_random_uuid(),
  signal_id uuid not null references signals (id),
  role text not null check (role in ('victim', 'perpetrator')),
  position integer not null,
  name_enc text,
  birth_date_enc text,
  -- Codes without identifying value, kept in plain text for the region's figures.
  gender text check (gender in ('female', 'male', 'other', 'unknown')),
  nationality text check (nationality ~ '^[A-Z]{3}$'),
  phone_enc text,
  description_enc text,
  -- Keyed hash of name + date of birth, for "another signal concerns this person" without showing it.
  identity_hash text
);
create index signal_persons_signal on signal_persons (signal_id);
create index signal_persons_identity on signal_persons (identity_hash);

-- The route's history: appended, never edited (trigger below).
create table signal_events (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity,
  signal_id uuid not null references signals (id),
  occurred_at timestamptz not null,
  actor_user_id uuid references users (id),
  actor_organisation_id uuid references organisations (id),
  kind text not null,
  from_status text,
  to_status text,
  skipped text[] not null default '{}',
  reason_enc text,
  details jsonb not null default '{}'
);
create index signal_events_signal on signal_events (signal_id, seq);

create function signal_events_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'signal_events is append-only: % refused', tg_op using errcode = '42501';
end;
$$;
create trigger signal_events_no_update before update or delete on signal_events
  for each row execute function signal_events_refuse_change();

-- Information gathered in step 2 (enrichment): a BRP lookup or a manual note, with its purpose.
create table signal_enrichments (
  id uuid primary key default gen_random_uuid(),
  signal_id uuid not null references signals (id),
  source text not null check (source in ('brp', 'manual')),
  purpose text not null,
  performed_by uuid not null references users (id),
  performed_at timestamptz not null,
  result_enc text not null
);
create index signal_enrichments_signal on signal_enrichments (signal_id, performed_at);

-- A referral shares one signal with one partner organisation for one purpose; it is what grants access.
create table referrals (
  id uuid primary key default gen_random_uuid(),
  signal_id uuid not null references signals (id),
  organisation_id uuid not null references organisations (id),
  channel text not null check (channel in (
    'care_coordination', 'zvh_signal_meeting', 'local_undermining_meeting', 'riec_case_conference',
    'police', 'labour_inspectorate', 'veilig_thuis')),
  purpose_enc text not null,
  shared_parts text[] not null,
  status text not null check (status in ('open', 'accepted', 'declined', 'answered', 'withdrawn')),
  created_by uuid not null references users (id),
  created_at timestamptz not null,
  due_at timestamptz not null,
  responded_by uuid references users (id),
  responded_at timestamptz,
  decline_reason_enc text,
  feedback_outcome text check (feedback_outcome in (
    'investigation_started', 'care_started', 'administrative_action', 'discussed_no_action',
    'no_indication', 'other')),
  feedback_enc text,
  feedback_by uuid references users (id),
  feedback_at timestamptz,
  reminded_at timestamptz,
  escalated_at timestamptz
);
create unique index referrals_one_per_partner on referrals (signal_id, organisation_id) where status <> 'withdrawn';
create index referrals_partner on referrals (organisation_id, status, due_at);
create index referrals_signal on referrals (signal_id);
create index referrals_overdue on referrals (due_at) where status in ('open', 'accepted');

-- In-app notifications; e-mailed too where SMTP is configured. They name a signal by its reference,
-- never by its content.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  kind text not null,
  signal_id uuid references signals (id),
  referral_id uuid references referrals (id),
  params jsonb not null default '{}',
  created_at timestamptz not null,
  read_at timestamptz,
  emailed_at timestamptz,
  -- Keeps a reminder from being sent twice.
  dedupe_key text,
  unique (user_id, dedupe_key)
);
create index notifications_user on notifications (user_id, created_at desc);
create index notifications_unsent on notifications (created_at) where emailed_at is null;

-- A retried or doubled submit with the same key returns the first signal instead of creating another.
create table idempotency_keys (
  scope text not null,
  key text not null,
  fingerprint text not null,
  signal_id uuid not null references signals (id),
  created_at timestamptz not null,
  primary key (scope, key)
);
