import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { insertEvent, insertReferral, insertSignals, monitorIds, valuesOf, type MonitorIds } from "../support/monitoring.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The signal side of the monitor on a small hand-made data set with exact expected counts: signals by source,
 * team, form, indicator group, month and municipality; referrals per partner and channel; time per route step
 * against the deadlines; reporters informed. Period 2025, compared with 2024.
 */
const PERIOD = "from=2025-01-01&to=2025-12-31&compare=true";

interface Section {
  id: string;
  summary: string;
  tables: { id: string; columns: { key: string; label: string; kind: string }[]; rows: { key: string; label: string; cells: { value: number | null; display: string; base?: number }[] }[]; additive: { rows: boolean }; note?: string }[];
  charts: { tableId: string; kind: string }[];
}

describe("the monitor's signals, referrals and route", () => {
  let t: TestApp;
  let ids: MonitorIds;
  let focal: TestClient;
  let zevenaar: { sections: Section[] };
  let region: { sections: Section[] };
  let duiven: { sections: Section[] };

  before(async () => {
    t = await startTestApp();
    ids = await monitorIds(t);
    const o = ids.organisations;
    const general = (await t.db.query<{ code: string }>("select code from indicators where catalogue_id = $1 and group_code = 'general' order by position limit 2", [ids.catalogueId])).map((r) => r.code);
    const focalId = ids.users["aandacht@zevenaar.demo"]!;
    // Zevenaar's deadlines for urgency "high": assessment within 1 working day (the default is 2).
    await t.db.query("insert into route_deadlines (municipality_id, urgency, assess_days, feedback_days, inform_days) values ($1, 'high', 1, 5, 5)", [o.zevenaar]);

    const [s1, s2, s3, s4, , s7] = await insertSignals(t, ids, [
      // 2025, Zevenaar
      { municipalityId: o.zevenaar, receivedAt: "2025-02-03T09:00:00Z", reporterOrganisationId: o.zevenaar, team: "Team Handhaving", forms: ["labour"], indicatorCodes: [general[0]!, ids.codes.labour] },
      { municipalityId: o.zevenaar, receivedAt: "2025-03-10T09:00:00Z", reporterOrganisationId: o.politie, team: "Team Handhaving", urgency: "high", forms: ["labour", "sexual"], indicatorCodes: [ids.codes.sexual, ids.codes.labour] },
      { municipalityId: o.zevenaar, receivedAt: "2025-03-15T10:00:00Z", source: "citizen" },
      { municipalityId: o.zevenaar, receivedAt: "2025-04-01T09:00:00Z", reporterOrganisationId: o.zevenaar, forms: ["sexual"], indicatorCodes: general },
      // 2025, Duiven (in the region, not in Zevenaar)
      { municipalityId: o.duiven, receivedAt: "2025-05-01T09:00:00Z", reporterOrganisationId: o.duiven, team: "Team Zorg", forms: ["criminal"] },
      // 2024, Zevenaar
      { municipalityId: o.zevenaar, receivedAt: "2024-03-05T09:00:00Z", reporterOrganisationId: o.zevenaar, team: "Team Wijk", forms: ["labour"] },
    ]);
    // Merged into s4: does not count anywhere.
    await insertSignals(t, ids, [
      { municipalityId: o.zevenaar, receivedAt: "2025-04-02T09:00:00Z", reporterOrganisationId: o.zevenaar, team: "Team Handhaving", forms: ["criminal"], outcome: "merged", mergedIntoId: s4 },
    ]);

    // Route history (Dutch dates equal the UTC dates at these hours).
    const route: [string, string | null, string, string][] = [
      [s1!, null, "received", "2025-02-03T09:00:00Z"],
      [s1!, "received", "recorded", "2025-02-03T15:00:00Z"], // 0,25 days, same day: on time
      [s1!, "recorded", "enriched", "2025-02-12T09:00:00Z"], // 8,75 days, 7 working days > 5: late
      [s1!, "enriched", "assessed", "2025-02-13T09:00:00Z"], // 1 day: on time
      [s2!, null, "received", "2025-03-10T09:00:00Z"],
      [s2!, "received", "assessed", "2025-03-11T09:00:00Z"], // skipped steps count at "received"; 1 working day = Zevenaar's 1: on time
      [s2!, "assessed", "referred", "2025-03-20T09:00:00Z"], // 9 days, 7 working days > 5: late
      [s3!, null, "received", "2025-03-15T10:00:00Z"], // a Saturday
      [s3!, "received", "recorded", "2025-03-17T10:00:00Z"], // 2 days, 1 working day: on time
      [s3!, "recorded", "closed", "2025-03-18T10:00:00Z"], // 1 day: on time
      [s4!, null, "received", "2025-04-01T09:00:00Z"],
      [s7!, null, "received", "2024-03-05T09:00:00Z"],
      [s7!, "received", "recorded", "2024-03-06T09:00:00Z"],
    ];
    for (const [signalId, from, to, at] of route) await insertEvent(t, signalId, { from, to, at });

    const referral = (signalId: string, organisationId: string, channel: string, status: "open" | "accepted" | "declined" | "answered" | "withdrawn", createdAt: string, respondedAt?: string, feedbackAt?: string) =>
      insertReferral(t, { signalId, organisationId, channel, status, createdAt, respondedAt, feedbackAt, createdBy: focalId });
    await referral(s1!, o.politie, "police", "accepted", "2025-02-04T09:00:00Z", "2025-02-06T09:00:00Z");
    await referral(s1!, o.inspectie, "labour_inspectorate", "answered", "2025-02-04T09:00:00Z", "2025-02-05T09:00:00Z", "2025-02-09T09:00:00Z");
    await referral(s2!, o.politie, "police", "declined", "2025-03-11T09:00:00Z", "2025-03-15T09:00:00Z");
    await referral(s2!, o.zorg, "care_coordination", "open", "2025-03-11T09:00:00Z");
    await referral(s4!, o.politie, "police", "withdrawn", "2025-04-02T09:00:00Z");
    await referral(s7!, o.politie, "police", "accepted", "2024-03-06T09:00:00Z", "2024-03-07T09:00:00Z");

    // Reporters informed, in Duiven: employees' signals received in the period and closed, with feedback to the reporter or without.
    const [, d2] = await insertSignals(t, ids, [
      { municipalityId: o.duiven, receivedAt: "2024-12-20T09:00:00Z", closedAt: "2025-01-10T09:00:00Z", outcome: "no_indication", feedbackToReporter: true, reporterOrganisationId: o.duiven },
      { municipalityId: o.duiven, receivedAt: "2025-05-01T09:00:00Z", closedAt: "2025-05-20T09:00:00Z", outcome: "no_indication", feedbackToReporter: true, reporterOrganisationId: o.duiven },
      { municipalityId: o.duiven, receivedAt: "2025-06-01T09:00:00Z", closedAt: "2025-06-05T09:00:00Z", outcome: "insufficient_information", reporterOrganisationId: o.duiven },
      { municipalityId: o.duiven, receivedAt: "2025-06-10T09:00:00Z", closedAt: "2025-06-12T09:00:00Z", outcome: "no_indication", source: "citizen" },
      { municipalityId: o.duiven, receivedAt: "2023-12-01T09:00:00Z", closedAt: "2024-02-01T09:00:00Z", outcome: "no_indication", feedbackToReporter: true, reporterOrganisationId: o.duiven },
    ]);
    await insertEvent(t, d2!, { kind: "transition", from: "feedback_collected", to: "reporter_informed", at: "2025-05-19T09:00:00Z" });

    focal = await t.login("aandacht@zevenaar.demo");
    const get = async (area: string) => {
      const res = await focal.get(`/api/v1/monitoring/dashboard?area=${area}&${PERIOD}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    zevenaar = await get(o.zevenaar);
    region = await get(ids.regionId);
    duiven = await get(o.duiven);
  });
  after(() => t.close());

  const section = (d: { sections: Section[] }, id: string) => d.sections.find((s) => s.id === id)!;
  const table = (d: { sections: Section[] }, id: string) => d.sections.flatMap((s) => s.tables).find((x) => x.id === id)!;

  it("lists every section with stable ids, each table with its period columns", () => {
    assert.deepEqual(zevenaar.sections.map((s) => s.id), [
      "signals", "referrals", "route", "reporter-informed", "care", "shelter", "reflection", "care-gaps", "workload", "conferences", "interventions", "yearly",
    ]);
    for (const s of zevenaar.sections) {
      for (const tb of s.tables) assert.match(tb.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, tb.id);
      for (const chart of s.charts) assert.ok(s.tables.some((tb) => tb.id === chart.tableId), `${chart.tableId} is a table of ${s.id}`);
    }
    assert.deepEqual(table(zevenaar, "signals-by-source").columns, [
      { key: "period", label: "2025", kind: "count" },
      { key: "previous", label: "2024", kind: "count" },
    ]);
  });

  it("signals by source, team, form and indicator group", () => {
    const v = valuesOf(zevenaar);
    assert.deepEqual(v["signals-by-source"], { municipality: [2, 1], police: [1, 0], citizen: [1, 0], total: [4, 1] });
    assert.equal(table(zevenaar, "signals-by-source").additive.rows, true);
    assert.deepEqual(v["signals-by-team"], { "team:Team Handhaving": [2, 0], "team:Team Wijk": [0, 1], unknown: [1, 0], total: [3, 1] });
    assert.deepEqual(v["signals-by-form"], { sexual: [2, 0], labour: [2, 1], criminal: [0, 0], other: [0, 0], unclear: [0, 0], none: [1, 0], total: [4, 1] });
    assert.equal(table(zevenaar, "signals-by-form").additive.rows, false, "a signal with two forms counts twice: not additive");
    assert.ok(table(zevenaar, "signals-by-form").note);
    // s4 ticked two general indicators: it counts once in that group.
    assert.deepEqual(v["signals-by-indicator-group"], { general: [2, 0], sexual: [1, 0], labour: [2, 0], criminal: [0, 0], none: [1, 1], total: [4, 1] });
  });

  it("signals per month, the earlier year on the same month", () => {
    const months = valuesOf(zevenaar)["signals-per-month"]!;
    assert.equal(Object.keys(months).length, 12);
    assert.deepEqual(months["2025-02"], [1, 0]);
    assert.deepEqual(months["2025-03"], [2, 1]);
    assert.deepEqual(months["2025-04"], [1, 0]);
    assert.equal(table(zevenaar, "signals-per-month").rows[2]!.label, "mrt 2025");
    assert.ok(section(zevenaar, "signals").charts.some((c) => c.tableId === "signals-per-month" && c.kind === "line"));
  });

  it("per municipality only for a region, adding up to its total", () => {
    assert.equal(table(zevenaar, "signals-by-municipality"), undefined);
    const v = valuesOf(region)["signals-by-municipality"]!;
    // Duiven: the open signal and three (of four) closed in 2025; the merged duplicate never counts.
    assert.deepEqual(v, { [ids.organisations.arnhem]: [0, 0], [ids.organisations.duiven]: [4, 1], [ids.organisations.zevenaar]: [4, 1], total: [8, 2] });
  });

  it("states the figures in a Dutch sentence", () => {
    assert.equal(
      section(zevenaar, "signals").summary,
      "In deze periode kwamen 4 signalen binnen, 3 meer dan een jaar eerder. 1 signaal kwam van inwoners. De meest genoemde vorm was seksuele uitbuiting (2 signalen). " +
        "1 signaal is nog niet beoordeeld.",
    );
  });

  it("referrals per partner: sent, accepted, declined, answered, acceptance and response times", () => {
    const partners = table(zevenaar, "referrals-by-partner");
    assert.deepEqual(partners.columns.map((c) => c.key), ["sent", "accepted", "declined", "answered", "acceptance-rate", "response-days", "feedback-days", "sent-previous", "acceptance-rate-previous"]);
    const rows = Object.fromEntries(partners.rows.map((r) => [r.label, r.cells.map((c) => c.display)]));
    assert.deepEqual(rows, {
      "Politie Oost-Nederland (AVIM)": ["2", "1", "1", "0", "50%", "3,0", "–", "1", "100%"],
      "Nederlandse Arbeidsinspectie": ["1", "1", "0", "1", "100%", "1,0", "5,0", "0", "–"],
      "Zorgcoördinatie Mensenhandel Gelderland": ["1", "0", "0", "0", "–", "–", "–", "0", "–"],
      "Alle doorverwijzingen": ["4", "2", "1", "1", "67%", "2,0", "5,0", "1", "100%"],
    });
    assert.equal(partners.rows.find((r) => r.key === "total")!.cells[4]!.base, 3, "the rate's base: the answered referrals");
    const channels = valuesOf(zevenaar)["referrals-by-channel"]!;
    assert.deepEqual([channels.police![0], channels.labour_inspectorate![0], channels.care_coordination![0], channels.veilig_thuis![0]], [2, 1, 1, 0]);
    assert.match(section(zevenaar, "referrals").summary, /^De signalen van deze periode zijn 4 keer doorverwezen, 3 meer dan een jaar eerder\. Van de 3 beantwoorde doorverwijzingen werd 67% geaccepteerd\./);
  });

  it("time per route step against the municipality's deadlines, in working days", () => {
    const steps = Object.fromEntries(table(zevenaar, "route-steps").rows.map((r) => [r.key, r.cells.map((c) => c.display)]));
    // Columns: steps, median days, within the deadline, and for 2024 steps and within the deadline.
    assert.deepEqual(steps, {
      received: ["3", "1,0", "100%", "1", "100%"],
      recorded: ["2", "4,9", "50%", "0", "–"],
      enriched: ["1", "1,0", "100%", "0", "–"],
      assessed: ["1", "9,0", "0%", "0", "–"],
      referred: ["0", "–", "–", "0", "–"],
      feedback_collected: ["0", "–", "–", "0", "–"],
      reporter_informed: ["0", "–", "–", "0", "–"],
    });
  });

  it("the share of employees' signals of the period, closed, whose reporter heard back", () => {
    const informed = table(duiven, "reporter-informed");
    // 2025: two closed (one with feedback); the open one and the citizen's do not count. 2024: the one received in December.
    assert.deepEqual(informed.rows.map((r) => [r.key, r.cells.map((c) => c.display)]), [["period", ["2", "1", "50%"]], ["previous", ["1", "1", "100%"]]]);
    assert.equal(section(duiven, "reporter-informed").summary, "Van de signalen van medewerkers uit deze periode zijn er 2 afgesloten. Bij 50% daarvan hoorde de melder wat er met het signaal gebeurde.");
  });

  it("the reporter's team is counted by its label: trimmed, with single spaces", async () => {
    const reporter = await t.login("melder@zevenaar.demo");
    const res = await reporter.post("/api/v1/signals", {
      municipalityId: ids.organisations.zevenaar,
      description: "Bij de autowasstraat werken mensen lange dagen zonder pauze.",
      reporterTeam: "  Team   Toezicht  en Handhaving ",
    });
    assert.equal(res.statusCode, 201, res.body);
    const stored = await t.db.query<{ reporter_team_label: string | null; reporter_team_enc: string | null }>("select reporter_team_label, reporter_team_enc from signals where id = $1", [res.json().id]);
    assert.equal(stored[0]!.reporter_team_label, "Team Toezicht en Handhaving");
    assert.ok(stored[0]!.reporter_team_enc, "the team as typed stays encrypted");
    const none = await reporter.post("/api/v1/signals", { municipalityId: ids.organisations.zevenaar, description: "Nog een waarneming zonder team erbij." });
    const label = await t.db.query<{ reporter_team_label: string | null }>("select reporter_team_label from signals where id = $1", [none.json().id]);
    assert.equal(label[0]!.reporter_team_label, null);
  });
});
