import { Button, Paragraph } from "@utrecht/component-library-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useLoad } from "../../api/useLoad.ts";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { RadioGroup, SelectField } from "../../components/fields.tsx";
import { LoadError, Loading } from "../../components/Status.tsx";
import { onFields } from "../care/problems.ts";
import { SubmitRow } from "../care/file/parts.tsx";
import { useAction } from "../signals/detail/useAction.ts";
import { domains, type Domain, type FocalOfficer, type FocalOfficerCandidates, type MunicipalityOfficers } from "./types.ts";

/**
 * Naming a focal officer of a municipality (a person with the role, a domain, a substitute), or changing the
 * domain and substitute of one already named, with the button that ends the appointment. The people to choose
 * from come from the server: the municipality's focal officers, and the region's as substitutes.
 */
export function OfficerForm(props: {
  municipality: MunicipalityOfficers;
  officer?: FocalOfficer;
  onCancel: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { municipality, officer } = props;
  const key = officer ? officer.id : municipality.municipalityId;
  const f = { person: `officer-person-${key}`, domain: `officer-domain-${key}`, substitute: `officer-substitute-${key}` };
  const fields = officer ? [f.domain, f.substitute] : [f.person, f.domain, f.substitute];
  const rename = (name: string) => ({ userId: f.person, domain: f.domain, substituteUserId: f.substitute })[name] ?? name;
  const candidates = useLoad(() => api.get<FocalOfficerCandidates>(`/municipalities/${municipality.municipalityId}/focal-officer-candidates`), `candidates-${key}`);
  const [person, setPerson] = useState("");
  const [domain, setDomain] = useState<Domain | "">(officer?.domain ?? "");
  const [substitute, setSubstitute] = useState(officer?.substitute?.userId ?? "");
  const labels = { [f.person]: t("focalOfficers.form.person"), [f.domain]: t("focalOfficers.form.domain"), [f.substitute]: t("focalOfficers.form.substitute") };
  const { errors, busy, submit } = useAction(fields, labels);
  const [ending, setEnding] = useState(false);
  const nameOf = (name: string | null) => name ?? t("focalOfficers.unknownName");

  if (candidates.error) return <LoadError message={candidates.error} />;
  if (!candidates.data) return <Loading />;
  const people = candidates.data.officers.filter((o) => !o.named);
  const substitutes = candidates.data.substitutes.filter((s) => s.userId !== (officer?.userId ?? person));
  if (!officer && people.length === 0) {
    return (
      <>
        <Paragraph>{t("focalOfficers.form.noCandidates")}</Paragraph>
        <Button appearance="secondary-action-button" onClick={props.onCancel}>{t("common.cancel")}</Button>
      </>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const choose = (field: string) => t("focalOfficers.form.choose", { field: field.toLowerCase() });
    const check = {
      [f.person]: !officer && !person ? choose(t("focalOfficers.form.person")) : undefined,
      [f.domain]: !domain ? choose(t("focalOfficers.form.domain")) : undefined,
    };
    const chosenName = officer ? nameOf(officer.name) : nameOf(people.find((p) => p.userId === person)?.name ?? null);
    void submit(
      check,
      () =>
        (officer
          ? api.patch<MunicipalityOfficers>(`/focal-officers/${officer.id}`, { domain, substituteUserId: substitute || null })
          : api.post<MunicipalityOfficers>(`/municipalities/${municipality.municipalityId}/focal-officers`, { userId: person, domain, ...(substitute ? { substituteUserId: substitute } : {}) })
        ).catch((error: unknown) => Promise.reject(onFields(error, rename, fields))),
      () =>
        props.onSaved(
          officer
            ? t("focalOfficers.form.saved", { name: chosenName })
            : t("focalOfficers.form.named", { name: chosenName, municipality: municipality.municipalityName }),
        ),
    );
  };

  const onEnd = async () => {
    if (!officer || ending) return;
    setEnding(true);
    try {
      await api.delete(`/focal-officers/${officer.id}`);
      props.onSaved(t("focalOfficers.form.ended", { name: nameOf(officer.name) }));
    } catch (error) {
      errors.failWithProblem(error);
      setEnding(false);
    }
  };

  return (
    <form noValidate onSubmit={onSubmit} className="kz-form kz-narrow" aria-label={officer ? `${t("focalOfficers.edit")}: ${nameOf(officer.name)}` : t("focalOfficers.add")}>
      <ErrorSummary errors={errors.summary} attempt={errors.attempt} />
      {officer ? null : (
        <SelectField
          name={f.person}
          label={labels[f.person]}
          description={t("focalOfficers.form.personDescription")}
          value={person}
          onChange={setPerson}
          placeholder={t("focalOfficers.form.choosePerson")}
          options={people.map((p) => ({ value: p.userId, label: nameOf(p.name) }))}
          error={errors.fields[f.person]}
        />
      )}
      <RadioGroup
        name={f.domain}
        legend={labels[f.domain]}
        value={domain}
        onChange={(v) => setDomain(v)}
        options={domains.map((d) => ({ value: d, label: t(`focalOfficers.domain.${d}`) }))}
        error={errors.fields[f.domain]}
      />
      <SelectField
        name={f.substitute}
        label={labels[f.substitute]}
        description={t("focalOfficers.form.substituteDescription")}
        value={substitute}
        onChange={setSubstitute}
        placeholder={t("focalOfficers.form.noSubstitute")}
        options={substitutes.map((s) => ({
          value: s.userId,
          label: s.municipalityId === municipality.municipalityId ? nameOf(s.name) : `${nameOf(s.name)} (${s.municipalityName})`,
        }))}
        error={errors.fields[f.substitute]}
        optional
      />
      <SubmitRow busy={busy} label={officer ? t("focalOfficers.form.submitEdit") : t("focalOfficers.form.submitAdd")} onCancel={props.onCancel} />
      {officer?.abilities.end ? (
        <Button appearance="secondary-action-button" className="kz-focal-end" busy={ending} disabled={ending} onClick={() => void onEnd()}>
          {t("focalOfficers.form.end")}
        </Button>
      ) : null}
    </form>
  );
}
