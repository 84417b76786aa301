import sql, { type Sql } from "sql-template-tag";
import { run, type Queryable, type Tx } from "../../kernel/db.ts";
import type { Completion, OfferKind } from "./codes.ts";

/** The only place with SQL on the training tables. Dates come back as ISO strings. */
export interface TeamRow { id: string; municipality_id: string; name: string; staff_count: number }
export interface OfferRow {
  id: string; municipality_id: string; municipality_name: string; kind: OfferKind; title: string; provider: string | null;
  description: string | null; link: string | null; session_count: number; participant_count: number;
}
export interface SessionRow {
  id: string; offer_id: string; municipality_id: string; municipality_name: string; starts_on: string; ends_on: string | null; place: string | null;
  participant_count: number; trained_count: number; offer_kind: OfferKind; offer_title: string; offer_provider: string | null;
}
export interface ParticipantRow {
  id: string; session_id: string; municipality_id: string; team_id: string; team: string; name_enc: string; name_hash: string;
  email_enc: string | null; completion: Completion; completed_on: string | null; created_at: Date;
}
export interface TargetRow { id: string; municipality_id: string; team_id: string; team: string; target_percent: number; due_on: string }

export async function municipalityOf(q: Queryable, id: string): Promise<{ id: string; name: string; regionIds: string[] } | undefined> {
  const rows = await run<{ id: string; name: string; region_ids: string[] | null }>(q, sql`
    select o.id, o.name, array(select rm.region_id::text from region_members rm where rm.organisation_id = o.id) as region_ids
      from organisations o where o.id = ${id} and o.type = 'municipality'`);
  const row = rows[0];
  return row ? { id: row.id, name: row.name, regionIds: row.region_ids ?? [] } : undefined;
}

/** Municipalities (as rows with a municipality_id column, aliased m) the access filter lets through. */
export function listMunicipalities(q: Queryable, access: Sql) {
  return run<{ municipality_id: string; name: string; region_ids: string[] }>(q, sql`
    select m.municipality_id, m.name, m.region_ids from (
      select o.id as municipality_id, o.name, array(select rm.region_id::text from region_members rm where rm.organisation_id = o.id) as region_ids
        from organisations o where o.type = 'municipality' and o.active) m
     where ${access} order by m.name`);
}

// Teams.
export const listTeams = (q: Queryable, municipalityId: string) =>
  run<TeamRow>(q, sql`select id, municipality_id, name, staff_count from training_teams where municipality_id = ${municipalityId} order by lower(name)`);
export const findTeam = async (q: Queryable, id: string) =>
  (await run<TeamRow>(q, sql`select id, municipality_id, name, staff_count from training_teams where id = ${id}`))[0];
export const teamNamed = async (q: Queryable, municipalityId: string, name: string, exceptId: string | null) =>
  (await run<{ id: string }>(q, sql`select id from training_teams where municipality_id = ${municipalityId} and lower(name) = lower(${name})
    and (${exceptId}::uuid is null or id <> ${exceptId}::uuid)`))[0];
export async function insertTeam(tx: Tx, t: { municipalityId: string; name: string; staffCount: number; by: string; at: Date }) {
  return (await run<{ id: string }>(tx, sql`insert into training_teams (municipality_id, name, staff_count, created_by, created_at, updated_at)
    values (${t.municipalityId}, ${t.name}, ${t.staffCount}, ${t.by}, ${t.at}, ${t.at}) returning id`))[0]!.id;
}
export const updateTeam = (tx: Tx, id: string, t: { name: string; staffCount: number; at: Date }) =>
  run(tx, sql`update training_teams set name = ${t.name}, staff_count = ${t.staffCount}, updated_at = ${t.at} where id = ${id}`);

// Offers.
const offerSelect = sql`
  select f.id, f.municipality_id, o.name as municipality_name, f.kind, f.title, f.provider, f.description, f.link,
         (select count(*)::int from training_sessions s where s.offer_id = f.id) as session_count,
         (select count(*)::int from training_participants p join training_sessions s on s.id = p.session_id where s.offer_id = f.id) as participant_count
    from training_offers f join organisations o on o.id = f.municipality_id`;
export const listOffers = (q: Queryable, municipalityId: string) =>
  run<OfferRow>(q, sql`${offerSelect} where f.municipality_id = ${municipalityId} order by f.created_at desc`);
export const findOffer = async (q: Queryable, id: string) => (await run<OfferRow>(q, sql`${offerSelect} where f.id = ${id}`))[0];
export async function insertOffer(tx: Tx, f: {
  municipalityId: string; kind: OfferKind; title: string; provider: string | null; description: string | null; link: string | null; by: string; at: Date;
}) {
  return (await run<{ id: string }>(tx, sql`insert into training_offers (municipality_id, kind, title, provider, description, link, created_by, created_at, updated_at)
    values (${f.municipalityId}, ${f.kind}, ${f.title}, ${f.provider}, ${f.description}, ${f.link}, ${f.by}, ${f.at}, ${f.at}) returning id`))[0]!.id;
}
export const updateOffer = (tx: Tx, id: string, f: { kind: OfferKind; title: string; provider: string | null; description: string | null; link: string | null; at: Date }) =>
  run(tx, sql`update training_offers set kind = ${f.kind}, title = ${f.title}, provider = ${f.provider}, description = ${f.description}, link = ${f.link},
    updated_at = ${f.at} where id = ${id}`);

// Sessions.
const sessionSelect = sql`
  select s.id, s.offer_id, s.municipality_id, o.name as municipality_name, to_char(s.starts_on, 'YYYY-MM-DD') as starts_on,
         to_char(s.ends_on, 'YYYY-MM-DD') as ends_on, s.place, f.kind as offer_kind, f.title as offer_title, f.provider as offer_provider,
         (select count(*)::int from training_participants p where p.session_id = s.id) as participant_count,
         (select count(*)::int from training_participants p where p.session_id = s.id and p.completion in ('completed', 'attended')) as trained_count
    from training_sessions s join training_offers f on f.id = s.offer_id join organisations o on o.id = s.municipality_id`;
export const sessionsOfOffer = (q: Queryable, offerId: string) =>
  run<SessionRow>(q, sql`${sessionSelect} where s.offer_id = ${offerId} order by s.starts_on desc, s.created_at desc`);
export const findSession = async (q: Queryable, id: string) => (await run<SessionRow>(q, sql`${sessionSelect} where s.id = ${id}`))[0];
export async function insertSession(tx: Tx, s: { offerId: string; municipalityId: string; startsOn: string; endsOn: string | null; place: string | null; by: string; at: Date }) {
  return (await run<{ id: string }>(tx, sql`insert into training_sessions (offer_id, municipality_id, starts_on, ends_on, place, created_by, created_at, updated_at)
    values (${s.offerId}, ${s.municipalityId}, ${s.startsOn}::date, ${s.endsOn}::date, ${s.place}, ${s.by}, ${s.at}, ${s.at}) returning id`))[0]!.id;
}
export const updateSession = (tx: Tx, id: string, s: { startsOn: string; endsOn: string | null; place: string | null; at: Date }) =>
  run(tx, sql`update training_sessions set starts_on = ${s.startsOn}::date, ends_on = ${s.endsOn}::date, place = ${s.place}, updated_at = ${s.at} where id = ${id}`);

// Participants.
const participantSelect = sql`
  select p.id, p.session_id, p.municipality_id, p.team_id, t.name as team, p.name_enc, p.name_hash, p.email_enc, p.completion,
         to_char(p.completed_on, 'YYYY-MM-DD') as completed_on, p.created_at
    from training_participants p join training_teams t on t.id = p.team_id`;
export const participantsOf = (q: Queryable, sessionId: string) =>
  run<ParticipantRow>(q, sql`${participantSelect} where p.session_id = ${sessionId} order by lower(t.name), p.created_at`);
export const findParticipant = async (q: Queryable, id: string) => (await run<ParticipantRow>(q, sql`${participantSelect} where p.id = ${id}`))[0];
export const nameHashesOf = async (q: Queryable, sessionId: string) =>
  new Set((await run<{ name_hash: string }>(q, sql`select name_hash from training_participants where session_id = ${sessionId}`)).map((r) => r.name_hash));
export interface NewParticipant {
  sessionId: string; municipalityId: string; teamId: string; nameEnc: string; nameHash: string; emailEnc: string | null;
  completion: Completion; completedOn: string | null;
}
export async function insertParticipants(tx: Tx, rows: readonly NewParticipant[], by: string, at: Date): Promise<string[]> {
  const ids: string[] = [];
  for (const p of rows) {
    const inserted = await run<{ id: string }>(tx, sql`insert into training_participants
      (session_id, municipality_id, team_id, name_enc, name_hash, email_enc, completion, completed_on, created_by, created_at, updated_at)
      values (${p.sessionId}, ${p.municipalityId}, ${p.teamId}, ${p.nameEnc}, ${p.nameHash}, ${p.emailEnc}, ${p.completion}, ${p.completedOn}::date, ${by}, ${at}, ${at})
      returning id`);
    ids.push(inserted[0]!.id);
  }
  return ids;
}
export const updateParticipant = (tx: Tx, id: string, p: { teamId: string; completion: Completion; completedOn: string | null; at: Date }) =>
  run(tx, sql`update training_participants set team_id = ${p.teamId}, completion = ${p.completion}, completed_on = ${p.completedOn}::date, updated_at = ${p.at}
    where id = ${id}`);
export const deleteParticipant = (tx: Tx, id: string) => run(tx, sql`delete from training_participants where id = ${id}`);

// Targets and coverage.
const targetSelect = sql`select g.id, g.municipality_id, g.team_id, t.name as team, g.target_percent, to_char(g.due_on, 'YYYY-MM-DD') as due_on
  from training_targets g join training_teams t on t.id = g.team_id`;
export const listTargets = (q: Queryable, municipalityId: string) =>
  run<TargetRow>(q, sql`${targetSelect} where g.municipality_id = ${municipalityId} order by lower(t.name), g.due_on`);
export const findTarget = async (q: Queryable, id: string) => (await run<TargetRow>(q, sql`${targetSelect} where g.id = ${id}`))[0];
export const targetOn = async (q: Queryable, teamId: string, dueOn: string, exceptId: string | null) =>
  (await run<{ id: string }>(q, sql`select id from training_targets where team_id = ${teamId} and due_on = ${dueOn}::date
    and (${exceptId}::uuid is null or id <> ${exceptId}::uuid)`))[0];
export async function insertTarget(tx: Tx, g: { municipalityId: string; teamId: string; targetPercent: number; dueOn: string; by: string; at: Date }) {
  return (await run<{ id: string }>(tx, sql`insert into training_targets (municipality_id, team_id, target_percent, due_on, created_by, created_at, updated_at)
    values (${g.municipalityId}, ${g.teamId}, ${g.targetPercent}, ${g.dueOn}::date, ${g.by}, ${g.at}, ${g.at}) returning id`))[0]!.id;
}
export const updateTarget = (tx: Tx, id: string, g: { targetPercent: number; dueOn: string; at: Date }) =>
  run(tx, sql`update training_targets set target_percent = ${g.targetPercent}, due_on = ${g.dueOn}::date, updated_at = ${g.at} where id = ${id}`);
export const deleteTarget = (tx: Tx, id: string) => run(tx, sql`delete from training_targets where id = ${id}`);

/** Per team of the municipality: distinct people trained on or before `asOf`, and the share of the staff (capped at 100). */
export const teamCoverage = (q: Queryable, municipalityId: string, asOf: string) =>
  run<{ id: string; name: string; staff_count: number; trained_count: number; percent: string | number }>(q, sql`
    select t.id, t.name, t.staff_count, tr.trained as trained_count, least(100, round(1000.0 * tr.trained / t.staff_count) / 10) as percent
      from training_teams t
      cross join lateral (
        select count(distinct p.name_hash)::int as trained
          from training_participants p join training_sessions s on s.id = p.session_id
         where p.team_id = t.id and p.completion in ('completed', 'attended') and coalesce(p.completed_on, s.starts_on) <= ${asOf}::date
      ) tr
     where t.municipality_id = ${municipalityId}
     order by lower(t.name)`);
