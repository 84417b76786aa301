-- Foundation: regions, organisations, users and roles, sessions, the audit trail.
-- Identifying fields of persons are stored encrypted (*_enc, AES-256-GCM envelopes written by the
-- application) and looked up through keyed hashes (*_hash, HMAC-SHA256 of the normalised value).

create table system_settings (
  key text primary key,
  value text not null
);

create table regions (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  created_at timestamptz not null default now()
);

create table organisations (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  type text not null check (type in (
    'municipality', 'care_coordination', 'police', 'public_prosecutor', 'riec', 'zvh',
    'labour_inspectorate', 'tax_office', 'veilig_thuis', 'shelter', 'other_partner')),
  is_central_municipality boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (not is_central_municipality or type = 'municipality')
);

create table region_members (
  region_id uuid not null references regions (id),
  organisation_id uuid not null references organisations (id),
  primary key (region_id, organisation_id)
);
create index region_members_organisation on region_members (organisation_id);

-- OpenID Connect settings of an organisation that logs in through its own identity provider.
create table oidc_providers (
  organisation_id uuid primary key references organisations (id),
  issuer text not null,
  client_id text not null,
  client_secret_enc text not null,
  display_name text not null,
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  email_hash text not null unique,
  email_enc text not null,
  display_name_enc text not null,
  password_hash text,
  totp_secret_enc text,
  totp_enrolled_at timestamptz,
  -- The last accepted TOTP time step: a code is accepted once, never replayed.
  totp_last_step bigint,
  oidc_subject_hash text,
  active boolean not null default true,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organisation_id, oidc_subject_hash)
);
create index users_organisation on users (organisation_id);

-- A role held by a user. An administrator may also hold the role for a whole region (region_id set).
create table user_roles (
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in (
    'reporter', 'focal_officer', 'care_coordinator', 'partner', 'conference_chair',
    'policy_officer', 'privacy_officer', 'administrator')),
  region_id uuid references regions (id),
  check (region_id is null or role = 'administrator')
);
create unique index user_roles_unique on user_roles (user_id, role, coalesce(region_id, '00000000-0000-0000-0000-000000000000'::uuid));

create table recovery_codes (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz
);
create index recovery_codes_user on recovery_codes (user_id);

-- Server-side sessions. Only a hash of the session id is stored, so the table alone opens no session.
create table sessions (
  id_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  stage text not null check (stage in ('second_factor', 'enrolment', 'authenticated')),
  csrf_token text not null,
  pending_totp_secret_enc text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  client_address text
);
create index sessions_user on sessions (user_id);

-- Short-lived state of an OpenID Connect login between the redirect and the callback.
create table oidc_login_states (
  state text primary key,
  organisation_id uuid not null references organisations (id),
  code_verifier text not null,
  nonce text not null,
  created_at timestamptz not null default now()
);

-- The audit trail (NEN 7513). Append-only and hash-chained: each row's hash seals its content and the
-- previous row's hash with a key the database does not hold.
create table audit_events (
  seq bigint generated always as identity primary key,
  id uuid not null unique default gen_random_uuid(),
  occurred_at timestamptz not null,
  actor_user_id uuid,
  actor_label text,
  actor_organisation_id uuid,
  actor_role text,
  on_behalf_of text,
  action text not null,
  object_type text,
  object_id text,
  owner_organisation_id uuid,
  data_subject_ref text,
  purpose text,
  result text not null check (result in ('success', 'denied', 'failure')),
  client_address text,
  details text,
  prev_hash text not null,
  hash text not null
);
create index audit_events_actor on audit_events (actor_user_id, occurred_at);
create index audit_events_subject on audit_events (data_subject_ref, occurred_at);
create index audit_events_actor_org on audit_events (actor_organisation_id, occurred_at);
create index audit_events_owner_org on audit_events (owner_organisation_id, occurred_at);
create index audit_events_time on audit_events (occurred_at);

create function audit_events_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only: % refused', tg_op using errcode = '42501';
end;
$$;

create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function audit_events_refuse_change();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_refuse_change();
