import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LightMyRequestResponse } from "fastify";
import { demoOtherRegion } from "../../src/server/demo/demo-region.ts";
import { dutchDate } from "../../src/server/kernel/dutch-time.ts";
import type { Role } from "../../src/server/kernel/policy/matrix.ts";
import type { Actor } from "../../src/server/kernel/policy/policy.ts";
import { currentCatalogue } from "../../src/server/modules/indicators/indicators.repository.ts";
import { submitSignal } from "../../src/server/modules/signals/intake.ts";
import { intakeBody } from "../../src/server/modules/signals/signals.schema.ts";
import { demoIds, type DemoIds } from "./fixtures.ts";
import type { TestApp, TestClient } from "./test-app.ts";

/**
 * Factories for case conference tests. Signals come in through the intake service (the route is not under
 * test here); meetings are planned through the API by a chair's client, since planning is. Also: a
 * fingerprint of every table a conference request may write, the text of a minutes PDF, and a check of a
 * problem answer.
 */
export interface ConferenceIds extends DemoIds {
  otherRegionId: string;
}

export async function conferenceIds(t: TestApp): Promise<ConferenceIds> {
  const ids = await demoIds(t);
  const other = await t.db.query<{ id: string }>("select id from regions where name = $1", [demoOtherRegion.name]);
  return { ...ids, otherRegionId: other[0]!.id };
}

/** The actor as the policy sees it, read from the database (for calling a service directly). */
export async function actorOf(t: TestApp, userId: string): Promise<Actor> {
  const user = await t.db.query<{ organisation_id: string }>("select organisation_id from users where id = $1", [userId]);
  const roles = await t.db.query<{ role: Role; region_id: string | null }>("select role, region_id from user_roles where user_id = $1", [userId]);
  const regions = await t.db.query<{ region_id: string }>("select region_id from region_members where organisation_id = $1", [user[0]!.organisation_id]);
  return {
    userId,
    organisationId: user[0]!.organisation_id,
    roles: [...new Set(roles.map((r) => r.role))],
    regionIds: regions.map((r) => r.region_id),
    adminRegionIds: roles.filter((r) => r.role === "administrator" && r.region_id).map((r) => r.region_id!),
  };
}

export interface SignalInput {
  /** Who reports: a user of the municipality's region (by default the demo reporter of Zevenaar). */
  reporterId: string;
  municipalityId: string;
  description?: string;
  location?: Record<string, unknown>;
  victims?: Record<string, unknown>[];
  perpetrators?: Record<string, unknown>[];
  reporterTeam?: string;
  indicators?: number;
}

export interface BuiltSignal {
  id: string;
  reference: string;
}

/** A signal as an employee submits it, through the intake service, with the first labour indicators ticked. */
export async function buildSignal(t: TestApp, input: SignalInput): Promise<BuiltSignal> {
  const actor = await actorOf(t, input.reporterId);
  const region = await t.db.query<{ region_id: string }>("select region_id from region_members where organisation_id = $1 limit 1", [input.municipalityId]);
  const catalogue = await currentCatalogue(t.db, region[0]!.region_id);
  const codes = catalogue.indicators.filter((i) => i.group === "labour").slice(0, input.indicators ?? 2).map((i) => i.code);
  const body = intakeBody.parse({
    municipalityId: input.municipalityId,
    indicatorCodes: codes,
    description: input.description ?? "Veertien arbeidsmigranten op één adres; een busje haalt ze om vijf uur op.",
    observedOn: "2026-11-20",
    ...(input.location ? { location: input.location } : {}),
    victims: input.victims ?? [{ name: "Andrzej Nowak", birthDate: "1990-04-01", nationality: "POL" }],
    perpetrators: input.perpetrators ?? [{ name: "Dieter Busjesman", description: "Man met busje, Duits kenteken" }],
    reporterTeam: input.reporterTeam ?? "Team Publiekszaken",
    reporterAnonymous: false,
  });
  const submitted = await submitSignal(t.kernel, actor, body, undefined, "127.0.0.1");
  return { id: submitted.id, reference: submitted.reference };
}

/** An ISO date-time `ms` from the test clock's now. */
export const isoIn = (t: TestApp, ms: number) => new Date(t.clock.now.getTime() + ms).toISOString();
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

type Json = Record<string, unknown>;

/** Plans a meeting through the API (by default starting in an hour, so it may be opened at once). */
export async function planMeeting(t: TestApp, chair: TestClient, more: Json = {}): Promise<Json> {
  const res = await chair.post("/api/v1/meetings", {
    kind: "case_conference", title: "Casusoverleg mensenhandel", startsAt: isoIn(t, HOUR), endsAt: isoIn(t, 3 * HOUR), location: "ZVH, zaal 2", ...more,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as Json;
}

/** Invites an organisation with its delegates; asserts that it worked. */
export async function invite(chair: TestClient, meetingId: string, organisationId: string, userIds: string[] = []): Promise<Json> {
  const res = await chair.post(`/api/v1/meetings/${meetingId}/participants`, { organisationId, userIds });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as Json;
}

/** Posts and asserts a 200, returning the body. */
export async function ok(res: LightMyRequestResponse | Promise<LightMyRequestResponse>, status = 200): Promise<Json> {
  const r = await res;
  assert.equal(r.statusCode, status, r.body);
  return r.json() as Json;
}

/** The agenda item with this id in a meeting's answer. */
export const itemIn = (meeting: Json, itemId: string) => (meeting.agenda as Json[]).find((i) => i.id === itemId);

/** Every table a conference request may write, with the histories, notifications and audited writes. */
export const conferenceTables = [
  "meetings", "meeting_counters", "meeting_participants", "agenda_items", "conference_decisions", "conference_actions", "administrative_measures",
  "signal_events", "victim_file_events", "notifications",
] as const;

/** A fingerprint of those tables (row count and a hash of all rows): equal before and after means nothing changed. */
export async function conferenceSnapshot(t: TestApp): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of conferenceTables) {
    const rows = await t.db.query<{ n: number; h: string }>(
      `select count(*)::int as n, coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as h from ${table} x`,
    );
    result[table] = `${rows[0]!.n}:${rows[0]!.h}`;
  }
  const writes = await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where action in ('create', 'update', 'delete', 'export')");
  result.audited_writes = String(writes[0]!.n);
  return result;
}

/** Words that would betray an English (or internal) explanation in a problem's detail. */
export const ENGLISH = /\b(the|must|invalid|required|expected|error|not found|undefined|null)\b/i;

/** A problem answer with this status and code, a Dutch detail and, where given, the invalid parameter. */
export function assertProblem(res: LightMyRequestResponse, status: number, code: string, param?: string, paramCode?: string) {
  assert.equal(res.statusCode, status, res.body);
  const problem = res.json() as { code?: string; detail?: string; invalidParams?: { name: string; code: string }[] };
  assert.equal(problem.code, code, res.body);
  assert.equal(res.headers["content-type"], "application/problem+json; charset=utf-8");
  assert.ok(typeof problem.detail === "string" && problem.detail.length > 10 && !ENGLISH.test(problem.detail), `detail ${problem.detail}`);
  if (param) {
    assert.ok(problem.invalidParams?.some((p) => p.name === param && (!paramCode || p.code === paramCode)), `invalidParams ${JSON.stringify(problem.invalidParams)}, expected ${param}/${paramCode ?? ""}`);
  }
}

export const poppler = !spawnSync("pdftotext", ["-v"]).error;

/** The text of a PDF, as bytes or base64 (pdftotext -raw), whitespace collapsed. */
export function pdfText(pdf: Buffer | string): string {
  const dir = mkdtempSync(join(tmpdir(), "kz-pdf-"));
  try {
    const file = join(dir, "document.pdf");
    writeFileSync(file, typeof pdf === "string" ? Buffer.from(pdf, "base64") : pdf);
    const out = spawnSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    assert.equal(out.status, 0, out.stderr);
    return out.stdout.replace(/\s+/g, " ").trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Notifications of a user, optionally of one kind, oldest first. */
export const notificationsOf = (t: TestApp, userId: string, kind?: string) =>
  t.db.query<{ kind: string; signal_id: string | null; victim_file_id: string | null; meeting_id: string | null; params: unknown }>(
    "select kind, signal_id, victim_file_id, meeting_id, params from notifications where user_id = $1 and ($2::text is null or kind = $2) order by created_at, id",
    [userId, kind ?? null],
  );

/** Brings a signal into a meeting as `proposer` and lets the chair admit it; returns the agenda item's id. */
export async function admitSignal(chair: TestClient, proposer: TestClient, meetingId: string, signal: BuiltSignal, more: Json = {}): Promise<string> {
  const proposed = await ok(proposer.post(`/api/v1/signals/${signal.id}/conference-items`, { meetingId, question: "Wat doen we hiermee?", sharedParts: ["description"], ...more }));
  const item = (proposed.agenda as Json[]).filter((i) => i.subjectReference === signal.reference && i.status === "proposed").at(-1);
  assert.ok(item, "the proposed item is in the meeting's answer");
  await ok(chair.post(`/api/v1/agenda-items/${item.id as string}/admit`));
  return item.id as string;
}

/** The ISO date `days` from the test clock's today (Amsterdam). */
export const dateIn = (t: TestApp, days: number) => dutchDate(new Date(t.clock.now.getTime() + days * DAY));

/** The params of a notification, as stored (jsonb from PostgreSQL, text from some drivers). */
export const paramsOf = (p: unknown) => (typeof p === "string" ? (JSON.parse(p) as Json) : (p as Json));
