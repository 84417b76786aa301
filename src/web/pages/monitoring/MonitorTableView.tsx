import { Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { useEffect, useId, useRef, useState, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import type { MonitorCell, MonitorTable } from "./types.ts";

/**
 * One table of the monitor: its title as the caption, the columns and rows as headers (scope col / row), the
 * numbers right-aligned in tabular figures. Under it, the notes it needs: the server's note, what "<5" and a
 * secondarily suppressed cell mean, and the marker of imported figures.
 */
export function MonitorTableView({ table, threshold }: { table: MonitorTable; threshold: number }) {
  const { t } = useTranslation();
  const notesId = useId();
  const captionId = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const scrolls = useOverflows(scroller);
  const cells = table.rows.flatMap((row) => row.cells);
  // "<5" is a small count; any other hidden cell ("×") is a rate on a small base or would give a small count away.
  const small = `<${threshold}`;
  const primary = cells.some((c) => c.suppressed && c.display === small);
  const secondary = cells.find((c) => c.suppressed && c.display !== small);
  const imported = cells.some((c) => c.imported);
  const hasNotes = Boolean(table.note) || primary || Boolean(secondary) || imported;

  return (
    <div className="kz-monitor-table">
      {/* A table wider than the screen scrolls; keyboard users then reach it with Tab and scroll with the arrows. */}
      <div
        ref={scroller}
        className="kz-table-scroll"
        {...(scrolls ? { tabIndex: 0, role: "region", "aria-labelledby": captionId } : {})}
      >
        <Table className="kz-table kz-monitor-table__table" aria-describedby={hasNotes ? notesId : undefined} lang="nl">
          <TableCaption id={captionId}>{table.title}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{table.rowHeading}</TableHeaderCell>
              {table.columns.map((column) => (
                <TableHeaderCell key={column.key} scope="col" className={`kz-monitor-number${column.total ? " kz-monitor-total" : ""}`}>
                  {column.label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {table.rows.map((row) => (
              <TableRow key={row.key} className={row.total ? "kz-monitor-total" : undefined}>
                <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
                {table.columns.map((column, index) => (
                  <TableCell key={column.key} className={`kz-monitor-number${column.total ? " kz-monitor-total" : ""}`}>
                    <CellText cell={row.cells[index]} />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {hasNotes ? (
        <div id={notesId} className="kz-monitor-notes">
          {table.note ? <Paragraph lang="nl">{table.note}</Paragraph> : null}
          {primary || secondary || imported ? (
            <ul className="kz-monitor-legend" aria-label={t("monitoring.table.legend")}>
              {primary ? <li>{t("monitoring.table.suppressed", { threshold })}</li> : null}
              {secondary ? <li>{t("monitoring.table.secondary", { display: secondary.display, threshold })}</li> : null}
              {imported ? (
                <li>
                  <span className="kz-monitor-imported" aria-hidden="true">{t("monitoring.table.importedMarker")}</span> {t("monitoring.table.imported")}
                </li>
              ) : null}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** The shown value; an imported figure gets a visible marker and, for screen readers, the word. */
function CellText({ cell }: { cell: MonitorCell | undefined }) {
  const { t, i18n } = useTranslation();
  if (!cell) return <>–</>;
  return (
    <>
      {cell.display}
      {cell.imported ? (
        <>
          <span className="kz-monitor-imported" aria-hidden="true">{t("monitoring.table.importedMarker")}</span>
          <span className="kz-visually-hidden" lang={i18n.language}> {t("monitoring.table.importedHidden")}</span>
        </>
      ) : null}
    </>
  );
}

/** Whether the element is narrower than its content (it scrolls sideways), kept up to date as it resizes. */
function useOverflows(ref: RefObject<HTMLElement | null>): boolean {
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [ref]);
  return overflows;
}
