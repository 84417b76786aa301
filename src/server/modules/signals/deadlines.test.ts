import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultDeadlines, dueAfter, dueForStatus, dutchDate, endOfDutchDay } from "./deadlines.ts";

describe("route deadlines in working days, Dutch time", () => {
  it("a deadline day ends at 23:59 in Amsterdam, in winter and in summer", () => {
    assert.equal(endOfDutchDay("2026-01-15").toISOString(), "2026-01-15T22:59:00.000Z");
    assert.equal(endOfDutchDay("2026-07-15").toISOString(), "2026-07-15T21:59:00.000Z");
    // The night the clocks go back (25 October 2026) still ends at 23:59 local time.
    assert.equal(endOfDutchDay("2026-10-25").toISOString(), "2026-10-25T22:59:00.000Z");
  });

  it("the Dutch date of an instant, across midnight UTC", () => {
    assert.equal(dutchDate(new Date("2026-07-15T22:30:00Z")), "2026-07-16");
    assert.equal(dutchDate(new Date("2026-01-15T22:30:00Z")), "2026-01-15");
  });

  it("counts working days over a weekend and Easter", () => {
    // Friday 27 March 2026 + 2 working days = Tuesday 31 March.
    assert.equal(dueAfter(new Date("2026-03-27T14:00:00Z"), 2).toISOString(), "2026-03-31T21:59:00.000Z");
    // Thursday 2 April 2026 + 1: Good Friday is no general day off, so Friday 3 April; + 2 skips Easter Monday → Tuesday 7 April.
    assert.equal(dutchDate(new Date(dueAfter(new Date("2026-04-02T10:00:00Z"), 2).getTime() - 1)), "2026-04-07");
  });

  it("0 working days means the end of the same working day, or of the next one in a weekend", () => {
    assert.equal(dutchDate(new Date(dueAfter(new Date("2026-11-23T09:00:00Z"), 0).getTime() - 1)), "2026-11-23");
    assert.equal(dutchDate(new Date(dueAfter(new Date("2026-11-21T09:00:00Z"), 0).getTime() - 1)), "2026-11-23");
  });

  it("each status waits for its own deadline; a closed signal has none", () => {
    const from = new Date("2026-11-23T09:00:00Z");
    assert.equal(dueForStatus("received", "normal", from, defaultDeadlines)?.toISOString(), dueAfter(from, 5).toISOString());
    assert.equal(dueForStatus("referred", "acute", from, defaultDeadlines)?.toISOString(), dueAfter(from, 1).toISOString());
    assert.equal(dueForStatus("feedback_collected", "high", from, defaultDeadlines)?.toISOString(), dueAfter(from, 5).toISOString());
    assert.equal(dueForStatus("closed", "high", from, defaultDeadlines), null);
  });
});
