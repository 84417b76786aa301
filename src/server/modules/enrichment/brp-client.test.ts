import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { BrpError, createBrpClient, normalisePostcode } from "./brp-client.ts";
import type { BrpErrorCode } from "./brp-client.ts";
import { defaultDemoResidents } from "./brp-demo-data.ts";
import type { DemoResident } from "./brp-demo-data.ts";
import { startBrpDemoServer } from "./brp-demo-server.ts";
import type { BrpDemoServer } from "./brp-demo-server.ts";

const today = () => new Date("2026-11-23T12:00:00Z");

async function rejectsWith(promise: Promise<unknown>, code: BrpErrorCode): Promise<BrpError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof BrpError, `expected BrpError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected BrpError ${code}`);
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** A fetch that answers the search with `bsns` and the lookup with `lookup`, recording the bodies. */
function twoStep(bsns: string[], lookup: () => Response | Promise<Response>) {
  const bodies: Record<string, unknown>[] = [];
  const stub: typeof fetch = (_input, init) => {
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    bodies.push(body);
    if (body["type"] === "ZoekMetPostcodeEnHuisnummer") {
      return Promise.resolve(json({ type: "ZoekMetPostcodeEnHuisnummer", personen: bsns.map((b) => ({ burgerservicenummer: b })) }));
    }
    return Promise.resolve(lookup());
  };
  return { bodies, stub };
}

const BSN_A = "999990019";
const BSN_B = "999990020";

const post = (server: BrpDemoServer, body: unknown, contentType = "application/json; charset=utf-8") =>
  fetch(`${server.url}/personen`, {
    method: "POST",
    headers: { "content-type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("BRP client against the demo server", () => {
  let server: BrpDemoServer;
  before(async () => {
    server = await startBrpDemoServer({ port: 0, now: today });
  });
  after(() => server.close());

  it("counts the fourteen people registered at the overcrowded address in Zevenaar", async () => {
    const client = createBrpClient({ baseUrl: server.url });
    const result = await client.residentsAt({ postcode: "6901 ab", houseNumber: 12 });

    assert.equal(result.count, 14);
    assert.equal(result.residents.length, 14);
    const expected = defaultDemoResidents.filter((r) => r.postcode === "6901AB" && r.houseNumber === 12).map((r) => r.registeredSince);
    assert.deepEqual(result.residents.map((r) => r.registeredSince).sort(), [...expected].sort());
    assert.equal(result.residents.filter((r) => (r.registeredSince ?? "") >= "2026-09-01").length, 13);
    // Residents are anonymous: only the date, no BSN or any other field leaves residentsAt.
    assert.ok(result.residents.every((r) => Object.keys(r).join() === "registeredSince"));
    assert.doesNotMatch(JSON.stringify(result), /\d{9}/);
  });

  it("keeps the registration dates in the demo dataset, mostly from the last few months of 2026", () => {
    const dates = defaultDemoResidents.filter((r) => r.postcode === "6901AB" && r.houseNumber === 12).map((r) => r.registeredSince);
    assert.equal(dates.length, 14);
    assert.ok(dates.filter((d) => d >= "2026-09-01").length >= 12);
  });

  it("gives two living residents for an ordinary address and none for an unknown one", async () => {
    const client = createBrpClient({ baseUrl: server.url });
    const ordinary = await client.residentsAt({ postcode: "6901AB", houseNumber: 14 });
    assert.equal(ordinary.count, 2);
    // Gerrit's day of registration is unknown: the BRP gives a JaarMaandDatum, we keep year and month.
    assert.deepEqual(ordinary.residents, [{ registeredSince: "1986-06-01" }, { registeredSince: "1986-06" }]);

    const unknown = await client.residentsAt({ postcode: "6901AB", houseNumber: 99, houseLetter: "B", addition: "2" });
    assert.deepEqual(unknown, { count: 0, residents: [] });
  });

  it("sends exactly a search for the BSNs and one lookup for the registration date, with the api key", async () => {
    const requests: { url: string; init: RequestInit | undefined }[] = [];
    const spy: typeof fetch = (input, init) => {
      requests.push({ url: String(input), init });
      return fetch(input, init);
    };
    const client = createBrpClient({ baseUrl: `${server.url}/`, apiKey: "demo-key", fetch: spy });
    await client.residentsAt({ postcode: "6901 ab", houseNumber: 12 });

    assert.equal(requests.length, 2);
    for (const sent of requests) {
      assert.equal(sent.url, `${server.url}/personen`);
      assert.equal(sent.init?.method, "POST");
      const headers = new Headers(sent.init?.headers);
      assert.equal(headers.get("x-api-key"), "demo-key");
      assert.match(headers.get("content-type") ?? "", /^application\/json/);
    }
    const [search, lookup] = requests.map((r) => JSON.parse(String(r.init?.body)) as Record<string, unknown>);
    assert.deepEqual(search, {
      type: "ZoekMetPostcodeEnHuisnummer",
      fields: ["burgerservicenummer"],
      postcode: "6901AB",
      huisnummer: 12,
    });
    const bsns = defaultDemoResidents.filter((r) => r.houseNumber === 12).map((r) => r.bsn);
    assert.deepEqual(lookup, { type: "RaadpleegMetBurgerservicenummer", fields: ["verblijfplaats.datumVan"], burgerservicenummer: bsns });
  });

  it("passes letter and addition to the search, and sends no lookup when nobody lives there", async () => {
    const bodies: unknown[] = [];
    const spy: typeof fetch = (input, init) => {
      bodies.push(JSON.parse(String(init?.body)));
      return fetch(input, init);
    };
    const result = await createBrpClient({ baseUrl: server.url, fetch: spy }).residentsAt({ postcode: "6901 ab", houseNumber: 12, houseLetter: "a", addition: "bis" });
    assert.deepEqual(result, { count: 0, residents: [] });
    assert.deepEqual(bodies, [
      { type: "ZoekMetPostcodeEnHuisnummer", fields: ["burgerservicenummer"], postcode: "6901AB", huisnummer: 12, huisletter: "a", huisnummertoevoeging: "bis" },
    ]);
  });

  it("looks up more than twenty residents in batches of at most twenty", async () => {
    const template = defaultDemoResidents[0] as DemoResident;
    const many = defaultDemoResidents.slice(0, 17).flatMap((r, i) => [
      { ...template, houseNumber: 40, bsn: r.bsn, registeredSince: `2026-0${(i % 9) + 1}-01` },
    ]);
    const more = defaultDemoResidents.slice(0, 8).map((r) => ({ ...template, houseNumber: 40, bsn: `8${r.bsn.slice(1)}`, registeredSince: "2020" }));
    const big = await startBrpDemoServer({ residents: [...many, ...more], now: today });
    try {
      const lookups: number[] = [];
      const spy: typeof fetch = (input, init) => {
        const body = JSON.parse(String(init?.body)) as { type: string; burgerservicenummer?: string[] };
        if (body.type === "RaadpleegMetBurgerservicenummer") lookups.push(body.burgerservicenummer?.length ?? 0);
        return fetch(input, init);
      };
      const result = await createBrpClient({ baseUrl: big.url, fetch: spy }).residentsAt({ postcode: "6901AB", houseNumber: 40 });
      assert.equal(result.count, 25);
      assert.deepEqual(lookups, [20, 5]);
      assert.equal(result.residents.filter((r) => r.registeredSince === "2020").length, 8);
      assert.ok(result.residents.every((r) => r.registeredSince !== null));
    } finally {
      await big.close();
    }
  });

  it("leaves the api key out when none is configured", async () => {
    let headers: Headers | undefined;
    const spy: typeof fetch = (input, init) => {
      headers = new Headers(init?.headers);
      return fetch(input, init);
    };
    await createBrpClient({ baseUrl: server.url, fetch: spy }).residentsAt({ postcode: "6901AB", houseNumber: 14 });
    assert.equal(headers?.has("x-api-key"), false);
  });

  it("turns a 400 from the BRP into brp_rejected with the refused parameters", async () => {
    const client = createBrpClient({ baseUrl: server.url });
    const error = await rejectsWith(client.residentsAt({ postcode: "0123AB", houseNumber: 0 }), "brp_rejected");
    assert.equal(error.status, 400);
    assert.deepEqual(error.invalidParams, ["postcode", "huisnummer"]);
    assert.match(error.message, /geweigerd/);
  });

  it("turns a wrong api key into brp_rejected", async () => {
    const guarded = await startBrpDemoServer({ apiKey: "right" });
    try {
      const client = createBrpClient({ baseUrl: guarded.url, apiKey: "wrong" });
      const error = await rejectsWith(client.residentsAt({ postcode: "6901AB", houseNumber: 12 }), "brp_rejected");
      assert.equal(error.status, 401);
      const ok = await createBrpClient({ baseUrl: guarded.url, apiKey: "right" }).residentsAt({ postcode: "6901AB", houseNumber: 12 });
      assert.equal(ok.count, 14);
    } finally {
      await guarded.close();
    }
  });
});

describe("BRP client failures", () => {
  it("reports an endpoint nobody listens on as brp_unreachable, quickly", async () => {
    const gone = await startBrpDemoServer();
    await gone.close();
    const started = Date.now();
    const error = await rejectsWith(createBrpClient({ baseUrl: gone.url }).residentsAt({ postcode: "6901AB", houseNumber: 12 }), "brp_unreachable");
    assert.ok(Date.now() - started < 2000);
    assert.match(error.message, /niet bereikbaar/);
  });

  it("gives up after the timeout on a BRP that does not answer", async () => {
    const silent = createServer(() => {
      /* never answers */
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const client = createBrpClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 100 });
      const started = Date.now();
      const error = await rejectsWith(client.residentsAt({ postcode: "6901AB", houseNumber: 12 }), "brp_unreachable");
      assert.ok(Date.now() - started < 2000);
      assert.match(error.message, /geen antwoord/);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("reports a 503 as brp_unreachable", async () => {
    const down: typeof fetch = () => Promise.resolve(new Response("{}", { status: 503 }));
    const error = await rejectsWith(createBrpClient({ baseUrl: "http://brp.invalid", fetch: down }).residentsAt({ postcode: "6901AB", houseNumber: 12 }), "brp_unreachable");
    assert.equal(error.status, 503);
  });

  it("reports a body that is not JSON, or not the expected shape, as brp_invalid_response", async () => {
    for (const [body, contentType] of [
      ["<html>Gateway</html>", "text/html"],
      [JSON.stringify({ type: "ZoekMetPostcodeEnHuisnummer" }), "application/json"],
      [JSON.stringify({ type: "ZoekMetPostcodeEnHuisnummer", personen: [{ burgerservicenummer: 999990019 }] }), "application/json"],
    ] as const) {
      const broken: typeof fetch = () => Promise.resolve(new Response(body, { status: 200, headers: { "content-type": contentType } }));
      const client = createBrpClient({ baseUrl: "http://brp.invalid", fetch: broken });
      await rejectsWith(client.residentsAt({ postcode: "6901AB", houseNumber: 12 }), "brp_invalid_response");
    }
  });

  it("maps a refused, failing or malformed lookup to the same errors, without the BSNs in them", async () => {
    const cases: [() => Response, BrpErrorCode][] = [
      [() => json({ status: 400, invalidParams: [{ name: "fields[0]" }] }, 400), "brp_rejected"],
      [() => json({}, 503), "brp_unreachable"],
      [() => new Response("<html>Gateway</html>", { status: 200 }), "brp_invalid_response"],
      [() => json({ type: "ZoekMetPostcodeEnHuisnummer", personen: [] }), "brp_invalid_response"],
      [() => json({ type: "RaadpleegMetBurgerservicenummer", personen: [{ verblijfplaats: { datumVan: "2026-01-01" } }] }), "brp_invalid_response"],
      [() => json({ type: "RaadpleegMetBurgerservicenummer", personen: [{}, {}, {}] }), "brp_invalid_response"],
      [
        () => {
          throw new TypeError("fetch failed");
        },
        "brp_unreachable",
      ],
    ];
    for (const [lookup, code] of cases) {
      const { bodies, stub } = twoStep([BSN_A, BSN_B], lookup);
      const error = await rejectsWith(createBrpClient({ baseUrl: "http://brp.invalid", fetch: stub }).residentsAt({ postcode: "6901AB", houseNumber: 12 }), code);
      assert.equal(bodies.length, 2);
      assert.doesNotMatch(`${error.message} ${JSON.stringify(error.invalidParams)}`, /\d{9}/);
    }
    const rejected = await rejectsWith(
      createBrpClient({ baseUrl: "http://brp.invalid", fetch: twoStep([BSN_A], () => json({ invalidParams: [{ name: "fields[0]" }] }, 400)).stub }).residentsAt({
        postcode: "6901AB",
        houseNumber: 12,
      }),
      "brp_rejected",
    );
    assert.deepEqual(rejected.invalidParams, ["fields[0]"]);
  });

  it("turns every kind of AbstractDatum into a (partial) ISO date or null", async () => {
    const { stub } = twoStep([BSN_A, BSN_B, "999990032", "999990044", "999990056"], () =>
      json({
        type: "RaadpleegMetBurgerservicenummer",
        personen: [
          { verblijfplaats: { type: "Adres", datumVan: { type: "Datum", datum: "2026-10-01", langFormaat: "1 oktober 2026" } } },
          { verblijfplaats: { datumVan: { type: "JaarMaandDatum", jaar: 2026, maand: 8, langFormaat: "augustus 2026" } } },
          { verblijfplaats: { datumVan: { type: "JaarDatum", jaar: 2025, langFormaat: "2025" } } },
          { verblijfplaats: { datumVan: { type: "DatumOnbekend", onbekend: true, langFormaat: "onbekend" } } },
          {},
        ],
      }),
    );
    const result = await createBrpClient({ baseUrl: "http://brp.invalid", fetch: stub }).residentsAt({ postcode: "6901AB", houseNumber: 12 });
    assert.equal(result.count, 5);
    assert.deepEqual(
      result.residents.map((r) => r.registeredSince),
      ["2026-10-01", "2026-08", "2025", null, null],
    );
  });

  it("still counts a resident the lookup no longer finds, without a date", async () => {
    const { stub } = twoStep([BSN_A, BSN_B], () =>
      json({ type: "RaadpleegMetBurgerservicenummer", personen: [{ verblijfplaats: { datumVan: { type: "Datum", datum: "2026-10-01", langFormaat: "1 oktober 2026" } } }] }),
    );
    const result = await createBrpClient({ baseUrl: "http://brp.invalid", fetch: stub }).residentsAt({ postcode: "6901AB", houseNumber: 12 });
    assert.deepEqual(result, { count: 2, residents: [{ registeredSince: "2026-10-01" }, { registeredSince: null }] });
  });

  it("normalises postcodes to four digits and two capitals", () => {
    assert.equal(normalisePostcode("1234 ab"), "1234AB");
    assert.equal(normalisePostcode(" 6901\tAb "), "6901AB");
  });
});

describe("BRP demo server", () => {
  let server: BrpDemoServer;
  before(async () => {
    server = await startBrpDemoServer({ now: today });
  });
  after(() => server.close());

  it("rejects a malformed postcode with 400 and invalidParams", async () => {
    const response = await post(server, { type: "ZoekMetPostcodeEnHuisnummer", fields: ["leeftijd"], postcode: "6901  AB", huisnummer: 12 });
    assert.equal(response.status, 400);
    assert.match(response.headers.get("content-type") ?? "", /^application\/problem\+json/);
    const problem = (await response.json()) as { code: string; invalidParams: { name: string; code: string }[] };
    assert.equal(problem.code, "paramsValidation");
    assert.deepEqual(
      problem.invalidParams.map((p) => [p.name, p.code]),
      [["postcode", "pattern"]],
    );
  });

  it("rejects missing parameters, an unknown type and fields a search cannot give", async () => {
    const missing = await post(server, { type: "ZoekMetPostcodeEnHuisnummer" });
    assert.equal(missing.status, 400);
    const missingNames = ((await missing.json()) as { invalidParams: { name: string }[] }).invalidParams.map((p) => p.name);
    assert.deepEqual(missingNames, ["fields", "postcode", "huisnummer"]);

    const unknownType = await post(server, { type: "ZoekMetIets", fields: ["leeftijd"] });
    assert.equal(unknownType.status, 400);
    assert.equal(((await unknownType.json()) as { invalidParams: { name: string }[] }).invalidParams[0]?.name, "type");

    const fields = await post(server, {
      type: "ZoekMetPostcodeEnHuisnummer",
      fields: ["verblijfplaats.datumVan", "inOnderzoek"],
      postcode: "6901AB",
      huisnummer: 12,
    });
    assert.equal(fields.status, 400);
    const fieldErrors = ((await fields.json()) as { invalidParams: { name: string; code: string }[] }).invalidParams;
    assert.deepEqual(
      fieldErrors.map((p) => [p.name, p.code]),
      [
        ["fields[0]", "fields"],
        ["fields[1]", "fields"],
      ],
    );
  });

  it("answers a text/plain body with 415 and an unknown path with 404", async () => {
    const wrongType = await post(server, "type=ZoekMetPostcodeEnHuisnummer", "text/plain");
    assert.equal(wrongType.status, 415);
    assert.match(wrongType.headers.get("content-type") ?? "", /^application\/problem\+json/);

    const elsewhere = await fetch(server.url.replace(/\/haalcentraal.*$/, "/personen"), { method: "POST" });
    assert.equal(elsewhere.status, 404);
  });

  it("returns only the requested fields", async () => {
    const response = await post(server, {
      type: "ZoekMetPostcodeEnHuisnummer",
      fields: ["naam.geslachtsnaam", "adressering.adresregel1"],
      postcode: "6901ab",
      huisnummer: 14,
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { type: string; personen: unknown[] };
    assert.equal(body.type, "ZoekMetPostcodeEnHuisnummer");
    assert.deepEqual(body.personen, [
      { naam: { geslachtsnaam: "Jansen" }, adressering: { adresregel1: "Kerkstraat 14" } },
      { naam: { geslachtsnaam: "Jansen" }, adressering: { adresregel1: "Kerkstraat 14" } },
    ]);
  });

  it("answers a lookup by BSN with only the requested fields of Persoon, deceased persons included", async () => {
    const jansen = defaultDemoResidents.filter((r) => r.houseNumber === 14);
    const response = await post(server, {
      type: "RaadpleegMetBurgerservicenummer",
      fields: ["verblijfplaats.datumVan", "gemeenteVanInschrijving"],
      burgerservicenummer: [...jansen.map((r) => r.bsn), "999999999"],
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { type: string; personen: unknown[] };
    assert.equal(body.type, "RaadpleegMetBurgerservicenummer");
    const gemeente = { code: "0299", omschrijving: "Zevenaar" };
    assert.deepEqual(body.personen, [
      { verblijfplaats: { datumVan: { type: "Datum", datum: "1986-06-01", langFormaat: "1 juni 1986" } }, gemeenteVanInschrijving: gemeente },
      { verblijfplaats: { datumVan: { type: "JaarMaandDatum", jaar: 1986, maand: 6, langFormaat: "juni 1986" } }, gemeenteVanInschrijving: gemeente },
      { verblijfplaats: { datumVan: { type: "Datum", datum: "1986-06-01", langFormaat: "1 juni 1986" } }, gemeenteVanInschrijving: gemeente },
    ]);

    const elsewhere = await post(server, { type: "RaadpleegMetBurgerservicenummer", fields: ["burgerservicenummer"], burgerservicenummer: [jansen[0]?.bsn], gemeenteVanInschrijving: "0363" });
    assert.deepEqual(((await elsewhere.json()) as { personen: unknown[] }).personen, []);
  });

  it("validates a lookup: BSNs as an array of 1 to 20 nine-digit strings, fields from Persoon", async () => {
    const names = async (body: Record<string, unknown>) => {
      const response = await post(server, { type: "RaadpleegMetBurgerservicenummer", ...body });
      assert.equal(response.status, 400);
      return ((await response.json()) as { invalidParams: { name: string; code: string }[] }).invalidParams.map((p) => [p.name, p.code]);
    };
    const fields = ["verblijfplaats.datumVan"];
    assert.deepEqual(await names({}), [
      ["fields", "minItems"],
      ["burgerservicenummer", "required"],
    ]);
    assert.deepEqual(await names({ fields, burgerservicenummer: "999990019" }), [["burgerservicenummer", "array"]]);
    assert.deepEqual(await names({ fields, burgerservicenummer: [] }), [["burgerservicenummer", "minItems"]]);
    assert.deepEqual(await names({ fields, burgerservicenummer: Array.from({ length: 21 }, () => BSN_A) }), [["burgerservicenummer", "maxItems"]]);
    assert.deepEqual(await names({ fields, burgerservicenummer: [BSN_A, "12345678", 999990020] }), [
      ["burgerservicenummer[1]", "pattern"],
      ["burgerservicenummer[2]", "pattern"],
    ]);
    assert.deepEqual(await names({ fields: ["verblijfplaats.datumTot", "inOnderzoek", "verblijfplaats.datumVan"], burgerservicenummer: [BSN_A], postcode: "6901AB" }), [
      ["postcode", "unknownParam"],
      ["fields[0]", "fields"],
      ["fields[1]", "fields"],
    ]);
    assert.deepEqual(await names({ fields, burgerservicenummer: [BSN_A], gemeenteVanInschrijving: "299" }), [["gemeenteVanInschrijving", "pattern"]]);
  });

  it("includes deceased persons only when asked", async () => {
    const response = await post(server, {
      type: "ZoekMetPostcodeEnHuisnummer",
      fields: ["leeftijd"],
      postcode: "6901AB",
      huisnummer: 14,
      inclusiefOverledenPersonen: true,
    });
    assert.equal(((await response.json()) as { personen: unknown[] }).personen.length, 3);
  });
});
