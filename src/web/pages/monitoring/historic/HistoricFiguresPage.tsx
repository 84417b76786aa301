import { Heading, Link, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { useLoad } from "../../../api/useLoad.ts";
import { AppLink } from "../../../components/links.tsx";
import { PageHeading } from "../../../components/PageHeading.tsx";
import { LoadError, Loading } from "../../../components/Status.tsx";
import { formatList } from "../../../i18n/format.ts";
import { FileTable } from "../../care/file/FileTable.tsx";
import { useStatusMessage } from "../../care/StatusMessage.tsx";
import "../../care/file/care-file.css";
import { HistoricFiguresTable } from "./HistoricFiguresTable.tsx";
import { HistoricImportForm } from "./HistoricImportForm.tsx";
import "./historic.css";
import { EXAMPLE_FILE, type HistoricList } from "./types.ts";

const EXAMPLE = `niveau;gebied;jaar;meldingen;zorgtrajecten;bron
regio;Achterhoek/Arnhem;2019;57;42;"Zevenaar, Uitvoeringsplan 2024, tabel 1"
gemeente;Zevenaar;2019;1;;"Zevenaar, Uitvoeringsplan 2024, tabel 1"`;
const formatColumns = [
  ["niveau", "yes"], ["gebied", "yes"], ["jaar", "yes"], ["meldingen", "oneOf"], ["zorgtrajecten", "oneOf"], ["bron", "no"],
] as const;

/**
 * /monitor/historische-cijfers: the counts of years before Ketenzicht. Who may import for an area reads how
 * the file looks, checks a file and imports it (all or nothing); everyone who sees the monitor sees the
 * imported figures per area with their source and who imported them when, and who may import deletes them.
 */
export function HistoricFiguresPage() {
  const { t } = useTranslation();
  const status = useStatusMessage();
  // reload() keeps the figures (and the form) on screen until the new list is in.
  const loaded = useLoad(() => api.get<HistoricList>("/monitoring/historic-figures"), "historic-figures");
  const data = loaded.data;
  const importAreas = data?.importAreas ?? [];
  const changed = (message: string, type: "ok" | "error" = "ok") => {
    loaded.reload();
    status.show(message, type);
  };

  return (
    <>
      <PageHeading>{t("monitorHistoric.title")}</PageHeading>
      <Paragraph className="kz-prose">{t("monitorHistoric.intro")}</Paragraph>
      <Paragraph>
        <AppLink to="/monitor">{t("monitorHistoric.back")}</AppLink>
      </Paragraph>
      {status.element}
      {loaded.loading && !data ? <Loading /> : null}
      {loaded.error ? <LoadError message={loaded.error} /> : null}
      {data && importAreas.length > 0 ? (
        <section aria-labelledby="historic-import-heading" className="kz-section">
          <Heading level={2} id="historic-import-heading">{t("monitorHistoric.import.heading")}</Heading>
          <Paragraph className="kz-prose">{t("monitorHistoric.format.intro")}</Paragraph>
          <Paragraph className="kz-prose">{t("monitorHistoric.format.areas", { areas: formatList(importAreas.map((a) => a.name)) })}</Paragraph>
          <FileTable
            caption={t("monitorHistoric.format.caption")}
            items={formatColumns}
            itemKey={([column]) => column}
            columns={[
              { key: "column", header: t("monitorHistoric.format.column"), cell: ([column]) => <code>{column}</code> },
              { key: "required", header: t("monitorHistoric.format.required"), cell: ([, required]) => t(`monitorHistoric.format.${required}`) },
              { key: "content", header: t("monitorHistoric.format.content"), cell: ([column]) => t(`monitorHistoric.format.${column}`) },
            ]}
          />
          <Paragraph className="kz-prose">{t("monitorHistoric.format.rules")}</Paragraph>
          <pre className="kz-historic-example" tabIndex={0} aria-label={t("monitorHistoric.format.exampleLabel")}>
            <code>{EXAMPLE}</code>
          </pre>
          <Paragraph>
            <Link href={EXAMPLE_FILE} download="voorbeeld-historische-cijfers.csv">{t("monitorHistoric.format.download")}</Link>
          </Paragraph>
          <Paragraph>{t("monitorHistoric.format.excel")}</Paragraph>
          <HistoricImportForm onImported={(message) => changed(message)} />
        </section>
      ) : null}
      {data ? (
        <section aria-labelledby="historic-list-heading" className="kz-section">
          <Heading level={2} id="historic-list-heading">{t("monitorHistoric.list.heading")}</Heading>
          <HistoricFiguresTable items={data.items} onChanged={changed} />
        </section>
      ) : null}
    </>
  );
}
