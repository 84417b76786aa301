import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkTransition, findTransition, nextSteps, routeOrder, transitions, type RouteState, type Status } from "./route.ts";

/**
 * Every pair of statuses, generated: a move is allowed exactly when it goes forward along the route, it
 * needs a reason exactly when it passes over a step, and each target's guard holds it back until its
 * condition is met. Nothing leaves "closed" through a transition (reopening is its own command).
 */
const ready: RouteState = {
  status: "received",
  source: "employee",
  enrichmentCount: 1,
  activeReferrals: 2,
  unansweredReferrals: 0,
  urgencyAssessed: true,
  exploitationForms: ["labour"],
  feedbackToReporter: "Dank u, de politie is ermee bezig.",
};
const everything = { reason: "reden", urgency: "high" as const, exploitationForms: ["labour"], feedbackToReporter: "tekst", outcome: "no_indication" as const };

describe("the reporting route: every allowed and refused transition", () => {
  for (const from of routeOrder) {
    for (const to of routeOrder) {
      const i = routeOrder.indexOf(from);
      const j = routeOrder.indexOf(to);
      const allowed = from !== "closed" && j > i;
      it(`${from} → ${to}: ${allowed ? (j > i + 1 ? "allowed with a reason" : "allowed") : "refused"}`, () => {
        const problem = checkTransition({ ...ready, status: from }, { to, ...everything });
        if (!allowed) {
          assert.equal(problem?.code, "transition_not_allowed");
          assert.equal(findTransition(from, to), undefined);
          return;
        }
        assert.equal(problem, null);
        if (j > i + 1) {
          const withoutReason = checkTransition({ ...ready, status: from }, { to, ...everything, reason: undefined });
          assert.equal(withoutReason?.code, "reason_required");
          assert.deepEqual(findTransition(from, to)!.skips, routeOrder.slice(i + 1, j));
        }
      });
    }
  }

  it("the whitelist has exactly the forward moves", () => {
    assert.equal(transitions.length, (routeOrder.length * (routeOrder.length - 1)) / 2);
  });
});

describe("the reporting route: guards", () => {
  const check = (state: Partial<RouteState>, to: Status, request: Partial<Parameters<typeof checkTransition>[1]> = {}) =>
    checkTransition({ ...ready, ...state }, { to, ...request })?.code ?? null;

  it("enrichment needs information added first", () => {
    assert.equal(check({ status: "recorded", enrichmentCount: 0 }, "enriched"), "enrichment_required");
    assert.equal(check({ status: "recorded" }, "enriched"), null);
  });

  it("assessment needs an urgency and a form", () => {
    const fresh = { status: "enriched" as const, urgencyAssessed: false, exploitationForms: [] };
    assert.equal(check(fresh, "assessed"), "assessment_incomplete");
    assert.equal(check(fresh, "assessed", { urgency: "acute" }), "assessment_incomplete");
    assert.equal(check(fresh, "assessed", { urgency: "acute", exploitationForms: ["sexual"] }), null);
  });

  it("referred needs a referral; feedback collected needs every partner's answer, unless skipped with a reason", () => {
    assert.equal(check({ status: "assessed", activeReferrals: 0 }, "referred"), "referral_required");
    assert.equal(check({ status: "referred", unansweredReferrals: 1 }, "feedback_collected"), "referrals_unanswered");
    assert.equal(check({ status: "referred", unansweredReferrals: 0 }, "feedback_collected"), null);
  });

  it("informing the reporter needs the text for them; a citizen's signal has no reporter", () => {
    assert.equal(check({ status: "feedback_collected", feedbackToReporter: null }, "reporter_informed"), "feedback_to_reporter_required");
    assert.equal(check({ status: "feedback_collected", feedbackToReporter: null }, "reporter_informed", { feedbackToReporter: "Bedankt" }), null);
    assert.equal(check({ status: "feedback_collected", source: "citizen" }, "reporter_informed"), "citizen_has_no_reporter");
  });

  it("closing needs an outcome; closing a citizen's signal after feedback skips nothing", () => {
    assert.equal(check({ status: "reporter_informed" }, "closed"), "outcome_required");
    assert.equal(check({ status: "reporter_informed" }, "closed", { outcome: "referred_to_care" }), null);
    assert.equal(check({ status: "feedback_collected", source: "citizen" }, "closed", { outcome: "no_indication" }), null);
    assert.equal(check({ status: "feedback_collected" }, "closed", { outcome: "no_indication" }), "reason_required");
  });

  it("next steps mark which need a reason, and never offer informing a citizen", () => {
    const steps = nextSteps("recorded", "employee");
    assert.deepEqual(steps[0], { to: "enriched", skips: [], needsReason: false });
    assert.deepEqual(steps.find((s) => s.to === "assessed"), { to: "assessed", skips: ["enriched"], needsReason: true });
    assert.ok(!nextSteps("feedback_collected", "citizen").some((s) => s.to === "reporter_informed"));
    assert.deepEqual(nextSteps("closed", "employee"), []);
  });
});
