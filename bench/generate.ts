import type { Kernel } from "../src/server/http/kernel.ts";
import { hashPassword } from "../src/server/modules/accounts/authentication.ts";
import { newTotpSecret } from "../src/server/modules/accounts/second-factor.ts";
import { saveTotp } from "../src/server/modules/accounts/users.repository.ts";
import { currentCatalogue } from "../src/server/modules/indicators/indicators.repository.ts";
import { refreshCareSummaries } from "../src/server/modules/monitoring/care-summaries.ts";
import { refreshSummaries } from "../src/server/modules/monitoring/summaries.ts";
import { referencePrefix } from "../src/server/modules/signals/intake.ts";
import { searchTokens } from "../src/server/modules/signals/search-tokens.ts";

/**
 * A national-scale data set, generated with set-based SQL: regions, municipalities and partners, users,
 * then signals in batches of one `insert … select … from generate_series` statement each (with their
 * persons, referrals and route history in data-modifying CTEs of the same statement). Encrypted columns
 * hold real envelopes: a few hundred texts are encrypted once here and picked in SQL by index.
 */
export const REGIONS = 25;
export const MUNICIPALITIES = 342;
/** The four big cities (municipality index 0–3) receive 10% of all signals between them. */
const BIG_CITY_SHARE = 0.1;
const TEXTS = 400;

/** Words for the text search: COMMON_WORD is in 1 of 25 texts (4% of signals), RARE_WORD in 1 of 400. */
export const COMMON_WORD = "nagelsalon";
export const RARE_WORD = "champignonkwekerij";

export const BENCH_PASSWORD = "Bench-wachtwoord-2026!";

export interface FocalOfficer {
  email: string;
  password: string;
  totpSecret: string;
  municipalityId: string;
  municipalityName: string;
  regionId: string;
}

export interface Generated {
  focal: FocalOfficer;
  /** A policy officer of a national organisation that is a member of every region: the whole country's monitor. */
  national: FocalOfficer;
  seconds: number;
  counts: Record<string, number>;
  focalSignals: number;
}

type Log = (line: string) => void;

/** A small deterministic PRNG, so every run generates the same texts. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syllablesA = ["Aal", "Bre", "Cul", "Dor", "Eem", "Fra", "Gro", "Har", "Ijs", "Kam", "Lee", "Maa", "Noo", "Oos", "Pur", "Ree", "Sta", "Tie", "Uit", "Vee"];
const syllablesB = ["dam", "dorp", "veen", "horst", "wijk", "broek", "meer", "berg", "hoven", "sloot", "heide", "lo", "um", "rade", "zand", "kerk", "hem", "waard"];
const streets = ["Kerkstraat", "Stationsweg", "Dorpsstraat", "Molenweg", "Industrieweg", "Havenkade", "Marktplein", "Schoolstraat", "Beukenlaan", "Nieuweweg"];
const firstNames = ["Anna", "Mohamed", "Olena", "Piotr", "Maria", "Jan", "Fatima", "Andrei", "Sanne", "Kwame", "Lina", "Ionut", "Eva", "Yusuf", "Daria"];
const lastNames = ["Jansen", "Kowalski", "Popescu", "de Vries", "El Amrani", "Nowak", "Bakker", "Ivanova", "Mensah", "Visser", "Horvat", "Yilmaz"];
const places = ["nagelstudio", "massagesalon", "autowasstraat", "kas", "distributiecentrum", "bouwplaats", "restaurant", "vakantiepark", "schoonmaakbedrijf", "woning", "hotel", "champignonteelt"];
const observations = [
  "werken zeven dagen per week en lijken niet vrij te kunnen gaan",
  "slapen op de werkplek en hebben geen eigen sleutel",
  "geven hun loon af aan een tussenpersoon",
  "hebben hun paspoort niet in eigen bezit",
  "worden met een busje gebracht en gehaald",
  "lijken angstig en praten niet met anderen",
  "hebben verwondingen waar geen verklaring voor wordt gegeven",
  "zijn minderjarig en werken 's nachts",
  "betalen een schuld af aan de werkgever",
  "worden steeds door dezelfde man begeleid",
  "hebben geen zorgverzekering en geen huisarts",
  "wisselen vaak van adres binnen de gemeente",
];
const extras = [
  "De melder heeft dit meerdere keren gezien.",
  "Buren hebben eerder geklaagd over overlast en veel wisselende bewoners.",
  "Er staan advertenties online met hetzelfde telefoonnummer.",
  "Het uitzendbureau is onbekend bij de KvK.",
  "De wijkagent is op de hoogte van het adres.",
  "Er is sprake van een schuld voor reis en huisvesting.",
  "De persoon vroeg om hulp maar trok dat later weer in.",
  "Het adres staat ook bekend bij de woningcorporatie.",
];

interface TextRow {
  j: number;
  description_enc: string;
  tokens: string[];
  location_kind: "address" | "business" | "other" | "none";
  location_enc: string | null;
  location_hash: string | null;
  indicator_codes: string[];
  observed_period_enc: string;
  reporter_team_enc: string;
  reporter_team_label: string;
  feedback_enc: string;
  purpose_enc: string;
  reason_enc: string;
  referral_feedback_enc: string;
  victim_name_enc: string;
  victim_birth_enc: string;
  victim_identity_hash: string;
  victim_phone_enc: string;
  perp_name_enc: string;
  perp_description_enc: string;
  gender: string;
  nationality: string;
}

function buildTexts(kernel: Kernel, indicatorCodes: string[]): TextRow[] {
  const c = kernel.crypto;
  const rnd = prng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const rows: TextRow[] = [];
  for (let j = 0; j < TEXTS; j++) {
    const place = pick(places);
    let description = `Bij een ${place} aan de ${pick(streets)} werken ${2 + Math.floor(rnd() * 9)} mensen die ${pick(observations)}. ${pick(extras)} ${pick(extras)}`;
    if (j % 25 === 0) description += ` Het gaat om dezelfde ${COMMON_WORD} als eerder.`;
    if (j === 7) description += ` Ook een ${RARE_WORD} in de buurt is genoemd.`;
    const victimName = `${pick(firstNames)} ${pick(lastNames)}`;
    const perpName = `${pick(firstNames)} ${pick(lastNames)}`;
    const birth = `19${70 + Math.floor(rnd() * 30)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 10)}`;
    const kindRoll = rnd();
    const kind = kindRoll < 0.5 ? "address" : kindRoll < 0.7 ? "business" : kindRoll < 0.8 ? "other" : "none";
    const postcode = `${1000 + Math.floor(rnd() * 8999)}${pick(["AB", "CD", "EF", "GH", "JK", "LM", "NP"])}`;
    const houseNumber = 1 + Math.floor(rnd() * 200);
    const street = pick(streets);
    const city = `${pick(syllablesA)}${pick(syllablesB)}`;
    const kvk = String(10_000_000 + Math.floor(rnd() * 89_999_999));
    const location =
      kind === "address" ? { kind, postcode, houseNumber, street, city }
      : kind === "business" ? { kind, kvkNumber: kvk, name: `${place} ${city}` }
      : kind === "other" ? { kind, description: `parkeerplaats bij de ${place}` }
      : null;
    const locationWords =
      location?.kind === "address" ? [postcode, street, city]
      : location?.kind === "business" ? [kvk, location.name]
      : location?.kind === "other" ? [location.description]
      : [];
    const codes = [...new Set([pick(indicatorCodes), pick(indicatorCodes), pick(indicatorCodes)].slice(0, 1 + Math.floor(rnd() * 3)))];
    const team = pick(["Wijkteam Noord", "Team Handhaving", "Leerplicht", "Schuldhulpverlening", "Team Werk en Inkomen"]);
    rows.push({
      j,
      description_enc: c.encrypt("signals.description", description),
      tokens: searchTokens(c, [description, ...locationWords, victimName, perpName]),
      location_kind: kind,
      location_enc: location ? c.encrypt("signals.location", JSON.stringify(location)) : null,
      location_hash:
        location?.kind === "address" ? c.blindIndex("postcode_house", `${postcode}${houseNumber}`)
        : location?.kind === "business" ? c.blindIndex("kvk", kvk)
        : null,
      indicator_codes: codes,
      observed_period_enc: c.encrypt("signals.observed_period", pick(["sinds enkele weken", "de afgelopen maanden", "elke vrijdagavond", "sinds de zomer"])),
      reporter_team_enc: c.encrypt("signals.reporter_team", team),
      reporter_team_label: team,
      feedback_enc: c.encrypt("signals.feedback_to_reporter", "Dank voor uw melding. Wij hebben die opgepakt met onze ketenpartners."),
      purpose_enc: c.encrypt("referrals.purpose", pick(["Beoordeling strafbare feiten", "Zorg en opvang voor het slachtoffer", "Bespreking in het casusoverleg", "Controle arbeidsomstandigheden"])),
      reason_enc: c.encrypt("signal_events.reason", "Doorverwijzen was niet nodig; direct teruggekoppeld."),
      referral_feedback_enc: c.encrypt("referrals.feedback", pick(["Onderzoek gestart.", "Zorgtraject gestart.", "Besproken, geen actie.", "Geen aanwijzingen gevonden."])),
      victim_name_enc: c.encrypt("signal_persons.name", victimName),
      victim_birth_enc: c.encrypt("signal_persons.birth_date", birth),
      victim_identity_hash: c.blindIndex("name", `${victimName}|${birth}`),
      victim_phone_enc: c.encrypt("signal_persons.phone", `+31 6 ${10_000_000 + Math.floor(rnd() * 89_999_999)}`),
      perp_name_enc: c.encrypt("signal_persons.name", perpName),
      perp_description_enc: c.encrypt("signal_persons.description", pick(["lange man, rijdt een witte bestelbus", "vrouw van middelbare leeftijd, spreekt Engels", "eigenaar van de zaak"])),
      gender: pick(["female", "male", "female", "unknown"]),
      nationality: pick(["NLD", "POL", "ROU", "BGR", "UKR", "NGA", "VNM", "MAR"]),
    });
  }
  return rows;
}

const elapsed = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/** The organisations, users and lookup tables; returns the bench focal officer and the national policy officer. */
async function buildOrganisations(kernel: Kernel, log: Log): Promise<{ focal: FocalOfficer; national: FocalOfficer }> {
  const db = kernel.db;
  const c = kernel.crypto;
  const regionNames = Array.from({ length: REGIONS }, (_, r) => `Benchregio ${String(r + 1).padStart(2, "0")}`);
  const regions = await db.query<{ id: string; name: string }>(
    "insert into regions (name) select unnest($1::text[]) returning id, name",
    [regionNames],
  );
  const regionId = new Map(regions.map((r) => [r.name, r.id]));

  const muniNames = Array.from({ length: MUNICIPALITIES }, (_, m) => `Gemeente ${syllablesA[m % syllablesA.length]}${syllablesB[Math.floor(m / syllablesA.length) % syllablesB.length]}`);
  if (new Set(muniNames).size !== MUNICIPALITIES) throw new Error("municipality names are not unique");
  const partnerTypes = [
    { type: "police", label: "Politie", channel: "police", role: "partner" },
    { type: "care_coordination", label: "Zorgcoördinatie", channel: "care_coordination", role: "care_coordinator" },
    { type: "riec", label: "RIEC", channel: "riec_case_conference", role: "partner" },
    { type: "labour_inspectorate", label: "Arbeidsinspectie", channel: "labour_inspectorate", role: "partner" },
  ] as const;
  const orgs: { name: string; type: string; central: boolean; region: string }[] = [
    ...muniNames.map((name, m) => ({ name, type: "municipality", central: m < REGIONS, region: regionNames[m % REGIONS]! })),
    ...regionNames.flatMap((region) => partnerTypes.map((p) => ({ name: `${p.label} ${region}`, type: p.type, central: false, region }))),
  ];
  const inserted = await db.query<{ id: string; name: string }>(
    `insert into organisations (name, type, is_central_municipality)
     select * from unnest($1::text[], $2::text[], $3::boolean[]) returning id, name`,
    [orgs.map((o) => o.name), orgs.map((o) => o.type), orgs.map((o) => o.central)],
  );
  const orgId = new Map(inserted.map((o) => [o.name, o.id]));
  await db.query(
    "insert into region_members (region_id, organisation_id) select * from unnest($1::uuid[], $2::uuid[])",
    [orgs.map((o) => regionId.get(o.region)), orgs.map((o) => orgId.get(o.name))],
  );

  // Users: a focal officer and a reporter per municipality, one user per partner organisation.
  const users: { email: string; name: string; org: string; roles: string[] }[] = [];
  muniNames.forEach((name, m) => {
    users.push({ email: `aandacht${m}@bench.invalid`, name: `Aandachtsfunctionaris ${m}`, org: orgId.get(name)!, roles: ["focal_officer", "reporter"] });
    users.push({ email: `melder${m}@bench.invalid`, name: `Melder ${m}`, org: orgId.get(name)!, roles: ["reporter"] });
  });
  regionNames.forEach((region, r) => {
    for (const p of partnerTypes) users.push({ email: `${p.type}${r}@bench.invalid`, name: `${p.label} ${r}`, org: orgId.get(`${p.label} ${region}`)!, roles: [p.role] });
  });
  const userRows = await db.query<{ id: string; email_hash: string }>(
    `insert into users (organisation_id, email_hash, email_enc, display_name_enc)
     select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) returning id, email_hash`,
    [
      users.map((u) => u.org),
      users.map((u) => c.blindIndex("email", u.email)),
      users.map((u) => c.encrypt("users.email", u.email)),
      users.map((u) => c.encrypt("users.display_name", u.name)),
    ],
  );
  const userId = new Map(userRows.map((u) => [u.email_hash, u.id]));
  const idOf = (email: string) => userId.get(c.blindIndex("email", email))!;
  const roleRows = users.flatMap((u) => u.roles.map((role) => [idOf(u.email), role] as const));
  await db.query("insert into user_roles (user_id, role) select * from unnest($1::uuid[], $2::text[])", [roleRows.map((r) => r[0]), roleRows.map((r) => r[1])]);

  // The bench's own focal officer of the first big city, with a password and an enrolled TOTP secret.
  const focal: FocalOfficer = {
    email: "bench.aandacht@bench.invalid",
    password: BENCH_PASSWORD,
    totpSecret: newTotpSecret(),
    municipalityId: orgId.get(muniNames[0]!)!,
    municipalityName: muniNames[0]!,
    regionId: regionId.get(regionNames[0]!)!,
  };
  const focalRows = await db.query<{ id: string }>(
    `insert into users (organisation_id, email_hash, email_enc, display_name_enc, password_hash) values ($1, $2, $3, $4, $5) returning id`,
    [focal.municipalityId, c.blindIndex("email", focal.email), c.encrypt("users.email", focal.email), c.encrypt("users.display_name", "Bench Aandacht"), await hashPassword(focal.password)],
  );
  const focalId = focalRows[0]!.id;
  await db.query("insert into user_roles (user_id, role) values ($1, 'focal_officer'), ($1, 'reporter')", [focalId]);
  await saveTotp(db, focalId, c.encrypt("users.totp_secret", focal.totpSecret), new Date(Date.now() - 60_000), 0);

  // A national organisation in every region, with a policy officer: the monitor for the whole country.
  const nationalOrg = (await db.query<{ id: string }>(
    "insert into organisations (name, type) values ('Landelijk programma mensenhandel (bench)', 'other_partner') returning id",
  ))[0]!.id;
  await db.query("insert into region_members (region_id, organisation_id) select id, $1 from regions", [nationalOrg]);
  const national: FocalOfficer = {
    email: "bench.landelijk@bench.invalid",
    password: BENCH_PASSWORD,
    totpSecret: newTotpSecret(),
    municipalityId: nationalOrg,
    municipalityName: "Landelijk programma mensenhandel (bench)",
    regionId: regionId.get(regionNames[0]!)!,
  };
  const nationalId = (await db.query<{ id: string }>(
    `insert into users (organisation_id, email_hash, email_enc, display_name_enc, password_hash) values ($1, $2, $3, $4, $5) returning id`,
    [nationalOrg, c.blindIndex("email", national.email), c.encrypt("users.email", national.email), c.encrypt("users.display_name", "Bench Landelijk"), await hashPassword(national.password)],
  ))[0]!.id;
  await db.query("insert into user_roles (user_id, role) values ($1, 'policy_officer')", [nationalId]);
  await saveTotp(db, nationalId, c.encrypt("users.totp_secret", national.totpSecret), new Date(Date.now() - 60_000), 0);

  // One catalogue (version 1, from the seed) per region.
  const catalogueOf = new Map<string, { id: string; codes: string[] }>();
  for (const region of regions) {
    const cat = await currentCatalogue(db, region.id);
    catalogueOf.set(region.id, { id: cat.id, codes: cat.indicators.map((i) => i.code) });
  }

  // Lookup table for the batches: per municipality index its ids, prefix, users and the region's partners.
  await db.query(`create table bench_muni (
    idx integer primary key, id uuid not null, catalogue_id uuid not null, prefix text not null,
    focal_user uuid not null, reporter_user uuid not null, partner_ids uuid[] not null, partner_users uuid[] not null, channels text[] not null)`);
  const rows = muniNames.map((name, m) => {
    const region = regionNames[m % REGIONS]!;
    return {
      idx: m,
      id: orgId.get(name)!,
      catalogue_id: catalogueOf.get(regionId.get(region)!)!.id,
      prefix: referencePrefix(name),
      focal_user: idOf(`aandacht${m}@bench.invalid`),
      reporter_user: idOf(`melder${m}@bench.invalid`),
      partner_ids: partnerTypes.map((p) => orgId.get(`${p.label} ${region}`)!),
      partner_users: partnerTypes.map((p) => idOf(`${p.type}${m % REGIONS}@bench.invalid`)),
      channels: partnerTypes.map((p) => p.channel),
    };
  });
  await db.query(
    `insert into bench_muni select * from jsonb_to_recordset($1::jsonb)
       as x(idx integer, id uuid, catalogue_id uuid, prefix text, focal_user uuid, reporter_user uuid, partner_ids uuid[], partner_users uuid[], channels text[])`,
    [JSON.stringify(rows)],
  );

  const codes = catalogueOf.values().next().value!.codes;
  const texts = buildTexts(kernel, codes);
  await db.query(`create table bench_texts (
    j integer primary key, description_enc text, tokens text[], location_kind text, location_enc text, location_hash text,
    indicator_codes text[], observed_period_enc text, reporter_team_enc text, reporter_team_label text, feedback_enc text, purpose_enc text, reason_enc text,
    referral_feedback_enc text, victim_name_enc text, victim_birth_enc text, victim_identity_hash text, victim_phone_enc text,
    perp_name_enc text, perp_description_enc text, gender text, nationality text)`);
  await db.query(
    `insert into bench_texts select * from jsonb_to_recordset($1::jsonb) as x(
       j integer, description_enc text, tokens text[], location_kind text, location_enc text, location_hash text,
       indicator_codes text[], observed_period_enc text, reporter_team_enc text, reporter_team_label text, feedback_enc text, purpose_enc text, reason_enc text,
       referral_feedback_enc text, victim_name_enc text, victim_birth_enc text, victim_identity_hash text, victim_phone_enc text,
       perp_name_enc text, perp_description_enc text, gender text, nationality text)`,
    [JSON.stringify(texts)],
  );
  log(`  organisations: ${REGIONS} regions, ${MUNICIPALITIES} municipalities, ${REGIONS * partnerTypes.length} partners, ${users.length + 2} users, ${TEXTS} encrypted texts`);
  return { focal, national };
}

/**
 * One batch: signals i in [from, to) of `total`, spread over five years up to `nowEpoch` (received_at grows
 * with i, so batches follow time and references are numbered in order per municipality and year).
 */
const batchSql = `
with g as materialized (
  select i,
         to_timestamp($4::float8 - 157788000 + ((i + random()) / $3::float8) * 157788000) as received_at,
         random() as r_big, random() as r_muni, random() as r_open, random() as r_status, random() as r_urg,
         random() as r_src, random() as r_a, random() as r_b, random() as r_c
    from generate_series($1::integer, $2::integer - 1) as i
),
d as materialized (
  select g.*,
         case when g.r_big < ${BIG_CITY_SHARE} then floor(g.r_big / ${BIG_CITY_SHARE} * 4)::integer else floor(g.r_muni * ${MUNICIPALITIES})::integer end as m,
         extract(epoch from (to_timestamp($4::float8) - g.received_at)) / 86400 as age_days,
         extract(year from g.received_at at time zone 'UTC')::integer as yr
    from g
),
k as materialized (
  select d.*,
         case when d.r_open < (case when d.age_days < 60 then 0.8 when d.age_days < 365 then 0.05 else 0.005 end)
              then width_bucket(d.r_status, array[0.2, 0.35, 0.5, 0.65, 0.85, 0.93]::float8[])
              else 7 end as st,
         case when d.r_urg < 0.05 then 'acute' when d.r_urg < 0.25 then 'high' else 'normal' end as urgency,
         row_number() over (partition by d.m, d.yr order by d.i) as rn
    from d
),
n as materialized (
  select k.*, bm.id as municipality_id, bm.catalogue_id, bm.prefix, bm.reporter_user, bm.partner_ids, bm.partner_users,
         coalesce(sc.last_number, 0) + k.rn as number,
         (array['received','recorded','enriched','assessed','referred','feedback_collected','reporter_informed','closed'])[k.st + 1] as status,
         -- Closed signals: 45% went through referrals (outcome referred_*), the rest were closed without.
         case when k.st < 7 then null
              when k.r_a < 0.25 then 'referred_to_care' when k.r_a < 0.45 then 'referred_to_investigation'
              when k.r_a < 0.6 then 'administrative_action' when k.r_a < 0.85 then 'no_indication' else 'insufficient_information' end as outcome,
         k.r_src < 0.12 as citizen,
         t.description_enc, t.tokens, t.location_kind, t.location_enc, t.location_hash, t.indicator_codes,
         t.observed_period_enc, t.reporter_team_enc, t.reporter_team_label, t.feedback_enc
    from k
    join bench_muni bm on bm.idx = k.m
    join bench_texts t on t.j = k.i % ${TEXTS}
    left join signal_counters sc on sc.municipality_id = bm.id and sc.year = k.yr
),
counters as (
  insert into signal_counters (municipality_id, year, last_number)
  select municipality_id, yr, max(number) from n group by municipality_id, yr
  on conflict (municipality_id, year) do update set last_number = excluded.last_number
),
s as (
  insert into signals (reference, municipality_id, catalogue_id, source, reporter_user_id, reporter_organisation_id, reporter_team_enc, reporter_team_label,
    reporter_anonymous, status, urgency, urgency_assessed, exploitation_forms, indicator_codes, outcome, observed_on, observed_period_enc,
    description_enc, location_kind, location_enc, location_hash, search_tokens, feedback_to_reporter_enc, received_at, due_at, closed_at,
    updated_at, row_version)
  select n.prefix || '-' || n.yr || '-' || lpad(n.number::text, 5, '0'),
         n.municipality_id, n.catalogue_id,
         case when n.citizen then 'citizen' else 'employee' end,
         case when n.citizen then null when n.r_b < 0.2 then n.partner_users[1 + floor(n.r_c * 4)::integer] else n.reporter_user end,
         case when n.citizen then null when n.r_b < 0.2 then n.partner_ids[1 + floor(n.r_c * 4)::integer] else n.municipality_id end,
         case when not n.citizen and n.r_c < 0.5 then n.reporter_team_enc end,
         case when not n.citizen and n.r_c < 0.5 then n.reporter_team_label end,
         n.citizen or n.r_b > 0.9,
         n.status, n.urgency, n.st >= 3,
         case when n.st >= 3 then string_to_array((array['sexual','labour','criminal','labour,criminal','sexual,criminal','unclear','other'])[1 + floor(n.r_c * 7)::integer], ',') else '{}' end,
         case when n.citizen then '{}' else n.indicator_codes end,
         n.outcome,
         (n.received_at - floor(n.r_a * 14) * interval '1 day')::date,
         case when n.r_b < 0.3 then n.observed_period_enc end,
         n.description_enc, n.location_kind, n.location_enc, n.location_hash, n.tokens,
         case when n.st >= 6 then n.feedback_enc end,
         n.received_at,
         case when n.st = 7 then null
              when n.st <= 2 then n.received_at + (case n.urgency when 'acute' then 1 when 'high' then 3 else 7 end) * interval '1 day'
              when n.st <= 5 then n.received_at + (case n.urgency when 'acute' then 3 when 'high' then 8 else 14 end) * interval '1 day'
              else n.received_at + 21 * interval '1 day' end,
         case when n.st = 7 then least(n.received_at + (5 + floor(n.r_b * 55)) * interval '1 day', to_timestamp($4::float8)) end,
         case when n.st = 7 then least(n.received_at + (5 + floor(n.r_b * 55)) * interval '1 day', to_timestamp($4::float8))
              else least(n.received_at + n.st * interval '1 day', to_timestamp($4::float8)) end,
         case when n.st = 7 then (case when n.outcome like 'referred%' then 8 else 6 end) else n.st + 1 end
    from n
  returning id, municipality_id, status, outcome, received_at, updated_at, source, reporter_user_id, reporter_organisation_id
),
sx as materialized (
  select s.*, uuid_send(s.id) as b,
         s.status in ('referred', 'feedback_collected', 'reporter_informed') or s.outcome like 'referred%' as referred,
         bm.focal_user, bm.partner_ids, bm.partner_users, bm.channels
    from s join bench_muni bm on bm.id = s.municipality_id
),
persons as (
  insert into signal_persons (signal_id, role, position, name_enc, birth_date_enc, gender, nationality, phone_enc, description_enc, identity_hash)
  select sx.id, p.role, 0,
         case when p.role = 'victim' then t.victim_name_enc else t.perp_name_enc end,
         case when p.role = 'victim' then t.victim_birth_enc end,
         case when p.role = 'victim' then t.gender else 'male' end,
         t.nationality,
         case when p.role = 'victim' and get_byte(sx.b, 5) < 64 then t.victim_phone_enc end,
         case when p.role = 'perpetrator' then t.perp_description_enc end,
         case when p.role = 'victim' then t.victim_identity_hash end
    from sx
    join bench_texts t on t.j = (get_byte(sx.b, 4) * 256 + get_byte(sx.b, 5)) % ${TEXTS}
    cross join lateral (
      select 'victim' as role where get_byte(sx.b, 2) < 140
      union all select 'perpetrator' where get_byte(sx.b, 3) < 64
    ) p
),
refs as (
  insert into referrals (signal_id, organisation_id, channel, purpose_enc, shared_parts, status, created_by, created_at, due_at,
    responded_by, responded_at, feedback_outcome, feedback_enc, feedback_by, feedback_at)
  select sx.id, sx.partner_ids[o], sx.channels[o], t.purpose_enc, array['description','indicators','location','victims'],
         case when sx.status = 'referred' then (case when get_byte(sx.b, 7) < 128 then 'open' else 'accepted' end)
              when get_byte(sx.b, 7) < 20 then 'declined' else 'answered' end,
         sx.focal_user, sx.received_at + interval '3 days', sx.received_at + interval '13 days',
         case when sx.status <> 'referred' or get_byte(sx.b, 7) >= 128 then sx.partner_users[o] end,
         case when sx.status <> 'referred' or get_byte(sx.b, 7) >= 128 then sx.received_at + interval '4 days' end,
         case when sx.status <> 'referred' and get_byte(sx.b, 7) >= 20 then (array['investigation_started','care_started','discussed_no_action','no_indication'])[1 + get_byte(sx.b, 8) % 4] end,
         case when sx.status <> 'referred' and get_byte(sx.b, 7) >= 20 then t.referral_feedback_enc end,
         case when sx.status <> 'referred' and get_byte(sx.b, 7) >= 20 then sx.partner_users[o] end,
         case when sx.status <> 'referred' and get_byte(sx.b, 7) >= 20 then sx.received_at + interval '9 days' end
    from sx
    join bench_texts t on t.j = get_byte(sx.b, 1) % ${TEXTS}
    -- 1 to 3 partners (60/30/10%), starting at a random one of the region's four.
    cross join lateral generate_series(0, case when get_byte(sx.b, 0) < 154 then 0 when get_byte(sx.b, 0) < 230 then 1 else 2 end) as x(k)
    cross join lateral (select 1 + (get_byte(sx.b, 6) + x.k) % 4 as o) as po
   where sx.referred
)
insert into signal_events (signal_id, occurred_at, actor_user_id, actor_organisation_id, kind, from_status, to_status, skipped, reason_enc, details)
select sx.id,
       sx.received_at + (sx.updated_at - sx.received_at) * ((p.n - 1)::float8 / greatest(cardinality(pa.path) - 1, 1)),
       case when p.n = 1 then sx.reporter_user_id else sx.focal_user end,
       case when p.n = 1 then sx.reporter_organisation_id else sx.municipality_id end,
       case when p.n = 1 then 'received' else 'transition' end,
       case when p.n = 1 then null else pa.path[p.n - 1] end,
       pa.path[p.n],
       case when pa.path[p.n] = 'reporter_informed' and not sx.referred then array['referred','feedback_collected'] else '{}' end,
       case when pa.path[p.n] = 'reporter_informed' and not sx.referred then t.reason_enc end,
       case when p.n = 1 then jsonb_build_object('source', sx.source) else '{}'::jsonb end
  from sx
  join bench_texts t on t.j = get_byte(sx.b, 1) % ${TEXTS}
  cross join lateral (
    select case
             when sx.status = 'closed' and sx.referred then array['received','recorded','enriched','assessed','referred','feedback_collected','reporter_informed','closed']
             when sx.status = 'closed' then array['received','recorded','enriched','assessed','reporter_informed','closed']
             else (array['received','recorded','enriched','assessed','referred','feedback_collected','reporter_informed'])[1:array_position(array['received','recorded','enriched','assessed','referred','feedback_collected','reporter_informed'], sx.status)]
           end as path
  ) pa
  cross join lateral generate_subscripts(pa.path, 1) as p(n)
`;

/**
 * Care for the monitor, set-based after the signals: a victim file for every presumed victim of a signal that
 * the region's care coordination accepted (about 6.5% of signals), shelter placements for 30% of the files
 * (one shelter per region), reflection periods for 40% of the non-Dutch, needs in three domains per file, and
 * an administrative measure for 1% of the signals with a location. $1 is "now" as epoch seconds.
 */
const careSql = [
  `insert into organisations (name, type) select 'Opvang ' || name, 'shelter' from regions where name like 'Benchregio %'`,
  `insert into region_members (region_id, organisation_id)
     select r.id, o.id from regions r join organisations o on o.name = 'Opvang ' || r.name`,
  `insert into victim_files (reference, organisation_id, region_id, status, closure_reason, source, signal_id, referral_id, signal_person_id,
     name_enc, birth_date_enc, identity_hash, gender, age_group, nationality, languages, exploitation_forms, opened_at, opened_by, closed_at, updated_at)
   select 'ZC-B-' || lpad((row_number() over (order by r.created_at, r.id))::text, 7, '0'),
          r.organisation_id, rm.region_id,
          case when r.created_at < to_timestamp($1::float8) - interval '400 days' then 'closed'
               when get_byte(uuid_send(r.id), 3) < 40 then 'intake' when get_byte(uuid_send(r.id), 3) < 200 then 'active' else 'aftercare' end,
          case when r.created_at < to_timestamp($1::float8) - interval '400 days'
               then (array['goals_reached','moved_region','returned_to_origin','lost_contact','declined_help','other'])[1 + get_byte(uuid_send(r.id), 4) % 6] end,
          'referral', s.id, r.id, p.id, p.name_enc, p.birth_date_enc, p.identity_hash, coalesce(p.gender, 'unknown'),
          (array['under_18','18_23','24_30','31_40','41_50','51_plus','unknown'])[1 + get_byte(uuid_send(r.id), 5) % 7],
          p.nationality, array['en'], s.exploitation_forms,
          r.created_at + interval '1 day', r.responded_by,
          case when r.created_at < to_timestamp($1::float8) - interval '400 days' then r.created_at + interval '300 days' end,
          r.created_at + interval '1 day'
     from referrals r
     join signals s on s.id = r.signal_id
     join signal_persons p on p.signal_id = s.id and p.role = 'victim'
     join region_members rm on rm.organisation_id = r.organisation_id
    where r.channel = 'care_coordination' and r.status in ('accepted', 'answered')`,
  `insert into shelter_placements (file_id, shelter_organisation_id, place_type, admitted_on, left_on, leave_kind, destination, created_at, updated_at)
   select f.id, o.id,
          case when f.nationality <> 'NLD' and get_byte(uuid_send(f.id), 6) < 128 then 'cosm' else 'regular' end,
          (f.opened_at + interval '2 days')::date,
          case when f.status = 'closed' then f.closed_at::date end,
          case when f.status = 'closed' then 'outflow' end,
          case when f.status = 'closed' then 'own_housing' end,
          f.opened_at, f.opened_at
     from victim_files f
     join regions r on r.id = f.region_id
     join organisations o on o.name = 'Opvang ' || r.name
    where get_byte(uuid_send(f.id), 7) < 77`,
  `insert into residence_schemes (file_id, reflection_offered_on, reflection_ends_on, police_report, police_report_on, updated_at)
   select f.id, f.opened_at::date, (f.opened_at + interval '3 months')::date,
          (array['undecided','made','declined'])[1 + get_byte(uuid_send(f.id), 8) % 3],
          case when get_byte(uuid_send(f.id), 8) % 3 = 1 then (f.opened_at + interval '30 days')::date end,
          f.opened_at
     from victim_files f
    where f.nationality <> 'NLD' and get_byte(uuid_send(f.id), 9) < 102`,
  `insert into victim_needs (file_id, domain, status, updated_at)
   select f.id, d.domain,
          (array['need','in_progress','met','no_need'])[1 + (get_byte(uuid_send(f.id), 10) + d.n) % 4],
          f.opened_at
     from victim_files f
     cross join lateral (
       select domain, n from unnest(array['safety','shelter_housing','medical','psychological','legal_aid','income_benefits','residence_status'])
         with ordinality as u(domain, n)
        where (get_byte(uuid_send(f.id), 11) + n) % 7 < 3
     ) d`,
  `insert into administrative_measures (municipality_id, subject_kind, location_enc, location_hash, kind, decided_on, outcome, outcome_on, created_at, updated_at)
   select s.municipality_id, case when s.location_kind = 'business' then 'business' else 'address' end, s.location_enc, s.location_hash,
          (array['housing_inspection','prostitution_control','inspection','bibob_review','closure','permit_refusal'])[1 + get_byte(uuid_send(s.id), 12) % 6],
          (s.received_at + interval '20 days')::date,
          case when s.received_at > to_timestamp($1::float8) - interval '60 days' then 'pending'
               else (array['no_findings','violation_found','measure_imposed'])[1 + get_byte(uuid_send(s.id), 13) % 3] end,
          case when s.received_at > to_timestamp($1::float8) - interval '60 days' then null else (s.received_at + interval '50 days')::date end,
          s.received_at + interval '20 days', s.received_at + interval '20 days'
     from signals s
    where s.location_hash is not null and get_byte(uuid_send(s.id), 14) < 3`,
];

export async function generate(kernel: Kernel, options: { signals: number; batch?: number; log: Log }): Promise<Generated> {
  const { log } = options;
  const batch = options.batch ?? 50_000;
  const start = process.hrtime.bigint();
  const { focal, national } = await buildOrganisations(kernel, log);
  const nowEpoch = Date.now() / 1000 - 3600;
  for (let from = 0; from < options.signals; from += batch) {
    const to = Math.min(options.signals, from + batch);
    const t0 = process.hrtime.bigint();
    await kernel.db.transaction(async (tx) => {
      // Bulk load: the generated rows are consistent by construction, so foreign-key triggers are skipped.
      await tx.query("set local session_replication_role = replica");
      await tx.query(batchSql, [from, to, options.signals, nowEpoch]);
    });
    log(`  signals ${to.toLocaleString("en")} / ${options.signals.toLocaleString("en")}  (batch ${elapsed(t0).toFixed(1)} s, total ${elapsed(start).toFixed(0)} s)`);
  }
  const tc = process.hrtime.bigint();
  await kernel.db.transaction(async (tx) => {
    await tx.query("set local session_replication_role = replica");
    for (const statement of careSql) await tx.query(statement, statement.includes("$1") ? [nowEpoch] : []);
  });
  log(`  care, shelter, reflection periods and measures ${elapsed(tc).toFixed(1)} s`);
  await kernel.db.query("drop table bench_texts");
  await kernel.db.query("drop table bench_muni");
  // The bulk load ran without triggers (replica role), so no day was marked for the monitor's summaries: mark every
  // day with signals, as migration 0011 does for existing data, and count them as the first sweep would.
  const ts = process.hrtime.bigint();
  await kernel.db.query(`insert into monitor_dirty_days (day, municipality_id)
    select distinct (received_at at time zone 'Europe/Amsterdam')::date, municipality_id from signals`);
  let summarised = 0;
  for (let n = -1; n !== 0; summarised += n) n = await kernel.db.transaction((tx) => refreshSummaries(tx, { maxDays: 40_000 }));
  log(`  monitor summaries: ${summarised.toLocaleString("en")} municipality-days counted in ${elapsed(ts).toFixed(1)} s`);
  // The same for care: every file marked, as migration 0013 does for existing files, and counted.
  const tf = process.hrtime.bigint();
  await kernel.db.query("insert into monitor_dirty_files (file_id) select id from victim_files");
  let files = 0;
  for (let n = -1; n !== 0; files += n) n = await kernel.db.transaction((tx) => refreshCareSummaries(tx, { maxFiles: 40_000 }));
  log(`  monitor care summaries: ${files.toLocaleString("en")} files counted in ${elapsed(tf).toFixed(1)} s`);
  const t0 = process.hrtime.bigint();
  // What autovacuum does to a loaded table soon after: statistics and the visibility map.
  await kernel.db.query("vacuum analyze");
  log(`  vacuum analyze ${elapsed(t0).toFixed(1)} s`);
  const counts: Record<string, number> = {};
  for (const table of ["signals", "signal_events", "referrals", "signal_persons", "victim_files", "shelter_placements", "residence_schemes", "victim_needs", "administrative_measures", "users", "organisations"]) {
    const rows = await kernel.db.query<{ n: string | number }>(`select count(*) as n from ${table}`);
    counts[table] = Number(rows[0]!.n);
  }
  const focalRows = await kernel.db.query<{ n: string | number }>("select count(*) as n from signals where municipality_id = $1", [focal.municipalityId]);
  return { focal, national, seconds: elapsed(start), counts, focalSignals: Number(focalRows[0]!.n) };
}
