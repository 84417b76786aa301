import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sweepAgreements } from "../../src/server/modules/network/agreement-sweep.ts";
import { assertProblem, dateIn, notificationsOf, ok, paramsOf } from "../support/conferences.ts";
import { buildVictimFile, todayIn } from "../support/care.ts";
import { demoIds, eventsSince, lastSeq, withoutInstance, type DemoIds } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The social map and the cooperation agreements (network module): who keeps them, who reads them, what is
 * refused with which code (and nothing stored), how contact persons are protected, and the reminder before an
 * agreement lapses, sent once.
 */
type Json = Record<string, unknown>;
const E = "/api/v1/social-map-entries";
const A = "/api/v1/cooperation-agreements";

const fairwork = {
  name: "FairWork",
  description: "Hulp aan (vermoedelijke) slachtoffers van arbeidsuitbuiting, vooral internationale.",
  offers: ["labour_rights", "legal_aid", "advice_expertise"],
  ageGroups: ["adults"],
  nationalities: ["non_dutch", "dutch"],
  genders: ["female", "male", "other"],
  phone: "020 760 08 09",
  email: "info@fairwork.example.nl",
  website: "https://www.fairwork.example.nl",
  address: "Postbus 1, Amsterdam",
  openingHours: "Ma–vr 9.00–17.00",
  contacts: [{ name: "Fenna Fairwork", jobTitle: "Casemanager", phone: "06 1234 5678", email: "fenna@fairwork.example.nl" }],
};

describe("network: the social map and cooperation agreements", () => {
  let t: TestApp;
  let ids: DemoIds;
  const c = {} as Record<"focal" | "admin" | "policy" | "reporter" | "police" | "coordinator" | "elsewhere", TestClient>;
  let entry: Json;
  let shelterEntry: Json;

  before(async () => {
    t = await startTestApp({ SESSION_IDLE_MINUTES: "1440", SESSION_ABSOLUTE_HOURS: "72" });
    ids = await demoIds(t);
    c.focal = await t.login("aandacht@zevenaar.demo");
    c.admin = await t.login("beheer@zevenaar.demo");
    c.policy = await t.login("beleid@arnhem.demo");
    c.reporter = await t.login("melder@zevenaar.demo");
    c.police = await t.login("politie@politie.demo");
    c.coordinator = await t.login("zorg@zorgcoordinatie.demo");
    c.elsewhere = await t.login("zorg@ijsselland.demo");
  });
  after(() => t?.close());

  const count = async (table: string) => (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

  it("a focal officer puts an outside organisation on the map with its offers and a contact person, stored encrypted and audited", async () => {
    const seq = await lastSeq(t);
    entry = await ok(c.focal.post(E, fairwork), 201);
    assert.equal(entry.regionId, ids.regionId);
    assert.equal(entry.organisationId, null);
    assert.deepEqual(entry.offers, fairwork.offers);
    assert.deepEqual((entry.contacts as Json[]).map((x) => [x.name, x.jobTitle, x.phone, x.email]), [["Fenna Fairwork", "Casemanager", "06 1234 5678", "fenna@fairwork.example.nl"]]);
    assert.equal((entry.abilities as Json).update, true);
    const stored = await t.db.query<{ name_enc: string; email_enc: string }>("select name_enc, email_enc from social_map_contacts");
    assert.ok(!stored[0]!.name_enc.includes("Fenna") && !stored[0]!.email_enc.includes("fenna"), "the contact person is encrypted at rest");
    const events = await eventsSince(t, seq);
    assert.ok(events.some((e) => e.action === "create" && e.object_type === "social_map_entry" && e.object_id === entry.id && e.actor_user_id === ids.users["aandacht@zevenaar.demo"]));
  });

  it("an administrator puts an organisation that works in Ketenzicht on the map; the care pickers then show its offers", async () => {
    shelterEntry = await ok(c.admin.post(E, {
      organisationId: ids.organisations.opvang, name: "Opvang De Linde", offers: ["shelter", "cosm", "psychological"], ageGroups: ["adults"],
      nationalities: ["non_dutch"], genders: ["female"], phone: "026 123 45 67", contacts: [],
    }), 201);
    assert.equal(shelterEntry.organisationName, "Opvang De Linde (COSM)");
    const offers = (await ok(c.coordinator.get("/api/v1/organisation-offers"))) as unknown as Json[];
    assert.deepEqual(offers.map((o) => [o.organisationId, o.offers]), [[ids.organisations.opvang, ["shelter", "cosm", "psychological"]]]);
    const network = await ok(c.coordinator.get(`/api/v1/care-network?regionId=${ids.regionId}`));
    const linde = (network.organisations as Json[]).find((o) => o.id === ids.organisations.opvang)!;
    assert.deepEqual(linde.offers, ["shelter", "cosm", "psychological"]);
    const police = (network.organisations as Json[]).find((o) => o.id === ids.organisations.politie)!;
    assert.deepEqual(police.offers, []);
  });

  it("everyone in the region searches the map by offer and target group; the list is audited with the contact persons shown", async () => {
    const seq = await lastSeq(t);
    const names = async (client: TestClient, query: string) => ((await ok(client.get(`${E}?${query}`))).items as Json[]).map((e) => e.name);
    assert.deepEqual(await names(c.reporter, ""), ["FairWork", "Opvang De Linde"]);
    assert.deepEqual(await names(c.reporter, "offer=labour_rights"), ["FairWork"]);
    assert.deepEqual(await names(c.police, "offer=cosm&gender=female"), ["Opvang De Linde"]);
    assert.deepEqual(await names(c.police, "offer=cosm&gender=male"), []);
    assert.deepEqual(await names(c.policy, "ageGroup=minors"), []);
    assert.deepEqual(await names(c.policy, "nationality=dutch"), ["FairWork"]);
    assert.deepEqual(await names(c.policy, "q=arbeidsuitbuiting"), ["FairWork"]);
    const events = (await eventsSince(t, seq)).filter((e) => e.object_type === "social_map_entry" && e.action === "list");
    assert.equal(events.length, 7);
    assert.equal(paramsOf(events[0]!.details).contactsShown, 1);
    const read = await ok(c.reporter.get(`${E}/${entry.id as string}`));
    assert.equal((read.contacts as Json[]).length, 1);
    assert.equal((read.abilities as Json).update, false);
    assert.ok((await eventsSince(t, seq)).some((e) => e.action === "read" && e.object_id === entry.id && e.actor_user_id === ids.users["melder@zevenaar.demo"]));
  });

  it("reporters and partners read but do not change the map", async () => {
    const before = await count("social_map_entries");
    assertProblem(await c.reporter.post(E, { ...fairwork, name: "Iets anders" }), 403, "forbidden");
    assertProblem(await c.police.patch(`${E}/${entry.id as string}`, { name: "Overgenomen" }), 403, "forbidden");
    assert.equal(await count("social_map_entries"), before);
  });

  it("another region does not see or change the map: the entry answers like one that does not exist", async () => {
    assert.deepEqual(((await ok(c.elsewhere.get(E))).items as Json[]).map((e) => e.name), []);
    const hidden = await c.elsewhere.get(`${E}/${entry.id as string}`);
    const missing = await c.elsewhere.get(`${E}/00000000-0000-4000-8000-000000000000`);
    assert.equal(hidden.statusCode, 404);
    assert.deepEqual(withoutInstance(hidden.json()), withoutInstance(missing.json()));
    assertProblem(await c.elsewhere.patch(`${E}/${entry.id as string}`, { name: "Overgenomen" }), 404, "not_found");
    assertProblem(await c.elsewhere.post(E, { ...fairwork, regionId: ids.regionId, name: "Binnengedrongen" }), 404, "not_found");
  });

  it("refuses bad input with 400, a code per field, and stores nothing", async () => {
    const before = [await count("social_map_entries"), await count("social_map_contacts")];
    const cases: [Json, string, string?][] = [
      [{ ...fairwork, name: "Zonder aanbod", offers: [] }, "offers"],
      [{ ...fairwork, name: "Onbekend aanbod", offers: ["teleportation"] }, "offers.0"],
      [{ ...fairwork, name: "Dubbel aanbod", offers: ["medical", "medical"] }, "offers"],
      [{ ...fairwork, name: "Geen doelgroep", ageGroups: [] }, "ageGroups"],
      [{ ...fairwork, name: "Slechte mail", email: "geen-mail" }, "email"],
      [{ ...fairwork, name: "Slechte telefoon", phone: "bel me" }, "phone"],
      [{ ...fairwork, name: "Slechte site", website: "javascript:alert(1)" }, "website"],
      [{ ...fairwork, name: "Slecht contact", contacts: [{ name: "", email: "x@y.nl" }] }, "contacts.0.name"],
      [{ ...fairwork, name: "Slechte contactmail", contacts: [{ name: "Iemand", email: "nee" }] }, "contacts.0.email"],
      [{ ...fairwork, name: "Extra veld", secret: true }, ""],
      [{ ...fairwork, name: "fairwork" }, "name", "duplicate"],
      [{ ...fairwork, name: "Andere regio", organisationId: ids.organisations.zorgijssel }, "organisationId", "unknown_organisation"],
      [{ ...fairwork, name: "Twee keer De Linde", organisationId: ids.organisations.opvang }, "organisationId", "duplicate"],
    ];
    for (const [body, param, code] of cases) {
      const res = await c.focal.post(E, body);
      assertProblem(res, 400, "invalid_input", param || undefined, code);
    }
    assertProblem(await c.focal.get(`${E}?offer=nonsense`), 400, "invalid_input", "offer");
    assertProblem(await c.focal.patch(`${E}/${entry.id as string}`, { website: "ftp://x" }), 400, "invalid_input", "website");
    assert.deepEqual([await count("social_map_entries"), await count("social_map_contacts")], before);
  });

  it("a change replaces the contact persons; an entry taken off the map is found only when asked for", async () => {
    const updated = await ok(c.policy.patch(`${E}/${entry.id as string}`, {
      phone: "", contacts: [{ name: "Fenna Fairwork", jobTitle: "Teamleider" }, { name: "Sam Sociaal", email: "sam@fairwork.example.nl" }],
    }));
    assert.equal(updated.phone, null);
    assert.deepEqual((updated.contacts as Json[]).map((x) => [x.name, x.jobTitle]), [["Fenna Fairwork", "Teamleider"], ["Sam Sociaal", null]]);
    assert.equal(await count("social_map_contacts"), 2);
    await ok(c.focal.patch(`${E}/${shelterEntry.id as string}`, { active: false }));
    assert.deepEqual(((await ok(c.focal.get(E))).items as Json[]).map((e) => e.name), ["FairWork"]);
    assert.deepEqual(((await ok(c.focal.get(`${E}?includeInactive=true`))).items as Json[]).map((e) => e.name), ["FairWork", "Opvang De Linde"]);
    assert.deepEqual(await ok(c.coordinator.get("/api/v1/organisation-offers")), [] as unknown as Json);
    await ok(c.focal.patch(`${E}/${shelterEntry.id as string}`, { active: true }));
  });

  it("the shelter picker of a victim file also offers an organisation whose map entry offers shelter; the server accepts it", async () => {
    await ok(c.focal.post(E, {
      organisationId: ids.organisations.veiligthuis, name: "Veilig Thuis (crisisopvang)", offers: ["shelter", "domestic_violence", "minors"],
      ageGroups: ["adults", "minors"], nationalities: ["dutch", "non_dutch"], genders: ["female", "male", "other"], contacts: [],
    }), 201);
    const file = await buildVictimFile(t, { coordinatorId: ids.users["zorg@zorgcoordinatie.demo"]!, name: "Maria Test" });
    const refused = await c.coordinator.post(`/api/v1/victim-files/${file.id}/shelter-placements`, { shelterOrganisationId: ids.organisations.politie, placeType: "regular", admittedOn: todayIn(t) });
    assertProblem(refused, 400, "invalid_input", "shelterOrganisationId", "unknown_organisation");
    await ok(c.coordinator.post(`/api/v1/victim-files/${file.id}/shelter-placements`, { shelterOrganisationId: ids.organisations.veiligthuis, placeType: "crisis", admittedOn: todayIn(t) }));
  });

  describe("cooperation agreements", () => {
    let agreement: Json;
    const body = () => ({
      kind: "covenant", title: "Convenant opvang slachtoffers mensenhandel", partyEntryIds: [entry.id, shelterEntry.id],
      startsOn: dateIn(t, -300), endsOn: dateIn(t, 90), documentReference: "Z/24/123456", note: "Jaarlijks evalueren.",
      ownerUserIds: [ids.users["aandacht@zevenaar.demo"], ids.users["beleid@arnhem.demo"]],
    });

    it("a policy officer records a covenant with its parties, dates and owners; the reminder is due 60 days before the end", async () => {
      const seq = await lastSeq(t);
      agreement = await ok(c.policy.post(A, body()), 201);
      assert.equal(agreement.remindDaysBefore, 60);
      assert.equal(agreement.remindOn, dateIn(t, 30));
      assert.equal(agreement.status, "current");
      assert.deepEqual((agreement.parties as Json[]).map((p) => p.name).sort(), ["FairWork", "Opvang De Linde"]);
      assert.deepEqual((agreement.owners as Json[]).map((o) => o.name).sort(), ["Ahmed Aandacht", "Bas Beleid"]);
      assert.ok((await eventsSince(t, seq)).some((e) => e.action === "create" && e.object_type === "cooperation_agreement"));
      const listed = await ok(c.focal.get(`${A}?entryId=${entry.id as string}`));
      assert.deepEqual((listed.items as Json[]).map((a) => a.id), [agreement.id]);
      const mine = await ok(c.admin.post(A, { kind: "agreement", title: "Afspraak huisartsenpost", partyEntryIds: [entry.id], startsOn: dateIn(t, 0) }), 201);
      assert.deepEqual((mine.owners as Json[]).map((o) => o.userId), [ids.users["beheer@zevenaar.demo"]], "without owners the author owns it");
      assert.equal(mine.endsOn, null);
    });

    it("refuses bad agreements with 400 and stores nothing", async () => {
      const before = await count("cooperation_agreements");
      const elsewhereEntry = await ok(c.elsewhere.post(E, { ...fairwork, contacts: [] }), 201);
      const cases: [Json, string, string?][] = [
        [{ ...body(), endsOn: dateIn(t, -400) }, "endsOn", "before_start"],
        [{ ...body(), partyEntryIds: [] }, "partyEntryIds"],
        [{ ...body(), partyEntryIds: [elsewhereEntry.id] }, "partyEntryIds", "unknown_entry"],
        [{ ...body(), ownerUserIds: [ids.users["melder@zevenaar.demo"]] }, "ownerUserIds", "unknown_user"],
        [{ ...body(), ownerUserIds: [ids.users["zorg@ijsselland.demo"]] }, "ownerUserIds", "unknown_user"],
        [{ ...body(), remindDaysBefore: 0 }, "remindDaysBefore"],
        [{ ...body(), kind: "treaty" }, "kind"],
        [{ ...body(), startsOn: "2026-02-30" }, "startsOn"],
        [{ ...body(), title: " " }, "title"],
      ];
      for (const [b, param, code] of cases) assertProblem(await c.policy.post(A, b), 400, "invalid_input", param, code);
      assert.equal(await count("cooperation_agreements"), before);
    });

    it("only those who keep the map see agreements; another region does not", async () => {
      assert.deepEqual((await ok(c.police.get(A))).items, []);
      assert.deepEqual((await ok(c.reporter.get(A))).items, []);
      assertProblem(await c.police.get(`${A}/${agreement.id as string}`), 404, "not_found");
      // Deny by default: who may not even read agreements learns nothing from a refused create either.
      assertProblem(await c.police.post(A, body()), 404, "not_found");
      assert.deepEqual((await ok(c.elsewhere.get(A))).items, []);
      assertProblem(await c.elsewhere.get(`${A}/${agreement.id as string}`), 404, "not_found");
      assertProblem(await c.elsewhere.patch(`${A}/${agreement.id as string}`, { title: "Van ons" }), 404, "not_found");
      assert.equal((await ok(c.coordinator.get(`${A}/${agreement.id as string}`))).title, body().title);
    });

    it("the policy officer's answers hold no signal or victim data: the map and agreements have none", async () => {
      const seq = await lastSeq(t);
      const answers = [await c.policy.get(E), await c.policy.get(A), await c.policy.get(`${A}/${agreement.id as string}`), await c.policy.get("/api/v1/agreement-owners")];
      for (const res of answers) {
        assert.equal(res.statusCode, 200);
        assert.doesNotMatch(res.body, /"(signalId|victimFileId|reference|birthDate|nationality|victims?)"\s*:/);
      }
      const events = await eventsSince(t, seq);
      assert.ok(events.every((e) => ["social_map_entry", "cooperation_agreement", "user"].includes(e.object_type ?? "") && !e.data_subject_ref));
    });

    it("reminds the owners once, from 60 days before the end date; a new end date arms the reminder again", async () => {
      const focal = ids.users["aandacht@zevenaar.demo"]!;
      const policy = ids.users["beleid@arnhem.demo"]!;
      const noon = (days: number) => new Date(Date.parse(`${dateIn(t, days)}T11:00:00Z`));
      assert.deepEqual(await sweepAgreements(t.kernel, noon(29)), { reminders: 0, notifications: 0 });
      assert.deepEqual(await sweepAgreements(t.kernel, noon(30)), { reminders: 1, notifications: 2 });
      assert.deepEqual(await sweepAgreements(t.kernel, noon(31)), { reminders: 0, notifications: 0 });
      assert.deepEqual(await sweepAgreements(t.kernel, noon(89)), { reminders: 0, notifications: 0 });
      const notes = await notificationsOf(t, focal, "agreement_expiring");
      assert.equal(notes.length, 1);
      assert.deepEqual(paramsOf(notes[0]!.params), { reference: body().title, agreementId: agreement.id, endsOn: dateIn(t, 90) });
      assert.equal((await notificationsOf(t, policy, "agreement_expiring")).length, 1);
      assert.equal((await notificationsOf(t, ids.users["beheer@zevenaar.demo"]!, "agreement_expiring")).length, 0);
      const read = await ok(c.focal.get(`${A}/${agreement.id as string}`));
      assert.ok(read.remindedAt);
      const renewed = await ok(c.focal.patch(`${A}/${agreement.id as string}`, { endsOn: dateIn(t, 455), remindDaysBefore: 30 }));
      assert.equal(renewed.remindedAt, null);
      assert.equal(renewed.remindOn, dateIn(t, 425));
      assert.deepEqual(await sweepAgreements(t.kernel, noon(424)), { reminders: 0, notifications: 0 });
      assert.deepEqual(await sweepAgreements(t.kernel, noon(425)), { reminders: 1, notifications: 2 });
      assert.deepEqual(await sweepAgreements(t.kernel, noon(426)), { reminders: 0, notifications: 0 });
      assert.equal((await notificationsOf(t, focal, "agreement_expiring")).length, 2);
    });
  });
});
