import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import type { AgendaItem, Meeting } from "../types.ts";
import { ConfirmButton } from "../../../components/ConfirmButton.tsx";
import { itemPath, useMeeting } from "./context.ts";
import { useMeetingAction } from "./useMeetingAction.ts";

const NO_FIELDS: readonly string[] = [];

/** Whoever brought an item in (or the municipality's focal officer) withdraws it while the meeting is planned. */
export function WithdrawItem({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const { meeting } = useMeeting();
  // The message goes to the agenda: the item leaves the list it was in.
  const { errors, busy, run } = useMeetingAction("agenda", NO_FIELDS, {});
  if (!item.abilities.withdraw || meeting.status !== "planned" || (item.status !== "proposed" && item.status !== "admitted")) return null;
  return (
    <>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <ConfirmButton
        id={`withdraw-${item.id}`}
        label={t("conferences.meeting.agenda.withdraw")}
        question={t("conferences.meeting.agenda.withdrawConfirm", { reference: item.subjectReference })}
        yes={t("conferences.meeting.agenda.withdrawYes")}
        busy={busy}
        onConfirm={() => run({}, () => api.post<Meeting>(itemPath(item.id, "withdraw")), t("conferences.meeting.agenda.withdrawn", { reference: item.subjectReference }))}
      />
    </>
  );
}
