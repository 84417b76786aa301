-- Care coordination (zorgcoördinatie): victim files with their case team, consent per purpose and party,
-- needs and care plan, shelter placements, the residence scheme for victims (B8/3), the trajectory's
-- append-only history, transfers between regions and the CoMensha registration.
-- Identifying content is encrypted (*_enc); codes without identifying value (gender, age group,
-- nationality, forms, statuses, dates) are plain, so the region's figures can be counted in the database.

-- The police unit (politie-eenheid) a region lies in: CoMensha counts registrations per unit.
alter table regions add column police_unit text check (police_unit in (
  'noord_nederland', 'oost_nederland', 'midden_nederland', 'noord_holland', 'amsterdam', 'den_haag',
  'rotterdam', 'zeeland_west_brabant', 'oost_brabant', 'limburg'));

-- Human-readable file numbers per year (e.g. ZT-2026-00042), unique across the country: a file handed
-- over to another region, or a partner on teams of two organisations, never meets two files with one number.
create table victim_file_counters (
  year integer primary key,
  last_number integer not null
);

create table victim_files (
  id uuid primary key default gen_random_uuid(),
  reference text not null,
  -- The care coordination organisation that holds the file, and the region it coordinates care for.
  organisation_id uuid not null references organisations (id),
  region_id uuid not null references regions (id),
  status text not null check (status in ('intake', 'active', 'aftercare', 'closed')),
  closure_reason text check (closure_reason in (
    'goals_reached', 'moved_region', 'returned_to_origin', 'lost_contact', 'declined_help', 'other')),
  -- How the person came to the care coordinator: a referral from the reporting route, or directly.
  source text not null check (source in ('referral', 'police', 'kmar', 'labour_inspectorate', 'fairwork', 'self', 'other')),
  signal_id uuid references signals (id),
  referral_id uuid references referrals (id),
  -- The presumed victim of the referred signal this file is about (one file per person per referral).
  signal_person_id uuid references signal_persons (id),
  transferred_from_id uuid references victim_files (id),
  name_enc text,
  birth_date_enc text,
  phone_enc text,
  contact_enc text,
  -- Keyed hash of name + date of birth (as on signals): "another file or signal concerns this person".
  identity_hash text,
  gender text not null default 'unknown' check (gender in ('female', 'male', 'other', 'unknown')),
  -- The age group when the file was opened (for the figures); minors follow the youth route.
  age_group text not null check (age_group in ('under_18', '18_23', '24_30', '31_40', '41_50', '51_plus', 'unknown')),
  nationality text check (nationality ~ '^[A-Z]{3}$'),
  languages text[] not null default '{}',
  exploitation_forms text[] not null default '{}',
  came_into_view_enc text,
  -- The youth route for minors: Veilig Thuis told, youth care involved, the guardian.
  veilig_thuis_notified_on date,
  youth_care_provider_id uuid references organisations (id),
  guardian_enc text,
  comensha_registered_on date,
  comensha_registered_by uuid references users (id),
  comensha_basis text,
  comensha_number_enc text,
  -- Keyed hashes of the words of name and reference: search without plain text in the database.
  search_tokens text[] not null default '{}',
  opened_at timestamptz not null,
  opened_by uuid references users (id),
  closed_at timestamptz,
  updated_at timestamptz not null,
  row_version integer not null default 1,
  check ((status = 'closed') = (closure_reason is not null)),
  check (source <> 'referral' or referral_id is not null or transferred_from_id is not null),
  unique (reference)
);
create unique index victim_files_one_per_referred_person on victim_files (referral_id, coalesce(signal_person_id, '00000000-0000-0000-0000-000000000000'::uuid))
  where referral_id is not null;
create index victim_files_organisation on victim_files (organisation_id, status);
create index victim_files_region on victim_files (region_id, opened_at);
create index victim_files_referral on victim_files (referral_id);
create index victim_files_identity on victim_files (identity_hash);
create index victim_files_search on victim_files using gin (search_tokens);

-- The case team: the coordinators, and partner users added for one purpose and a period. Only the case
-- team sees the file; a partner sees the parts its purpose needs.
create table case_team_members (
  id uuid primary key default gen_random_uuid(),
  file_id uuid not null references victim_files (id),
  user_id uuid not null references users (id),
  organisation_id uuid not null references organisations (id),
  member_role text not null check (member_role in ('coordinator', 'partner')),
  purpose text check (purpose in ('criminal_investigation', 'shelter', 'care_provision', 'residence_procedure', 'youth_protection')),
  purpose_note_enc text,
  valid_from date not null,
  valid_until date,
  -- What allows the sharing: the coordinator's own organisation, the person's consent, or a legal basis.
  basis text not null check (basis in (
    'coordinator', 'consent', 'vital_interest', 'legal_obligation', 'public_task', 'child_protection', 'criminal_justice_request')),
  legal_basis_note_enc text,
  added_by uuid references users (id),
  added_at timestamptz not null,
  ended_at timestamptz,
  ended_by uuid references users (id),
  end_reason text check (end_reason in ('ended_by_coordinator', 'consent_withdrawn', 'file_closed', 'transferred', 'period_ended')),
  check ((member_role = 'partner') = (purpose is not null)),
  check (member_role = 'coordinator' or valid_until is not null),
  check (valid_until is null or valid_until >= valid_from),
  check ((ended_at is null) = (end_reason is null))
);
create index case_team_members_file on case_team_members (file_id);
create index case_team_members_user on case_team_members (user_id, file_id) where ended_at is null;
create unique index case_team_members_one_active on case_team_members (file_id, user_id) where ended_at is null;

-- Consent per purpose and receiving party, as the person gave, refused or withdrew it. Appended, never
-- edited: the latest record for a purpose and party is the one that counts.
create table consents (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity,
  file_id uuid not null references victim_files (id),
  purpose text not null check (purpose in (
    'criminal_investigation', 'shelter', 'care_provision', 'residence_procedure', 'youth_protection',
    'comensha_registration', 'international_exchange', 'transfer', 'case_conference')),
  party_organisation_id uuid references organisations (id),
  -- A party outside Ketenzicht (CoMensha, an international partner) by name.
  party_name text,
  status text not null check (status in ('given', 'refused', 'withdrawn')),
  decided_on date not null,
  valid_until date,
  recorded_how text not null check (recorded_how in ('written', 'verbal', 'digital', 'via_representative')),
  interpreter_used boolean not null default false,
  note_enc text,
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null,
  check ((party_organisation_id is null) <> (party_name is null)),
  check (valid_until is null or valid_until >= decided_on)
);
create index consents_file on consents (file_id, purpose, seq);

-- Needs per domain, one row per domain that was assessed.
create table victim_needs (
  file_id uuid not null references victim_files (id),
  domain text not null check (domain in (
    'safety', 'shelter_housing', 'medical', 'psychological', 'legal_aid', 'income_benefits', 'health_insurance',
    'residence_status', 'brp_registration', 'daytime_activity', 'children', 'return')),
  status text not null check (status in ('need', 'in_progress', 'met', 'no_need')),
  note_enc text,
  updated_by uuid references users (id),
  updated_at timestamptz not null,
  primary key (file_id, domain)
);

create table care_goals (
  id uuid primary key default gen_random_uuid(),
  file_id uuid not null references victim_files (id),
  domain text not null,
  description_enc text not null,
  target_date date not null,
  status text not null check (status in ('open', 'achieved', 'dropped')),
  achieved_on date,
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index care_goals_file on care_goals (file_id);
create index care_goals_open on care_goals (target_date) where status = 'open';

-- Services by a provider from the region's network, with their period and status.
create table care_services (
  id uuid primary key default gen_random_uuid(),
  file_id uuid not null references victim_files (id),
  domain text not null,
  service_type text not null check (service_type in (
    'shelter', 'medical_care', 'mental_health_care', 'legal_aid', 'interpreter', 'income_support', 'health_insurance',
    'housing', 'daytime_activity', 'education', 'return_support', 'youth_care', 'victim_support', 'other')),
  provider_organisation_id uuid not null references organisations (id),
  description_enc text,
  start_date date not null,
  end_date date,
  status text not null check (status in ('planned', 'active', 'completed', 'cancelled')),
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (end_date is null or end_date >= start_date)
);
create index care_services_file on care_services (file_id);
create index care_services_open on care_services (file_id) where status in ('planned', 'active');

-- Shelter: inflow (admitted), throughflow (on to another place) or outflow (left), per placement.
create table shelter_placements (
  id uuid primary key default gen_random_uuid(),
  file_id uuid not null references victim_files (id),
  shelter_organisation_id uuid not null references organisations (id),
  place_type text not null check (place_type in ('cosm', 'regular', 'crisis', 'youth', 'other')),
  admitted_on date not null,
  left_on date,
  leave_kind text check (leave_kind in ('throughflow', 'outflow')),
  destination text check (destination in ('other_shelter', 'own_housing', 'family', 'returned_to_origin', 'unknown', 'other')),
  note_enc text,
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (left_on is null or left_on >= admitted_on),
  check ((left_on is null) = (leave_kind is null)),
  check ((left_on is null) = (destination is null))
);
create index shelter_placements_file on shelter_placements (file_id);
create index shelter_placements_current on shelter_placements (shelter_organisation_id) where left_on is null;

-- The residence scheme for victims (B8/3 Vreemdelingencirculaire): reflection period and police report.
create table residence_schemes (
  file_id uuid primary key references victim_files (id),
  reflection_offered_on date,
  reflection_ends_on date,
  reflection_ended_early_on date,
  reflection_end_reason text check (reflection_end_reason in ('decided_to_report', 'declined_to_report', 'left', 'other')),
  police_report text not null default 'undecided' check (police_report in ('undecided', 'made', 'declined', 'unable')),
  police_report_on date,
  unable_basis text check (unable_basis in ('threat', 'medical', 'psychological')),
  unable_statement_enc text,
  updated_by uuid references users (id),
  updated_at timestamptz not null,
  check ((reflection_offered_on is null) = (reflection_ends_on is null)),
  check (reflection_ended_early_on is null or reflection_offered_on is not null),
  check ((reflection_ended_early_on is null) = (reflection_end_reason is null)),
  check ((police_report = 'unable') = (unable_basis is not null))
);
create index residence_schemes_reflection on residence_schemes (reflection_ends_on) where reflection_ended_early_on is null;

create table residence_permits (
  id uuid primary key default gen_random_uuid(),
  file_id uuid not null references victim_files (id),
  kind text not null check (kind in ('b8_temporary', 'continued_residence', 'renewal')),
  applied_on date not null,
  decided_on date,
  decision text check (decision in ('granted', 'refused', 'withdrawn')),
  valid_until date,
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((decided_on is null) = (decision is null)),
  check (decided_on is null or decided_on >= applied_on),
  check (valid_until is null or decision = 'granted')
);
create index residence_permits_file on residence_permits (file_id);

-- The file's history: appended, never edited (trigger below).
create table victim_file_events (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity,
  file_id uuid not null references victim_files (id),
  occurred_at timestamptz not null,
  actor_user_id uuid references users (id),
  actor_organisation_id uuid references organisations (id),
  kind text not null,
  from_status text,
  to_status text,
  reason_enc text,
  details jsonb not null default '{}'
);
create index victim_file_events_file on victim_file_events (file_id, seq);

-- History rows are appended, never edited or removed. The one change allowed is re-encryption of their
-- *_enc columns by key rotation (npm run keys:rotate): every other column must stay exactly as it was.
create function history_row_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and
     (to_jsonb(new) - array(select k from jsonb_object_keys(to_jsonb(new)) as k where k like '%\_enc')) =
     (to_jsonb(old) - array(select k from jsonb_object_keys(to_jsonb(old)) as k where k like '%\_enc')) then
    return new;
  end if;
  raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = '42501';
end;
$$;
create trigger victim_file_events_no_update before update or delete on victim_file_events
  for each row execute function history_row_guard();
create trigger consents_no_update before update or delete on consents
  for each row execute function history_row_guard();
-- The reporting route's history follows the same rule, so that key rotation reaches its reasons too.
drop trigger signal_events_no_update on signal_events;
create trigger signal_events_no_update before update or delete on signal_events
  for each row execute function history_row_guard();

-- A file handed over to the care coordinator of another region; the receiver accepts or declines.
create table victim_file_transfers (
  id uuid primary key default gen_random_uuid(),
  file_id uuid not null references victim_files (id),
  from_organisation_id uuid not null references organisations (id),
  to_organisation_id uuid not null references organisations (id),
  to_region_id uuid not null references regions (id),
  status text not null check (status in ('pending', 'accepted', 'declined', 'withdrawn')),
  reason_enc text not null,
  basis text not null check (basis in (
    'consent', 'vital_interest', 'legal_obligation', 'public_task', 'child_protection', 'criminal_justice_request')),
  legal_basis_note_enc text,
  proposed_by uuid not null references users (id),
  proposed_at timestamptz not null,
  responded_by uuid references users (id),
  responded_at timestamptz,
  decline_reason_enc text,
  new_file_id uuid references victim_files (id)
);
create unique index victim_file_transfers_one_pending on victim_file_transfers (file_id) where status = 'pending';
create index victim_file_transfers_to on victim_file_transfers (to_organisation_id, status);

-- The last CoMensha export of a file: its basis is carried into the registration recorded afterwards.
create table comensha_exports (
  id uuid primary key default gen_random_uuid(),
  file_id uuid not null references victim_files (id),
  basis text not null,
  legal_basis_note_enc text,
  exported_by uuid not null references users (id),
  exported_at timestamptz not null
);
create index comensha_exports_file on comensha_exports (file_id, exported_at);

-- Notifications about a victim file name it by its reference only.
alter table notifications add column victim_file_id uuid references victim_files (id);
