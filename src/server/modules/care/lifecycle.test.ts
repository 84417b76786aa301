import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fileStatuses, type FileStatus } from "./codes.ts";
import { checkTransition, findTransition, nextSteps, transitions, type LifecycleFacts, type TransitionRequest } from "./lifecycle.ts";

/**
 * The care trajectory's state machine, pair by pair against the whitelist written out below, and each
 * guard on its own: reasons, closure reasons, the open shelter placement, the pending transfer and the
 * youth route for minors.
 */
const allowed: Record<FileStatus, Partial<Record<FileStatus, "plain" | "reason" | "closure_reason">>> = {
  intake: { active: "plain", closed: "closure_reason" },
  active: { aftercare: "plain", closed: "closure_reason" },
  aftercare: { active: "reason", closed: "closure_reason" },
  closed: { active: "reason" },
};

const calm: LifecycleFacts = {
  status: "intake",
  closureReason: null,
  minor: false,
  youthRouteStarted: false,
  openPlacements: 0,
  pendingTransfer: false,
};
const complete: TransitionRequest = { to: "active", reason: "De cliënt is terug in beeld", closureReason: "goals_reached" };
const factsAt = (status: FileStatus, more: Partial<LifecycleFacts> = {}): LifecycleFacts => ({
  ...calm,
  status,
  closureReason: status === "closed" ? "lost_contact" : null,
  ...more,
});

describe("care lifecycle: every pair of statuses", () => {
  for (const from of fileStatuses) {
    for (const to of fileStatuses) {
      const kind = allowed[from][to];
      it(`${from} → ${to}: ${kind ? (kind === "plain" ? "allowed" : `allowed with a ${kind.replace("_", " ")}`) : "refused"}`, () => {
        const problem = checkTransition(factsAt(from), { ...complete, to });
        if (!kind) {
          assert.equal(problem?.code, "transition_not_allowed");
          assert.equal(findTransition(from, to), undefined);
          assert.ok(!nextSteps(from, null).some((t) => t.to === to));
          return;
        }
        assert.equal(problem, null);
        const transition = findTransition(from, to)!;
        assert.equal(transition.needsReason, kind === "reason");
        assert.equal(transition.needsClosureReason, kind === "closure_reason");
        assert.ok(nextSteps(from, null).some((t) => t.to === to));
      });
    }
  }

  it("the whitelist holds exactly the allowed moves", () => {
    const expected = fileStatuses.flatMap((from) => Object.keys(allowed[from]).map((to) => `${from}→${to}`)).sort();
    assert.deepEqual(transitions.map((t) => `${t.from}→${t.to}`).sort(), expected);
  });

  it("a refusal names both statuses in Dutch", () => {
    const problem = checkTransition(factsAt("intake"), { to: "aftercare" });
    assert.match(problem!.message, /'intake'.*'aftercare'/);
    assert.match(problem!.message, /kan niet naar/);
  });
});

describe("care lifecycle: guards", () => {
  const code = (facts: Partial<LifecycleFacts> & { status: FileStatus }, request: TransitionRequest) =>
    checkTransition({ ...factsAt(facts.status), ...facts }, request)?.code ?? null;

  it("back from aftercare to active needs a reason", () => {
    assert.equal(code({ status: "aftercare" }, { to: "active" }), "reason_required");
    assert.equal(code({ status: "aftercare" }, { to: "active", reason: "" }), "reason_required");
    assert.equal(code({ status: "aftercare" }, { to: "active", reason: "Terugval, opnieuw hulp nodig" }), null);
  });

  it("reopening a closed trajectory needs a reason", () => {
    const problem = checkTransition(factsAt("closed"), { to: "active" });
    assert.equal(problem?.code, "reason_required");
    assert.equal(problem?.field, "reason");
    assert.equal(code({ status: "closed" }, { to: "active", reason: "Cliënt meldt zich opnieuw" }), null);
  });

  it("closing needs a closure reason, from every open status", () => {
    for (const status of ["intake", "active", "aftercare"] as const) {
      const problem = checkTransition(factsAt(status), { to: "closed" });
      assert.equal(problem?.code, "closure_reason_required", status);
      assert.equal(problem?.field, "closureReason");
      for (const closureReason of ["goals_reached", "returned_to_origin", "lost_contact", "declined_help", "other"] as const) {
        assert.equal(code({ status }, { to: "closed", closureReason }), null, `${status} with ${closureReason}`);
      }
    }
  });

  it("'moved to another region' is refused as a closure reason: that is what an accepted transfer does", () => {
    for (const status of ["intake", "active", "aftercare"] as const) {
      const problem = checkTransition(factsAt(status), { to: "closed", closureReason: "moved_region" });
      assert.equal(problem?.code, "transition_not_allowed", status);
      assert.equal(problem?.field, "closureReason");
      assert.match(problem!.message, /overdracht/);
    }
  });

  it("a file handed over to another region is not reopened here", () => {
    const movedOut = { ...factsAt("closed"), closureReason: "moved_region" as const };
    assert.deepEqual(nextSteps("closed", "moved_region"), []);
    const problem = checkTransition(movedOut, { to: "active", reason: "toch terug" });
    assert.equal(problem?.code, "transition_not_allowed");
    assert.match(problem!.message, /andere regio/);
  });

  it("an open shelter placement blocks closing, and only closing", () => {
    assert.equal(code({ status: "active", openPlacements: 1 }, { to: "closed", closureReason: "goals_reached" }), "placement_open");
    assert.equal(code({ status: "aftercare", openPlacements: 2 }, { to: "closed", closureReason: "lost_contact" }), "placement_open");
    assert.equal(code({ status: "active", openPlacements: 1 }, { to: "aftercare" }), null);
    assert.equal(code({ status: "active", openPlacements: 0 }, { to: "closed", closureReason: "goals_reached" }), null);
  });

  it("a pending transfer blocks every move, closing included", () => {
    for (const from of fileStatuses) {
      for (const to of Object.keys(allowed[from]) as FileStatus[]) {
        assert.equal(code({ status: from, pendingTransfer: true }, { ...complete, to }), "transfer_pending", `${from} → ${to}`);
      }
    }
    // A move the whitelist refuses anyway is refused as such.
    assert.equal(code({ status: "intake", pendingTransfer: true }, { to: "aftercare" }), "transition_not_allowed");
  });

  it("a minor cannot become active before Veilig Thuis is told or youth care is involved", () => {
    const problem = checkTransition(factsAt("intake", { minor: true }), { to: "active" });
    assert.equal(problem?.code, "youth_route_required");
    assert.equal(problem?.field, "veiligThuisNotifiedOn");
    assert.equal(code({ status: "intake", minor: true, youthRouteStarted: true }, { to: "active" }), null);
    assert.equal(code({ status: "intake", minor: false }, { to: "active" }), null);
  });

  it("nor by reopening a trajectory closed at intake, or by returning from aftercare", () => {
    assert.equal(code({ status: "closed", minor: true }, { to: "active", reason: "opnieuw in beeld" }), "youth_route_required");
    assert.equal(code({ status: "aftercare", minor: true }, { to: "active", reason: "terugval" }), "youth_route_required");
    assert.equal(code({ status: "closed", minor: true, youthRouteStarted: true }, { to: "active", reason: "opnieuw in beeld" }), null);
  });

  it("a minor's trajectory may still close or go to aftercare without the youth route", () => {
    assert.equal(code({ status: "intake", minor: true }, { to: "closed", closureReason: "lost_contact" }), null);
    assert.equal(code({ status: "active", minor: true }, { to: "aftercare" }), null);
  });
});
