import { z } from "zod";
import type { Kernel } from "../../http/kernel.ts";
import { dutchDate } from "../../kernel/dutch-time.ts";
import { invalidInput, notFound, type InvalidParam } from "../../kernel/errors.ts";
import type { Actor } from "../../kernel/policy/policy.ts";
import { defaultCompletion, type Completion, type OfferKind } from "./codes.ts";
import { decodeContent, FileProblem, MAX_ROWS, readTable, type RawTable } from "./participant-file.ts";
import { subjectRef } from "./participants.service.ts";
import { auditActor, scopeOf } from "./scope.ts";
import type { importBody } from "./training.schema.ts";
import { findSession, insertParticipants, listTeams, nameHashesOf, type NewParticipant, type TeamRow } from "./training.repository.ts";

/**
 * Import of a session's participant list: all or nothing. Every row is checked (name, team of the
 * municipality, e-mail, status, date, duplicates in the file and on the session) and when one row is wrong,
 * nothing is stored and every wrong row is named with its line number and reason. A dry run only checks
 * and shows what would be imported. Format: docs/training-import.md.
 */
const PURPOSE = "deskundigheidsbevordering";

/** The columns, by their Dutch heading; other spellings people use map onto them. */
const columns = {
  naam: ["naam", "name", "volledige naam", "deelnemer"],
  team: ["team", "afdeling"],
  "e-mail": ["e-mail", "email", "e-mailadres", "emailadres", "mail"],
  status: ["status", "resultaat"],
  datum: ["datum", "datum afgerond", "afgerond op", "date"],
} as const;
type Column = keyof typeof columns;
const required: readonly Column[] = ["naam", "team"];

const statusWords: Record<string, Completion> = {
  afgerond: "completed", voltooid: "completed", behaald: "completed", completed: "completed",
  aanwezig: "attended", deelgenomen: "attended", attended: "attended",
  afwezig: "no_show", "niet verschenen": "no_show", "no-show": "no_show", "no show": "no_show", no_show: "no_show",
};

const headingKey = (value: string) => value.normalize("NFKD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/[_\s]+/g, " ").trim();
const email = z.email();

export interface ImportRow { row: number; name: string; team: string; email: string | null; completion: Completion; completedOn: string | null }

function mapColumns(header: readonly string[]): Map<Column, number> {
  const found = new Map<Column, number>();
  const problems: InvalidParam[] = [];
  header.forEach((heading, index) => {
    const key = headingKey(heading);
    if (!key) return;
    const column = (Object.keys(columns) as Column[]).find((c) => (columns[c] as readonly string[]).includes(key));
    if (!column) {
      problems.push({ name: "file", code: "unknown_column", reason: `Onbekende kolom “${heading}”; toegestaan zijn naam, team, e-mail, status en datum.` });
    } else if (found.has(column)) {
      problems.push({ name: "file", code: "duplicate_column", reason: `De kolom ${column} staat twee keer in de kopregel.` });
    } else {
      found.set(column, index);
    }
  });
  for (const column of required) {
    if (!found.has(column)) problems.push({ name: "file", code: "missing_column", reason: `De kolom ${column} ontbreekt in de kopregel (regel 1).` });
  }
  if (problems.length > 0) throw rejected("De kolommen van het bestand kloppen niet. Er is niets ingelezen.", problems);
  return found;
}

/** A date as people type it in a list: 2026-03-14, 14-3-2026, 14/03/2026 or 14.3.2026; a real day, else null. */
export function parseDay(text: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dutch ? [dutch[3], dutch[2], dutch[1]] : [];
  if (!y || !m || !d) return null;
  const day = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : null;
}

export function checkRows(
  kernel: Kernel, table: RawTable, teams: readonly TeamRow[], existing: ReadonlySet<string>,
  session: { startsOn: string; kind: OfferKind; today: string },
): { rows: (ImportRow & { teamId: string; nameHash: string })[]; problems: InvalidParam[] } {
  const index = mapColumns(table.header);
  const dataRows = table.rows.filter((r) => r.cells.some((cell) => cell.trim() !== ""));
  if (dataRows.length === 0) throw rejected("Het bestand bevat geen deelnemers. Er is niets ingelezen.", [{ name: "file", code: "no_rows", reason: "Onder de kopregel staan geen deelnemers." }]);
  if (dataRows.length > MAX_ROWS) {
    throw rejected(`Het bestand heeft ${dataRows.length} deelnemers; ten hoogste ${MAX_ROWS} per keer. Er is niets ingelezen.`, [
      { name: "file", code: "too_many_rows", reason: `Ten hoogste ${MAX_ROWS} deelnemers per bestand; splits het bestand op.` },
    ]);
  }
  const teamByName = new Map(teams.map((t) => [headingKey(t.name), t]));
  const firstRowOf = new Map<string, number>();
  const problems: InvalidParam[] = [];
  const rows: (ImportRow & { teamId: string; nameHash: string })[] = [];
  const cell = (cells: readonly string[], column: Column) => {
    const i = index.get(column);
    return i === undefined ? "" : (cells[i] ?? "").trim();
  };
  for (const { row, cells } of dataRows) {
    const problem = (column: string, code: string, reason: string) => problems.push({ name: `rows[${row}].${column}`, code, reason: `Regel ${row}: ${reason}` });
    const before = problems.length;
    const name = cell(cells, "naam").replace(/\s+/g, " ");
    const teamText = cell(cells, "team");
    const emailText = cell(cells, "e-mail");
    const statusText = cell(cells, "status");
    const dateText = cell(cells, "datum");
    if (!name) problem("naam", "missing_name", "de naam ontbreekt.");
    else if (name.length > 200) problem("naam", "too_long", "de naam is langer dan 200 tekens.");
    const team = teamText ? teamByName.get(headingKey(teamText)) : undefined;
    if (!teamText) problem("team", "missing_team", "het team ontbreekt.");
    else if (!team) problem("team", "unknown_team", `het team “${teamText}” bestaat niet in deze gemeente; kies uit ${teams.map((t) => t.name).join(", ") || "(nog geen teams)"}.`);
    if (emailText && (emailText.length > 254 || !email.safeParse(emailText).success)) problem("e-mail", "bad_email", `“${emailText}” is geen geldig e-mailadres.`);
    const completion = statusText ? statusWords[headingKey(statusText)] : defaultCompletion(session.kind);
    if (!completion) problem("status", "bad_status", `onbekende status “${statusText}”; gebruik afgerond, aanwezig of afwezig.`);
    const completedOn = dateText ? parseDay(dateText) : null;
    if (dateText && !completedOn) problem("datum", "bad_date", `“${dateText}” is geen geldige datum; schrijf bijvoorbeeld 14-03-2026.`);
    else if (completedOn && completedOn < session.startsOn) problem("datum", "before_session", `de datum ${dateText} ligt vóór de sessie.`);
    else if (completedOn && completedOn > session.today) problem("datum", "future_date", `de datum ${dateText} ligt in de toekomst.`);
    if (name) {
      const nameHash = kernel.crypto.blindIndex("name", name);
      const first = firstRowOf.get(nameHash);
      if (first !== undefined) problem("naam", "duplicate_in_file", `“${name}” staat ook op regel ${first}.`);
      else firstRowOf.set(nameHash, row);
      if (existing.has(nameHash)) problem("naam", "already_participant", `“${name}” staat al op de deelnemerslijst van deze sessie.`);
      if (problems.length === before && team && completion) {
        rows.push({ row, name, team: team.name, teamId: team.id, email: emailText || null, completion, completedOn, nameHash });
      }
    }
  }
  return { rows, problems };
}

function rejected(detail: string, problems: InvalidParam[]) {
  return invalidInput(detail, problems);
}

export function importParticipantsFor(kernel: Kernel, actor: Actor, sessionId: string, body: z.infer<typeof importBody>, clientAddress: string) {
  return kernel.db.transaction(async (tx) => {
    const session = await findSession(tx, sessionId);
    if (!session) throw notFound();
    const scope = await scopeOf(tx, actor, "manage", session.municipality_id, sessionId);
    let table: RawTable;
    try {
      table = await readTable(body.fileName, decodeContent(body.content));
    } catch (error) {
      if (error instanceof FileProblem) throw rejected(`${error.reason} Er is niets ingelezen.`, [{ name: "file", code: error.code, reason: error.reason }]);
      throw error;
    }
    const today = dutchDate(kernel.now());
    const { rows, problems } = checkRows(kernel, table, await listTeams(tx, session.municipality_id), await nameHashesOf(tx, sessionId), {
      startsOn: session.starts_on, kind: session.offer_kind, today,
    });
    if (problems.length > 0) {
      const wrong = new Set(problems.map((p) => p.name.replace(/\..*$/, ""))).size;
      throw rejected(`${wrong === 1 ? "1 regel heeft" : `${wrong} regels hebben`} een fout. Er is niets ingelezen; verbeter het bestand en lees het opnieuw in.`, problems);
    }
    const preview = rows.map(({ row, name, team, email, completion, completedOn }) => ({ row, name, team, email, completion, completedOn }));
    if (body.dryRun) return { dryRun: true, imported: 0, rows: preview };
    const participants: NewParticipant[] = rows.map((r) => ({
      sessionId, municipalityId: session.municipality_id, teamId: r.teamId, nameEnc: kernel.crypto.encrypt("training_participants.name", r.name), nameHash: r.nameHash,
      emailEnc: kernel.crypto.encryptOptional("training_participants.email", r.email), completion: r.completion, completedOn: r.completedOn,
    }));
    const ids = await insertParticipants(tx, participants, actor.userId, kernel.now());
    for (const id of ids) {
      kernel.audit.record(tx, {
        actor: auditActor(actor, scope.role), action: "create", objectType: "training_participant", objectId: id, ownerOrganisationId: session.municipality_id,
        dataSubjectRef: subjectRef(id), purpose: PURPOSE, result: "success", clientAddress, details: { sessionId, import: body.fileName },
      });
    }
    return { dryRun: false, imported: ids.length, rows: preview };
  });
}

