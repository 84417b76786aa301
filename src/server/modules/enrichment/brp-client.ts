/**
 * Client for the Haal Centraal BRP API Personen (2.x), limited to what a focal officer needs: how many
 * people are registered at one address, and since when. Two steps, each asking for one field:
 * `ZoekMetPostcodeEnHuisnummer` for the burgerservicenummers at the address (a search answers with
 * PersoonBeperkt, which has no verblijfplaats), then `RaadpleegMetBurgerservicenummer` for those BSNs, at
 * most 20 per request, asking only `verblijfplaats.datumVan`.
 */
import { z } from "zod";

export interface BrpAddress {
  postcode: string;
  houseNumber: number;
  houseLetter?: string;
  addition?: string;
}

export interface BrpResident {
  /**
   * ISO date of registration at the address (verblijfplaats.datumVan), or the year-month ("2026-08") or
   * year ("2026") when the BRP knows only part of it; null when it does not know it or did not give it.
   */
  registeredSince: string | null;
}

export interface BrpAddressResult {
  count: number;
  residents: BrpResident[];
}

export interface BrpClient {
  residentsAt(address: BrpAddress): Promise<BrpAddressResult>;
}

export interface BrpClientOptions {
  /** E.g. https://proefomgeving.haalcentraal.nl/haalcentraal/api/brp (without /personen). */
  baseUrl: string;
  apiKey?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export type BrpErrorCode = "brp_unreachable" | "brp_rejected" | "brp_invalid_response";

export class BrpError extends Error {
  override readonly name = "BrpError";

  constructor(
    readonly code: BrpErrorCode,
    message: string,
    /** HTTP status of the BRP's answer, when there was one. */
    readonly status?: number,
    /** Names of the parameters the BRP refused (its `invalidParams`), e.g. ["postcode"]. */
    readonly invalidParams: string[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Step 1: the search asks only for the BSN, needed for step 2 (fields needs at least one path). */
export const BRP_ADDRESS_FIELDS: readonly string[] = ["burgerservicenummer"];
/**
 * Step 2: the lookup asks only for the date of registration at the current address. Not the BSN back:
 * residents are anonymous in our answer, so the dates need not be matched to persons.
 */
export const BRP_REGISTRATION_FIELDS: readonly string[] = ["verblijfplaats.datumVan"];
/** The specification's maxItems for `burgerservicenummer` in RaadpleegMetBurgerservicenummer. */
export const BRP_MAX_BSNS_PER_REQUEST = 20;

const DEFAULT_TIMEOUT_MS = 5000;

/** "1234 ab" → "1234AB": the BRP accepts one optional space, we send the canonical form. */
export function normalisePostcode(postcode: string): string {
  return postcode.replace(/\s+/g, "").toUpperCase();
}

// Objects are not strict: the BRP adds fields on its own (inOnderzoek, geheimhoudingPersoonsgegevens, rni…).
const searchResponseSchema = z.object({
  type: z.literal("ZoekMetPostcodeEnHuisnummer"),
  // Required although the spec leaves it optional: a missing list must not read as "nobody lives here".
  personen: z.array(z.object({ burgerservicenummer: z.string().regex(/^[0-9]{9}$/) })),
});

// AbstractDatum: Datum (full date), JaarMaandDatum, JaarDatum or DatumOnbekend.
const datumSchema = z.object({
  type: z.string(),
  datum: z.iso.date().optional(),
  jaar: z.number().int().min(1).max(9999).optional(),
  maand: z.number().int().min(1).max(12).optional(),
});

const lookupResponseSchema = z.object({
  type: z.literal("RaadpleegMetBurgerservicenummer"),
  personen: z.array(
    z.object({
      // Any verblijfplaats type (Adres, Locatie, VerblijfplaatsBuitenland, VerblijfplaatsOnbekend) has datumVan.
      verblijfplaats: z.object({ datumVan: datumSchema.optional() }).optional(),
    }),
  ),
});

function datumToString(datum: z.infer<typeof datumSchema> | undefined): string | null {
  if (!datum) return null;
  const year = datum.jaar === undefined ? "" : String(datum.jaar).padStart(4, "0");
  switch (datum.type) {
    case "Datum":
      return datum.datum ?? null;
    case "JaarMaandDatum":
      return year && datum.maand !== undefined ? `${year}-${String(datum.maand).padStart(2, "0")}` : null;
    case "JaarDatum":
      return year || null;
    default: // DatumOnbekend
      return null;
  }
}

const problemSchema = z.object({
  title: z.string().optional(),
  invalidParams: z.array(z.object({ name: z.string() })).optional(),
});

export function createBrpClient(options: BrpClientOptions): BrpClient {
  const endpoint = `${options.baseUrl.replace(/\/+$/, "")}/personen`;
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers: Record<string, string> = {
    "content-type": "application/json; charset=utf-8",
    accept: "application/json",
  };
  if (options.apiKey) headers["x-api-key"] = options.apiKey;

  /** One POST to /personen, its failures mapped to BrpError; answers the parsed body. */
  async function query<T>(body: Record<string, unknown>, schema: z.ZodType<T>): Promise<T> {
    let response: Response;
    let text: string;
    try {
      response = await doFetch(endpoint, {
        method: "POST",
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (cause) {
      const timedOut = cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
      throw new BrpError(
        "brp_unreachable",
        timedOut
          ? `De BRP gaf binnen ${Math.round(timeoutMs / 100) / 10} seconden geen antwoord.`
          : "De BRP is niet bereikbaar.",
        undefined,
        [],
        { cause },
      );
    }

    // 5xx means the BRP (or its source) is down, not that our question was wrong.
    if (response.status >= 500) {
      throw new BrpError(
        "brp_unreachable",
        `De BRP is tijdelijk niet beschikbaar (status ${response.status}).`,
        response.status,
      );
    }
    if (!response.ok) {
      const problem = problemSchema.safeParse(safeJson(text));
      const names = problem.success ? (problem.data.invalidParams ?? []).map((p) => p.name) : [];
      throw new BrpError(
        "brp_rejected",
        names.length > 0
          ? `De BRP heeft de vraag geweigerd (status ${response.status}); foutieve parameter(s): ${names.join(", ")}.`
          : `De BRP heeft de vraag geweigerd (status ${response.status}).`,
        response.status,
        names,
      );
    }

    const parsed = schema.safeParse(safeJson(text));
    if (!parsed.success) {
      throw invalidResponse(response.status, parsed.error);
    }
    return parsed.data;
  }

  return {
    async residentsAt(address) {
      const search = await query(
        {
          type: "ZoekMetPostcodeEnHuisnummer",
          fields: BRP_ADDRESS_FIELDS,
          postcode: normalisePostcode(address.postcode),
          huisnummer: address.houseNumber,
          ...(address.houseLetter ? { huisletter: address.houseLetter } : {}),
          ...(address.addition ? { huisnummertoevoeging: address.addition } : {}),
        },
        searchResponseSchema,
      );

      // Data minimisation: the BSNs live only in this local variable, for the lookup below. They are never
      // returned from residentsAt, never logged, and never put into an error (messages and causes carry
      // only statuses, parameter names and schema issues, not the values sent).
      const bsns = [...new Set(search.personen.map((p) => p.burgerservicenummer))];
      const dates: (string | null)[] = [];
      for (let i = 0; i < bsns.length; i += BRP_MAX_BSNS_PER_REQUEST) {
        const batch = bsns.slice(i, i + BRP_MAX_BSNS_PER_REQUEST);
        const lookup = await query(
          { type: "RaadpleegMetBurgerservicenummer", fields: BRP_REGISTRATION_FIELDS, burgerservicenummer: batch },
          lookupResponseSchema,
        );
        if (lookup.personen.length > batch.length) {
          throw invalidResponse(200, new Error("more persons than burgerservicenummers asked for"));
        }
        dates.push(...lookup.personen.map((p) => datumToString(p.verblijfplaats?.datumVan)));
      }

      // The count is the search's; a person the lookup did not return (moved or removed in between)
      // still counts, without a date.
      const residents = search.personen.map((_, i): BrpResident => ({ registeredSince: dates[i] ?? null }));
      return { count: residents.length, residents };
    },
  };
}

function invalidResponse(status: number, cause: unknown): BrpError {
  return new BrpError("brp_invalid_response", "Het antwoord van de BRP heeft een onverwachte vorm.", status, [], { cause });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
