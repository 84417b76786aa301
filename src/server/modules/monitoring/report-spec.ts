import type { Dashboard, MonitorSection, MonitorTable } from "../../../shared/monitoring.ts";

/**
 * What the monitor's PDF reports hold, section by section: the annual monitor report shows every section of
 * the dashboard; the evaluation report of a pilot year groups them by the points Gooi en Vechtstreek asks for.
 */
export interface ReportSpec {
  title: string;
  subtitle: string;
  /**
   * The sections to show, in order, each with the heading the report gives it. A `sub` entry continues the
   * numbered entry before it (a second section under the same point), with a heading of its own.
   */
  sections: { heading: string; section: MonitorSection | null; intro?: string; sub?: boolean }[];
}

export function annualReportSpec(d: Dashboard, year: number): ReportSpec {
  return {
    title: `Monitor mensenhandel ${year}`,
    subtitle: d.area.name,
    sections: d.sections.map((section) => ({ heading: section.title, section })),
  };
}

/**
 * The evaluation of a pilot year, after Gooi en Vechtstreek's plan: the signals and the route they took,
 * which forms of exploitation, how cooperation with investigators and care partners goes (referrals:
 * acceptance, response times, feedback; case conferences and interventions), which care is missing, the
 * coordinator's workload, then care and shelter and the years before. A point takes whole sections of the
 * dashboard (by id) and may take single tables out of others (the forms of exploitation).
 */
export const evaluationPoints: { heading: string; intro: string; sectionIds: string[]; tableIds?: string[] }[] = [
  { heading: "Signalen", intro: "Hoeveel signalen er binnenkwamen, van wie en waarover.", sectionIds: ["signals"] },
  { heading: "Vormen van uitbuiting", intro: "Welke vormen van uitbuiting de signalen en de zorgtrajecten betreffen.", sectionIds: [], tableIds: ["signals-by-form", "care-by-form"] },
  { heading: "De meldroute", intro: "Hoe lang de stappen van de meldroute duurden, tegen de termijnen, en of de melder hoorde wat er met het signaal gebeurde.", sectionIds: ["route", "reporter-informed"] },
  { heading: "Samenwerking met opsporing en zorgpartners", intro: "Doorverwijzingen naar ketenpartners: hoeveel er werden aanvaard, hoe snel partners reageerden en of zij terugkoppelden; afspraken uit casusoverleggen en interventies.", sectionIds: ["referrals", "conferences", "interventions"] },
  { heading: "Welke zorg ontbreekt", intro: "Behoeften waarvoor nog geen dienst geregeld is, en diensten die niet doorgingen.", sectionIds: ["care-gaps"] },
  { heading: "Werklast van de zorgcoördinator", intro: "Hoeveel dossiers de zorgcoördinatoren droegen.", sectionIds: ["workload"] },
  { heading: "Zorg, opvang en bedenktijd", intro: "Gestarte, lopende en afgesloten zorgtrajecten, de opvang en de bedenktijd.", sectionIds: ["care", "shelter", "reflection"] },
  { heading: "Cijfers per jaar", intro: "De jaren vóór en tijdens de pilot naast elkaar.", sectionIds: ["yearly"] },
];

export function evaluationReportSpec(d: Dashboard): ReportSpec {
  const taken = new Set(evaluationPoints.flatMap((p) => p.tableIds ?? []));
  const used = new Set<string>();
  const sections: ReportSpec["sections"] = [];
  const without = (section: MonitorSection): MonitorSection => ({
    ...section,
    tables: section.tables.filter((t) => !taken.has(t.id)),
    charts: section.charts.filter((c) => !taken.has(c.tableId)),
  });
  for (const point of evaluationPoints) {
    const parts: MonitorSection[] = d.sections.filter((s) => point.sectionIds.includes(s.id)).map(without);
    parts.forEach((s) => used.add(s.id));
    if (point.tableIds) {
      const tables = d.sections.flatMap((s) => s.tables).filter((t) => point.tableIds!.includes(t.id));
      if (tables.length > 0) {
        const charts = d.sections.flatMap((s) => s.charts).filter((c) => point.tableIds!.includes(c.tableId));
        parts.push({ id: point.tableIds.join("+"), title: point.heading, summary: largestRowsText(tables), tables, charts });
      }
    }
    if (parts.length === 0) sections.push({ heading: point.heading, section: null, intro: point.intro });
    parts.forEach((section, i) => {
      sections.push(i === 0 ? { heading: point.heading, section, intro: point.intro } : { heading: section.title, section, sub: true });
    });
  }
  // Sections the points do not name still belong in an evaluation: after the points, under their own title.
  for (const section of d.sections) if (!used.has(section.id)) sections.push({ heading: section.title, section: without(section) });
  return { title: "Evaluatie pilotjaar mensenhandel", subtitle: d.area.name, sections };
}

/** "Signalen naar vorm van uitbuiting: het vaakst arbeidsuitbuiting (12)." from shown values only (never a hidden one). */
function largestRowsText(tables: MonitorTable[]): string {
  return tables.map((t) => {
    let best: { label: string; value: number; display: string } | null = null;
    for (const row of t.rows) {
      const cell = row.cells[0];
      if (row.total || !cell || cell.suppressed || cell.value === null || cell.value <= 0) continue;
      if (!best || cell.value > best.value) best = { label: row.label, value: cell.value, display: cell.display };
    }
    return best ? `${t.title}: het vaakst ${best.label.toLowerCase()} (${best.display}).` : `${t.title}: geen aantallen om te noemen.`;
  }).join(" ");
}
