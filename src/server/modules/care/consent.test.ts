import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { consentState, currentConsents, decideSharing, partyNameKey, type ConsentRecord } from "./consent.ts";

/**
 * Consent per purpose and party: the latest record counts, withdrawal and refusal undo consent, consent
 * lapses after its end date, parties outside Ketenzicht are matched by name whatever the spelling of case,
 * accents and spaces, and sharing without consent needs a legal basis together with its explanation.
 */
const POLICE = "11111111-1111-4111-8111-111111111111";
const SHELTER = "22222222-2222-4222-8222-222222222222";
const TODAY = "2026-11-26";

let seq = 0;
function record(r: Partial<ConsentRecord> & Pick<ConsentRecord, "purpose" | "status">): ConsentRecord {
  seq += 1;
  return { seq, partyOrganisationId: null, partyName: null, decidedOn: "2026-11-01", validUntil: null, ...r };
}
const police = (status: ConsentRecord["status"], more: Partial<ConsentRecord> = {}) =>
  record({ purpose: "criminal_investigation", partyOrganisationId: POLICE, status, ...more });

describe("care consent: the record that counts", () => {
  it("the latest record for a purpose and party replaces the earlier ones", () => {
    const given = police("given");
    const refused = police("refused");
    assert.deepEqual(currentConsents([given, refused]), [refused]);
    assert.equal(consentState([given, refused], "criminal_investigation", { organisationId: POLICE }, TODAY).state, "refused");
    const again = police("given");
    assert.equal(consentState([given, refused, again], "criminal_investigation", { organisationId: POLICE }, TODAY).state, "given");
  });

  it("goes by sequence, not by the order the records arrive in", () => {
    const given = police("given");
    const withdrawn = police("withdrawn");
    const { state, record: latest } = consentState([withdrawn, given], "criminal_investigation", { organisationId: POLICE }, TODAY);
    assert.equal(state, "withdrawn");
    assert.equal(latest, withdrawn);
  });

  it("keeps purposes and parties apart", () => {
    const records = [
      police("given"),
      record({ purpose: "shelter", partyOrganisationId: SHELTER, status: "given" }),
      record({ purpose: "criminal_investigation", partyOrganisationId: SHELTER, status: "refused" }),
      record({ purpose: "shelter", partyOrganisationId: POLICE, status: "withdrawn" }),
    ];
    assert.equal(currentConsents(records).length, 4);
    assert.equal(consentState(records, "criminal_investigation", { organisationId: POLICE }, TODAY).state, "given");
    assert.equal(consentState(records, "shelter", { organisationId: SHELTER }, TODAY).state, "given");
    assert.equal(consentState(records, "criminal_investigation", { organisationId: SHELTER }, TODAY).state, "refused");
    assert.equal(consentState(records, "shelter", { organisationId: POLICE }, TODAY).state, "withdrawn");
    assert.equal(consentState(records, "care_provision", { organisationId: POLICE }, TODAY).state, "none");
    assert.equal(consentState(records, "comensha_registration", { name: "CoMensha" }, TODAY).record, null);
  });

  it("an organisation and a name are different parties, even for the same purpose", () => {
    const records = [record({ purpose: "international_exchange", partyOrganisationId: POLICE, status: "given" })];
    assert.equal(consentState(records, "international_exchange", { name: POLICE }, TODAY).state, "none");
  });

  it("withdrawn after given is withdrawn; refused is refused", () => {
    assert.equal(consentState([police("given"), police("withdrawn")], "criminal_investigation", { organisationId: POLICE }, TODAY).state, "withdrawn");
    assert.equal(consentState([police("refused")], "criminal_investigation", { organisationId: POLICE }, TODAY).state, "refused");
  });

  it("consent lapses the day after its end date", () => {
    const until = (validUntil: string) => [police("given", { validUntil })];
    assert.equal(consentState(until("2026-11-25"), "criminal_investigation", { organisationId: POLICE }, TODAY).state, "expired");
    assert.equal(consentState(until("2026-11-26"), "criminal_investigation", { organisationId: POLICE }, TODAY).state, "given");
    assert.equal(consentState(until("2027-01-01"), "criminal_investigation", { organisationId: POLICE }, TODAY).state, "given");
    assert.equal(consentState([police("given")], "criminal_investigation", { organisationId: POLICE }, "2099-01-01").state, "given", "no end date: no end");
  });

  it("an end date means nothing once consent is withdrawn", () => {
    const records = [police("given", { validUntil: "2026-01-01" }), police("withdrawn")];
    assert.equal(consentState(records, "criminal_investigation", { organisationId: POLICE }, TODAY).state, "withdrawn");
  });
});

describe("care consent: parties outside Ketenzicht by name", () => {
  it("ignores case, accents and surrounding or repeated spaces", () => {
    assert.equal(partyNameKey("CoMensha"), "comensha");
    assert.equal(partyNameKey("  CôMénsha "), "comensha");
    assert.equal(partyNameKey("La  Strada\tInternational"), "la strada international");
    assert.notEqual(partyNameKey("Co Mensha"), partyNameKey("CoMensha"), "a space inside a word is a different name");
  });

  it("a consent given to 'CoMensha' counts for 'comensha' and 'Comênsha', and a withdrawal under another spelling undoes it", () => {
    const given = record({ purpose: "comensha_registration", partyName: "CoMensha", status: "given" });
    assert.equal(consentState([given], "comensha_registration", { name: "comensha" }, TODAY).state, "given");
    assert.equal(consentState([given], "comensha_registration", { name: " Comênsha" }, TODAY).state, "given");
    const withdrawn = record({ purpose: "comensha_registration", partyName: "COMENSHA", status: "withdrawn" });
    assert.deepEqual(currentConsents([given, withdrawn]), [withdrawn]);
    assert.equal(consentState([given, withdrawn], "comensha_registration", { name: "CoMensha" }, TODAY).state, "withdrawn");
  });

  it("a different name is a different party", () => {
    const given = record({ purpose: "international_exchange", partyName: "La Strada International", status: "given" });
    assert.equal(consentState([given], "international_exchange", { name: "IOM Den Haag" }, TODAY).state, "none");
  });
});

describe("care consent: may this be shared?", () => {
  const party = { organisationId: POLICE };

  it("with consent given and valid: yes, on consent, until its end date", () => {
    assert.deepEqual(decideSharing([police("given", { validUntil: "2027-05-01" })], "criminal_investigation", party, TODAY, {}), {
      allowed: true,
      basis: "consent",
      consentValidUntil: "2027-05-01",
    });
    assert.deepEqual(decideSharing([police("given")], "criminal_investigation", party, TODAY, {}), { allowed: true, basis: "consent", consentValidUntil: null });
  });

  it("consent comes first, even when a legal basis is stated too", () => {
    const decision = decideSharing([police("given")], "criminal_investigation", party, TODAY, { legalBasis: "public_task", legalBasisNote: "taak" });
    assert.equal(decision.allowed && decision.basis, "consent");
  });

  it("without consent and without a legal basis: no, and why", () => {
    assert.deepEqual(decideSharing([], "criminal_investigation", party, TODAY, {}), { allowed: false, state: "none" });
    assert.deepEqual(decideSharing([police("refused")], "criminal_investigation", party, TODAY, {}), { allowed: false, state: "refused" });
    assert.deepEqual(decideSharing([police("given"), police("withdrawn")], "criminal_investigation", party, TODAY, {}), { allowed: false, state: "withdrawn" });
    assert.deepEqual(decideSharing([police("given", { validUntil: "2026-11-01" })], "criminal_investigation", party, TODAY, {}), { allowed: false, state: "expired" });
  });

  it("consent for another purpose or another party does not count", () => {
    const records = [police("given"), record({ purpose: "criminal_investigation", partyOrganisationId: SHELTER, status: "given" })];
    assert.equal(decideSharing(records, "residence_procedure", party, TODAY, {}).allowed, false);
    assert.equal(decideSharing([police("given")], "criminal_investigation", { organisationId: SHELTER }, TODAY, {}).allowed, false);
  });

  it("a legal basis with its explanation allows sharing without consent, also after a refusal", () => {
    const note = { legalBasis: "criminal_justice_request" as const, legalBasisNote: "Vordering officier van justitie, art. 126nd Sv" };
    assert.deepEqual(decideSharing([], "criminal_investigation", party, TODAY, note), { allowed: true, basis: "criminal_justice_request", consentValidUntil: null });
    assert.deepEqual(decideSharing([police("refused")], "criminal_investigation", party, TODAY, note), { allowed: true, basis: "criminal_justice_request", consentValidUntil: null });
  });

  it("a legal basis without its explanation is not enough", () => {
    assert.deepEqual(decideSharing([], "criminal_investigation", party, TODAY, { legalBasis: "vital_interest" }), { allowed: false, state: "none" });
    assert.deepEqual(decideSharing([], "criminal_investigation", party, TODAY, { legalBasis: "vital_interest", legalBasisNote: "" }), { allowed: false, state: "none" });
    assert.deepEqual(decideSharing([], "criminal_investigation", party, TODAY, { legalBasisNote: "zonder grondslag" }), { allowed: false, state: "none" });
  });
});
