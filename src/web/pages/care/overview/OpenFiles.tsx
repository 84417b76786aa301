import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../../components/links.tsx";
import { formatDateTime } from "../../../i18n/format.ts";
import { AgeGroupText } from "../AgeGroupText.tsx";
import { formsText } from "../format.ts";
import type { CareOverview } from "../types.ts";

/** The open trajectories the coordinator runs, newest first, with how many tasks each has this week. */
export function OpenFiles({ files }: { files: CareOverview["openFiles"] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="open-files-heading" className="kz-section">
      <Heading level={2} id="open-files-heading">{t("careOverview.openFiles.heading")}</Heading>
      {files.length === 0 ? (
        <Paragraph className="kz-care-empty">{t("careOverview.openFiles.empty")}</Paragraph>
      ) : (
        <div className="kz-table-scroll kz-queue">
          <Table className="kz-table kz-table--audit kz-queue__table">
            <TableCaption>{t("careOverview.openFiles.caption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("careOverview.openFiles.reference")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("careOverview.openFiles.status")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("careOverview.openFiles.ageGroup")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("careOverview.openFiles.forms")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("careOverview.openFiles.openedAt")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("careOverview.openFiles.tasks")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {files.map((file) => (
                <TableRow key={file.id}>
                  <TableHeaderCell scope="row" className="kz-nowrap">
                    <AppLink to={`/zorg/dossiers/${encodeURIComponent(file.id)}`}>{file.reference}</AppLink>
                  </TableHeaderCell>
                  <TableCell data-label={t("careOverview.openFiles.status")}>{t(`careOverview.codes.status.${file.status}`)}</TableCell>
                  <TableCell data-label={t("careOverview.openFiles.ageGroup")}>
                    <AgeGroupText ageGroup={file.ageGroup} minor={file.minor} />
                  </TableCell>
                  <TableCell data-label={t("careOverview.openFiles.forms")}>{formsText(t, file.exploitationForms)}</TableCell>
                  <TableCell data-label={t("careOverview.openFiles.openedAt")} className="kz-nowrap">{formatDateTime(file.openedAt)}</TableCell>
                  <TableCell data-label={t("careOverview.openFiles.tasks")}>{file.taskCount > 0 ? <strong>{file.taskCount}</strong> : file.taskCount}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
