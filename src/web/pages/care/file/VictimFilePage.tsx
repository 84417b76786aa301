import { Heading, Paragraph, TableOfContentsLink, TableOfContentsList, TableOfContentsListItem } from "@utrecht/component-library-react";
import { Fragment, useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { api } from "../../../api/client.ts";
import { useLoad } from "../../../api/useLoad.ts";
import { AppLink } from "../../../components/links.tsx";
import { PageHeading } from "../../../components/PageHeading.tsx";
import { LoadError, Loading } from "../../../components/Status.tsx";
import type { CareNetwork, VictimFile } from "../types.ts";
import { CarePlanSection } from "./CarePlanSection.tsx";
import { ConferenceSection } from "./ConferenceSection.tsx";
import { ConsentSection } from "./ConsentSection.tsx";
import { FileContext, type FileDone, type FileMessage, type SectionId } from "./context.ts";
import { FileHistory } from "./FileHistory.tsx";
import { hasLifecycleActions, LifecycleActions } from "./LifecycleActions.tsx";
import { OverviewSection } from "./OverviewSection.tsx";
import { ExploitationSection, PersonSection, YouthSection } from "./PersonSection.tsx";
import { RegistrationSection } from "./RegistrationSection.tsx";
import { ResidenceSection } from "./ResidenceSection.tsx";
import { ShelterSection } from "./ShelterSection.tsx";
import { TeamSection } from "./TeamSection.tsx";
import "./care-file.css";

/**
 * One victim file at /zorg/dossiers/:id, as the user may see it: the coordinator gets every part with its
 * forms; a partner on the case team only the parts of their purpose, read-only (a part the server did not
 * send is left out, never shown as empty). After an action the page shows the file the server returned and
 * moves the focus to the message in the section where the action was taken.
 */
export function VictimFilePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const loaded = useLoad(() => api.get<VictimFile>(`/victim-files/${encodeURIComponent(id)}`), id);
  const [updated, setUpdated] = useState<VictimFile | null>(null);
  // The message belongs to the file it was about: another file opened in the same page starts without one.
  const [message, setMessage] = useState<(FileMessage & { fileId: string }) | null>(null);
  const { reload } = loaded;

  // A reload after an action returns the fresh file through `loaded`; drop the older one kept here.
  const file = updated && updated.id === id && !loaded.loading ? updated : loaded.data;
  const a = file?.abilities ?? {};
  const needsNetwork = Boolean(a.update || a.manage_team || a.record_consent || a.transfer);
  const regionId = file?.regionId ?? "";
  const network = useLoad(() => api.get<CareNetwork>("/care-network", { regionId }), regionId, Boolean(regionId) && needsNetwork);

  const title = file ? t("careFile.title", { reference: file.reference }) : t("careFile.titleFallback");
  const context = useMemo(() => {
    if (!file) return null;
    const done: FileDone = (next, text, section) => {
      if (next) setUpdated(next);
      else {
        setUpdated(null);
        reload();
      }
      setMessage((current) => ({ text, section, n: (current?.n ?? 0) + 1, fileId: file.id }));
    };
    return { file, network: network.data, done, message: message?.fileId === file.id ? message : null };
  }, [file, network.data, message, reload]);

  return (
    <>
      <PageHeading title={title}>{file ? <Title title={title} reference={file.reference} /> : title}</PageHeading>
      <Paragraph>
        <AppLink to="/zorg/dossiers">{t("careFile.backToFiles")}</AppLink>
      </Paragraph>
      {loaded.error && !file ? <LoadError message={loaded.error} /> : null}
      {loaded.loading && !file ? <Loading /> : null}
      {context ? (
        <FileContext.Provider value={context}>
          <FileBody file={context.file} />
        </FileContext.Provider>
      ) : null}
    </>
  );
}

/** "Dossier ZT-2026-00001", with the reference kept on one line on a phone. */
function Title({ title, reference }: { title: string; reference: string }) {
  const at = title.indexOf(reference);
  if (at < 0) return <>{title}</>;
  return (
    <>
      {title.slice(0, at)}
      <span className="kz-nowrap">{reference}</span>
      {title.slice(at + reference.length)}
    </>
  );
}

function FileBody({ file }: { file: VictimFile }) {
  const { t } = useTranslation();
  const youth = file.youth;
  const showYouth = youth !== null && (file.minor || Boolean(youth.veiligThuisNotifiedOn || youth.youthCareProvider || youth.guardian));
  // Only the parts the server sent, in the order of the file; the table of contents lists the same.
  const sections: { id: SectionId; heading: string; node: ReactNode }[] = [
    { id: "overview", heading: t("careFile.sections.overview"), node: <OverviewSection /> },
  ];
  const add = (id: SectionId, heading: string, node: ReactNode) => sections.push({ id, heading, node });
  if (file.person) add("person", t("careFile.sections.person"), <PersonSection person={file.person} />);
  if (file.exploitation) add("exploitation", t("careFile.sections.exploitation"), <ExploitationSection exploitation={file.exploitation} />);
  if (youth && showYouth) add("youth", t("careFile.sections.youth"), <YouthSection youth={youth} />);
  if (file.consents) add("consent", t("careFile.sections.consent"), <ConsentSection consents={file.consents} />);
  if (file.team) add("team", t("careFile.sections.team"), <TeamSection team={file.team} />);
  if (file.carePlan) add("care-plan", t("careFile.sections.carePlan"), <CarePlanSection carePlan={file.carePlan} />);
  if (file.shelter) add("shelter", t("careFile.sections.shelter"), <ShelterSection placements={file.shelter.placements} />);
  if (file.residence) add("residence", t("careFile.sections.residence"), <ResidenceSection residence={file.residence} />);
  if (file.registration) add("registration", t("careFile.sections.registration"), <RegistrationSection registration={file.registration} />);
  if (file.abilities.bring_to_conference && file.status !== "closed") add("conference", t("measures.proposal.fileHeading"), <ConferenceSection key={file.id} />);
  if (hasLifecycleActions(file)) add("lifecycle", t("careFile.sections.lifecycle"), <LifecycleActions />);
  if (file.history) add("history", t("careFile.sections.history"), <FileHistory history={file.history} />);

  return (
    <>
      <nav aria-labelledby="toc-heading" className="utrecht-table-of-contents kz-file-toc">
        <Heading level={2} id="toc-heading" className="kz-file-toc__heading">{t("careFile.toc")}</Heading>
        <TableOfContentsList>
          {sections.map((s) => (
            <TableOfContentsListItem key={s.id}>
              <TableOfContentsLink href={`#${s.id}`}>{s.heading}</TableOfContentsLink>
            </TableOfContentsListItem>
          ))}
        </TableOfContentsList>
      </nav>
      {sections.map((s) => (
        <Fragment key={s.id}>{s.node}</Fragment>
      ))}
    </>
  );
}
