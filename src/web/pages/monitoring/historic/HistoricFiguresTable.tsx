import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, problemMessage } from "../../../api/client.ts";
import { ConfirmButton } from "../../../components/ConfirmButton.tsx";
import { formatDateTime } from "../../../i18n/format.ts";
import { FileTable } from "../../care/file/FileTable.tsx";
import { Empty } from "../../care/file/parts.tsx";
import type { HistoricFigure } from "./types.ts";

/**
 * The imported figures, one table per area (the region first, then its municipalities), a row per year and
 * measure with the source and who imported it when. Deleting asks first, in words, what will go.
 */
export function HistoricFiguresTable({ items, onChanged }: { items: HistoricFigure[]; onChanged: (message: string, type?: "ok" | "error") => void }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty>{t("monitorHistoric.list.empty")}</Empty>;
  const areas = [...new Map(items.map((f) => [f.areaId, f.areaName])).entries()];
  return (
    <>
      {areas.map(([areaId, areaName]) => {
        const figures = items.filter((f) => f.areaId === areaId);
        // The action column only where there is something to do (a municipality does not delete the region's figures).
        const mayDelete = figures.some((f) => f.abilities.delete);
        return (
          <FileTable
            key={areaId}
            caption={t("monitorHistoric.list.caption", { area: areaName })}
            items={figures}
            itemKey={(f) => f.id}
            columns={[
              { key: "year", header: t("monitorHistoric.list.year"), cell: (f) => f.year },
              { key: "measure", header: t("monitorHistoric.list.measure"), cell: (f) => t(`monitorHistoric.measure.${f.measure}`) },
              { key: "count", header: t("monitorHistoric.list.count"), cell: (f) => f.count },
              { key: "source", header: t("monitorHistoric.list.source"), cell: (f) => f.source ?? "—" },
              { key: "importedBy", header: t("monitorHistoric.list.importedBy"), cell: (f) => f.importedBy ?? "—" },
              { key: "importedAt", header: t("monitorHistoric.list.importedAt"), cell: (f) => formatDateTime(f.importedAt) },
              ...(mayDelete
                ? [{ key: "action", header: t("monitorHistoric.list.action"), cell: (f: HistoricFigure) => (f.abilities.delete ? <DeleteFigure figure={f} onChanged={onChanged} /> : null) }]
                : []),
            ]}
          />
        );
      })}
    </>
  );
}

function DeleteFigure({ figure, onChanged }: { figure: HistoricFigure; onChanged: (message: string, type?: "ok" | "error") => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const words = { measure: t(`monitorHistoric.measure.${figure.measure}`).toLowerCase(), year: figure.year, area: figure.areaName, count: figure.count };

  const confirm = async () => {
    setBusy(true);
    try {
      await api.delete(`/monitoring/historic-figures/${encodeURIComponent(figure.id)}`);
      onChanged(t("monitorHistoric.list.deleted", words));
    } catch (error) {
      setBusy(false);
      onChanged(problemMessage(error), "error");
    }
  };

  return (
    <ConfirmButton
      id={`historic-delete-${figure.id}`}
      label={t("monitorHistoric.list.delete")}
      accessibleLabel={t("monitorHistoric.list.deleteLabel", words)}
      question={t("monitorHistoric.list.deleteQuestion", words)}
      yes={t("monitorHistoric.list.deleteYes")}
      no={t("monitorHistoric.list.deleteNo")}
      busy={busy}
      danger
      subtle
      onConfirm={() => void confirm()}
    />
  );
}
