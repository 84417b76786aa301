/**
 * A small stand-in for the Haal Centraal BRP API Personen 2.7.0, for tests and the demo: only
 * `POST /haalcentraal/api/brp/personen` with `ZoekMetPostcodeEnHuisnummer` and
 * `RaadpleegMetBurgerservicenummer`, validated and answered as the published specification and its feature
 * files describe, on the fictional persons of brp-demo-data.ts. node:http only.
 */
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { defaultDemoResidents } from "./brp-demo-data.ts";
import type { DemoResident, DemoResidentDataset } from "./brp-demo-data.ts";

export type { DemoResident, DemoResidentDataset } from "./brp-demo-data.ts";
export { defaultDemoResidents } from "./brp-demo-data.ts";

export interface BrpDemoServerOptions {
  port?: number;
  host?: string;
  residents?: DemoResidentDataset;
  /** When set, requests without this X-API-KEY get 401, as the real gateway does. */
  apiKey?: string;
  /** The day ages are computed on; defaults to the real clock. */
  now?: () => Date;
}

export interface BrpDemoServer {
  /** Base url for the client, e.g. http://127.0.0.1:4010/haalcentraal/api/brp. */
  url: string;
  close(): Promise<void>;
}

const BASE_PATH = "/haalcentraal/api/brp";
const PERSONEN_PATH = `${BASE_PATH}/personen`;
const MAX_BODY_BYTES = 64 * 1024;

// --- request validation, after the specification's patterns and the messages of its feature files ---

interface InvalidParam {
  type: string;
  name: string;
  code: string;
  reason: string;
}

const invalid = (name: string, code: string, reason: string): InvalidParam => ({
  type: "https://www.vng.nl/realisatie/api/validaties/" + code.toLowerCase(),
  name,
  code,
  reason,
});
const required = (name: string) => invalid(name, "required", "Parameter is verplicht.");
const pattern = (name: string, re: RegExp) => invalid(name, "pattern", `Waarde voldoet niet aan patroon ${re.source}.`);

// Built from the specification's pattern text, so a refusal quotes the pattern exactly as published.
const PATTERNS = {
  postcode: new RegExp(String.raw`^[1-9]{1}[0-9]{3}[ ]?[A-Za-z]{2}$`),
  huisletter: new RegExp(String.raw`^[a-zA-Z]{1}$`),
  huisnummertoevoeging: new RegExp(String.raw`^[a-zA-Z0-9 \-]{1,4}$`),
  gemeenteVanInschrijving: new RegExp(String.raw`^[0-9]{4}$`),
  geslachtsnaam: new RegExp(String.raw`^[a-zA-Z0-9À-ž \.\-\']{1,200}$|^[a-zA-Z0-9À-ž \.\-\']{3,199}\*{1}$`),
  field: new RegExp(String.raw`^[a-zA-Z0-9\._]{1,200}$`),
  burgerservicenummer: new RegExp(String.raw`^[0-9]{9}$`),
};

const SEARCH_TYPE = "ZoekMetPostcodeEnHuisnummer";
const LOOKUP_TYPE = "RaadpleegMetBurgerservicenummer";
const LOOKUP_PARAMS = new Set(["type", "fields", "gemeenteVanInschrijving", "burgerservicenummer"]);
const MAX_BSNS = 20;
const SEARCH_PARAMS = new Set([
  "type",
  "fields",
  "gemeenteVanInschrijving",
  "inclusiefOverledenPersonen",
  "postcode",
  "huisnummer",
  "huisletter",
  "huisnummertoevoeging",
  "geboortedatum",
  "geslachtsnaam",
]);

// The field paths of PersoonBeperkt; a search can ask for nothing else (no verblijfplaats, no partners).
const PERSOON_BEPERKT_FIELDS = new Set([
  "burgerservicenummer",
  "geboorte",
  "geboorte.datum",
  "geslacht",
  "geslacht.code",
  "geslacht.omschrijving",
  "leeftijd",
  "naam",
  "naam.voornamen",
  "naam.adellijkeTitelPredicaat",
  "naam.voorvoegsel",
  "naam.geslachtsnaam",
  "naam.voorletters",
  "naam.volledigeNaam",
  "adressering",
  "adressering.adresregel1",
  "adressering.adresregel2",
  "adressering.adresregel3",
  "adressering.land",
  "adressering.indicatieVastgesteldVerblijftNietOpAdres",
]);
const datum = (path: string) => [path];
const waardetabel = (path: string) => [path, `${path}.code`, `${path}.omschrijving`];
const adresseringFields = ["aanhef", "aanschrijfwijze", "aanschrijfwijze.naam", "aanschrijfwijze.aanspreekvorm", "gebruikInLopendeTekst"];
const verblijfadresFields = [
  "officieleStraatnaam",
  "korteStraatnaam",
  "huisnummer",
  "huisletter",
  "huisnummertoevoeging",
  "aanduidingBijHuisnummer",
  "postcode",
  "woonplaats",
  "regel1",
  "regel2",
  "regel3",
  "land",
  "locatiebeschrijving",
];
// The field paths of Persoon, what a lookup by BSN may ask for: PersoonBeperkt's and the rest of the
// published schema down to the level this stand-in can answer (relatives, nationality and authority whole).
const PERSOON_FIELDS = new Set([
  ...PERSOON_BEPERKT_FIELDS,
  "aNummer",
  ...datum("datumEersteInschrijvingGBA"),
  "naam.aanduidingNaamgebruik",
  "geboorte.plaats",
  "geboorte.land",
  ...adresseringFields.map((f) => `adressering.${f}`),
  "verblijfplaats",
  "verblijfplaats.type",
  ...datum("verblijfplaats.datumVan"),
  ...datum("verblijfplaats.datumIngangGeldigheid"),
  ...waardetabel("verblijfplaats.functieAdres"),
  "verblijfplaats.adresseerbaarObjectIdentificatie",
  "verblijfplaats.nummeraanduidingIdentificatie",
  "verblijfplaats.indicatieVastgesteldVerblijftNietOpAdres",
  "verblijfplaats.verblijfadres",
  ...verblijfadresFields.map((f) => `verblijfplaats.verblijfadres.${f}`),
  ...waardetabel("gemeenteVanInschrijving"),
  ...datum("datumInschrijvingInGemeente"),
  "overlijden",
  ...datum("overlijden.datum"),
  "overlijden.plaats",
  "overlijden.land",
  "immigratie",
  "nationaliteiten",
  "uitsluitingKiesrecht",
  "europeesKiesrecht",
  "indicatieCurateleRegister",
  "gezag",
  "verblijfstitel",
  "kinderen",
  "ouders",
  "partners",
]);
// Delivered automatically; the specification makes asking for them a 400.
const AUTOMATIC_FIELDS = ["inOnderzoek", "geheimhoudingPersoonsgegevens", "opschortingBijhouding", "rni", "verificatie"];

interface SearchQuery {
  fields: string[];
  postcode: string;
  huisnummer: number;
  huisletter?: string;
  huisnummertoevoeging?: string;
  gemeenteVanInschrijving?: string;
  inclusiefOverledenPersonen: boolean;
  geboortedatum?: string;
  geslachtsnaam?: string;
}

interface LookupQuery {
  fields: string[];
  burgerservicenummer: string[];
  gemeenteVanInschrijving?: string;
}

type Validated<Q> = { ok: true; query: Q } | { ok: false; invalidParams: InvalidParam[] };

function validateFields(fields: unknown, allowed: ReadonlySet<string>, errors: InvalidParam[]): void {
  if (!Array.isArray(fields) || fields.length === 0) {
    errors.push(invalid("fields", "minItems", "Array bevat minder dan 1 items."));
  } else if (fields.length > 130) {
    errors.push(invalid("fields", "maxItems", "Array bevat meer dan 130 items."));
  } else {
    fields.forEach((field: unknown, i) => {
      const name = `fields[${i}]`;
      if (typeof field !== "string" || !PATTERNS.field.test(field)) errors.push(pattern(name, PATTERNS.field));
      else if (AUTOMATIC_FIELDS.some((a) => field === a || field.startsWith(`${a}.`)))
        errors.push(invalid(name, "fields", "Parameter bevat een niet toegestane veldnaam."));
      else if (!allowed.has(field)) errors.push(invalid(name, "fields", "Parameter bevat een niet bestaande veldnaam."));
    });
  }
}

function unknownParams(body: Record<string, unknown>, known: ReadonlySet<string>, errors: InvalidParam[]): void {
  for (const key of Object.keys(body)) {
    if (!known.has(key)) errors.push(invalid(key, "unknownParam", "Parameter is niet verwacht."));
  }
}

function validateLookup(body: Record<string, unknown>): Validated<LookupQuery> {
  const errors: InvalidParam[] = [];
  unknownParams(body, LOOKUP_PARAMS, errors);
  validateFields(body["fields"], PERSOON_FIELDS, errors);

  const bsns = body["burgerservicenummer"];
  if (bsns === undefined) errors.push(required("burgerservicenummer"));
  else if (!Array.isArray(bsns)) errors.push(invalid("burgerservicenummer", "array", "Parameter is geen array."));
  else if (bsns.length === 0) errors.push(invalid("burgerservicenummer", "minItems", "Array bevat minder dan 1 items."));
  else if (bsns.length > MAX_BSNS)
    errors.push(invalid("burgerservicenummer", "maxItems", `Array bevat meer dan ${MAX_BSNS} items.`));
  else
    bsns.forEach((bsn: unknown, i) => {
      if (typeof bsn !== "string" || !PATTERNS.burgerservicenummer.test(bsn))
        errors.push(pattern(`burgerservicenummer[${i}]`, PATTERNS.burgerservicenummer));
    });

  const gemeente = body["gemeenteVanInschrijving"];
  if (gemeente !== undefined && (typeof gemeente !== "string" || !PATTERNS.gemeenteVanInschrijving.test(gemeente)))
    errors.push(pattern("gemeenteVanInschrijving", PATTERNS.gemeenteVanInschrijving));

  if (errors.length > 0) return { ok: false, invalidParams: errors };
  return {
    ok: true,
    query: {
      fields: body["fields"] as string[],
      burgerservicenummer: bsns as string[],
      gemeenteVanInschrijving: gemeente as string | undefined,
    },
  };
}

function validateSearch(body: Record<string, unknown>): Validated<SearchQuery> {
  const errors: InvalidParam[] = [];
  const str = (name: string, re: RegExp): string | undefined => {
    const value = body[name];
    if (value === undefined) return undefined;
    if (typeof value !== "string" || !re.test(value)) errors.push(pattern(name, re));
    return typeof value === "string" ? value : undefined;
  };

  unknownParams(body, SEARCH_PARAMS, errors);
  const fields = body["fields"];
  validateFields(fields, PERSOON_BEPERKT_FIELDS, errors);

  const postcode = body["postcode"];
  if (postcode === undefined || postcode === "") errors.push(required("postcode"));
  else str("postcode", PATTERNS.postcode);

  const huisnummer = body["huisnummer"];
  if (huisnummer === undefined || huisnummer === "") errors.push(required("huisnummer"));
  else if (typeof huisnummer !== "number" || !Number.isInteger(huisnummer) || huisnummer < 1 || huisnummer > 99999)
    errors.push(invalid("huisnummer", "integer", "Waarde is geen geldig getal."));

  const huisletter = str("huisletter", PATTERNS.huisletter);
  const huisnummertoevoeging = str("huisnummertoevoeging", PATTERNS.huisnummertoevoeging);
  const gemeenteVanInschrijving = str("gemeenteVanInschrijving", PATTERNS.gemeenteVanInschrijving);
  const geslachtsnaam = str("geslachtsnaam", PATTERNS.geslachtsnaam);

  const geboortedatum = body["geboortedatum"];
  if (geboortedatum !== undefined && (typeof geboortedatum !== "string" || !isIsoDate(geboortedatum)))
    errors.push(invalid("geboortedatum", "date", "Waarde is geen geldige datum."));

  const overleden = body["inclusiefOverledenPersonen"];
  if (overleden !== undefined && typeof overleden !== "boolean")
    errors.push(invalid("inclusiefOverledenPersonen", "boolean", "Waarde is geen boolean."));

  if (errors.length > 0) return { ok: false, invalidParams: errors };
  return {
    ok: true,
    query: {
      fields: fields as string[],
      postcode: postcode as string,
      huisnummer: huisnummer as number,
      huisletter,
      huisnummertoevoeging,
      gemeenteVanInschrijving,
      inclusiefOverledenPersonen: overleden === true,
      geboortedatum: geboortedatum as string | undefined,
      geslachtsnaam,
    },
  };
}

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

// --- search and response ---

const sameText = (a: string | undefined, b: string | undefined) => (a ?? "").toLowerCase() === (b ?? "").toLowerCase();

function matches(resident: DemoResident, q: SearchQuery): boolean {
  if (resident.postcode.replace(/\s+/g, "").toUpperCase() !== q.postcode.replace(/\s+/g, "").toUpperCase()) return false;
  if (resident.houseNumber !== q.huisnummer) return false;
  // Optional parameters narrow the search; left out, they match every letter and addition.
  if (q.huisletter !== undefined && !sameText(resident.houseLetter, q.huisletter)) return false;
  if (q.huisnummertoevoeging !== undefined && !sameText(resident.addition, q.huisnummertoevoeging)) return false;
  if (q.gemeenteVanInschrijving !== undefined && resident.municipalityCode !== q.gemeenteVanInschrijving) return false;
  if (q.geboortedatum !== undefined && resident.birthDate !== q.geboortedatum) return false;
  if (q.geslachtsnaam !== undefined) {
    const wanted = q.geslachtsnaam.toLowerCase();
    const surname = resident.surname.toLowerCase();
    if (wanted.endsWith("*") ? !surname.startsWith(wanted.slice(0, -1)) : surname !== wanted) return false;
  }
  return q.inclusiefOverledenPersonen || !resident.deceased;
}

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

function ageOn(birthDate: string, today: Date): number {
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  const beforeBirthday = today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d);
  return today.getUTCFullYear() - y - (beforeBirthday ? 1 : 0);
}

/** The whole PersoonBeperkt of a resident; `fields` then picks from it. */
function persoonBeperkt(r: DemoResident, today: Date): Record<string, unknown> {
  const initials = r.givenNames.split(" ").map((n) => `${n[0] ?? ""}.`).join("");
  const addition = `${r.houseLetter ?? ""}${r.addition ? ` ${r.addition}` : ""}`;
  const person: Record<string, unknown> = {
    burgerservicenummer: r.bsn,
    geslacht: { code: r.sex, omschrijving: { M: "man", V: "vrouw", O: "onbekend" }[r.sex] },
    naam: { voornamen: r.givenNames, geslachtsnaam: r.surname, voorletters: initials, volledigeNaam: `${r.givenNames} ${r.surname}` },
    adressering: {
      adresregel1: `${r.street} ${r.houseNumber}${addition}`,
      adresregel2: `${r.postcode.slice(0, 4)} ${r.postcode.slice(-2)}  ${r.town.toUpperCase()}`,
    },
  };
  if (r.birthDate !== null) {
    const [y, m, d] = r.birthDate.split("-").map(Number) as [number, number, number];
    person["geboorte"] = { datum: { type: "Datum", datum: r.birthDate, langFormaat: `${d} ${MONTHS[m - 1]} ${y}` } };
    if (!r.deceased) person["leeftijd"] = ageOn(r.birthDate, today);
  }
  return person;
}

/** AbstractDatum of an ISO date, "YYYY-MM" (JaarMaandDatum) or "YYYY" (JaarDatum). */
function abstractDatum(value: string): Record<string, unknown> {
  const [y, m, d] = value.split("-").map(Number) as [number, number | undefined, number | undefined];
  if (m === undefined) return { type: "JaarDatum", jaar: y, langFormaat: String(y) };
  if (d === undefined) return { type: "JaarMaandDatum", jaar: y, maand: m, langFormaat: `${MONTHS[m - 1]} ${y}` };
  return { type: "Datum", datum: value, langFormaat: `${d} ${MONTHS[m - 1]} ${y}` };
}

const MUNICIPALITIES: Record<string, string> = { "0299": "Zevenaar" };

/** The Persoon of a resident as far as this stand-in knows it; `fields` then picks from it. */
function persoon(r: DemoResident, today: Date): Record<string, unknown> {
  const person = persoonBeperkt(r, today);
  person["verblijfplaats"] = {
    type: "Adres",
    datumVan: abstractDatum(r.registeredSince),
    functieAdres: { code: "W", omschrijving: "woonadres" },
    verblijfadres: {
      officieleStraatnaam: r.street,
      korteStraatnaam: r.street,
      huisnummer: r.houseNumber,
      ...(r.houseLetter ? { huisletter: r.houseLetter } : {}),
      ...(r.addition ? { huisnummertoevoeging: r.addition } : {}),
      postcode: r.postcode,
      woonplaats: r.town,
    },
  };
  person["gemeenteVanInschrijving"] = { code: r.municipalityCode, omschrijving: MUNICIPALITIES[r.municipalityCode] ?? r.town };
  return person;
}

function pick(source: Record<string, unknown>, paths: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from: unknown = source;
    for (const key of keys) from = from && typeof from === "object" ? (from as Record<string, unknown>)[key] : undefined;
    if (from === undefined) continue;
    let to = out;
    keys.slice(0, -1).forEach((key) => {
      to[key] ??= {};
      to = to[key] as Record<string, unknown>;
    });
    to[keys[keys.length - 1] as string] = from;
  }
  return out;
}

// --- HTTP ---

const RFC7231 = "https://datatracker.ietf.org/doc/html/rfc7231#section-";
const PROBLEMS = {
  notFound: { status: 404, type: `${RFC7231}6.5.4`, title: "Opgevraagde resource bestaat niet.", code: "notFound" },
  methodNotAllowed: { status: 405, type: `${RFC7231}6.5.5`, title: "Gebruikte bevragingsmethode is niet toegestaan.", code: "methodNotAllowed" },
  unauthenticated: { status: 401, type: "https://datatracker.ietf.org/doc/html/rfc7235#section-3.1", title: "Niet correct geauthenticeerd.", code: "authentication" },
  unsupportedMediaType: { status: 415, type: `${RFC7231}6.5.13`, title: "Media Type wordt niet ondersteund.", code: "unsupportedMediaType" },
  payloadTooLarge: { status: 413, type: `${RFC7231}6.5.11`, title: "Verzoek is te groot.", code: "payloadTooLarge" },
  invalidJson: { status: 400, type: `${RFC7231}6.5.1`, title: "Het verzoek is geen geldige JSON.", code: "paramsValidation" },
  serverError: { status: 500, type: `${RFC7231}6.6.1`, title: "Interne server fout.", code: "serverError" },
} as const;

function problem(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  const payload = JSON.stringify({ status, instance: PERSONEN_PATH, ...body });
  res.writeHead(status, { "content-type": "application/problem+json", "content-length": Buffer.byteLength(payload) });
  res.end(payload);
}

function badRequest(res: ServerResponse, invalidParams: InvalidParam[]): void {
  problem(res, 400, {
    type: `${RFC7231}6.5.1`,
    title: "Een of meerdere parameters zijn niet correct.",
    detail: `De foutieve parameter(s) zijn: ${invalidParams.map((p) => p.name).join(", ")}.`,
    code: "paramsValidation",
    invalidParams,
  });
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

interface Settings {
  residents: DemoResidentDataset;
  now: () => Date;
  apiKey: string | undefined;
}

async function handle(req: IncomingMessage, res: ServerResponse, options: Settings) {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  if (path !== PERSONEN_PATH) {
    return problem(res, 404, PROBLEMS.notFound);
  }
  if (req.method !== "POST") {
    res.setHeader("allow", "POST");
    return problem(res, 405, PROBLEMS.methodNotAllowed);
  }
  if (options.apiKey !== undefined && req.headers["x-api-key"] !== options.apiKey) {
    return problem(res, 401, PROBLEMS.unauthenticated);
  }
  const mediaType = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    return problem(res, 415, PROBLEMS.unsupportedMediaType);
  }
  const text = await readBody(req);
  if (text === null) {
    return problem(res, 413, PROBLEMS.payloadTooLarge);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return problem(res, 400, PROBLEMS.invalidJson);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return badRequest(res, [required("type")]);
  }
  const record = body as Record<string, unknown>;
  if (record["type"] === undefined) return badRequest(res, [required("type")]);
  const today = options.now();
  let answer: { type: string; personen: Record<string, unknown>[] };
  if (record["type"] === SEARCH_TYPE) {
    const result = validateSearch(record);
    if (!result.ok) return badRequest(res, result.invalidParams);
    const personen = options.residents
      .filter((r) => matches(r, result.query))
      .map((r) => pick(persoonBeperkt(r, today), result.query.fields));
    answer = { type: SEARCH_TYPE, personen };
  } else if (record["type"] === LOOKUP_TYPE) {
    const result = validateLookup(record);
    if (!result.ok) return badRequest(res, result.invalidParams);
    const { burgerservicenummer, gemeenteVanInschrijving, fields } = result.query;
    // A lookup also finds deceased persons; unknown numbers are simply absent from the answer.
    const personen = [...new Set(burgerservicenummer)]
      .map((bsn) => options.residents.find((r) => r.bsn === bsn))
      .filter((r): r is DemoResident => r !== undefined)
      .filter((r) => gemeenteVanInschrijving === undefined || r.municipalityCode === gemeenteVanInschrijving)
      .map((r) => pick(persoon(r, today), fields));
    answer = { type: LOOKUP_TYPE, personen };
  } else {
    // Other search types exist in the API but not here; refusing them keeps the stand-in honest.
    return badRequest(res, [invalid("type", "value", "Waarde heeft geen geldige waarde uit de enumeratie.")]);
  }

  const payload = JSON.stringify(answer);
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(payload) });
  res.end(payload);
}

export async function startBrpDemoServer(options: BrpDemoServerOptions = {}): Promise<BrpDemoServer> {
  const host = options.host ?? "127.0.0.1";
  const settings: Settings = {
    residents: options.residents ?? defaultDemoResidents,
    now: options.now ?? (() => new Date()),
    apiKey: options.apiKey,
  };
  const server = createServer((req, res) => {
    handle(req, res, settings).catch(() => {
      if (!res.headersSent) problem(res, 500, PROBLEMS.serverError);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}${BASE_PATH}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
