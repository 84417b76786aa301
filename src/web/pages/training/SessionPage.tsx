import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { api, problemMessage } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { FileTable } from "../care/file/FileTable.tsx";
import { formatDay } from "../care/file/labels.ts";
import { Disclosure } from "../care/file/parts.tsx";
import { useStatusMessage } from "../care/StatusMessage.tsx";
import "../care/file/care-file.css";
import { ImportForm } from "./ImportForm.tsx";
import { useTrainingLabels } from "./labels.ts";
import { CompletionForm, ParticipantForm } from "./ParticipantForms.tsx";
import "./training.css";
import type { TrainingSession, TrainingTeam } from "./types.ts";

/**
 * /deskundigheid/sessies/:id: a session's participant list (staff data; every view is audited). Who manages
 * adds a participant, corrects a result, removes someone, or imports a whole list from CSV or Excel.
 */
export function SessionPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const labels = useTrainingLabels();
  const [generation, setGeneration] = useState(0);
  const status = useStatusMessage();
  const loaded = useLoad(() => api.get<TrainingSession>(`/training-sessions/${encodeURIComponent(id)}`), `${id}-${generation}`);
  const session = loaded.data;
  const manage = session?.abilities.manage === true;
  const municipalityId = session?.municipalityId ?? "";
  const teams = useLoad(() => api.get<{ items: TrainingTeam[] }>("/training-teams", { municipalityId }), `teams-${municipalityId}`, manage);
  const [busy, setBusy] = useState<string | null>(null);
  // Removing someone is done from their row's form, beside correcting the result.
  const done = (message: string) => {
    setGeneration((n) => n + 1);
    status.show(message);
  };
  const remove = async (participantId: string, name: string) => {
    setBusy(participantId);
    try {
      await api.delete(`/training-participants/${participantId}`);
      done(t("training.session.removed", { name }));
    } catch (error) {
      status.show(problemMessage(error), "error");
    } finally {
      setBusy(null);
    }
  };
  const date = session ? (session.endsOn && session.endsOn !== session.startsOn
    ? t("training.offer.dates", { from: formatDay(session.startsOn), to: formatDay(session.endsOn) }) : formatDay(session.startsOn)) : "";
  const title = session ? `${session.offer.title}: ${t("training.session.title", { date })}` : t("training.offer.titleFallback");

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {session ? (
        <>
          <Paragraph>
            <AppLink to={`/deskundigheid/aanbod/${session.offer.id}`}>{t("training.session.back", { title: session.offer.title })}</AppLink>
          </Paragraph>
          <Paragraph>
            {labels.kind(session.offer.kind)}
            {session.offer.provider ? ` · ${session.offer.provider}` : ""}
            {session.place ? ` · ${session.place}` : ""}
          </Paragraph>
        </>
      ) : null}
      {status.element}
      {loaded.error ? <LoadError message={loaded.error} /> : null}
      {loaded.loading && !session ? <Loading /> : null}
      {session ? (
        <>
          <section aria-labelledby="participants-heading" className="kz-section">
            <Heading level={2} id="participants-heading">{t("training.session.participantsHeading")}</Heading>
            {manage && teams.data ? (
              <Disclosure id="participant-add" label={t("training.session.add")}>
                {(close) => <ParticipantForm session={session} teams={teams.data?.items ?? []} onCancel={close} onSaved={(message) => { close(); done(message); }} />}
              </Disclosure>
            ) : null}
            <FileTable
              caption={t("training.session.caption")}
              empty={t("training.session.noParticipants")}
              items={session.participants}
              itemKey={(p) => p.id}
              columns={[
                { key: "name", header: t("training.session.name"), cell: (p) => p.name },
                { key: "team", header: t("training.session.team"), cell: (p) => p.team },
                { key: "email", header: t("training.session.email"), cell: (p) => (p.email ? <span className="kz-training-text">{p.email}</span> : "—") },
                { key: "result", header: t("training.session.result"), cell: (p) => labels.completion(p.completion) },
                { key: "completedOn", header: t("training.session.completedOn"), cell: (p) => (p.completedOn ? formatDay(p.completedOn) : "—") },
              ]}
              edit={manage ? {
                label: t("training.session.change"),
                rowLabel: (p) => p.name,
                panel: "participant-edit",
                form: (p, close) => (
                  <CompletionForm participant={p} onCancel={close} onSaved={(message) => { close(); done(message); }} removing={busy === p.id}
                    onRemove={() => void remove(p.id, p.name)} />
                ),
              } : undefined}
            />
          </section>
          {manage ? <ImportForm sessionId={session.id} onImported={done} /> : null}
        </>
      ) : null}
    </>
  );
}
