import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { RadioGroup, SelectField, TextareaField, TextField } from "../../../components/fields.tsx";
import { needDomains, serviceStatuses, serviceTypes, type Service, type ServiceStatus, type VictimFile } from "../types.ts";
import { filePath, useFile } from "./context.ts";
import { FileTable } from "./FileTable.tsx";
import { formatDay, lowerFirst, todayIso, useLabels } from "./labels.ts";
import { servesDomain, withOffers } from "../../network/offers.ts";
import { Disclosure, Marker, SubmitRow, SubSection } from "./parts.tsx";
import { useChecks, useFileAction } from "./useFileAction.ts";

/** Services by providers of the region's network: type, provider, period and status; overdue ones marked. */
export function ServicesPart({ services }: { services: Service[] }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const edit = file.abilities.update === true && file.status !== "closed";
  return (
    <SubSection id="services" heading={t("careFile.services.heading")}>
      <FileTable
        caption={t("careFile.services.caption")}
        empty={t("careFile.services.none")}
        items={services}
        itemKey={(s) => s.id}
        columns={[
          {
            key: "service",
            header: t("careFile.services.service"),
            cell: (s) => (
              <>
                {labels.serviceType(s.serviceType)}
                {s.description ? <span className="kz-file-cell-note">{s.description}</span> : null}
              </>
            ),
          },
          { key: "domain", header: t("careFile.services.domain"), cell: (s) => labels.domain(s.domain) },
          { key: "provider", header: t("careFile.services.provider"), cell: (s) => s.providerName },
          {
            key: "period",
            header: t("careFile.services.period"),
            cell: (s) => (s.endDate ? t("careFile.common.period", { from: formatDay(s.startDate), until: formatDay(s.endDate) }) : t("careFile.common.periodOpen", { from: formatDay(s.startDate) })),
          },
          {
            key: "status",
            header: t("careFile.services.status"),
            cell: (s) => (
              <span>
                {labels.serviceStatus(s.status)}
                {s.overdue ? <> <Marker>{s.status === "planned" ? t("careFile.services.notStarted") : t("careFile.services.pastEnd")}</Marker></> : null}
              </span>
            ),
          },
        ]}
        edit={edit ? {
          label: t("careFile.common.edit"),
          rowLabel: (s) => `${labels.serviceType(s.serviceType)}, ${s.providerName}`,
          panel: "service-edit",
          form: (s, close) => <ServiceUpdateForm service={s} onClose={close} />,
        } : undefined}
      />
      {edit ? (
        <Disclosure id="service-add" label={t("careFile.services.add")}>
          {(close) => <ServiceAddForm onCancel={close} />}
        </Disclosure>
      ) : null}
    </SubSection>
  );
}

const ADD_FIELDS = ["serviceDomain", "serviceType", "serviceProvider", "serviceDescription", "serviceStart", "serviceEnd", "serviceStatus"] as const;
const ADD_RENAME = {
  domain: "serviceDomain", serviceType: "serviceType", providerOrganisationId: "serviceProvider", description: "serviceDescription", startDate: "serviceStart",
  endDate: "serviceEnd", status: "serviceStatus",
};

function ServiceAddForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const { file, network } = useFile();
  const labels = useLabels();
  const checks = useChecks();
  const [domain, setDomain] = useState("");
  const [type, setType] = useState("");
  const [provider, setProvider] = useState("");
  const [description, setDescription] = useState("");
  const [start, setStart] = useState(todayIso());
  const [end, setEnd] = useState("");
  const [status, setStatus] = useState<ServiceStatus>("planned");
  const l = {
    serviceDomain: t("careFile.services.domain"), serviceType: t("careFile.services.type"), serviceProvider: t("careFile.services.provider"),
    serviceDescription: t("careFile.services.description"), serviceStart: t("careFile.services.startDate"), serviceEnd: t("careFile.services.endDate"),
    serviceStatus: t("careFile.services.status"),
  };
  const { errors, busy, run } = useFileAction("care-plan", ADD_FIELDS, l, ADD_RENAME);
  // Providers whose entry on the social map offers what the chosen need asks for come first, with their offers.
  const inRegion = (network?.organisations ?? []).filter((o) => o.regionId === file.regionId);
  const providers = domain ? [...inRegion.filter((o) => servesDomain(o.offers, domain)), ...inRegion.filter((o) => !servesDomain(o.offers, domain))] : inRegion;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(
      {
        serviceDomain: checks.choice(domain, l.serviceDomain),
        serviceType: checks.choice(type, l.serviceType),
        serviceProvider: checks.choice(provider, l.serviceProvider),
        serviceStart: checks.date(start, l.serviceStart),
      },
      () =>
        api.post<VictimFile>(filePath(file, "services"), {
          domain, serviceType: type, providerOrganisationId: provider, startDate: start, status,
          ...(end ? { endDate: end } : {}),
          ...(description.trim() ? { description: description.trim() } : {}),
        }),
      t("careFile.services.added"),
      onCancel,
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="service-add-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <SelectField name="serviceDomain" label={l.serviceDomain} value={domain} onChange={setDomain} placeholder={t("careFile.common.choose")}
        options={needDomains.map((d) => ({ value: d, label: labels.domain(d) }))} error={errors.fields.serviceDomain} />
      <SelectField name="serviceType" label={l.serviceType} value={type} onChange={setType} placeholder={t("careFile.common.choose")}
        options={serviceTypes.map((s) => ({ value: s, label: labels.serviceType(s) }))} error={errors.fields.serviceType} />
      <SelectField name="serviceProvider" label={l.serviceProvider} description={t("careFile.services.providerDescription")} value={provider} onChange={setProvider}
        placeholder={t("careFile.common.chooseOrganisation")} options={providers.map((o) => ({ value: o.id, label: withOffers(t, o.name, o.offers) }))} error={errors.fields.serviceProvider} />
      <TextareaField name="serviceDescription" label={l.serviceDescription} value={description} onChange={setDescription} error={errors.fields.serviceDescription} optional maxLength={2000} rows={2} />
      <TextField name="serviceStart" label={l.serviceStart} type="date" value={start} onChange={setStart} error={errors.fields.serviceStart} size="small" />
      <TextField name="serviceEnd" label={l.serviceEnd} type="date" value={end} onChange={setEnd} error={errors.fields.serviceEnd} optional size="small" />
      <RadioGroup name="serviceStatus" legend={l.serviceStatus} value={status} onChange={setStatus}
        options={serviceStatuses.map((s) => ({ value: s, label: labels.serviceStatus(s) }))} error={errors.fields.serviceStatus} />
      <SubmitRow busy={busy} label={t("careFile.services.addSubmit")} onCancel={onCancel} />
    </form>
  );
}

function ServiceUpdateForm({ service, onClose }: { service: Service; onClose: () => void }) {
  const { t } = useTranslation();
  const { file } = useFile();
  const labels = useLabels();
  const checks = useChecks();
  const [status, setStatus] = useState<ServiceStatus>(service.status);
  const [start, setStart] = useState(service.startDate);
  const [end, setEnd] = useState(service.endDate ?? "");
  const f = { status: `serviceStatus-${service.id}`, startDate: `serviceStart-${service.id}`, endDate: `serviceEnd-${service.id}` };
  const fields = useMemo(() => [`serviceStatus-${service.id}`, `serviceStart-${service.id}`, `serviceEnd-${service.id}`], [service.id]);
  const l = { [f.status]: t("careFile.services.status"), [f.startDate]: t("careFile.services.startDate"), [f.endDate]: t("careFile.services.endDate") };
  const { errors, busy, run } = useFileAction("care-plan", fields, l, f);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(
      { [f.startDate]: checks.date(start, t("careFile.services.startDate")) },
      () => api.patch<VictimFile>(filePath(file, "services", service.id), { status, startDate: start, endDate: end || null }),
      t("careFile.services.updated", { status: lowerFirst(labels.serviceStatus(status)) }),
      onClose,
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-label={t("careFile.services.updateLabel", { service: labels.serviceType(service.serviceType) })}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <RadioGroup name={f.status} legend={t("careFile.services.status")} value={status} onChange={setStatus}
        options={serviceStatuses.map((s) => ({ value: s, label: labels.serviceStatus(s) }))} error={errors.fields[f.status]} />
      <TextField name={f.startDate} label={t("careFile.services.startDate")} type="date" value={start} onChange={setStart} error={errors.fields[f.startDate]} size="small" />
      <TextField name={f.endDate} label={t("careFile.services.endDate")} type="date" value={end} onChange={setEnd} error={errors.fields[f.endDate]} optional size="small" />
      <SubmitRow busy={busy} label={t("careFile.common.save")} onCancel={onClose} />
    </form>
  );
}
