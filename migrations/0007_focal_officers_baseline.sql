-- Focal officers per municipality (Zevenaar 3.2.1 and 4.2.4: at least one, preferably two, one with a safety
-- and one with a social-domain background), each with a substitute; and the baseline checklist for the
-- municipal approach ("basisniveau bestuurlijke aanpak"). Of the checklist only the attested criteria are
-- stored, as an append-only history; the derived ones (a focal officer named, signals in the last year,
-- training coverage) are computed from the data when asked.

-- A user of the municipality with the focal_officer role, named for a domain. Ending an assignment keeps the
-- row (who was focal officer when); at most one current assignment per person and municipality.
create table focal_officer_assignments (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references organisations (id),
  user_id uuid not null references users (id),
  domain text not null check (domain in ('safety', 'social')),
  -- Another focal officer, of this municipality or of one in the same region, who stands in.
  substitute_user_id uuid references users (id),
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  ended_at timestamptz,
  ended_by uuid references users (id),
  check (substitute_user_id is null or substitute_user_id <> user_id),
  check ((ended_at is null) = (ended_by is null))
);
create unique index focal_officer_assignments_current on focal_officer_assignments (municipality_id, user_id) where ended_at is null;
create index focal_officer_assignments_user on focal_officer_assignments (user_id) where ended_at is null;

-- A policy officer's statement that a criterion is (or is not) met, on a day, with a document reference or a
-- note. The latest statement per municipality and criterion counts; earlier ones stay as history.
create table baseline_attestations (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references organisations (id),
  criterion text not null check (criterion in (
    'reporting_route', 'local_policy', 'local_rules', 'prostitution_policy', 'partner_cooperation')),
  met boolean not null,
  attested_on date not null,
  document_reference text check (length(document_reference) between 1 and 300),
  note text check (length(note) between 1 and 2000),
  recorded_by uuid references users (id),
  recorded_at timestamptz not null,
  check (document_reference is not null or note is not null)
);
create index baseline_attestations_latest on baseline_attestations (municipality_id, criterion, attested_on desc, recorded_at desc);
create trigger baseline_attestations_no_update before update or delete on baseline_attestations
  for each row execute function history_row_guard();
