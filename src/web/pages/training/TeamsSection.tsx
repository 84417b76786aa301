import { Button, Heading, Paragraph } from "@utrecht/component-library-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, problemMessage } from "../../api/client.ts";
import { FileTable } from "../care/file/FileTable.tsx";
import { formatDay } from "../care/file/labels.ts";
import { Disclosure } from "../care/file/parts.tsx";
import { useTrainingLabels } from "./labels.ts";
import { TargetForm, TeamForm } from "./TeamForms.tsx";
import type { Coverage } from "./types.ts";

/** The municipality's teams with their staff count and targets, for who manages its training. */
export function TeamsSection({ municipalityId, coverage, onChanged }: { municipalityId: string; coverage: Coverage; generation: number; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const [busy, setBusy] = useState<string | null>(null);
  const teams = coverage.teams.map((row) => ({ id: row.teamId, name: row.team, staffCount: row.staffCount, targets: row.targets }));

  const remove = async (team: string, target: Coverage["teams"][number]["targets"][number]) => {
    setBusy(target.id);
    try {
      await api.delete(`/training-targets/${target.id}`);
      onChanged(t("training.teams.targetRemoved", { team }));
    } catch (error) {
      onChanged(problemMessage(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="teams-heading" className="kz-section">
      <Heading level={2} id="teams-heading">{t("training.teams.heading")}</Heading>
      <Paragraph className="kz-prose">{t("training.teams.intro")}</Paragraph>
      <div className="kz-training-actions">
        <Disclosure id="team-add" label={t("training.teams.add")}>
          {(close) => <TeamForm municipalityId={municipalityId} onCancel={close} onSaved={(message) => { close(); onChanged(message); }} />}
        </Disclosure>
        {teams.length > 0 ? (
          <Disclosure id="target-add" label={t("training.teams.addTarget")}>
            {(close) => <TargetForm teams={teams} onCancel={close} onSaved={(message) => { close(); onChanged(message); }} />}
          </Disclosure>
        ) : null}
      </div>
      {teams.length > 0 ? <FileTable
        caption={t("training.teams.caption")}
        items={teams}
        itemKey={(team) => team.id}
        columns={[
          { key: "name", header: t("training.teams.name"), cell: (team) => team.name },
          { key: "staffCount", header: t("training.teams.staffCount"), cell: (team) => team.staffCount },
          {
            key: "targets",
            header: t("training.coverage.targets"),
            cell: (team) =>
              team.targets.length === 0 ? (
                t("training.coverage.noTargets")
              ) : (
                <ul className="kz-training-targets">
                  {team.targets.map((g) => {
                    const percent = labels.percent(g.targetPercent);
                    const date = formatDay(g.dueOn);
                    return (
                      <li key={g.id} className="kz-training-target">
                        <span>{t("training.coverage.target", { percent, date, status: labels.status(g.status) })}</span>
                        <Button
                          appearance="subtle-button"
                          className="kz-training-inline-button"
                          aria-label={t("training.teams.removeTargetLabel", { team: team.name, percent, date })}
                          busy={busy === g.id}
                          disabled={busy !== null}
                          onClick={() => void remove(team.name, g)}
                        >
                          {t("training.teams.removeTarget")}
                        </Button>
                      </li>
                    );
                  })}
                </ul>
              ),
          },
        ]}
        edit={{
          label: t("training.teams.edit"),
          rowLabel: (team) => team.name,
          panel: "team-edit",
          form: (team, close) => <TeamForm municipalityId={municipalityId} team={team} onCancel={close} onSaved={(message) => { close(); onChanged(message); }} />,
        }}
      /> : null}
    </section>
  );
}
