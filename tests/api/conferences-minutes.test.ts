import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  admitSignal, assertProblem, buildSignal, conferenceIds, conferenceSnapshot, dateIn, invite, ok, pdfText, planMeeting, poppler, type BuiltSignal, type ConferenceIds,
} from "../support/conferences.ts";
import { createUser, eventsSince, lastSeq, type FixtureUser } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The minutes over HTTP: a PDF per recipient organisation, produced from the data and redacted to what that
 * organisation may read (minutes-model.ts). The organiser and an organisation with an action on an item read
 * it in full; a participant without an action reads the heading and what was decided and agreed, never what
 * was shared about the people; whoever is not involved gets nothing. Set KZ_MINUTES_DIR to keep the PDFs.
 */
type Json = Record<string, unknown>;

describe("conferences: the minutes as a PDF per recipient", { skip: !poppler && "pdftotext (poppler-utils) is not installed" }, () => {
  let t: TestApp;
  let ids: ConferenceIds;
  const c = {} as Record<"chair" | "focal" | "police" | "tax" | "riec" | "analyst" | "inspector", TestClient>;
  let analyst: FixtureUser;
  let meeting: Json;
  let signal: BuiltSignal;
  let itemId = "";
  const user = (email: string) => ids.users[email]!;
  const meetingId = () => meeting.id as string;

  /** What is shared about the signal, and what the meeting says about it. */
  const SHARED = ["Zolderkamer", "Kerkstraat 12", "6901AB", "Andrzej Nowak"];
  const QUESTION = "Gezamenlijke controle bij de zolderwoning nodig?";
  const NOTES = "Politie kent het pand uit eerdere meldingen.";
  const DECISION = "Controle door gemeente en Arbeidsinspectie in week 51.";
  const TAX_ACTION = "Fiscale gegevens van de verhuurder opvragen";
  const RIEC_ACTION = "Analyse van de eigenaar maken";

  before(async () => {
    t = await startTestApp();
    ids = await conferenceIds(t);
    for (const [key, email] of [
      ["chair", "voorzitter@zvh.demo"], ["focal", "aandacht@zevenaar.demo"], ["police", "politie@politie.demo"], ["tax", "fiscus@belastingdienst.demo"],
      ["riec", "riec@riec.demo"], ["inspector", "inspectie@arbeidsinspectie.demo"],
    ] as const) c[key] = await t.login(email);
    analyst = await createUser(t, { organisationId: ids.organisations.riec, roles: ["partner"], displayName: "Ruud Analist" });
    c.analyst = await t.login(analyst.email, { totpSecret: analyst.totpSecret });

    meeting = await planMeeting(t, c.chair, { title: "Casusoverleg mensenhandel december" });
    for (const [org, email] of [["politie", "politie@politie.demo"], ["belastingdienst", "fiscus@belastingdienst.demo"], ["riec", "riec@riec.demo"]] as const) {
      await invite(c.chair, meetingId(), ids.organisations[org], [user(email)]);
    }
    signal = await buildSignal(t, {
      reporterId: user("melder@zevenaar.demo"), municipalityId: ids.organisations.zevenaar,
      description: "Zolderkamer met veertien matrassen; een busje haalt de bewoners om vijf uur op.",
      location: { kind: "address", postcode: "6901AB", houseNumber: 12, street: "Kerkstraat", city: "Zevenaar" },
      victims: [{ name: "Andrzej Nowak", birthDate: "1990-04-01", nationality: "POL" }],
    });
    itemId = await admitSignal(c.chair, c.focal, meetingId(), signal, { question: QUESTION, sharedParts: ["description", "location", "victims"] });
    await ok(c.chair.post(`/api/v1/meetings/${meetingId()}/open`));
    await ok(c.chair.put(`/api/v1/agenda-items/${itemId}/notes`, { notes: NOTES }));
    await ok(c.chair.post(`/api/v1/agenda-items/${itemId}/decisions`, { kind: "inspection", description: DECISION }));
    await ok(c.chair.post(`/api/v1/agenda-items/${itemId}/actions`, { description: TAX_ACTION, ownerOrganisationId: ids.organisations.belastingdienst, deadline: dateIn(t, 14) }));
    await ok(c.chair.post(`/api/v1/agenda-items/${itemId}/actions`, { description: RIEC_ACTION, ownerOrganisationId: ids.organisations.riec, ownerUserId: analyst.id, deadline: dateIn(t, 21) }));
    await ok(c.chair.post(`/api/v1/meetings/${meetingId()}/close`));
  });
  after(() => t?.close());

  /** The minutes for `organisationId` as `who` asks for them: the file's name and its text. */
  async function minutes(who: TestClient, organisationId: string, keepAs?: string): Promise<{ fileName: string; text: string }> {
    const file = await ok(who.post(`/api/v1/meetings/${meetingId()}/minutes`, { organisationId }));
    assert.equal(file.mediaType, "application/pdf");
    assert.equal(file.encoding, "base64");
    const bytes = Buffer.from(file.content as string, "base64");
    assert.equal(bytes.subarray(0, 5).toString(), "%PDF-");
    if (keepAs && process.env.KZ_MINUTES_DIR) {
      mkdirSync(process.env.KZ_MINUTES_DIR, { recursive: true });
      writeFileSync(join(process.env.KZ_MINUTES_DIR, `minutes-${keepAs}.pdf`), bytes);
    }
    return { fileName: file.fileName as string, text: pdfText(file.content as string) };
  }

  const has = (text: string, words: string[]) => words.filter((w) => !text.includes(w));
  const lacks = (text: string, words: string[]) => words.filter((w) => text.includes(w));

  it("the organiser's minutes hold the agenda item in full: what was shared, the question, notes, decision and both actions", async () => {
    const { fileName, text } = await minutes(c.chair, ids.organisations.zvh, "organiser");
    assert.match(fileName, new RegExp(`^verslag-${meeting.reference as string}-zorg-en-veiligheidshuis-gelderland-midden-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    assert.deepEqual(has(text, [
      meeting.reference as string, "Casusoverleg mensenhandel december", signal.reference, "Gemeente Zevenaar", QUESTION, NOTES, DECISION, TAX_ACTION, RIEC_ACTION,
      "Belastingdienst Oost", "RIEC Oost-Nederland", "Ruud Analist", "Vera Voorzitter", ...SHARED,
    ]), []);
    assert.deepEqual(lacks(text, ["Mila", "Melder", "Publiekszaken"]), [], "never the reporter");
    assert.ok(text.includes(`1. Signaal ${signal.reference} Gemeente Zevenaar · ingebracht door Gemeente Zevenaar`), text);
  });

  it("the police delegate (no action, meeting closed) gets the heading and what was decided, without the shared content", async () => {
    const { text } = await minutes(c.police, ids.organisations.politie, "police");
    assert.deepEqual(has(text, [meeting.reference as string, signal.reference, "Gemeente Zevenaar", "Politie Oost-Nederland (AVIM)"]), []);
    assert.deepEqual(lacks(text, [...SHARED, QUESTION, NOTES, "6901", "matrassen", "busje", "1990"]), [], "nothing of what was shared about the people or the place");
  });

  it("the tax office, with an action on the item, reads it in full; so does the RIEC's delegate for the action named to a colleague", async () => {
    const tax = await minutes(c.tax, ids.organisations.belastingdienst, "tax");
    assert.deepEqual(has(tax.text, [signal.reference, QUESTION, DECISION, TAX_ACTION, ...SHARED]), []);
    const riec = await minutes(c.riec, ids.organisations.riec, "riec");
    assert.deepEqual(has(riec.text, [signal.reference, QUESTION, RIEC_ACTION, "Ruud Analist", ...SHARED]), []);
    // The named owner, no delegate, reaches the item itself but not the organisation's minutes (which would show
    // the decisions on items they may not read).
    assertProblem(await c.analyst.post(`/api/v1/meetings/${meetingId()}/minutes`, { organisationId: ids.organisations.riec }), 403, "forbidden");
  });

  it("a cancelled action takes the tax office back to what a participant without an action reads", async () => {
    const action = ((await ok(c.tax.get(`/api/v1/conference-actions?meetingId=${meetingId()}`))).items as Json[])[0]!;
    await ok(c.tax.patch(`/api/v1/conference-actions/${action.id as string}`, { status: "cancelled", result: "Niet meer nodig" }));
    const { text } = await minutes(c.tax, ids.organisations.belastingdienst);
    assert.deepEqual(lacks(text, [...SHARED, QUESTION, NOTES]), []);
    assert.ok(text.includes(signal.reference));
  });

  it("each production is an audited export, with an export of the item only where its content leaves", async () => {
    const seq = await lastSeq(t);
    await minutes(c.chair, ids.organisations.riec);
    await minutes(c.police, ids.organisations.politie);
    const events = await eventsSince(t, seq);
    const meetings = events.filter((e) => e.action === "export" && e.object_type === "meeting");
    assert.deepEqual(meetings.map((e) => JSON.parse(e.details!).recipient), ["RIEC Oost-Nederland", "Politie Oost-Nederland (AVIM)"]);
    assert.deepEqual(meetings.map((e) => JSON.parse(e.details!).fullItems), [[signal.reference], []]);
    const items = events.filter((e) => e.action === "export" && e.object_type === "agenda_item");
    assert.equal(items.length, 1);
    assert.equal(items[0]!.actor_user_id, user("voorzitter@zvh.demo"));
    assert.equal(items[0]!.data_subject_ref, `signal:${signal.id}`);
  });

  it("nobody gets another's minutes: a delegate asks only for their own (403), a stranger gets 404, an uninvolved recipient 400", async () => {
    const before = await conferenceSnapshot(t);
    assertProblem(await c.police.post(`/api/v1/meetings/${meetingId()}/minutes`, { organisationId: ids.organisations.belastingdienst }), 403, "forbidden");
    assertProblem(await c.inspector.post(`/api/v1/meetings/${meetingId()}/minutes`, { organisationId: ids.organisations.inspectie }), 404, "not_found");
    assertProblem(await c.focal.post(`/api/v1/meetings/${meetingId()}/minutes`, { organisationId: ids.organisations.zevenaar }), 403, "forbidden");
    const stranger = await createUser(t, { organisationId: ids.organisations.zorgijssel, roles: ["care_coordinator"] });
    const elsewhere = await t.login(stranger.email, { totpSecret: stranger.totpSecret });
    assertProblem(await elsewhere.post(`/api/v1/meetings/${meetingId()}/minutes`, { organisationId: ids.organisations.zorgijssel }), 404, "not_found");
    assertProblem(await c.chair.post(`/api/v1/meetings/${meetingId()}/minutes`, { organisationId: ids.organisations.inspectie }), 400, "invalid_input", "organisationId", "not_involved");
    assertProblem(await c.chair.post(`/api/v1/meetings/${meetingId()}/minutes`, { organisationId: "politie" }), 400, "invalid_input", "organisationId");
    assertProblem(await c.chair.post(`/api/v1/meetings/${meetingId()}/minutes`, {}), 400, "invalid_input", "organisationId");
    assert.deepEqual(await conferenceSnapshot(t), before);
  });
});
