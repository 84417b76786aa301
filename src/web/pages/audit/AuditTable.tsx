import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { auditActions, auditObjectTypes, auditResults, roles, type AuditEvent } from "../../api/types.ts";
import { AppLink } from "../../components/links.tsx";
import { formatDateTime } from "../../i18n/format.ts";

const isOneOf = <T extends string>(list: readonly T[], value: string | null): value is T =>
  value !== null && (list as readonly string[]).includes(value);

export function actionLabel(t: TFunction, action: string) {
  return isOneOf(auditActions, action) ? t(`audit.actions.${action}`) : action;
}

export function objectTypeLabel(t: TFunction, type: string | null) {
  if (!type) return "";
  return isOneOf(auditObjectTypes, type) ? t(`audit.objectTypes.${type}`) : type;
}

function who(t: TFunction, event: AuditEvent) {
  if (event.actor) {
    const { displayName, organisationName } = event.actor;
    return organisationName ? `${displayName} (${organisationName})` : displayName;
  }
  if (!event.actorLabel || event.actorLabel === "system") return t("audit.system");
  if (event.actorLabel === "anonymous") return t("audit.anonymous");
  return event.actorLabel;
}

/** "user:<id>" links to that person's timeline; other references are shown as they are. */
function Subject({ value }: { value: string | null }) {
  if (!value) return null;
  const match = /^user:([0-9a-f-]{36})$/i.exec(value);
  if (!match?.[1]) return <span className="kz-id">{value}</span>;
  return (
    <AppLink to={`/audit/persoon/${match[1]}`} className="kz-id">
      {value}
    </AppLink>
  );
}

function Details({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const entries: [string, string][] = [];
  if (event.actorRole) entries.push([t("audit.role"), isOneOf(roles, event.actorRole) ? t(`roles.${event.actorRole}`) : event.actorRole]);
  if (event.onBehalfOf) entries.push([t("audit.onBehalfOf"), event.onBehalfOf]);
  if (event.clientAddress) entries.push([t("audit.clientAddress"), event.clientAddress]);
  for (const [key, value] of Object.entries(event.details ?? {})) {
    entries.push([key, typeof value === "string" ? value : JSON.stringify(value)]);
  }
  if (entries.length === 0) return null;
  return (
    <details className="kz-audit-details">
      <summary>{t("audit.details")}</summary>
      <dl>
        {entries.map(([key, value]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

export function AuditTable({ events, caption }: { events: AuditEvent[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="kz-table-scroll">
      <Table className="kz-table kz-table--audit">
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t("audit.occurredAt")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("audit.who")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("audit.action")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("audit.object")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("audit.dataSubjectColumn")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("audit.purpose")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("audit.result")}</TableHeaderCell>
            <TableHeaderCell scope="col">{t("audit.details")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {events.map((event) => (
            <TableRow key={event.id}>
              <TableCell className="kz-nowrap">{formatDateTime(event.occurredAt)}</TableCell>
              <TableCell>{who(t, event)}</TableCell>
              <TableCell>{actionLabel(t, event.action)}</TableCell>
              <TableCell>
                {objectTypeLabel(t, event.objectType)}
                {event.objectId ? <span className="kz-id"> {event.objectId}</span> : null}
              </TableCell>
              <TableCell>
                <Subject value={event.dataSubjectRef} />
              </TableCell>
              <TableCell>{event.purpose ?? ""}</TableCell>
              <TableCell>
                <span className={`kz-result kz-result--${event.result}`}>
                  {isOneOf(auditResults, event.result) ? t(`audit.results.${event.result}`) : event.result}
                </span>
              </TableCell>
              <TableCell>
                <Details event={event} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
