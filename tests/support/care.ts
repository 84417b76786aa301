import { demoOtherRegion } from "../../src/server/demo/demo-region.ts";
import { dutchDate, type CalendarDate } from "../../src/server/kernel/dutch-time.ts";
import { addDays, ageGroupOf, ageOn } from "../../src/server/modules/care/calendar.ts";
import type { AgeGroup, ConsentPurpose, ConsentStatus, ExploitationForm, FileSource } from "../../src/server/modules/care/codes.ts";
import { appendFileEvent, insertFile, insertTeamMember, nextFileReference } from "../../src/server/modules/care/files.repository.ts";
import { insertConsent } from "../../src/server/modules/care/plan.repository.ts";
import { searchTokens } from "../../src/server/modules/signals/search-tokens.ts";
import { demoIds, type DemoIds } from "./fixtures.ts";
import type { TestApp } from "./test-app.ts";

/**
 * Factories for care coordination tests. Like fixtures.ts they write through the repositories (the API is
 * what the tests examine): a victim file opened directly with its coordinator on the case team, consent
 * records, and a fingerprint of every care table to show that a refused request stored nothing.
 */
export interface CareIds extends DemoIds {
  /** The second demo region (IJsselland), whose care coordination receives transfers. */
  otherRegionId: string;
}

export async function careIds(t: TestApp): Promise<CareIds> {
  const ids = await demoIds(t);
  const other = await t.db.query<{ id: string }>("select id from regions where name = $1", [demoOtherRegion.name]);
  return { ...ids, otherRegionId: other[0]!.id };
}

/** The Dutch calendar date on the test app's clock, and days from it. */
export const todayIn = (t: TestApp): CalendarDate => dutchDate(t.clock.now);
export const daysFromToday = (t: TestApp, days: number): CalendarDate => addDays(todayIn(t), days);

export interface VictimFileInput {
  /** The coordinator who opens the file; the file belongs to their organisation and its (first) region. */
  coordinatorId: string;
  regionId?: string;
  name?: string | null;
  birthDate?: CalendarDate | null;
  phone?: string | null;
  contact?: string | null;
  gender?: "female" | "male" | "other" | "unknown";
  ageGroup?: AgeGroup;
  nationality?: string | null;
  languages?: string[];
  exploitationForms?: ExploitationForm[];
  source?: Exclude<FileSource, "referral">;
  cameIntoView?: string | null;
}

export interface BuiltFile {
  id: string;
  reference: string;
  organisationId: string;
  regionId: string;
}

/** A victim file in intake, opened directly (by default from the police) by `coordinatorId`. */
export async function buildVictimFile(t: TestApp, input: VictimFileInput): Promise<BuiltFile> {
  const c = t.kernel.crypto;
  const now = t.clock.now;
  const today = dutchDate(now);
  const user = await t.db.query<{ organisation_id: string; region_id: string }>(
    `select u.organisation_id, rm.region_id from users u join region_members rm on rm.organisation_id = u.organisation_id
      where u.id = $1 order by rm.region_id limit 1`,
    [input.coordinatorId],
  );
  const organisationId = user[0]!.organisation_id;
  const regionId = input.regionId ?? user[0]!.region_id;
  const name = input.name === undefined ? "Ana Popescu" : input.name;
  const birthDate = input.birthDate === undefined ? "1995-05-12" : input.birthDate;
  return t.db.transaction(async (tx) => {
    const reference = await nextFileReference(tx, Number(today.slice(0, 4)));
    const id = await insertFile(tx, {
      reference,
      organisationId,
      regionId,
      source: input.source ?? "police",
      signalId: null,
      referralId: null,
      signalPersonId: null,
      transferredFromId: null,
      nameEnc: c.encryptOptional("victim_files.name", name),
      birthDateEnc: c.encryptOptional("victim_files.birth_date", birthDate),
      phoneEnc: c.encryptOptional("victim_files.phone", input.phone === undefined ? "+40 712 345 678" : input.phone),
      contactEnc: c.encryptOptional("victim_files.contact", input.contact ?? null),
      identityHash: name && birthDate ? c.blindIndex("name", `${name}|${birthDate}`) : null,
      gender: input.gender ?? "female",
      ageGroup: birthDate ? ageGroupOf(ageOn(birthDate, today)) : (input.ageGroup ?? "unknown"),
      nationality: input.nationality === undefined ? "ROU" : input.nationality,
      languages: input.languages ?? ["ro"],
      exploitationForms: input.exploitationForms ?? ["sexual"],
      cameIntoViewEnc: c.encryptOptional("victim_files.came_into_view", input.cameIntoView === undefined ? "Aangetroffen bij een controle in de prostitutie." : input.cameIntoView),
      searchTokens: searchTokens(c, [name]),
      openedAt: now,
      openedBy: input.coordinatorId,
    });
    await insertTeamMember(tx, {
      fileId: id, userId: input.coordinatorId, organisationId, memberRole: "coordinator", purpose: null, purposeNoteEnc: null,
      validFrom: today, validUntil: null, basis: "coordinator", legalBasisNoteEnc: null, addedBy: input.coordinatorId, addedAt: now,
    });
    await appendFileEvent(tx, {
      fileId: id, occurredAt: now, actorUserId: input.coordinatorId, actorOrganisationId: organisationId, kind: "opened", toStatus: "intake",
      details: { source: input.source ?? "police", signalReference: null },
    });
    return { id, reference, organisationId, regionId };
  });
}

export interface ConsentInput {
  purpose: ConsentPurpose;
  partyOrganisationId?: string;
  partyName?: string;
  status?: ConsentStatus;
  decidedOn?: CalendarDate;
  validUntil?: CalendarDate | null;
  recordedBy: string;
}

/** A consent record on a file, by default given today without an end date. */
export async function buildConsent(t: TestApp, fileId: string, input: ConsentInput): Promise<string> {
  return t.db.transaction((tx) =>
    insertConsent(tx, {
      fileId,
      purpose: input.purpose,
      partyOrganisationId: input.partyOrganisationId ?? null,
      partyName: input.partyName ?? null,
      status: input.status ?? "given",
      decidedOn: input.decidedOn ?? dutchDate(t.clock.now),
      validUntil: input.validUntil ?? null,
      recordedHow: "written",
      interpreterUsed: false,
      noteEnc: null,
      recordedBy: input.recordedBy,
      recordedAt: t.clock.now,
    }),
  );
}

/** Every table the care module writes, with notifications and the audit trail's writes. */
export const careTables = [
  "victim_files", "victim_file_counters", "case_team_members", "consents", "victim_needs", "care_goals", "care_services",
  "shelter_placements", "residence_schemes", "residence_permits", "victim_file_events", "victim_file_transfers", "comensha_exports",
  "notifications",
] as const;

/**
 * A fingerprint of every care table (row count and a hash of all rows) and the number of audited writes:
 * equal before and after a request means the request changed nothing.
 */
export async function careSnapshot(t: TestApp): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of careTables) {
    const rows = await t.db.query<{ n: number; h: string }>(
      `select count(*)::int as n, coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as h from ${table} x`,
    );
    result[table] = `${rows[0]!.n}:${rows[0]!.h}`;
  }
  const writes = await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where action in ('create', 'update', 'delete', 'export')");
  result.audited_writes = String(writes[0]!.n);
  return result;
}

/** The kinds of a file's history entries, oldest first, as stored. */
export async function historyKinds(t: TestApp, fileId: string): Promise<string[]> {
  const rows = await t.db.query<{ kind: string }>("select kind from victim_file_events where file_id = $1 order by seq", [fileId]);
  return rows.map((r) => r.kind);
}
