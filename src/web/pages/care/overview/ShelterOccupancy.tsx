import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { useLoad } from "../../../api/useLoad.ts";
import { LoadError, Loading } from "../../../components/Status.tsx";
import { formatDay } from "../format.ts";
import { placeTypes, type ShelterOccupancy as Occupancy } from "../types.ts";

/** How full the shelters of the coordinator's regions are today: numbers per type of place, never who. */
export function ShelterOccupancy() {
  const { t } = useTranslation();
  const occupancy = useLoad(() => api.get<Occupancy>("/shelter-occupancy"), "shelter-occupancy");
  const data = occupancy.data;
  return (
    <section aria-labelledby="shelter-heading" className="kz-section">
      <Heading level={2} id="shelter-heading">{t("careOverview.shelter.heading")}</Heading>
      <Paragraph>{t("careOverview.shelter.intro")}</Paragraph>
      {occupancy.error ? <LoadError message={occupancy.error} /> : null}
      {occupancy.loading && !data ? <Loading /> : null}
      {data && data.items.length === 0 ? <Paragraph className="kz-care-empty">{t("careOverview.shelter.empty")}</Paragraph> : null}
      {data && data.items.length > 0 ? (
        <div className="kz-table-scroll kz-queue">
          <Table className="kz-table kz-queue__table">
            <TableCaption>{t("careOverview.shelter.caption", { date: formatDay(data.date) })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t("careOverview.shelter.shelter")}</TableHeaderCell>
                {placeTypes.map((type) => (
                  <TableHeaderCell key={type} scope="col" className="kz-number">{t(`careOverview.codes.placeType.${type}`)}</TableHeaderCell>
                ))}
                <TableHeaderCell scope="col" className="kz-number">{t("careOverview.shelter.total")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((shelter) => (
                <TableRow key={shelter.organisationId}>
                  <TableHeaderCell scope="row">{shelter.name}</TableHeaderCell>
                  {placeTypes.map((type) => (
                    <TableCell key={type} data-label={t(`careOverview.codes.placeType.${type}`)} className="kz-number">
                      {shelter.byPlaceType[type] ?? 0}
                    </TableCell>
                  ))}
                  <TableCell data-label={t("careOverview.shelter.total")} className="kz-number">
                    <strong>{shelter.current}</strong>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </section>
  );
}
