import { Heading, Paragraph } from "@utrecht/component-library-react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../../components/links.tsx";
import { FileTable, type Column } from "../../care/file/FileTable.tsx";
import { formatDay } from "../../care/file/labels.ts";
import { useMeasureLabels } from "../../measures/labels.ts";
import type { ConferenceAction } from "../types.ts";
import { ActionForm } from "./ActionForm.tsx";

export type Grouping = "meeting" | "owner";

interface Group {
  key: string;
  heading: string;
  caption: string;
  meeting: { id: string; reference: string } | null;
  actions: ConferenceAction[];
}

/** Groups in the order the server sends the actions (by deadline): the group with the earliest deadline first. */
function groupsOf(actions: readonly ConferenceAction[], grouping: Grouping, t: TFunction): Group[] {
  const groups = new Map<string, Group>();
  for (const action of actions) {
    const key = grouping === "meeting" ? action.meetingId : action.ownerOrganisationId;
    let group = groups.get(key);
    if (!group) {
      group =
        grouping === "meeting"
          ? {
              key, heading: t("measures.actions.meetingHeading", { reference: action.meetingReference }), caption: t("measures.actions.caption", { reference: action.meetingReference }),
              meeting: { id: action.meetingId, reference: action.meetingReference }, actions: [],
            }
          : {
              key, heading: t("measures.actions.ownerHeading", { organisation: action.ownerOrganisationName }),
              caption: t("measures.actions.captionOwner", { organisation: action.ownerOrganisationName }), meeting: null, actions: [],
            };
      groups.set(key, group);
    }
    group.actions.push(action);
  }
  return [...groups.values()];
}

/**
 * The actions per meeting (with a link to it) or per organisation that carries them out, each group a
 * captioned table. The deadline says "over de termijn" in words; the status is a word, the result its text.
 */
export function ActionGroups(props: { actions: readonly ConferenceAction[]; grouping: Grouping; onSaved: (action: ConferenceAction, message: string) => void }) {
  const { t } = useTranslation();
  const labels = useMeasureLabels();
  const { grouping, onSaved } = props;
  const meetingLink = (a: ConferenceAction) => <AppLink to={`/overleg/${encodeURIComponent(a.meetingId)}`}>{a.meetingReference}</AppLink>;

  const description: Column<ConferenceAction> = { key: "description", header: t("measures.actions.description"), cell: (a) => <span className="kz-actions-result">{a.description}</span> };
  const middle: Column<ConferenceAction>[] = grouping === "meeting"
    ? [
        { key: "subject", header: t("measures.actions.subject"), cell: (a) => a.subjectReference },
        { key: "owner", header: t("measures.actions.owner"), cell: (a) => (a.ownerName ? `${a.ownerOrganisationName} (${a.ownerName})` : a.ownerOrganisationName) },
      ]
    : [
        { key: "meeting", header: t("measures.actions.meeting"), cell: meetingLink },
        { key: "subject", header: t("measures.actions.subject"), cell: (a) => a.subjectReference },
        { key: "owner", header: t("measures.actions.owner"), cell: (a) => a.ownerName ?? "—" },
      ];
  const rest: Column<ConferenceAction>[] = [
    {
      key: "deadline",
      header: t("measures.actions.deadline"),
      cell: (a) => (
        <span>
          <span className="kz-nowrap">{formatDay(a.deadline)}</span>
          {a.overdue ? <> <strong className="kz-actions-marker">{t("measures.actions.overdueMarker")}</strong></> : null}
        </span>
      ),
    },
    {
      key: "status",
      header: t("measures.actions.statusColumn"),
      cell: (a) => (
        <span>
          {a.status === "open" ? labels.actionStatus(a.status) : <strong>{labels.actionStatus(a.status)}</strong>}
          {a.doneAt ? <span className="kz-file-cell-note">{t("measures.actions.doneAt", { date: formatDay(a.doneAt) })}</span> : null}
        </span>
      ),
    },
    {
      key: "result",
      header: t("measures.actions.result"),
      cell: (a) => (a.result ? <span className="kz-actions-result">{a.result}</span> : <span className="kz-actions-muted">{t("measures.actions.noResult")}</span>),
    },
  ];

  return (
    <>
      {groupsOf(props.actions, grouping, t).map((group) => (
        <section key={group.key} aria-labelledby={`actions-${group.key}-heading`} className="kz-actions-group">
          <Heading level={2} id={`actions-${group.key}-heading`}>{group.heading}</Heading>
          {group.meeting ? (
            <Paragraph>
              <AppLink to={`/overleg/${encodeURIComponent(group.meeting.id)}`}>{t("measures.actions.meetingLink", { reference: group.meeting.reference })}</AppLink>
            </Paragraph>
          ) : null}
          <FileTable
            caption={group.caption}
            items={group.actions}
            itemKey={(a) => a.id}
            columns={[description, ...middle, ...rest]}
            edit={{
              label: t("measures.actions.update"),
              rowLabel: (a) => a.description,
              panel: `action-edit-${group.key}`,
              may: (a) => Boolean(a.abilities.update),
              form: (a, close) => (
                <ActionForm
                  action={a}
                  onCancel={close}
                  onSaved={(saved, message) => {
                    close();
                    onSaved(saved, message);
                  }}
                />
              ),
            }}
          />
        </section>
      ))}
    </>
  );
}
