import {
  ButtonGroup, Paragraph, PrimaryActionButton, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from "@utrecht/component-library-react";
import type { TFunction } from "i18next";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { SelectField } from "../../components/fields.tsx";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Pagination } from "../../components/Pagination.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { useSession } from "../../session/SessionContext.tsx";
import "../care/file/care-file.css";
import "../signals/queue.css";
import "./meeting/meeting.css";
import { useConferenceLabels } from "./meeting/labels.ts";
import { Disclosure } from "./meeting/parts.tsx";
import { PlanMeetingForm } from "./meeting/PlanMeetingForm.tsx";
import { formatMeetingTime } from "./meeting/time.ts";
import { MEETING_CREATE, type MeetingList, type MeetingListItem } from "./types.ts";

const PAGE_SIZE = 25;
type Scope = "upcoming" | "all";

/**
 * The meetings the user organises, is invited to, or (focal officers, coordinators) can bring a case to:
 * coming and running ones first, or all of them. A conference chair plans a new meeting here.
 */
export function MeetingsPage() {
  const { t } = useTranslation();
  const { can, session } = useSession();
  const chair = can(MEETING_CREATE);
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const scope: Scope = params.get("toon") === "alle" ? "all" : "upcoming";
  const page = Math.max(1, Number(params.get("pagina") ?? "1") || 1);
  const [draftScope, setDraftScope] = useState<Scope>(scope);
  useEffect(() => setDraftScope(scope), [scope]);

  const list = useLoad(() => api.get<MeetingList>("/meetings", { scope, page, pageSize: PAGE_SIZE }), `meetings-${key}`);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setParams(draftScope === "all" ? { toon: "alle" } : {});
  };

  const roles = session?.user?.roles ?? [];
  const intro = chair
    ? t("conferences.list.introChair")
    : roles.includes("focal_officer") || roles.includes("care_coordinator")
      ? t("conferences.list.introRegion")
      : t("conferences.list.introDelegate");
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeading>{t("conferences.list.title")}</PageHeading>
      <Paragraph className="kz-prose">{intro}</Paragraph>
      <Paragraph>
        <AppLink to="/overleg/acties">{t("conferences.list.actionsLink")}</AppLink>
      </Paragraph>
      {chair ? (
        <Disclosure id="meeting-plan" label={t("conferences.plan.open")}>
          {(close) => <PlanMeetingForm onCancel={close} />}
        </Disclosure>
      ) : null}

      <form aria-label={t("conferences.list.filtersLabel")} noValidate onSubmit={onSubmit} className="kz-filters">
        <SelectField
          name="scope"
          label={t("conferences.list.scope")}
          value={draftScope}
          onChange={(value) => setDraftScope(value === "all" ? "all" : "upcoming")}
          options={[
            { value: "upcoming", label: t("conferences.list.scopeUpcoming") },
            { value: "all", label: t("conferences.list.scopeAll") },
          ]}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit">{t("conferences.list.apply")}</PrimaryActionButton>
        </ButtonGroup>
      </form>

      <p role="status" className="kz-result-count">
        {list.data ? t("common.resultCount", { count: list.data.total }) : ""}
      </p>
      {list.error ? <LoadError message={list.error} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && items.length > 0 ? <MeetingTable items={items} /> : null}
      {list.data && items.length === 0 ? (
        <Paragraph className="kz-file-empty">{scope === "all" ? t("conferences.list.emptyAll") : t("conferences.list.emptyUpcoming")}</Paragraph>
      ) : null}
      {list.data ? <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} /> : null}
    </>
  );
}

function MeetingTable({ items }: { items: MeetingListItem[] }) {
  const { t } = useTranslation();
  const labels = useConferenceLabels();
  const h = {
    meeting: t("conferences.list.meeting"),
    kind: t("conferences.list.kind"),
    when: t("conferences.list.when"),
    place: t("conferences.list.place"),
    organiser: t("conferences.list.organiser"),
    status: t("conferences.list.status"),
    agenda: t("conferences.list.agenda"),
    relation: t("conferences.list.relation"),
  };
  return (
    <div className="kz-table-scroll kz-queue">
      <Table className="kz-table kz-table--audit kz-queue__table kz-meetings-table">
        <TableCaption>{t("conferences.list.caption")}</TableCaption>
        <TableHeader>
          <TableRow>
            {Object.values(h).map((header) => (
              <TableHeaderCell key={header} scope="col">{header}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((m) => (
            <TableRow key={m.id}>
              <TableHeaderCell scope="row">
                <AppLink to={`/overleg/${encodeURIComponent(m.id)}`}>{m.title}</AppLink>
                <span className="kz-meeting-reference">{m.reference}</span>
              </TableHeaderCell>
              <TableCell data-label={h.kind}>{labels.kind(m.kind)}</TableCell>
              <TableCell data-label={h.when}>{formatMeetingTime(m.startsAt, m.endsAt)}</TableCell>
              <TableCell data-label={h.place}>{m.location ?? t("conferences.list.noPlace")}</TableCell>
              <TableCell data-label={h.organiser}>{m.organisationName}</TableCell>
              <TableCell data-label={h.status}>
                <span className={`kz-meeting-status kz-meeting-status--${m.status}`}>{labels.status(m.status)}</span>
              </TableCell>
              <TableCell data-label={h.agenda}>
                <span>{t("conferences.list.agendaCount", { admitted: m.admittedItems, proposed: m.proposedItems })}</span>
                {m.waitingForFeedback > 0 ? <span className="kz-meeting-waiting">{t("conferences.list.waiting", { count: m.waitingForFeedback })}</span> : null}
              </TableCell>
              <TableCell data-label={h.relation}>{relationText(t, m)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function relationText(t: TFunction, m: MeetingListItem): string {
  if (m.isOrganiser) return t("conferences.list.relationOrganiser");
  if (m.isDelegate) return t("conferences.list.relationInvited");
  return t("conferences.list.relationRegion");
}
