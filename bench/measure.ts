import { randomUUID } from "node:crypto";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Kernel } from "../src/server/http/kernel.ts";
import { currentTotp } from "../src/server/modules/accounts/second-factor.ts";
import { COMMON_WORD, RARE_WORD, type FocalOfficer } from "./generate.ts";

/** Latencies through `app.inject` on the real app, as a logged-in focal officer of one municipality. */
export interface Figure {
  label: string;
  n: number;
  mean: number;
  p50: number;
  p95: number;
  /** PostgreSQL target for the p95, in ms. */
  target?: number;
  /** Result size or other context. */
  note?: string;
}

export interface Throughput {
  label: string;
  n: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
}

/** The TOTP step each account last logged in with (the server refuses a code a second time). */
const usedSteps = new Map<string, number>();

class Session {
  private cookie: string | null = null;
  private csrf: string | null = null;
  constructor(private readonly app: FastifyInstance) {}

  async request(method: "GET" | "POST", url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: `kz_session=${this.cookie}` } : {}),
        ...(method !== "GET" && this.csrf ? { "x-csrf-token": this.csrf } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const set = res.cookies.find((c) => c.name === "kz_session");
    if (set) this.cookie = set.value || null;
    return res;
  }

  async login(focal: FocalOfficer): Promise<void> {
    const first = await this.request("POST", "/api/v1/session", { email: focal.email, password: focal.password });
    if (first.statusCode !== 200) throw new Error(`login failed: ${first.statusCode} ${first.body}`);
    this.csrf = (first.json() as { csrfToken: string | null }).csrfToken;
    // A TOTP code is accepted once: a second login of the same account within its 30-second step waits for the next.
    const step = () => Math.floor(Date.now() / 30_000);
    if (usedSteps.get(focal.email) === step()) await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 50));
    usedSteps.set(focal.email, step());
    const second = await this.request("POST", "/api/v1/session/second-factor", { code: currentTotp(focal.totpSecret, new Date()) });
    if (second.statusCode !== 200) throw new Error(`second factor failed: ${second.statusCode} ${second.body}`);
    const session = second.json() as { authenticated: boolean; csrfToken: string | null };
    if (!session.authenticated) throw new Error("not authenticated after the second factor");
    this.csrf = session.csrfToken;
  }
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function summarise(label: string, samples: number[], extra: Partial<Figure> = {}): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { label, n: samples.length, mean: samples.reduce((a, b) => a + b, 0) / samples.length, p50: at(0.5), p95: at(0.95), ...extra };
}

function expect(res: LightMyRequestResponse, status: number[], what: string): void {
  if (!status.includes(res.statusCode)) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 500)}`);
}

export interface MeasureOptions {
  /** Repetitions per read measurement. */
  reads: number;
  /** Submits for the latency figure. */
  submits: number;
  /** Submits per throughput run. */
  throughput: number;
  concurrency: number;
  log: (line: string) => void;
}

export async function measure(app: FastifyInstance, kernel: Kernel, focal: FocalOfficer, options: MeasureOptions) {
  const session = new Session(app);
  await session.login(focal);
  const figures: Figure[] = [];
  const throughputs: Throughput[] = [];

  async function reads(label: string, urls: () => string, target?: number) {
    let total = 0;
    for (let w = 0; w < 3; w++) expect(await session.request("GET", urls()), [200], label);
    const samples: number[] = [];
    for (let i = 0; i < options.reads; i++) {
      const url = urls();
      const t0 = process.hrtime.bigint();
      const res = await session.request("GET", url);
      samples.push(ms(t0));
      expect(res, [200], `${label} ${url}`);
      total = (res.json() as { total?: number }).total ?? total;
    }
    const figure = summarise(label, samples, { target, note: total ? `total ${total.toLocaleString("en")}` : undefined });
    figures.push(figure);
    options.log(`  ${label}: p50 ${figure.p50.toFixed(1)} ms, p95 ${figure.p95.toFixed(1)} ms`);
  }

  await reads("(a) queue, first page (default sort due_at)", () => "/api/v1/signals", 100);
  await reads("(a') queue, page 5", () => "/api/v1/signals?page=5", 100);
  await reads("(b) status=open&urgency=acute&sort=-received_at", () => "/api/v1/signals?status=open&urgency=acute&sort=-received_at", 100);
  await reads("(b') overdue=true&sort=-received_at", () => "/api/v1/signals?overdue=true&sort=-received_at", 100);
  await reads(`(c) search q=${COMMON_WORD} (4% of texts)`, () => `/api/v1/signals?q=${COMMON_WORD}`, 100);
  await reads(`(c') search q=${RARE_WORD} (0.25%)`, () => `/api/v1/signals?q=${RARE_WORD}`, 100);

  const ids = (await kernel.db.query<{ id: string }>(
    "select id from signals where municipality_id = $1 order by md5(id::text) limit $2",
    [focal.municipalityId, options.reads + 3],
  )).map((r) => r.id);
  let next = 0;
  await reads("(d) open one signal", () => `/api/v1/signals/${ids[next++ % ids.length]}`, 50);

  const codes = (await kernel.db.query<{ code: string }>(
    `select i.code from indicators i join indicator_catalogues c on c.id = i.catalogue_id
      join region_members rm on rm.region_id = c.region_id where rm.organisation_id = $1 order by i.code limit 3`,
    [focal.municipalityId],
  )).map((r) => r.code);
  let serial = 0;
  const submit = async (s: Session) => {
    serial++;
    const res = await s.request("POST", "/api/v1/signals", {
      municipalityId: focal.municipalityId,
      indicatorCodes: codes,
      description: `Benchmelding ${serial}: bij een ${COMMON_WORD} aan de Kerkstraat werken mensen die hun paspoort niet in eigen bezit hebben.`,
      observedOn: new Date().toISOString().slice(0, 10),
      location: { kind: "address", postcode: "6901 AB", houseNumber: 12, street: "Kerkstraat", city: "Zevenaar" },
      victims: [{ name: `Anna Jansen ${serial}`, birthDate: "1990-01-01", nationality: "POL" }],
      perpetrators: [],
      immediateDanger: serial % 20 === 0,
    }, { "idempotency-key": randomUUID() });
    expect(res, [201], "submit");
  };

  for (let w = 0; w < 3; w++) await submit(session);
  const samples: number[] = [];
  for (let i = 0; i < options.submits; i++) {
    const t0 = process.hrtime.bigint();
    await submit(session);
    samples.push(ms(t0));
  }
  figures.push(summarise("(e) submit one signal (Idempotency-Key)", samples, { target: 50 }));
  options.log(`  submit: p50 ${figures.at(-1)!.p50.toFixed(1)} ms, p95 ${figures.at(-1)!.p95.toFixed(1)} ms`);

  for (const concurrency of [1, options.concurrency]) {
    let remaining = options.throughput;
    const t0 = process.hrtime.bigint();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (remaining > 0) {
        remaining--;
        await submit(session);
      }
    }));
    const seconds = ms(t0) / 1000;
    throughputs.push({ label: `(f) intake, ${concurrency === 1 ? "sequential" : `concurrency ${concurrency}`}`, n: options.throughput, concurrency, seconds, perSecond: options.throughput / seconds });
    options.log(`  intake x${concurrency}: ${(options.throughput / seconds).toFixed(0)} signals/s`);
  }
  return { figures, throughputs };
}

/**
 * The monitor's dashboard (every section, counted in the database) for the focal officer's municipality and
 * region, and for the whole country as a national policy officer sees it (published: small numbers
 * suppressed). Periods: this year to date, and last year compared with the year before.
 */
export async function measureMonitor(app: FastifyInstance, focal: FocalOfficer, national: FocalOfficer, options: MeasureOptions): Promise<Figure[]> {
  const figures: Figure[] = [];
  const year = new Date().getFullYear();
  const today = new Date().toISOString().slice(0, 10);
  const thisYear = `from=${year}-01-01&to=${today}`;
  const lastYear = `from=${year - 1}-01-01&to=${year - 1}-12-31&compare=true`;
  const run = async (session: Session, label: string, url: string, target?: number) => {
    for (let w = 0; w < 3; w++) expect(await session.request("GET", url), [200], label);
    const samples: number[] = [];
    let tables = 0;
    for (let i = 0; i < options.reads; i++) {
      const t0 = process.hrtime.bigint();
      const res = await session.request("GET", url);
      samples.push(ms(t0));
      expect(res, [200], `${label} ${url}`);
      tables = (res.json() as { sections: { tables: unknown[] }[] }).sections.reduce((n, s) => n + s.tables.length, 0);
    }
    const figure = summarise(label, samples, { target, note: `${tables} tables` });
    figures.push(figure);
    options.log(`  ${label}: p50 ${figure.p50.toFixed(1)} ms, p95 ${figure.p95.toFixed(1)} ms`);
  };
  const local = new Session(app);
  await local.login(focal);
  await run(local, "(g) monitor: municipality, this year", `/api/v1/monitoring/dashboard?area=${focal.municipalityId}&${thisYear}`);
  await run(local, "(g') monitor: region, this year", `/api/v1/monitoring/dashboard?area=${focal.regionId}&${thisYear}`);
  await run(local, "(g'') monitor: region, last year vs year before", `/api/v1/monitoring/dashboard?area=${focal.regionId}&${lastYear}`);
  const country = new Session(app);
  await country.login(national);
  await run(country, "(h) monitor: whole country, this year", `/api/v1/monitoring/dashboard?area=all&${thisYear}`, 300);
  await run(country, "(h') monitor: whole country, last year vs year before", `/api/v1/monitoring/dashboard?area=all&${lastYear}`, 300);
  // Right after a change: a new signal marks its day dirty, and the next read recounts that day before it sums.
  const afterChange: number[] = [];
  for (let i = 0; i < Math.max(5, options.reads); i++) {
    const submitted = await local.request("POST", "/api/v1/signals", {
      municipalityId: focal.municipalityId,
      description: `Benchmelding voor de monitor ${i}: mensen slapen in de ${COMMON_WORD} boven de zaak.`,
    }, { "idempotency-key": randomUUID() });
    expect(submitted, [201], "a new signal before the monitor read");
    const t0 = process.hrtime.bigint();
    const res = await country.request("GET", `/api/v1/monitoring/dashboard?area=all&${thisYear}`);
    afterChange.push(ms(t0));
    expect(res, [200], "the country's monitor after a new signal");
  }
  figures.push(summarise("(h'') monitor: whole country, right after a new signal", afterChange, { target: 300, note: "its day recounted first" }));
  options.log(`  (h'') after a new signal: p50 ${figures.at(-1)!.p50.toFixed(1)} ms, p95 ${figures.at(-1)!.p95.toFixed(1)} ms`);
  return figures;
}
