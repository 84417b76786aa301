import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { after, before, describe, it } from "node:test";
import { dutchDate } from "../../src/server/kernel/dutch-time.ts";
import { grants, resources, roles, type Resource, type Role } from "../../src/server/kernel/policy/matrix.ts";
import { addDays } from "../../src/server/modules/care/calendar.ts";
import { teamPurposes, type TeamPurpose } from "../../src/server/modules/care/codes.ts";
import { fileParts, purposeParts, type FilePart } from "../../src/server/modules/care/purposes.ts";
import { createUser, demoIds, withoutInstance, type FixtureUser } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The access matrix of care coordination exercised over HTTP, generated from matrix.ts like
 * access-matrix.test.ts does for users and organisations. The world is described symbolically, so every
 * cell's answer is computed from the grants before anything runs; the setup then builds that world.
 *
 *   region R1 (demo): "care" = Zorgcoördinatie Mensenhandel Gelderland, "partner" = Politie Oost-Nederland
 *   region R2 (demo): "elsewhere" = Zorgcoördinatie Mensenhandel IJsselland
 *   actors: one user per role in each of the three organisations
 *   files: all held by "care" (opened by the demo coordinator, who stays on every team); on each file the
 *   care and partner actors have one kind of case team membership, written straight into case_team_members
 *   (also where the service would refuse it, e.g. a policy officer as coordinator), so that it is the
 *   matrix that refuses, not the service.
 */
type Org = "care" | "partner" | "elsewhere";
const ORGS: Org[] = ["care", "partner", "elsewhere"];
const orgLabel: Record<Org, string> = {
  care: "the care coordination organisation",
  partner: "a partner organisation of the region",
  elsewhere: "another region",
};

interface ActorSpec {
  key: string;
  role: Role;
  org: Org;
  label: string;
}
const actorSpecs: ActorSpec[] = ORGS.flatMap((org) => roles.map((role) => ({ key: `${role}@${org}`, role, org, label: `${role} in ${orgLabel[org]}` })));

/** A case team membership, its period in days relative to today. */
interface Membership {
  memberRole: "coordinator" | "partner";
  purpose: TeamPurpose | null;
  from: number;
  until: number | null;
  ended: boolean;
}
interface FileSpec {
  key: string;
  /** What the care and partner actors are on this file's team; null: nothing. */
  membership: Membership | null;
  label: string;
  /** Filled through the API with a marker in every part, to see which parts a reader receives. */
  marked: boolean;
}
const coordinator: Membership = { memberRole: "coordinator", purpose: null, from: 0, until: null, ended: false };
const asPartner = (purpose: TeamPurpose): Membership => ({ memberRole: "partner", purpose, from: 0, until: 30, ended: false });
const variants = (memberRole: "coordinator" | "partner") => {
  const purpose = memberRole === "partner" ? ("shelter" as const) : null;
  const until = memberRole === "partner" ? 30 : null;
  return [
    { key: `period_ended:${memberRole}`, label: `${memberRole} whose period ended yesterday`, membership: { memberRole, purpose, from: -30, until: -1, ended: false } },
    { key: `not_yet_begun:${memberRole}`, label: `${memberRole} whose period begins tomorrow`, membership: { memberRole, purpose, from: 1, until, ended: false } },
    { key: `membership_ended:${memberRole}`, label: `${memberRole} whose membership was ended`, membership: { memberRole, purpose, from: -10, until, ended: true } },
  ];
};
const fileSpecs: FileSpec[] = [
  { key: "coordinator", label: "coordinator on the case team", membership: coordinator, marked: true },
  ...teamPurposes.map((purpose) => ({ key: `partner:${purpose}`, label: `partner on the case team for ${purpose}`, membership: asPartner(purpose), marked: true })),
  ...[...variants("coordinator"), ...variants("partner")].map((v) => ({ ...v, marked: false })),
  { key: "none", label: "no membership", membership: null, marked: false },
];
/** Actors of another region meet the files as strangers; the most open file and the file without a team suffice. */
const filesOf = (a: ActorSpec) => (a.org === "elsewhere" ? fileSpecs.filter((f) => f.key === "coordinator" || f.key === "none") : fileSpecs);

const active = (m: Membership, day: number) => !m.ended && m.from <= day && (m.until === null || m.until >= day);
/** The relations the actor has to a file on day `day` (0 = today), by the meaning of each relation (policy.ts). */
function fileRelations(a: ActorSpec, f: FileSpec, day = 0): string[] {
  const rels: string[] = [];
  if (a.org === "care") rels.push("own_organisation");
  const m = a.org !== "elsewhere" ? f.membership : null;
  if (m && active(m, day)) rels.push(m.memberRole === "coordinator" ? "case_team_coordinator" : "case_team_partner");
  return rels;
}
function relationLabel(a: ActorSpec, f: FileSpec): string {
  if (a.org !== "elsewhere" && f.membership) return f.label;
  return { care: "same organisation, not on the team", partner: "same region, no relation", elsewhere: "other region" }[a.org];
}

const allowed = (resource: Resource, relations: string[], actorRoles: Role[], action: string) =>
  grants.some(
    (g) => g.resource === resource && relations.includes(g.relation) && g.roles.some((r) => actorRoles.includes(r)) && (g.actions as readonly string[]).includes(action),
  );
/** 2xx when a grant allows it; otherwise 403 if the actor may read the record, 404 if not even that. */
const expected = (resource: Resource, relations: string[], actorRoles: Role[], action: string, ok: number) =>
  allowed(resource, relations, actorRoles, action) ? ok : action !== "read" && allowed(resource, relations, actorRoles, "read") ? 403 : 404;

/** Where each part of a file is in the API's answer, and the marker the setup put into it. */
const partField: Record<FilePart, string> = {
  person: "person", exploitation: "exploitation", youth: "youth", consent: "consents", team: "team", care_plan: "carePlan",
  shelter: "shelter", residence: "residence", registration: "registration", history: "history",
};
const marker = (part: FilePart) => `MRK_${part.toUpperCase()}`;
/** The parts a membership opens, straight from purposes.ts: everything for a coordinator, the purpose's parts for a partner. */
const partsFor = (m: Membership): FilePart[] =>
  m.memberRole === "coordinator" ? [...fileParts] : fileParts.filter((p) => purposeParts[m.purpose!].includes(p));

type Json = Record<string, unknown>;

describe("the access matrix of care coordination over HTTP", () => {
  let t: TestApp;
  let today: string;
  const orgIds = {} as Record<Org, string>;
  let shelterId: string;
  let owner: TestClient;
  let helper: FixtureUser;
  const actors = new Map<string, { spec: ActorSpec; client: TestClient; user: FixtureUser }>();
  const fileIds = {} as Record<string, string>;
  /** Files outside fileSpecs on which an actor is coordinator (the transfer section's files). */
  const extraCoordinatorFiles = new Map<string, string[]>();
  /** The status each actor got reading each file in the cells, to compare the list with. */
  const readStatus = new Map<string, number>();

  before(async () => {
    t = await startTestApp();
    today = dutchDate(t.clock.now);
    const demo = await demoIds(t);
    orgIds.care = demo.organisations.zorg;
    orgIds.partner = demo.organisations.politie;
    orgIds.elsewhere = demo.organisations.zorgijssel;
    shelterId = demo.organisations.opvang;
    owner = await t.login("zorg@zorgcoordinatie.demo");
    helper = await createUser(t, { email: "helper@politie.test", organisationId: orgIds.partner, roles: ["partner"] });

    for (const spec of actorSpecs) {
      const user = await createUser(t, { email: `${spec.role}.${spec.org}@care-matrix.test`, organisationId: orgIds[spec.org], roles: [spec.role] });
      actors.set(spec.key, { spec, client: await t.login(user.email, { totpSecret: user.totpSecret }), user });
    }
    for (const f of fileSpecs) {
      fileIds[f.key] = await openFile(f.key, f.marked);
      if (f.membership) {
        for (const { spec, user } of actors.values()) if (spec.org !== "elsewhere") await addMember(fileIds[f.key]!, user, f.membership);
      }
    }
  });
  after(() => t.close());

  const actor = (key: string) => actors.get(key)!;
  const ok2xx = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;

  async function openFile(label: string, marked: boolean): Promise<string> {
    const res = await owner.post(
      "/api/v1/victim-files",
      marked
        ? {
            source: "police",
            person: { name: `Mira ${label}`, birthDate: "1990-05-01", phone: "+31 6 12345678", contact: marker("person"), gender: "female" },
            nationality: "POL",
            languages: ["pl", "en"],
            exploitationForms: ["labour"],
            cameIntoView: marker("exploitation"),
          }
        : { source: "police", ageGroup: "24_30", exploitationForms: ["sexual"] },
    );
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().id as string;
    if (!marked) return id;
    const steps: ["POST" | "PATCH" | "PUT", string, unknown][] = [
      ["PATCH", "", { guardian: marker("youth") }],
      ["POST", "/consents", { purpose: "international_exchange", partyName: "IOM", status: "given", decidedOn: today, recordedHow: "written", note: marker("consent") }],
      ["POST", "/team-members", {
        userId: helper.id, memberRole: "partner", purpose: "criminal_investigation", purposeNote: marker("team"), validUntil: addDays(today, 30),
        legalBasis: "public_task", legalBasisNote: marker("team"),
      }],
      ["POST", "/goals", { domain: "safety", description: marker("care_plan"), targetDate: addDays(today, 30) }],
      ["POST", "/shelter-placements", { shelterOrganisationId: shelterId, placeType: "regular", admittedOn: today, note: marker("shelter") }],
      ["PUT", "/police-report", { status: "unable", unableBasis: "threat", unableStatement: marker("residence") }],
      // The explanation of a legal basis is kept in the file's history, with the export it allowed.
      ["POST", "/comensha-exports", { format: "csv", legalBasis: "legal_obligation", legalBasisNote: marker("history") }],
      ["POST", "/comensha-registration", { registeredOn: today, comenshaNumber: marker("registration") }],
    ];
    for (const [method, path, body] of steps) {
      const step = await owner.request(method, `/api/v1/victim-files/${id}${path}`, body);
      assert.equal(step.statusCode, 200, `${method} ${path}: ${step.body}`);
    }
    return id;
  }

  async function addMember(fileId: string, user: FixtureUser, m: Membership) {
    await t.db.query(
      `insert into case_team_members (file_id, user_id, organisation_id, member_role, purpose, valid_from, valid_until, basis, added_at, ended_at, end_reason)
       values ($1, $2, $3, $4, $5, $6::date, $7::date, $8, $9, $10, $11)`,
      [
        fileId, user.id, user.organisationId, m.memberRole, m.purpose, addDays(today, m.from),
        m.until === null ? null : addDays(today, m.until), m.memberRole === "coordinator" ? "coordinator" : "public_task",
        t.clock.now, m.ended ? t.clock.now : null, m.ended ? "ended_by_coordinator" : null,
      ],
    );
  }

  /** What a refused command must leave untouched. */
  async function fingerprint(fileId: string) {
    const rows = await t.db.query(
      `select f.row_version, f.status, f.languages,
              (select count(*)::int from case_team_members m where m.file_id = f.id) as members,
              (select count(*)::int from case_team_members m where m.file_id = f.id and m.ended_at is not null) as ended_members,
              (select count(*)::int from consents c where c.file_id = f.id) as consents,
              (select count(*)::int from victim_needs n where n.file_id = f.id) as needs,
              (select count(*)::int from victim_file_events e where e.file_id = f.id) as events,
              (select count(*)::int from victim_file_transfers x where x.file_id = f.id) as transfers,
              (select count(*)::int from comensha_exports x where x.file_id = f.id) as exports
         from victim_files f where f.id = $1`,
      [fileId],
    );
    return rows[0];
  }

  /** The answers for records that do not exist, per endpoint (who asks makes no difference to them). */
  const references = new Map<string, Json>();
  async function check(res: LightMyRequestResponse, status: number, what: string, missing: { key: string; request: () => Promise<LightMyRequestResponse> }) {
    assert.equal(res.statusCode, status, `${what}: ${res.body}`);
    if (status === 403) assert.equal(res.json().code, "forbidden", what);
    if (status === 404) {
      let reference = references.get(missing.key);
      if (!reference) {
        const r = await missing.request();
        assert.equal(r.statusCode, 404, `${what}: reference ${r.body}`);
        reference = withoutInstance(r.json());
        references.set(missing.key, reference);
      }
      assert.deepEqual(withoutInstance(res.json()), reference, `${what}: 404 differs from a nonexistent record`);
    }
  }

  /** A read that the matrix allowed: exactly the parts of the membership, never more. */
  function checkView(body: Json, raw: string, spec: ActorSpec, f: FileSpec, rels: string[]) {
    assert.ok(f.marked, "only files with a marker in every part are readable, so no read goes unchecked");
    const m = f.membership!;
    const parts = partsFor(m);
    assert.deepEqual(body.visibleParts, parts, "visible parts");
    for (const part of fileParts) {
      assert.equal(body[partField[part]] !== null, parts.includes(part), `part ${part} sent: ${parts.includes(part)}`);
      assert.equal(raw.includes(marker(part)), parts.includes(part), `marker of ${part} in the answer: ${parts.includes(part)}`);
    }
    // The coordinator's working tools come with the whole file only.
    if (m.memberRole === "coordinator") assert.ok(Array.isArray(body.tasks), "tasks");
    else for (const key of ["tasks", "transferredFrom", "pendingTransfer"]) assert.equal(body[key], null, key);
    assert.deepEqual(body.myMembership, { memberRole: m.memberRole, purpose: m.purpose, validUntil: m.until === null ? null : addDays(today, m.until) });
    const abilities = body.abilities as Record<string, boolean>;
    for (const action of resources.victim_file.actions) {
      assert.equal(abilities[action], allowed("victim_file", rels, [spec.role], action), `ability ${action}`);
    }
    assert.equal((body.nextSteps as unknown[]).length > 0, allowed("victim_file", rels, [spec.role], "transition"), "next steps offered");
  }

  const v = (id: string, path = "") => `/api/v1/victim-files/${id}${path}`;

  for (const spec of actorSpecs) {
    describe(spec.label, () => {
      for (const f of filesOf(spec)) {
        const rels = fileRelations(spec, f);
        const role = [spec.role];
        const cells = {
          read: expected("victim_file", rels, role, "read", 200),
          update: expected("victim_file", rels, role, "update", 200),
          manage_team: expected("victim_file", rels, role, "manage_team", 200),
          record_consent: expected("victim_file", rels, role, "record_consent", 200),
          transition: expected("victim_file", rels, role, "transition", 200),
          transfer: expected("victim_file", rels, role, "transfer", 200),
          export: expected("victim_file", rels, role, "export", 200),
        };
        const summary = Object.entries(cells).map(([action, status]) => `${action} ${status}`).join(", ");
        it(`${relationLabel(spec, f)} [${rels.join(",") || "no relation"}]: ${summary}`, async () => {
          const c = actor(spec.key).client;
          const id = fileIds[f.key]!;
          const before = await fingerprint(id);
          const attempt = async (
            action: keyof typeof cells,
            method: "GET" | "POST" | "PATCH" | "PUT",
            path: string,
            body?: unknown,
          ): Promise<LightMyRequestResponse> => {
            const res = await c.request(method, v(id, path), body);
            await check(res, cells[action], `${action}: ${method} ${path || "/"}`, {
              key: `${method} ${path.replace(/[0-9a-f-]{36}/g, ":id")}`,
              request: () => c.request(method, v(randomUUID(), path), body),
            });
            return res;
          };

          // read
          const read = await attempt("read", "GET", "");
          readStatus.set(`${spec.key} ${id}`, read.statusCode);
          if (cells.read === 200) checkView(read.json(), read.body, spec, f, rels);

          // Where the actor may not even read the file, every endpoint ends in the same check before any work;
          // the second endpoint of an action (needs, candidates, ending a membership, HTCDS) is tried where
          // the file is readable, so that a missing or wrong check shows as a 200 or a wrong status.
          const readable = cells.read === 200;

          // update: the person and the care plan
          const patched = await attempt("update", "PATCH", "", { languages: ["pl", "de"] });
          if (ok2xx(patched)) assert.deepEqual(patched.json().person.languages, ["pl", "de"]);
          if (readable) {
            const need = await attempt("update", "PUT", "/needs/safety", { status: "in_progress", note: "Veilige plek gezocht" });
            if (ok2xx(need)) assert.ok((need.json().carePlan.needs as Json[]).some((n) => n.domain === "safety" && n.status === "in_progress"));
          }

          // manage_team: candidates, add a partner user (on a stated legal basis), end that membership
          if (readable) await attempt("manage_team", "GET", `/team-candidates?organisationId=${orgIds.partner}`);
          const newcomer = cells.manage_team === 200 ? (await createUser(t, { organisationId: orgIds.partner, roles: ["partner"] })).id : randomUUID();
          const added = await attempt("manage_team", "POST", "/team-members", {
            userId: newcomer, memberRole: "partner", purpose: "care_provision", validUntil: addDays(today, 14),
            legalBasis: "vital_interest", legalBasisNote: "Acute medische zorg",
          });
          if (readable) {
            const memberId = ok2xx(added) ? ((added.json().team as Json[]).find((m) => m.userId === newcomer && m.active)?.id as string) : randomUUID();
            if (ok2xx(added)) assert.ok(memberId, "the new member is on the team");
            const ended = await attempt("manage_team", "POST", `/team-members/${memberId}/end`, { reason: "Zorg geregeld" });
            if (ok2xx(ended)) assert.equal((ended.json().team as Json[]).find((m) => m.id === memberId)?.active, false);
          }

          // record_consent
          const consent = await attempt("record_consent", "POST", "/consents", { purpose: "comensha_registration", status: "given", decidedOn: today, recordedHow: "verbal" });
          if (ok2xx(consent)) assert.ok((consent.json().consents.current as Json[]).some((r) => r.purpose === "comensha_registration" && r.status === "given"));

          // transition: the step the file's present status allows (never closing: that would end the partners' access)
          const status = ((await t.db.query<{ status: string }>("select status from victim_files where id = $1", [id]))[0]!).status;
          const step = status === "intake" ? { to: "active" } : status === "active" ? { to: "aftercare" } : { to: "active", reason: "Opnieuw zorg nodig" };
          const moved = await attempt("transition", "POST", "/transitions", step);
          if (ok2xx(moved)) assert.equal(moved.json().status, step.to);

          // transfer to the other region's care coordination; the same coordinator withdraws it again. A file
          // is not transferred while the person is in a shelter here: where the transfer is allowed, the stay
          // ends first (its record, with the marker, stays).
          if (cells.transfer === 200) {
            const open = await t.db.query<{ id: string }>("select id from shelter_placements where file_id = $1 and left_on is null", [id]);
            for (const placement of open) {
              const left = await c.post(v(id, `/shelter-placements/${placement.id}/leave`), { leftOn: today, leaveKind: "throughflow", destination: "other_shelter" });
              assert.equal(left.statusCode, 200, left.body);
            }
          }
          const transfer = await attempt("transfer", "POST", "/transfers", {
            organisationId: orgIds.elsewhere, reason: "Verhuist naar IJsselland", legalBasis: "vital_interest", legalBasisNote: "Veiligheid van de cliënt",
          });
          if (ok2xx(transfer)) {
            const pending = transfer.json().pendingTransfer as Json | null;
            assert.ok(pending, "the transfer is pending");
            const withdrawn = await c.post(`/api/v1/victim-file-transfers/${pending.id as string}/withdraw`);
            assert.equal(withdrawn.statusCode, 200, withdrawn.body);
          }

          // export: the CoMensha registration and the HTCDS file
          const comensha = await attempt("export", "POST", "/comensha-exports", { format: "json", legalBasis: "legal_obligation", legalBasisNote: "Registratie" });
          if (ok2xx(comensha)) assert.equal(JSON.parse(comensha.json().content as string).exploitationForms.length > 0, true);
          if (readable) {
            const htcds = await attempt("export", "POST", "/htcds-exports", { format: "json", recipient: "IOM", legalBasis: "vital_interest", legalBasisNote: "Terugkeer" });
            if (ok2xx(htcds)) assert.equal(JSON.parse(htcds.json().content as string).version, "2.0");
          }

          const commands = ["update", "manage_team", "record_consent", "transition", "transfer", "export"] as const;
          if (commands.every((a) => cells[a] !== 200)) assert.deepEqual(await fingerprint(id), before, "a refused command changed the file");
        });
      }

      it("victim files: the list holds exactly the files the single-record rule allows", async () => {
        const c = actor(spec.key).client;
        const res = await c.get("/api/v1/victim-files?pageSize=100");
        assert.equal(res.statusCode, 200, res.body);
        const want = fileSpecs.filter((f) => allowed("victim_file", fileRelations(spec, f), [spec.role], "list"));
        const items = res.json().items as Json[];
        assert.deepEqual(items.map((i) => i.id).sort(), want.map((f) => fileIds[f.key]).sort());
        assert.equal(res.json().total, want.length);
        for (const item of items) {
          const f = fileSpecs.find((s) => fileIds[s.key] === item.id)!;
          const m = f.membership!;
          assert.equal(item.memberRole, m.memberRole);
          assert.equal(item.purpose, m.purpose);
          // A partner finds the name only on the file itself; the forms only if the purpose opens them.
          assert.equal(item.name !== null, m.memberRole === "coordinator" && f.marked, "name in the list");
          assert.equal(item.exploitationForms !== null, partsFor(m).includes("exploitation"), "forms in the list");
        }
        // The same answer as asking for every file in the database one by one (as the cells above did).
        const listed = new Set(items.map((i) => i.id as string));
        for (const { id } of await t.db.query<{ id: string }>("select id from victim_files")) {
          const status = readStatus.get(`${spec.key} ${id}`) ?? (await c.get(v(id))).statusCode;
          assert.equal(status, listed.has(id) ? 200 : 404, `file ${id}`);
        }
        // The coordinator's overview: the open files the actor may work on, nothing else.
        const overview = await c.get("/api/v1/care-overview");
        assert.equal(overview.statusCode, 200, overview.body);
        const open = fileSpecs.filter((f) => allowed("victim_file", fileRelations(spec, f), [spec.role], "update")).map((f) => fileIds[f.key]).sort();
        assert.deepEqual((overview.json().openFiles as Json[]).map((o) => o.id).sort(), open);
        for (const task of overview.json().tasks as Json[]) assert.ok(open.includes(task.fileId as string), "a task of a file not coordinated");
      });

      const occupancy = allowed("shelter_occupancy", ["member_region"], [spec.role], "read") ? 200 : 404;
      it(`shelter occupancy of their region [member_region]: ${occupancy}`, async () => {
        const c = actor(spec.key).client;
        const res = await c.get("/api/v1/shelter-occupancy");
        await check(res, occupancy, "shelter occupancy", { key: "GET ", request: () => c.get(v(randomUUID())) });
        if (occupancy !== 200) return;
        const placed = await t.db.query<{ n: number }>("select count(*)::int as n from shelter_placements where shelter_organisation_id = $1 and left_on is null", [shelterId]);
        // The region's shelters with their counts; the other region has no shelter.
        const want = spec.org === "elsewhere" ? [] : [{ organisationId: shelterId, name: "Opvang De Linde (COSM)", current: placed[0]!.n, byPlaceType: { regular: placed[0]!.n } }];
        assert.deepEqual(res.json().items, want);
        assert.ok(placed[0]!.n > 0);
      });
    });
  }

  describe("policy officers, privacy officers and administrators get no personal data from any care endpoint", () => {
    for (const spec of actorSpecs.filter((s) => ["policy_officer", "privacy_officer", "administrator"].includes(s.role))) {
      it(`${spec.label} (on many case teams in the database)`, async () => {
        const c = actor(spec.key).client;
        const answers: LightMyRequestResponse[] = [];
        const get = async (url: string, status = 200) => {
          const res = await c.get(url);
          assert.equal(res.statusCode, status, `${url}: ${res.body}`);
          answers.push(res);
          return res.json();
        };
        for (const url of ["/api/v1/victim-files?pageSize=100", "/api/v1/victim-files?q=Mira", "/api/v1/victim-files?status=open"]) {
          const list = await get(url);
          assert.deepEqual(list.items, []);
          assert.equal(list.total, 0);
        }
        const overview = await get("/api/v1/care-overview");
        assert.deepEqual(overview.counts, { intake: 0, active: 0, aftercare: 0 });
        for (const key of ["openFiles", "tasks", "waitingReferrals", "incomingTransfers"]) assert.deepEqual(overview[key], [], key);
        assert.deepEqual((await get("/api/v1/victim-file-transfers")).items, []);
        const mayCount = spec.role === "policy_officer";
        const occupancy = await get("/api/v1/shelter-occupancy", mayCount ? 200 : 404);
        if (mayCount) {
          for (const item of occupancy.items as Json[]) assert.deepEqual(Object.keys(item).sort(), ["byPlaceType", "current", "name", "organisationId"]);
        }
        for (const f of fileSpecs) await get(v(fileIds[f.key]!), 404);
        for (const res of answers) assert.doesNotMatch(res.body, /MRK_|Mira/, "personal data in an answer");
      });
    }
  });

  describe("transfers to another region", () => {
    // Two files of the care organisation, every care actor written into their teams as coordinator (so all of
    // them are "sending_coordinator"; the matrix grants only the care coordinator); transfers go to
    // "elsewhere". The transfers of the first are declined and withdrawn, the transfer of the second accepted.
    let sendingFile: string;
    let acceptFile: string;
    const care = () => actorSpecs.filter((s) => s.org === "care");

    async function pendingOn(fileId: string): Promise<string> {
      const rows = await t.db.query<{ id: string }>("select id from victim_file_transfers where file_id = $1 and status = 'pending'", [fileId]);
      if (rows[0]) return rows[0].id;
      const res = await owner.post(v(fileId, "/transfers"), {
        organisationId: orgIds.elsewhere, reason: "Verhuist naar IJsselland", legalBasis: "vital_interest", legalBasisNote: "Veiligheid van de cliënt",
      });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json().pendingTransfer as Json).id as string;
    }
    const transferStatus = async (id: string) =>
      (await t.db.query<{ status: string }>("select status from victim_file_transfers where id = $1", [id]))[0]!.status;

    before(async () => {
      sendingFile = await openFile("transfer", false);
      acceptFile = await openFile("accept", false);
      for (const spec of care()) {
        for (const file of [sendingFile, acceptFile]) await addMember(file, actor(spec.key).user, coordinator);
        extraCoordinatorFiles.set(spec.key, [sendingFile, acceptFile]);
      }
    });

    /** Coordinator memberships (active today) per actor: the world's files and the transfer files. */
    const coordinatorFiles = (a: ActorSpec) => [
      ...fileSpecs.filter((f) => fileRelations(a, f).includes("case_team_coordinator")).map((f) => fileIds[f.key]!),
      ...(extraCoordinatorFiles.get(a.key) ?? []),
    ];
    const transferRelations = (a: ActorSpec, transfer: { file_id: string; to_organisation_id: string }) => [
      ...(transfer.to_organisation_id === orgIds[a.org] ? ["receiving_organisation"] : []),
      ...(coordinatorFiles(a).includes(transfer.file_id) ? ["sending_coordinator"] : []),
    ];

    // The receiving coordinator goes last: their acceptance closes the file the others try to accept.
    const order = [...actorSpecs].sort((a, b) => Number(a.key === "care_coordinator@elsewhere") - Number(b.key === "care_coordinator@elsewhere"));
    for (const spec of order) {
      const rels = spec.org === "elsewhere" ? ["receiving_organisation"] : spec.org === "care" ? ["sending_coordinator"] : [];
      const role = [spec.role];
      const cells = {
        list: allowed("victim_file_transfer", rels, role, "list"),
        decline: expected("victim_file_transfer", rels, role, "respond", 200),
        withdraw: expected("victim_file_transfer", rels, role, "withdraw", 200),
        accept: expected("victim_file_transfer", rels, role, "respond", 200),
      };
      it(`${spec.label} [${rels.join(",") || "no relation"}]: list ${cells.list ? "sees it" : "does not"}, decline ${cells.decline}, withdraw ${cells.withdraw}, accept ${cells.accept}`, async () => {
        const { client: c, user } = actor(spec.key);
        const missing = (verb: string, body?: unknown) => ({
          key: `POST transfer ${verb}`,
          request: () => c.post(`/api/v1/victim-file-transfers/${randomUUID()}/${verb}`, body),
        });
        let pending = await pendingOn(sendingFile);

        const list = await c.get("/api/v1/victim-file-transfers");
        assert.equal(list.statusCode, 200, list.body);
        const items = list.json().items as Json[];
        const all = await t.db.query<{ id: string; file_id: string; to_organisation_id: string }>("select id, file_id, to_organisation_id from victim_file_transfers");
        const want = all.filter((x) => allowed("victim_file_transfer", transferRelations(spec, x), role, "list")).map((x) => x.id).sort();
        assert.deepEqual(items.map((i) => i.id).sort(), want);
        assert.equal(want.includes(pending), cells.list);
        for (const item of items) {
          const incoming = all.find((x) => x.id === item.id)!.to_organisation_id === orgIds[spec.org];
          assert.equal(item.direction, incoming ? "incoming" : "outgoing");
          // The receiver sees the handover, not the file.
          assert.equal(item.fileId === null, incoming);
        }

        const decline = await c.post(`/api/v1/victim-file-transfers/${pending}/decline`, { reason: "Geen plek" });
        await check(decline, cells.decline, "decline", missing("decline", { reason: "Geen plek" }));
        assert.equal(await transferStatus(pending), cells.decline === 200 ? "declined" : "pending");
        if (cells.decline === 200) pending = await pendingOn(sendingFile);

        const withdraw = await c.post(`/api/v1/victim-file-transfers/${pending}/withdraw`);
        await check(withdraw, cells.withdraw, "withdraw", missing("withdraw"));
        assert.equal(await transferStatus(pending), cells.withdraw === 200 ? "withdrawn" : "pending");

        const offered = await pendingOn(acceptFile);
        const accept = await c.post(`/api/v1/victim-file-transfers/${offered}/accept`);
        await check(accept, cells.accept, "accept", missing("accept"));
        assert.equal(await transferStatus(offered), cells.accept === 200 ? "accepted" : "pending");
        if (cells.accept !== 200) return;
        const opened = accept.json() as Json;
        assert.equal(opened.organisationId, orgIds.elsewhere);
        assert.equal(opened.status, "intake");
        assert.deepEqual((opened.coordinators as Json[]).map((m) => m.userId), [user.id]);
        extraCoordinatorFiles.set(spec.key, [opened.id as string]);
        const old = await t.db.query<{ status: string; closure_reason: string }>("select status, closure_reason from victim_files where id = $1", [acceptFile]);
        assert.deepEqual(old[0], { status: "closed", closure_reason: "moved_region" });
        // The file that was handed over stays with the sending coordinators; the receiver has only the new one.
        assert.equal((await c.get(v(acceptFile))).statusCode, 404);
        assert.equal((await c.get(v(opened.id as string))).statusCode, 200);
        const sender = await actor("care_coordinator@care").client.get(v(acceptFile));
        assert.equal(sender.statusCode, 200, sender.body);
        assert.equal(sender.json().status, "closed");
      });
    }
  });

  describe("without a valid session", () => {
    it("anonymous requests get 401 on every care endpoint of the OpenAPI document", async () => {
      const anonymous = t.client();
      const doc = await anonymous.get("/api/v1/openapi.json");
      assert.equal(doc.statusCode, 200);
      const care = /^\/(victim-files|victim-file-transfers|care-overview|care-network|shelter-occupancy)\b/;
      const endpoints = Object.entries(doc.json().paths as Record<string, Record<string, unknown>>)
        .filter(([path]) => care.test(path))
        .flatMap(([path, item]) => Object.keys(item).filter((m) => ["get", "post", "put", "patch", "delete"].includes(m)).map((m) => [m.toUpperCase(), path] as const));
      // Files and team 9, plan, shelter and residence 12, registrations, transfers and overview 10,
      // bringing a file to a case conference 1.
      assert.equal(endpoints.length, 32, endpoints.map((e) => e.join(" ")).join("\n"));
      for (const [method, path] of endpoints) {
        const url = `/api/v1${path}`.replace("{id}", fileIds.coordinator!).replace("{domain}", "safety").replace(/\{\w+\}/g, () => randomUUID());
        const res = await anonymous.request(method as "GET", url, method === "GET" ? undefined : {});
        assert.equal(res.statusCode, 401, `${method} ${url}: ${res.body}`);
        assert.equal(res.json().code, "unauthenticated");
        assert.doesNotMatch(res.body, /MRK_|Mira/);
      }
    });
  });

  // Last: it moves the clock.
  describe("memberships that hold for a period", () => {
    it("a day later, the list and the single record agree on who is on the team", async () => {
      t.clock.advance(24 * 60 * 60 * 1000);
      for (const key of ["care_coordinator@care", "partner@partner"]) {
        const { spec, user } = actor(key);
        const c = await t.login(user.email, { totpSecret: user.totpSecret });
        const want = [
          ...fileSpecs.filter((f) => allowed("victim_file", fileRelations(spec, f, 1), [spec.role], "list")).map((f) => fileIds[f.key]!),
          ...(extraCoordinatorFiles.get(key) ?? []),
        ].sort();
        // Those whose period began today are in; nobody else changed.
        assert.ok(want.includes(fileIds[`not_yet_begun:${spec.role === "partner" ? "partner" : "coordinator"}`]!));
        const res = await c.get("/api/v1/victim-files?pageSize=100");
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual((res.json().items as Json[]).map((i) => i.id).sort(), want);
        for (const { id } of await t.db.query<{ id: string }>("select id from victim_files")) {
          assert.equal((await c.get(v(id))).statusCode, want.includes(id) ? 200 : 404, `file ${id}`);
        }
      }
    });
  });
});
