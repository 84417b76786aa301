import { Heading, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { useLoad } from "../../../api/useLoad.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import type { conferencesNl } from "../../../i18n/nl/conferences.ts";
import { SelectField, TextareaField, TextField } from "../../../components/fields.tsx";
import { formatDay } from "../../care/file/labels.ts";
import type { AgendaItem, ConferenceAction, Meeting } from "../types.ts";
import { fetchDelegateCandidates } from "./candidates.ts";
import { itemPath, itemSection, useMeeting } from "./context.ts";
import { useConferenceLabels } from "./labels.ts";
import { recordsNow } from "./NotesPart.tsx";
import { Disclosure, Empty, Marker, SubmitRow } from "./parts.tsx";
import { dutchToday } from "./time.ts";
import { useChecks, useMeetingAction } from "./useMeetingAction.ts";

/** The action items of an agenda item: who does what by when, and how far it is. */
export function ActionsPart({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const { meeting } = useMeeting();
  const actions = item.actions ?? [];
  return (
    <div role="group" aria-labelledby={`actions-${item.id}-heading`} className="kz-item-part">
      <Heading level={5} id={`actions-${item.id}-heading`}>{t("conferences.meeting.actions.heading")}</Heading>
      {actions.length === 0 ? <Empty>{t("conferences.meeting.actions.none")}</Empty> : <ActionTable item={item} actions={actions} />}
      {recordsNow(meeting, item) ? (
        <Disclosure id={`action-${item.id}`} label={t("conferences.meeting.actions.add")}>
          {(close) => <ActionForm item={item} onCancel={close} />}
        </Disclosure>
      ) : null}
    </div>
  );
}

function ActionTable({ item, actions }: { item: AgendaItem; actions: ConferenceAction[] }) {
  const { t } = useTranslation();
  const labels = useConferenceLabels();
  const a = (key: "description" | "owner" | "deadline" | "status" | "result") => t(`conferences.meeting.actions.${key}`);
  return (
    <div className="kz-table-scroll kz-file-table-wrap">
      <Table className="kz-table kz-file-table kz-actions-table">
        <TableCaption className="kz-visually-hidden">{t("conferences.meeting.actions.caption", { reference: item.subjectReference })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{a("description")}</TableHeaderCell>
            <TableHeaderCell scope="col">{a("owner")}</TableHeaderCell>
            <TableHeaderCell scope="col">{a("deadline")}</TableHeaderCell>
            <TableHeaderCell scope="col">{a("status")}</TableHeaderCell>
            <TableHeaderCell scope="col">{a("result")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {actions.map((action) => (
            <TableRow key={action.id}>
              <TableHeaderCell scope="row" className="kz-pre-line">{action.description}</TableHeaderCell>
              <TableCell data-label={a("owner")}>
                {action.ownerName
                  ? t("conferences.meeting.actions.ownerWithName", { organisation: action.ownerOrganisationName, name: action.ownerName })
                  : action.ownerOrganisationName}
              </TableCell>
              <TableCell data-label={a("deadline")}>
                {formatDay(action.deadline)}
                {action.overdue ? <> <Marker>{t("conferences.meeting.actions.overdue")}</Marker></> : null}
              </TableCell>
              <TableCell data-label={a("status")}>{labels.actionStatus(action.status)}</TableCell>
              <TableCell data-label={a("result")} className="kz-pre-line">{action.result ?? "–"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

type ActionKey = Exclude<keyof (typeof conferencesNl)["meeting"]["actions"], "errors">;

function ActionForm({ item, onCancel }: { item: AgendaItem; onCancel: () => void }) {
  const { t } = useTranslation();
  const { meeting } = useMeeting();
  const checks = useChecks();
  const a = (key: ActionKey) => t(`conferences.meeting.actions.${key}`);
  const [description, setDescription] = useState("");
  const [organisation, setOrganisation] = useState("");
  const [owner, setOwner] = useState("");
  const [deadline, setDeadline] = useState("");
  const id = (s: string) => `action-${item.id}-${s}`;
  const names = useMemo(() => ["description", "organisation", "owner", "deadline"].map((s) => `action-${item.id}-${s}`), [item.id]);
  const l: Record<string, string> = { [id("description")]: a("what"), [id("organisation")]: a("ownerOrganisation"), [id("owner")]: a("ownerUser"), [id("deadline")]: a("deadlineLabel") };
  const { errors, busy, run } = useMeetingAction(itemSection(item.id), names, l, {
    description: id("description"), ownerOrganisationId: id("organisation"), ownerUserId: id("owner"), deadline: id("deadline"),
  });
  const people = useLoad(() => fetchDelegateCandidates(meeting, organisation), `${meeting.id}:${organisation}`, Boolean(organisation));
  const organisations = [...meeting.participants].sort((x, y) => x.organisationName.localeCompare(y.organisationName, "nl"));
  const organisationName = organisations.find((o) => o.organisationId === organisation)?.organisationName ?? "";

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const today = dutchToday();
    const dateError = checks.date(deadline, a("deadlineLabel")) ?? (deadline < today ? t("conferences.meeting.actions.errors.pastDeadline") : undefined);
    run(
      { [id("description")]: checks.text(description, a("what")), [id("organisation")]: checks.choice(organisation, a("ownerOrganisation")), [id("deadline")]: dateError },
      () => api.post<Meeting>(itemPath(item.id, "actions"), {
        description: description.trim(), ownerOrganisationId: organisation, ...(owner ? { ownerUserId: owner } : {}), deadline,
      }),
      t("conferences.meeting.actions.added", { organisation: organisationName }),
      onCancel,
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-label={t("conferences.meeting.actions.formLabel", { reference: item.subjectReference })}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <TextareaField name={id("description")} label={a("what")} value={description} onChange={setDescription} error={errors.fields[id("description")]} maxLength={2000} rows={3} />
      <SelectField
        name={id("organisation")}
        label={a("ownerOrganisation")}
        description={a("ownerOrganisationDescription")}
        value={organisation}
        onChange={(value) => {
          setOrganisation(value);
          setOwner("");
        }}
        placeholder={a("chooseOrganisation")}
        options={organisations.map((o) => ({ value: o.organisationId, label: o.organisationName }))}
        error={errors.fields[id("organisation")]}
      />
      <SelectField
        name={id("owner")}
        label={a("ownerUser")}
        description={organisation ? a("ownerUserDescription") : a("ownerUserFirst")}
        value={owner}
        onChange={setOwner}
        placeholder={a("noOwner")}
        options={(people.data ?? []).map((p) => ({ value: p.userId, label: p.name ?? t("conferences.meeting.participants.unnamed") }))}
        error={errors.fields[id("owner")]}
        optional
      />
      <TextField
        name={id("deadline")}
        type="date"
        label={a("deadlineLabel")}
        value={deadline}
        onChange={setDeadline}
        error={errors.fields[id("deadline")]}
        size="small"
      />
      <SubmitRow busy={busy} label={a("submit")} onCancel={onCancel} />
    </form>
  );
}
