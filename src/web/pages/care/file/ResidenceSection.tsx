import { DataList, OrderedList, OrderedListItem, Paragraph } from "@utrecht/component-library-react";
import { useTranslation } from "react-i18next";
import { isCode, timelineKinds, type Permit, type VictimFile } from "../types.ts";
import { useFile } from "./context.ts";
import { FileTable } from "./FileTable.tsx";
import { formatDay, lowerFirst, todayIso, useLabels } from "./labels.ts";
import { Disclosure, Empty, FileSection, Item, Marker, SubSection } from "./parts.tsx";
import { PermitApplyForm, PermitDecisionForm, PoliceReportForm, ReflectionEndForm, ReflectionStartForm } from "./ResidenceForms.tsx";

type Residence = NonNullable<VictimFile["residence"]>;

/**
 * The residence scheme for victims (B8/3): the reflection period, the police report, permits, and all of it
 * as one timeline in date order.
 */
export function ResidenceSection({ residence }: { residence: Residence }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const edit = file.abilities.update === true && file.status !== "closed";
  return (
    <FileSection id="residence" heading={t("careFile.sections.residence")}>
      <Paragraph>{t("careFile.residence.intro")}</Paragraph>
      <Timeline timeline={residence.timeline} />
      <Reflection reflection={residence.reflection} edit={edit} />
      <PoliceReport report={residence.policeReport} edit={edit} />
      <Permits permits={residence.permits} edit={edit} />
    </FileSection>
  );
}

function Timeline({ timeline }: { timeline: Residence["timeline"] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const today = todayIso();
  return (
    <SubSection id="residence-timeline" heading={t("careFile.residence.timelineHeading")}>
      {timeline.length === 0 ? (
        <Empty>{t("careFile.residence.timelineEmpty")}</Empty>
      ) : (
        <OrderedList className="kz-timeline">
          {timeline.map((entry, index) => {
            const upcoming = entry.date > today;
            const label = isCode(timelineKinds, entry.kind) ? t(`careFile.residence.timelineKinds.${entry.kind}`) : entry.kind;
            return (
              <OrderedListItem key={`${entry.date}-${entry.kind}-${index}`} className={`kz-timeline__item${upcoming ? " kz-timeline__item--upcoming" : ""}`}>
                <time dateTime={entry.date} className="kz-timeline__date">{formatDay(entry.date)}</time>
                <span className="kz-timeline__what">
                  {label}
                  {entry.detail ? `: ${lowerFirst(labels.detail(entry.kind, entry.detail))}` : null}
                  {upcoming ? <> <em>({t("careFile.residence.upcoming")})</em></> : null}
                </span>
              </OrderedListItem>
            );
          })}
        </OrderedList>
      )}
    </SubSection>
  );
}

function Reflection({ reflection, edit }: { reflection: Residence["reflection"]; edit: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <SubSection id="reflection" heading={t("careFile.residence.reflectionHeading")}>
      {!reflection ? (
        <Empty>{t("careFile.residence.noReflection")}</Empty>
      ) : (
        <DataList appearance="rows" className="kz-data-list">
          <Item label={t("careFile.residence.offeredOn")}>{formatDay(reflection.offeredOn)}</Item>
          <Item label={t("careFile.residence.endsOn")}>{formatDay(reflection.endsOn)}</Item>
          <Item label={t("careFile.residence.reflectionState")}>
            {reflection.endedEarlyOn ? (
              t("careFile.residence.endedEarly", {
                date: formatDay(reflection.endedEarlyOn),
                reason: reflection.endReason ? lowerFirst(labels.reflectionEndReason(reflection.endReason)) : "",
              })
            ) : reflection.running ? (
              <strong>{t("careFile.residence.running", { count: reflection.daysLeft ?? 0 })}</strong>
            ) : reflection.offeredOn > todayIso() ? (
              t("careFile.residence.notStarted")
            ) : (
              t("careFile.residence.over")
            )}
            {reflection.running && reflection.daysLeft !== null && reflection.daysLeft <= 14 ? <> <Marker>{t("careFile.residence.endingSoon")}</Marker></> : null}
          </Item>
        </DataList>
      )}
      {edit && !reflection ? (
        <Disclosure id="reflection-start" label={t("careFile.residence.start")}>
          {(close) => <ReflectionStartForm onCancel={close} />}
        </Disclosure>
      ) : null}
      {edit && reflection?.running ? (
        <Disclosure id="reflection-end" label={t("careFile.residence.endEarly")}>
          {(close) => <ReflectionEndForm reflection={reflection} onCancel={close} />}
        </Disclosure>
      ) : null}
    </SubSection>
  );
}

function PoliceReport({ report, edit }: { report: Residence["policeReport"]; edit: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <SubSection id="police-report" heading={t("careFile.residence.policeReportHeading")}>
      <DataList appearance="rows" className="kz-data-list">
        <Item label={t("careFile.residence.policeReport")}>{labels.policeReport(report.status)}</Item>
        {report.date ? <Item label={t("careFile.residence.policeReportDate")}>{formatDay(report.date)}</Item> : null}
        {report.unableBasis ? <Item label={t("careFile.residence.unableBasis")}>{labels.unableBasis(report.unableBasis)}</Item> : null}
        {report.unableStatement ? <Item label={t("careFile.residence.unableStatement")}>{report.unableStatement}</Item> : null}
      </DataList>
      {edit ? (
        <Disclosure id="police-report-edit" label={t("careFile.residence.policeReportEdit")}>
          {(close) => <PoliceReportForm report={report} onCancel={close} />}
        </Disclosure>
      ) : null}
    </SubSection>
  );
}

function Permits({ permits, edit }: { permits: Permit[]; edit: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const pending = permits.find((p) => p.decision === null);
  return (
    <SubSection id="permits" heading={t("careFile.residence.permitsHeading")}>
      <FileTable
        caption={t("careFile.residence.permitsCaption")}
        empty={t("careFile.residence.noPermits")}
        items={permits}
        itemKey={(p) => p.id}
        columns={[
          { key: "kind", header: t("careFile.residence.permitKind"), cell: (p) => labels.permitKind(p.kind) },
          { key: "applied", header: t("careFile.residence.appliedOn"), cell: (p) => formatDay(p.appliedOn) },
          {
            key: "decision",
            header: t("careFile.residence.decision"),
            cell: (p) =>
              p.decision && p.decidedOn
                ? t("careFile.residence.decidedOn", { decision: labels.permitDecision(p.decision), date: formatDay(p.decidedOn) })
                : <strong>{t("careFile.residence.awaitingDecision")}</strong>,
          },
          { key: "validUntil", header: t("careFile.residence.permitValidUntil"), cell: (p) => (p.validUntil ? formatDay(p.validUntil) : "") },
        ]}
      />
      {edit && pending ? (
        <Disclosure id="permit-decide" label={t("careFile.residence.decide", { kind: lowerFirst(labels.permitKind(pending.kind)) })}>
          {(close) => <PermitDecisionForm permit={pending} onCancel={close} />}
        </Disclosure>
      ) : null}
      {edit && !pending ? (
        <Disclosure id="permit-apply" label={t("careFile.residence.apply")}>
          {(close) => <PermitApplyForm hasGranted={permits.some((p) => p.decision === "granted")} onCancel={close} />}
        </Disclosure>
      ) : null}
    </SubSection>
  );
}
