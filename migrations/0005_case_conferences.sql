-- Case conferences (casusoverleg, signalenoverleg, ondermijningsoverleg, regiegroep): meetings with invited
-- organisations and their delegates, an agenda of signals and victim files brought in with a question and the
-- part they share, decisions as interventions, action items, and the register of administrative measures
-- against locations and businesses (the barrier approach).
-- What an agenda item shares is kept as an encrypted snapshot taken when it was brought in: the conference
-- sees what was shared then, not the signal or file itself.

create table meeting_counters (
  year integer primary key,
  last_number integer not null
);

create table meetings (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  -- The organisation that holds the meeting (a Zorg- en Veiligheidshuis, the RIEC, a central municipality).
  organisation_id uuid not null references organisations (id),
  region_id uuid not null references regions (id),
  kind text not null check (kind in ('case_conference', 'signal_meeting', 'undermining_meeting', 'regie_group')),
  title text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  location text,
  video_link_enc text,
  chair_user_id uuid references users (id),
  secretary_user_id uuid references users (id),
  status text not null check (status in ('planned', 'in_progress', 'closed', 'cancelled')),
  opened_at timestamptz,
  closed_at timestamptz,
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (ends_at > starts_at)
);
create index meetings_organisation on meetings (organisation_id, starts_at);
create index meetings_region on meetings (region_id, starts_at);

-- Invited organisations, and the people who take part for them. An organisation invited without a named
-- delegate has a row with user_id null; only named delegates see anything of the agenda.
create table meeting_participants (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id),
  organisation_id uuid not null references organisations (id),
  user_id uuid references users (id),
  added_by uuid references users (id),
  added_at timestamptz not null
);
create unique index meeting_participants_delegate on meeting_participants (meeting_id, user_id) where user_id is not null;
create unique index meeting_participants_invited on meeting_participants (meeting_id, organisation_id) where user_id is null;
create index meeting_participants_user on meeting_participants (user_id) where user_id is not null;

create table agenda_items (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id),
  position integer,
  subject_type text not null check (subject_type in ('signal', 'victim_file')),
  signal_id uuid references signals (id),
  victim_file_id uuid references victim_files (id),
  -- The subject's reference (a pseudonym), and the municipality whose focal officer hears what was decided.
  subject_reference text not null,
  municipality_id uuid references organisations (id),
  proposed_by uuid not null references users (id),
  proposer_organisation_id uuid not null references organisations (id),
  proposed_at timestamptz not null,
  question_enc text not null,
  shared_parts text[] not null,
  shared_content_enc text not null,
  -- Why the part may be shared: the municipality's own task for a signal, consent or a legal basis for a file.
  sharing_basis text not null,
  legal_basis_note_enc text,
  status text not null check (status in ('proposed', 'admitted', 'declined', 'withdrawn')),
  decided_by uuid references users (id),
  decided_at timestamptz,
  decline_reason_enc text,
  notes_enc text,
  check ((subject_type = 'signal') = (signal_id is not null)),
  check ((subject_type = 'victim_file') = (victim_file_id is not null))
);
create index agenda_items_meeting on agenda_items (meeting_id, position);
create index agenda_items_signal on agenda_items (signal_id);
create index agenda_items_file on agenda_items (victim_file_id);

create table conference_decisions (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references agenda_items (id),
  kind text not null check (kind in (
    'criminal_investigation', 'inspection', 'bibob_review', 'closure', 'permit_refusal', 'permit_withdrawal',
    'fine_or_order', 'fiscal', 'care', 'no_action')),
  description_enc text not null,
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null
);
create index conference_decisions_item on conference_decisions (item_id);

create table conference_actions (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references agenda_items (id),
  description_enc text not null,
  owner_organisation_id uuid not null references organisations (id),
  owner_user_id uuid references users (id),
  deadline date not null,
  status text not null check (status in ('open', 'done', 'cancelled')),
  result_enc text,
  done_at timestamptz,
  reminded_at timestamptz,
  created_by uuid not null references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index conference_actions_item on conference_actions (item_id);
create index conference_actions_owner on conference_actions (owner_organisation_id, status, deadline);

-- The register of administrative measures a municipality takes against a location or business, with their
-- outcome; matched with the signals about the same place by the same keyed hash (signals.location_hash).
create table administrative_measures (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references organisations (id),
  subject_kind text not null check (subject_kind in ('address', 'business')),
  location_enc text not null,
  location_hash text not null,
  kind text not null check (kind in (
    'housing_inspection', 'prostitution_control', 'inspection', 'bibob_review', 'closure', 'permit_refusal',
    'permit_withdrawal', 'fine_or_order', 'other')),
  decision_id uuid references conference_decisions (id),
  decided_on date not null,
  outcome text not null check (outcome in ('pending', 'no_findings', 'violation_found', 'measure_imposed', 'measure_lifted', 'other')),
  outcome_on date,
  note_enc text,
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((outcome = 'pending') = (outcome_on is null))
);
create index administrative_measures_place on administrative_measures (municipality_id, location_hash);
create index administrative_measures_municipality on administrative_measures (municipality_id, decided_on desc);

alter table notifications add column meeting_id uuid references meetings (id);
