import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { dutchDate } from "../../src/server/kernel/dutch-time.ts";
import { closureReasons, exploitationForms, fileStatuses, genders, serviceStatuses, serviceTypes } from "../../src/server/modules/care/codes.ts";
import {
  exploitationTypes, gender, htcdsCsv, htcdsJson, htcdsRecord, supportPlanTypes, type HtcdsInput, type HtcdsRecord,
} from "../../src/server/modules/care/exports/htcds.ts";
import { addDays } from "../../src/server/modules/care/calendar.ts";
import { demoIds } from "../support/fixtures.ts";
import { startTestApp, type TestApp, type TestClient } from "../support/test-app.ts";

/**
 * The HTCDS export against the standard itself: the project's copy of "HTCDS Field Standards 2.0"
 * (Human Trafficking Case Data Standard (HTCDS) by IOM, CC BY 4.0; see README.md). Every field name the
 * export produces must be a field of the standard with its prefix, every picklist value one of that field's
 * value names, and every value of the mapping tables too, so a typo in a mapping fails here.
 */
interface StandardField {
  name: string;
  prefix: string;
  section: string;
  status: string;
  type: string;
  /** The value names of a picklist; null where the standard points to a code list (ISO 3166, ISO 639) instead. */
  values: string[] | null;
  /** What the standard says about the field's codes (value names, labels and notes together). */
  codes: string;
}

function loadStandard(): Map<string, StandardField> {
  const rows = parse(readFileSync(new URL("./htcds-field-standards-2.0.csv", import.meta.url)), {
    columns: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as Record<string, string | undefined>[];
  const fields = new Map<string, StandardField>();
  let section = "";
  for (const row of rows) {
    if (row.Section?.trim()) section = row.Section.replace(/\s+/g, " ").trim();
    const name = row["Field Name including Prefix"]?.trim();
    if (!name || name === "N/A") continue;
    const lines = (row["Value Names (if picklist)"] ?? "").split(/\r?\n/).map((v) => v.trim()).filter(Boolean);
    fields.set(name, {
      name,
      prefix: row["Field Name Prefix"]?.trim() ?? "",
      section,
      status: row.Status?.trim() ?? "",
      type: row["Field Type"]?.trim() ?? "",
      values: lines.length > 0 && lines.every((v) => /^\w+$/.test(v)) ? lines : null,
      codes: [row["Value Names (if picklist)"], row["Value Labels (if picklist)"], row.Notes].join(" "),
    });
  }
  return fields;
}
const standard = loadStandard();
const field = (name: string) => {
  const f = standard.get(name);
  assert.ok(f, `${name} is not a field of HTCDS 2.0`);
  return f;
};
const isCountry = (f: StandardField) => /ISO 3166/.test(f.codes);
const isLanguage = (f: StandardField) => /ISO 639/.test(f.codes);

/** Which section of the standard each group of the record comes from. */
const groupSections: Record<Exclude<keyof HtcdsRecord, "supportPlans">, string[]> = {
  person: ["Person"],
  victimContext: ["Person - Victim Context"],
  case: ["Case", "Referral Details"],
  organisation: ["Organization"],
  consent: ["Consent"],
};

/** A spread of files: every gender, form (adult and minor), status, closure reason, service type and status, and both kinds of referral. */
const base: HtcdsInput = {
  organisationName: "Zorgcoördinatie Mensenhandel Gelderland",
  status: "active",
  closureReason: null,
  gender: "female",
  nationality: "POL",
  languages: ["pl", "eng"],
  forms: ["labour"],
  minor: false,
  consent: true,
  incoming: null,
  outgoing: null,
  services: [],
};
const inputs: HtcdsInput[] = [
  base,
  ...genders.map((g) => ({ ...base, gender: g })),
  ...exploitationForms.flatMap((form) => [false, true].map((minor) => ({ ...base, forms: [form], minor }))),
  { ...base, forms: [...exploitationForms], minor: true },
  { ...base, forms: [] },
  ...fileStatuses.filter((s) => s !== "closed").map((status) => ({ ...base, status })),
  ...closureReasons.map((closureReason) => ({ ...base, status: "closed" as const, closureReason })),
  {
    ...base,
    services: serviceTypes.flatMap((serviceType) => serviceStatuses.map((status) => ({ serviceType, status, endDate: status === "planned" ? null : "2026-05-01" }))),
  },
  { ...base, incoming: { organisation: "Gemeente Zevenaar", transferred: false, acceptedOn: "2026-02-27" } },
  { ...base, incoming: { organisation: "Zorgcoördinatie Mensenhandel IJsselland", transferred: true, acceptedOn: "2026-03-02" } },
  {
    ...base,
    status: "closed",
    closureReason: "moved_region",
    outgoing: { organisation: "Zorgcoördinatie Mensenhandel IJsselland", date: "2026-05-20" },
  },
  { ...base, nationality: null, languages: [], consent: false },
  { ...base, nationality: "NLD", languages: ["nl"] },
];
const records = inputs.map(htcdsRecord);

/** Every (field, value) the records hold; multiselect values one by one. */
function produced(record: HtcdsRecord): { group: string; name: string; value: unknown }[] {
  const out: { group: string; name: string; value: unknown }[] = [];
  for (const group of Object.keys(groupSections) as (keyof typeof groupSections)[]) {
    for (const [name, value] of Object.entries(record[group])) out.push({ group, name, value });
  }
  for (const plan of record.supportPlans) for (const [name, value] of Object.entries(plan)) out.push({ group: "supportPlans", name, value });
  return out;
}

/** A value as the standard's field type wants it; picklist values among the value names, codes in their code list. */
function checkValue(name: string, value: unknown, what: string) {
  const f = field(name);
  if (value === null) return;
  const checkCode = (code: unknown) => {
    assert.equal(typeof code, "string", `${what}: ${name} holds text`);
    if (f.values) assert.ok(f.values.includes(code as string), `${what}: ${name} = ${String(code)} is not a value of the standard (${f.values.join(", ")})`);
    else if (isCountry(f)) assert.match(code as string, /^[A-Z]{3}$/, `${what}: ${name} is an ISO 3166 alpha-3 code`);
    else if (isLanguage(f)) assert.match(code as string, /^[a-z]{2,3}$/, `${what}: ${name} is an ISO 639 code`);
    else assert.fail(`${what}: ${name} is a picklist without values or a code list`);
  };
  if (f.type === "Multiselect Picklist") {
    assert.ok(Array.isArray(value), `${what}: ${name} is a multiselect, a list`);
    (value as unknown[]).forEach(checkCode);
  } else if (f.type === "Picklist" || (f.type === "Picklist or Text" && (f.values || isCountry(f) || isLanguage(f)))) {
    checkCode(value);
  } else if (f.type === "Checkbox") {
    assert.equal(typeof value, "boolean", `${what}: ${name} is a checkbox`);
  } else if (f.type === "Date") {
    assert.match(String(value), /^\d{4}-\d{2}-\d{2}$/, `${what}: ${name} is a date`);
  } else {
    assert.equal(typeof value, "string", `${what}: ${name} is text (${f.type})`);
  }
}

describe("HTCDS 2.0: the export speaks the standard", () => {
  it("the project's copy of the standard reads as expected", () => {
    // 84 field rows; one (per_ "Organisation") has no name with prefix and is no field.
    assert.equal(standard.size, 83, `${standard.size} fields read`);
    assert.deepEqual(field("prs_Gender").values, ["Feminine", "Masculine", "TransgenderFeminine", "TransgenderMasculine", "NonConforming", "NonSpecifiedUnknown"]);
    assert.equal(field("vic_TypeOfExploitation").type, "Multiselect Picklist");
    assert.ok(field("spl_Type").values?.includes("SocialCare"));
    assert.equal(field("vic_AgreementToManagePersonalData").status, "DEPRECATED");
    assert.ok(isCountry(field("prs_Citizenship")) && isCountry(field("org_ShippingCountry")));
    assert.ok(isLanguage(field("prs_PrimaryLanguage")) && isLanguage(field("prs_SecondaryLanguage")));
  });

  it("every field the export produces is a field of the standard, with its prefix, in its section, not deprecated", () => {
    const seen = new Set<string>();
    for (const [i, record] of records.entries()) {
      for (const { group, name } of produced(record)) {
        const f = field(name);
        seen.add(name);
        assert.ok(name.startsWith(f.prefix) && f.prefix.endsWith("_"), `${name} carries the prefix ${f.prefix}`);
        const sections = group === "supportPlans" ? ["Support Plan"] : groupSections[group as keyof typeof groupSections];
        assert.ok(sections.includes(f.section), `record ${i}: ${name} is in section ${f.section}, not in ${sections.join(" / ")}`);
        assert.notEqual(f.status, "DEPRECATED", `${name} is deprecated in HTCDS 2.0`);
      }
    }
    // The spread reached the referral fields and the support plans.
    for (const name of ["cas_ReferringOrganisation", "cas_OutgoingReferralDate", "spl_Type", "spl_ActualEndDate", "con_Consent"]) assert.ok(seen.has(name), name);
  });

  it("every value produced is valid for its field: picklist values of the standard, codes, dates, checkboxes", () => {
    for (const [i, record] of records.entries()) {
      for (const { name, value } of produced(record)) checkValue(name, value, `record ${i}`);
    }
    // The spread produced every status of the standard that Ketenzicht has, and both reasons for a referral.
    const values = (name: string) => new Set(records.flatMap((r) => produced(r).filter((p) => p.name === name).flatMap((p) => (Array.isArray(p.value) ? p.value : [p.value]))));
    assert.deepEqual([...values("cas_Status")].sort(), ["Active", "Closed", "ClosedReferred", "FollowUp"]);
    assert.ok(values("cas_ReasonForIncomingReferral").has("MigrationOrChangeOfLocation") && values("cas_ReasonForIncomingReferral").has("AdditionalServicesRequired"));
    assert.ok(values("vic_TypeOfExploitation").has("ChildLabour"));
    assert.deepEqual([...values("prs_Gender")].sort(), Object.values(gender).sort());
  });

  it("the CSV file's columns are all fields of the standard, and its cells valid values", () => {
    for (const [i, record] of records.entries()) {
      const [header, ...rows] = parse(htcdsCsv(record)) as string[][];
      assert.ok(header && rows.length >= 1, `record ${i}: a header and at least one row`);
      assert.equal(new Set(header).size, header.length, "no column twice");
      assert.deepEqual([...header].sort(), [...new Set(produced(record).map((p) => p.name)), ...(record.supportPlans.length ? [] : ["spl_Type", "spl_PlannedEndDate", "spl_ActualEndDate"])].sort());
      assert.equal(rows.length, Math.max(1, record.supportPlans.length), "one row per support plan");
      for (const row of rows) {
        assert.equal(row.length, header.length);
        header.forEach((name, col) => {
          const f = field(name);
          const cell = row[col]!;
          if (cell === "") return;
          const value = f.type === "Multiselect Picklist" ? cell.split(";") : f.type === "Checkbox" ? JSON.parse(cell) : cell;
          checkValue(name, value, `record ${i}, CSV column ${name}`);
        });
      }
    }
  });

  it("the JSON file holds the record as it is, with the standard's name and version", () => {
    const record = records[0]!;
    const file = JSON.parse(htcdsJson("ZT-2026-00001", record, "2026-03-10"));
    assert.equal(file.version, "2.0");
    assert.match(file.standard, /Human Trafficking Case Data Standard/);
    assert.deepEqual(file.records, [record]);
  });

  it("country codes are ISO 3166 alpha-3 and language codes ISO 639 (two or three lowercase letters)", () => {
    for (const record of records) {
      assert.equal(record.organisation.org_ShippingCountry, "NLD");
      for (const code of record.person.prs_Citizenship) assert.match(code, /^[A-Z]{3}$/);
      for (const code of [record.person.prs_PrimaryLanguage, record.person.prs_SecondaryLanguage]) if (code !== null) assert.match(code, /^[a-z]{2,3}$/);
    }
    const countryFields = [...new Set(records.flatMap(produced).map((p) => p.name))].filter((n) => isCountry(field(n)));
    assert.deepEqual(countryFields.sort(), ["org_ShippingCountry", "prs_Citizenship"]);
  });

  it("every value of the mapping tables is a value of the standard, for every code Ketenzicht has", () => {
    const tables: [string, Record<string, string>, readonly string[]][] = [
      ["vic_TypeOfExploitation", exploitationTypes, exploitationForms],
      ["spl_Type", supportPlanTypes, serviceTypes],
      ["prs_Gender", gender, genders],
    ];
    for (const [name, table, codes] of tables) {
      assert.deepEqual(Object.keys(table).sort(), [...codes].sort(), `${name}: a value for every code`);
      const values = field(name).values!;
      for (const [code, value] of Object.entries(table)) assert.ok(values.includes(value), `${name}: ${code} → ${value} is not a value of the standard`);
    }
  });
});

describe("HTCDS 2.0: an exported file dates its referrals as the standard defines them", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const DAY = 24 * 60 * 60 * 1000;
  const legalBasis = { legalBasis: "vital_interest", legalBasisNote: "Bescherming van de cliënt" };
  async function exportRecord(c: TestClient, fileId: string): Promise<HtcdsRecord> {
    const res = await c.post(`/api/v1/victim-files/${fileId}/htcds-exports`, { format: "json", recipient: "IOM Roemenië", ...legalBasis });
    assert.equal(res.statusCode, 200, res.body);
    const record = (JSON.parse(res.json().content as string) as { records: HtcdsRecord[] }).records[0]!;
    for (const { name, value } of produced(record)) checkValue(name, value, "the exported file");
    return record;
  }

  it("incoming: the day the referral or transfer was accepted; outgoing: the day the transfer was proposed", async () => {
    const ids = await demoIds(t);
    const reporter = await t.login("melder@zevenaar.demo");
    const focal = await t.login("aandacht@zevenaar.demo");
    let care = await t.login("zorg@zorgcoordinatie.demo");

    // A signal through the route to the care coordination, accepted on day 0.
    const signal = await reporter.post("/api/v1/signals", {
      municipalityId: ids.organisations.zevenaar,
      description: "Jonge vrouw werkt dag en nacht in een nagelstudio en slaapt er ook.",
      victims: [{ name: "Ana Pop", birthDate: "1998-02-03", nationality: "ROU" }],
    });
    assert.equal(signal.statusCode, 201, signal.body);
    const signalId = signal.json().id as string;
    for (const step of [
      { to: "recorded" },
      { to: "assessed", urgency: "high", exploitationForms: ["labour"], reason: "Geen gegevens uit de BRP nodig: de politie kent het adres." },
    ]) {
      const res = await focal.post(`/api/v1/signals/${signalId}/transitions`, step);
      assert.equal(res.statusCode, 200, res.body);
    }
    const referred = await focal.post(`/api/v1/signals/${signalId}/referrals`, {
      organisationId: ids.organisations.zorg, channel: "care_coordination", purpose: "Zorg en opvang voor het slachtoffer", sharedParts: ["victims"],
    });
    assert.equal(referred.statusCode, 200, referred.body);
    const referralId = ((await care.get(`/api/v1/signals/${signalId}`)).json().referrals as { id: string }[])[0]!.id;
    assert.equal((await care.post(`/api/v1/referrals/${referralId}/accept`)).statusCode, 200);
    const acceptedOn = dutchDate(t.clock.now);

    // The file is opened two days later.
    t.clock.advance(2 * DAY);
    care = await t.login("zorg@zorgcoordinatie.demo");
    const opened = await care.post("/api/v1/victim-files", { source: "referral", referralId });
    assert.equal(opened.statusCode, 201, opened.body);
    const fileId = opened.json().id as string;
    const incoming = await exportRecord(care, fileId);
    assert.equal(incoming.case.cas_ReferringOrganisation, "Gemeente Zevenaar");
    assert.equal(incoming.case.cas_IncomingReferralDate, acceptedOn);
    assert.notEqual(acceptedOn, dutchDate(t.clock.now));
    assert.equal(incoming.case.cas_ReasonForIncomingReferral, "AdditionalServicesRequired");
    assert.deepEqual(incoming.person.prs_Citizenship, ["ROU"]);

    // The person moves: the transfer is proposed now and accepted a day later.
    const proposedOn = dutchDate(t.clock.now);
    const proposed = await care.post(`/api/v1/victim-files/${fileId}/transfers`, {
      organisationId: ids.organisations.zorgijssel, reason: "Cliënt verhuist naar Zwolle", ...legalBasis,
    });
    assert.equal(proposed.statusCode, 200, proposed.body);
    t.clock.advance(DAY);
    const receiver = await t.login("zorg@ijsselland.demo");
    const accepted = await receiver.post(`/api/v1/victim-file-transfers/${(proposed.json().pendingTransfer as { id: string }).id}/accept`);
    assert.equal(accepted.statusCode, 200, accepted.body);
    const today = dutchDate(t.clock.now);
    assert.equal(addDays(proposedOn, 1), today);

    care = await t.login("zorg@zorgcoordinatie.demo");
    const outgoing = await exportRecord(care, fileId);
    assert.equal(outgoing.case.cas_Status, "ClosedReferred");
    assert.equal(outgoing.case.cas_ReferredOrganisation, "Zorgcoördinatie Mensenhandel IJsselland");
    assert.equal(outgoing.case.cas_OutgoingReferralDate, proposedOn);
    assert.equal(outgoing.case.cas_ReasonForOutgoingReferral, "MigrationOrChangeOfLocation");

    const received = await exportRecord(receiver, accepted.json().id as string);
    assert.equal(received.case.cas_Status, "Active");
    assert.equal(received.case.cas_ReferringOrganisation, "Zorgcoördinatie Mensenhandel Gelderland");
    assert.equal(received.case.cas_IncomingReferralDate, today);
    assert.equal(received.case.cas_ReasonForIncomingReferral, "MigrationOrChangeOfLocation");
    assert.equal(received.organisation.org_Name, "Zorgcoördinatie Mensenhandel IJsselland");
  });
});
