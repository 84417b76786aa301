import { Heading, Paragraph } from "@utrecht/component-library-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { CheckboxGroup, RadioGroup, TextareaField, TextField } from "../../components/fields.tsx";
import { useSession } from "../../session/SessionContext.tsx";
import { FileTable } from "../care/file/FileTable.tsx";
import { formatDay, todayIso } from "../care/file/labels.ts";
import { Disclosure, Marker, SubmitRow } from "../care/file/parts.tsx";
import { onFields } from "../care/problems.ts";
import { useAction } from "../signals/detail/useAction.ts";
import { AGREEMENT_CREATE, agreementKinds, type Agreement, type SocialMapEntry } from "./types.ts";

/** The region's cooperation agreements and covenants: parties, term, reminder and owners; and recording one. */
export function AgreementsSection({ entries, onMessage }: { entries: SocialMapEntry[]; onMessage: (message: string) => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const list = useLoad(() => api.get<{ items: Agreement[] }>("/cooperation-agreements"), "agreements");
  const period = (a: Agreement) =>
    a.endsOn ? t("network.agreements.periodFromUntil", { from: formatDay(a.startsOn), until: formatDay(a.endsOn) }) : t("network.agreements.periodFrom", { from: formatDay(a.startsOn) });
  return (
    <section aria-labelledby="agreements-heading" className="kz-section">
      <Heading level={2} id="agreements-heading">{t("network.agreements.heading")}</Heading>
      <Paragraph>{t("network.agreements.intro")}</Paragraph>
      {can(AGREEMENT_CREATE) ? (
        <Disclosure id="agreement-add" label={t("network.agreements.add")}>
          {(close) => (
            <AgreementForm entries={entries} onCancel={close} onAdded={(agreement) => {
              close();
              list.reload();
              onMessage(t("network.agreements.form.added", { title: agreement.title }));
            }} />
          )}
        </Disclosure>
      ) : null}
      {list.data ? (
        <FileTable
          caption={t("network.agreements.caption")}
          empty={t("network.agreements.empty")}
          items={list.data.items}
          itemKey={(a) => a.id}
          columns={[
            {
              key: "title", header: t("network.agreements.title"),
              cell: (a) => (
                <>
                  <strong>{a.title}</strong>
                  <span className="kz-file-cell-note">{t(`network.agreements.kinds.${a.kind}`)}{a.documentReference ? ` · ${a.documentReference}` : ""}</span>
                </>
              ),
            },
            { key: "parties", header: t("network.agreements.parties"), cell: (a) => a.parties.map((p) => p.name).join(", ") },
            { key: "period", header: t("network.agreements.period"), cell: period },
            {
              key: "reminder", header: t("network.agreements.reminder"),
              cell: (a) => (a.remindOn ? `${t("network.agreements.reminderOn", { date: formatDay(a.remindOn) })}${a.remindedAt ? ` (${t("network.agreements.reminderSent")})` : ""}` : t("network.agreements.noReminder")),
            },
            { key: "owners", header: t("network.agreements.owners"), cell: (a) => a.owners.map((o) => o.name ?? "").join(", ") },
            {
              key: "status", header: t("network.agreements.status"),
              cell: (a) => (a.status === "expiring" || a.status === "expired" ? <Marker>{t(`network.agreements.statuses.${a.status}`)}</Marker> : t(`network.agreements.statuses.${a.status}`)),
            },
          ]}
        />
      ) : null}
    </section>
  );
}

const FIELDS = ["agreementKind", "agreementTitle", "agreementParties", "agreementStartsOn", "agreementEndsOn", "agreementRemindDays", "agreementDocument", "agreementNote", "agreementOwners"];
const RENAME: Record<string, string> = {
  kind: "agreementKind", title: "agreementTitle", partyEntryIds: "agreementParties", startsOn: "agreementStartsOn", endsOn: "agreementEndsOn",
  remindDaysBefore: "agreementRemindDays", documentReference: "agreementDocument", note: "agreementNote", ownerUserIds: "agreementOwners",
};

function AgreementForm({ entries, onCancel, onAdded }: { entries: SocialMapEntry[]; onCancel: () => void; onAdded: (agreement: Agreement) => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const candidates = useLoad(() => api.get<{ userId: string; name: string | null; organisationName: string }[]>("/agreement-owners"), "agreement-owners");
  const [kind, setKind] = useState<(typeof agreementKinds)[number]>("agreement");
  const [title, setTitle] = useState("");
  const [parties, setParties] = useState<string[]>([]);
  const [startsOn, setStartsOn] = useState(todayIso());
  const [endsOn, setEndsOn] = useState("");
  const [remindDays, setRemindDays] = useState("60");
  const [documentReference, setDocumentReference] = useState("");
  const [note, setNote] = useState("");
  const [owners, setOwners] = useState<string[]>(session?.user ? [session.user.id] : []);
  const l: Record<string, string> = {
    agreementKind: t("network.agreements.form.kind"), agreementTitle: t("network.agreements.form.title"), agreementParties: t("network.agreements.form.parties"),
    agreementStartsOn: t("network.agreements.form.startsOn"), agreementEndsOn: t("network.agreements.form.endsOn"),
    agreementRemindDays: t("network.agreements.form.remindDaysBefore"), agreementDocument: t("network.agreements.form.documentReference"),
    agreementNote: t("network.agreements.form.note"), agreementOwners: t("network.agreements.form.owners"),
  };
  const { errors, busy, submit } = useAction(FIELDS, l);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const days = Number(remindDays);
    const check = {
      agreementTitle: title.trim() ? undefined : t("network.agreements.form.errors.title"),
      agreementParties: parties.length ? undefined : t("network.agreements.form.errors.parties"),
      agreementStartsOn: startsOn ? undefined : t("network.agreements.form.errors.startsOn"),
      agreementRemindDays: Number.isInteger(days) && days >= 1 && days <= 365 ? undefined : t("network.agreements.form.errors.remindDaysBefore"),
    };
    const body = {
      kind, title: title.trim(), partyEntryIds: parties, startsOn, ...(endsOn ? { endsOn } : {}), remindDaysBefore: days,
      documentReference, note, ...(owners.length ? { ownerUserIds: owners } : {}),
    };
    void submit(
      check,
      () => api.post<Agreement>("/cooperation-agreements", body).catch((error: unknown) => Promise.reject(onFields(error, (n) => RENAME[n.split(".")[0] ?? n] ?? n, FIELDS))),
      onAdded,
    );
  };
  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-labelledby="agreement-add-toggle">
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      <RadioGroup name="agreementKind" legend={l.agreementKind} value={kind} onChange={setKind} error={errors.fields.agreementKind}
        options={agreementKinds.map((k) => ({ value: k, label: t(`network.agreements.kinds.${k}`) }))} />
      <TextField name="agreementTitle" label={l.agreementTitle} value={title} onChange={setTitle} error={errors.fields.agreementTitle} maxLength={300} />
      <CheckboxGroup name="agreementParties" legend={l.agreementParties} description={t("network.agreements.form.partiesDescription")} values={parties} onChange={setParties}
        error={errors.fields.agreementParties} options={entries.filter((e) => e.active).map((e) => ({ value: e.id, label: e.name }))} />
      <TextField name="agreementStartsOn" label={l.agreementStartsOn} type="date" value={startsOn} onChange={setStartsOn} error={errors.fields.agreementStartsOn} size="small" />
      <TextField name="agreementEndsOn" label={l.agreementEndsOn} description={t("network.agreements.form.endsOnDescription")} type="date" value={endsOn} onChange={setEndsOn}
        error={errors.fields.agreementEndsOn} optional size="small" />
      <TextField name="agreementRemindDays" label={l.agreementRemindDays} value={remindDays} onChange={setRemindDays} inputMode="numeric" error={errors.fields.agreementRemindDays} size="small" />
      <TextField name="agreementDocument" label={l.agreementDocument} value={documentReference} onChange={setDocumentReference} error={errors.fields.agreementDocument} optional maxLength={300} />
      <TextareaField name="agreementNote" label={l.agreementNote} value={note} onChange={setNote} error={errors.fields.agreementNote} optional maxLength={2000} rows={2} />
      <CheckboxGroup name="agreementOwners" legend={l.agreementOwners} description={t("network.agreements.form.ownersDescription")} values={owners} onChange={setOwners}
        error={errors.fields.agreementOwners}
        options={(candidates.data ?? []).map((u) => ({ value: u.userId, label: `${u.name ?? ""} (${u.organisationName})` }))} />
      <SubmitRow busy={busy} label={t("network.agreements.form.submit")} onCancel={onCancel} />
    </form>
  );
}
