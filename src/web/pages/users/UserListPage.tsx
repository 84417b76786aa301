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
import type { Page, SessionUser, User } from "../../api/types.ts";
import { useLoad } from "../../api/useLoad.ts";
import { SelectField, TextField } from "../../components/fields.tsx";
import { AppButtonLink, AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Pagination } from "../../components/Pagination.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import { useSession } from "../../session/SessionContext.tsx";
import { useAdminScope } from "./scope.ts";

const PAGE_SIZE = 25;

/** The users the actor may see, filtered in the URL (?q=&organisatie=&pagina=) so results can be shared and revisited. */
export function UserListPage() {
  const { t } = useTranslation();
  const { session, can } = useSession();
  const user = session?.user as SessionUser;
  const scope = useAdminScope(user);
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const organisationId = params.get("organisatie") ?? "";
  const page = Math.max(1, Number(params.get("pagina") ?? "1") || 1);
  const [search, setSearch] = useState(q);
  const [organisation, setOrganisation] = useState(organisationId);
  useEffect(() => setSearch(q), [q]);
  useEffect(() => setOrganisation(organisationId), [organisationId]);

  const result = useLoad(
    () => api.get<Page<User>>("/users", { q, organisationId, page, pageSize: PAGE_SIZE }),
    `${q}|${organisationId}|${page}`,
  );
  const showOrganisation = scope.managedOrganisations.length > 1;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (search.trim()) next.set("q", search.trim());
    if (organisation) next.set("organisatie", organisation);
    setParams(next);
  };

  return (
    <>
      <PageHeading>{t("admin.users.title")}</PageHeading>
      {can("user.create") ? (
        <Paragraph>
          <AppButtonLink to="/beheer/gebruikers/nieuw" appearance="primary-action-button">
            {t("admin.users.new")}
          </AppButtonLink>
        </Paragraph>
      ) : null}
      <form role="search" aria-label={t("common.search")} onSubmit={onSubmit} className="kz-filters">
        <TextField name="q" type="search" label={t("admin.users.searchLabel")} value={search} onChange={setSearch} optional markOptional={false} spellCheck={false} size="medium" />
        {showOrganisation ? (
          <SelectField
            name="organisatie"
            label={t("admin.users.organisationFilter")}
            value={organisation}
            onChange={setOrganisation}
            placeholder={t("admin.users.allOrganisations")}
            options={scope.managedOrganisations.map((o) => ({ value: o.id, label: o.name }))}
            optional
            markOptional={false}
          />
        ) : null}
        <ButtonGroup className="kz-filters__actions">
          <PrimaryActionButton type="submit">{t("common.search")}</PrimaryActionButton>
        </ButtonGroup>
      </form>

      <p role="status" className="kz-result-count">
        {result.data ? t("common.resultCount", { count: result.data.total }) : ""}
      </p>
      {result.error ? <LoadError message={result.error} /> : null}
      {result.loading && !result.data ? <Loading /> : null}
      {result.data && result.data.items.length > 0 ? (
        <div className="kz-table-scroll">
          <Table className="kz-table">
            <TableCaption>{t("admin.users.tableCaption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("admin.users.name")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("admin.users.email")}</TableHeaderCell>
                {showOrganisation ? <TableHeaderCell scope="col">{t("admin.users.organisation")}</TableHeaderCell> : null}
                <TableHeaderCell scope="col">{t("admin.users.roles")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("admin.users.status")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("admin.users.lastLogin")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.data.items.map((item) => (
                <TableRow key={item.id}>
                  <TableHeaderCell scope="row">
                    <AppLink to={`/beheer/gebruikers/${item.id}`}>{item.displayName}</AppLink>
                  </TableHeaderCell>
                  <TableCell>{item.email}</TableCell>
                  {showOrganisation ? <TableCell>{item.organisationName}</TableCell> : null}
                  <TableCell>{item.roles.map((role) => t(`roles.${role}`)).join(", ")}</TableCell>
                  <TableCell>{item.active ? t("common.active") : t("common.inactive")}</TableCell>
                  <TableCell className="kz-nowrap">{item.lastLoginAt ? formatDateTime(item.lastLoginAt) : t("common.never")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {result.data && result.data.items.length === 0 ? <Paragraph>{t("common.noResults")}</Paragraph> : null}
      {result.data ? <Pagination page={result.data.page} pageSize={result.data.pageSize} total={result.data.total} /> : null}
    </>
  );
}
