import { ButtonGroup, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { RadioGroup, SelectField } from "../../components/fields.tsx";
import { AppLink } from "../../components/links.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { useStatusMessage } from "../care/StatusMessage.tsx";
import { isCode } from "../care/types.ts";
import { useMeasureLabels } from "../measures/labels.ts";
import { useSession } from "../../session/SessionContext.tsx";
import { ActionGroups, type Grouping } from "./actions/ActionGroups.tsx";
import { WaitingMeetings } from "./actions/WaitingMeetings.tsx";
import { actionStatuses, MEETING_LIST, type ConferenceAction } from "./types.ts";
import "../care/file/care-file.css";
import "../measures/measures.css";

/** The page's query string: status ("open" by default, "alle"), term ("over" or "binnen") and grouping. */
interface Filters {
  status: string;
  overdue: string;
  group: Grouping;
}

function filtersFrom(params: URLSearchParams): Filters {
  const status = params.get("status") ?? "open";
  const overdue = params.get("termijn") ?? "";
  return {
    status: status === "alle" || isCode(actionStatuses, status) ? status : "open",
    overdue: overdue === "over" || overdue === "binnen" ? overdue : "",
    group: params.get("groep") === "organisatie" ? "owner" : "meeting",
  };
}

function paramsFrom(filters: Filters): Record<string, string> {
  return {
    ...(filters.status !== "open" ? { status: filters.status } : {}),
    ...(filters.overdue ? { termijn: filters.overdue } : {}),
    ...(filters.group === "owner" ? { groep: "organisatie" } : {}),
  };
}

/**
 * /overleg/acties: the follow-up of the actions agreed in case conferences — an organisation's own, and for
 * the organiser every action of its meetings — grouped per meeting or per organisation that carries them
 * out, with the deadline and "over de termijn" in words. Whoever may update an action finishes it with its
 * result, drops it, or opens it again.
 */
export function ActionsPage() {
  const { t } = useTranslation();
  const labels = useMeasureLabels();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const applied = filtersFrom(params);
  const [draft, setDraft] = useState<Filters>(applied);
  useEffect(() => setDraft(filtersFrom(new URLSearchParams(key))), [key]);
  const status = useStatusMessage();
  const list = useLoad(
    () =>
      api.get<{ items: ConferenceAction[] }>("/conference-actions", {
        status: applied.status === "alle" ? undefined : applied.status,
        overdue: applied.overdue === "over" ? "true" : applied.overdue === "binnen" ? "false" : undefined,
      }),
    `actions-${key}`,
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setParams(paramsFrom(draft));
  };
  const [saves, setSaves] = useState(0);
  const saved = (_action: ConferenceAction, message: string) => {
    list.reload();
    setSaves((n) => n + 1);
    status.show(message);
  };
  const items = list.data?.items ?? [];
  const overdue = items.filter((a) => a.overdue).length;
  const filtered = Object.keys(paramsFrom(applied)).some((k) => k !== "groep");

  return (
    <>
      <PageHeading>{t("measures.actions.title")}</PageHeading>
      <Paragraph className="kz-prose">{t("measures.actions.intro")}</Paragraph>
      {status.element}
      <form role="search" aria-label={t("measures.actions.filtersLabel")} noValidate onSubmit={onSubmit} className="kz-filters kz-filters--grid">
        <SelectField
          name="status"
          label={t("measures.actions.status")}
          value={draft.status}
          onChange={(value) => setDraft((d) => ({ ...d, status: value }))}
          options={[...actionStatuses.map((s) => ({ value: s, label: labels.actionStatus(s) })), { value: "alle", label: t("measures.actions.statusAll") }]}
          optional
          markOptional={false}
        />
        <SelectField
          name="termijn"
          label={t("measures.actions.overdue")}
          value={draft.overdue}
          onChange={(value) => setDraft((d) => ({ ...d, overdue: value }))}
          placeholder={t("measures.actions.overdueAll")}
          options={[
            { value: "over", label: t("measures.actions.overdueOnly") },
            { value: "binnen", label: t("measures.actions.overdueNot") },
          ]}
          optional
          markOptional={false}
        />
        <RadioGroup
          name="groep"
          legend={t("measures.actions.groupBy")}
          value={draft.group}
          onChange={(group) => setDraft((d) => ({ ...d, group }))}
          options={[
            { value: "meeting", label: t("measures.actions.groupByMeeting") },
            { value: "owner", label: t("measures.actions.groupByOwner") },
          ]}
        />
        <ButtonGroup className="kz-filters__actions">
          <PrimaryActionButton type="submit">{t("measures.actions.apply")}</PrimaryActionButton>
          {filtered ? <AppLink to="/overleg/acties">{t("common.clearFilters")}</AppLink> : null}
        </ButtonGroup>
      </form>

      <div role="status" className="kz-result-count">
        {list.data ? (
          <>
            {t("common.resultCount", { count: items.length })}
            {overdue > 0 ? <> <strong className="kz-actions-marker">{t("measures.actions.overdueCount", { count: overdue })}</strong></> : null}
          </>
        ) : null}
      </div>
      {list.error ? <LoadError message={list.error} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && items.length === 0 ? (
        <Paragraph>{filtered ? t("measures.actions.empty") : t("measures.actions.emptyOpen")}</Paragraph>
      ) : null}
      {list.data && items.length > 0 ? <ActionGroups actions={items} grouping={applied.group} onSaved={saved} /> : null}
      {can(MEETING_LIST) ? <WaitingMeetings version={saves} /> : null}
    </>
  );
}
