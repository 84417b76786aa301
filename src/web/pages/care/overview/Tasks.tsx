import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../../components/links.tsx";
import { OverdueMarker } from "../../signals/detail/OverdueMarker.tsx";
import { formatDay, taskSentence } from "../format.ts";
import type { CareTask } from "../types.ts";

/** "Deze week": every deadline of the coordinator's files that has passed or is near, each linking to its file. */
export function Tasks({ tasks }: { tasks: CareTask[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="tasks-heading" className="kz-section">
      <Heading level={2} id="tasks-heading">{t("careOverview.tasks.heading")}</Heading>
      <Paragraph>{t("careOverview.tasks.intro")}</Paragraph>
      {tasks.length === 0 ? (
        <Paragraph className="kz-care-empty">{t("careOverview.tasks.empty")}</Paragraph>
      ) : (
        <div className="kz-table-scroll kz-queue">
          <Table className="kz-table kz-table--audit kz-queue__table">
            <TableCaption>{t("careOverview.tasks.caption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("careOverview.tasks.file")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("careOverview.tasks.task")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("careOverview.tasks.date")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tasks.map((task, index) => (
                <TableRow key={`${task.fileId}-${task.kind}-${task.detail ?? ""}-${index}`}>
                  <TableHeaderCell scope="row" className="kz-nowrap">
                    <AppLink to={`/zorg/dossiers/${encodeURIComponent(task.fileId)}`}>{task.reference}</AppLink>
                  </TableHeaderCell>
                  <TableCell data-label={t("careOverview.tasks.task")}>
                    <span>
                      <strong>{t(`careOverview.codes.taskKind.${task.kind}`)}</strong>
                      <br />
                      {taskSentence(t, task)}
                    </span>
                  </TableCell>
                  <TableCell data-label={t("careOverview.tasks.date")}>
                    <span>
                      {task.date ? <span className="kz-nowrap">{formatDay(task.date)}</span> : <strong>{t("careOverview.tasks.asap")}</strong>}
                      {task.date && task.overdue ? (
                        <>
                          {" "}
                          <OverdueMarker />
                        </>
                      ) : null}
                    </span>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
