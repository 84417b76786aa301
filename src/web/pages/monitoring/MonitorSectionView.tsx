import { Heading, Paragraph } from "@utrecht/component-library-react";
import { ChartFigure } from "./ChartFigure.tsx";
import { TableExports, type ExportBase } from "./Exports.tsx";
import { MonitorTableView } from "./MonitorTableView.tsx";
import type { MonitorSection } from "./types.ts";

export const sectionAnchor = (id: string) => `monitor-${id}`;

/**
 * A section of the dashboard: its heading and generated text (Dutch, from the server), then per table the
 * charts drawn from it, the table itself right under them and its downloads.
 */
export function MonitorSectionView({ section, threshold, base }: { section: MonitorSection; threshold: number; base: ExportBase }) {
  const anchor = sectionAnchor(section.id);
  return (
    <section id={anchor} aria-labelledby={`${anchor}-heading`} className="kz-section kz-monitor-section">
      <Heading level={2} id={`${anchor}-heading`} lang="nl">
        {section.title}
      </Heading>
      {section.summary ? (
        <Paragraph className="kz-prose" lang="nl">
          {section.summary}
        </Paragraph>
      ) : null}
      {section.tables.map((table) => (
        <div key={table.id} className="kz-monitor-block">
          {section.charts
            .filter((chart) => chart.tableId === table.id)
            .map((chart) => (
              <ChartFigure key={chart.id} chart={chart} table={table} />
            ))}
          <MonitorTableView table={table} threshold={threshold} />
          <TableExports table={table} base={base} />
        </div>
      ))}
    </section>
  );
}
