import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addDays, adultOn, ageGroupOf, ageOn, daysBetween, reflectionEndDate } from "./calendar.ts";

/**
 * The calendar rules of care coordination on plain dates: the reflection period of at most three months,
 * ages on a date (including those born on 29 February), the age groups of the figures and the day of
 * majority. Every expectation is written out by hand, never computed with the code under test.
 */
describe("care calendar: the last day of a reflection period", () => {
  const cases: [offered: string, ends: string, why: string][] = [
    ["2026-01-15", "2026-04-14", "three months later, the day before the same calendar day"],
    ["2026-01-01", "2026-03-31", "from the first of a month to the last of the third month on"],
    ["2026-01-31", "2026-04-30", "31 January: April has no 31st, so the last day of April"],
    ["2026-03-31", "2026-06-30", "31 March: June has no 31st"],
    ["2026-11-30", "2027-02-28", "30 November: no 30 February, so the last day of February (non-leap year)"],
    ["2027-11-30", "2028-02-29", "30 November: the last day of February in a leap year"],
    ["2026-11-29", "2027-02-28", "29 November: no 29 February in 2027"],
    ["2027-11-29", "2028-02-28", "29 November: 29 February exists in 2028, so the day before"],
    ["2026-11-28", "2027-02-27", "28 November: 28 February exists, so the day before"],
    ["2026-10-01", "2026-12-31", "ends on New Year's Eve"],
    ["2026-10-15", "2027-01-14", "crosses the year boundary"],
    ["2026-12-01", "2027-02-28", "offered in December: ends the day before 1 March"],
    ["2027-12-01", "2028-02-29", "offered in December before a leap year"],
    ["2026-12-31", "2027-03-30", "offered on the last day of the year"],
  ];
  for (const [offered, ends, why] of cases) {
    it(`offered ${offered} → ends ${ends} (${why})`, () => {
      assert.equal(reflectionEndDate(offered), ends);
    });
  }

  it("never lasts more than three months: the end is always before the same day three months later", () => {
    for (let day = 0; day < 366 * 2; day++) {
      const offered = addDays("2026-01-01", day);
      const ends = reflectionEndDate(offered);
      const length = daysBetween(offered, ends);
      assert.ok(length >= 88 && length <= 91, `${offered} → ${ends}: ${length} days`);
    }
  });

  it("refuses what is not a YYYY-MM-DD date", () => {
    assert.throws(() => reflectionEndDate("15-01-2026"), RangeError);
    assert.throws(() => reflectionEndDate("2026-1-15"), RangeError);
    assert.throws(() => reflectionEndDate(""), RangeError);
  });
});

describe("care calendar: days", () => {
  it("adds and counts days across month, year and leap-day boundaries", () => {
    assert.equal(addDays("2026-12-31", 1), "2027-01-01");
    assert.equal(addDays("2028-02-28", 1), "2028-02-29");
    assert.equal(addDays("2027-02-28", 1), "2027-03-01");
    assert.equal(addDays("2026-03-01", -1), "2026-02-28");
    assert.equal(daysBetween("2026-01-01", "2027-01-01"), 365);
    assert.equal(daysBetween("2028-01-01", "2029-01-01"), 366);
    assert.equal(daysBetween("2026-04-14", "2026-01-15"), -89);
  });

  it("is not moved by daylight saving time", () => {
    // The Dutch clocks change on the last Sundays of March and October.
    assert.equal(daysBetween("2026-03-28", "2026-03-30"), 2);
    assert.equal(daysBetween("2026-10-24", "2026-10-26"), 2);
    assert.equal(addDays("2026-03-29", 1), "2026-03-30");
  });
});

describe("care calendar: age on a date", () => {
  it("turns a year older on the birthday, not the day before", () => {
    assert.equal(ageOn("2000-06-15", "2026-06-14"), 25);
    assert.equal(ageOn("2000-06-15", "2026-06-15"), 26);
    assert.equal(ageOn("2000-06-15", "2026-06-16"), 26);
    assert.equal(ageOn("2000-06-15", "2026-05-31"), 25);
    assert.equal(ageOn("2000-06-15", "2026-07-01"), 26);
  });

  it("is zero in the first year and on the day of birth", () => {
    assert.equal(ageOn("2026-03-10", "2026-03-10"), 0);
    assert.equal(ageOn("2025-03-10", "2026-03-09"), 0);
    assert.equal(ageOn("2025-03-10", "2026-03-10"), 1);
  });

  it("born on 29 February: a year older on 1 March in a year without one, on 29 February in a leap year", () => {
    assert.equal(ageOn("2008-02-29", "2026-02-28"), 17);
    assert.equal(ageOn("2008-02-29", "2026-03-01"), 18);
    assert.equal(ageOn("2008-02-29", "2028-02-28"), 19);
    assert.equal(ageOn("2008-02-29", "2028-02-29"), 20);
  });

  it("over a year boundary", () => {
    assert.equal(ageOn("2008-12-31", "2026-12-30"), 17);
    assert.equal(ageOn("2008-12-31", "2026-12-31"), 18);
    assert.equal(ageOn("2009-01-01", "2026-12-31"), 17);
    assert.equal(ageOn("2009-01-01", "2027-01-01"), 18);
  });
});

describe("care calendar: age groups of the figures", () => {
  const boundaries: [age: number | null, group: string][] = [
    [0, "under_18"],
    [17, "under_18"],
    [18, "18_23"],
    [23, "18_23"],
    [24, "24_30"],
    [30, "24_30"],
    [31, "31_40"],
    [40, "31_40"],
    [41, "41_50"],
    [50, "41_50"],
    [51, "51_plus"],
    [99, "51_plus"],
    [null, "unknown"],
    [-1, "unknown"],
  ];
  for (const [age, group] of boundaries) {
    it(`age ${String(age)} → ${group}`, () => {
      assert.equal(ageGroupOf(age), group);
    });
  }

  it("an eighteenth birthday moves a person out of the minors' group that very day", () => {
    assert.equal(ageGroupOf(ageOn("2008-11-26", "2026-11-25")), "under_18");
    assert.equal(ageGroupOf(ageOn("2008-11-26", "2026-11-26")), "18_23");
  });
});

describe("care calendar: the day someone comes of age", () => {
  it("is the eighteenth birthday", () => {
    assert.equal(adultOn("2008-11-26"), "2026-11-26");
    assert.equal(adultOn("2009-01-01"), "2027-01-01");
    assert.equal(adultOn("2008-12-31"), "2026-12-31");
  });

  it("born on 29 February: 1 March, as eighteen years after a leap year is never one", () => {
    assert.equal(adultOn("2008-02-29"), "2026-03-01");
    assert.equal(adultOn("2012-02-29"), "2030-03-01");
    assert.equal(adultOn("2000-02-29"), "2018-03-01");
  });

  it("born on 28 February or 1 March: the same day, also in a leap year", () => {
    assert.equal(adultOn("2010-02-28"), "2028-02-28");
    assert.equal(adultOn("2010-03-01"), "2028-03-01");
  });

  it("agrees with ageOn: 17 the day before, 18 on the day", () => {
    for (const birth of ["2008-02-29", "2008-11-26", "2009-01-01", "2008-12-31", "2010-03-01"]) {
      const day = adultOn(birth);
      assert.equal(ageOn(birth, addDays(day, -1)), 17, birth);
      assert.equal(ageOn(birth, day), 18, birth);
    }
  });
});
