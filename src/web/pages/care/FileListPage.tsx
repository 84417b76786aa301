import {
  ButtonGroup,
  Paragraph,
  PrimaryActionButton,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { AppButtonLink, AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Pagination } from "../../components/Pagination.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { useFormErrors } from "../../components/useFormErrors.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useSession } from "../../session/SessionContext.tsx";
import "../../theme/care.css";
import { isOneOf } from "../signals/types.ts";
import "../signals/queue.css";
import { AgeGroupText } from "./AgeGroupText.tsx";
import { formsText, lowerFirst } from "./format.ts";
import { fileStatuses, VICTIM_FILE_CREATE, type VictimFileList, type VictimFileListItem } from "./types.ts";

const PAGE_SIZE = 25;
const SEARCH_FIELDS = ["q"] as const;
/** Every filter is optional, and saying so after each label would only add noise. */
const filterField = { optional: true, markOptional: false } as const;

/** The query string of the page and of the API: "status" is a phase, "open" (not closed) or "alle". */
interface Filters {
  status: string;
  q: string;
}

function filtersFrom(params: URLSearchParams, defaultStatus: string): Filters {
  const status = params.get("status") ?? defaultStatus;
  return {
    status: status === "alle" || status === "open" || isOneOf(fileStatuses, status) ? status : defaultStatus,
    q: params.get("q") ?? "",
  };
}

function paramsFrom(filters: Filters, defaultStatus: string): URLSearchParams {
  const next = new URLSearchParams();
  if (filters.status !== defaultStatus) next.set("status", filters.status);
  if (filters.q.trim()) next.set("q", filters.q.trim());
  return next;
}

/**
 * The files whose case team the user is on. Coordinators see the name and start with the ongoing files;
 * a partner sees every file they were added to, with their purpose, and finds the person on the file
 * itself (where reading it is audited).
 */
export function FileListPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const coordinator = can(VICTIM_FILE_CREATE);
  const defaultStatus = coordinator ? "open" : "alle";
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const applied = filtersFrom(params, defaultStatus);
  const page = Math.max(1, Number(params.get("pagina") ?? "1") || 1);
  const [draft, setDraft] = useState<Filters>(applied);
  const errors = useFormErrors(SEARCH_FIELDS);
  useEffect(() => setDraft(filtersFrom(new URLSearchParams(key), defaultStatus)), [key, defaultStatus]);

  const list = useLoad(
    () =>
      api.get<VictimFileList>("/victim-files", {
        status: applied.status === "alle" ? undefined : applied.status,
        q: applied.q.trim().length >= 2 ? applied.q.trim() : undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    `files-${key}-${defaultStatus}`,
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.q.trim().length === 1) return errors.fail({ q: t("careOverview.list.searchTooShort") });
    errors.clear();
    setParams(paramsFrom(draft, defaultStatus));
  };

  const filtered = key.replace(/(^|&)pagina=\d+/, "") !== "";
  const items = list.data?.items ?? [];
  // A coordinator may also sit on another file's team as a partner: the column follows the user's task.
  const showName = coordinator;

  return (
    <>
      <PageHeading>{t("careOverview.list.title")}</PageHeading>
      <Paragraph>{coordinator ? t("careOverview.list.introCoordinator") : t("careOverview.list.introPartner")}</Paragraph>
      {coordinator ? (
        <Paragraph>
          <AppButtonLink to="/zorg/dossiers/nieuw" appearance="secondary-action-button">
            {t("careOverview.list.openFile")}
          </AppButtonLink>
        </Paragraph>
      ) : null}
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <form role="search" aria-label={t("careOverview.list.filtersLabel")} noValidate onSubmit={onSubmit} className="kz-filters kz-filters--grid">
        <SelectField
          name="status"
          label={t("careOverview.list.status")}
          value={draft.status}
          onChange={(status) => setDraft((d) => ({ ...d, status }))}
          options={[
            { value: "open", label: t("careOverview.list.openStatuses") },
            { value: "alle", label: t("careOverview.list.allStatuses") },
            ...fileStatuses.map((s) => ({ value: s, label: t(`careOverview.codes.status.${s}`) })),
          ]}
          {...filterField}
        />
        <TextField
          name="q"
          type="search"
          label={t("careOverview.list.search")}
          value={draft.q}
          onChange={(q) => setDraft((d) => ({ ...d, q }))}
          error={errors.fields.q}
          spellCheck={false}
          autoComplete="off"
          size="medium"
          {...filterField}
        />
        <ButtonGroup className="kz-filters__actions">
          <PrimaryActionButton type="submit">{t("careOverview.list.apply")}</PrimaryActionButton>
          {filtered ? <AppLink to="/zorg/dossiers">{t("common.clearFilters")}</AppLink> : null}
        </ButtonGroup>
      </form>

      <p role="status" className="kz-result-count">
        {list.data ? t("common.resultCount", { count: list.data.total }) : ""}
      </p>
      {list.error ? <LoadError message={list.error} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && items.length > 0 ? (
        <div className="kz-table-scroll kz-queue">
          <Table className="kz-table kz-table--audit kz-queue__table">
            <TableCaption>{t("careOverview.list.caption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("careOverview.list.reference")}</TableHeaderCell>
                {showName ? (
                  <TableHeaderCell scope="col">{t("careOverview.list.name")}</TableHeaderCell>
                ) : (
                  <>
                    <TableHeaderCell scope="col">{t("careOverview.list.role")}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t("careOverview.list.organisation")}</TableHeaderCell>
                  </>
                )}
                <TableHeaderCell scope="col">{t("careOverview.list.status")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("careOverview.list.ageGroup")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("careOverview.list.forms")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("careOverview.list.openedAt")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item) => (
                <TableRow key={item.id}>
                  <TableHeaderCell scope="row" className="kz-nowrap">
                    <AppLink to={`/zorg/dossiers/${encodeURIComponent(item.id)}`}>{item.reference}</AppLink>
                  </TableHeaderCell>
                  {showName ? (
                    <TableCell data-label={t("careOverview.list.name")}>
                      {item.memberRole === "coordinator" ? (item.name ?? t("careOverview.list.nameUnknown")) : <RoleText item={item} />}
                    </TableCell>
                  ) : (
                    <>
                      <TableCell data-label={t("careOverview.list.role")}>
                        <RoleText item={item} />
                      </TableCell>
                      <TableCell data-label={t("careOverview.list.organisation")}>{item.organisationName}</TableCell>
                    </>
                  )}
                  <TableCell data-label={t("careOverview.list.status")}>{t(`careOverview.codes.status.${item.status}`)}</TableCell>
                  <TableCell data-label={t("careOverview.list.ageGroup")}>
                    <AgeGroupText ageGroup={item.ageGroup} minor={item.minor} />
                  </TableCell>
                  <TableCell data-label={t("careOverview.list.forms")}>
                    {/* The server leaves the forms out (null) when the partner's purpose does not open them. */}
                    {Array.isArray(item.exploitationForms) ? formsText(t, item.exploitationForms) : t("careOverview.list.formsHidden")}
                  </TableCell>
                  <TableCell data-label={t("careOverview.list.openedAt")} className="kz-nowrap">{formatDateTime(item.openedAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {list.data && items.length === 0 ? (
        <Paragraph className="kz-care-empty">
          {filtered ? t("careOverview.list.empty") : coordinator ? t("careOverview.list.emptyCoordinator") : t("careOverview.list.emptyPartner")}
        </Paragraph>
      ) : null}
      {list.data ? <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} /> : null}
    </>
  );
}

/** "Ketenpartner, doel: strafrechtelijk onderzoek", or "Zorgcoördinator". */
function RoleText({ item }: { item: VictimFileListItem }) {
  const { t } = useTranslation();
  if (item.memberRole === "partner") {
    const purpose = item.purpose ? lowerFirst(t(`careOverview.codes.teamPurpose.${item.purpose}`)) : "—";
    return <>{t("careOverview.list.rolePartner", { purpose })}</>;
  }
  return <>{item.memberRole === "coordinator" ? t("careOverview.list.roleCoordinator") : "—"}</>;
}
