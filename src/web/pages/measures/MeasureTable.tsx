import { Button } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { FileTable } from "../care/file/FileTable.tsx";
import { formatDay } from "../care/file/labels.ts";
import type { AdministrativeMeasure } from "../conferences/types.ts";
import { useMeasureLabels } from "./labels.ts";
import { OutcomeForm } from "./OutcomeForm.tsx";

/**
 * Measures in a captioned table: the place, the kind, when it was decided, the outcome (in words) and its
 * date, the note, the meeting it came from and how many signals the municipality has about the same place.
 * In the register a row can record its outcome and open the place's history.
 */
export function MeasureTable(props: {
  caption: string;
  measures: readonly AdministrativeMeasure[];
  empty?: string;
  onSaved?: (measure: AdministrativeMeasure, message: string) => void;
  onHistory?: (measure: AdministrativeMeasure) => void;
  /** Keeps the ids of two tables on one page apart. */
  id: string;
}) {
  const { t } = useTranslation();
  const labels = useMeasureLabels();
  const { onSaved, onHistory } = props;
  return (
    <FileTable
      caption={props.caption}
      empty={props.empty}
      items={props.measures}
      itemKey={(m) => m.id}
      columns={[
        {
          key: "location",
          header: t("measures.register.location"),
          cell: (m) => (
            <span className="kz-measures-place">
              <span>{labels.place(m.location)}</span>
              {onHistory ? (
                <Button
                  appearance="subtle-button"
                  className="kz-measures-history-button"
                  aria-label={t("measures.register.historyOf", { place: labels.place(m.location) })}
                  onClick={() => onHistory(m)}
                >
                  {t("measures.register.history")}
                </Button>
              ) : null}
            </span>
          ),
        },
        { key: "kind", header: t("measures.register.kind"), cell: (m) => labels.measureKind(m.kind) },
        { key: "decidedOn", header: t("measures.register.decidedOn"), cell: (m) => <span className="kz-nowrap">{formatDay(m.decidedOn)}</span> },
        {
          key: "outcome",
          header: t("measures.register.outcomeColumn"),
          cell: (m) => (
            <span>
              {m.outcome === "pending" ? labels.outcome(m.outcome) : <strong>{labels.outcome(m.outcome)}</strong>}
              {m.outcomeOn ? <> {t("measures.register.outcomeOn", { date: formatDay(m.outcomeOn) })}</> : null}
            </span>
          ),
        },
        { key: "note", header: t("measures.register.note"), cell: (m) => (m.note ? <span className="kz-measures-note">{m.note}</span> : "—") },
        { key: "meeting", header: t("measures.register.meeting"), cell: (m) => m.meetingReference ?? t("measures.register.notFromMeeting") },
        { key: "signals", header: t("measures.register.signals"), cell: (m) => t("measures.register.signalCount", { count: m.otherSignals }) },
      ]}
      edit={
        onSaved
          ? {
              label: t("measures.register.recordOutcome"),
              rowLabel: (m) => `${labels.measureKind(m.kind)}, ${labels.place(m.location)}`,
              panel: `${props.id}-outcome`,
              may: (m) => Boolean(m.abilities.update),
              form: (m, close) => <OutcomeForm measure={m} onCancel={close} onSaved={(saved, message) => { close(); onSaved(saved, message); }} />,
            }
          : undefined
      }
    />
  );
}
