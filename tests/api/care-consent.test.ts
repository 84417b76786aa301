import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildConsent, buildVictimFile, careIds, careSnapshot, daysFromToday, historyKinds, todayIn, type BuiltFile, type CareIds } from "../support/care.ts";
import { eventsSince, lastSeq } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * Consent blocks sharing through the API: a partner joins the case team for a purpose only with the
 * person's consent for that purpose and organisation, or a legal basis stated with its explanation;
 * refusal or withdrawal ends that access at once; the CoMensha export follows the same rule.
 */
describe("care consent: a partner joins the case team only with consent or a stated legal basis", () => {
  let t: TestApp;
  let ids: CareIds;
  let care: TestClient;
  let police: TestClient;
  let file: BuiltFile;
  let policeUserId: string;

  before(async () => {
    t = await startTestApp();
    ids = await careIds(t);
    care = await t.login("zorg@zorgcoordinatie.demo");
    police = await t.login("politie@politie.demo");
    policeUserId = ids.users["politie@politie.demo"]!;
    file = await buildVictimFile(t, { coordinatorId: ids.users["zorg@zorgcoordinatie.demo"]!, name: "Ioana Radu", birthDate: "1998-02-14" });
  });
  after(() => t?.close());

  const addPolice = (more: Record<string, unknown> = {}) =>
    care.post(`/api/v1/victim-files/${file.id}/team-members`, {
      userId: policeUserId, memberRole: "partner", purpose: "criminal_investigation", validUntil: daysFromToday(t, 60), ...more,
    });
  const consent = (status: "given" | "refused" | "withdrawn", more: Record<string, unknown> = {}) =>
    care.post(`/api/v1/victim-files/${file.id}/consents`, {
      purpose: "criminal_investigation", partyOrganisationId: ids.organisations.politie, status, decidedOn: todayIn(t), recordedHow: "verbal", interpreterUsed: true, ...more,
    });
  const policeMembership = async () => {
    const team = (await care.get(`/api/v1/victim-files/${file.id}`)).json().team as { userId: string; active: boolean; endReason: string | null; basis: string; legalBasisNote: string | null }[];
    return team.filter((m) => m.userId === policeUserId);
  };

  it("without consent the police user is refused with consent_required, and nothing is stored", async () => {
    const before = await careSnapshot(t);
    const res = await addPolice();
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().code, "consent_required");
    assert.match(res.json().detail, /Politie Oost-Nederland \(AVIM\).*geen toestemming vastgelegd/);
    assert.equal(res.json().invalidParams[0].name, "legalBasis");
    assert.deepEqual(await careSnapshot(t), before);
    assert.equal((await police.get(`/api/v1/victim-files/${file.id}`)).statusCode, 404);
  });

  it("a legal basis without its explanation is refused with 400, and nothing is stored", async () => {
    const before = await careSnapshot(t);
    const res = await addPolice({ legalBasis: "criminal_justice_request" });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().invalidParams[0].name, "legalBasisNote");
    const blank = await addPolice({ legalBasis: "criminal_justice_request", legalBasisNote: "   " });
    assert.equal(blank.statusCode, 400, blank.body);
    assert.deepEqual(await careSnapshot(t), before);
  });

  it("with consent the police user joins for that purpose and sees only its parts", async () => {
    const candidates = async () =>
      ((await care.get(`/api/v1/victim-files/${file.id}/team-candidates?organisationId=${ids.organisations.politie}`)).json() as { userId: string }[]).map((c) => c.userId);
    assert.ok((await candidates()).includes(policeUserId), "before joining, the police user is a candidate");
    const recorded = await consent("given");
    assert.equal(recorded.statusCode, 200, recorded.body);
    const current = recorded.json().consents.current;
    assert.equal(current.length, 1);
    assert.equal(current[0].status, "given");
    assert.equal(current[0].partyName, "Politie Oost-Nederland (AVIM)");
    assert.equal(current[0].interpreterUsed, true);
    const added = await addPolice({ purposeNote: "Verhoor in het kader van onderzoek AVIM" });
    assert.equal(added.statusCode, 200, added.body);
    const [member] = await policeMembership();
    assert.equal(member!.basis, "consent");
    assert.equal(member!.active, true);

    const read = await police.get(`/api/v1/victim-files/${file.id}`);
    assert.equal(read.statusCode, 200, read.body);
    const seen = read.json();
    assert.deepEqual(seen.visibleParts, ["person", "exploitation", "residence"]);
    assert.equal(seen.person.name, "Ioana Radu");
    assert.deepEqual(seen.exploitation.forms, ["sexual"]);
    for (const hidden of ["consents", "team", "carePlan", "shelter", "registration", "history", "tasks", "youth"]) {
      assert.equal(seen[hidden], null, `${hidden} stays hidden from the police`);
    }
    assert.deepEqual(seen.myMembership, { memberRole: "partner", purpose: "criminal_investigation", validUntil: daysFromToday(t, 60) });
    assert.equal(seen.abilities.update, false);
    const notified = await t.db.query("select 1 from notifications where user_id = $1 and kind = 'case_team_added'", [policeUserId]);
    assert.equal(notified.length, 1);
    assert.ok(!(await candidates()).includes(policeUserId), "on the team, no longer a candidate");
  });

  it("withdrawing consent ends the membership at once; the police user then gets 404", async () => {
    const seq = await lastSeq(t);
    const withdrawn = await consent("withdrawn");
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    const [member] = await policeMembership();
    assert.equal(member!.active, false);
    assert.equal(member!.endReason, "consent_withdrawn");
    const stored = await t.db.query<{ end_reason: string }>("select end_reason from case_team_members where file_id = $1 and user_id = $2", [file.id, policeUserId]);
    assert.deepEqual(stored, [{ end_reason: "consent_withdrawn" }]);
    assert.equal((await police.get(`/api/v1/victim-files/${file.id}`)).statusCode, 404);
    assert.equal((await police.get("/api/v1/victim-files")).json().total, 0);
    assert.deepEqual((await historyKinds(t, file.id)).slice(-2), ["consent_recorded", "team_member_ended"]);
    const updates = (await eventsSince(t, seq)).filter((e) => e.action === "update" && e.object_id === file.id);
    assert.equal(updates.length, 1);
    assert.equal(JSON.parse(updates[0]!.details!).endedMemberships, 1);
  });

  it("consent refused later ends a renewed membership just the same", async () => {
    assert.equal((await consent("given")).statusCode, 200);
    assert.equal((await addPolice()).statusCode, 200);
    assert.equal((await police.get(`/api/v1/victim-files/${file.id}`)).statusCode, 200);
    const refused = await consent("refused");
    assert.equal(refused.statusCode, 200, refused.body);
    const memberships = await policeMembership();
    assert.equal(memberships.length, 2);
    assert.ok(memberships.every((m) => !m.active && m.endReason === "consent_withdrawn"));
    assert.equal((await police.get(`/api/v1/victim-files/${file.id}`)).statusCode, 404);
    const again = await addPolice();
    assert.equal(again.statusCode, 409);
    assert.match(again.json().detail, /geweigerd/);
  });

  it("consent that ends before the requested period is refused with 400; within it, the police user joins", async () => {
    assert.equal((await consent("given", { validUntil: daysFromToday(t, 30) })).statusCode, 200);
    const before = await careSnapshot(t);
    const tooLong = await addPolice({ validUntil: daysFromToday(t, 31) });
    assert.equal(tooLong.statusCode, 400, tooLong.body);
    assert.equal(tooLong.json().invalidParams[0].code, "after_consent");
    assert.ok(tooLong.json().detail.includes(daysFromToday(t, 30)));
    assert.deepEqual(await careSnapshot(t), before);
    const fits = await addPolice({ validUntil: daysFromToday(t, 30) });
    assert.equal(fits.statusCode, 200, fits.body);
    assert.equal(fits.json().team.find((m: { userId: string; active: boolean }) => m.userId === policeUserId && m.active).validUntil, daysFromToday(t, 30));
  });

  it("a membership on a stated legal basis records the basis, and stays when consent is withdrawn", async () => {
    const inspectorId = ids.users["inspectie@arbeidsinspectie.demo"]!;
    const added = await care.post(`/api/v1/victim-files/${file.id}/team-members`, {
      userId: inspectorId, memberRole: "partner", purpose: "criminal_investigation", validUntil: daysFromToday(t, 14),
      legalBasis: "criminal_justice_request", legalBasisNote: "Vordering van de officier van justitie van 12 november",
    });
    assert.equal(added.statusCode, 200, added.body);
    const member = added.json().team.find((m: { userId: string }) => m.userId === inspectorId);
    assert.equal(member.basis, "criminal_justice_request");
    assert.equal(member.legalBasisNote, "Vordering van de officier van justitie van 12 november");
    const raw = await t.db.query<{ legal_basis_note_enc: string }>("select legal_basis_note_enc from case_team_members where user_id = $1", [inspectorId]);
    assert.ok(!raw[0]!.legal_basis_note_enc.includes("officier"), "the explanation is encrypted");
    await buildConsent(t, file.id, { purpose: "criminal_investigation", partyOrganisationId: ids.organisations.inspectie, recordedBy: ids.users["zorg@zorgcoordinatie.demo"]! });
    const withdrawn = await care.post(`/api/v1/victim-files/${file.id}/consents`, {
      purpose: "criminal_investigation", partyOrganisationId: ids.organisations.inspectie, status: "withdrawn", decidedOn: todayIn(t), recordedHow: "written",
    });
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal(withdrawn.json().team.find((m: { userId: string }) => m.userId === inspectorId).active, true);
  });

  it("withdrawing consent that was never given is refused with 409, and nothing is stored", async () => {
    const before = await careSnapshot(t);
    const res = await care.post(`/api/v1/victim-files/${file.id}/consents`, {
      purpose: "shelter", partyOrganisationId: ids.organisations.opvang, status: "withdrawn", decidedOn: todayIn(t), recordedHow: "written",
    });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().code, "transition_not_allowed");
    assert.equal(res.json().invalidParams[0].name, "status");
    const refusedFirst = await care.post(`/api/v1/victim-files/${file.id}/consents`, {
      purpose: "care_provision", partyOrganisationId: ids.organisations.veiligthuis, status: "refused", decidedOn: todayIn(t), recordedHow: "written",
    });
    assert.equal(refusedFirst.statusCode, 200, refusedFirst.body);
    const afterRefusal = await care.post(`/api/v1/victim-files/${file.id}/consents`, {
      purpose: "care_provision", partyOrganisationId: ids.organisations.veiligthuis, status: "withdrawn", decidedOn: todayIn(t), recordedHow: "written",
    });
    assert.equal(afterRefusal.statusCode, 409, "refused consent cannot be withdrawn either");
    const consents = await t.db.query("select 1 from consents where file_id = $1 and purpose = 'shelter'", [file.id]);
    assert.equal(consents.length, 0);
    assert.notDeepEqual(await careSnapshot(t), before, "the refusal itself was stored");
  });

  it("a partner's access ends with its period, and lapsed consent shows as expired", async () => {
    t.clock.advance(31 * 86_400_000);
    care = await t.login("zorg@zorgcoordinatie.demo");
    police = await t.login("politie@politie.demo");
    assert.equal((await police.get(`/api/v1/victim-files/${file.id}`)).statusCode, 404);
    assert.equal((await police.get("/api/v1/victim-files")).json().total, 0);
    const inspector = await t.login("inspectie@arbeidsinspectie.demo");
    assert.equal((await inspector.get(`/api/v1/victim-files/${file.id}`)).statusCode, 404);
    const read = (await care.get(`/api/v1/victim-files/${file.id}`)).json();
    assert.ok(read.team.filter((m: { memberRole: string }) => m.memberRole === "partner").every((m: { active: boolean }) => !m.active));
    const policeConsent = read.consents.current.find((c: { purpose: string; partyOrganisationId: string }) => c.purpose === "criminal_investigation" && c.partyOrganisationId === ids.organisations.politie);
    assert.equal(policeConsent.status, "given");
    assert.equal(policeConsent.expired, true);
    // Renewing the lapsed membership needs valid consent again; the lapsed one does not stand in the way.
    const renewed = await addPolice({ validUntil: daysFromToday(t, 10) });
    assert.equal(renewed.statusCode, 409, renewed.body);
    assert.equal(renewed.json().code, "consent_required");
    assert.match(renewed.json().detail, /verlopen/);
  });

  it("with fresh consent, a partner whose period ran out is added again; the lapsed membership ends as 'period_ended'", async () => {
    const consent = await care.post(`/api/v1/victim-files/${file.id}/consents`, {
      purpose: "criminal_investigation", partyOrganisationId: ids.organisations.politie, status: "given", decidedOn: todayIn(t), recordedHow: "written",
    });
    assert.equal(consent.statusCode, 200, consent.body);
    const renewed = await addPolice({ validUntil: daysFromToday(t, 30) });
    assert.equal(renewed.statusCode, 200, renewed.body);
    const memberships = renewed.json().team.filter((m: { userId: string }) => m.userId === policeUserId) as { active: boolean; endReason: string | null }[];
    assert.equal(memberships.filter((m) => m.active).length, 1, "one current membership");
    assert.equal(memberships.filter((m) => m.endReason === "period_ended").length, 1, "the lapsed one ended as its period was over");
    assert.equal((await police.get(`/api/v1/victim-files/${file.id}`)).statusCode, 200);
    // A membership that is current, or starts later, does stand in the way.
    const twice = await addPolice({ validUntil: daysFromToday(t, 20) });
    assert.equal(twice.statusCode, 409, twice.body);
  });

  it("consent records are appended, never edited", async () => {
    await assert.rejects(t.db.query("update consents set status = 'given' where file_id = $1", [file.id]));
    await assert.rejects(t.db.query("delete from consents where file_id = $1", [file.id]));
  });
});

describe("care consent: the CoMensha export needs consent or a stated legal basis", () => {
  let t: TestApp;
  let ids: CareIds;
  let care: TestClient;
  let file: BuiltFile;

  before(async () => {
    t = await startTestApp();
    ids = await careIds(t);
    care = await t.login("zorg@zorgcoordinatie.demo");
    file = await buildVictimFile(t, { coordinatorId: ids.users["zorg@zorgcoordinatie.demo"]!, exploitationForms: ["labour"] });
  });
  after(() => t?.close());

  const exportFile = (body: Record<string, unknown>) => care.post(`/api/v1/victim-files/${file.id}/comensha-exports`, body);

  it("without consent the export is refused with 409 and nothing is stored", async () => {
    const before = await careSnapshot(t);
    const res = await exportFile({ format: "json" });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().code, "consent_required");
    const noNote = await exportFile({ format: "json", legalBasis: "legal_obligation" });
    assert.equal(noNote.statusCode, 400, noNote.body);
    assert.equal(noNote.json().invalidParams[0].name, "legalBasisNote");
    assert.deepEqual(await careSnapshot(t), before);
  });

  it("consent refused for CoMensha still blocks; a legal basis with its explanation lets it through and is recorded", async () => {
    const refused = await care.post(`/api/v1/victim-files/${file.id}/consents`, { purpose: "comensha_registration", status: "refused", decidedOn: todayIn(t), recordedHow: "verbal" });
    assert.equal(refused.statusCode, 200, refused.body);
    assert.equal(refused.json().consents.current[0].partyName, "CoMensha", "CoMensha is the party when none is named");
    assert.equal((await exportFile({ format: "json" })).json().code, "consent_required");

    const seq = await lastSeq(t);
    const note = "Wettelijke meldplicht in het kader van de Nationaal Rapporteur; cliënt onbereikbaar";
    const res = await exportFile({ format: "json", legalBasis: "legal_obligation", legalBasisNote: note });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(JSON.parse(res.json().content).basis, "legal_obligation");
    const stored = await t.db.query<{ basis: string; legal_basis_note_enc: string }>("select basis, legal_basis_note_enc from comensha_exports where file_id = $1", [file.id]);
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.basis, "legal_obligation");
    assert.equal(t.kernel.crypto.decrypt("comensha_exports.legal_basis_note", stored[0]!.legal_basis_note_enc), note);
    const history = (await care.get(`/api/v1/victim-files/${file.id}`)).json().history;
    const exported = history.find((h: { kind: string }) => h.kind === "comensha_exported");
    assert.equal(exported.details.basis, "legal_obligation");
    assert.equal(exported.reason, note);
    const audit = (await eventsSince(t, seq)).filter((e) => e.action === "export");
    assert.equal(audit.length, 1);
    assert.equal(JSON.parse(audit[0]!.details!).basis, "legal_obligation");

    const registered = await care.post(`/api/v1/victim-files/${file.id}/comensha-registration`, { registeredOn: todayIn(t) });
    assert.equal(registered.statusCode, 200, registered.body);
    assert.equal(registered.json().registration.comensha.basis, "legal_obligation");
  });

  it("consent given (under any spelling of CoMensha) lets the export through on consent", async () => {
    const given = await care.post(`/api/v1/victim-files/${file.id}/consents`, {
      purpose: "comensha_registration", partyName: "  comensha ", status: "given", decidedOn: todayIn(t), recordedHow: "written",
    });
    assert.equal(given.statusCode, 200, given.body);
    const res = await exportFile({ format: "json" });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(JSON.parse(res.json().content).basis, "consent");
    const rows = await t.db.query<{ basis: string; legal_basis_note_enc: string | null }>("select basis, legal_basis_note_enc from comensha_exports where file_id = $1 order by exported_at", [file.id]);
    assert.deepEqual(rows.map((r) => [r.basis, r.legal_basis_note_enc]), [["legal_obligation", rows[0]!.legal_basis_note_enc], ["consent", null]]);
  });
});
