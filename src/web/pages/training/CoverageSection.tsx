import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { FileTable } from "../care/file/FileTable.tsx";
import { formatDay } from "../care/file/labels.ts";
import { Marker } from "../care/file/parts.tsx";
import { useTrainingLabels } from "./labels.ts";
import type { Coverage } from "./types.ts";

/**
 * Coverage per team: staff, distinct trained people, the share, and each target with its date and status in
 * words (a missed target in bold as a marker, never by colour alone). A bar shows the share for sighted users;
 * the number says the same.
 */
export function CoverageSection({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const date = formatDay(coverage.asOf);
  const missed = coverage.teams.reduce((n, team) => n + team.targets.filter((g) => g.status === "not_met").length, 0);
  const hasTargets = coverage.teams.some((team) => team.targets.length > 0);
  return (
    <section aria-labelledby="coverage-heading" className="kz-section">
      <Heading level={2} id="coverage-heading">{t("training.coverage.heading")}</Heading>
      <Paragraph className="kz-prose">{t("training.coverage.intro", { date })}</Paragraph>
      {hasTargets ? <Paragraph>{missed > 0 ? <Marker>{t("training.coverage.summary", { count: missed })}</Marker> : t("training.coverage.allFine")}</Paragraph> : null}
      <FileTable
        caption={t("training.coverage.caption", { date })}
        empty={t("training.coverage.empty")}
        items={coverage.teams}
        itemKey={(row) => row.teamId}
        columns={[
          { key: "team", header: t("training.coverage.team"), cell: (row) => row.team },
          { key: "staff", header: t("training.coverage.staff"), cell: (row) => row.staffCount },
          { key: "trained", header: t("training.coverage.trained"), cell: (row) => row.trainedCount },
          {
            key: "percent",
            header: t("training.coverage.percent"),
            cell: (row) => (
              <span className="kz-training-share">
                <span>{labels.percent(row.percent)}</span>
                <span className="kz-training-bar" aria-hidden="true"><span style={{ inlineSize: `${row.percent}%` }} /></span>
              </span>
            ),
          },
          {
            key: "targets",
            header: t("training.coverage.targets"),
            cell: (row) =>
              row.targets.length === 0 ? (
                t("training.coverage.noTargets")
              ) : (
                <ul className="kz-training-targets">
                  {row.targets.map((g) => {
                    const text = t("training.coverage.target", { percent: labels.percent(g.targetPercent), date: formatDay(g.dueOn), status: labels.status(g.status) });
                    return <li key={g.id}>{g.status === "not_met" ? <Marker>{text}</Marker> : g.status === "met" ? <strong>{text}</strong> : text}</li>;
                  })}
                </ul>
              ),
          },
        ]}
      />
    </section>
  );
}
