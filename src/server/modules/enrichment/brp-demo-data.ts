/**
 * The fictional population of the BRP demo server (brp-demo-server.ts): an overcrowded house and an
 * ordinary household next door in Zevenaar.
 */

export interface DemoResident {
  postcode: string;
  houseNumber: number;
  houseLetter?: string;
  addition?: string;
  street: string;
  town: string;
  /** CBS municipality code, four digits (Zevenaar: 0299). */
  municipalityCode: string;
  bsn: string;
  givenNames: string;
  surname: string;
  sex: "M" | "V" | "O";
  /** ISO date; null when unknown (the BRP then gives no age). */
  birthDate: string | null;
  /**
   * Registration at this address (verblijfplaats.datumVan): an ISO date, or "YYYY-MM" / "YYYY" when only
   * part of it is known. Not part of PersoonBeperkt: only a lookup by BSN (RaadpleegMetBurgerservicenummer)
   * returns it.
   */
  registeredSince: string;
  deceased?: boolean;
}

export type DemoResidentDataset = readonly DemoResident[];

// Fictional people. BSNs are in the 9999xxxxx range RvIG reserves for tests and pass the elfproef.
const overcrowdedNames: [string, string, "M" | "V", string, string][] = [
  ["Tomasz", "Nowak", "M", "1994-03-11", "2026-09-14"],
  ["Piotr", "Kowalski", "M", "1989-07-02", "2026-09-14"],
  ["Marek", "Wiśniewski", "M", "1998-12-20", "2026-09-14"],
  ["Andrzej", "Wójcik", "M", "1985-01-30", "2026-10-01"],
  ["Krzysztof", "Kamiński", "M", "2001-05-17", "2026-10-01"],
  ["Pavel", "Dvořák", "M", "1992-09-08", "2026-10-01"],
  ["Ion", "Popescu", "M", "1990-04-25", "2026-10-20"],
  ["Mihai", "Ionescu", "M", "1996-11-03", "2026-10-20"],
  ["Elena", "Dumitru", "V", "1997-02-14", "2026-10-20"],
  ["Georgi", "Ivanov", "M", "1987-06-29", "2026-11-02"],
  ["Dimitar", "Petrov", "M", "2003-08-19", "2026-11-02"],
  ["Ana", "Georgieva", "V", "1999-10-10", "2026-11-02"],
  ["Vasyl", "Shevchenko", "M", "1993-03-05", "2026-11-09"],
  ["Lukas", "Petrauskas", "M", "1991-12-01", "2025-03-17"],
];

function* testBsns(): Generator<string> {
  for (let n = 999_990_000; n <= 999_999_999; n++) {
    const digits = String(n);
    const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (i === 8 ? -1 : 9 - i), 0);
    if (sum % 11 === 0) yield digits;
  }
}

function buildDefaultResidents(): DemoResident[] {
  const bsn = testBsns();
  const next = () => bsn.next().value as string;
  const zevenaar = { postcode: "6901AB", street: "Kerkstraat", town: "Zevenaar", municipalityCode: "0299" };
  return [
    // Fourteen people at one terraced house, nearly all registered in the last three months.
    ...overcrowdedNames.map(
      ([givenNames, surname, sex, birthDate, registeredSince]): DemoResident => ({
        ...zevenaar,
        houseNumber: 12,
        bsn: next(),
        givenNames,
        surname,
        sex,
        birthDate,
        registeredSince,
      }),
    ),
    // An ordinary household next door, with a former resident who has died (left out by default).
    // Gerrit's day of registration is unknown, so the BRP gives it as a JaarMaandDatum.
    ...(
      [
        ["Johanna", "V", "1958-04-22", "1986-06-01", false],
        ["Gerrit", "M", null, "1986-06", false],
        ["Hendrik", "M", "1931-02-02", "1986-06-01", true],
      ] as const
    ).map(
      ([givenNames, sex, birthDate, registeredSince, deceased]): DemoResident => ({
        ...zevenaar,
        houseNumber: 14,
        bsn: next(),
        givenNames,
        surname: "Jansen",
        sex,
        birthDate,
        registeredSince,
        deceased,
      }),
    ),
  ];
}

export const defaultDemoResidents: DemoResidentDataset = buildDefaultResidents();
