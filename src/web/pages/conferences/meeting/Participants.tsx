import { Button, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import type { Participant } from "../types.ts";
import { meetingPath, useMeeting } from "./context.ts";
import { InviteForm } from "./InviteForm.tsx";
import { Disclosure, MeetingSection } from "./parts.tsx";
import { useMeetingAction } from "./useMeetingAction.ts";

const NO_FIELDS: readonly string[] = [];

/**
 * The invited organisations and their delegates. The organiser and the delegates see who takes part; others
 * (the region's focal officers and coordinators) see the organisations only. The organiser invites and
 * removes while the meeting is planned or running.
 */
export function Participants() {
  const { t } = useTranslation();
  const { meeting } = useMeeting();
  const inner = meeting.abilities.admit === true || meeting.isDelegate;
  const manage = meeting.abilities.update === true && (meeting.status === "planned" || meeting.status === "in_progress");
  const { errors, busy, run } = useMeetingAction("participants", NO_FIELDS, {});
  const p = (key: "organisation" | "delegates" | "invitation") => t(`conferences.meeting.participants.${key}`);
  const nameOf = (name: string | null) => name ?? t("conferences.meeting.participants.unnamed");
  // Chair and secretary stay until another is named; the organising organisation always takes part.
  const fixed = new Set([meeting.chair?.userId, meeting.secretary?.userId].filter(Boolean));

  const removeDelegate = (participant: Participant, userId: string, name: string) =>
    run({}, () => api.delete(meetingPath(meeting, "participants", participant.organisationId, "delegates", userId)).then(() => null),
      t("conferences.meeting.participants.removedDelegate", { name }));
  const removeOrganisation = (participant: Participant) =>
    run({}, () => api.delete(meetingPath(meeting, "participants", participant.organisationId)).then(() => null),
      t("conferences.meeting.participants.removedOrganisation", { organisation: participant.organisationName }));

  const participants = [...meeting.participants].sort((a, b) =>
    Number(b.organisationId === meeting.organisationId) - Number(a.organisationId === meeting.organisationId) || a.organisationName.localeCompare(b.organisationName, "nl"));

  return (
    <MeetingSection id="participants" heading={t("conferences.meeting.sections.participants")}>
      <Paragraph>{inner ? t("conferences.meeting.participants.intro") : t("conferences.meeting.participants.introOthers")}</Paragraph>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <div className="kz-table-scroll kz-file-table-wrap">
        <Table className="kz-table kz-file-table kz-participants-table">
          <TableCaption>{t("conferences.meeting.participants.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{p("organisation")}</TableHeaderCell>
              {inner ? <TableHeaderCell scope="col">{p("delegates")}</TableHeaderCell> : null}
              {manage ? <TableHeaderCell scope="col">{p("invitation")}</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {participants.map((participant) => {
              const organiser = participant.organisationId === meeting.organisationId;
              return (
                <TableRow key={participant.organisationId}>
                  <TableHeaderCell scope="row">
                    {participant.organisationName}
                    {organiser ? <span className="kz-file-cell-note">{t("conferences.meeting.participants.organiserMark")}</span> : null}
                  </TableHeaderCell>
                  {inner ? (
                    <TableCell data-label={p("delegates")}>
                      {participant.delegates.length === 0 ? (
                        <span>{t("conferences.meeting.participants.noDelegates")}</span>
                      ) : (
                        <ul className="kz-delegates">
                          {participant.delegates.map((d) => (
                            <li key={d.userId}>
                              <span>{nameOf(d.name)}</span>
                              {manage && !fixed.has(d.userId) ? (
                                <Button
                                  appearance="subtle-button"
                                  aria-label={t("conferences.meeting.participants.removeDelegate", { name: nameOf(d.name) })}
                                  disabled={busy}
                                  onClick={() => removeDelegate(participant, d.userId, nameOf(d.name))}
                                  className="kz-delegates__remove"
                                >
                                  {t("conferences.meeting.participants.actions")}
                                </Button>
                              ) : null}
                            </li>
                          ))}
                        </ul>
                      )}
                    </TableCell>
                  ) : null}
                  {manage ? (
                    <TableCell data-label={p("invitation")}>
                      {organiser ? null : (
                        <Button
                          appearance="subtle-button"
                          aria-label={t("conferences.meeting.participants.removeOrganisationLabel", { organisation: participant.organisationName })}
                          disabled={busy}
                          onClick={() => removeOrganisation(participant)}
                        >
                          {t("conferences.meeting.participants.removeOrganisation")}
                        </Button>
                      )}
                    </TableCell>
                  ) : null}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {manage ? (
        <Disclosure id="invite" label={t("conferences.meeting.participants.invite")}>
          {(close) => <InviteForm onCancel={close} />}
        </Disclosure>
      ) : null}
    </MeetingSection>
  );
}
