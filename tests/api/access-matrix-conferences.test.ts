import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { demoAccounts } from "../../src/server/demo/demo-region.ts";
import { grants, type Resource, type Role } from "../../src/server/kernel/policy/matrix.ts";
import {
  admitSignal, buildSignal, conferenceIds, dateIn, invite, itemIn, ok, planMeeting, type BuiltSignal, type ConferenceIds,
} from "../support/conferences.ts";
import { createOrganisation, createUser } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * Meeting participation in the access matrix, over HTTP, table-driven over (phase × participant) for two
 * meetings of the ZVH in the demo region, each with one admitted signal of Zevenaar:
 *
 *   A: the tax office and the RIEC (named to an analyst who is no delegate) take on actions during the meeting;
 *      afterwards the tax office cancels its action and the analyst finishes the RIEC's.
 *   B: the same invitations, and no actions at all.
 *
 * For every cell the table says what the participant gets: no meeting (404), the item's heading, or its
 * content. The same answer is derived from matrix.ts (the relations each participant has, by their meaning in
 * policy.ts), so the table and the grants cannot drift apart unnoticed. conferences-access.test.ts follows
 * the main delegates through one meeting with audit; this file adds the roles without a conference grant, a
 * focal officer of another region, the meeting without actions, the meeting list and the action list per cell,
 * and the anonymous requests on every conference endpoint.
 */
type Json = Record<string, unknown>;
type View = "none" | "heading" | "content";
type Org = "zvh" | "zevenaar" | "duiven" | "politie" | "belastingdienst" | "riec" | "inspectie" | "elsewhere";
const PHASES = ["before", "during", "during_actions", "after", "after_cancel"] as const;
type Phase = (typeof PHASES)[number];
type MeetingKey = "A" | "B";

interface Participant {
  key: string;
  label: string;
  org: Org;
  roles: Role[];
  /** A demo account, or a fixture user made for this file. */
  email?: string;
  delegate: boolean;
  proposer: boolean;
}
const demoRoles = (email: string) => [...demoAccounts.find((a) => a.email === email)!.roles] as Role[];
const demo = (key: string, label: string, org: Org, email: string, more: Partial<Participant> = {}): Participant => ({
  key, label, org, email, roles: demoRoles(email), delegate: false, proposer: false, ...more,
});
const made = (key: string, label: string, org: Org, roles: Role[], more: Partial<Participant> = {}): Participant => ({
  key, label, org, roles, delegate: false, proposer: false, ...more,
});
const participants: Participant[] = [
  demo("chair", "the organiser's chair", "zvh", "voorzitter@zvh.demo", { delegate: true }),
  demo("focal", "the focal officer who brought the signal in", "zevenaar", "aandacht@zevenaar.demo", { proposer: true }),
  demo("police", "a police delegate (no action)", "politie", "politie@politie.demo", { delegate: true }),
  demo("tax", "a tax office delegate (an action, cancelled afterwards)", "belastingdienst", "fiscus@belastingdienst.demo", { delegate: true }),
  demo("riec", "the RIEC's delegate (its action named to a colleague)", "riec", "riec@riec.demo", { delegate: true }),
  made("analyst", "the RIEC analyst named as the action's owner (no delegate)", "riec", ["partner"]),
  demo("stranger", "a partner of an organisation not invited", "inspectie", "inspectie@arbeidsinspectie.demo"),
  made("duiven", "a focal officer of another municipality of the region", "duiven", ["focal_officer"]),
  made("elsewhere", "a focal officer of a municipality in another region", "elsewhere", ["focal_officer"]),
  made("policy", "a policy officer of the municipality", "zevenaar", ["policy_officer"]),
  demo("administrator", "the municipality's administrator", "zevenaar", "beheer@zevenaar.demo"),
  demo("reporter", "a reporter of the municipality", "zevenaar", "melder@zevenaar.demo"),
  demo("privacy", "the municipality's privacy officer", "zevenaar", "privacy@zevenaar.demo"),
];

/**
 * The table: what each participant gets of the meeting's item, per meeting and phase. Columns in the order of
 * `participants`: chair, focal, police, tax, riec, analyst, stranger, duiven, elsewhere, policy, administrator,
 * reporter, privacy. C = content, H = heading, - = no meeting (404).
 */
const table: Record<MeetingKey, Record<Phase, string>> = {
  A: {
    before: "C C H H H - - H - - - - -",
    during: "C C C C C - - H - - - - -",
    during_actions: "C C C C C C - H - - - - -",
    after: "C C H C C C - H - - - - -",
    after_cancel: "C C H H C C - H - - - - -",
  },
  B: {
    before: "C C H H H - - H - - - - -",
    during: "C C C C C - - H - - - - -",
    during_actions: "C C C C C - - H - - - - -",
    after: "C C H H H - - H - - - - -",
    after_cancel: "C C H H H - - H - - - - -",
  },
};
const letter: Record<string, View> = { C: "content", H: "heading", "-": "none" };
const expectedView = (m: MeetingKey, phase: Phase, p: Participant): View => letter[table[m][phase].split(" ")[participants.indexOf(p)]!]!;

/** The actions on the item of meeting `m` in a phase: owner organisation, named owner, cancelled. */
function actionsIn(m: MeetingKey, phase: Phase) {
  if (m === "B" || phase === "before" || phase === "during") return [];
  return [
    { org: "belastingdienst" as Org, named: null, cancelled: phase === "after_cancel" },
    { org: "riec" as Org, named: "analyst", cancelled: false },
  ];
}
const status = (phase: Phase) => (phase === "before" ? "planned" : phase.startsWith("during") ? "in_progress" : "closed");
const inRegion = (org: Org) => org !== "elsewhere";

const allowed = (resource: Resource, relations: string[], actorRoles: Role[], action: string) =>
  grants.some((g) => g.resource === resource && relations.includes(g.relation) && g.roles.some((r) => actorRoles.includes(r)) && (g.actions as readonly string[]).includes(action));

/** The same answer from the grants: the participant's relations to the meeting and its item, by their meaning. */
function derivedView(m: MeetingKey, phase: Phase, p: Participant): View {
  const actions = actionsIn(m, phase).filter((a) => !a.cancelled);
  const meetingRelations = [
    ...(p.org === "zvh" ? ["organiser"] : []),
    ...(p.delegate ? ["delegate"] : []),
    ...(inRegion(p.org) ? ["region_member"] : []),
    ...(actions.some((a) => a.named === p.key) ? ["action_owner"] : []),
  ];
  if (!allowed("meeting", meetingRelations, p.roles, "read")) return "none";
  const itemRelations = [
    ...(p.org === "zvh" ? ["organiser"] : []),
    ...(p.org === "zevenaar" ? ["subject_municipality"] : []),
    ...(p.proposer ? ["proposed_by_self"] : []),
    ...(status(phase) === "in_progress" && p.delegate ? ["delegate_during"] : []),
    ...(actions.some((a) => a.org === p.org && (a.named === p.key || p.delegate)) ? ["action_owner"] : []),
  ];
  return allowed("agenda_item", itemRelations, p.roles, "read") ? "content" : "heading";
}

describe("the access matrix of case conferences over HTTP", () => {
  let t: TestApp;
  let ids: ConferenceIds;
  const clients = new Map<string, TestClient>();
  const userIds = new Map<string, string>();
  const meetings = {} as Record<MeetingKey, { id: string; itemId: string; signal: BuiltSignal }>;
  const actionIds = {} as Record<"tax" | "riec", string>;
  const client = (key: string) => clients.get(key)!;
  const QUESTION = "Moet de verhuurder worden aangesproken?";
  const VICTIM = "Katarzyna Wiśniewska";

  before(async () => {
    t = await startTestApp();
    ids = await conferenceIds(t);
    const orgIds: Record<Org, string> = {
      zvh: ids.organisations.zvh, zevenaar: ids.organisations.zevenaar, duiven: ids.organisations.duiven, politie: ids.organisations.politie,
      belastingdienst: ids.organisations.belastingdienst, riec: ids.organisations.riec, inspectie: ids.organisations.inspectie,
      elsewhere: await createOrganisation(t, { name: "Gemeente Deventer (test)", regionIds: [ids.otherRegionId] }),
    };
    for (const p of participants) {
      if (p.email) {
        clients.set(p.key, await t.login(p.email));
        userIds.set(p.key, ids.users[p.email]!);
      } else {
        const u = await createUser(t, { organisationId: orgIds[p.org], roles: p.roles, displayName: p.key === "analyst" ? "Ruud Analist" : undefined });
        clients.set(p.key, await t.login(u.email, { totpSecret: u.totpSecret }));
        userIds.set(p.key, u.id);
      }
    }
    for (const m of ["A", "B"] as const) {
      const meeting = await planMeeting(t, client("chair"), { title: `Casusoverleg ${m}` });
      for (const key of ["police", "tax", "riec"]) {
        const p = participants.find((x) => x.key === key)!;
        await invite(client("chair"), meeting.id as string, orgIds[p.org], [userIds.get(key)!]);
      }
      const signal = await buildSignal(t, { reporterId: ids.users["melder@zevenaar.demo"]!, municipalityId: ids.organisations.zevenaar, victims: [{ name: VICTIM }] });
      const itemId = await admitSignal(client("chair"), client("focal"), meeting.id as string, signal, { question: QUESTION, sharedParts: ["victims"] });
      meetings[m] = { id: meeting.id as string, itemId, signal };
    }
  });
  after(() => t?.close());

  /** Moves both meetings into the phase, as the chair and the action owners would. */
  async function enter(phase: Phase) {
    const chair = client("chair");
    if (phase === "during") for (const m of ["A", "B"] as const) await ok(chair.post(`/api/v1/meetings/${meetings[m].id}/open`));
    if (phase === "during_actions") {
      const add = async (body: Json) => {
        const answer = await ok(chair.post(`/api/v1/agenda-items/${meetings.A.itemId}/actions`, { description: "Uitzoeken", deadline: dateIn(t, 14), ...body }));
        return ((itemIn(answer, meetings.A.itemId)!.actions as Json[]).at(-1)!).id as string;
      };
      actionIds.tax = await add({ ownerOrganisationId: ids.organisations.belastingdienst });
      actionIds.riec = await add({ ownerOrganisationId: ids.organisations.riec, ownerUserId: userIds.get("analyst") });
    }
    if (phase === "after") for (const m of ["A", "B"] as const) await ok(chair.post(`/api/v1/meetings/${meetings[m].id}/close`));
    if (phase === "after_cancel") {
      await ok(client("tax").patch(`/api/v1/conference-actions/${actionIds.tax}`, { status: "cancelled", result: "Niet nodig" }));
      await ok(client("analyst").patch(`/api/v1/conference-actions/${actionIds.riec}`, { status: "done", result: "Analyse gedeeld" }));
    }
  }

  /** What the participant gets of meeting `m`'s item, checking that a heading carries nothing of the content. */
  async function view(m: MeetingKey, p: Participant): Promise<View> {
    const res = await client(p.key).get(`/api/v1/meetings/${meetings[m].id}`);
    if (res.statusCode === 404) {
      assert.equal(res.json().code, "not_found");
      return "none";
    }
    assert.equal(res.statusCode, 200, res.body);
    const item = itemIn(res.json(), meetings[m].itemId);
    assert.ok(item, `${p.key} sees the admitted item's heading`);
    assert.equal(item.subjectReference, meetings[m].signal.reference);
    if (!item.readable) {
      for (const key of ["question", "sharedContent", "notes", "decisions", "actions", "subjectId"]) assert.equal(item[key], null, `${p.key}: ${key}`);
      assert.ok(!res.body.includes(VICTIM) && !res.body.includes(QUESTION), `${p.key}: content in a heading`);
      return "heading";
    }
    assert.equal(item.question, QUESTION);
    assert.ok(JSON.stringify(item.sharedContent).includes(VICTIM));
    return "content";
  }

  it("the table agrees with the grants of matrix.ts in every cell", () => {
    const differ: string[] = [];
    for (const m of ["A", "B"] as const) {
      for (const phase of PHASES) {
        for (const p of participants) if (expectedView(m, phase, p) !== derivedView(m, phase, p)) differ.push(`${m}/${phase}/${p.key}: table ${expectedView(m, phase, p)}, grants ${derivedView(m, phase, p)}`);
      }
    }
    assert.deepEqual(differ, []);
  });

  for (const phase of PHASES) {
    describe(`phase: ${phase.replace("_", " ")}`, () => {
      before(() => enter(phase));
      for (const m of ["A", "B"] as const) {
        for (const p of participants) {
          const want = expectedView(m, phase, p);
          it(`meeting ${m} (${m === "A" ? "with actions" : "without actions"}): ${p.label} gets ${want === "none" ? "no meeting" : `the ${want}`}`, async () => {
            assert.equal(await view(m, p), want);
            // The meeting list holds the meeting exactly when the meeting itself may be read.
            const list = (await ok(client(p.key).get("/api/v1/meetings?scope=all&pageSize=100"))).items as Json[];
            assert.equal(list.some((x) => x.id === meetings[m].id), want !== "none", "in the meeting list");
          });
        }
      }
    });
  }

  it("the actions list: the organiser sees all, an owner organisation its own, everyone else none", async () => {
    const listed = async (key: string) => ((await ok(client(key).get("/api/v1/conference-actions"))).items as Json[]).map((a) => a.id).sort();
    assert.deepEqual(await listed("chair"), [actionIds.tax, actionIds.riec].sort());
    assert.deepEqual(await listed("tax"), [actionIds.tax], "a cancelled action stays in the owner's list");
    assert.deepEqual(await listed("riec"), [actionIds.riec]);
    assert.deepEqual(await listed("analyst"), [actionIds.riec]);
    for (const key of ["focal", "police", "stranger", "duiven", "elsewhere", "policy", "administrator", "reporter", "privacy"]) assert.deepEqual(await listed(key), [], key);
  });

  it("roles without a conference grant (policy, privacy, administrator, reporter) and strangers get nothing anywhere", async () => {
    const item = meetings.A.itemId;
    for (const key of ["policy", "administrator", "reporter", "privacy", "stranger", "elsewhere"]) {
      const c = client(key);
      // A focal officer would see a meeting of their own region, so is told no (403) rather than "not found".
      const cell = (res: { statusCode: number; body: string }, want: number, what: string) => assert.equal(res.statusCode, want, `${key} ${what}: ${res.body}`);
      cell(await c.post("/api/v1/meetings", { kind: "case_conference", title: "Eigen overleg", startsAt: new Date(t.clock.now.getTime() + 86_400_000).toISOString(), endsAt: new Date(t.clock.now.getTime() + 90_000_000).toISOString() }), key === "elsewhere" ? 403 : 404, "plans a meeting");
      cell(await c.get("/api/v1/meeting-organisers"), key === "elsewhere" ? 403 : 404, "lists who may chair a new meeting");
      cell(await c.post(`/api/v1/meetings/${meetings.A.id}/minutes`, { organisationId: ids.organisations.zvh }), 404, "minutes");
      cell(await c.post(`/api/v1/agenda-items/${item}/decisions`, { kind: "no_action", description: "Niets" }), 404, "records a decision");
      cell(await c.patch(`/api/v1/conference-actions/${actionIds.riec}`, { status: "open" }), 404, "changes an action");
      assert.deepEqual((await ok(c.get("/api/v1/meetings?scope=all"))).items, [], `${key}: the meeting list`);
      // The focal officer elsewhere keeps their own municipality's register; the others have none.
      if (key === "elsewhere") continue;
      cell(await c.get("/api/v1/location-history?kvkNumber=12345678"), 404, "a place's history");
      cell(await c.post("/api/v1/administrative-measures", { location: { kind: "business", kvkNumber: "12345678" }, kind: "closure", decidedOn: dateIn(t, 0) }), 404, "registers a measure");
      assert.deepEqual((await ok(c.get("/api/v1/administrative-measures"))).items, [], `${key}: the register`);
    }
  });

  describe("without a valid session", () => {
    it("anonymous requests get 401 on every conference endpoint of the OpenAPI document", async () => {
      const anonymous = t.client();
      const doc = await anonymous.get("/api/v1/openapi.json");
      assert.equal(doc.statusCode, 200);
      const conference = /^\/(meetings|meeting-organisers|agenda-items|conference-actions|administrative-measures|location-history)\b|^\/(signals|victim-files)\/\{id\}\/conference-items$/;
      const endpoints = Object.entries(doc.json().paths as Record<string, Record<string, unknown>>)
        .filter(([path]) => conference.test(path))
        .flatMap(([path, item]) => Object.keys(item).filter((m) => ["get", "post", "put", "patch", "delete"].includes(m)).map((m) => [m.toUpperCase(), path] as const));
      // Meetings 12: list, plan, read, change, invite, candidates, remove an organisation, remove a delegate,
      //   open, close, cancel, minutes. Before planning 1: the organiser's chairs and secretaries.
      // Bringing in 2: a signal, a victim file.
      // Agenda items 6: admit, decline, withdraw, notes, decisions, actions.
      // Actions 2: list, update. Measures 3: list, register, record the outcome. A place's history 1.
      assert.equal(endpoints.length, 27, endpoints.map((e) => e.join(" ")).join("\n"));
      for (const [method, path] of endpoints) {
        const url = `/api/v1${path}`.replace("{id}", meetings.A.id).replace(/\{\w+\}/g, () => randomUUID());
        const res = await anonymous.request(method as "GET", url, method === "GET" ? undefined : {});
        assert.equal(res.statusCode, 401, `${method} ${url}: ${res.body}`);
        assert.equal(res.json().code, "unauthenticated");
        assert.ok(!res.body.includes(VICTIM) && !res.body.includes(QUESTION));
      }
    });
  });
});
