import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { countryBuckets, countryRanges, medianDays, type Histogram } from "./summary-counts.ts";

/**
 * Reading the summaries: the median of an hour histogram is what percentile_cont(0.5) gives over the same
 * values, and a period splits into the country's whole months and the days at its edges.
 */
const histogram = (entries: [number, number][]): Histogram => new Map(entries);

describe("the median of a histogram of hours", () => {
  it("is the middle value of an odd count, in days", () => {
    assert.equal(medianDays(histogram([[6, 1], [24, 1], [210, 1]])), 1);
  });

  it("is halfway between the two middle values of an even count", () => {
    assert.equal(medianDays(histogram([[24, 1], [48, 1], [72, 1], [96, 1]])), 2.5);
    assert.equal(medianDays(histogram([[6, 1], [210, 1]])), 4.5);
  });

  it("weighs each hour by how often it occurs, in any order", () => {
    // 12, 12, 12, 36, 36, 240: the middle two are 12 and 36.
    assert.equal(medianDays(histogram([[240, 1], [36, 2], [12, 3]])), 1);
    assert.equal(medianDays(histogram([[12, 3], [36, 3], [240, 1]])), 1.5);
  });

  it("is null without values; empty buckets do not count", () => {
    assert.equal(medianDays(histogram([])), null);
    assert.equal(medianDays(histogram([[5, 0]])), null);
    assert.equal(medianDays(histogram([[5, 0], [48, 1]])), 2);
  });

  it("handles a negative duration (a response recorded before the referral's time)", () => {
    assert.equal(medianDays(histogram([[-24, 1], [24, 1], [72, 1]])), 1);
  });
});

describe("a period over the country's sums", () => {
  const text = (period: { from: string; to: string }) => {
    const s = countryBuckets(period);
    return { sql: s.sql.replace(/\s+/g, " "), values: s.values };
  };

  it("takes whole months from the months and the edges from the days", () => {
    const { sql, values } = text({ from: "2026-01-15", to: "2026-11-27" });
    assert.match(sql, /grain = 'month'/);
    // Months from February up to (not including) November; days from 15 January up to February, and November 1 to 27.
    assert.deepEqual(values, ["2026-02-01", "2026-11-01", "2026-01-15", "2026-02-01", "2026-11-01", "2026-11-27"]);
  });

  it("is whole months only for a calendar year", () => {
    const { sql, values } = text({ from: "2025-01-01", to: "2025-12-31" });
    assert.doesNotMatch(sql, /grain = 'day'/, "no empty day ranges at the edges");
    assert.deepEqual(values, ["2025-01-01", "2026-01-01"]);
  });

  it("is a separate range per part, each summed on its own", () => {
    assert.equal(countryRanges({ from: "2026-01-15", to: "2026-11-27" }).length, 3);
    assert.equal(countryRanges({ from: "2026-01-01", to: "2026-11-27" }).length, 2);
    assert.equal(countryRanges({ from: "2025-01-01", to: "2025-12-31" }).length, 1);
    assert.equal(countryRanges({ from: "2026-03-03", to: "2026-03-20" }).length, 1);
  });

  it("is days only within one month", () => {
    const { sql, values } = text({ from: "2026-03-03", to: "2026-03-20" });
    assert.doesNotMatch(sql, /grain = 'month'/);
    assert.deepEqual(values, ["2026-03-03", "2026-03-20"]);
  });
});
