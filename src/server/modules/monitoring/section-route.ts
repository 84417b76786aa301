import sql, { join, raw } from "sql-template-tag";
import { dutchNumber, type MonitorSection } from "../../../shared/monitoring.ts";
import { run, type Queryable } from "../../kernel/db.ts";
import { defaultDeadlines } from "../signals/deadlines.ts";
import { inPeriods, notMerged, periodOf, signalInArea, type MonitorContext } from "./context.ts";
import { signalCounts } from "./section-signals.ts";
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

/** Days between two timestamp columns (fixed names from the code only). */
const days = (from: string, to: string) => raw(`(extract(epoch from (${to} - ${from})) / 86400)::float8`);

export async function referralsSection(q: Queryable, ctx: MonitorContext): Promise<MonitorSection> {
  const rows = await run<ReferralRow>(q, sql`
    select case when grouping(x.org) = 0 then 'partner' when grouping(x.channel) = 0 then 'channel' else 'total' end as dim,
           coalesce(x.org, x.channel) as key, max(x.org_name) as label, x.p,
           count(*)::int as sent,
           count(*) filter (where x.status in ('accepted', 'answered'))::int as accepted,
           count(*) filter (where x.status = 'declined')::int as declined,
           count(*) filter (where x.status = 'answered')::int as answered,
           count(x.responded_at)::int as responded,
           percentile_cont(0.5) within group (order by ${days("x.created_at", "x.responded_at")}) as respond_days,
           count(x.feedback_at)::int as fed_back,
           percentile_cont(0.5) within group (order by ${days("x.created_at", "x.feedback_at")}) as feedback_days
      from (select r.organisation_id::text as org, o.name as org_name, r.channel, ${periodOf(ctx, "s.received_at")} as p,
                   r.status, r.created_at, r.responded_at, r.feedback_at
              from signals s
              join referrals r on r.signal_id = s.id
              join organisations o on o.id = r.organisation_id
             where ${signalInArea(ctx, "s.municipality_id")} and ${inPeriods(ctx, "s.received_at")} and ${notMerged("s")}
               and r.status <> 'withdrawn') x
     group by grouping sets ((x.org, x.p), (x.channel, x.p), (x.p))`);
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

/** Working days (Monday–Friday) before a date since Monday 1 January 1990: differences count working days. */
const weekdaysBefore = (date: string) =>
  `(5 * ((${date} - date '1990-01-01') / 7) + least((${date} - date '1990-01-01') % 7, 5))`;

export async function routeSection(q: Queryable, ctx: MonitorContext): Promise<MonitorSection> {
  const defaults = join(Object.values(defaultDeadlines).map((d) => sql`(${d.urgency}, ${d.assessDays}::int, ${d.feedbackDays}::int, ${d.informDays}::int)`), ", ");
  const rows = await run<StepRow>(q, sql`
    with e as (
      -- Per signal through its own index (signal_id, seq): the moment it entered each status is the previous event's.
      select s.p, s.municipality_id, s.urgency, h.kind, h.from_status, h.occurred_at, h.entered_at
        from (select s.id, s.municipality_id, s.urgency, ${periodOf(ctx, "s.received_at")} as p
                from signals s
               where ${signalInArea(ctx, "s.municipality_id")} and ${inPeriods(ctx, "s.received_at")} and ${notMerged("s")}) s
        cross join lateral (
          select e.kind, e.from_status, e.occurred_at, lag(e.occurred_at) over (order by e.seq) as entered_at
            from signal_events e where e.signal_id = s.id and e.to_status is not null
        ) h
    ), t as (
      select e.p, e.from_status as step,
             (extract(epoch from (e.occurred_at - e.entered_at)) / 86400)::float8 as days,
             (e.entered_at at time zone 'Europe/Amsterdam')::date as ed,
             (e.occurred_at at time zone 'Europe/Amsterdam')::date as xd,
             case when e.from_status in ('received', 'recorded', 'enriched') then coalesce(rd.assess_days, dd.assess_days)
                  when e.from_status in ('assessed', 'referred') then coalesce(rd.feedback_days, dd.feedback_days)
                  when e.from_status = 'feedback_collected' then coalesce(rd.inform_days, dd.inform_days) end as limit_days
        from e
        join (values ${defaults}) as dd(urgency, assess_days, feedback_days, inform_days) on dd.urgency = e.urgency
        left join route_deadlines rd on rd.municipality_id = e.municipality_id and rd.urgency = e.urgency
       where e.kind = 'transition' and e.entered_at is not null
    ), w as (
      select t.*, ${raw(`${weekdaysBefore("(t.xd + 1)")} - ${weekdaysBefore("(t.ed + 1)")}`)} as c,
             extract(isodow from t.ed) <= 5 as entered_workday, extract(isodow from t.xd) <= 5 as left_workday
        from t
    )
    select w.step, w.p, count(*)::int as n,
           percentile_cont(0.5) within group (order by w.days) as median_days,
           count(w.limit_days)::int as with_deadline,
           count(*) filter (where case when w.limit_days = 0 then (case when w.entered_workday then w.xd = w.ed else w.c = 0 or (w.c = 1 and w.left_workday) end)
                                       else w.c < w.limit_days or (w.c = w.limit_days and w.left_workday) end)::int as on_time
      from w group by w.step, w.p`);
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
