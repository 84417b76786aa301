import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { buildConsent, buildVictimFile, careIds, careSnapshot, daysFromToday, todayIn, type BuiltFile, type CareIds } from "../support/care.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * Bad input on every write endpoint of care coordination: unknown fields, impossible and future dates,
 * values outside the code lists, organisations outside the region's network, COSM for those it is not
 * for. Each is answered 400 or 409 with a stable code and a Dutch explanation, stores nothing, and never
 * ends in a 500.
 */
interface Case {
  name: string;
  method: "POST" | "PATCH" | "PUT";
  url: () => string;
  body: unknown;
  status: 400 | 409;
  code: string;
  /** The invalid parameter reported first, and its code, where there is one. */
  param?: string;
  paramCode?: string;
}

/** Words that would betray an English (or internal) explanation in the problem's detail. */
const ENGLISH = /\b(the|must|invalid|required|expected|error|not found|undefined|null)\b/i;

describe("care: bad input gets a clear 4xx with a stable code and stores nothing", () => {
  let t: TestApp;
  let ids: CareIds;
  let care: TestClient;
  let adult: BuiltFile;
  let minor: BuiltFile;
  let dutch: BuiltFile;
  let goalId = "";
  let serviceId = "";
  let placementId = "";
  let permitId = "";

  before(async () => {
    t = await startTestApp();
    ids = await careIds(t);
    care = await t.login("zorg@zorgcoordinatie.demo");
    const zorg = ids.users["zorg@zorgcoordinatie.demo"]!;
    adult = await buildVictimFile(t, { coordinatorId: zorg, name: "Andrzej Nowak", birthDate: "1990-04-01", nationality: "POL", exploitationForms: ["labour"] });
    minor = await buildVictimFile(t, { coordinatorId: zorg, name: "Jonge Persoon", birthDate: daysFromToday(t, -15 * 366), nationality: "ERI" });
    dutch = await buildVictimFile(t, { coordinatorId: zorg, name: "Sanne de Boer", birthDate: "1994-06-06", nationality: "NLD" });
    await buildConsent(t, adult.id, { purpose: "criminal_investigation", partyOrganisationId: ids.organisations.politie, recordedBy: zorg });
    const ok = async (res: Awaited<ReturnType<TestClient["post"]>>) => {
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    goalId = (await ok(await care.post(`/api/v1/victim-files/${adult.id}/goals`, { domain: "shelter_housing", description: "Eigen woonruimte", targetDate: daysFromToday(t, 30) }))).carePlan.goals[0].id;
    serviceId = (await ok(await care.post(`/api/v1/victim-files/${adult.id}/services`, {
      domain: "medical", serviceType: "medical_care", providerOrganisationId: ids.organisations.zvh, startDate: todayIn(t),
    }))).carePlan.services[0].id;
    placementId = (await ok(await care.post(`/api/v1/victim-files/${adult.id}/shelter-placements`, {
      shelterOrganisationId: ids.organisations.opvang, placeType: "regular", admittedOn: daysFromToday(t, -1),
    }))).shelter.placements[0].id;
    permitId = (await ok(await care.post(`/api/v1/victim-files/${adult.id}/residence-permits`, { kind: "b8_temporary", appliedOn: daysFromToday(t, -5) }))).residence.permits[0].id;
  });
  after(() => t?.close());

  const file = (f: () => BuiltFile, path = "") => () => `/api/v1/victim-files/${f().id}${path}`;
  const a = () => adult;
  const future = () => daysFromToday(t, 1);
  const partner = (more: Record<string, unknown>) => ({
    userId: ids.users["politie@politie.demo"], memberRole: "partner", purpose: "criminal_investigation", validUntil: daysFromToday(t, 30), ...more,
  });
  const consent = (more: Record<string, unknown>) => ({
    purpose: "shelter", partyOrganisationId: ids.organisations.opvang, status: "given", decidedOn: todayIn(t), recordedHow: "written", ...more,
  });

  const cases = (): Case[] => [
    // Opening a file.
    { name: "open: an unknown field", method: "POST", url: () => "/api/v1/victim-files", body: { source: "police", shoeSize: 44 }, status: 400, code: "invalid_input", param: "shoeSize" },
    { name: "open: a source outside the list", method: "POST", url: () => "/api/v1/victim-files", body: { source: "neighbour" }, status: 400, code: "invalid_input", param: "source" },
    { name: "open: 30 February", method: "POST", url: () => "/api/v1/victim-files", body: { source: "police", person: { birthDate: "1990-02-30" } }, status: 400, code: "invalid_input", param: "person.birthDate" },
    { name: "open: born tomorrow", method: "POST", url: () => "/api/v1/victim-files", body: { source: "police", person: { birthDate: future() } }, status: 400, code: "invalid_input", param: "person.birthDate", paramCode: "future_date" },
    { name: "open: a two-letter nationality", method: "POST", url: () => "/api/v1/victim-files", body: { source: "police", nationality: "NL" }, status: 400, code: "invalid_input", param: "nationality" },
    { name: "open: a language by name", method: "POST", url: () => "/api/v1/victim-files", body: { source: "police", languages: ["dutch"] }, status: 400, code: "invalid_input", param: "languages.0" },
    { name: "open: the route's 'unclear' is not a form", method: "POST", url: () => "/api/v1/victim-files", body: { source: "police", exploitationForms: ["unclear"] }, status: 400, code: "invalid_input", param: "exploitationForms.0" },
    { name: "open: an unknown field in the person", method: "POST", url: () => "/api/v1/victim-files", body: { source: "police", person: { name: "X", passport: "NX123" } }, status: 400, code: "invalid_input", param: "person.passport" },
    { name: "open: a phone number of letters", method: "POST", url: () => "/api/v1/victim-files", body: { source: "police", person: { phone: "bel mij" } }, status: 400, code: "invalid_input", param: "person.phone" },
    { name: "open: a referral with a direct source", method: "POST", url: () => "/api/v1/victim-files", body: { source: "police", referralId: randomUUID() }, status: 400, code: "invalid_input", param: "referralId", paramCode: "not_allowed" },
    { name: "open: source referral without the referral", method: "POST", url: () => "/api/v1/victim-files", body: { source: "referral" }, status: 400, code: "invalid_input", param: "referralId", paramCode: "required" },
    { name: "open: another organisation's region", method: "POST", url: () => "/api/v1/victim-files", body: { source: "police", regionId: ids.otherRegionId }, status: 400, code: "invalid_input", param: "regionId" },

    // Correcting the person and the youth route.
    { name: "update: nothing to change", method: "PATCH", url: file(a), body: {}, status: 400, code: "invalid_input" },
    { name: "update: an unknown field", method: "PATCH", url: file(a), body: { bsn: "123456782" }, status: 400, code: "invalid_input", param: "bsn" },
    { name: "update: born tomorrow", method: "PATCH", url: file(a), body: { birthDate: future() }, status: 400, code: "invalid_input", param: "birthDate", paramCode: "future_date" },
    { name: "update: Veilig Thuis told tomorrow", method: "PATCH", url: file(a), body: { veiligThuisNotifiedOn: future() }, status: 400, code: "invalid_input", param: "veiligThuisNotifiedOn", paramCode: "future_date" },
    { name: "update: youth care from another region", method: "PATCH", url: file(a), body: { youthCareProviderId: ids.organisations.zorgijssel }, status: 400, code: "invalid_input", param: "youthCareProviderId", paramCode: "unknown_organisation" },
    { name: "update: a gender outside the list", method: "PATCH", url: file(a), body: { gender: "x" }, status: 400, code: "invalid_input", param: "gender" },
    { name: "update: a nationality in words", method: "PATCH", url: file(a), body: { nationality: "Nederland" }, status: 400, code: "invalid_input", param: "nationality" },

    // The lifecycle.
    { name: "transition: a status outside the list", method: "POST", url: file(a, "/transitions"), body: { to: "archived" }, status: 400, code: "invalid_input", param: "to" },
    { name: "transition: an unknown field", method: "POST", url: file(a, "/transitions"), body: { to: "active", force: true }, status: 400, code: "invalid_input", param: "force" },
    { name: "transition: a closure reason outside the list", method: "POST", url: file(a, "/transitions"), body: { to: "closed", closureReason: "bored" }, status: 400, code: "invalid_input", param: "closureReason" },

    // The case team.
    { name: "team: a partner without purpose", method: "POST", url: file(a, "/team-members"), body: partner({ purpose: undefined }), status: 400, code: "invalid_input", param: "purpose", paramCode: "required" },
    { name: "team: a partner without end date", method: "POST", url: file(a, "/team-members"), body: partner({ validUntil: undefined }), status: 400, code: "invalid_input", param: "validUntil", paramCode: "required" },
    { name: "team: a period starting yesterday", method: "POST", url: file(a, "/team-members"), body: partner({ validFrom: daysFromToday(t, -1) }), status: 400, code: "invalid_input", param: "validFrom", paramCode: "past_date" },
    { name: "team: an end before the start", method: "POST", url: file(a, "/team-members"), body: partner({ validFrom: daysFromToday(t, 10), validUntil: daysFromToday(t, 5) }), status: 400, code: "invalid_input", param: "validUntil", paramCode: "before_start" },
    { name: "team: longer than a year", method: "POST", url: file(a, "/team-members"), body: partner({ validUntil: daysFromToday(t, 367) }), status: 400, code: "invalid_input", param: "validUntil", paramCode: "too_long" },
    { name: "team: a purpose outside the list", method: "POST", url: file(a, "/team-members"), body: partner({ purpose: "curiosity" }), status: 400, code: "invalid_input", param: "purpose" },
    { name: "team: a role outside the list", method: "POST", url: file(a, "/team-members"), body: partner({ memberRole: "observer" }), status: 400, code: "invalid_input", param: "memberRole" },
    { name: "team: an impossible date", method: "POST", url: file(a, "/team-members"), body: partner({ validUntil: "2026-13-01" }), status: 400, code: "invalid_input", param: "validUntil" },
    { name: "team: a coordinator of another region as partner", method: "POST", url: file(a, "/team-members"), body: partner({ userId: ids.users["zorg@ijsselland.demo"] }), status: 409, code: "not_eligible", param: "userId" },
    { name: "team: a policy officer as partner", method: "POST", url: file(a, "/team-members"), body: partner({ userId: ids.users["beleid@arnhem.demo"] }), status: 409, code: "not_eligible", param: "userId" },
    { name: "team: a user that does not exist", method: "POST", url: file(a, "/team-members"), body: partner({ userId: randomUUID() }), status: 409, code: "not_eligible", param: "userId" },
    { name: "team: a coordinator of another organisation", method: "POST", url: file(a, "/team-members"), body: { userId: ids.users["zorg@ijsselland.demo"], memberRole: "coordinator" }, status: 409, code: "not_eligible" },
    { name: "team: a coordinator with a purpose", method: "POST", url: file(a, "/team-members"), body: { userId: ids.users["zorg2@zorgcoordinatie.demo"], memberRole: "coordinator", purpose: "shelter" }, status: 400, code: "invalid_input", param: "purpose", paramCode: "not_allowed" },
    { name: "team: someone already on it", method: "POST", url: file(a, "/team-members"), body: { userId: ids.users["zorg@zorgcoordinatie.demo"], memberRole: "coordinator" }, status: 409, code: "conflict" },
    { name: "team: ending a membership that does not exist", method: "POST", url: () => `/api/v1/victim-files/${adult.id}/team-members/${randomUUID()}/end`, body: {}, status: 400, code: "invalid_input", param: "memberId" },

    // Consent.
    { name: "consent: two parties at once", method: "POST", url: file(a, "/consents"), body: consent({ partyName: "De Linde" }), status: 400, code: "invalid_input", param: "partyOrganisationId", paramCode: "one_party" },
    { name: "consent: a team purpose for a party outside Ketenzicht", method: "POST", url: file(a, "/consents"), body: consent({ partyOrganisationId: undefined, partyName: "De Linde" }), status: 400, code: "invalid_input", param: "partyOrganisationId", paramCode: "required" },
    { name: "consent: decided tomorrow", method: "POST", url: file(a, "/consents"), body: consent({ decidedOn: future() }), status: 400, code: "invalid_input", param: "decidedOn", paramCode: "future_date" },
    { name: "consent: an end date on a refusal", method: "POST", url: file(a, "/consents"), body: consent({ status: "refused", validUntil: daysFromToday(t, 30) }), status: 400, code: "invalid_input", param: "validUntil", paramCode: "not_allowed" },
    { name: "consent: an end before the decision", method: "POST", url: file(a, "/consents"), body: consent({ decidedOn: daysFromToday(t, -3), validUntil: daysFromToday(t, -4) }), status: 400, code: "invalid_input", param: "validUntil", paramCode: "before_start" },
    { name: "consent: an organisation of another region", method: "POST", url: file(a, "/consents"), body: consent({ partyOrganisationId: ids.organisations.zorgijssel }), status: 400, code: "invalid_input", param: "partyOrganisationId", paramCode: "unknown_organisation" },
    { name: "consent: a transfer to an organisation that is no care coordination", method: "POST", url: file(a, "/consents"), body: consent({ purpose: "transfer", partyOrganisationId: ids.organisations.politie }), status: 400, code: "invalid_input", param: "partyOrganisationId", paramCode: "unknown_organisation" },
    { name: "consent: a status outside the list", method: "POST", url: file(a, "/consents"), body: consent({ status: "maybe" }), status: 400, code: "invalid_input", param: "status" },
    { name: "consent: how it was recorded is missing", method: "POST", url: file(a, "/consents"), body: consent({ recordedHow: undefined }), status: 400, code: "invalid_input", param: "recordedHow" },

    // Needs, goals, services.
    { name: "need: a domain outside the list", method: "PUT", url: file(a, "/needs/happiness"), body: { status: "need" }, status: 400, code: "invalid_input", param: "domain" },
    { name: "need: a status outside the list", method: "PUT", url: file(a, "/needs/medical"), body: { status: "urgent" }, status: 400, code: "invalid_input", param: "status" },
    { name: "need: an unknown field", method: "PUT", url: file(a, "/needs/medical"), body: { status: "need", priority: 1 }, status: 400, code: "invalid_input", param: "priority" },
    { name: "goal: a target date in the past", method: "POST", url: file(a, "/goals"), body: { domain: "medical", description: "Huisarts", targetDate: daysFromToday(t, -1) }, status: 400, code: "invalid_input", param: "targetDate", paramCode: "past_date" },
    { name: "goal: an empty description", method: "POST", url: file(a, "/goals"), body: { domain: "medical", description: "  ", targetDate: daysFromToday(t, 5) }, status: 400, code: "invalid_input", param: "description" },
    { name: "goal: not this file's goal", method: "PATCH", url: () => `/api/v1/victim-files/${adult.id}/goals/${randomUUID()}`, body: { status: "achieved" }, status: 400, code: "invalid_input", param: "goalId", paramCode: "unknown" },
    { name: "goal: achieved tomorrow", method: "PATCH", url: () => `/api/v1/victim-files/${adult.id}/goals/${goalId}`, body: { status: "achieved", achievedOn: future() }, status: 400, code: "invalid_input", param: "achievedOn", paramCode: "future_date" },
    { name: "goal: a date of achievement on an open goal", method: "PATCH", url: () => `/api/v1/victim-files/${adult.id}/goals/${goalId}`, body: { achievedOn: todayIn(t) }, status: 400, code: "invalid_input", param: "achievedOn", paramCode: "not_allowed" },
    { name: "goal: another file's goal", method: "PATCH", url: () => `/api/v1/victim-files/${minor.id}/goals/${goalId}`, body: { status: "dropped" }, status: 400, code: "invalid_input", param: "goalId" },
    { name: "service: a provider of another region", method: "POST", url: file(a, "/services"), body: { domain: "medical", serviceType: "medical_care", providerOrganisationId: ids.organisations.zorgijssel, startDate: todayIn(t) }, status: 400, code: "invalid_input", param: "providerOrganisationId", paramCode: "unknown_organisation" },
    { name: "service: a provider that does not exist", method: "POST", url: file(a, "/services"), body: { domain: "medical", serviceType: "medical_care", providerOrganisationId: randomUUID(), startDate: todayIn(t) }, status: 400, code: "invalid_input", param: "providerOrganisationId" },
    { name: "service: an end before the start", method: "POST", url: file(a, "/services"), body: { domain: "medical", serviceType: "medical_care", providerOrganisationId: ids.organisations.zvh, startDate: todayIn(t), endDate: daysFromToday(t, -1) }, status: 400, code: "invalid_input", param: "endDate", paramCode: "before_start" },
    { name: "service: active but starting tomorrow", method: "POST", url: file(a, "/services"), body: { domain: "medical", serviceType: "medical_care", providerOrganisationId: ids.organisations.zvh, startDate: future(), status: "active" }, status: 400, code: "invalid_input", param: "startDate", paramCode: "future_date" },
    { name: "service: completed without an end", method: "POST", url: file(a, "/services"), body: { domain: "medical", serviceType: "medical_care", providerOrganisationId: ids.organisations.zvh, startDate: daysFromToday(t, -9), status: "completed" }, status: 400, code: "invalid_input", param: "endDate", paramCode: "required" },
    { name: "service: a type outside the list", method: "POST", url: file(a, "/services"), body: { domain: "medical", serviceType: "massage", providerOrganisationId: ids.organisations.zvh, startDate: todayIn(t) }, status: 400, code: "invalid_input", param: "serviceType" },
    { name: "service: not this file's service", method: "PATCH", url: () => `/api/v1/victim-files/${adult.id}/services/${randomUUID()}`, body: { status: "active" }, status: 400, code: "invalid_input", param: "serviceId", paramCode: "unknown" },
    { name: "service: moved to end before its start", method: "PATCH", url: () => `/api/v1/victim-files/${adult.id}/services/${serviceId}`, body: { endDate: daysFromToday(t, -2) }, status: 400, code: "invalid_input", param: "endDate", paramCode: "before_start" },

    // Shelter.
    { name: "shelter: an organisation of another region", method: "POST", url: file(a, "/shelter-placements"), body: { shelterOrganisationId: ids.organisations.zorgijssel, placeType: "regular", admittedOn: todayIn(t) }, status: 400, code: "invalid_input", param: "shelterOrganisationId", paramCode: "unknown_organisation" },
    { name: "shelter: an organisation that is no shelter", method: "POST", url: file(() => dutch, "/shelter-placements"), body: { shelterOrganisationId: ids.organisations.politie, placeType: "regular", admittedOn: todayIn(t) }, status: 400, code: "invalid_input", param: "shelterOrganisationId" },
    { name: "shelter: admitted tomorrow", method: "POST", url: file(() => dutch, "/shelter-placements"), body: { shelterOrganisationId: ids.organisations.opvang, placeType: "regular", admittedOn: future() }, status: 400, code: "invalid_input", param: "admittedOn", paramCode: "future_date" },
    { name: "shelter: COSM for a minor", method: "POST", url: file(() => minor, "/shelter-placements"), body: { shelterOrganisationId: ids.organisations.opvang, placeType: "cosm", admittedOn: todayIn(t) }, status: 409, code: "not_eligible", param: "placeType" },
    { name: "shelter: COSM for a Dutch national", method: "POST", url: file(() => dutch, "/shelter-placements"), body: { shelterOrganisationId: ids.organisations.opvang, placeType: "cosm", admittedOn: todayIn(t) }, status: 409, code: "not_eligible", param: "placeType" },
    { name: "shelter: a second placement while one is open", method: "POST", url: file(a, "/shelter-placements"), body: { shelterOrganisationId: ids.organisations.opvang, placeType: "crisis", admittedOn: todayIn(t) }, status: 409, code: "placement_open" },
    { name: "shelter: a place type outside the list", method: "POST", url: file(a, "/shelter-placements"), body: { shelterOrganisationId: ids.organisations.opvang, placeType: "hotel", admittedOn: todayIn(t) }, status: 400, code: "invalid_input", param: "placeType" },
    { name: "leave: not this file's placement", method: "POST", url: () => `/api/v1/victim-files/${adult.id}/shelter-placements/${randomUUID()}/leave`, body: { leftOn: todayIn(t), leaveKind: "outflow", destination: "family" }, status: 400, code: "invalid_input", param: "placementId" },
    { name: "leave: before admission", method: "POST", url: () => `/api/v1/victim-files/${adult.id}/shelter-placements/${placementId}/leave`, body: { leftOn: daysFromToday(t, -2), leaveKind: "outflow", destination: "family" }, status: 400, code: "invalid_input", param: "leftOn", paramCode: "before_start" },
    { name: "leave: tomorrow", method: "POST", url: () => `/api/v1/victim-files/${adult.id}/shelter-placements/${placementId}/leave`, body: { leftOn: future(), leaveKind: "outflow", destination: "family" }, status: 400, code: "invalid_input", param: "leftOn", paramCode: "future_date" },
    { name: "leave: throughflow to nowhere to stay", method: "POST", url: () => `/api/v1/victim-files/${adult.id}/shelter-placements/${placementId}/leave`, body: { leftOn: todayIn(t), leaveKind: "throughflow", destination: "returned_to_origin" }, status: 400, code: "invalid_input", param: "destination", paramCode: "invalid_for_throughflow" },
    { name: "leave: a kind outside the list", method: "POST", url: () => `/api/v1/victim-files/${adult.id}/shelter-placements/${placementId}/leave`, body: { leftOn: todayIn(t), leaveKind: "escape", destination: "unknown" }, status: 400, code: "invalid_input", param: "leaveKind" },

    // The residence scheme.
    { name: "reflection: offered tomorrow", method: "PUT", url: file(a, "/reflection-period"), body: { offeredOn: future() }, status: 400, code: "invalid_input", param: "offeredOn", paramCode: "future_date" },
    { name: "reflection: a date in words", method: "PUT", url: file(a, "/reflection-period"), body: { offeredOn: "gisteren" }, status: 400, code: "invalid_input", param: "offeredOn" },
    { name: "reflection: for a Dutch national", method: "PUT", url: file(() => dutch, "/reflection-period"), body: { offeredOn: todayIn(t) }, status: 409, code: "not_eligible", param: "offeredOn" },
    { name: "police report: made without a date", method: "PUT", url: file(a, "/police-report"), body: { status: "made" }, status: 400, code: "invalid_input", param: "date", paramCode: "required" },
    { name: "police report: made tomorrow", method: "PUT", url: file(a, "/police-report"), body: { status: "made", date: future() }, status: 400, code: "invalid_input", param: "date", paramCode: "future_date" },
    { name: "police report: a date without a decision", method: "PUT", url: file(a, "/police-report"), body: { status: "undecided", date: todayIn(t) }, status: 400, code: "invalid_input", param: "date", paramCode: "not_allowed" },
    { name: "police report: a basis for being unable on a refusal", method: "PUT", url: file(a, "/police-report"), body: { status: "declined", date: todayIn(t), unableBasis: "threat" }, status: 400, code: "invalid_input", param: "unableBasis", paramCode: "not_allowed" },
    { name: "permit: applied tomorrow", method: "POST", url: file(() => dutch, "/residence-permits"), body: { kind: "b8_temporary", appliedOn: future() }, status: 400, code: "invalid_input", param: "appliedOn", paramCode: "future_date" },
    { name: "permit: a renewal of nothing", method: "POST", url: file(() => dutch, "/residence-permits"), body: { kind: "renewal", appliedOn: todayIn(t) }, status: 409, code: "transition_not_allowed", param: "kind" },
    { name: "permit: a second application while one is pending", method: "POST", url: file(a, "/residence-permits"), body: { kind: "b8_temporary", appliedOn: todayIn(t) }, status: 409, code: "transition_not_allowed", param: "kind" },
    { name: "permit: a kind outside the list", method: "POST", url: file(a, "/residence-permits"), body: { kind: "golden_visa", appliedOn: todayIn(t) }, status: 400, code: "invalid_input", param: "kind" },
    { name: "decision: not this file's application", method: "POST", url: () => `/api/v1/victim-files/${adult.id}/residence-permits/${randomUUID()}/decision`, body: { decidedOn: todayIn(t), decision: "refused" }, status: 400, code: "invalid_input", param: "permitId" },
    { name: "decision: before the application", method: "POST", url: () => `/api/v1/victim-files/${adult.id}/residence-permits/${permitId}/decision`, body: { decidedOn: daysFromToday(t, -6), decision: "refused" }, status: 400, code: "invalid_input", param: "decidedOn", paramCode: "out_of_range" },
    { name: "decision: tomorrow", method: "POST", url: () => `/api/v1/victim-files/${adult.id}/residence-permits/${permitId}/decision`, body: { decidedOn: future(), decision: "refused" }, status: 400, code: "invalid_input", param: "decidedOn", paramCode: "out_of_range" },
    { name: "decision: granted without an end", method: "POST", url: () => `/api/v1/victim-files/${adult.id}/residence-permits/${permitId}/decision`, body: { decidedOn: todayIn(t), decision: "granted" }, status: 400, code: "invalid_input", param: "validUntil", paramCode: "required" },
    { name: "decision: an end on a refusal", method: "POST", url: () => `/api/v1/victim-files/${adult.id}/residence-permits/${permitId}/decision`, body: { decidedOn: todayIn(t), decision: "refused", validUntil: daysFromToday(t, 300) }, status: 400, code: "invalid_input", param: "validUntil", paramCode: "not_allowed" },

    // Registrations and transfers.
    { name: "CoMensha: a format outside the list", method: "POST", url: file(a, "/comensha-exports"), body: { format: "xml" }, status: 400, code: "invalid_input", param: "format" },
    { name: "CoMensha: a legal basis without explanation", method: "POST", url: file(a, "/comensha-exports"), body: { legalBasis: "public_task" }, status: 400, code: "invalid_input", param: "legalBasisNote", paramCode: "required" },
    { name: "CoMensha: a legal basis outside the list", method: "POST", url: file(a, "/comensha-exports"), body: { legalBasis: "because", legalBasisNote: "omdat" }, status: 400, code: "invalid_input", param: "legalBasis" },
    { name: "CoMensha: registered on no date", method: "POST", url: file(a, "/comensha-registration"), body: { registeredOn: "vandaag" }, status: 400, code: "invalid_input", param: "registeredOn" },
    { name: "HTCDS: without a recipient", method: "POST", url: file(a, "/htcds-exports"), body: {}, status: 400, code: "invalid_input", param: "recipient" },
    { name: "HTCDS: a legal basis without explanation", method: "POST", url: file(a, "/htcds-exports"), body: { recipient: "IOM", legalBasis: "vital_interest" }, status: 400, code: "invalid_input", param: "legalBasisNote" },
    { name: "transfer: without a reason", method: "POST", url: file(a, "/transfers"), body: { organisationId: ids.organisations.zorgijssel }, status: 400, code: "invalid_input", param: "reason" },
    { name: "transfer: to an organisation that is no other region's care coordination", method: "POST", url: file(a, "/transfers"), body: { organisationId: ids.organisations.politie, reason: "Verhuist" }, status: 400, code: "invalid_input", param: "organisationId", paramCode: "unknown_organisation" },
    { name: "transfer: a legal basis without explanation", method: "POST", url: file(a, "/transfers"), body: { organisationId: ids.organisations.zorgijssel, reason: "Verhuist", legalBasis: "vital_interest" }, status: 400, code: "invalid_input", param: "legalBasisNote" },
    { name: "transfer: declined without a reason", method: "POST", url: () => `/api/v1/victim-file-transfers/${randomUUID()}/decline`, body: { because: "nee" }, status: 400, code: "invalid_input" },

    // Paths.
    { name: "a file id that is no id", method: "POST", url: () => "/api/v1/victim-files/ZT-2026-00001/transitions", body: { to: "active" }, status: 400, code: "invalid_input", param: "id" },
  ];

  it("every case is refused as expected, with a Dutch explanation, and changes nothing", async () => {
    const failures: string[] = [];
    for (const c of cases()) {
      const before = await careSnapshot(t);
      const res = await care.request(c.method, c.url(), c.body);
      const problem = res.json() as { code?: string; detail?: string; invalidParams?: { name: string; code: string }[] };
      const wrong = [
        res.statusCode !== c.status && `status ${res.statusCode}, expected ${c.status}`,
        problem.code !== c.code && `code ${problem.code}, expected ${c.code}`,
        res.headers["content-type"] !== "application/problem+json; charset=utf-8" && `content type ${res.headers["content-type"]}`,
        !(typeof problem.detail === "string" && problem.detail.length > 10 && !ENGLISH.test(problem.detail)) && `detail ${JSON.stringify(problem.detail)}`,
        c.param && !problem.invalidParams?.some((p) => p.name === c.param && (!c.paramCode || p.code === c.paramCode)) &&
          `invalidParams ${JSON.stringify(problem.invalidParams)}, expected ${c.param}${c.paramCode ? `/${c.paramCode}` : ""}`,
      ].filter(Boolean);
      const after = await careSnapshot(t);
      for (const table of Object.keys(before)) if (before[table] !== after[table]) wrong.push(`${table} changed`);
      if (wrong.length) failures.push(`${c.name}: ${wrong.join("; ")} — ${res.body.slice(0, 300)}`);
    }
    assert.deepEqual(failures, []);
    assert.ok(cases().length > 90);
  });

  it("only a care coordinator of a care coordination organisation opens files", async () => {
    const before = await careSnapshot(t);
    for (const email of ["politie@politie.demo", "aandacht@zevenaar.demo", "beleid@arnhem.demo"]) {
      const res = await (await t.login(email)).post("/api/v1/victim-files", { source: "self", ageGroup: "24_30" });
      assert.equal(res.statusCode, 404, `${email}: ${res.body}`);
      assert.equal(res.json().code, "not_found");
    }
    assert.deepEqual(await careSnapshot(t), before);
  });

  it("the valid requests after all that still work, and the file is as it was", async () => {
    const res = await care.get(`/api/v1/victim-files/${adult.id}`);
    assert.equal(res.statusCode, 200, res.body);
    const file = res.json();
    assert.equal(file.person.birthDate, "1990-04-01");
    assert.equal(file.person.nationality, "POL");
    assert.deepEqual(file.carePlan.goals.map((g: { status: string }) => g.status), ["open"]);
    assert.deepEqual(file.shelter.placements.map((p: { leftOn: string | null }) => p.leftOn), [null]);
    assert.equal(file.residence.reflection, null);
    assert.equal(file.team.length, 1);
    assert.equal(file.status, "intake");
  });
});
