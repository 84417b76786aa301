import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import type { Organisation, Region } from "../../api/types.ts";
import { useLoad } from "../../api/useLoad.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Confirmation, LoadError, Loading } from "../../components/Status.tsx";
import { formatList } from "../../i18n/format.ts";
import { useSession } from "../../session/SessionContext.tsx";
import { OrganisationCreateForm } from "./OrganisationCreateForm.tsx";
import { RegionsSection } from "./RegionsSection.tsx";

/** The organisations the actor can see, with type and regions; adding one if the actor may. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const { session, can } = useSession();
  const [message, setMessage] = useState<string | null>(null);
  const organisations = useLoad(() => api.get<{ items: Organisation[] }>("/organisations"), "organisations");
  const regions = useLoad(() => api.get<{ items: Region[] }>("/regions"), "regions");
  const regionName = new Map((regions.data?.items ?? []).map((region) => [region.id, region.name]));
  const administered = (regions.data?.items ?? []).filter((region) =>
    session?.user?.regionAdministratorOf.includes(region.id),
  );
  const items = [...(organisations.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, "nl"));

  return (
    <>
      <PageHeading>{t("admin.organisations.title")}</PageHeading>
      <Paragraph>{t("admin.organisations.intro")}</Paragraph>
      {organisations.error ? <LoadError message={organisations.error} /> : null}
      {organisations.loading && !organisations.data ? <Loading /> : null}
      {organisations.data ? (
        <div className="kz-table-scroll">
          <Table className="kz-table">
            <TableCaption>{t("admin.organisations.tableCaption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("admin.organisations.name")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("admin.organisations.type")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("admin.organisations.regions")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("admin.organisations.central")}</TableHeaderCell>
                <TableHeaderCell scope="col">{t("admin.organisations.status")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((organisation) => (
                <TableRow key={organisation.id}>
                  <TableHeaderCell scope="row">{organisation.name}</TableHeaderCell>
                  <TableCell>{t(`organisationTypes.${organisation.type}`)}</TableCell>
                  <TableCell>{formatList(organisation.regionIds.map((id) => regionName.get(id) ?? "…"))}</TableCell>
                  <TableCell>{organisation.isCentralMunicipality ? t("common.yes") : t("common.no")}</TableCell>
                  <TableCell>{organisation.active ? t("common.active") : t("common.inactive")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      <Confirmation message={message} />
      {can("organisation.create") && administered.length > 0 ? (
        <OrganisationCreateForm
          regions={administered}
          onCreated={(organisation) => {
            setMessage(t("admin.organisations.created", { name: organisation.name }));
            organisations.reload();
          }}
        />
      ) : null}
      {regions.data && regions.data.items.length > 0 ? <RegionsSection regions={regions.data.items} onSaved={() => regions.reload()} /> : null}
    </>
  );
}
