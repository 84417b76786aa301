import { currentCatalogue } from "../../src/server/modules/indicators/indicators.repository.ts";
import { demoIds, type DemoIds } from "./fixtures.ts";
import type { TestApp } from "./test-app.ts";

/**
 * Factories for the monitor's tests: records written straight into the tables with SQL (many at once where a
 * test needs volume), shaped only as far as the counts look at them. Personal fields get recognisable
 * encrypted values, so a test can show that none of them reaches a monitor response.
 */
export interface MonitorIds extends DemoIds {
  otherRegionId: string;
  catalogueId: string;
  /** An indicator code per group of the demo region's catalogue. */
  codes: Record<"general" | "sexual" | "criminal" | "labour", string>;
}

export async function monitorIds(t: TestApp): Promise<MonitorIds> {
  const ids = await demoIds(t);
  const other = await t.db.query<{ id: string }>("select id from regions where name = 'Regio IJsselland (demo)'");
  const catalogue = await currentCatalogue(t.db, ids.regionId);
  const code = (group: string) => catalogue.indicators.find((i) => i.group === group)!.code;
  return {
    ...ids,
    otherRegionId: other[0]!.id,
    catalogueId: catalogue.id,
    codes: { general: code("general"), sexual: code("sexual"), criminal: code("criminal"), labour: code("labour") },
  };
}

/** Names and references the fixture records carry; no monitor response may contain any of them. */
export const personalMarkers = ["Jana Slachtoffer", "Dirk Dader", "Petra Persoon", "Geheimstraat 12", "MON-2025-"];

export interface SignalSpec {
  municipalityId: string;
  receivedAt: string;
  source?: "employee" | "citizen";
  reporterUserId?: string | null;
  reporterOrganisationId?: string | null;
  team?: string | null;
  urgency?: "acute" | "high" | "normal";
  forms?: string[];
  indicatorCodes?: string[];
  status?: string;
  outcome?: string | null;
  closedAt?: string | null;
  feedbackToReporter?: boolean;
  /** Merged into this signal (outcome 'merged'). */
  mergedIntoId?: string;
  victimName?: string;
}

let counter = 0;

/** Inserts signals (one statement), each with a victim named `victimName` (encrypted). Returns their ids in order. */
export async function insertSignals(t: TestApp, ids: MonitorIds, specs: SignalSpec[]): Promise<string[]> {
  const c = t.kernel.crypto;
  const rows = specs.map((s) => {
    const closed = s.outcome !== undefined && s.outcome !== null;
    return {
      reference: `MON-2025-${String(++counter).padStart(5, "0")}`,
      municipality_id: s.municipalityId,
      catalogue_id: ids.catalogueId,
      source: s.source ?? "employee",
      reporter_user_id: s.source === "citizen" ? null : (s.reporterUserId ?? null),
      reporter_organisation_id: s.source === "citizen" ? null : (s.reporterOrganisationId ?? null),
      reporter_team_label: s.team ?? null,
      status: s.status ?? (closed ? "closed" : "received"),
      urgency: s.urgency ?? "normal",
      exploitation_forms: s.forms ?? [],
      indicator_codes: s.indicatorCodes ?? [],
      outcome: s.outcome ?? null,
      merged_into_id: s.mergedIntoId ?? null,
      description_enc: c.encrypt("signals.description", "Gezien bij de Geheimstraat 12."),
      feedback_to_reporter_enc: s.feedbackToReporter ? c.encrypt("signals.feedback_to_reporter", "Dank, wij hebben het opgepakt.") : null,
      received_at: s.receivedAt,
      closed_at: s.closedAt ?? (closed ? s.receivedAt : null),
      victim_name_enc: c.encrypt("signal_persons.name", s.victimName ?? "Jana Slachtoffer"),
    };
  });
  const inserted = await t.db.query<{ id: string; reference: string }>(
    `with input as (
       select * from jsonb_to_recordset($1::jsonb) as x(reference text, municipality_id uuid, catalogue_id uuid, source text, reporter_user_id uuid,
         reporter_organisation_id uuid, reporter_team_label text, status text, urgency text, exploitation_forms text[], indicator_codes text[],
         outcome text, merged_into_id uuid, description_enc text, feedback_to_reporter_enc text, received_at timestamptz, closed_at timestamptz, victim_name_enc text)
     ), s as (
       insert into signals (reference, municipality_id, catalogue_id, source, reporter_user_id, reporter_organisation_id, reporter_team_label, status, urgency,
         exploitation_forms, indicator_codes, outcome, merged_into_id, description_enc, feedback_to_reporter_enc, location_kind, received_at, closed_at, updated_at)
       select reference, municipality_id, catalogue_id, source, reporter_user_id, reporter_organisation_id, reporter_team_label, status, urgency,
         exploitation_forms, indicator_codes, outcome, merged_into_id, description_enc, feedback_to_reporter_enc, 'none', received_at, closed_at, received_at
         from input
       returning id, reference
     ), p as (
       insert into signal_persons (signal_id, role, position, name_enc, gender, nationality)
       select s.id, 'victim', 0, input.victim_name_enc, 'female', 'ROU' from s join input on input.reference = s.reference
     )
     select id, reference from s`,
    [JSON.stringify(rows)],
  );
  return rows.map((r) => inserted.find((i) => i.reference === r.reference)!.id);
}

/** `count` signals of one municipality received in `year` (spread over mid-June, safely inside the year). */
export async function insertSignalsInYear(t: TestApp, ids: MonitorIds, municipalityId: string, year: number, count: number): Promise<void> {
  if (count === 0) return;
  const description = t.kernel.crypto.encrypt("signals.description", "Gezien bij de Geheimstraat 12.");
  await t.db.query(
    `insert into signals (reference, municipality_id, catalogue_id, source, status, urgency, description_enc, location_kind, received_at, updated_at)
     select 'Y-' || $3::int || '-' || $1::text || '-' || g, $1::uuid, $2::uuid, 'employee', 'received', 'normal', $5,
            'none', make_timestamp($3::int, 6, 15, 12, 0, 0)::timestamptz + g * interval '1 hour', now()
       from generate_series(1, $4::int) as g`,
    [municipalityId, ids.catalogueId, year, count, description],
  );
}

/** `count` victim files of the demo care coordination opened in `year` (mid-June). */
export async function insertFilesInYear(t: TestApp, ids: MonitorIds, year: number, count: number, regionId = ids.regionId): Promise<void> {
  if (count === 0) return;
  await t.db.query(
    `insert into victim_files (reference, organisation_id, region_id, status, source, age_group, opened_at, updated_at)
     select 'ZT-' || $3::int || '-' || $1::text || '-' || g, $2::uuid, $1::uuid, 'active', 'police', 'unknown',
            make_timestamp($3::int, 6, 15, 12, 0, 0)::timestamptz + g * interval '1 hour', now()
       from generate_series(1, $4::int) as g`,
    [regionId, ids.organisations.zorg, year, count],
  );
}

export interface FileSpec {
  regionId?: string;
  signalId?: string | null;
  openedAt: string;
  closedAt?: string | null;
  closureReason?: string | null;
  gender?: string;
  ageGroup?: string;
  nationality?: string | null;
  forms?: string[];
  transferredFromId?: string | null;
  /** Coordinators on the case team (user ids), added when the file was opened. */
  coordinators?: string[];
}

/** Inserts a victim file of the demo care coordination with its coordinators. */
export async function insertFile(t: TestApp, ids: MonitorIds, f: FileSpec): Promise<string> {
  const c = t.kernel.crypto;
  const closed = !!f.closedAt;
  const rows = await t.db.query<{ id: string }>(
    `insert into victim_files (reference, organisation_id, region_id, status, closure_reason, source, signal_id, transferred_from_id, name_enc,
       gender, age_group, nationality, exploitation_forms, opened_at, closed_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text[], $14, $15, $14) returning id`,
    [
      `MON-2025-F${String(++counter).padStart(5, "0")}`, ids.organisations.zorg, f.regionId ?? ids.regionId, closed ? "closed" : "active",
      closed ? (f.closureReason ?? "goals_reached") : null, f.transferredFromId ? "other" : "police", f.signalId ?? null, f.transferredFromId ?? null,
      c.encrypt("victim_files.name", "Petra Persoon"), f.gender ?? "female", f.ageGroup ?? "24_30", f.nationality === undefined ? "ROU" : f.nationality,
      f.forms ?? ["sexual"], f.openedAt, f.closedAt ?? null,
    ],
  );
  const id = rows[0]!.id;
  for (const userId of f.coordinators ?? []) {
    await t.db.query(
      `insert into case_team_members (file_id, user_id, organisation_id, member_role, valid_from, basis, added_by, added_at)
       values ($1, $2, $3, 'coordinator', ($4::timestamptz)::date, 'coordinator', $2, $4)`,
      [id, userId, ids.organisations.zorg, f.openedAt],
    );
  }
  return id;
}

/** A status-changing event in a signal's route history. */
export async function insertEvent(t: TestApp, signalId: string, e: { kind?: string; from?: string | null; to: string; at: string }): Promise<void> {
  await t.db.query(
    "insert into signal_events (signal_id, occurred_at, kind, from_status, to_status) values ($1, $2, $3, $4, $5)",
    [signalId, e.at, e.kind ?? (e.from ? "transition" : "received"), e.from ?? null, e.to],
  );
}

export interface ReferralSpec {
  signalId: string;
  organisationId: string;
  channel: string;
  status: "open" | "accepted" | "declined" | "answered" | "withdrawn";
  createdAt: string;
  respondedAt?: string | null;
  feedbackAt?: string | null;
  createdBy: string;
}

export async function insertReferral(t: TestApp, r: ReferralSpec): Promise<string> {
  const rows = await t.db.query<{ id: string }>(
    `insert into referrals (signal_id, organisation_id, channel, purpose_enc, shared_parts, status, created_by, created_at, due_at, responded_at, feedback_at)
     values ($1, $2, $3, $4, '{description}', $5, $6, $7, ($7::timestamptz + interval '10 days'), $8, $9) returning id`,
    [r.signalId, r.organisationId, r.channel, t.kernel.crypto.encrypt("referrals.purpose", "Beoordelen"), r.status, r.createdBy, r.createdAt, r.respondedAt ?? null, r.feedbackAt ?? null],
  );
  return rows[0]!.id;
}

/** Row counts of every table a monitor read might touch, to show that a refused or bad request stored nothing. */
export async function monitorFingerprint(t: TestApp): Promise<Record<string, number>> {
  const tables = ["signals", "signal_events", "referrals", "victim_files", "monitor_historic_figures", "monitor_exports", "audit_events", "regions"];
  const result: Record<string, number> = {};
  for (const table of tables) result[table] = (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
  return result;
}

/** Every table of a dashboard as { tableId: { rowKey: [values] } }, for compact exact comparisons. */
export function valuesOf(dashboard: { sections: { tables: { id: string; rows: { key: string; cells: { value: number | null }[] }[] }[] }[] }) {
  const out: Record<string, Record<string, (number | null)[]>> = {};
  for (const section of dashboard.sections) {
    for (const table of section.tables) out[table.id] = Object.fromEntries(table.rows.map((r) => [r.key, r.cells.map((c) => c.value)]));
  }
  return out;
}
