-- The social map (sociale kaart) of a region: organisations in and around it, those with users in Ketenzicht
-- and outside ones (a GP practice, a legal aid office, FairWork, CoMensha, a COSM shelter elsewhere), what each
-- offers for whom, how to reach them, and their contact persons; and the cooperation agreements and covenants
-- with parties on the map, with a reminder to their owners before they lapse.
-- A contact person's name, phone and e-mail are staff data: encrypted like users' names and e-mail addresses.

create table social_map_entries (
  id uuid primary key default gen_random_uuid(),
  region_id uuid not null references regions (id),
  -- Set when the organisation itself uses Ketenzicht: the care and referral pickers then show its offers.
  organisation_id uuid references organisations (id),
  name text not null,
  description text,
  offers text[] not null check (cardinality(offers) > 0 and offers <@ array[
    'shelter', 'cosm', 'legal_aid', 'medical', 'psychological', 'labour_rights', 'return', 'minors',
    'care_coordination', 'exit_programme', 'domestic_violence', 'registration', 'advice_expertise']::text[]),
  age_groups text[] not null check (cardinality(age_groups) > 0 and age_groups <@ array['adults', 'minors']::text[]),
  nationalities text[] not null check (cardinality(nationalities) > 0 and nationalities <@ array['dutch', 'non_dutch']::text[]),
  genders text[] not null check (cardinality(genders) > 0 and genders <@ array['female', 'male', 'other']::text[]),
  phone text,
  email text,
  website text,
  address text,
  opening_hours text,
  active boolean not null default true,
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_by uuid references users (id),
  updated_at timestamptz not null
);
create unique index social_map_entries_name on social_map_entries (region_id, lower(name));
create unique index social_map_entries_organisation on social_map_entries (region_id, organisation_id) where organisation_id is not null;

create table social_map_contacts (
  id uuid primary key default gen_random_uuid(),
  entry_id uuid not null references social_map_entries (id) on delete cascade,
  position integer not null,
  name_enc text not null,
  job_title text,
  phone_enc text,
  email_enc text
);
create index social_map_contacts_entry on social_map_contacts (entry_id, position);

create table cooperation_agreements (
  id uuid primary key default gen_random_uuid(),
  region_id uuid not null references regions (id),
  kind text not null check (kind in ('agreement', 'covenant')),
  title text not null,
  starts_on date not null,
  ends_on date,
  document_reference text,
  note text,
  remind_days_before integer not null default 60 check (remind_days_before between 1 and 365),
  reminded_at timestamptz,
  created_by uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (ends_on is null or ends_on >= starts_on)
);
create index cooperation_agreements_ending on cooperation_agreements (ends_on) where reminded_at is null;

create table cooperation_agreement_parties (
  agreement_id uuid not null references cooperation_agreements (id) on delete cascade,
  entry_id uuid not null references social_map_entries (id),
  primary key (agreement_id, entry_id)
);

create table cooperation_agreement_owners (
  agreement_id uuid not null references cooperation_agreements (id) on delete cascade,
  user_id uuid not null references users (id),
  primary key (agreement_id, user_id)
);
