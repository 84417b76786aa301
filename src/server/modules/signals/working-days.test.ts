import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addWorkingDays, dutchPublicHolidays, easterSunday, isWorkingDay, workingDaysBetween } from "./working-days.ts";

const holiday = (year: number, name: string) => {
  const found = dutchPublicHolidays(year).find((h) => h.name === name);
  assert.ok(found, `${name} ${year} is listed`);
  return found;
};

describe("easterSunday", () => {
  it("gives the known Easter dates", () => {
    const known: [number, string][] = [
      [2019, "2019-04-21"],
      [2024, "2024-03-31"],
      [2025, "2025-04-20"],
      [2026, "2026-04-05"],
      [2027, "2027-03-28"],
      [2038, "2038-04-25"],
    ];
    for (const [year, date] of known) assert.equal(easterSunday(year), date, String(year));
  });

  it("rejects years outside the Gregorian four-digit range and non-integers", () => {
    assert.throws(() => easterSunday(1500), RangeError);
    assert.throws(() => easterSunday(2026.5), RangeError);
  });
});

describe("dutchPublicHolidays", () => {
  it("lists the eleven holidays of 2026 in date order, with Good Friday not a general day off", () => {
    assert.deepEqual(dutchPublicHolidays(2026), [
      { name: "Nieuwjaarsdag", date: "2026-01-01", generalDayOff: true },
      { name: "Goede Vrijdag", date: "2026-04-03", generalDayOff: false },
      { name: "Eerste Paasdag", date: "2026-04-05", generalDayOff: true },
      { name: "Tweede Paasdag", date: "2026-04-06", generalDayOff: true },
      { name: "Koningsdag", date: "2026-04-27", generalDayOff: true },
      { name: "Bevrijdingsdag", date: "2026-05-05", generalDayOff: false },
      { name: "Hemelvaartsdag", date: "2026-05-14", generalDayOff: true },
      { name: "Eerste Pinksterdag", date: "2026-05-24", generalDayOff: true },
      { name: "Tweede Pinksterdag", date: "2026-05-25", generalDayOff: true },
      { name: "Eerste Kerstdag", date: "2026-12-25", generalDayOff: true },
      { name: "Tweede Kerstdag", date: "2026-12-26", generalDayOff: true },
    ]);
  });

  it("moves King's Day to Saturday 26 April when 27 April is a Sunday (2025, 2014)", () => {
    assert.equal(holiday(2025, "Koningsdag").date, "2025-04-26");
    assert.equal(holiday(2014, "Koningsdag").date, "2014-04-26");
    assert.equal(holiday(2026, "Koningsdag").date, "2026-04-27");
  });

  it("gives Liberation Day off only in lustrum years (2025 yes, 2026 no)", () => {
    assert.equal(holiday(2025, "Bevrijdingsdag").generalDayOff, true);
    assert.equal(holiday(2026, "Bevrijdingsdag").generalDayOff, false);
    assert.equal(isWorkingDay("2025-05-05"), false); // Monday, lustrum year
    assert.equal(isWorkingDay("2026-05-05"), true); // Tuesday, not a lustrum year
  });

  it("puts Ascension 2026 on 14 May and Whit Monday 2026 on 25 May", () => {
    assert.equal(holiday(2026, "Hemelvaartsdag").date, "2026-05-14");
    assert.equal(holiday(2026, "Tweede Pinksterdag").date, "2026-05-25");
  });
});

describe("isWorkingDay", () => {
  it("treats weekdays as working days and weekends and general days off as closed", () => {
    assert.equal(isWorkingDay("2026-11-23"), true); // Monday
    assert.equal(isWorkingDay("2026-11-21"), false); // Saturday
    assert.equal(isWorkingDay("2026-11-22"), false); // Sunday
    assert.equal(isWorkingDay("2026-04-06"), false); // Tweede Paasdag
  });

  it("counts Good Friday as a working day, since it is not a general day off", () => {
    assert.equal(isWorkingDay("2026-04-03"), true);
  });

  it("closes municipality-specific extra closing days", () => {
    assert.equal(isWorkingDay("2026-05-15", { extraClosedDays: ["2026-05-15"] }), false);
    assert.equal(isWorkingDay("2026-05-15"), true);
  });

  it("rejects dates that do not exist or are not YYYY-MM-DD, also among extra closing days", () => {
    assert.throws(() => isWorkingDay("2026-02-30"), RangeError);
    assert.throws(() => isWorkingDay("2026-13-01"), RangeError);
    assert.throws(() => isWorkingDay("2026-2-3"), RangeError);
    assert.throws(() => isWorkingDay("2026-02-03", { extraClosedDays: ["2026-02-29"] }), RangeError);
  });
});

describe("addWorkingDays", () => {
  it("skips the weekend and Christmas: 5 working days from Friday 2026-12-18 is Monday 2026-12-28", () => {
    // In 2026 Tweede Kerstdag is a Saturday, so only Eerste Kerstdag (Friday 25th) costs a weekday.
    assert.equal(addWorkingDays("2026-12-18", 5), "2026-12-28");
  });

  it("skips both Christmas days when both fall on weekdays (2025: Thursday and Friday)", () => {
    assert.equal(addWorkingDays("2025-12-19", 5), "2025-12-30");
  });

  it("lands on Good Friday when adding 1 to Thursday 2026-04-02, as Good Friday is a working day", () => {
    assert.equal(addWorkingDays("2026-04-02", 1), "2026-04-03");
    // The next one skips the weekend and Tweede Paasdag.
    assert.equal(addWorkingDays("2026-04-02", 2), "2026-04-07");
  });

  it("crosses the year boundary past New Year's Day and the weekend (2026-12-31 + 1 = 2027-01-04)", () => {
    assert.equal(addWorkingDays("2026-12-31", 1), "2027-01-04");
  });

  it("returns start for n = 0 on a working day, else the next working day", () => {
    assert.equal(addWorkingDays("2026-11-23", 0), "2026-11-23");
    assert.equal(addWorkingDays("2026-11-21", 0), "2026-11-23");
    assert.equal(addWorkingDays("2026-12-25", 0), "2026-12-28");
  });

  it("does not count a non-working start day itself", () => {
    assert.equal(addWorkingDays("2026-11-21", 1), "2026-11-23"); // Saturday + 1 = Monday
  });

  it("honours extra closing days", () => {
    assert.equal(addWorkingDays("2026-05-13", 1, { extraClosedDays: ["2026-05-15"] }), "2026-05-18");
  });

  it("rejects negative or non-integer n and invalid start dates", () => {
    assert.throws(() => addWorkingDays("2026-11-23", -1), RangeError);
    assert.throws(() => addWorkingDays("2026-11-23", 1.5), RangeError);
    assert.throws(() => addWorkingDays("2026-11-23", Number.NaN), RangeError);
    assert.throws(() => addWorkingDays("2026-02-30", 1), RangeError);
  });
});

describe("workingDaysBetween", () => {
  it("counts back what addWorkingDays added, for several starts and spans", () => {
    for (const start of ["2026-12-18", "2026-04-02", "2026-12-31", "2025-04-25", "2026-11-21"]) {
      for (const n of [1, 2, 5, 10, 30]) {
        assert.equal(workingDaysBetween(start, addWorkingDays(start, n)), n, `${start} + ${n}`);
      }
    }
  });

  it("counts days after from up to and including to", () => {
    assert.equal(workingDaysBetween("2026-11-23", "2026-11-27"), 4); // Mon → Fri: Tue–Fri
    assert.equal(workingDaysBetween("2026-12-24", "2026-12-28"), 1); // only Monday 28th
  });

  it("is 0 when to is on or before from", () => {
    assert.equal(workingDaysBetween("2026-11-23", "2026-11-23"), 0);
    assert.equal(workingDaysBetween("2026-11-27", "2026-11-23"), 0);
  });

  it("rejects invalid dates", () => {
    assert.throws(() => workingDaysBetween("2026-02-30", "2026-03-05"), RangeError);
    assert.throws(() => workingDaysBetween("2026-03-01", "not-a-date"), RangeError);
  });
});
