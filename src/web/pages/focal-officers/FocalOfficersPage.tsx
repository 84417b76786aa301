import { Heading, Paragraph } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { Disclosure, Marker } from "../care/file/parts.tsx";
import { FileTable } from "../care/file/FileTable.tsx";
import { useStatusMessage } from "../care/StatusMessage.tsx";
import { OfficerForm } from "./OfficerForm.tsx";
import { useMessageAfterReload } from "./useMessageAfterReload.ts";
import type { FocalOfficer, FocalOfficerOverview, MunicipalityOfficers } from "./types.ts";
import "../care/file/care-file.css";
import "./focal-officers.css";

/**
 * /aandachtsfunctionarissen: every municipality of the user's region(s) with its focal officers, their domain
 * and substitute, and a flag for municipalities with none or only one (Zevenaar 3.2.1, 4.2.4). Below it, for
 * the administrators who keep them, a section per municipality to name, change and end appointments.
 */
export function FocalOfficersPage() {
  const { t } = useTranslation();
  const status = useStatusMessage();
  const overview = useLoad(() => api.get<FocalOfficerOverview>("/focal-officers"), "focal-officers");
  const saved = useMessageAfterReload(overview, status.show);
  const regions = overview.data?.regions ?? [];
  const managed = [...new Map(regions.flatMap((r) => r.municipalities).filter((m) => m.abilities.create).map((m) => [m.municipalityId, m])).values()];

  return (
    <div className="kz-focal-page">
      <PageHeading>{t("focalOfficers.title")}</PageHeading>
      <Paragraph className="kz-prose">{t("focalOfficers.intro")}</Paragraph>
      {status.element}
      {overview.error ? <LoadError message={overview.error} /> : null}
      {overview.loading && !overview.data ? <Loading /> : null}
      {overview.data && regions.length === 0 ? <Paragraph>{t("focalOfficers.noRegions")}</Paragraph> : null}
      {regions.map((region) => {
        const flagged = region.municipalities.filter((m) => m.coverage === "none" || m.coverage === "one").length;
        return (
          <section key={region.regionId} aria-labelledby={`region-${region.regionId}`} className="kz-section">
            <Heading level={2} id={`region-${region.regionId}`}>{region.regionName}</Heading>
            <Paragraph>{flagged > 0 ? <Flag>{t("focalOfficers.flagged", { count: flagged })}</Flag> : t("focalOfficers.noneFlagged")}</Paragraph>
            <FileTable
              caption={t("focalOfficers.caption", { region: region.regionName })}
              items={region.municipalities}
              itemKey={(m) => m.municipalityId}
              columns={[
                { key: "municipality", header: t("focalOfficers.columns.municipality"), cell: (m) => m.municipalityName },
                { key: "officers", header: t("focalOfficers.columns.officers"), cell: (m) => <OfficerList municipality={m} /> },
                { key: "coverage", header: t("focalOfficers.columns.coverage"), cell: (m) => <CoverageText municipality={m} /> },
              ]}
            />
          </section>
        );
      })}
      {managed.map((m) => (
        <ManageMunicipality key={m.municipalityId} municipality={m} onSaved={saved} />
      ))}
    </div>
  );
}

/** A warning in words and bold (never colour alone) that wraps on a phone, unlike the file page's short markers. */
function Flag({ children }: { children: ReactNode }) {
  return <strong className="kz-focal-flag">{children}</strong>;
}

function CoverageText({ municipality }: { municipality: MunicipalityOfficers }) {
  const { t } = useTranslation();
  const text = t(`focalOfficers.coverage.${municipality.coverage}`);
  return municipality.coverage === "none" || municipality.coverage === "one" ? <Flag>{text}</Flag> : <span>{text}</span>;
}

function OfficerList({ municipality }: { municipality: MunicipalityOfficers }) {
  const { t } = useTranslation();
  if (municipality.officers.length === 0) return <span>{t("focalOfficers.none")}</span>;
  return (
    <ul className="kz-focal-list">
      {municipality.officers.map((o) => (
        <li key={o.id}>
          <span className="kz-focal-name">{t("focalOfficers.officerLine", { name: o.name ?? t("focalOfficers.unknownName"), domain: t(`focalOfficers.domain.${o.domain}`) })}</span>
          <span className="kz-focal-sub"><SubstituteText officer={o} /></span>
          {o.current ? null : <Flag>{t("focalOfficers.notCounting")}</Flag>}
        </li>
      ))}
    </ul>
  );
}

function SubstituteText({ officer }: { officer: FocalOfficer }) {
  const { t } = useTranslation();
  const s = officer.substitute;
  if (!s) return <>{t("focalOfficers.noSubstitute")}</>;
  const name = s.name ?? t("focalOfficers.unknownName");
  return <>{s.municipalityId === officer.municipalityId ? t("focalOfficers.substituteLine", { name }) : t("focalOfficers.substituteOther", { name, municipality: s.municipalityName })}</>;
}

function ManageMunicipality({ municipality, onSaved }: { municipality: MunicipalityOfficers; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const id = `manage-${municipality.municipalityId}`;
  return (
    <section aria-labelledby={`${id}-heading`} className="kz-section">
      <Heading level={2} id={`${id}-heading`}>{t("focalOfficers.manageHeading", { municipality: municipality.municipalityName })}</Heading>
      <FileTable
        caption={t("focalOfficers.manageCaption", { municipality: municipality.municipalityName })}
        empty={t("focalOfficers.none")}
        items={municipality.officers}
        itemKey={(o) => o.id}
        columns={[
          { key: "name", header: t("focalOfficers.table.name"), cell: (o) => o.name ?? t("focalOfficers.unknownName") },
          { key: "domain", header: t("focalOfficers.table.domain"), cell: (o) => t(`focalOfficers.domain.${o.domain}`) },
          { key: "substitute", header: t("focalOfficers.table.substitute"), cell: (o) => <SubstituteText officer={o} /> },
          { key: "counts", header: t("focalOfficers.table.counts"), cell: (o) => (o.current ? t("common.yes") : <Marker>{t("common.no")}</Marker>) },
        ]}
        edit={{
          label: t("focalOfficers.edit"),
          rowLabel: (o) => o.name ?? t("focalOfficers.unknownName"),
          panel: `${id}-edit`,
          may: (o) => Boolean(o.abilities.update),
          form: (o, close) => <OfficerForm municipality={municipality} officer={o} onCancel={close} onSaved={(message) => { close(); onSaved(message); }} />,
        }}
      />
      <Disclosure id={`${id}-add`} label={t("focalOfficers.add")}>
        {(close) => <OfficerForm municipality={municipality} onCancel={close} onSaved={(message) => { close(); onSaved(message); }} />}
      </Disclosure>
    </section>
  );
}
