import sql from "sql-template-tag";
import { dutchNumber, type MonitorSection } from "../../../shared/monitoring.ts";
import { run, type Queryable } from "../../kernel/db.ts";
import type { MonitorContext } from "./context.ts";
import { signalCounts } from "./section-signals.ts";
import { addToHistogram, medianDays, summaryCounts, type Histogram } from "./summary-counts.ts";
import { channelLabels, routeStepLabels } from "./labels.ts";
import { comparedWith, counted, countCell, daysCell, measureTable, percentCell, type Measure } from "./tables.ts";

/**
 * How the chain works together: referrals per partner and channel, the time each step of the reporting route
 * takes against the municipality's deadlines, and whether reporters hear back. Like the signals themselves,
 * all of these count in the period the signal was received in (one pass over that period's signals).
 */
interface ReferralFigures {
  sent: number;
  accepted: number;
  declined: number;
  answered: number;
  responded: number;
  respond_days: number | null;
  fed_back: number;
  feedback_days: number | null;
}
interface ReferralRow extends ReferralFigures {
  dim: "partner" | "channel" | "total";
  key: string | null;
  label: string | null;
  p: number;
}

/** The referral figures per partner, per channel and in total, per period, from the summaries' counts and hour histograms. */
async function referralFigures(q: Queryable, ctx: MonitorContext): Promise<ReferralRow[]> {
  const figures = new Map<string, ReferralRow & { respond: Histogram; feedback: Histogram }>();
  const at = (dim: ReferralRow["dim"], key: string | null, p: number) => {
    const id = `${dim}|${key ?? ""}|${p}`;
    let f = figures.get(id);
    if (!f) {
      f = { dim, key, label: null, p, sent: 0, accepted: 0, declined: 0, answered: 0, responded: 0, respond_days: null, fed_back: 0, feedback_days: null, respond: new Map(), feedback: new Map() };
      figures.set(id, f);
    }
    return f;
  };
  for (const r of await summaryCounts(q, ctx)) {
    if (!r.dim.startsWith("ref.")) continue;
    const measure = r.dim.slice(4);
    const histogram = measure.endsWith("_h");
    const split = histogram ? r.key.lastIndexOf(":") : r.key.length;
    const [kind, id] = [r.key.slice(0, 1), r.key.slice(2, split)];
    const targets = kind === "p" ? [at("partner", id, r.p), at("total", null, r.p)] : [at("channel", id, r.p)];
    for (const f of targets) {
      if (measure === "respond_h") addToHistogram(f.respond, Number(r.key.slice(split + 1)), r.n);
      else if (measure === "feedback_h") addToHistogram(f.feedback, Number(r.key.slice(split + 1)), r.n);
      else if (measure === "sent" || measure === "accepted" || measure === "declined" || measure === "answered") f[measure] += r.n;
    }
  }
  const partners = [...new Set([...figures.values()].filter((f) => f.dim === "partner").map((f) => f.key!))];
  const names = new Map((await run<{ id: string; name: string }>(q, sql`select id::text, name from organisations where id = any(${partners}::uuid[])`)).map((o) => [o.id, o.name]));
  return [...figures.values()].map(({ respond, feedback, ...f }) => ({
    ...f,
    label: f.dim === "partner" ? (names.get(f.key!) ?? "") : null,
    responded: [...respond.values()].reduce((a, b) => a + b, 0),
    respond_days: medianDays(respond),
    fed_back: [...feedback.values()].reduce((a, b) => a + b, 0),
    feedback_days: medianDays(feedback),
  }));
}

export async function referralsSection(q: Queryable, ctx: MonitorContext): Promise<MonitorSection> {
  const rows = await referralFigures(q, ctx);
  const find = (dim: ReferralRow["dim"], key: string | null, p: number) => rows.find((r) => r.dim === dim && r.key === key && Number(r.p) === p);
  const measures: Measure<{ dim: ReferralRow["dim"]; key: string | null }>[] = [
    { key: "sent", label: "Doorgezet", kind: "count", compare: true, cell: (d, p) => countCell(find(d.dim, d.key, p)?.sent ?? 0) },
    { key: "accepted", label: "Geaccepteerd", kind: "count", cell: (d, p) => countCell(find(d.dim, d.key, p)?.accepted ?? 0) },
    { key: "declined", label: "Afgewezen", kind: "count", cell: (d, p) => countCell(find(d.dim, d.key, p)?.declined ?? 0) },
    { key: "answered", label: "Teruggekoppeld", kind: "count", cell: (d, p) => countCell(find(d.dim, d.key, p)?.answered ?? 0) },
    {
      key: "acceptance-rate", label: "Geaccepteerd (% van beantwoord)", kind: "percentage", compare: true,
      cell: (d, p) => { const r = find(d.dim, d.key, p); return percentCell(r?.accepted ?? 0, (r?.accepted ?? 0) + (r?.declined ?? 0)); },
    },
    {
      key: "response-days", label: "Reactietijd (mediaan, dagen)", kind: "days",
      cell: (d, p) => { const r = find(d.dim, d.key, p); return daysCell(r?.respond_days ?? null, r?.responded ?? 0); },
    },
    {
      key: "feedback-days", label: "Tijd tot terugkoppeling (mediaan, dagen)", kind: "days",
      cell: (d, p) => { const r = find(d.dim, d.key, p); return daysCell(r?.feedback_days ?? null, r?.fed_back ?? 0); },
    },
  ];
  const partners = rows.filter((r) => r.dim === "partner").reduce((list, r) => (list.some((x) => x.key === r.key) ? list : [...list, { key: r.key!, label: r.label ?? "" }]), [] as { key: string; label: string }[])
    .sort((a, b) => (find("partner", b.key, 0)?.sent ?? 0) - (find("partner", a.key, 0)?.sent ?? 0) || a.label.localeCompare(b.label, "nl"));
  const total = { key: "total", label: "Alle doorverwijzingen", total: true, data: { dim: "total" as const, key: null } };
  const byPartner = measureTable(ctx, {
    id: "referrals-by-partner",
    title: "Doorverwijzingen per ketenpartner",
    rowHeading: "Ketenpartner",
    rows: [...partners.map((p) => ({ key: p.key, label: p.label, data: { dim: "partner" as const, key: p.key } })), total],
    measures,
    additiveRows: true,
    note: "De doorverwijzingen van de signalen die in de periode binnenkwamen; ingetrokken doorverwijzingen tellen niet mee. Geaccepteerd: ook wie direct terugkoppelde. " +
      "Tijden gerekend vanaf het versturen.",
  });
  const byChannel = measureTable(ctx, {
    id: "referrals-by-channel",
    title: "Doorverwijzingen per kanaal",
    rowHeading: "Kanaal",
    rows: [...Object.entries(channelLabels).map(([key, label]) => ({ key, label, data: { dim: "channel" as const, key } })), total],
    measures,
    additiveRows: true,
  });
  const t0 = find("total", null, 0);
  const sentences = [`De signalen van deze periode zijn ${counted(t0?.sent ?? 0, "keer", "keer")} doorverwezen${comparedWith(ctx, t0?.sent ?? 0, ctx.periods.length > 1 ? (find("total", null, 1)?.sent ?? 0) : undefined)}.`];
  const answeredBase = (t0?.accepted ?? 0) + (t0?.declined ?? 0);
  if (answeredBase > 0) {
    sentences.push(`Van de ${dutchNumber(answeredBase)} beantwoorde doorverwijzingen werd ${percentCell(t0!.accepted, answeredBase).display} geaccepteerd.`);
  }
  if (t0?.respond_days !== null && t0?.respond_days !== undefined) {
    sentences.push(`Partners reageerden in de helft van de gevallen binnen ${dutchNumber(Math.round(t0.respond_days * 10) / 10, 1)} dagen.`);
  }
  return {
    id: "referrals",
    title: "Samenwerking met ketenpartners",
    summary: sentences.join(" "),
    tables: [byPartner, byChannel],
    charts: [{ id: "referrals-by-partner-chart", title: "Doorverwijzingen per ketenpartner", tableId: byPartner.id, kind: "bar", categories: "rows", series: ["sent", "accepted", "declined"] }],
  };
}

interface StepRow {
  step: string;
  p: number;
  n: number;
  median_days: number | null;
  with_deadline: number;
  on_time: number;
}

/** The route's figures per step (the status left) and period, from the summaries' counts and hour histograms. */
async function stepFigures(q: Queryable, ctx: MonitorContext): Promise<StepRow[]> {
  const steps = new Map<string, StepRow & { hours: Histogram }>();
  const at = (step: string, p: number) => {
    const id = `${step}|${p}`;
    let f = steps.get(id);
    if (!f) {
      f = { step, p, n: 0, median_days: null, with_deadline: 0, on_time: 0, hours: new Map() };
      steps.set(id, f);
    }
    return f;
  };
  for (const r of await summaryCounts(q, ctx)) {
    if (r.dim === "route.with_deadline") at(r.key, r.p).with_deadline += r.n;
    else if (r.dim === "route.on_time") at(r.key, r.p).on_time += r.n;
    else if (r.dim === "route.h") {
      const split = r.key.lastIndexOf(":");
      addToHistogram(at(r.key.slice(0, split), r.p).hours, Number(r.key.slice(split + 1)), r.n);
    }
  }
  // Every step has its hours: the histogram's total is the number of steps.
  return [...steps.values()].map(({ hours, ...f }) => ({ ...f, n: [...hours.values()].reduce((a, b) => a + b, 0), median_days: medianDays(hours) }));
}

export async function routeSection(q: Queryable, ctx: MonitorContext): Promise<MonitorSection> {
  const rows = await stepFigures(q, ctx);
  const find = (step: string, p: number) => rows.find((r) => r.step === step && Number(r.p) === p);
  const table = measureTable(ctx, {
    id: "route-steps",
    title: "Doorlooptijd per stap van de meldroute",
    rowHeading: "Stap",
    rows: Object.entries(routeStepLabels).map(([key, label]) => ({ key, label, data: key })),
    measures: [
      { key: "steps", label: "Stappen gezet", kind: "count", compare: true, cell: (step, p) => countCell(find(step, p)?.n ?? 0) },
      { key: "median-days", label: "Doorlooptijd (mediaan, dagen)", kind: "days", cell: (step, p) => daysCell(find(step, p)?.median_days ?? null, find(step, p)?.n ?? 0) },
      {
        key: "within-deadline", label: "Binnen de termijn (%)", kind: "percentage", compare: true,
        cell: (step, p) => percentCell(find(step, p)?.on_time ?? 0, find(step, p)?.with_deadline ?? 0),
      },
    ],
    additiveRows: false,
    note: "De signalen die in de periode binnenkwamen, met de stappen die zij (tot nu) zetten. Een overgeslagen stap telt bij de stap waar het signaal vandaan kwam. " +
      "Termijnen in werkdagen (maandag tot en met vrijdag; feestdagen niet meegeteld) volgens de termijnen van de gemeente voor de urgentie van het signaal.",
  });
  const withDeadline = rows.filter((r) => Number(r.p) === 0).reduce((a, r) => ({ n: a.n + r.with_deadline, ok: a.ok + r.on_time }), { n: 0, ok: 0 });
  const steps = rows.filter((r) => Number(r.p) === 0).reduce((n, r) => n + r.n, 0);
  const sentences = [`De signalen van deze periode zetten samen ${counted(steps, "stap", "stappen")} in de meldroute.`];
  if (withDeadline.n > 0) sentences.push(`Van de ${dutchNumber(withDeadline.n)} stappen met een termijn werd ${percentCell(withDeadline.ok, withDeadline.n).display} binnen de termijn gezet.`);
  return {
    id: "route",
    title: "Doorlooptijden in de meldroute",
    summary: sentences.join(" "),
    tables: [table],
    charts: [{ id: "route-steps-chart", title: "Binnen de termijn per stap (%)", tableId: table.id, kind: "bar", categories: "rows", series: ["within-deadline"] }],
  };
}

export async function reporterInformedSection(q: Queryable, ctx: MonitorContext): Promise<MonitorSection> {
  // Counted in the signals' single pass (section-signals.ts): employees' signals received in the period and closed.
  const counts = await signalCounts(q, ctx);
  const of = (p: number) => ({ closed: counts.get("informed", "closed", p), informed: counts.get("informed", "informed", p) });
  const table = measureTable(ctx, {
    id: "reporter-informed",
    title: "Melders die hoorden wat er met hun signaal gebeurde",
    rowHeading: "Periode",
    rows: ctx.periods.map((period, p) => ({ key: period.key, label: period.label, data: p })),
    measures: [
      { key: "closed", label: "Afgesloten signalen van medewerkers", kind: "count", cell: (p) => countCell(of(p).closed) },
      { key: "informed", label: "Melder geïnformeerd", kind: "count", cell: (p) => countCell(of(p).informed) },
      { key: "share", label: "Melder geïnformeerd (%)", kind: "percentage", cell: (p) => percentCell(of(p).informed, of(p).closed) },
    ],
    additiveRows: false,
    note: "Signalen van medewerkers die in de periode binnenkwamen en (tot nu) zijn afgesloten; samengevoegde niet. Geïnformeerd: er is een terugkoppeling aan de melder vastgelegd " +
      "(zonder die terugkoppeling kan de stap 'melder geïnformeerd' niet worden gezet).",
  });
  const now = of(0);
  const sentences = [`Van de signalen van medewerkers uit deze periode ${now.closed === 1 ? "is" : "zijn"} er ${dutchNumber(now.closed)} afgesloten.`];
  if (now.closed > 0) sentences.push(`Bij ${percentCell(now.informed, now.closed).display} daarvan hoorde de melder wat er met het signaal gebeurde.`);
  return {
    id: "reporter-informed",
    title: "Terugkoppeling aan melders",
    summary: sentences.join(" "),
    tables: [table],
    charts: [{ id: "reporter-informed-chart", title: "Melder geïnformeerd (%)", tableId: table.id, kind: "bar", categories: "rows", series: ["share"] }],
  };
}
