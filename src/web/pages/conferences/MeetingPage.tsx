import { Alert, Heading, Paragraph, TableOfContentsLink, TableOfContentsList, TableOfContentsListItem } from "@utrecht/component-library-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import type { CareNetwork } from "../care/types.ts";
import "../care/file/care-file.css";
import { Agenda } from "./meeting/Agenda.tsx";
import { MeetingContext, type MeetingDone, type MeetingMessage, type SectionId } from "./meeting/context.ts";
import "./meeting/meeting.css";
import { Minutes, showsMinutes } from "./meeting/Minutes.tsx";
import { Overview } from "./meeting/Overview.tsx";
import { Participants } from "./meeting/Participants.tsx";
import type { PlannedState } from "./meeting/PlanMeetingForm.tsx";
import type { Meeting } from "./types.ts";

/**
 * One meeting at /overleg/:id, as the user may see it: the organiser plans, invites, runs and records it; a
 * delegate reads the agenda items while the meeting runs; the region's focal officers and coordinators see
 * the headings. After an action the page shows the meeting the server returned and moves the focus to the
 * message in the part where the action was taken.
 */
export function MeetingPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const location = useLocation();
  const loaded = useLoad(() => api.get<Meeting>(`/meetings/${encodeURIComponent(id)}`), id);
  const [updated, setUpdated] = useState<Meeting | null>(null);
  const [message, setMessage] = useState<(MeetingMessage & { meetingId: string }) | null>(null);
  const { reload } = loaded;

  const meeting = updated && updated.id === id && !loaded.loading ? updated : loaded.data;
  // The organiser picks organisations of the region to invite and to give actions to.
  const organiser = meeting?.abilities.update === true || meeting?.abilities.run === true;
  const regionId = meeting?.regionId ?? "";
  const network = useLoad(() => api.get<CareNetwork>("/care-network", { regionId }), regionId, Boolean(regionId) && organiser);

  const title = meeting ? t("conferences.meeting.title", { reference: meeting.reference }) : t("conferences.meeting.titleFallback");
  const context = useMemo(() => {
    if (!meeting) return null;
    const done: MeetingDone = (next, text, section) => {
      if (next) setUpdated(next);
      else {
        setUpdated(null);
        reload();
      }
      setMessage((current) => ({ text, section, n: (current?.n ?? 0) + 1, meetingId: meeting.id }));
    };
    return { meeting, network: network.data, done, message: message?.meetingId === meeting.id ? message : null };
  }, [meeting, network.data, message, reload]);

  // The message after planning is shown once: the router's state is cleared, so a reload does not repeat it.
  const [planned] = useState(() => (location.state as PlannedState | null)?.planned);
  const navigate = useNavigate();
  useEffect(() => {
    if ((location.state as PlannedState | null)?.planned) navigate(location.pathname, { replace: true, state: null });
  }, [location, navigate]);

  return (
    <>
      <PageHeading title={title}>{meeting ? <Title title={title} reference={meeting.reference} /> : title}</PageHeading>
      <Paragraph>
        <AppLink to="/overleg">{t("conferences.meeting.back")}</AppLink>
      </Paragraph>
      {planned && meeting && planned === meeting.reference ? <PlannedMessage reference={planned} /> : null}
      {loaded.error && !meeting ? <LoadError message={loaded.error} /> : null}
      {loaded.loading && !meeting ? <Loading /> : null}
      {context ? (
        <MeetingContext.Provider value={context}>
          <MeetingBody meeting={context.meeting} />
        </MeetingContext.Provider>
      ) : null}
    </>
  );
}

/** After planning: the message, with the focus on it so the chair knows where they are. */
function PlannedMessage({ reference }: { reference: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} role="status" tabIndex={-1} className="kz-error-summary">
      <Alert type="ok" role="none">{t("conferences.plan.planned", { reference })}</Alert>
    </div>
  );
}

/** The meeting's title with its subtitle: "Overleg CO-2026-0001", the reference kept on one line. */
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

function MeetingBody({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const sections: { id: SectionId; heading: string }[] = [
    { id: "overview", heading: t("conferences.meeting.sections.overview") },
    { id: "participants", heading: t("conferences.meeting.sections.participants") },
    { id: "agenda", heading: t("conferences.meeting.sections.agenda") },
  ];
  const minutes = showsMinutes(meeting);
  if (minutes) sections.push({ id: "minutes", heading: t("conferences.meeting.sections.minutes") });
  return (
    <>
      <Paragraph className="kz-meeting-subtitle">{meeting.title}</Paragraph>
      <nav aria-labelledby="toc-heading" className="utrecht-table-of-contents kz-file-toc">
        <Heading level={2} id="toc-heading" className="kz-file-toc__heading">{t("conferences.meeting.toc")}</Heading>
        <TableOfContentsList>
          {sections.map((s) => (
            <TableOfContentsListItem key={s.id}>
              <TableOfContentsLink href={`#${s.id}`}>{s.heading}</TableOfContentsLink>
            </TableOfContentsListItem>
          ))}
        </TableOfContentsList>
      </nav>
      <Overview />
      <Participants />
      <Agenda />
      {minutes ? <Minutes /> : null}
    </>
  );
}
