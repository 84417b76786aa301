import { Alert, DataList, Link, Paragraph, StatusBadge, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../../components/links.tsx";
import { formatDateTime, formatList } from "../../../i18n/format.ts";
import type { CareTask, VictimFile } from "../types.ts";
import { useFile } from "./context.ts";
import { formatDay, lowerFirst, useLabels } from "./labels.ts";
import { Empty, FileSection, Item, Marker, SubSection } from "./parts.tsx";

/** Reference, status, where the file lives and where it came from, the youth route flag and the tasks. */
export function OverviewSection() {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  return (
    <FileSection id="overview" heading={t("careFile.sections.overview")}>
      {file.myMembership?.memberRole === "partner" ? <PartnerNotice file={file} /> : null}
      {file.minor ? <MinorWarning file={file} /> : null}
      <DataList appearance="rows" className="kz-data-list">
        <Item label={t("careFile.overview.reference")}>{file.reference}</Item>
        <Item label={t("careFile.overview.status")}>
          <StatusBadge status={file.status === "closed" ? "inactive" : "neutral"}>{labels.status(file.status)}</StatusBadge>
          {file.closureReason ? ` — ${labels.closureReason(file.closureReason)}` : null}
          {file.closedAt ? ` (${t("careFile.overview.closedAt", { date: formatDateTime(file.closedAt) })})` : null}
        </Item>
        <Item label={t("careFile.overview.organisation")}>{t("careFile.overview.organisationInRegion", { organisation: file.organisationName, region: file.regionName })}</Item>
        <Item label={t("careFile.overview.source")}>{labels.source(file.source)}</Item>
        <Item label={t("careFile.overview.openedAt")}>{formatDateTime(file.openedAt)}</Item>
        <Item label={t("careFile.overview.minor")}>{file.minor ? <strong>{t("common.yes")}</strong> : t("common.no")}</Item>
        {file.signal ? (
          <Item label={t("careFile.overview.signal")}>
            <AppLink to={`/signalen/${encodeURIComponent(file.signal.id)}`}>{file.signal.reference}</AppLink>
            {file.signal.municipalityName ? ` (${file.signal.municipalityName})` : null}
          </Item>
        ) : null}
        {file.transferredFrom ? (
          <Item label={t("careFile.overview.transferredFrom")}>
            {t("careFile.overview.transferredFromText", { reference: file.transferredFrom.reference, organisation: file.transferredFrom.organisationName })}
          </Item>
        ) : null}
        {file.pendingTransfer ? (
          <Item label={t("careFile.overview.pendingTransfer")}>
            <strong>
              {t("careFile.overview.pendingTransferText", { organisation: file.pendingTransfer.toOrganisationName, date: formatDateTime(file.pendingTransfer.proposedAt) })}
            </strong>{" "}
            <Link href="#lifecycle">{t("careFile.overview.pendingTransferLink")}</Link>
          </Item>
        ) : null}
      </DataList>
      {file.tasks ? <Tasks tasks={file.tasks} /> : null}
    </FileSection>
  );
}

function PartnerNotice({ file }: { file: VictimFile }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const membership = file.myMembership;
  const purpose = membership?.purpose ? labels.purpose(membership.purpose) : t("careFile.partner.noPurpose");
  const names = file.coordinators.map((c) => c.name).filter((n): n is string => Boolean(n));
  return (
    <Alert type="info">
      <Paragraph>
        <strong>{t("careFile.partner.notice", { purpose: lowerFirst(purpose) })}</strong>
      </Paragraph>
      <Paragraph>{t("careFile.partner.parts", { parts: formatList(file.visibleParts.map((p) => lowerFirst(labels.part(p)))) })}</Paragraph>
      {membership?.validUntil ? <Paragraph>{t("careFile.partner.validUntil", { date: formatDay(membership.validUntil) })}</Paragraph> : null}
      <Paragraph>
        {names.length > 0
          ? t("careFile.partner.contact", { count: names.length, names: formatList(names), organisation: file.organisationName })
          : t("careFile.partner.contactOrganisation", { organisation: file.organisationName })}
      </Paragraph>
    </Alert>
  );
}

function MinorWarning({ file }: { file: VictimFile }) {
  const { t } = useTranslation();
  const started = file.youth ? Boolean(file.youth.veiligThuisNotifiedOn || file.youth.youthCareProvider) : null;
  return (
    <Alert type={started === false ? "warning" : "info"}>
      <Paragraph>
        <strong>{t("careFile.overview.minorHeading")}</strong> {t("careFile.overview.minorText")}
      </Paragraph>
      {started === false ? (
        <Paragraph>
          {t("careFile.overview.youthRouteMissing")} <Link href="#youth">{t("careFile.overview.youthRouteLink")}</Link>
        </Paragraph>
      ) : null}
      {started ? <Paragraph>{t("careFile.overview.youthRouteStarted")}</Paragraph> : null}
    </Alert>
  );
}

function Tasks({ tasks }: { tasks: CareTask[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <SubSection id="tasks" heading={t("careFile.overview.tasksHeading")}>
      {tasks.length === 0 ? (
        <Empty>{t("careFile.overview.noTasks")}</Empty>
      ) : (
        <UnorderedList className="kz-file-tasks">
          {tasks.map((task, index) => (
            <UnorderedListItem key={`${task.kind}-${index}`}>
              {task.overdue ? <><Marker>{t("careFile.common.overdue")}</Marker>{" "}</> : null}
              {t(`careOverview.tasks.sentences.${task.kind}`, { detail: task.detail ? lowerFirst(labels.detail(task.kind, task.detail)) : t("careOverview.tasks.unknownDetail") })}
              {task.date ? ` ${t("careFile.overview.taskDate", { date: formatDay(task.date) })}` : null}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </SubSection>
  );
}
